/**
 * A table's rows from a spreadsheet beside the plan (`bang.tep`: .xlsx or .csv), read only.
 *
 * An .xlsx is a zip of XML; what a table needs of it is small (the workbook's sheet names, shared
 * strings, the sheet's cells with their cached values, merged cells), so it is read here with the
 * hardened `readZip` rather than a spreadsheet library: the maintained ones are large (SheetJS's
 * npm releases stopped at a vulnerable 0.18; exceljs pulls in dozens of packages), and none is
 * needed to read cached values. Its parts go through the one strict XML reader (read/word/xml.ts:
 * namespaces by URI whatever their prefix, no DTD ever read). Formulas are never evaluated: a
 * formula cell without the value Excel saved with it is an error at its cell. The same file gives
 * the same rows, byte for byte.
 */
import { dirname } from "node:path";
import type { Finding, Path } from "../model/finding.js";
import { pathToString } from "../model/finding.js";
import type { TableCell } from "../model/normalized.js";
import type { TableSource } from "../model/plan.js";
import { readZip, ZipError } from "../pack/read-zip.js";
import { sheetMessages as m } from "../messages/sheets.js";
import { fileMessages as fm } from "../messages/files.js";
import { eachTable } from "../tables.js";
import { readRegularFile, resolveContained } from "./files.js";
import type { SourceFile } from "./index.js";
import { finding } from "../model/finding.js";
import { child, childrenNamed, lineCol, MAX_ELEMENTS, parseXml, textOf, XmlError, type XmlElement } from "./word/xml.js";

/** A spreadsheet of a budget annex is a few hundred KB; far above that is a wrong file. */
const MAX_SHEET_BYTES = 32 * 1024 * 1024;
/** Cells a table's range may hold: a 20-column annex of 10,000 rows. */
const MAX_RANGE_CELLS = 200_000;

/** The range of a spreadsheet a table takes: header rows, then body rows (sheet row numbers kept). */
export interface SheetTable {
  /** "du-toan.xlsx, trang Dự toán" or "du-toan.csv": how messages name the sheet. */
  name: string;
  header: TableCell[][];
  rows: { number: number; cells: TableCell[] }[];
  /** Columns of the range. */
  columns: number;
}

/** A problem at a sheet's cell ("H12") or with the file as a whole. */
class SheetError extends Error {
  constructor(
    message: string,
    readonly cell?: string,
    /** The sheet's name, once known. */
    public sheet?: string,
  ) {
    super(message);
  }
}

// ——— cell references ————————————————————————————————————————————————————————————————

export function columnName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "H12" → [row 11, column 7], 0-based. */
function parseRef(ref: string): [number, number] | undefined {
  const x = /^([A-Za-z]{1,3})([1-9][0-9]{0,6})$/.exec(ref);
  if (!x) return undefined;
  let c = 0;
  for (const ch of x[1]!.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return [Number(x[2]) - 1, c - 1];
}

const refName = (r: number, c: number): string => `${columnName(c)}${r + 1}`;

/** Cells by [row][column], merges as rectangles; both 0-based. */
interface Grid {
  cells: Map<number, Map<number, string>>;
  merges: { r0: number; c0: number; r1: number; c1: number }[];
  rows: number;
  columns: number;
}

function put(g: Grid, r: number, c: number, v: string): void {
  let row = g.cells.get(r);
  if (!row) g.cells.set(r, (row = new Map()));
  row.set(c, v);
  g.rows = Math.max(g.rows, r + 1);
  g.columns = Math.max(g.columns, c + 1);
}

// ——— xlsx ————————————————————————————————————————————————————————————————————————————

/** What went wrong in a part, for the "not an xlsx" message: the parser's problem in the clerk's words. */
function xmlWhat(e: XmlError, text: string): string {
  switch (e.problem) {
    case "doctype":
      return m.xmlDoctype();
    case "entity":
      return m.xmlEntity();
    case "depth":
      return m.xmlDepth();
    case "mismatch": {
      // "c / sheetData": the element still open, then the end tag met
      const open = e.detail.split(" / ");
      return open.length === 2 ? m.unclosed(open[0]!) : m.xmlSyntax();
    }
    case "unclosed":
      // an element left open at the end of the part (the offset is its start tag), not a comment or CDATA
      return e.detail && text.startsWith(`<${e.detail}`, e.offset) ? m.unclosed(e.detail) : m.xmlSyntax();
    default:
      return m.xmlSyntax();
  }
}

/** A part as a tree, through the one strict XML reader (no DTD, no entity expansion); a broken part names itself. */
function parsePart(name: string, part: string): XmlElement {
  // without its byte-order mark, so that the parser's offsets are offsets in `text`
  const text = part.replace(/^\uFEFF/, "");
  try {
    return parseXml(text);
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    // a sheet of millions of cells is no broken file: saving it again would not help
    if (e.problem === "elements") throw new SheetError(m.tooManyElements(name, MAX_ELEMENTS));
    const at = lineCol(text, e.offset);
    throw new SheetError(m.notXlsx(m.xmlPart(name, at.line, at.col, xmlWhat(e, text))));
  }
}

/**
 * A SpreadsheetML part (workbook, sheet, shared strings): its root in that namespace, else it is
 * refused, since with no namespace none of its elements would be found and the sheet would read empty.
 */
function spreadsheetPart(name: string, part: string): XmlElement {
  const root = parsePart(name, part);
  if (!root.name.startsWith("x:")) throw new SheetError(m.notXlsx(m.notSpreadsheetMl(name, root.name)));
  return root;
}

/** What an absent element holds: nothing. */
const NONE: XmlElement = { name: "", attrs: {}, children: [] };

/** The text of an <si> or <is>: its <t> and its runs' <t> joined; phonetic guides (<rPh>, holding their own <t>) left out. */
function richText(el: XmlElement): string {
  let out = "";
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === "x:t") out += textOf(c);
    else if (c.name === "x:r") out += textOf(child(c, "x:t") ?? NONE);
  }
  return out;
}

