/** Messages of reading a zip package (.docx, .odt, .xlsx): what is wrong with the file and what to do. */
export const packMessages = {
  notZip: () => "tệp không phải tài liệu Word (.docx) hay bảng tính hợp lệ: không đọc được cấu trúc nén. Hãy mở tệp trong Word hoặc LibreOffice và lưu lại dưới dạng .docx.",
  /** What is broken, for corrupt(). */
  directoryOutside: () => "thư mục trung tâm nằm ngoài tệp",
  directoryBroken: () => "thư mục trung tâm hỏng",
  noLocalHeader: (name: string) => `phần "${name}" không có đầu mục`,
  pastEnd: (name: string) => `phần "${name}" vượt quá cuối tệp`,
  sizeMismatch: (name: string) => `phần "${name}" có kích thước không khớp`,
  notInflatable: (name: string) => `phần "${name}" không giải nén được`,
  badChecksum: (name: string) => `phần "${name}" bị hỏng (sai kích thước hoặc mã kiểm tra)`,
  corrupt: (detail: string) => `tệp bị hỏng (${detail}). Hãy mở tệp trong Word hoặc LibreOffice và lưu lại thành tệp mới.`,
  encrypted: () => "tệp được đặt mật khẩu. Hãy gỡ mật khẩu trong Word (Tệp → Thông tin → Bảo vệ tài liệu) rồi thử lại.",
  method: (name: string, method: number) =>
    `phần "${name}" của tệp được nén theo cách không hỗ trợ (mã ${method}). Hãy mở tệp trong Word hoặc LibreOffice và lưu lại dưới dạng .docx.`,
  zip64: () => "tệp quá lớn để là một kế hoạch (định dạng nén ZIP64). Hãy kiểm tra lại tệp; một kế hoạch chỉ vài trăm KB.",
  tooManyEntries: (count: number, limit: number) =>
    `tệp có ${count} phần, quá giới hạn ${limit}; đây không phải một văn bản bình thường (có thể là tệp độc hại).`,
  tooLarge: (name: string) => `phần "${name}" của tệp quá lớn khi giải nén; đây không phải một văn bản bình thường (có thể là tệp độc hại).`,
  bomb: (name: string) => `phần "${name}" giải nén ra lớn bất thường so với kích thước nén (bom nén); kehoach không mở tệp này.`,
} as const;
