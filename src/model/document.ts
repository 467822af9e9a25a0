/**
 * The document model: what the render stage hands to the write stage.
 * Every word is final here (numbers generated, template formulas filled in); the writer
 * only decides presentation (Decree 30 sizes, fonts, tables, lines, page setup).
 */

/** A piece of inline text. A footnote run carries the footnote's own text. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Subscript (H₂S) or superscript (m³). */
  vertical?: "sub" | "sup";
  /** When set, this run is a footnote reference; text is empty and these are the note's paragraphs. */
  footnote?: Paragraphs;
  /** A line break inside the paragraph before this run's text. */
  breakBefore?: boolean;
  /** On a footnote run: the id typed after it (`^[…]{#id}`), which other texts cite as `<id>`. */
  noteId?: string;
  /** On a footnote run cited again: its number, which names the bookmark around its reference mark. */
  bookmark?: number;
  /** A `<id>` the parser read, resolved once the whole document is known (render/notes.ts): text is what was typed. */
  cite?: string;
  /** A footnote cited again: text is the note's number, printed as its reference mark (a NOTEREF field to its bookmark). */
  noteRef?: number;
}

/** Bold and italic of a heading or a label; a false is printed as such (over a bold or italic style). */
export interface Emphasis {
  bold: boolean;
  italic: boolean;
}

/** The paragraphs one text becomes (a blank line in the text starts a new one). */
export type Paragraphs = Run[][];

export type Block =
  /** "Căn cứ …;" line of the preamble: italic, indented like body text; upright: only its italic runs are. */
  | { kind: "basis"; runs: Run[]; upright?: boolean }
  /** Ordinary body paragraph: justified, first-line indent. */
  | { kind: "paragraph"; runs: Run[] }
  /** "I. MỤC ĐÍCH, YÊU CẦU": section heading, bold upper case. label = "I." */
  | { kind: "section"; label: string; runs: Run[] }
  /** "1. Mục đích": a titled item, bold unless `emphasis` says otherwise. label = "1." / "a)" / "1.1." */
  | { kind: "titled"; label: string; runs: Run[]; depth: number; emphasis?: Emphasis }
  /** A marked item: label "1." / "a)" / "-" / "+" / "1.1." (or "" for unmarked), then runs. */
  | { kind: "item"; label: string; runs: Run[]; depth: number; labelEmphasis?: Emphasis }
  /** A bordered table (appendix, budget, tasks): header rows repeated on every page, then the rows. */
  | TableBlock;

/** A cell: its paragraphs and how many columns and rows it covers (covered cells are not listed). */
export interface TableCellBlock {
  content: Paragraphs;
  colSpan: number;
  rowSpan: number;
}

export interface TableBlock {
  kind: "table";
  /** Header rows: bold, centred, repeated at the top of every page. */
  header: TableCellBlock[][];
  rows: { cells: TableCellBlock[]; bold?: boolean; italic?: boolean }[];
  /** Relative widths the user gave; undefined = measured from the content. */
  widths?: number[];
  /** One per column. */
  align: ("left" | "center" | "right" | "both")[];
  /** Points; undefined = the table style's size. */
  size?: number;
}

export interface Appendix {
  /** "Phụ lục" or "Phụ lục I". */
  label: string;
  /** Title lines, upper case. */
  title: string[];
  /** "(Kèm theo Kế hoạch số …/KH-UBND ngày … của …)" */
  reference: string;
  blocks: Block[];
  landscape: boolean;
}

export interface DocumentModel {
  header: {
    /** Parent agency lines (upper case, not bold); may be empty. */
    parentAgency: string[];
    /** Issuing agency lines (upper case, bold). */
    agency: string[];
    /** "Số: 05/KH-UBND", "Số:      /KH-UBND" or an e-signing placeholder. */
    numberLine: string;
    nationalTitle: string;
    motto: string;
    /** "Bằng Mạc, ngày 05 tháng 3 năm 2025", blank form, or a placeholder. */
    placeDate: string;
  };
  title: {
    /** "KẾ HOẠCH" */
    kind: string;
    /** Trích yếu lines. */
    summary: string[];
    /** "(Ban hành kèm theo Quyết định số …)" under the trích yếu, for a plan issued with a Quyết định. */
    issuedWith?: string;
  };
  /** Preamble and content, in order, ending with the closing sentence (which ends "./."). */
  body: Block[];
  /** The block after the body: Nơi nhận beside the signature (not the closing sentence, which ends body). Absent for a plan issued with a Quyết định (the Quyết định carries Nơi nhận and signature). */
  signOff?: {
    /** "Nơi nhận:" */
    recipientsLabel: string;
    /** Full lines: "- UBND huyện (b/c);" … "- Lưu: VT, VHXH (02)." */
    recipients: string[];
    /** Authority and title lines, upper case: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
    authority: string[];
    /** Text in the signature space (e-signing placeholder), or undefined for blank space. */
    signaturePlaceholder?: string;
    /** Signer's name; may be empty (blank for the signer to fill). */
    signer: string;
  };
  appendices: Appendix[];
  meta: {
    /** Document title for the .docx properties: "KẾ HOẠCH <trích yếu>". */
    title: string;
    /** Author for the .docx properties: the issuing agency. */
    creator: string;
    /** Timestamp written into the package (docProps/core.xml); fixed for reproducible output. */
    date: Date;
  };
}
