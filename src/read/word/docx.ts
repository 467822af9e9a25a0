/**
 * The body of a .docx (word/document.xml with its styles, numbering and footnotes) as an
 * ImportedDocument's blocks: what Word shows, in reading order.
 * - Runs: bold/italic/underline/script from direct formatting over the character style over the
 *   paragraph style over the document defaults (styles.ts); hidden text (w:vanish) is not shown and
 *   not read; w:caps shows capitals and reads as capitals.
 * - Kept: hyperlinks' text, fields' cached results (w:fldSimple, and complex fields between
 *   "separate" and "end"; the field codes are not text), insertions, smart tags, content controls.
 *   Dropped: deletions (w:del, w:moveFrom), as Word shows a document with changes accepted.
 * - A tab reads as "\t", a line break (w:br, w:cr) as a run {lineBreak}; a page or column break is
 *   not text.
 * - Headers and footers of the page (header*.xml, footer*.xml) are not content: a plan's page
 *   numbers and running titles are made again by the build, so they are never read.
 * - Text boxes (a header or a Nơi nhận a clerk drew in a box) are read as paragraphs after the
 *   paragraph that anchors them, so that no word is lost; pictures themselves are not text.
 * - Legacy TCVN3/VNI text: by the run's font (.VnTime, .VnTimeH upper case, VNI-Times), else by
 *   detection over the paragraph's text; converted to Unicode. All text ends NFC.
 */
import type { ImportedBlock, ImportedCell, ImportedParagraph, ImportedRun, ImportedSectionBreak, ImportedTable } from "../../model/imported.js";
import { convertLegacy, detectLegacy, fromTcvn3, type Legacy } from "../../text/encoding.js";
import { Numbering, symbolChar } from "./numbering.js";
import { drawsBorder, onOff, paraProps, runProps, Styles, type RunProps, type TablePart } from "./styles.js";
import { child, childrenNamed, type XmlElement } from "./xml.js";

export interface DocxParts {
  document: XmlElement;
  styles?: XmlElement;
  numbering?: XmlElement;
  footnotes?: XmlElement;
  endnotes?: XmlElement;
}

/** The key of an endnote among the footnotes: "e" and Word's id (footnotes' keys are Word's ids, digits). */
export const ENDNOTE = "e";

export interface DocxContent {
  blocks: ImportedBlock[];
  footnotes: Record<string, ImportedParagraph[]>;
  legacyEncoding?: Legacy;
}

/** A run before the paragraph's encoding is decided: its font's encoding, if the font tells. */
interface RawRun extends ImportedRun {
  legacy?: Legacy | "TCVN3H" | "unicode";
}

/** What a font name says about the encoding of the text set in it. */
function fontEncoding(font: string | undefined): RawRun["legacy"] {
  if (font === undefined) return undefined;
  const f = font.trim();
  // .VnTimeH, .VnArialH …: TCVN3 whose glyphs are all capitals
  if (/^\.vn/i.test(f)) return /h$/i.test(f) ? "TCVN3H" : "TCVN3";
  if (/^vni[- ]/i.test(f)) return "VNI";
  return "unicode";
}

/**
 * Complex fields' state over the runs of the document (a field's result may span paragraphs, as a
 * table of contents does). A field whose code is still open at the end of its paragraph is given
 * up there: a stray "begin" must not hide the rest of the document.
 */
class FieldState {
  /** One entry per open field: whether its result part has begun. */
  private stack: boolean[] = [];
  /** Each open field's code, as its w:instrText gives it. */
  private codes: string[] = [];
  /** Per open field, the bookmark its result cites (a NOTEREF field), or "". */
  private cites: string[] = [];
  /** How many open fields are still in their code part. */
  private inCodeCount = 0;

  get inCode(): boolean {
    return this.inCodeCount > 0;
  }

  /** The bookmark the innermost field's shown result cites, if it is a NOTEREF. */
  get cite(): string | undefined {
    for (let i = this.cites.length - 1; i >= 0; i--) if (this.cites[i]) return this.cites[i];
    return undefined;
  }

  begin(): void {
    this.stack.push(false);
    this.codes.push("");
    this.cites.push("");
    this.inCodeCount++;
  }

