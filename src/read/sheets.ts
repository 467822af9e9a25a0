/**
 * A table's rows from a spreadsheet beside the plan (`bang.tep`: .xlsx or .csv), read only.
 *
 * An .xlsx is a zip of XML; what a table needs of it is small (the workbook's sheet names, shared
 * strings, the sheet's cells with their cached values, merged cells), so it is read here with the
 * hardened `readZip` rather than a spreadsheet library: the maintained ones are large (SheetJS's
 * npm releases stopped at a vulnerable 0.18; exceljs pulls in dozens of packages), and none is
 * needed to read cached values. Formulas are never evaluated: a formula cell without the value
 * Excel saved with it is an error at its cell. The same file gives the same rows, byte for byte.
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

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

function attr(tag: string, name: string): string | undefined {
  const x = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return x ? unescapeXml(x[1]!) : undefined;
}

/**
 * The <tag> elements of `xml` in order: their start tag and body. One pass with indexOf (a pattern
 * looking ahead for each closing tag would rescan the rest of a file with many unclosed ones);
 * elements of the same name are not nested in the parts read here.
 */
function* elements(xml: string, tag: string): Generator<{ head: string; body: string }> {
  const open = `<${tag}`;
  const close = `</${tag}>`;
  let at = 0;
  for (;;) {
    const start = xml.indexOf(open, at);
    if (start < 0) return;
    const next = xml[start + open.length];
    if (next !== ">" && next !== "/" && next !== " " && next !== "\t" && next !== "\n" && next !== "\r") {
      at = start + open.length;
      continue;
    }
    const headEnd = xml.indexOf(">", start);
    if (headEnd < 0) throw new SheetError(m.notXlsx(m.unclosed(tag)));
    const head = xml.slice(start, headEnd + 1);
    if (head.endsWith("/>")) {
      yield { head, body: "" };
      at = headEnd + 1;
      continue;
    }
    const end = xml.indexOf(close, headEnd);
    if (end < 0) throw new SheetError(m.notXlsx(m.unclosed(tag)));
    yield { head, body: xml.slice(headEnd + 1, end) };
    at = end + close.length;
  }
}

/** The text of an <si> or <is>: its <t> runs joined, phonetic guides (<rPh>, holding their own <t>) left out. */
function richText(xml: string): string {
  let out = "";
  let rest = xml;
  for (const ph of elements(xml, "rPh")) rest = rest.replace(ph.head + ph.body + "</rPh>", "");
  for (const t of elements(rest, "t")) out += unescapeXml(t.body);
  return out;
}

/** Excel writes a number as JavaScript would (shortest round-trip); digits kept, a decimal point printed as a comma. */
function numberText(v: string, amount: boolean, at: string): string {
  const x = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(v);
  if (!x) throw new SheetError(m.numberForm(v), at);
  const whole = amount && !x[3] ? x[2]!.replace(/\B(?=(\d{3})+$)/g, ".") : x[2]!;
  return `${x[1]}${whole}${x[3] ? "," + x[3] : ""}`;
}

function readXlsx(bytes: Buffer, sheetName: string | undefined, amountColumn: (c: number) => boolean): { grid: Grid; sheet: string } {
  let entries;
  try {
    entries = readZip(bytes, { include: (n) => n.startsWith("xl/") && n.endsWith(".xml") || n.endsWith(".rels") });
  } catch (e) {
    if (e instanceof ZipError) throw new SheetError(m.notXlsx(e.message));
    throw e;
  }
  const files = new Map(entries.map((e) => [e.name, e.data.toString("utf8")]));
  const workbook = files.get("xl/workbook.xml");
  const rels = files.get("xl/_rels/workbook.xml.rels");
  if (workbook === undefined || rels === undefined) throw new SheetError(m.notXlsx(m.noWorkbook()));
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((t) => ({ name: attr(t[0], "name") ?? "", rid: attr(t[0], "r:id") ?? "" }));
  const chosen = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!chosen) throw new SheetError(m.noSheet(sheetName ?? "", sheets.map((s) => s.name)));
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].find((t) => attr(t[0], "Id") === chosen.rid);
  const target = rel ? attr(rel[0], "Target") ?? "" : "";
  const sheetXml = files.get(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  if (sheetXml === undefined) throw new SheetError(m.notXlsx(m.noSheetData(chosen.name)));
  try {
    return { grid: sheetGrid(sheetXml, files.get("xl/sharedStrings.xml") ?? "", amountColumn), sheet: chosen.name };
  } catch (e) {
    if (e instanceof SheetError) e.sheet = chosen.name;
    throw e;
  }
}

function sheetGrid(sheetXml: string, sharedXml: string, amountColumn: (c: number) => boolean): Grid {
  const shared = [...elements(sharedXml, "si")].map((x) => richText(x.body));
  const grid: Grid = { cells: new Map(), merges: [], rows: 0, columns: 0 };
  for (const { head, body } of elements(sheetXml, "c")) {
    const ref = attr(head, "r") ?? "";
    const at = parseRef(ref);
    if (!at) throw new SheetError(m.notXlsx(m.noAddress(ref)));
    const type = attr(head, "t") ?? "n";
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const formula = /<f\b/.test(body);
    let text: string;
    if (type === "inlineStr") text = richText(elements(body, "is").next().value?.body ?? "");
    else if (v === undefined) {
      if (formula) throw new SheetError(m.formulaWithoutValue(), ref);
      continue;
    } else if (type === "s") {
      const s = shared[Number(v)];
      if (s === undefined) throw new SheetError(m.notXlsx(m.noSharedString(v)), ref);
      text = s;
    } else if (type === "str") text = unescapeXml(v);
    else if (type === "n") text = numberText(unescapeXml(v).trim(), amountColumn(at[1]), ref);
    else if (type === "e") throw new SheetError(m.errorValue(unescapeXml(v)), ref);
    else throw new SheetError(m.cellType(type), ref);
    put(grid, at[0], at[1], text);
  }
  for (const x of elements(sheetXml, "mergeCell")) {
    const [a, b] = (attr(x.head, "ref") ?? "").split(":");
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
