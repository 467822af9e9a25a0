import { excerpt } from "./excerpt.js";

/** Messages of the command line: usage errors, progress and summaries. */
export const cliMessages = {
  optHelp: "xem hướng dẫn",
  /** The placeholders of the arguments in the help. */
  filesArg: "tệp",
  folderArg: "thư-mục",
  description: "Soạn Kế hoạch đúng thể thức Nghị định 30/2020/NĐ-CP từ tệp YAML.",
  checkDescription: "kiểm tra các tệp kế hoạch, báo mọi lỗi kèm dòng:cột",
  buildDescription: "kiểm tra rồi xuất mỗi kế hoạch thành tệp .docx",
  lintDescription: "tìm các sai sót thường gặp (năm cũ, ngày sai, trích dẫn, nơi nhận, người ký, bảng mã)",
  initDescription: "tạo hồ sơ cơ quan và một kế hoạch mẫu",
  fmtDescription: "viết lại các tệp kế hoạch và hồ sơ cơ quan theo một bố cục chuẩn (không đổi nội dung)",
  argFiles: "tệp .yaml, thư mục hoặc mẫu tên (glob)",
  // options as commander reads them: the flag, then its value's name shown in the help
  flagFormat: "--format <định dạng>",
  flagTemplates: "--templates <thư mục>",
  flagOutDir: "--out-dir <thư mục>",
  flagFonts: "--fonts <thư mục>",
  flagOutput: "-o, --output <tệp.docx>",
  flagJobs: "-j, --jobs <số>",
  optFormat: "định dạng kết quả: text hoặc json",
  optOutput: "tên tệp .docx (khi xuất một kế hoạch)",
  optOutDir: "thư mục ghi các tệp .docx (giữ nguyên cấu trúc thư mục nguồn)",
  optTemplates: "thư mục mẫu Handlebars thay cho mẫu chuẩn",
  optStrict: "coi cảnh báo là lỗi (mã thoát 1)",
  optFix: "tự sửa lỗi bảng mã (TCVN3, VNI, Unicode tổ hợp) và khoảng trắng thừa",
  optKySo: "in các mã ký số (#SoKyHieuVanBan, #DiaDiemNgayBanHanh, #ChuKyLanhDao)",
  optPdf: "xuất thêm tệp PDF/A qua LibreOffice",
  optFonts: "thư mục chứa tệp phông chữ của cơ quan (ví dụ Times New Roman) dùng khi xuất PDF",
  optWatch: "theo dõi tệp và xuất lại mỗi khi lưu",
  optJobs: "số kế hoạch xuất cùng lúc (mặc định: số lõi CPU)",
  badTemplates: (v: string) => `--templates "${excerpt(v)}" không phải một thư mục có sẵn (không tìm thấy, hoặc là một tệp). Hãy chỉ ra thư mục chứa các tệp mẫu .hbs.`,
  badJobs: (v: string) => `--jobs cần một số nguyên dương, không phải "${v}".`,
  badSourceDate: (v: string, min: number, max: number) =>
    `biến môi trường SOURCE_DATE_EPOCH = "${v}" không dùng được: cần số giây từ ${min} (1/1/1980) đến ${max} (31/12/2099), là khoảng thời gian tệp .docx (zip) và Word lưu được. Ví dụ: SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), hoặc bỏ biến này để dùng ngày của kế hoạch.`,
  usage: (detail: string) => `lỗi cách dùng: ${detail}\nXem hướng dẫn: kehoach --help`,
  unknownOption: (opt: string) => `không có tùy chọn "${opt}".`,
  unknownCommand: (cmd: string, nearest?: string) =>
    `không có lệnh "${cmd}".${nearest ? ` Có phải ý bạn là "${nearest}"?` : ""} Các lệnh: check, build, lint, fmt, init.`,
  missingArgument: (name: string) => `thiếu ${name}.`,
  missingOptionValue: (opt: string) => `tùy chọn ${opt} cần một giá trị.`,
  badFormat: (v: string) => `định dạng "${v}" không hợp lệ; dùng text hoặc json.`,
  noFiles: (arg: string) => `không có tệp kế hoạch nào khớp với "${arg}".`,
  unreadableFolder: (dir: string) =>
    `không đọc được thư mục "${dir}" nên bỏ qua các kế hoạch trong đó. Kiểm tra quyền đọc của thư mục (chmod), hoặc chạy lại với người dùng có quyền.`,
  oneOutputOnly: () => `chỉ dùng -o khi xuất đúng một kế hoạch; với nhiều kế hoạch hãy dùng --out-dir.`,
  outputAndOutDir: () => `dùng -o (một tệp) hoặc --out-dir (một thư mục), không dùng cả hai.`,
  outputCollision: (out: string, others: string[]) =>
    `tệp xuất "${out}" trùng với tệp xuất của ${others.map((o) => `"${o}"`).join(", ")}; các kế hoạch này không được xuất để không ghi đè lẫn nhau. Hãy đổi tên một tệp, hoặc xuất riêng từng kế hoạch bằng -o.`,
  interrupted: () => `đã dừng theo yêu cầu (Ctrl+C hoặc tín hiệu dừng); các tệp tạm đã được xóa, các tệp .docx đã xuất vẫn được giữ.`,
  outputIsSource: (p: string) => `tệp xuất "${p}" trùng với tệp nguồn; kehoach không bao giờ ghi đè tệp nguồn (kế hoạch hay hồ sơ cơ quan). Hãy chọn tên tệp xuất khác.`,
  outputSpecial: (p: string) =>
    `"${p}" không phải tệp thường (là thiết bị, ống FIFO hoặc thư mục, hay liên kết tới chúng); kehoach chỉ ghi vào tệp thường hoặc tên chưa có và không động tới "${p}". Hãy chọn tên tệp khác.`,
  outputNotWritable: (p: string, reason: string) =>
    `không ghi được tệp "${p}" (${reason}). Kiểm tra thư mục có tồn tại và có quyền ghi, và tệp không đang mở trong Word.`,
  profileNotBuildable: (p: string) =>
    `"${p}" là hồ sơ cơ quan (co-quan.yaml hoặc tệp chỉ có các khóa của hồ sơ), không phải kế hoạch: không có gì để xuất. Hãy xuất tệp kế hoạch dùng hồ sơ này; kiểm tra hồ sơ bằng kehoach check ${p}.`,
  built: (src: string, out: string) => `đã xuất ${out}`,
  failed: (src: string) => `không xuất được ${src}`,
  summaryCheck: (files: number, errors: number, warnings: number) =>
    `${files} tệp: ${errors} lỗi, ${warnings} cảnh báo.`,
  summaryBuild: (built: number, failed: number, seconds: string) =>
    `Đã xuất ${built} kế hoạch, ${failed} lỗi, trong ${seconds} giây.`,
  buildInternal: (detail: string) =>
    `lỗi nội bộ khi xuất kế hoạch này (${detail}); các kế hoạch khác vẫn được xuất. Đây là lỗi của chương trình, không phải của kế hoạch; hãy báo cho người phát triển kèm tệp kế hoạch.`,
  workerStopped: "luồng xuất dừng đột ngột",
  buildMemory: (mb: number) =>
    `kế hoạch này cần quá ${mb} MB bộ nhớ để xuất nên không xuất được; các kế hoạch khác vẫn được xuất. Hãy chia kế hoạch thành nhiều tệp nhỏ hơn, hoặc bớt chú thích (^[…]) và mục.`,
  internal: (detail: string) =>
    `lỗi nội bộ của kehoach (${detail}). Đây là lỗi của chương trình, không phải của kế hoạch; hãy báo cho người phát triển kèm tệp kế hoạch.`,
} as const;

