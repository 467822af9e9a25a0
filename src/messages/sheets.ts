/** Messages about a spreadsheet a table is read from (bang.tep). The caller prefixes the file, sheet and cell. */
import { excerpt } from "./excerpt.js";

export const sheetMessages = {
  what: () => "tệp bảng tính",
  sheetPlace: (file: string, sheet: string) => `${file}, trang ${sheet}`,
  cellPlace: (sheet: string, cell: string) => `${sheet}, ô ${cell}`,
  at: (place: string, message: string) => `${place}: ${message}`,
  unclosed: (tag: string) => `thẻ <${tag}> không đóng`,
  noWorkbook: () => "thiếu xl/workbook.xml",
  noSheetData: (name: string) => `không có dữ liệu của trang "${excerpt(name)}"`,
  noAddress: (ref: string) => `ô không có địa chỉ "${excerpt(ref)}"`,
  noSharedString: (v: string) => `chuỗi dùng chung số ${excerpt(v)} không có`,
  xmlPart: (part: string, line: number, col: number, what: string) => `phần "${excerpt(part)}" hỏng ở dòng ${line}, cột ${col}: ${what}`,
  xmlDoctype: () => "có khai báo DOCTYPE/ENTITY, điều Excel không bao giờ ghi; kehoach không đọc để tránh mã độc",
  xmlEntity: () => "tham chiếu ký tự không hợp lệ",
  xmlDepth: () => "các thẻ lồng nhau quá sâu",
  xmlSyntax: () => "sai cú pháp XML",
  notSpreadsheetMl: (part: string, root: string) =>
    `phần "${excerpt(part)}" có thẻ gốc <${excerpt(root)}> không thuộc không gian tên SpreadsheetML của Excel`,
  tooManyElements: (part: string, max: number) =>
    `phần "${excerpt(part)}" của tệp bảng tính có hơn ${max.toLocaleString("vi-VN")} phần tử XML (quá nhiều ô). Hãy chép riêng vùng ô của bảng sang một tệp mới.`,
  notXlsx: (detail: string) => `không đọc được tệp như một bảng tính .xlsx (${detail}). Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx.`,
  tooLarge: (p: string) => `tệp bảng tính "${p}" quá lớn (trên 32 MB). Hãy chép riêng trang tính cần dùng sang một tệp mới.`,
  noSheet: (name: string, names: string[]) =>
    `không có trang tính "${excerpt(name)}". Các trang có trong tệp: ${names.map((n) => `"${excerpt(n)}"`).join(", ") || "(không có)"}. Hãy sửa trang cho đúng tên.`,
  csvSheet: () => "tệp .csv chỉ có một trang, không ghi trang. Hãy xóa khóa trang.",
  csvQuote: () => "dấu ngoặc kép mở ở ô này không được đóng. Hãy thêm dấu \" đóng ô (hoặc ghi \"\" cho một dấu ngoặc kép trong ô).",
  formulaWithoutValue: () =>
    "ô có công thức nhưng tệp không lưu giá trị đã tính (tệp được tạo bằng chương trình không tính công thức). Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại, rồi chạy lại kehoach.",
  errorValue: (v: string) => `ô có giá trị lỗi ${excerpt(v)} (công thức tính sai). Hãy sửa công thức trong bảng tính.`,
  cellType: (t: string) => `ô có kiểu "${excerpt(t)}" (đúng/sai hoặc ngày theo định dạng riêng) mà kehoach không in được nguyên văn. Hãy ghi nội dung ô dưới dạng chữ.`,
  numberForm: (v: string) => `số "${excerpt(v)}" ở dạng lũy thừa. Hãy ghi số đầy đủ các chữ số (định dạng ô là Số, không phải Khoa học).`,
  emptyRange: (range: string) => `vùng ${range} nằm ngoài phần có dữ liệu của trang tính. Hãy sửa vung cho đúng các ô có dữ liệu.`,
  emptySheet: () => "trang tính không có ô nào có dữ liệu. Hãy chọn đúng trang hoặc đúng tệp.",
  mergeAcrossRange: (merge: string, range: string) =>
    `ô gộp ${merge} nằm một phần ngoài vùng ${range}. Hãy mở rộng vung cho chứa cả ô gộp, hoặc bỏ gộp ô trong bảng tính.`,
  mergeAcrossHeader: (rows: number) =>
    `ô gộp này chạy từ dòng tiêu đề (${rows} dòng đầu của vùng, dong_tieu_de) xuống các dòng của bảng. Hãy sửa dong_tieu_de hoặc bỏ gộp ô.`,
  noBodyRows: (rows: number) => `vùng chỉ có ${rows} dòng tiêu đề (dong_tieu_de), không có dòng nào của bảng. Hãy mở rộng vung.`,
  rowOutside: (n: number, first: number, last: number) =>
    `dòng ${n} không phải dòng của bảng (các dòng của bảng trong vùng là ${first}–${last}, sau dòng tiêu đề). Hãy sửa số dòng theo số dòng bảng tính hiển thị.`,
  rangeTooLarge: (range: string, max: number) =>
    `vùng ${range} có hơn ${max.toLocaleString("vi-VN")} ô. Hãy ghi vung chỉ gồm các ô của bảng (ví dụ "A1:H200"), hoặc xóa các ô có dữ liệu nằm xa bảng.`,
  mergeOverlap: () => "hai ô gộp chồng lên nhau ở ô này. Hãy bỏ gộp rồi gộp lại các ô trong bảng tính.",
  headerRow: () => "dòng tiêu đề (cot)",
  columns: (found: number, columns: number, what: string) =>
    `vùng có ${found} cột nhưng ${what} có ${columns} cột. Hãy sửa vung hoặc ${what} cho bằng nhau.`,
} as const;
