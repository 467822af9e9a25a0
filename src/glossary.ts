/**
 * Glossary: each Vietnamese domain word has one name in the code, listed here once, with every
 * YAML key of the two schemas (kehoach.schema.json, co-quan.schema.json) and what it becomes in the
 * normalized plan (src/model/normalized.ts) or the document model. test/glossary.test.ts checks
 * that every key of both schemas is here and nothing else is.
 */
export interface GlossaryEntry {
  /** The Vietnamese word (as a clerk says it). */
  vi: string;
  /** Its name in the code: a field of NormalizedPlan (dotted), of an Item/Section/Appendix, or a type. */
  code: string;
  /** What it is. */
  what: string;
}

/** Every YAML key, by name (a name used in several places is one entry, its meanings listed). */
export const YAML_KEYS: Record<string, GlossaryEntry> = {
  co_quan: { vi: "cơ quan ban hành", code: "agency", what: "the issuing agency: chu_quan, ten, ten_goi, viet_tat, dia_danh" },
  chu_quan: { vi: "cơ quan chủ quản", code: "agency.parent", what: "the agency above the issuer (printed above it, not bold)" },
  ten: { vi: "tên", code: "agency.lines / recipient.name", what: "co_quan.ten: the agency's lines (bold, upper case); noi_nhan[].ten: a recipient" },
  ten_goi: { vi: "tên gọi", code: "agency.name", what: "the agency's name in running text" },
  viet_tat: { vi: "chữ viết tắt", code: "agency.abbreviation", what: "the agency's code in the ký hiệu (KH-UBND)" },
  dia_danh: { vi: "địa danh", code: "agency.place", what: "place name in the date line" },
  so: { vi: "số", code: "number", what: "the number in \"Số: 05/KH-UBND\", as typed; one digit gets a leading 0" },
  ngay: { vi: "ngày ban hành", code: "date", what: "the date line's date (year, month, day)" },
  trich_yeu: { vi: "trích yếu", code: "summary", what: "the subject under \"KẾ HOẠCH\"" },
  trich_yeu_trong_cau: { vi: "trích yếu (trong câu)", code: "summaryInSentence", what: "the trích yếu as written inside the default sentences" },
  mo_dau: { vi: "mở đầu", code: "preamble", what: "free text, or can_cu, thuc_hien and loi_dan" },
  can_cu: { vi: "căn cứ", code: "preamble.bases", what: "legal bases, italic lines \"Căn cứ …;\"" },
  thuc_hien: { vi: "thực hiện", code: "preamble.implements", what: "documents the plan carries out (\"Thực hiện …\")" },
  loi_dan: { vi: "lời dẫn", code: "preamble.leadIn", what: "the sentence leading into the content (\"… ban hành Kế hoạch … như sau:\")" },
  noi_dung: { vi: "nội dung", code: "sections / budgetLine.text", what: "the plan's mục (Section[]); in du_toan, a budget line's text" },
  loai: { vi: "loại mục", code: "section.kind", what: "a standard mục, whose title a template gives (SectionKind)" },
  tieu_de: { vi: "tiêu đề", code: "title / titleLines", what: "a mục's or ý's own title; a Phụ lục's title lines" },
  doan: { vi: "đoạn", code: "paragraphs", what: "flowing text: paragraphs of a mục, ý or Phụ lục" },
  cac_y: { vi: "các ý", code: "items", what: "Item[]: khoản (1., 2.), điểm (a), b)) and deeper, by depth" },
  danh_dau: { vi: "dấu đầu dòng", code: "Marker", what: "how a list's items are marked (so, chu, gach, cong, so_cap, khong)" },
  don_vi: { vi: "đơn vị", code: "item.unit / archive.unit", what: "an ý of Tổ chức thực hiện: \"1. Phòng Nội vụ:\"; in luu, the drafting unit" },
  de_nghi: { vi: "đề nghị", code: "item.propose", what: "\"Đề nghị …:\" before a unit outside the agency's authority" },
  chu_tri: { vi: "chủ trì", code: "item.fields (key chu_tri)", what: "a task's lead unit (\"Cơ quan chủ trì: …\")" },
  phoi_hop: { vi: "phối hợp", code: "item.fields (key phoi_hop)", what: "a task's partner units" },
  thoi_gian: { vi: "thời gian thực hiện", code: "item.fields (key thoi_gian)", what: "a task's time" },
  han: { vi: "hạn", code: "item.deadline", what: "a report's deadline \"…: trước ngày dd/mm/yyyy\"" },
  du_toan: { vi: "dự toán kinh phí", code: "budget", what: "BudgetLine[]: lines summed in a table" },
  so_tien: { vi: "số tiền", code: "budgetLine.amount", what: "an amount in đồng, exact digits" },
  nguon: { vi: "nguồn", code: "budgetLine.source", what: "where a budget line's money comes from" },
  bang: { vi: "bảng", code: "table", what: "a table: cot, dong, do_rong" },
  cot: { vi: "cột", code: "table.columns", what: "a table's column headings" },
  dong: { vi: "dòng", code: "table.rows", what: "a table's rows of cells" },
  do_rong: { vi: "độ rộng", code: "table.widths", what: "a table's relative column widths" },
  ket_thuc: { vi: "câu kết", code: "closingSentence", what: "the closing sentence; false: the last paragraph closes" },
  nguoi_ky: { vi: "người ký", code: "signer (Signer)", what: "the signature stack: authority lines, title, name" },
  tm: { vi: "thay mặt (TM.)", code: "signer.onBehalfOf", what: "signing on behalf of a collective" },
  q: { vi: "quyền (Q.)", code: "signer.acting", what: "an acting head signs" },
  tl: { vi: "thừa lệnh (TL.)", code: "signer.byOrder", what: "signing by order" },
  tuq: { vi: "thừa ủy quyền (TUQ.)", code: "signer.authorized", what: "signing by authorization" },
  kt: { vi: "ký thay (KT.)", code: "signer.deputyOf", what: "a deputy signs for the head" },
  chuc_vu: { vi: "chức vụ", code: "signer.title", what: "the signer's title" },
  ho_ten: { vi: "họ tên", code: "signer.name", what: "the signer's name" },
  noi_nhan: { vi: "nơi nhận", code: "recipients", what: "\"- X;\" lines of the sign-off block (signOff)" },
  ghi_chu: { vi: "ghi chú", code: "recipient.note", what: "\"(b/c)\" after a recipient" },
  luu: { vi: "lưu", code: "archive (Archive)", what: "\"- Lưu: VT, HC (02).\", the last recipient line" },
  so_ban: { vi: "số bản", code: "archive.copies", what: "copies kept" },
  nguoi_soan: { vi: "người soạn", code: "archive.drafter", what: "the drafter's initials" },
  so_ban_phat_hanh: { vi: "số bản phát hành", code: "archive.issuedCopies", what: "copies issued" },
  phu_luc: { vi: "phụ lục", code: "appendices (Appendix[])", what: "an appendix on its own pages" },
  ma: { vi: "mã dẫn chiếu", code: "Target (normalize/references.ts)", what: "an id a text cites as <ma>, printed as the generated label" },
  ngang: { vi: "trang ngang", code: "appendix.landscape", what: "a Phụ lục printed in landscape" },
  quyet_dinh: { vi: "quyết định ban hành", code: "decree", what: "the Quyết định the plan is issued with: so, ngay, ky_hieu, cua" },
  ky_hieu: { vi: "ký hiệu", code: "decree.code", what: "the Quyết định's ký hiệu (default QĐ- + viet_tat)" },
  cua: { vi: "của", code: "decree.issuer / appendixReference.issuer", what: "who issued, as the line names them" },
  boi_canh: { vi: "bối cảnh", code: "preamble.background", what: "preamble paragraphs between \"Thực hiện …\" and the lead-in, which then stands alone" },
  loi_dan_sau_can_cu: { vi: "lời dẫn sau căn cứ", code: "preamble.leadInAfterBases", what: "the lead-in goes on after the last căn cứ, in its paragraph" },
  trinh_bay: { vi: "trình bày", code: "(merged into the plan's choices)", what: "presentation choices the Decree leaves to the office or the plan: can_cu_nghieng, cac_cap" },
  can_cu_nghieng: { vi: "căn cứ in nghiêng", code: "preamble.basesItalic", what: "false prints the căn cứ upright (italic inserts stay italic)" },
  cac_cap: { vi: "các cấp", code: "(level defaults)", what: "defaults for the items of each depth: marker, heading and label styles" },
  tieu_de_cung_dong: { vi: "tiêu đề cùng dòng", code: "item.runIn", what: "a run-in heading: the title, then the text on the same line" },
  kieu_tieu_de: { vi: "kiểu tiêu đề", code: "item.titleStyle", what: "bold / italic of a heading and its number" },
  kieu_so: { vi: "kiểu số", code: "item.labelStyle", what: "bold / italic of the number before an untitled text" },
  xuong_dong: { vi: "xuống dòng", code: "item.unitOwnLine", what: "a unit's text starts on the next line" },
  hai_cham: { vi: "hai chấm", code: "item.unitColon", what: "false: no colon after the unit's name" },
  doan_chen: { vi: "đoạn chèn", code: "item.insert", what: "an unnumbered paragraph between the items of a list, or after them" },
  kem_theo: { vi: "kèm theo", code: "appendixReference / appendix.reference", what: "how the \"(Kèm theo …)\" line is written; in a Phụ lục, that line typed whole" },
  truong: { vi: "trường", code: "item.fields (TaskField, key truong)", what: "a task's own lines, in the plan's order and words" },
  nhan: { vi: "nhãn", code: "taskField.label", what: "a task line's label" },
  gach: { vi: "gạch đầu dòng", code: "taskField.dash", what: "false: the task line has no \"- \"" },
  sau_cac_y: { vi: "sau các ý", code: "taskField.afterItems", what: "the task line is printed after the item's sub-items" },
  ky_so: { vi: "ký số", code: "eSign", what: "placeholders e-office signing systems stamp on" },
  mau: { vi: "mẫu của cơ quan", code: "templatesDir", what: "the office's own templates folder" },
  ho_so: { vi: "hồ sơ cơ quan", code: "(read/locate.ts) profile", what: "the office profile under the plan (co-quan.yaml)" },
  kiem_tra: { vi: "kiểm tra", code: "LintContext", what: "lint settings: tat, ngay_tuong_lai" },
  tat: { vi: "tắt", code: "LintContext.disabled", what: "lint rule ids switched off" },
  ngay_tuong_lai: { vi: "ngày tương lai", code: "LintContext.futureMarginDays", what: "days a plan may be dated after today" },
};

/** Domain words that are no YAML key. */
export const WORDS: Record<string, GlossaryEntry> = {
  "kế hoạch": { vi: "Kế hoạch", code: "PlanSource → NormalizedPlan → DocumentModel", what: "the document this tool writes" },
  "hồ sơ cơ quan": { vi: "hồ sơ cơ quan", code: "ProfileSource", what: "an office profile shared by many plans (co-quan.yaml)" },
  "ký hiệu": { vi: "ký hiệu", code: "numberLine", what: "\"Số: 05/KH-UBND\": number, kind and agency code" },
  mục: { vi: "mục", code: "Section", what: "I., II., … (upper case, bold)" },
  khoản: { vi: "khoản", code: "Item (depth 1)", what: "1., 2., … inside a mục" },
  điểm: { vi: "điểm", code: "Item (depth 2)", what: "a), b), … đ), … inside a khoản" },
  ý: { vi: "ý", code: "Item", what: "any entry of a list at any depth" },
  "chú thích": { vi: "chú thích", code: "Run.footnote", what: "^[…] in text: a real Word footnote" },
  "nơi nhận và chữ ký": { vi: "nơi nhận, chữ ký", code: "signOff", what: "the block after the body (ô 7–9)" },
};