/** Messages of `kehoach init`. */
export const initMessages = {
  argFolder: "thư mục tạo tệp (mặc định thư mục hiện tại)",
  flagAgency: "--co-quan <tên>",
  flagParent: "--chu-quan <tên>",
  flagName: "--ten-goi <tên>",
  flagAbbr: "--viet-tat <chữ>",
  flagPlace: "--dia-danh <tên>",
  flagSigner: "--nguoi-ky <họ tên>",
  flagYear: "--nam <năm>",
  optAgency: "tên cơ quan ban hành, mỗi dòng cách nhau bằng dấu / (ví dụ \"ỦY BAN NHÂN DÂN/XÃ BẰNG MẠC\")",
  optParent: "tên cơ quan chủ quản (nếu có)",
  optName: "tên cơ quan dùng trong câu văn (ví dụ \"Ủy ban nhân dân xã Bằng Mạc\")",
  optAbbr: "chữ viết tắt trong ký hiệu văn bản (mặc định UBND)",
  optPlace: "địa danh in ở dòng ngày tháng (ví dụ Bằng Mạc)",
  optSigner: "họ tên người ký",
  optYear: "năm của kế hoạch (mặc định năm nay)",
  ask: {
    agency: "Tên cơ quan (các dòng cách nhau bằng /): ",
    name: "Tên cơ quan trong câu văn: ",
    abbr: "Chữ viết tắt trong ký hiệu [UBND]: ",
    place: "Địa danh: ",
    signer: "Họ tên người ký: ",
  },
  missing: (flag: string) => `thiếu ${flag}: khi không chạy trong cửa sổ lệnh tương tác, hãy truyền giá trị bằng tùy chọn ${flag}.`,
  badAbbr: (v: string) => `chữ viết tắt "${v}" không hợp lệ: chỉ dùng chữ in hoa, chữ số và dấu gạch nối, ví dụ UBND.`,
  badYear: (v: string) => `--nam cần một năm gồm 4 chữ số, ví dụ --nam 2025, không phải "${excerpt(v)}".`,
  exists: (p: string) => `đã có tệp ${p}; kehoach init không bao giờ ghi đè. Giữ nguyên tệp này.`,
  existsFolder: (p: string) => `đã có thư mục tên ${p}; kehoach init không tạo được tệp trùng tên thư mục. Hãy đổi tên thư mục đó, hoặc chạy kehoach init ở thư mục khác.`,
  cannotCreate: (p: string, reason: string) => `không tạo được tệp ${p} (${reason}). Kiểm tra quyền ghi của thư mục.`,
  cannotCreateFolder: (dir: string, reason: string) => `không tạo được thư mục ${dir} (${reason}). Hãy chọn thư mục khác.`,
  fileInTheWay: "đã có một tệp trùng tên thư mục này hoặc một thư mục cha",
  created: (p: string) => `đã tạo ${p}`,
  schemaCopied: (dir: string) => `đã chép lược đồ của kehoach vào ${dir}: dòng $schema ở đầu kế hoạch trỏ tới đây để trình soạn thảo gợi ý và giải thích từng khóa; hãy commit thư mục này cùng các kế hoạch.`,
  next: (plan: string) => `Tiếp theo: sửa ${plan} rồi chạy: kehoach build ${plan}`,
} as const;

