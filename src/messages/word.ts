/**
 * Messages of reading a Word document for `kehoach import` (.docx, .odt, .doc). The finding names
 * the file (printed as file:1:1 before the message); the message says what is wrong and what to do.
 */
import { excerpt } from "./excerpt.js";

const RESAVE = "Hãy mở tệp bằng Word hoặc LibreOffice Writer và lưu lại dưới dạng .docx rồi nhập tệp .docx đó.";

export const wordMessages = {
  empty: () => "tệp rỗng (0 byte), không có văn bản nào để nhập. Hãy kiểm tra lại đúng tệp kế hoạch.",
  tooLarge: (sizeMb: string, limitMb: number) =>
    `tệp quá lớn để là một kế hoạch (${sizeMb} MB; tối đa ${limitMb} MB). Nếu tệp có nhiều hình ảnh, hãy lưu một bản không có ảnh (hoặc nén ảnh trong Word) rồi nhập bản đó.`,
  notDocument: (format: string) => `tệp không phải tài liệu ${format} (nội dung không đúng định dạng). ${RESAVE}`,
  notDocumentText: (format: string) =>
    `tệp là văn bản thuần chứ không phải tài liệu ${format} (có lẽ bị đổi đuôi). Hãy đổi lại đuôi .txt rồi nhập, hoặc mở bằng Word và lưu thành .docx.`,
  noBody: () => `tệp nén không chứa phần nội dung của văn bản Word (word/document.xml). ${RESAVE}`,
  encrypted: () =>
    "tệp được đặt mật khẩu (đã mã hóa), kehoach không đọc được. Hãy mở tệp trong Word, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi nhập.",
  macros: () =>
    "tệp có macro (VBA); kehoach không nhập tệp có macro vì macro có thể chứa mã độc. Hãy mở tệp trong Word, lưu lại dưới dạng \"Tài liệu Word (.docx)\" (không macro) rồi nhập tệp .docx đó.",
  zip: (detail: string) => `không đọc được tệp Word: ${detail}`,
  xml: (part: string, line: number, col: number, what: string) =>
    `phần "${excerpt(part)}" của tệp Word bị hỏng ở dòng ${line}, cột ${col} (${what}). ${RESAVE}`,
  xmlDoctype: () => "có khai báo DOCTYPE/ENTITY, điều Word không bao giờ ghi; kehoach không đọc để tránh mã độc",
  xmlEntity: () => "tham chiếu ký tự không hợp lệ",
  xmlMismatch: () => "thẻ mở và thẻ đóng không khớp",
  xmlUnclosed: () => "thẻ không được đóng",
  xmlNoRoot: () => "không có nội dung XML",
  xmlDepth: () => "lồng nhau quá sâu",
  xmlElements: () => "quá nhiều phần tử, không phải một văn bản bình thường",
  xmlSyntax: () => "sai cú pháp XML",
  encoding: (part: string) => `phần "${excerpt(part)}" của tệp Word không phải văn bản UTF-8 hợp lệ. ${RESAVE}`,
  legacy: (encoding: string) =>
    `văn bản gõ bằng bảng mã cũ ${encoding} (phông .VnTime hoặc VNI-Times) đã được chuyển sang Unicode. Hãy đọc lại các chữ có dấu trong kết quả nhập.`,
  noSoffice: (format: string, pkg: string) =>
    `cần LibreOffice để đọc tệp ${format} nhưng máy chưa cài. Cài bằng lệnh: apt-get install ${pkg} (Debian/Ubuntu), hoặc mở tệp bằng Word và lưu thành .docx rồi nhập tệp .docx.`,
  convertFailed: (format: string) =>
    `LibreOffice không chuyển được tệp ${format} này sang .docx (tệp hỏng, đặt mật khẩu, hoặc không phải văn bản). Hãy mở tệp bằng Word hoặc LibreOffice Writer và lưu lại dưới dạng .docx rồi nhập.`,
  convertTimeout: (format: string, seconds: number) =>
    `LibreOffice chuyển tệp ${format} quá ${seconds} giây nên đã dừng. Hãy mở tệp bằng LibreOffice Writer và lưu lại dưới dạng .docx rồi nhập, hoặc đặt KEHOACH_PDF_TIMEOUT_MS lớn hơn.`,
} as const;