  code(text: string): void {
    if (this.codes.length) this.codes[this.codes.length - 1] += text;
  }

  separate(): void {
    if (this.stack.length && !this.stack[this.stack.length - 1]) {
      this.stack[this.stack.length - 1] = true;
      this.inCodeCount--;
      const noteRef = /^\s*NOTEREF\s+(\S+)/.exec(this.codes[this.codes.length - 1]!);
      if (noteRef) this.cites[this.cites.length - 1] = noteRef[1]!;
    }
  }

  end(): void {
    this.codes.pop();
    this.cites.pop();
    if (this.stack.length && !this.stack.pop()) this.inCodeCount--;
  }

  /** At a paragraph's end: fields still in their code part are abandoned. */
  paragraphEnd(): void {
    while (this.stack.length && !this.stack[this.stack.length - 1]) this.end();
  }
}

class Reader {
  readonly styles: Styles;
  readonly numbering: Numbering;
  private field = new FieldState();
  /** Bookmarks open where the reading is, by id: the one around a footnote's mark names it for NOTEREF. */
  private bookmarks = new Map<string, string>();
  /** Text boxes met in the paragraph being read: their paragraphs follow it. */
  private boxes: XmlElement[] = [];
  legacyCount = new Map<Legacy, number>();

  constructor(parts: DocxParts) {
    this.styles = new Styles(parts.styles);
    this.numbering = new Numbering(parts.numbering, (styleId) => this.styles.para(styleId).numId);
  }

  /** Whether text read now is not shown: inside a field's code. */
  private get inCode(): boolean {
    return this.field.inCode;
  }

  /** Block-level content (body, cell, footnote, content control) → blocks. */
  blocks(container: XmlElement, out: ImportedBlock[]): void {
    for (const el of container.children) {
      if (typeof el === "string") continue;
      switch (el.name) {
        case "w:p":
          this.paragraph(el, out);
          break;
        case "w:tbl":
          out.push(this.table(el));
          break;
        case "w:sdt":
          this.blocks(child(el, "w:sdtContent") ?? el, out);
          break;
        case "w:customXml":
        case "w:ins":
        case "w:moveTo":
        case "w:smartTag":
          this.blocks(el, out);
          break;
        case "w:sectPr":
          out.push(section(el));
          break;
        default:
          // w:del, w:moveFrom, bookmarks, permissions, proofing marks: not shown
          break;
      }
    }
  }

  /** The run properties a table style gives the cell being read, over the document defaults (undefined: not in a table). */
  private cellRun: RunProps | undefined;

  private paragraph(p: XmlElement, out: ImportedBlock[]): void {
    const pPr = child(p, "w:pPr");
    const direct = paraProps(pPr);
    const styleId = child(pPr, "w:pStyle")?.attrs["w:val"] ?? this.styles.defaultParagraph;
    const fromStyle = this.styles.para(styleId);
    const para: ImportedParagraph = { kind: "paragraph", runs: [] };
    const styleName = this.styles.get(styleId)?.name;
    if (styleName !== undefined) para.style = styleName;

    // numbering: the paragraph's own, else its style's (numId 0 switches a style's off)
    const numId = direct.numId ?? fromStyle.numId;
    const ilvl = direct.ilvl ?? fromStyle.ilvl ?? (numId !== undefined && styleId !== undefined ? this.numbering.levelOfStyle(numId, styleId) : undefined) ?? 0;
    const label = numId !== undefined && numId !== "0" ? this.numbering.next(numId, ilvl) : undefined;
    const layout = { ...this.styles.defaults.para, ...fromStyle, ...(label?.para ?? {}), ...direct };
    if (layout.align !== undefined) para.align = layout.align;
    if (layout.indent !== undefined) para.indent = layout.indent;
    if (layout.firstLine !== undefined) para.firstLine = layout.firstLine;

    const pStyleRun = this.styles.run(styleId);
    const markRun = runProps(child(pPr, "w:rPr"));
    const raw: RawRun[] = [];
    this.inline(p, pStyleRun, raw);
    this.field.paragraphEnd();
    const runs = this.decode(raw);
    if (label && label.text !== "") {
      const look = { ...(this.cellRun ?? this.styles.defaults.run), ...pStyleRun, ...markRun, ...label.run };
      para.label = nfc(decodeLabel(label.text, look.font));
      if (look.bold) para.labelBold = true;
      if (look.italic) para.labelItalic = true;
    }
    para.runs = merge(runs);
    out.push(para);
    const boxes = this.boxes;
    this.boxes = [];
    for (const box of boxes) this.blocks(box, out);
    const sect = child(pPr, "w:sectPr");
    if (sect) out.push(section(sect));
  }

