/**
 * The plan after normalize: profile merged, defaults applied, every list in one shape,
 * and every number and letter generated. Text is still the user's text (inline marks kept).
 */
import type { Marker, SectionKind, TaskTableMode, TypeStyle } from "./plan.js";

export interface BudgetLine {
  text: string;
  /** Đồng, as exact digits without separators ("15000000"): no amount is rounded, however long. The typed amount, else its lines' sum. */
  amount: string;
  source?: string;
  /** A group's lines (cac_dong), numbered under it. */
  lines?: BudgetLine[];
  /** A group's lines' sum, where its amount was typed (lint compares them); where the amount was typed. */
  typed?: { sum: string; where: Where };
}

/** A place a table's row or cell came from: the plan (file:line:col) or a spreadsheet cell. */
export interface Where {
  file: string;
  line: number;
  col: number;
  /** Instance path in the plan ("noi_dung[0].bang.dong[3]"), for the YAML. */
  path?: string;
  /** "trang Dự toán, ô H12", for a spreadsheet. */
  cell?: string;
}

export interface TableCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  /** Where the cell's text came from. */
  where?: Where;
}

/** row: an ordinary row; group: a group's title row; subtotal: "Cộng" of a group; total: "Tổng cộng". */
export type TableRowKind = "row" | "group" | "subtotal" | "total";

export interface TableRow {
  kind: TableRowKind;
  cells: TableCell[];
  bold?: boolean;
  italic?: boolean;
  where: Where;
}

export type ColumnAlign = "left" | "center" | "right" | "both";

/** A table from the plan or a spreadsheet, spans checked; columns count the generated TT column. */
export interface Table {
  header: TableCell[][];
  rows: TableRow[];
  columns: number;
  /** Relative widths the user gave (do_rong); otherwise the writer measures the content. */
  widths?: number[];
  align?: ColumnAlign[];
  /** Points (11–13); undefined = the table style's 13. */
  size?: number;
  /** The first column is TT, generated from the rows' kinds. */
  numbered: boolean;
  /** The header came from a spreadsheet without the generated TT column: render adds its title. */
  headerWithoutNumber?: boolean;
  /** 0-based columns holding amounts. */
  amountColumns: number[];
}

/**
 * One line of a task ("- Cơ quan chủ trì: …", "- Sản phẩm: …"), read alike by the list and the
 * table layouts. `key` says where it came from: the three named keys take their label from the
 * office templates (nhiem-vu-*.hbs); `truong` has the label as typed.
 */
export interface TaskField {
  key: "chu_tri" | "phoi_hop" | "thoi_gian" | "truong";
  /** The typed label, inline marks kept (truong only). */
  label?: string;
  text: string;
  /** Printed with the "- " marker (false: label at the text's start, no dash). */
  dash: boolean;
  /** Printed after the item's sub-items. */
  afterItems: boolean;
}

export interface Item {
  /** Generated label: "1.", "a)", "a.", "-", "+", "1.1." or "" (unmarked). */
  label: string;
  depth: number;
  title?: string;
  unit?: string;
  propose: boolean;
  paragraphs: string[];
  /** The task's lines in print order: chu_tri, phoi_hop, thoi_gian, then the typed truong. */
  fields: TaskField[];
  /** Reporting deadline "YYYY-MM-DD". */
  deadline?: string;
  budget?: BudgetLine[];
  table?: Table;
  children: Item[];
  /** An unnumbered paragraph between the items of a list (doan_chen): only `paragraphs` is used. */
  insert?: boolean;
  /** The text goes on after the title on the same line ("2. Mục tiêu chung: Đến năm …"). */
  runIn?: boolean;
  /** The title's style, its number printed in the same (default bold). */
  titleStyle?: TypeStyle;
  /** The label's style before an untitled text (default plain, italic when the text begins in italic). */
  labelStyle?: TypeStyle;
  /** A unit's text starts on the next line. */
  unitOwnLine?: boolean;
  /** false: no colon after the unit's name. */
  unitColon?: boolean;
}

export interface Section {
  label: string;
  kind?: SectionKind;
  /** User's own title; when absent the standard title of `kind` is used. */
  title?: string;
  paragraphs: string[];
  budget?: BudgetLine[];
  table?: Table;
  items: Item[];
  /** The items printed as the task table (instead of or besides prose). */
  taskTable?: TaskTableMode;
}

export interface Appendix {
  /** "I", "II" … when there are two or more appendices; "" for a single one. */
  numeral: string;
  /** The title's lines as typed (a line-list field, not flowing text). */
  titleLines: string[];
  paragraphs: string[];
  table?: Table;
  items: Item[];
  landscape: boolean;
  taskTable?: TaskTableMode;
  /** The "(Kèm theo …)" line as typed, replacing the template's. */
  reference?: string;
}

/** The signature stack (nguoi_ky): authority lines, then the signer's title and name. */
export interface Signer {
  /** TM. — signing on behalf of a collective (tm). */
  onBehalfOf?: string;
  /** Q. — acting head (q). */
  acting?: string;
  /** TL. — signing by order (tl). */
  byOrder?: string;
  /** TUQ. — signing by authorization (tuq). */
  authorized?: string;
  /** KT. — deputy signing for the head (kt). */
  deputyOf?: string;
  /** chuc_vu */
  title?: string;
  /** ho_ten */
  name?: string;
}

/** The archive line "Lưu: VT, unit (copies)." (luu). */
export interface Archive {
  /** don_vi */
  unit?: string;
  /** so_ban */
  copies?: string;
  /** nguoi_soan: the drafter's initials */
  drafter?: string;
  /** so_ban_phat_hanh */
  issuedCopies?: string;
}

export interface PlanDate {
  year?: number;
  month?: number;
  day?: number;
}

export interface NormalizedPlan {
  file: string;
  agency: { parent: string[]; lines: string[]; name: string; abbreviation: string; place: string };
  /** The number as typed, a single digit padded ("05", "0129"), or undefined for a blank. */
  number?: string;
  date: PlanDate;
  summary: string;
  /** The trích yếu as the user wrote it for running text (trich_yeu_trong_cau), if given. */
  summaryInSentence?: string;
  /** The Quyết định the plan is issued with ("Ban hành kèm theo Quyết định số …"), if any. */
  decree?: { number?: string; date: PlanDate; code: string; issuer: string };
  /** mo_dau: free text, or can_cu, thuc_hien, boi_canh and loi_dan (leadIn) */
  preamble: {
    free?: string;
    bases: string[];
    /** false: căn cứ upright (trinh_bay.can_cu_nghieng); italic inserts stay italic. */
    basesItalic: boolean;
    implements: string[];
    /** Background paragraphs between "Thực hiện …" and the lead-in, which then stands alone. */
    background?: string;
    leadIn?: string;
    /** The lead-in goes on after the last căn cứ, in its paragraph. */
    leadInAfterBases: boolean;
  };
  sections: Section[];
  /** The closing sentence (ket_thuc); undefined = template default; false = the last paragraph closes. */
  closingSentence: string | false | undefined;
  signer: Signer;
  recipients: { name: string; note?: string }[];
  /** A recipient entry typed as "Lưu: …" by hand, used as the archive line as typed. */
  typedArchive?: string;
  archive: Archive;
  appendices: Appendix[];
  /** How the template writes the appendices' "(Kèm theo …)" line: issuer's short form, date in digits. */
  appendixReference: { issuer?: string; numericDate: boolean };
  eSign: boolean;
  /** Absolute folder of the office's own templates, if any. */
  templatesDir?: string;
}

export type { Marker, TypeStyle };
