/** Messages of the lint stage: what is wrong though well formed, and what to do. */
import { excerpt } from "./excerpt.js";

export const lintMessages = {
  staleYear: (year: string, planYear: number) =>
    `năm ${excerpt(year)} khác năm của kế hoạch (${planYear}); có thể là chép từ kế hoạch năm trước. Nếu đây là việc làm trong năm ${planYear}, hãy sửa thành "năm ${planYear}"; nếu là năm của một văn bản được trích dẫn hay của một việc đã qua thì giữ nguyên (có thể tắt bằng kiem_tra.tat: [lint.stale-year]).`,
  dateInvalid: (date: string) => `ngày ${excerpt(date)} không có thật. Kiểm tra lại ngày và tháng.`,
  deadlineBefore: (date: string, plan: string) => `hạn ${excerpt(date)} sớm hơn ngày ban hành kế hoạch (${plan}). Kiểm tra lại hạn.`,
  deadlineOutside: (date: string, year: number) => `hạn ${excerpt(date)} không thuộc năm ${year} của kế hoạch. Kiểm tra lại năm.`,
  dateFuture: (date: string, days: number) =>
    `ngày ban hành ${excerpt(date)} muộn hơn hôm nay quá ${days} ngày. Kiểm tra lại năm (hoặc đổi kiem_tra.ngay_tuong_lai).`,
  citationType: (type: string, symbol: string, expected: string) =>
    `trích dẫn "${excerpt(type)} số …/${excerpt(symbol)}": ký hiệu của ${excerpt(type.toLowerCase())} phải có chữ viết tắt ${expected} (Phụ lục III, Nghị định 30). Kiểm tra lại tên loại hoặc ký hiệu.`,
  citationYear: (numberYear: string, dateYear: string) =>
    `trích dẫn có năm ${numberYear} trong số hiệu nhưng ngày ban hành năm ${dateYear}. Kiểm tra lại số hiệu hoặc ngày.`,
  citationSpace: (symbol: string) =>
    `ký hiệu "${excerpt(symbol)}" có dấu cách; ký hiệu văn bản viết liền, các nhóm chữ nối bằng dấu gạch nối (-). Ví dụ "TT-BLĐTBXH".`,
  citationIssuer: (symbol: string, issuer: string) =>
    `ký hiệu "${excerpt(symbol)}" ghi cơ quan ban hành khác với "${excerpt(issuer)}" trong câu; văn bản của Ủy ban nhân dân có ký hiệu …-UBND. Kiểm tra lại số, ký hiệu hoặc cơ quan ban hành.`,
  citationAfterPlan: (date: string, plan: string) =>
    `văn bản được trích dẫn ghi ${excerpt(date)}, muộn hơn ngày ban hành kế hoạch (${plan}); kế hoạch chỉ căn cứ văn bản đã ban hành. Kiểm tra lại ngày, tháng, năm của văn bản được trích dẫn hoặc ngày của kế hoạch.`,
  recipientDuplicate: (name: string) => `nơi nhận "${excerpt(name)}" bị ghi hai lần. Xóa một dòng.`,
  archiveFullStop: () =>
    `dòng Lưu không kết thúc bằng dấu chấm; kehoach in nguyên văn như đã gõ, nhưng theo Nghị định 30/2020/NĐ-CP (Phụ lục I) dòng "- Lưu: …" cuối Nơi nhận kết thúc bằng dấu chấm. Hãy gõ thêm "." ở cuối nếu văn bản của cơ quan không có lý do khác.`,
  archiveColon: () => `dòng Lưu phải viết "Lưu: VT, …" (có dấu hai chấm sau chữ Lưu).`,
  archiveNotLast: () => `dòng Lưu phải là dòng cuối cùng của Nơi nhận. Hãy chuyển xuống cuối, hoặc dùng khóa luu.`,
  archiveTwice: () => `có hai dòng Lưu. Chỉ giữ một, tốt nhất là khóa luu.`,
  tmPerson: (v: string) =>
    `"TM. ${excerpt(v)}": TM. (thay mặt) đứng trước tên tập thể (ví dụ ỦY BAN NHÂN DÂN), không trước chức vụ một người. Chức vụ người đứng đầu dùng KT., Q., TL. hoặc TUQ.`,
  ktDeputy: (title: string) => `ký thay (KT.) thì người ký là cấp phó: chức vụ phải là "PHÓ …", không phải "${excerpt(title)}".`,
  tuqWithKt: () => `người ký thừa ủy quyền (TUQ.) không được giao lại cho cấp phó ký thay (KT.). Bỏ một trong hai.`,
  academicTitle: (t: string) => `không ghi học hàm, học vị "${excerpt(t)}" trước họ tên người ký (Nghị định 30, Phụ lục I). Hãy xóa "${excerpt(t)}".`,
  nfd: () => `văn bản dùng Unicode tổ hợp (dấu tách rời chữ); Word có thể hiển thị lỗi. Chạy kehoach lint --fix để chuyển sang Unicode dựng sẵn.`,
  legacy: (enc: string) =>
    `văn bản đang ở bảng mã ${enc} (dán từ tài liệu cũ), không phải Unicode. Chạy kehoach lint --fix để chuyển sang Unicode.`,
  handNumbering: (prefix: string) =>
    `ý này bắt đầu bằng "${excerpt(prefix)}" gõ tay; kehoach tự đánh số, chữ và gạch đầu dòng. Hãy xóa "${excerpt(prefix)}".`,
  endMark: () => `dấu "./." chỉ đặt ở cuối văn bản (kehoach tự thêm vào câu kết). Hãy xóa dấu này.`,
  doubleSpace: () => `có hai dấu cách liền nhau. Chạy kehoach lint --fix để sửa.`,
  staleReference: (typed: string, label: string) =>
    `"${excerpt(typed)}" gõ tay, nhưng kế hoạch không có ${label}: số này đã cũ (mục, ý hoặc phụ lục đã thêm, bớt hay đổi chỗ). ` +
    `Nếu nhắc tới phần của chính kế hoạch này, hãy đặt ma cho phần đó và viết <ma> để kehoach tự in số (README, "Dẫn chiếu"); nếu nhắc văn bản khác, bỏ qua cảnh báo này.`,
  titleTooWide: (line: string, width: string, column: string) =>
    `dòng trích yếu "${excerpt(line)}" rộng ${width} cm, hơn khổ chữ (${column} cm): Word sẽ tự xuống dòng và để lại một, hai chữ lẻ ở dòng sau. ` +
    `Hãy ngắt dòng sớm hơn (dấu \\ ở cuối dòng), hoặc bỏ hết các dấu \\ để kehoach tự chia trích yếu thành các dòng dài gần bằng nhau.`,
  literalNewline: () =>
    `"\\n" ở đây được in nguyên hai ký tự \\ và n, không phải xuống dòng. Muốn sang đoạn mới hãy để một dòng trống; muốn xuống dòng trong đoạn hãy kết thúc dòng bằng dấu \\ (xem README, "Viết văn bản dài trong YAML").`,
  brackets: (open: string, close: string, here: string) =>
    here === open
      ? `dấu "${open}" ở đây không có dấu "${close}" đóng lại. Thêm dấu "${close}" vào chỗ cần đóng, hoặc xóa dấu "${open}" nếu gõ thừa.`
      : `dấu "${close}" ở đây không có dấu "${open}" mở trước nó. Thêm dấu "${open}" vào chỗ cần mở, hoặc xóa dấu "${close}" nếu gõ thừa.`,
  quotes: () => `số dấu ngoặc kép (") lẻ: dấu này hoặc một dấu trước nó thiếu dấu đóng hay dấu mở. Kiểm tra lại các dấu ngoặc kép.`,
  tableSum: (kind: "group" | "subtotal" | "total", typed: string, sum: string, column: number) =>
    `${kind === "total" ? "dòng tổng cộng" : kind === "subtotal" ? "dòng cộng" : "dòng nhóm"} ghi ${typed} ở cột ${column} nhưng ${kind === "total" ? "tổng các dòng của bảng" : "tổng các dòng của nhóm"} là ${sum}. Kiểm tra lại số ở dòng này và ở các dòng được cộng.`,
  budgetSum: (text: string, typed: string, sum: string) =>
    `nhóm "${excerpt(text)}" của dự toán ghi so_tien ${typed} nhưng các khoản con (cac_dong) cộng lại là ${sum}. Số ghi được in nguyên văn và được cộng vào tổng; hãy kiểm tra lại số này và các khoản con, hoặc xóa so_tien của nhóm để kehoach tự cộng.`,
  unknownRule: (id: string, suggestion?: string) =>
    `không có quy tắc kiểm tra "${excerpt(id)}".` + (suggestion ? ` Có phải ý bạn là "${suggestion}"?` : " Xem danh sách bằng kehoach lint --help hoặc README."),
} as const;