  /** Inline content of a paragraph (runs and their containers) → raw runs. */
  private inline(container: XmlElement, pStyleRun: RunProps, out: RawRun[]): void {
    for (const el of container.children) {
      if (typeof el === "string") continue;
      switch (el.name) {
        case "w:r":
          this.run(el, pStyleRun, out);
          break;
        case "w:hyperlink":
        case "w:smartTag":
        case "w:customXml":
        case "w:ins":
        case "w:moveTo":
        case "w:fldSimple":
        case "w:bdo":
        case "w:dir":
          this.inline(el, pStyleRun, out);
          break;
        case "w:sdt":
          this.inline(child(el, "w:sdtContent") ?? el, pStyleRun, out);
          break;
        case "w:bookmarkStart":
          if (el.attrs["w:id"] !== undefined && el.attrs["w:name"]) this.bookmarks.set(el.attrs["w:id"], el.attrs["w:name"]);
          break;
        case "w:bookmarkEnd":
          this.bookmarks.delete(el.attrs["w:id"] ?? "");
          break;
        default:
          // w:del, w:moveFrom, w:pPr, comments' ranges, proofing marks
          break;
      }
    }
  }

  private run(r: XmlElement, pStyleRun: RunProps, out: RawRun[]): void {
    const rPr = child(r, "w:rPr");
    const direct = runProps(rPr);
    const charStyle = this.styles.run(child(rPr, "w:rStyle")?.attrs["w:val"]);
    const d = this.cellRun ?? this.styles.defaults.run;
    // toggles: a style's "on" flips what lies under it; direct formatting is absolute
    const toggle = (k: "bold" | "italic"): boolean => direct[k] ?? Boolean(d[k]) !== Boolean(pStyleRun[k]) !== Boolean(charStyle[k]);
    const look = { ...d, ...pStyleRun, ...charStyle, ...direct };
    if (look.hidden) return;
    const base: RawRun = { text: "" };
    if (toggle("bold")) base.bold = true;
    if (toggle("italic")) base.italic = true;
    else if (direct.italic === false) base.upright = true;
    const sz = Number(child(rPr, "w:sz")?.attrs["w:val"]);
    if (sz > 0) base.size = sz / 2;
    if (look.underline) base.underline = true;
    if (look.script === "sub" || look.script === "super") base.script = look.script;
    const cite = this.field.cite;
    if (cite !== undefined) base.cite = cite;
    const enc = fontEncoding(look.font);
    if (enc !== undefined) base.legacy = enc;
    const symbols = /symbol|wingdings|webdings/i.test(look.font ?? "");
    const text = (t: string): void => {
      if (this.inCode || t === "") return;
      // a symbol font's characters (a bullet typed in Symbol) read as what they show
      if (symbols) t = [...t].map((c) => symbolChar(c.codePointAt(0)!, look.font)).join("");
      out.push({ ...base, text: look.caps ? t.toLocaleUpperCase("vi") : t });
    };
    for (const c of r.children) {
      if (typeof c === "string") continue;
      switch (c.name) {
        case "w:t":
          text(textContent(c));
          break;
        case "w:tab":
        case "w:ptab":
          text("\t");
          break;
        case "w:br":
        case "w:cr": {
          const type = c.attrs["w:type"];
          if ((type === undefined || type === "textWrapping") && !this.inCode) out.push({ text: "", lineBreak: true });
          break;
        }
        case "w:noBreakHyphen":
          text("-");
          break;
        case "w:sym": {
          const code = parseInt(c.attrs["w:char"] ?? "", 16);
          if (Number.isFinite(code) && code > 0 && code <= 0x10ffff) out.push({ ...base, legacy: "unicode", text: symbolChar(code, c.attrs["w:font"]) });
          break;
        }
        case "w:footnoteReference":
        case "w:endnoteReference": {
          const id = c.attrs["w:id"];
          // an endnote is a note as a footnote is (a plan prints notes at the foot of the page)
          if (id !== undefined && !this.inCode) {
            const note: RawRun = { text: "", footnote: c.name === "w:endnoteReference" ? ENDNOTE + id : id };
            const mark = [...this.bookmarks.values()].pop();
            if (mark !== undefined) note.bookmark = mark;
            out.push(note);
          }
          break;
        }
        case "w:fldChar": {
          const type = c.attrs["w:fldCharType"];
          if (type === "begin") this.field.begin();
          else if (type === "separate") this.field.separate();
          else if (type === "end") this.field.end();
          break;
        }
        case "w:drawing":
        case "w:pict":
        case "w:object":
        case "mc:AlternateContent":
          textBoxes(c, this.boxes);
          break;
        case "w:instrText":
          if (this.inCode) this.field.code(textContent(c));
          break;
        default:
          // w:delText, w:footnoteRef (the note's own mark)
          break;
      }
    }
  }