/** Messages of PDF output and watch mode. */
export const outputMessages = {
  noSoffice: (pkg: string) =>
    `không xuất được PDF vì máy chưa có LibreOffice. Cài bằng lệnh: apt-get install ${pkg} (Debian/Ubuntu), rồi chạy lại với --pdf.`,
  pdfTooOld: (version: string, pkg: string) =>
    `LibreOffice trên máy là bản ${version}; để xuất PDF/A cần bản 7.4 trở lên. Hãy cập nhật (apt-get install ${pkg}). Tệp .docx vẫn được giữ.`,
  pdfFontsMissing: (dir: string) => `không có thư mục phông chữ "${dir}" (--fonts). Kiểm tra lại đường dẫn. Tệp .docx vẫn được giữ.`,
  pdfTimeout: (seconds: number) =>
    `LibreOffice không chuyển xong sang PDF trong ${seconds} giây nên đã bị dừng. Tệp .docx vẫn được giữ; hãy chạy lại, hoặc mở tệp .docx bằng LibreOffice để xem có gì bất thường.`,
  pdfNoOutput: () => `LibreOffice không tạo được tệp PDF từ tệp .docx này. Tệp .docx vẫn được giữ; hãy mở nó bằng LibreOffice để xem có gì bất thường.`,
  pdfBlocked: (pdf: string) =>
    `không xuất được PDF: đã có thư mục (hoặc tệp đặc biệt) tên ${pdf} ở chỗ ghi tệp PDF; hãy đổi tên hoặc xóa nó. Tệp .docx vẫn được giữ.`,
  pdfNotWritable: (p: string, reason: string) =>
    reason === "source"
      ? `tệp PDF "${p}" trùng với tệp nguồn; kehoach không bao giờ ghi đè tệp nguồn. Hãy chọn tên tệp xuất khác. Tệp .docx vẫn được giữ.`
      : `không ghi được tệp PDF "${p}" (${reason}). Kiểm tra thư mục có quyền ghi và tệp không đang mở. Tệp .docx vẫn được giữ.`,
  pdfFontSubstitute: (font: string) =>
    `máy này không có phông Times New Roman; LibreOffice dùng phông thay thế "${font}" trong PDF. Nếu đó là Liberation Serif thì chữ cùng cỡ nên dòng và trang không đổi, chỉ nét chữ khác; phông khác có thể làm xuống dòng khác đi. Hãy cài phông Times New Roman, hoặc chỉ thư mục chứa tệp phông của cơ quan bằng --fonts THƯ-MỤC.`,
  pdfNoFaketime: (pkg: string) =>
    `máy chưa có gói ${pkg} nên tệp PDF mang thời điểm chuyển đổi: mỗi lần xuất cho một tệp khác nhau. Để PDF giống hệt nhau từng byte, hãy cài: apt-get install ${pkg}.`,
  pdfBuilt: (out: string) => `đã xuất ${out}`,
  watching: (files: string) => `Đang theo dõi ${files}. Lưu tệp để xuất lại; nhấn Ctrl+C để dừng.`,
  rebuilding: (file: string) => `${file} thay đổi, đang xuất lại…`,
} as const;

