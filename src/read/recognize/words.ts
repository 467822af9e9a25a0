/**
 * The words `kehoach import` looks for in an existing plan: data matched against documents, not
 * text shown to the user (test/messages.test.ts lists this file as data).
 */
import type { SectionKind } from "../../model/plan.js";

/** The standard section titles, as templates/muc-*.hbs print them. */
export const SECTION_TITLES: Record<SectionKind, string> = {
  muc_dich_yeu_cau: "MỤC ĐÍCH, YÊU CẦU",
  pham_vi: "PHẠM VI, ĐỐI TƯỢNG",
  tinh_hinh: "ĐÁNH GIÁ TÌNH HÌNH",
  muc_tieu: "MỤC TIÊU, CHỈ TIÊU",
  noi_dung: "NỘI DUNG",
  nhiem_vu: "NHIỆM VỤ, GIẢI PHÁP",
  kinh_phi: "KINH PHÍ THỰC HIỆN",
  to_chuc_thuc_hien: "TỔ CHỨC THỰC HIỆN",
  bao_cao: "CHẾ ĐỘ THÔNG TIN, BÁO CÁO",
};

/** Quốc hiệu and Tiêu ngữ: kehoach prints them itself. */
export const NATIONAL = /^(CỘNG HÒA|CỘNG HOÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$|^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$/iu;

/** The title of the kind of document, upper case, on a line of its own. */
export const PLAN_TITLE = /^KẾ\s*HOẠCH$/u;
export const OTHER_TITLES = /^(QUYẾT ĐỊNH|BÁO CÁO|TỜ TRÌNH|THÔNG BÁO|NGHỊ QUYẾT|CHỈ THỊ|HƯỚNG DẪN|CHƯƠNG TRÌNH|ĐỀ ÁN|GIẤY MỜI|BIÊN BẢN|CÔNG ĐIỆN|QUY CHẾ|QUY ĐỊNH)$/u;
export const DECISION_TITLE = "QUYẾT ĐỊNH";
/** "V/v …" under the Số line is the mark of a Công văn. */
export const OFFICIAL_LETTER = /^V\/v\b/u;
export const OFFICIAL_LETTER_NAME = "CÔNG VĂN";

/** "Số: 12/KH-UBND" (number, type code, agency code); the number may be blank for the văn thư. */
export const NUMBER_LINE = /^Số\s*:\s*([^/]*?)\s*\/\s*([A-ZĐ]+)\s*-\s*(\S+)\s*$/u;
export const PLAN_CODE = "KH";
/** "Bằng Mạc, ngày 05 tháng 3 năm 2025", the day and month possibly left blank. */
export const DATE_LINE = /^(.+?)\s*,\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})\s*\.?$/u;
/** The e-office system's placeholders (ky_so). */
export const EOFFICE = /^#(SoKyHieuVanBan|DiaDiemNgayBanHanh|ChuKyLanhDao)\s*$/u;

/** "(Ban hành kèm theo Quyết định số 3961/QĐ-UBND ngày 18 tháng 11 năm 2025 của …)". */
export const ISSUED_WITH = /^\(?\s*Ban hành kèm theo Quyết định số\s*([^/\s]*)\s*\/\s*(\S+?)\s+ngày\s*(\d{0,2})\s*(?:tháng\s*|\/)(\d{0,2})\s*(?:năm\s*|\/)(\d{4})(?:\s+của\s+(.+?))?\s*\)?\s*$/u;

export const ISSUED_WITH_START = /^\(?\s*Ban hành kèm theo Quyết định/u;

export const PREAMBLE_BASIS = /^Căn cứ\s+/u;
export const PREAMBLE_FOLLOW = /^Thực hiện\s+/u;
/** Words of the clause that leads into the content ("… ban hành Kế hoạch … như sau:"). */
export const LEAD_VERB = /ban hành|xây dựng|triển khai|cụ thể|như sau|sau:/u;

export const CLOSING = /^Trên đây là(?=\s)/u;
export const RECIPIENTS = /^Nơi nhận\s*:?\s*$/u;
export const ARCHIVE = /^Lưu\b/u;
/** Notes that follow a recipient: "(b/c)", "(để thực hiện)". */
export const RECIPIENT_NOTE = /^(b\/c|bc|t\/h|th|đ\/b|p\/h|p\/h|thực hiện|báo cáo|để [^()]+)$/iu;
export const AUTHORITY = /^(TM|KT|Q|TL|TUQ)\s*\.\s*(.+)$/u;
export const SIGNED = /^\((Đã ký|đã ký|Ký|ký)[^)]*\)$/u;

export const APPENDIX = /^PHỤ LỤC\b\s*(.*)$/u;
export const ATTACHED = /^\(?\s*Kèm theo\b/u;

/** A unit block in Tổ chức thực hiện: "Đề nghị Ủy ban Mặt trận …:". */
export const REQUEST = /^Đề nghị\s+/u;

/** The task lines kehoach prints itself, and their keys. */
export const TASK_FIELDS: Record<string, "chu_tri" | "phoi_hop" | "thoi_gian"> = {
  "Cơ quan chủ trì": "chu_tri",
  "Cơ quan phối hợp": "phoi_hop",
  "Thời gian thực hiện": "thoi_gian",
};
/** Labels that mark a line as a task's field ("- Sản phẩm: …"). */
export const TASK_LABEL = /(chủ trì|phối hợp|thực hiện|thời gian|sản phẩm|kinh phí|thời hạn|nội dung|kết quả)/iu;

/** The usual code of an agency by its first line, for "Số: …/KH-UBND" when the document hides it. */
export const AGENCY_CODES: Record<string, string> = { "ỦY BAN NHÂN DÂN": "UBND", "HỘI ĐỒNG NHÂN DÂN": "HĐND" };
/** The place in the agency's last line: "XÃ ĐIỆN HOÀ" → ĐIỆN HOÀ. */
export const UNIT_WORD = /^(?:THỊ TRẤN|THỊ XÃ|THÀNH PHỐ|PHƯỜNG|XÃ|HUYỆN|QUẬN|TỈNH)\s+(.+)$/u;
/** "UỶ BAN" typed with the old accent placement reads as "ỦY BAN". */
export const agencyKey = (line: string): string => line.replace(/^UỶ/u, "ỦY");
export const YEAR = /năm (\d{4})\b/u;
/** "Căn cứ " opening a căn cứ line (after an italic mark, if any). */
export const BASIS_WORDS = /^(\*?)Căn cứ\s+/u;
/** "Phụ lục", "Phụ lục II" alone on a line. */
export const APPENDIX_LINE = /^Phụ lục(\s+[IVXLC\d]+)?\.?$/u;