  /** Legacy encodings decided per run by its font, else over the paragraph's text in other fonts. */
  private decode(raw: RawRun[]): ImportedRun[] {
    let unknown = "";
    for (const r of raw) if (r.legacy === undefined || r.legacy === "unicode") unknown += r.text;
    const detected = unknown ? detectLegacy(unknown) : undefined;
    return raw.map((r) => {
      const { legacy, ...run } = r;
      const enc = legacy === "TCVN3" || legacy === "TCVN3H" || legacy === "VNI" ? legacy : detected;
      if (enc !== undefined && run.text !== "") {
        const converted = enc === "TCVN3H" ? fromTcvn3(run.text).toLocaleUpperCase("vi") : convertLegacy(run.text, enc);
        if (converted !== run.text) {
          const name: Legacy = enc === "TCVN3H" ? "TCVN3" : enc;
          this.legacyCount.set(name, (this.legacyCount.get(name) ?? 0) + 1);
        }
        run.text = converted;
      }
      run.text = nfc(run.text);
      return run;
    });
  }

  private table(tbl: XmlElement): ImportedTable {
    const tblPr = child(tbl, "w:tblPr");
    const gridCols = childrenNamed(child(tbl, "w:tblGrid") ?? tbl, "w:gridCol");
    const grid = gridCols.length;
    const widths = gridCols.map((g) => Number(g.attrs["w:w"]));
    const tableStyle = child(tblPr, "w:tblStyle")?.attrs["w:val"] ?? this.styles.defaultTable;
    let visible = drawsBorder(child(tblPr, "w:tblBorders")) ?? this.styles.tableBorders(tableStyle) ?? false;
    const look = tableLook(child(tblPr, "w:tblLook"));
    const trs = childrenThrough(tbl, "w:tr");
    const outer = this.cellRun;
    // what the style gives a cell, by the parts it is in: a few combinations for a table of any size
    const cellRuns = new Map<string, RunProps>();
    const rows: ImportedCell[][] = [];
    let headerRows = 0;
    let counting = true;
    let columns = grid;
    /** The cell that began a vertical merge, per grid column. */
    const mergeOrigin = new Map<number, ImportedCell>();
    for (const [i, tr] of trs.entries()) {
      const trPr = child(tr, "w:trPr");
      const header = onOff(child(trPr, "w:tblHeader")) === true;
      if (counting && header) headerRows++;
      else counting = false;
      let col = Number(child(trPr, "w:gridBefore")?.attrs["w:val"] ?? "0") || 0;
      const row: ImportedCell[] = [];
      for (const tc of childrenThrough(tr, "w:tc")) {
        const tcPr = child(tc, "w:tcPr");
        const span = Math.max(1, Number(child(tcPr, "w:gridSpan")?.attrs["w:val"] ?? "1") || 1);
        const vMerge = child(tcPr, "w:vMerge");
        if (drawsBorder(child(tcPr, "w:tcBorders"))) visible = true;
        if (vMerge && vMerge.attrs["w:val"] !== "restart") {
          // a continuation: the cell above grows, this one is covered
          const origin = mergeOrigin.get(col);
          if (origin) {
            origin.rowSpan++;
            col += span;
            continue;
          }
        }
        // the parts of the table this cell is in, for the table style's conditional formats
        const parts: TablePart[] = [];
        if (look.firstRow && i === 0) parts.push("firstRow");
        if (look.lastRow && i === trs.length - 1 && i > 0) parts.push("lastRow");
        if (look.firstCol && col === 0) parts.push("firstCol");
        if (look.lastCol && col + span >= grid && col > 0) parts.push("lastCol");
        const key = parts.join();
        let cellRun = cellRuns.get(key);
        if (!cellRun) cellRuns.set(key, (cellRun = { ...this.styles.defaults.run, ...this.styles.tableRun(tableStyle, parts) }));
        this.cellRun = cellRun;
        const cell: ImportedCell = { blocks: this.cellParagraphs(tc), colSpan: span, rowSpan: 1 };
        this.cellRun = outer;
        if (vMerge) mergeOrigin.set(col, cell);
        else mergeOrigin.delete(col);
        row.push(cell);
        col += span;
      }
      col += Number(child(trPr, "w:gridAfter")?.attrs["w:val"] ?? "0") || 0;
      if (col > columns) columns = col;
      rows.push(row);
    }
    const table: ImportedTable = { kind: "table", rows, headerRows, columns, borderless: !visible };
    if (grid === columns && grid > 0 && widths.every((w) => Number.isInteger(w) && w > 0)) table.widths = widths;
    return table;
  }

