/** The names of the paragraph styles as Word shows them to the clerk (ids in model/styles.ts). */
import type { STYLE } from "../model/styles.js";

export const STYLE_NAMES: Record<keyof typeof STYLE, string> = {
  body: "KH Nội dung",
  basis: "KH Căn cứ",
  section: "KH Mục",
  titled: "KH Khoản có tiêu đề",
  item: "KH Ý",
  header: "KH Phần đầu",
  title: "KH Tên loại, trích yếu",
  rule: "KH Đường kẻ",
  recipientsLabel: "KH Nơi nhận",
  recipients: "KH Nơi nhận - dòng",
  signature: "KH Chữ ký",
  table: "KH Bảng",
  appendix: "KH Phụ lục",
  footnote: "KH Chú thích",
};