/** Excel writes a number as JavaScript would (shortest round-trip); digits kept, a decimal point printed as a comma. */
function numberText(v: string, amount: boolean, at: string): string {
  const x = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(v);
  if (!x) throw new SheetError(m.numberForm(v), at);
  const whole = amount && !x[3] ? x[2]!.replace(/\B(?=(\d{3})+$)/g, ".") : x[2]!;
  return `${x[1]}${whole}${x[3] ? "," + x[3] : ""}`;
}

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const SHARED_STRINGS = "xl/sharedStrings.xml";

function readXlsx(bytes: Buffer, sheetName: string | undefined, amountColumn: (c: number) => boolean): { grid: Grid; sheet: string } {
  let entries;
  try {
    entries = readZip(bytes, { include: (n) => n.startsWith("xl/") && n.endsWith(".xml") || n.endsWith(".rels") });
  } catch (e) {
    if (e instanceof ZipError) throw new SheetError(m.notXlsx(e.message));
    throw e;
  }
  const files = new Map(entries.map((e) => [e.name, e.data.toString("utf8")]));
  const workbookXml = files.get(WORKBOOK);
  const relsXml = files.get(WORKBOOK_RELS);
  if (workbookXml === undefined || relsXml === undefined) throw new SheetError(m.notXlsx(m.noWorkbook()));
  const workbook = spreadsheetPart(WORKBOOK, workbookXml);
  const sheets = childrenNamed(child(workbook, "x:sheets") ?? NONE, "x:sheet").map((s) => ({ name: s.attrs.name ?? "", rid: s.attrs["r:id"] ?? "" }));
  const chosen = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!chosen) throw new SheetError(m.noSheet(sheetName ?? "", sheets.map((s) => s.name)));
  const rels = parsePart(WORKBOOK_RELS, relsXml);
  // a relationships part without its namespace is read too, as the Word reader does
  const rel = [...childrenNamed(rels, "rel:Relationship"), ...childrenNamed(rels, "Relationship")].find((r) => r.attrs.Id === chosen.rid);
  const target = rel?.attrs.Target ?? "";
  const sheetPart = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const sheetXml = files.get(sheetPart);
  if (sheetXml === undefined) throw new SheetError(m.notXlsx(m.noSheetData(chosen.name)));
  try {
    const shared = files.get(SHARED_STRINGS);
    const strings = shared === undefined ? [] : childrenNamed(spreadsheetPart(SHARED_STRINGS, shared), "x:si").map(richText);
    return { grid: sheetGrid(spreadsheetPart(sheetPart, sheetXml), strings, amountColumn), sheet: chosen.name };
  } catch (e) {
    if (e instanceof SheetError) e.sheet = chosen.name;
    throw e;
  }
}