  /** A cell's paragraphs; a nested table's cells' paragraphs follow in order, flattened. */
  private cellParagraphs(tc: XmlElement): ImportedParagraph[] {
    const blocks: ImportedBlock[] = [];
    this.blocks(tc, blocks);
    const out: ImportedParagraph[] = [];
    const flatten = (bs: ImportedBlock[]): void => {
      for (const b of bs) {
        if (b.kind === "paragraph") out.push(b);
        else if (b.kind === "table") for (const row of b.rows) for (const cell of row) flatten(cell.blocks);
      }
    };
    flatten(blocks);
    return out;
  }

  /** The notes of footnotes.xml (w:footnote) or endnotes.xml (w:endnote, keys prefixed). */
  notes(root: XmlElement | undefined, element: "w:footnote" | "w:endnote", out: Record<string, ImportedParagraph[]>): void {
    if (!root) return;
    for (const fn of childrenNamed(root, element)) {
      const type = fn.attrs["w:type"];
      const id = fn.attrs["w:id"];
      // the separator lines and continuation notices are Word's furniture, not notes
      if (id === undefined || (type !== undefined && type !== "normal")) continue;
      const blocks: ImportedBlock[] = [];
      this.field = new FieldState();
      this.blocks(fn, blocks);
      const paragraphs = blocks.filter((b): b is ImportedParagraph => b.kind === "paragraph");
      // the space or tab Word puts between the note's number and its text is not text
      const first = paragraphs[0]?.runs[0];
      if (first && !first.footnote && !first.lineBreak) {
        first.text = first.text.replace(/^[ \t]+/, "");
        if (first.text === "") paragraphs[0]!.runs.shift();
      }
      out[element === "w:endnote" ? ENDNOTE + id : id] = paragraphs;
    }
  }
}

/** Children named name (rows of a table, cells of a row), through the containers Word may wrap them in. */
function childrenThrough(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === name) out.push(c);
    else if (c.name === "w:sdt") childrenThrough(child(c, "w:sdtContent") ?? c, name, out);
    else if (c.name === "w:customXml" || c.name === "w:ins") childrenThrough(c, name, out);
  }
  return out;
}

/**
 * Which conditional formats of its style a table shows (w:tblLook): its attributes, or the bits of
 * its older w:val (0x20 first row, 0x40 last row, 0x80 first column, 0x100 last column). None when
 * the table says nothing.
 */
function tableLook(el: XmlElement | undefined): { firstRow: boolean; lastRow: boolean; firstCol: boolean; lastCol: boolean } {
  const bits = el && /^[0-9a-f]{1,4}$/i.test(el.attrs["w:val"] ?? "") ? parseInt(el.attrs["w:val"]!, 16) : 0;
  const flag = (name: string, bit: number): boolean => {
    const v = el?.attrs[name];
    return v === undefined ? (bits & bit) !== 0 : v === "1" || v === "true" || v === "on";
  };
  return { firstRow: flag("w:firstRow", 0x20), lastRow: flag("w:lastRow", 0x40), firstCol: flag("w:firstColumn", 0x80), lastCol: flag("w:lastColumn", 0x100) };
}

