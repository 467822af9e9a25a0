/**
 * What a JSON Schema cannot say about a table: every row covers as many columns as the table has
 * (merged cells counted by their spans, cells merged down counted in the rows they cover), no
 * merged cell runs past the table or into another, and do_rong, can, cot_tien fit the columns.
 * A wrong count is an error at the row (or key), never a row padded or cut at render time.
 */
import { finding, type Finding, type Path, pathToString } from "../model/finding.js";
import type { TableCellSource, TableRowSource } from "../model/plan.js";
import type { SourceFile } from "../read/index.js";
import { validateMessages as m } from "../messages/validate.js";
import { eachTable, placeCells, type Span } from "../tables.js";
import type { RuleId } from "../model/rules.js";

/** A cell's spans; a span the schema rejects (reported there) counts as 1 here. */
export function cellSpan(c: TableCellSource): Span {
  const n = (x: unknown): number => (typeof x === "number" && Number.isInteger(x) && x >= 1 && x <= 10_000 ? x : 1);
  return typeof c === "object" && c !== null ? { colSpan: n(c.gop_cot), rowSpan: n(c.gop_dong) } : { colSpan: 1, rowSpan: 1 };
}

/** A row's cells and the key holding them ("o" for a row written as an object); none for a malformed row (the schema reports it). */
export function rowCells(r: TableRowSource): { cells: TableCellSource[]; key?: "o" } {
  if (Array.isArray(r)) return { cells: r };
  return { cells: r && typeof r === "object" && Array.isArray(r.o) ? r.o : [], key: "o" };
}

/** The header's rows: `cot` is one row of cells or a list of rows. */
export function headerRows(cot: TableCellSource[] | TableCellSource[][]): TableCellSource[][] {
  return cot.length > 0 && Array.isArray(cot[0]) ? (cot as TableCellSource[][]) : [cot as TableCellSource[]];
}

/**
 * The rows' levels (cap) of a table numbered by structure (tt: so_cap): a level goes down one step at
 * a time (a 1.1 needs its 1 before it), and only numbered rows have one; elsewhere cap has no effect.
 */
function checkLevels(table: Record<string, unknown>, at: Path, report: (path: Path, rule: RuleId, message: string) => void): void {
  if (!Array.isArray(table.dong)) return;
  // any word (so_cap, or a typo of it the schema reports) asks for numbering by level
  const structural = typeof table.tt === "string";
  let previous = 0;
  (table.dong as unknown[]).forEach((r, i) => {
    // a row written as a list of cells is at level 1
    if (!r || typeof r !== "object" || Array.isArray(r)) {
      previous = 1;
      return;
    }
    const row = r as { cap?: unknown; loai?: unknown };
    const level = typeof row.cap === "number" && Number.isInteger(row.cap) ? row.cap : undefined;
    const path = [...at, "dong", i, "cap"];
    if (row.cap !== undefined && !structural) return report(path, "table.row-level", m.levelWithoutTt());
    if (row.loai === "cong" || row.loai === "tong") {
      if (row.cap !== undefined) report(path, "table.row-level", m.levelUnnumbered());
      return;
    }
    const l = level ?? 1;
    if (structural && l > previous + 1) report(path, "table.row-level", m.levelJump(l, previous));
    previous = l;
  });
}

export function checkTables(src: SourceFile): Finding[] {
  const findings: Finding[] = [];
  const report = (path: Path, rule: RuleId, message: string): void => {
    findings.push(finding(rule, { file: src.file, ...src.positions.valueAt(path) }, message, pathToString(path)));
  };
  eachTable(src.value, [], (table, at) => {
    checkLevels(table, at, report);
    if (!Array.isArray(table.cot) || table.cot.length === 0) return;
    const header = headerRows(table.cot as TableCellSource[]);
    if (!header.every((r) => Array.isArray(r) && r.length > 0)) return;
    // a list of lists is several header rows; a flat list is the one header row
    const multi = Array.isArray((table.cot as unknown[])[0]);
    const hp = (r: number): Path => (multi ? [...at, "cot", r] : [...at, "cot"]);
    const spans = header.map((r) => r.map(cellSpan));
    const columns = spans[0]!.reduce((s, c) => s + c.colSpan, 0);
    const problems = (rows: Span[][], width: number, rowPath: (r: number) => Path, cellPath: (r: number, c: number) => Path, tt: boolean): void => {
      for (const p of placeCells(rows, width).problems) {
        if (p.kind === "count") report(rowPath(p.row), "table.cells", tt ? m.rowCellsNumbered(p.found, width) : m.rowCells(p.found, width));
        else if (p.kind === "past-columns") report(cellPath(p.row, p.cell), "table.span", m.spanPastColumns(rows[p.row]![p.cell]!.colSpan));
        else if (p.kind === "past-rows") report(cellPath(p.row, p.cell), "table.span", m.spanPastRows(rows[p.row]![p.cell]!.rowSpan, rows.length - p.row));
        else report(cellPath(p.row, p.cell), "table.span", m.spanOverlap());
      }
    };
    problems(spans, columns, hp, (r, c) => [...hp(r), c], false);
    // a tt the schema rejects (a typo of so_cap) still means a TT column: its rows are not also wrong
    const tt = table.tt !== undefined && table.tt !== false;
    // a malformed row is the schema's to report; its count would only repeat it
    if (Array.isArray(table.dong) && (table.dong as unknown[]).every((r) => Array.isArray(r) || (r && typeof r === "object" && Array.isArray((r as { o?: unknown }).o)))) {
      const rows = table.dong as TableRowSource[];
      const bodyWidth = tt ? columns - 1 : columns;
      problems(
        rows.map((r) => rowCells(r).cells.map(cellSpan)),
        bodyWidth,
        (r) => [...at, "dong", r],
        (r, c) => {
          const key = rowCells(rows[r]!).key;
          return key ? [...at, "dong", r, key, c] : [...at, "dong", r, c];
        },
        tt,
      );
    }
    if (Array.isArray(table.do_rong) && table.do_rong.length !== columns) report([...at, "do_rong"], "table.widths", m.widthCount(table.do_rong.length, columns));
    if (Array.isArray(table.can) && table.can.length !== columns) report([...at, "can"], "table.align", m.alignCount(table.can.length, columns));
    if (Array.isArray(table.cot_tien)) {
      (table.cot_tien as number[]).forEach((c, i) => {
        if (c > columns) report([...at, "cot_tien", i], "table.amount-column", m.amountColumn(c, columns));
      });
    }
  });
  return findings;
}