function sheetGrid(sheet: XmlElement, shared: string[], amountColumn: (c: number) => boolean): Grid {
  const grid: Grid = { cells: new Map(), merges: [], rows: 0, columns: 0 };
  for (const row of childrenNamed(child(sheet, "x:sheetData") ?? NONE, "x:row")) {
    for (const cell of childrenNamed(row, "x:c")) {
      const ref = cell.attrs.r ?? "";
      const at = parseRef(ref);
      if (!at) throw new SheetError(m.notXlsx(m.noAddress(ref)));
      const type = cell.attrs.t ?? "n";
      const ve = child(cell, "x:v");
      const v = ve && textOf(ve);
      let text: string;
      if (type === "inlineStr") {
        const is = child(cell, "x:is");
        text = is ? richText(is) : "";
      } else if (v === undefined) {
        if (child(cell, "x:f")) throw new SheetError(m.formulaWithoutValue(), ref);
        continue;
      } else if (type === "s") {
        const s = shared[Number(v)];
        if (s === undefined) throw new SheetError(m.notXlsx(m.noSharedString(v)), ref);
        text = s;
      } else if (type === "str") text = v;
      else if (type === "n") text = numberText(v.trim(), amountColumn(at[1]), ref);
      else if (type === "e") throw new SheetError(m.errorValue(v), ref);
      else throw new SheetError(m.cellType(type), ref);
      put(grid, at[0], at[1], text);
    }
  }
  for (const x of childrenNamed(child(sheet, "x:mergeCells") ?? NONE, "x:mergeCell")) {
    const [a, b] = (x.attrs.ref ?? "").split(":");
    const p = parseRef(a ?? "");
    const q = parseRef(b ?? a ?? "");
    if (p && q) grid.merges.push({ r0: p[0], c0: p[1], r1: q[0], c1: q[1] });
  }
  return grid;
}

// ——— csv ———————————————————————————————————————————————————————————————————————————

/** RFC 4180: fields separated by commas (or the semicolons Excel writes in Vietnamese settings), quoted with "". */
function readCsv(text: string): Grid {
  const grid: Grid = { cells: new Map(), merges: [], rows: 0, columns: 0 };
  const s = text.replace(/^\uFEFF/, "");
  const firstLine = s.slice(0, s.indexOf("\n") < 0 ? s.length : s.indexOf("\n"));
  const sep = firstLine.split(";").length > firstLine.split(",").length ? ";" : ",";
  let r = 0;
  let c = 0;
  let i = 0;
  while (i < s.length) {
    let field = "";
    if (s[i] === '"') {
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) throw new SheetError(m.csvQuote(), refName(r, c));
        field += s.slice(i, q);
        if (s[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      let j = i;
      while (j < s.length && s[j] !== sep && s[j] !== "\n" && s[j] !== "\r") j++;
      field = s.slice(i, j);
      i = j;
    }
    if (field !== "") put(grid, r, c, field);
    if (s[i] === sep) {
      c++;
      i++;
    } else {
      if (s[i] === "\r") i++;
      if (s[i] === "\n") i++;
      grid.rows = Math.max(grid.rows, r + 1);
      r++;
      c = 0;
    }
  }
  return grid;
}

// ——— the table of a range ——————————————————————————————————————————————————————————————

function tableOfRange(g: Grid, range: string | undefined, headerRows: number, name: string): SheetTable {
  let r0 = 0, c0 = 0, r1 = g.rows - 1, c1 = g.columns - 1;
  if (range !== undefined) {
    const [a, b] = range.split(":").map(parseRef);
    [r0, c0] = [Math.min(a![0], b![0]), Math.min(a![1], b![1])];
    [r1, c1] = [Math.max(a![0], b![0]), Math.max(a![1], b![1])];
    if (r0 >= g.rows || c0 >= g.columns) throw new SheetError(m.emptyRange(range));
  }
  if (r1 < r0 || c1 < c0) throw new SheetError(m.emptySheet());
  // one cell far out (XFD1048576) would make the range billions of cells
  if ((r1 - r0 + 1) * (c1 - c0 + 1) > MAX_RANGE_CELLS) throw new SheetError(m.rangeTooLarge(refName(r0, c0) + ":" + refName(r1, c1), MAX_RANGE_CELLS));
  // a merge's top-left cell holds the text; the cells it covers are left out of their rows
  const top = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const mg of g.merges) {
    if (mg.r1 < r0 || mg.r0 > r1 || mg.c1 < c0 || mg.c0 > c1) continue;
    if (mg.r0 < r0 || mg.c0 < c0 || mg.r1 > r1 || mg.c1 > c1) throw new SheetError(m.mergeAcrossRange(refName(mg.r0, mg.c0) + ":" + refName(mg.r1, mg.c1), range ?? ""), refName(mg.r0, mg.c0));
    const headerEnd = r0 + headerRows;
    if (mg.r0 < headerEnd && mg.r1 >= headerEnd) throw new SheetError(m.mergeAcrossHeader(headerRows), refName(mg.r0, mg.c0));
    if (top.has(`${mg.r0}:${mg.c0}`)) throw new SheetError(m.mergeOverlap(), refName(mg.r0, mg.c0));
    top.set(`${mg.r0}:${mg.c0}`, { rowSpan: mg.r1 - mg.r0 + 1, colSpan: mg.c1 - mg.c0 + 1 });
    for (let r = mg.r0; r <= mg.r1; r++) {
      for (let c = mg.c0; c <= mg.c1; c++) {
        const key = `${r}:${c}`;
        // overlapping merges (Excel never writes them) would each count a cell twice
        if (covered.has(key) || (top.has(key) && (r !== mg.r0 || c !== mg.c0))) throw new SheetError(m.mergeOverlap(), refName(r, c));
        if (r !== mg.r0 || c !== mg.c0) covered.add(key);
      }
    }
  }
  const rows: { number: number; cells: TableCell[] }[] = [];
  for (let r = r0; r <= r1; r++) {
    const cells: TableCell[] = [];
    for (let c = c0; c <= c1; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const span = top.get(`${r}:${c}`) ?? { rowSpan: 1, colSpan: 1 };
      cells.push({ text: g.cells.get(r)?.get(c) ?? "", ...span, where: { file: "", line: 0, col: 0, cell: m.cellPlace(name, refName(r, c)) } });
    }
    rows.push({ number: r + 1, cells });
  }
  if (headerRows >= rows.length) throw new SheetError(m.noBodyRows(headerRows));
  return { name, header: rows.slice(0, headerRows).map((r) => r.cells), rows: rows.slice(headerRows), columns: c1 - c0 + 1 };
}