/** A section's end: its orientation, and its text width (page less both margins) that tables fill. */
function section(sectPr: XmlElement): ImportedSectionBreak {
  const out: ImportedSectionBreak = { kind: "section", landscape: landscape(sectPr) };
  const page = Number(child(sectPr, "w:pgSz")?.attrs["w:w"]);
  const mar = child(sectPr, "w:pgMar")?.attrs;
  if (!mar) return out;
  const width = page - Number(mar["w:left"] ?? 0) - Number(mar["w:right"] ?? 0) - Number(mar["w:gutter"] ?? 0);
  if (Number.isInteger(width) && width > 0) out.textWidth = width;
  return out;
}

function landscape(sectPr: XmlElement): boolean {
  const pg = child(sectPr, "w:pgSz");
  if (!pg) return false;
  if (pg.attrs["w:orient"] === "landscape") return true;
  const w = Number(pg.attrs["w:w"]);
  const h = Number(pg.attrs["w:h"]);
  return Number.isFinite(w) && Number.isFinite(h) && w > h;
}

/** A w:t's text; without xml:space="preserve" Word does not show the spaces at its ends. */
function textContent(t: XmlElement): string {
  let s = "";
  for (const c of t.children) if (typeof c === "string") s += c;
  return t.attrs["xml:space"] === "preserve" ? s : s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
}

/**
 * The text boxes (w:txbxContent) inside a drawing; of markup-compatibility alternatives only the
 * first (what Word shows) is read, so a box written twice (DrawingML and VML) is read once.
 */
function textBoxes(el: XmlElement, out: XmlElement[]): void {
  if (el.name === "w:txbxContent") {
    out.push(el);
    return;
  }
  if (el.name === "mc:AlternateContent") {
    const choice = child(el, "mc:Choice") ?? child(el, "mc:Fallback");
    if (choice) textBoxes(choice, out);
    return;
  }
  for (const c of el.children) if (typeof c !== "string") textBoxes(c, out);
}

/** A numbering label set in a legacy font reads as its Unicode. */
function decodeLabel(text: string, font: string | undefined): string {
  const enc = fontEncoding(font);
  if (enc === "TCVN3H") return fromTcvn3(text).toLocaleUpperCase("vi");
  if (enc === "TCVN3" || enc === "VNI") return convertLegacy(text, enc);
  return text;
}

function nfc(s: string): string {
  return s.normalize("NFC");
}

/** Neighbouring runs of one look become one (Word splits runs at every edit). */
function merge(runs: ImportedRun[]): ImportedRun[] {
  const out: ImportedRun[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (
      last &&
      !r.footnote &&
      !r.lineBreak &&
      !last.footnote &&
      !last.lineBreak &&
      last.bold === r.bold &&
      last.italic === r.italic &&
      last.upright === r.upright &&
      last.size === r.size &&
      last.cite === r.cite &&
      last.underline === r.underline &&
      last.script === r.script
    )
      last.text += r.text;
    else out.push({ ...r });
  }
  // text merged across runs may compose anew (a base letter and a mark in two runs)
  for (const r of out) r.text = nfc(r.text);
  return out;
}

/** The document's blocks and footnotes. */
export function readDocxParts(parts: DocxParts): DocxContent {
  const reader = new Reader(parts);
  const body = child(parts.document, "w:body");
  const blocks: ImportedBlock[] = [];
  if (body) reader.blocks(body, blocks);
  const footnotes: Record<string, ImportedParagraph[]> = {};
  reader.notes(parts.footnotes, "w:footnote", footnotes);
  reader.notes(parts.endnotes, "w:endnote", footnotes);
  const out: DocxContent = { blocks, footnotes };
  let best: Legacy | undefined;
  for (const [enc, n] of reader.legacyCount) if (best === undefined || n > reader.legacyCount.get(best)!) best = enc;
  if (best) out.legacyEncoding = best;
  return out;
}
