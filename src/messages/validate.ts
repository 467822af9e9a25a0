/** Messages of the schema validation stage. Vietnamese; each says how to fix. */
import { excerpt } from "./excerpt.js";

const TYPE_VI: Record<string, string> = {
  string: "chữ (câu văn)",
  number: "số",
  integer: "số nguyên",
  boolean: "true hoặc false",
  object: "bảng khóa: giá trị",
  array: "danh sách (mỗi dòng bắt đầu bằng dấu -)",
  null: "rỗng",
};

export function typeVi(t: string): string {
  return TYPE_VI[t] ?? t;
}

/** What a file checked against each schema is called in messages. */
export const DOCUMENT_VI = { plan: "kế hoạch", profile: "hồ sơ cơ quan" } as const;

export const validateMessages = {
  /** `document` says what the file is: "kế hoạch" or "hồ sơ cơ quan". */
  unknownKey: (key: string, suggestion: string | undefined, document: string) =>
    `khóa "${excerpt(key)}" không có trong mẫu ${document}.` +
    (suggestion ? ` Có phải ý bạn là "${suggestion}"?` : " Xóa khóa này hoặc xem danh sách khóa trong README."),
  /** `quoted` is the read stage's trap message with the line shown quoted. */
  sentenceAsKey: (key: string, document: string, quoted: string) =>
    `khóa "${excerpt(key)}" không có trong mẫu ${document}. Nếu đây là một câu của nội dung thì ${quoted.charAt(0).toLocaleLowerCase("vi")}${quoted.slice(1)}\n` +
    `    Câu này phải nằm ở chỗ nhận chữ (doan, một ý của cac_y…); khóa của mẫu xem trong README.`,
  missingKey: (key: string, title?: string) =>
    `thiếu khóa "${key}"${title ? ` (${title})` : ""}. Hãy thêm "${key}: …" vào đây.`,
  oneOfKeys: (keys: string[]) => `cần có một trong các khóa: ${keys.map((k) => `"${k}"`).join(", ")}.`,
  quoteNumber: (source: string) =>
    `giá trị ${excerpt(source)} phải là chuỗi chữ số đặt trong dấu ngoặc kép, ví dụ "${excerpt(source)}"; không có ngoặc kép YAML sẽ đọc thành số và làm mất số 0 ở đầu.`,
  quoteValue: (source: string, expected: string) =>
    `giá trị ${excerpt(source)} phải là ${expected}; hãy đặt trong dấu ngoặc kép: "${excerpt(source)}".`,
  wrongType: (expected: string, actual: string) => `phải là ${expected}, nhưng ở đây là ${actual}.`,
  pattern: (value: string, title: string | undefined, hint: string | undefined) =>
    `giá trị "${excerpt(value)}" không đúng dạng${title ? ` của ${title}` : ""}.${hint ? ` ${hint}` : ""}`,
  enumValue: (value: string, allowed: string[], suggestion?: string) =>
    `giá trị "${excerpt(value)}" không hợp lệ.` +
    (suggestion ? ` Có phải ý bạn là "${suggestion}"?` : "") +
    ` Chọn một trong: ${allowed.join(", ")}.`,
  empty: (title?: string) => `${title ? title + " " : ""}không được để trống (chỉ có khoảng trắng cũng là trống): hãy viết nội dung, hoặc xóa cả khóa này.`,
  itemWithoutContent: (keys: string[]) =>
    `ý này không có gì để in ở dòng của nó (số thứ tự sẽ đứng một mình): hãy thêm một trong các khóa ${keys.map((k) => `"${k}"`).join(", ")}; ` +
    `nếu chỉ muốn liệt kê các ý con thì đưa chúng lên thẳng danh sách cac_y ở trên và chọn danh_dau cho danh sách đó.`,
  conflictingKeys: (keys: string[]) =>
    `không ghi cùng lúc ${keys.map((k) => `"${k}"`).join(" và ")} ở một chỗ: ${CONFLICT_REASONS[keys.join("+")] ?? "kehoach chỉ dùng được một khóa, khóa kia sẽ bị bỏ qua"}. ` +
    `Hãy xóa "${keys[keys.length - 1]}" (hoặc "${keys[0]}").`,
  needsKey: (key: string, missing: string) =>
    `khóa "${key}" chỉ có tác dụng khi có "${missing}" ở cùng chỗ: hãy thêm "${missing}: …" hoặc xóa "${key}".`,
  tooMany: (limit: number) => `quá nhiều phần tử (tối đa ${limit}).`,
  tooLong: (limit: number, title?: string) => `${title ?? "giá trị"} quá dài (tối đa ${limit} ký tự). Hãy rút gọn.`,
  range: (limit: number, op: string) => `giá trị phải ${op} ${limit}.`,
  /** range()'s comparisons */
  atLeast: "từ",
  above: "lớn hơn",
  atMost: "không quá",
  /** How describeValue names a text, and how types are joined. */
  textValue: (value: string) => `chữ "${excerpt(value)}"`,
  orWord: " hoặc ",
  rowCells: (cells: number, columns: number) =>
    `hàng này có ${cells} ô nhưng bảng có ${columns} cột (cot); mỗi hàng phải có đúng ${columns} ô. Hãy ${cells > columns ? `bớt ${cells - columns}` : `thêm ${columns - cells}`} ô.`,
  rowCellsNumbered: (cells: number, columns: number) =>
    `hàng này phủ ${cells} cột nhưng bảng có ${columns} cột ngoài cột TT (bảng có tt nên kehoach tự ghi số thứ tự); mỗi hàng phải phủ đúng ${columns} cột, không ghi ô TT. Hãy ${cells > columns ? `bớt ${cells - columns}` : `thêm ${columns - cells}`} ô.`,
  spanPastColumns: (span: number) =>
    `ô này gộp ${span} cột (gop_cot) nhưng chạy quá cột cuối của bảng. Hãy giảm gop_cot, hoặc bớt ô đứng trước nó trong hàng.`,
  spanPastRows: (span: number, left: number) =>
    `ô này gộp ${span} dòng (gop_dong) nhưng từ dòng này đến cuối chỉ còn ${left} dòng. Hãy giảm gop_dong xuống tối đa ${left}.`,
  spanOverlap: () =>
    "ô này chồng lên một ô gộp dòng (gop_dong) ở dòng trên. Ở các dòng mà ô gộp dòng phủ xuống, không ghi ô ở cột đó; hãy bớt ô này hoặc giảm gop_cot/gop_dong.",
  alignCount: (n: number, columns: number) =>
    `can có ${n} giá trị nhưng bảng có ${columns} cột; cần đúng ${columns} giá trị (trai, giua, phai, deu), mỗi cột một giá trị.`,
  amountColumn: (c: number, columns: number) => `cot_tien ghi cột ${c} nhưng bảng chỉ có ${columns} cột (đếm từ 1, tính cả cột TT). Hãy sửa số cột.`,
  widthCount: (widths: number, columns: number) =>
    `do_rong có ${widths} số nhưng bảng có ${columns} cột (cot); cần đúng ${columns} số, mỗi cột một số. Hãy ${widths > columns ? "bớt" : "thêm"} cho đủ, hoặc xóa do_rong để các cột rộng bằng nhau.`,
  levelWithoutTt: () =>
    `cap (cấp của dòng) chỉ dùng khi bảng đánh số theo cấp (tt: so_cap). Hãy thêm tt: so_cap vào bảng, hoặc xóa cap.`,
  levelUnnumbered: () =>
    `dòng cộng, dòng tổng cộng (loai: cong, tong) không có số thứ tự nên không có cấp. Hãy xóa cap của dòng này.`,
  levelJump: (level: number, previous: number) =>
    previous === 0
      ? `dòng cấp ${level} đứng đầu bảng nhưng chưa có dòng cấp ${level - 1} nào trước nó (số ${"1.".repeat(level - 1)}… không có dòng cha). Hãy để dòng đầu cấp 1, hoặc thêm dòng cấp trên trước nó.`
      : `dòng cấp ${level} đứng ngay sau dòng cấp ${previous}: không được nhảy cấp (số thứ tự sẽ thiếu một cấp). Hãy ghi cap: ${previous + 1}, hoặc thêm dòng cấp ${previous + 1} trước nó.`,
  constFalse: () => `chỉ được ghi câu văn hoặc false.`,
  generic: (detail: string) => `giá trị không hợp lệ (${detail}).`,
} as const;

/** Why two keys cannot go together, by the schema's `not: {required: [a, b]}` pair. */
const CONFLICT_REASONS: Record<string, string> = {
  "tieu_de+loai": "mục có tiêu đề riêng (tieu_de) thì không dùng tiêu đề chuẩn của loai, nên loai không có tác dụng",
  "tieu_de+don_vi": "ý có tiêu đề (tieu_de) thì tên đơn vị (don_vi) không được in",
  "tieu_de+han": 'hạn chỉ in sau nội dung của một ý thường ("<doan>: trước ngày …"); hãy đặt han ở ý con có doan',
  "don_vi+han": 'hạn chỉ in sau nội dung của một ý thường ("<doan>: trước ngày …"); hãy đặt han ở ý con có doan',
};
