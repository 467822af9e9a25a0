/** Messages of `kehoach import`: reading an old plan, what was recognised, the proof. */
import { excerpt } from "./excerpt.js";

const percent = (share: number): string => (Math.floor(share * 1000) / 10).toFixed(1).replace(".", ",");

export const importMessages = {
  description: "Nhập kế hoạch cũ (.docx, .doc, .odt, .txt, .md) thành tệp YAML của kehoach, rồi dựng lại để kiểm chứng không mất chữ",
  argFiles: "các tệp kế hoạch cũ (.docx, .doc, .odt, .txt, .md)",
  optOutput: "tên tệp YAML ghi ra (khi nhập một tệp)",
  optOutDir: "thư mục ghi các tệp YAML",
  flagOutput: "-o, --output <tệp.yaml>",
  flagMin: "--min <tỉ lệ>",
  optMin: "tỉ lệ chữ của bản gốc tối thiểu phải giữ được (mặc định 0.97)",
  badMin: (v: string) => `--min phải là số từ 0 đến 1, ví dụ --min 0.97 (đang ghi "${excerpt(v)}").`,
  // what kehoach import writes into the YAML as comments
  banGoc: (label: string) => `bản gốc ghi: ${label}`,
  kiemTra: (what: string) => `kiểm tra: ${what}`,
  extraTables: (n: string) => `bản gốc có ${n} bảng ở chỗ này; kehoach chỉ giữ bảng đầu tiên, các bảng sau ở báo cáo import`,
  headerLine: (text: string) => `dòng "${excerpt(text)}" ở phần đầu văn bản không nhận ra; đã chép vào phần mở đầu`,
  keptAsComment: (text: string) => `kehoach không in được phần này của bản gốc ở chỗ này; chữ của bản gốc: ${text}`,
  tableNotPlaced: (text: string) => `một bảng của bản gốc không đặt được vào kế hoạch (đã chép vào chú thích "# kiểm tra:"): "${excerpt(text)}"`,
  emptyAppendix: (text: string) => `"${excerpt(text)}" của bản gốc không có nội dung nên không thành phụ lục của kế hoạch (đã chép vào chú thích "# kiểm tra:")`,
  signerLine: (text: string) => `dòng "${excerpt(text)}" ở phần chữ ký không nhận ra`,
  yearOnly: "bản gốc không có dòng địa danh, ngày tháng; năm lấy từ trích yếu, hãy sửa khi biết ngày ban hành",
  guessedCode: (code: string) => `bản gốc không in chữ viết tắt của cơ quan (số do hệ thống hoặc Quyết định ghi); kehoach đoán "${excerpt(code)}" (co_quan.viet_tat), hãy kiểm tra`,
  guessedPlace: (place: string) => `bản gốc không in địa danh; kehoach lấy "${excerpt(place)}" từ tên cơ quan (co_quan.dia_danh), hãy kiểm tra`,
  // refusals
  notPlan: (found: string) =>
    `tệp này là ${found}, không phải Kế hoạch; kehoach import chỉ nhập kế hoạch. Nếu tệp có kế hoạch ban hành kèm theo, hãy kiểm tra dòng "KẾ HOẠCH" và dòng "(Ban hành kèm theo Quyết định …)" dưới trích yếu. Không ghi tệp nào.`,
  noTitle: () => `không tìm thấy dòng tiêu đề "KẾ HOẠCH" trên một dòng riêng; tệp có phải kế hoạch không? Không ghi tệp nào.`,
  empty: () => "tệp rỗng, không có chữ nào để nhập. Không ghi tệp nào.",
  docm: () => "tệp .docm có macro; kehoach không mở tệp có macro. Mở bằng Word, lưu thành .docx (Tệp > Lưu thành > Tài liệu Word) rồi nhập lại.",
  unknownType: (ext: string) => `không nhập được tệp đuôi "${excerpt(ext)}"; kehoach import đọc .docx, .doc, .odt, .txt và .md.`,
  notUtf8: () => "tệp văn bản không ở mã UTF-8; mở bằng Notepad và lưu lại với mã UTF-8, rồi nhập lại.",
  outputExists: (file: string) => `đã có tệp ${file}; kehoach import không ghi đè. Xóa tệp đó hoặc chọn tên khác bằng -o.`,
  outputIsInput: () => "tệp ghi ra trùng tệp đang nhập; chọn tên khác bằng -o.",
  outputSpecial: (file: string) => `không ghi được vào ${file}: đó không phải một tệp thường.`,
  oneOutput: () => "-o chỉ dùng khi nhập một tệp; nhập nhiều tệp thì dùng --out-dir.",
  writeFailed: (file: string, reason: string) => `không ghi được ${file}: ${reason}`,
  // the report
  written: (file: string) => `đã ghi ${file}`,
  profileWritten: (file: string) => `đã ghi hồ sơ cơ quan ${file} (tên cơ quan, người ký, nơi nhận, dòng lưu)`,
  profileUsed: (file: string) => `dùng hồ sơ cơ quan ${file}; kế hoạch chỉ ghi phần khác hồ sơ`,
  kept: (share: number, total: number) => `giữ ${percent(share)} % chữ của bản gốc (${total} chữ)`,
  missing: (text: string) => `  thiếu: "${excerpt(text, 80)}"`,
  moreMissing: (n: number) => `  … và ${n} chỗ thiếu khác`,
  belowMin: (share: number, min: number) =>
    `chỉ giữ ${percent(share)} % chữ, dưới ngưỡng ${percent(min)} %: xem các chỗ thiếu ở trên và các dòng "# kiểm tra:" trong tệp YAML.`,
  notBuilt: () => "tệp YAML ghi ra chưa dựng được thành văn bản; sửa các lỗi dưới đây (tệp vẫn được giữ để sửa):",
  notes: (n: number) => `${n} chỗ cần xem lại (dòng "# kiểm tra:" hoặc "# bản gốc ghi:" trong tệp YAML)`,
} as const;