/**
 * The spreadsheet tables of a plan, by their `bang` object; findings (errors) at the `tep` key naming
 * the sheet and cell when a file, sheet, range or cell cannot be used.
 */
export function loadSheets(src: SourceFile): { tables: Map<TableSource, SheetTable>; findings: Finding[] } {
  const tables = new Map<TableSource, SheetTable>();
  const findings: Finding[] = [];
  const base = dirname(src.file);
  eachTable(src.value, [], (raw, path) => {
    const t = raw as TableSource;
    if (t.tep === undefined) return;
    const at: Path = [...path, "tep"];
    const fail = (message: string): void => {
      findings.push(finding("table.sheet", { file: src.file, ...src.positions.valueAt(at) }, message, pathToString(at)));
    };
    const where = resolveContained(base, t.tep, "file");
    if (!where.path) return fail(fm.refused(m.what(), t.tep, where.refusal!, where.code));
    const read = readRegularFile(where.path, MAX_SHEET_BYTES);
    if (!("bytes" in read)) return fail(read.refusal === "too-large" ? m.tooLarge(t.tep) : fm.refused(m.what(), t.tep, read.refusal, read.code));
    const csv = /\.csv$/i.test(t.tep);
    // amount columns in the range's own columns (the generated TT column is not in the sheet)
    const shift = t.tt ? 1 : 0;
    const amounts = new Set((t.cot_tien ?? []).map((c) => c - 1 - shift));
    let name = t.tep;
    try {
      let grid: Grid;
      if (csv) {
        if (t.trang !== undefined) throw new SheetError(m.csvSheet());
        grid = readCsv(read.bytes.toString("utf8"));
      } else {
        let c0 = 0;
        if (t.vung) c0 = parseRef(t.vung.split(":")[0]!)?.[1] ?? 0;
        const x = readXlsx(read.bytes, t.trang, (c) => amounts.has(c - c0));
        grid = x.grid;
        name = m.sheetPlace(t.tep, x.sheet);
      }
      const headerRows = t.cot !== undefined ? 0 : (t.dong_tieu_de ?? 1);
      const table = tableOfRange(grid, t.vung, headerRows, name);
      const pos = src.positions.valueAt(at);
      for (const r of [...table.header, ...table.rows.map((x) => x.cells)]) for (const c of r) c.where = { ...c.where!, file: src.file, ...pos };
      tables.set(t, table);
    } catch (e) {
      if (!(e instanceof SheetError)) throw e;
      if (e.sheet !== undefined) name = m.sheetPlace(t.tep, e.sheet);
      fail(m.at(e.cell ? m.cellPlace(name, e.cell) : name, e.message));
    }
  });
  return { tables, findings };
}
