/** Messages of the read and validate stages (YAML and schema). Vietnamese, each says how to fix. */
import { groupDigits } from "../digits.js";
import { excerpt } from "./excerpt.js";

export const readMessages = {
  notFound: () => "không tìm thấy tệp. Kiểm tra lại tên và đường dẫn.",
  special: () =>
    "đây là tệp đặc biệt (thiết bị, FIFO hoặc socket), không phải tệp văn bản; kehoach chỉ đọc tệp .yaml thường. Hãy chỉ ra một tệp .yaml.",
  isDirectory: () => "đây là một thư mục, không phải tệp YAML. Hãy chỉ ra một tệp .yaml.",
  unreadable: (reason: string) => `không đọc được tệp (${reason}). Kiểm tra quyền đọc tệp.`,
  /** sizeMb unknown when the system did not state the size (a read stopped past the limit). */
  tooLarge: (sizeMb: string | undefined, limitMb: number) =>
    `tệp quá lớn (${sizeMb ? sizeMb + " MB; " : ""}tối đa ${limitMb} MB). Một kế hoạch chỉ cần vài chục KB; hãy kiểm tra xem có dán nhầm nội dung khác không.`,
  binary: () => "tệp không phải văn bản (có ký tự nhị phân). Hãy mở bằng trình soạn thảo văn bản và lưu lại dưới dạng UTF-8.",
  badEncoding: () =>
    "tệp không phải mã UTF-8. Hãy lưu lại tệp với bảng mã UTF-8 (Unicode) trong trình soạn thảo.",
  empty: () => "tệp rỗng. Hãy bắt đầu từ một kế hoạch mẫu (kehoach init) hoặc một tệp trong examples/.",
  notMapping: (what: string) =>
    `tệp phải là một bảng khóa: giá trị (ví dụ "trich_yeu: ..."), nhưng ở đây là ${what}.`,
  yamlSyntax: (detail: string) => `lỗi cú pháp YAML: ${detail}.`,
  colonInValue: () =>
    'lỗi cú pháp YAML: giá trị có dấu hai chấm (:). Hãy đặt cả câu trong dấu ngoặc kép, ví dụ loi_dan: "… như sau:".',
  duplicateKey: (key: string) => `khóa "${excerpt(key)}" bị lặp lại. Xóa một trong hai hoặc gộp nội dung lại.`,
  aliasBomb: () =>
    "tệp dùng quá nhiều bí danh YAML (*...) lồng nhau; đây có thể là tệp độc hại. Hãy viết nội dung trực tiếp, không dùng & và *.",
  tooDeep: (limit: number) => `nội dung lồng nhau quá sâu (quá ${limit} cấp). Hãy tổ chức lại các ý cho nông hơn.`,
  tooManyNodes: (limit: number) => `tệp có quá nhiều mục (quá ${limit}). Hãy chia kế hoạch thành nhiều tệp.`,
  /** What complexKey and notMapping name. */
  explicitKeyWord: "một khóa tường minh (dấu ?)",
  aliasKeyWord: "một bí danh (*...)",
  collectionKeyWord: "một bảng hoặc danh sách",
  listWord: "một danh sách (dòng bắt đầu bằng dấu -)",
  scalarWord: (value: string) => `một giá trị đơn "${excerpt(value)}"`,
  emptyWord: "rỗng",
  complexKey: (what: string) =>
    `khóa ở đây là ${what}; khóa trong kế hoạch phải là một từ đơn giản như trich_yeu (viết trich_yeu: …). Hãy viết lại khóa thành một từ.`,
  emptyKey: () => "khóa bị bỏ trống (hoặc là null, ~). Hãy ghi tên khóa trước dấu hai chấm, ví dụ trich_yeu: ….",
  tag: (tag: string) => `kehoach không dùng thẻ YAML (${tag}). Hãy xóa "${tag}" và chỉ ghi giá trị.`,
  multipleAnchors: () => "một giá trị có nhiều neo (&...). Hãy xóa bớt, chỉ giữ một neo (tốt nhất là không dùng & và *).",
  inexactNumber: (source: string) =>
    `số ${source} quá lớn để giữ chính xác (quá 9.007.199.254.740.991). Hãy đặt số trong dấu ngoặc kép, ví dụ "${source}".`,
  similar: (count: number, error: boolean) =>
    `… và ${groupDigits(String(count))} ${error ? "lỗi" : "cảnh báo"} tương tự không in ra. Hãy sửa những chỗ trên rồi chạy lại.`,
  forbiddenChar: (code: string) =>
    `có ký tự điều khiển không hợp lệ (${code}) trong văn bản; Word không mở được tệp chứa ký tự này. Hãy xóa ký tự đó.`,
} as const;

const YAML_ERROR_VI: Record<string, string> = {
  BAD_INDENT: "thụt lề không đúng; các khóa cùng cấp phải thẳng hàng",
  BLOCK_AS_IMPLICIT_KEY: "khóa không hợp lệ; có thể thiếu dấu hai chấm hoặc thụt lề sai",
  BAD_SCALAR_START: "giá trị bắt đầu bằng ký tự đặc biệt; hãy đặt giá trị trong dấu ngoặc kép",
  MISSING_CHAR: "thiếu ký tự đóng (dấu ngoặc kép, ngoặc vuông hoặc ngoặc nhọn)",
  MULTILINE_IMPLICIT_KEY: "khóa viết trên nhiều dòng; có thể thiếu dấu ngoặc kép đóng ở dòng trước",
  UNEXPECTED_TOKEN: "có ký tự không mong đợi; kiểm tra dấu hai chấm, dấu gạch đầu dòng và dấu ngoặc kép",
  TAB_AS_INDENT: "dùng phím Tab để thụt lề; YAML chỉ chấp nhận dấu cách",
  DUPLICATE_KEY: "khóa bị lặp lại",
  BAD_ALIAS: "bí danh (*...) không hợp lệ",
  BAD_DIRECTIVE: "chỉ thị YAML (%...) không hợp lệ",
  BLOCK_IN_FLOW: "khối nhiều dòng nằm trong [...] hoặc {...}",
  MISSING_ANCHOR: "bí danh trỏ tới neo (&...) không tồn tại",
  MULTIPLE_ANCHORS: "một nút có nhiều neo (&...)",
  MULTIPLE_DOCS: "tệp chứa nhiều tài liệu YAML (dấu ---); chỉ được một",
  MULTIPLE_TAGS: "một nút có nhiều thẻ (!...)",
  TAG_RESOLVE_FAILED: "thẻ YAML (!...) không được hỗ trợ",
  BAD_COLLECTION_TYPE: "kiểu danh sách/bảng không hợp lệ",
  KEY_OVER_1024_CHARS: "khóa dài quá 1024 ký tự",
};

/** A Vietnamese description of a yaml library error code, with a hint. */
export function yamlErrorVi(code: string): string {
  return YAML_ERROR_VI[code] ?? "cú pháp không hợp lệ; kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép";
}
