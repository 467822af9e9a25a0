/**
 * A document read for `kehoach import` (.docx, .odt, .doc, .txt, .md), before anything in it is
 * recognised as part of a plan: paragraphs with their runs, tables, footnotes and section breaks,
 * in reading order. Plain data: src/read/word/ makes it, src/read/recognize/ turns it into the plan
 * (model/plan.ts PlanSource, the same value the YAML reader gives).
 */

/** A stretch of text with one look. */
export interface ImportedRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  script?: "sub" | "super";
  /** The font size the run sets itself (w:sz), in points. */
  size?: number;
  /** Italic switched off by the run itself (w:i w:val="false"): how kehoach prints a heading set to kieu_tieu_de: dam. */
  upright?: boolean;
  /** A footnote reference at this point (text is ""): the key into ImportedDocument.footnotes. */
  footnote?: string;
  /** On a footnote reference: the bookmark around its mark (what a NOTEREF field elsewhere names). */
  bookmark?: string;
  /** The shown result of a NOTEREF field (a footnote cited again): the bookmark it refers to. */
  cite?: string;
  /** A line break inside the paragraph (text is ""). */
  lineBreak?: boolean;
}

export type Alignment = "left" | "center" | "right" | "both";

export interface ImportedParagraph {
  kind: "paragraph";
  runs: ImportedRun[];
  /** The label Word's automatic numbering shows before the text ("1.", "a)", "-", "I."), resolved. */
  label?: string;
  /** Whether label's look is bold / italic (the numbering level's run properties). */
  labelBold?: boolean;
  labelItalic?: boolean;
  align?: Alignment;
  /** The paragraph style's name as the document names it ("Heading 1", "Normal"). */
  style?: string;
  /** Left indent and first-line indent, in twentieths of a point (negative first line: hanging). */
  indent?: number;
  firstLine?: number;
}

export interface ImportedCell {
  blocks: ImportedParagraph[];
  /** Columns and rows this cell covers (1 when not merged); cells covered by it are left out. */
  colSpan: number;
  rowSpan: number;
}

export interface ImportedTable {
  kind: "table";
  rows: ImportedCell[][];
  /** How many leading rows repeat at the top of every page (Word's header rows). */
  headerRows: number;
  /** The cell texts' grid width in columns. */
  columns: number;
  /** Whether the table has no visible borders (a layout table: national header, signature). */
  borderless: boolean;
  /** The grid's column widths in twips (w:tblGrid), when the document gives them all. */
  widths?: number[];
}

/** Where a section (page set-up) ends: the blocks before it have this page orientation. */
export interface ImportedSectionBreak {
  kind: "section";
  landscape: boolean;
  /** The page's width between its margins, in twips, when the document gives it. */
  textWidth?: number;
}

export type ImportedBlock = ImportedParagraph | ImportedTable | ImportedSectionBreak;

export type ImportFormat = "docx" | "odt" | "doc" | "txt" | "md";

export interface ImportedDocument {
  format: ImportFormat;
  blocks: ImportedBlock[];
  /** Footnotes by the key their references carry, each its paragraphs. */
  footnotes: Record<string, ImportedParagraph[]>;
  /** Set when the text was in a legacy Vietnamese encoding (.VnTime, VNI) and was converted. */
  legacyEncoding?: "TCVN3" | "VNI";
}
