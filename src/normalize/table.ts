/**
 * A `bang` (typed rows, or a spreadsheet's range) as one Table: header rows, rows with their kinds,
 * merged cells, generated TT, the places the rows came from (for lint's sums).
 */
import type { Finding, Path } from "../model/finding.js";
import { pathToString } from "../model/finding.js";
import type { ColumnAlign, Table, TableCell, TableRow, TableRowKind, Where } from "../model/normalized.js";
import type { TableCellSource, TableSource } from "../model/plan.js";
import type { SourceFile } from "../read/index.js";
import type { SheetTable } from "../read/sheets.js";
import { cellSpan, headerRows, rowCells } from "../validate/tables.js";
import { validateMessages as vm } from "../messages/validate.js";
import { sheetMessages as sm } from "../messages/sheets.js";
import { letter, roman } from "./numbering.js";
import { finding } from "../model/finding.js";
import type { RuleId } from "../model/rules.js";

const KIND: Record<string, TableRowKind> = { nhom: "group", cong: "subtotal", tong: "total" };
const ALIGN: Record<string, ColumnAlign> = { trai: "left", giua: "center", phai: "right", deu: "both" };

export interface TableContext {
  src: SourceFile;
  paths: Map<TableSource, Path>;
  sheets: Map<TableSource, SheetTable>;
  findings: Finding[];
}

/** TT of each body row: I, II … for groups; 1, 2 … restarting in each group; none for sums. */
function numberRows(rows: TableRow[], where: (r: TableRow) => Where): void {
  let group = 0;
  let n = 0;
  for (const r of rows) {
    let text = "";
    if (r.kind === "group") {
      text = roman(++group);
      n = 0;
    } else if (r.kind === "row") text = String(++n);
    r.cells.unshift({ text, colSpan: 1, rowSpan: 1, where: where(r) });
  }
}

/**
 * TT by structure (tt: so_cap), as task annexes number: levels 1–3 are 1, 1.1, 1.1.1; level 4 is
 * a, b, c … (Vietnamese letters); a row restarts the count of every level below its own. Sum rows
 * have no number. validate/tables.ts has checked that no row skips a level.
 */
function numberByLevel(rows: TableRow[], levels: number[], where: (r: TableRow) => Where): void {
  const counts = [0, 0, 0, 0];
  rows.forEach((r, i) => {
    let text = "";
    if (r.kind === "row" || r.kind === "group") {
      const level = levels[i] ?? 1;
      counts[level - 1]!++;
      counts.fill(0, level);
      text = level === 4 ? letter(counts[3]! - 1) : counts.slice(0, level).join(".");
    }
    r.cells.unshift({ text, colSpan: 1, rowSpan: 1, where: where(r) });
  });
}

export function normalizeTable(t: TableSource, ctx: TableContext): Table {
  const at = ctx.paths.get(t) ?? [];
  const place = (p: Path): Where => ({ file: ctx.src.file, ...ctx.src.positions.valueAt(p), path: pathToString(p) });
  const cell = (c: TableCellSource, p: Path): TableCell => ({ text: typeof c === "string" ? c : c.noi_dung, ...cellSpan(c), where: place(p) });
  const sheet = ctx.sheets.get(t);
  let header: TableCell[][];
  let rows: TableRow[];
  if (t.cot !== undefined) {
    const multi = Array.isArray(t.cot[0]);
    header = headerRows(t.cot).map((r, i) => r.map((c, j) => cell(c, multi ? [...at, "cot", i, j] : [...at, "cot", j])));
  } else header = sheet?.header ?? [];
  if (sheet) {
    const kinds = new Map<number, TableRowKind>();
    for (const [k, list] of Object.entries(t.kieu_dong ?? {})) for (const n of list) kinds.set(n, KIND[k]!);
    rows = sheet.rows.map((r) => ({ kind: kinds.get(r.number) ?? "row", cells: r.cells, where: r.cells[0]?.where ?? place([...at, "tep"]) }));
    rows.forEach((r) => {
      if (r.kind !== "row") r.bold = true;
    });
  } else {
    rows = (t.dong ?? []).map((r, i) => {
      const { cells, key } = rowCells(r);
      const kind = Array.isArray(r) || !r.loai ? "row" : KIND[r.loai]!;
      const rowPath = [...at, "dong", i];
      return {
        kind,
        cells: cells.map((c, j) => cell(c, key ? [...rowPath, key, j] : [...rowPath, j])),
        bold: (Array.isArray(r) ? undefined : r.dam) ?? (kind === "group" || kind === "total" || kind === "subtotal"),
        italic: Array.isArray(r) ? undefined : r.nghieng,
        where: place(rowPath),
      };
    });
  }
  const numbered = t.tt === true || t.tt === "so_cap";
  if (t.tt === "so_cap") numberByLevel(rows, (t.dong ?? []).map((r) => (Array.isArray(r) ? 1 : (r.cap ?? 1))), (r) => r.where);
  else if (numbered) numberRows(rows, (r) => r.where);
  const headerWithoutNumber = numbered && t.cot === undefined;
  const columns = (header.length ? header[0]!.reduce((s, c) => s + c.colSpan, 0) : (sheet?.columns ?? 0)) + (headerWithoutNumber ? 1 : 0);
  if (sheet) checkSheetColumns(t, sheet, columns, at, ctx);
  return {
    header,
    rows,
    columns,
    widths: t.do_rong,
    align: t.can?.map((a) => ALIGN[a]!),
    size: t.co_chu,
    numbered,
    headerWithoutNumber,
    amountColumns: (t.cot_tien ?? []).map((c) => c - 1),
  };
}

/** For a spreadsheet's table, what validate checks on typed rows: the columns of cot, do_rong, can, cot_tien, kieu_dong. */
function checkSheetColumns(t: TableSource, sheet: SheetTable, columns: number, at: Path, ctx: TableContext): void {
  const report = (p: Path, rule: RuleId, message: string): void => {
    ctx.findings.push(finding(rule, { file: ctx.src.file, ...ctx.src.positions.valueAt(p) }, message, pathToString(p)));
  };
  const body = sheet.columns + (t.tt ? 1 : 0);
  if (body !== columns) report([...at, t.cot !== undefined ? "cot" : "vung"], "table.cells", sm.columns(sheet.columns, columns - (t.tt ? 1 : 0), sm.headerRow()));
  if (t.do_rong && t.do_rong.length !== columns) report([...at, "do_rong"], "table.widths", vm.widthCount(t.do_rong.length, columns));
  if (t.can && t.can.length !== columns) report([...at, "can"], "table.align", vm.alignCount(t.can.length, columns));
  (t.cot_tien ?? []).forEach((c, i) => {
    if (c > columns) report([...at, "cot_tien", i], "table.amount-column", vm.amountColumn(c, columns));
  });
  const numbers = new Set(sheet.rows.map((r) => r.number));
  for (const [k, list] of Object.entries(t.kieu_dong ?? {})) {
    list.forEach((n, i) => {
      if (!numbers.has(n)) report([...at, "kieu_dong", k, i], "table.row-kind", sm.rowOutside(n, sheet.rows[0]?.number ?? 0, sheet.rows[sheet.rows.length - 1]?.number ?? 0));
    });
  }
}