/** What each lint rule finds: the list `kehoach lint --help` shows (lint/index.ts LINT_RULES). */
export const LINT_RULE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "lint.stale-year": "năm trong câu khác năm của kế hoạch (chép từ kế hoạch cũ)",
  "lint.date-invalid": "ngày không có thật (31/4, 30/02 …)",
  "lint.deadline": "hạn trước ngày ban hành hoặc ngoài năm của kế hoạch",
  "lint.date-future": "ngày ban hành muộn hơn hôm nay quá số ngày cho phép",
  "lint.citation": "trích dẫn văn bản: tên loại, ký hiệu, năm, cơ quan ban hành không khớp",
  "lint.recipient-duplicate": "nơi nhận bị ghi hai lần",
  "lint.archive": "dòng Lưu gõ tay, sai thể thức hoặc không ở cuối",
  "lint.signature": "thẩm quyền ký (TM., KT., TUQ.) hoặc họ tên người ký sai thể thức",
  "lint.text-nfd": "Unicode tổ hợp (dấu tách rời chữ)",
  "lint.legacy-encoding": "văn bản ở bảng mã TCVN3 (ABC) hoặc VNI",
  "lint.hand-numbering": "số, chữ hoặc gạch đầu dòng gõ tay ở đầu ý",
  "lint.end-mark": "dấu ./. không ở cuối văn bản",
  "lint.double-space": "hai dấu cách liền nhau",
  "lint.literal-newline": "\\n gõ trong văn bản (in ra nguyên văn, không phải xuống dòng)",
  "lint.brackets": "ngoặc đơn, ngoặc vuông hoặc ngoặc kép không cân",
  "lint.stale-reference": "\"Mục IV\", \"khoản 2 Mục III\", \"Phụ lục II\" gõ tay không khớp phần nào của kế hoạch",
  "lint.title-width": "một dòng trích yếu (ngắt dòng bằng \\) rộng hơn khổ chữ: Word tự xuống dòng, để lại chữ lẻ",
  "lint.table-sum": "dòng cộng, dòng nhóm hoặc dòng tổng cộng của bảng không bằng tổng các dòng của nó (cot_tien); nhóm của dự toán ghi so_tien khác tổng các khoản con (cac_dong)",
  "lint.unknown-rule": "mã quy tắc không có trong kiem_tra.tat",
};

/** The list of lint rules for `kehoach lint --help`, one a line: id, then what it finds. */
export function lintRulesHelp(): string {
  const ids = Object.keys(LINT_RULE_DESCRIPTIONS);
  const width = Math.max(...ids.map((id) => id.length));
  return "\nQuy tắc kiểm tra (tắt bằng kiem_tra.tat trong kế hoạch hoặc co-quan.yaml):\n" + ids.map((id) => `  ${id.padEnd(width)}  ${LINT_RULE_DESCRIPTIONS[id]}`).join("\n") + "\n";
}
