/** Messages of the command line: usage errors, progress and summaries. */
export const cliMessages = {
  description: "Soạn Kế hoạch đúng thể thức Nghị định 30/2020/NĐ-CP từ tệp YAML.",
  checkDescription: "kiểm tra các tệp kế hoạch, báo mọi lỗi kèm dòng:cột",
  buildDescription: "kiểm tra rồi xuất mỗi kế hoạch thành tệp .docx",
  lintDescription: "tìm các sai sót thường gặp (năm cũ, ngày sai, trích dẫn, nơi nhận, người ký, bảng mã)",
  initDescription: "tạo hồ sơ cơ quan và một kế hoạch mẫu",
  argFiles: "tệp .yaml, thư mục hoặc mẫu tên (glob)",
  optFormat: "định dạng kết quả: text hoặc json",
  optOutput: "tên tệp .docx (khi xuất một kế hoạch)",
  optOutDir: "thư mục ghi các tệp .docx (giữ nguyên cấu trúc thư mục nguồn)",
  optTemplates: "thư mục mẫu Handlebars thay cho mẫu chuẩn",
  optStrict: "coi cảnh báo là lỗi (mã thoát 1)",
  optFix: "tự sửa lỗi bảng mã (TCVN3, VNI, Unicode tổ hợp) và khoảng trắng thừa",
  optKySo: "in các mã ký số (#SoKyHieuVanBan, #DiaDiemNgayBanHanh, #ChuKyLanhDao)",
  optPdf: "xuất thêm tệp PDF qua LibreOffice",
  optWatch: "theo dõi tệp và xuất lại mỗi khi lưu",
  usage: (detail: string) => `lỗi cách dùng: ${detail}\nXem hướng dẫn: kehoach --help`,
  unknownOption: (opt: string) => `không có tùy chọn "${opt}".`,
  unknownCommand: (cmd: string) => `không có lệnh "${cmd}". Các lệnh: check, build, lint, init.`,
  missingArgument: (name: string) => `thiếu ${name}.`,
  missingOptionValue: (opt: string) => `tùy chọn ${opt} cần một giá trị.`,
  badFormat: (v: string) => `định dạng "${v}" không hợp lệ; dùng text hoặc json.`,
  noFiles: (arg: string) => `không có tệp kế hoạch nào khớp với "${arg}".`,
  oneOutputOnly: () => `chỉ dùng -o khi xuất đúng một kế hoạch; với nhiều kế hoạch hãy dùng --out-dir.`,
  outputIsSource: (p: string) => `tệp xuất "${p}" trùng với tệp nguồn; kehoach không bao giờ ghi đè tệp nguồn. Hãy chọn tên .docx khác.`,
  outputNotWritable: (p: string, reason: string) =>
    `không ghi được tệp "${p}" (${reason}). Kiểm tra thư mục có tồn tại và có quyền ghi, và tệp không đang mở trong Word.`,
  built: (src: string, out: string) => `đã xuất ${out}`,
  failed: (src: string) => `không xuất được ${src}`,
  summaryCheck: (files: number, errors: number, warnings: number) =>
    `${files} tệp: ${errors} lỗi, ${warnings} cảnh báo.`,
  summaryBuild: (built: number, failed: number, seconds: string) =>
    `Đã xuất ${built} kế hoạch, ${failed} lỗi, trong ${seconds} giây.`,
  internal: (detail: string) =>
    `lỗi nội bộ của kehoach (${detail}). Đây là lỗi của chương trình, không phải của kế hoạch; hãy báo cho người phát triển kèm tệp kế hoạch.`,
} as const;