/** Messages of `kehoach lint`. */
export const lintCliMessages = {
  fixed: (file: string, n: number) => `đã sửa ${n} chỗ trong ${file}`,
  linkOutside: (file: string) =>
    `không sửa ${file}: đây là liên kết tượng trưng tới một tệp ngoài thư mục của nó, và kehoach --fix không ghi ra ngoài thư mục đó. Hãy chạy kehoach lint --fix với chính tệp gốc.`,
  notWritten: (file: string, reason: string) =>
    `không ghi được bản đã sửa của ${file} (${reason}); tệp vẫn như cũ. Kiểm tra quyền ghi của thư mục, hoặc sửa tay theo các cảnh báo.`,
} as const;

/** Messages of `kehoach fmt`. */
export const fmtMessages = {
  optCheck: "chỉ kiểm tra, không ghi: báo các tệp chưa đúng bố cục chuẩn và thoát với mã 1 (dùng trong CI, pre-commit)",
  unformatted: (file: string) => `tệp chưa đúng bố cục chuẩn của kehoach fmt. Chạy: kehoach fmt ${file} (tệp được viết lại, nội dung không đổi).`,
  formatted: (file: string) => `đã định dạng ${file}`,
  notPlan: (keys: string) =>
    `tệp này không phải kế hoạch hay hồ sơ cơ quan của kehoach: không có khóa nào của kế hoạch (${keys}) ở cấp ngoài cùng, nên kehoach fmt không sửa nó. Hãy kiểm tra lại tên tệp.`,
  changedMeaning: () =>
    `lỗi nội bộ của kehoach fmt: bản viết lại sẽ làm đổi nội dung ở chỗ này nên tệp được giữ nguyên. Đây là lỗi của chương trình, không phải của kế hoạch; hãy báo cho người phát triển kèm tệp kế hoạch.`,
  linkOutside: (file: string) =>
    `không viết lại ${file}: đây là liên kết tượng trưng tới một tệp ngoài thư mục của nó, và kehoach fmt không ghi ra ngoài thư mục đó. Hãy chạy kehoach fmt với chính tệp gốc.`,
  notWritten: (file: string, reason: string) => `không ghi được ${file} (${reason}); tệp vẫn như cũ. Kiểm tra quyền ghi của tệp và thư mục.`,
  summary: (files: number, changed: number, errors: number) => `${files} tệp: ${changed} tệp được viết lại, ${errors} lỗi.`,
  summaryCheck: (files: number, unformatted: number, errors: number) =>
    unformatted
      ? `${files} tệp: ${unformatted} tệp chưa đúng bố cục chuẩn, ${errors} lỗi khác. Chạy kehoach fmt với các tệp trên để viết lại.`
      : `${files} tệp: không tệp nào cần viết lại, ${errors} lỗi khác.`,
} as const;

/** How a finding's severity is printed. */
export const SEVERITY_VI = { error: "lỗi", warning: "cảnh báo" } as const;

/** Commander's English help words and what the help prints instead (cli.ts helpVi). */
export const HELP_WORDS: [RegExp, string][] = [
  [/^Usage:/m, "Cách dùng:"],
  [/^Arguments:/m, "Tham số:"],
  [/^Options:/m, "Tùy chọn:"],
  [/^Commands:/m, "Lệnh:"],
  [/\[options\]/g, "[tùy chọn]"],
  [/\[command\]/g, "[lệnh]"],
  [/\(default: /g, "(mặc định: "],
  [/\(choices: /g, "(chọn: "],
];
