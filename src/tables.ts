import type { Path } from "./model/finding.js";

/** Every `bang` in a plan's value, wherever the schema allows it (sections, items, Phụ lục), with its path. */
export function eachTable(v: unknown, path: Path, visit: (table: Record<string, unknown>, path: Path) => void): void {
  eachUnder(v, path, "bang", (x) => !!x && typeof x === "object" && !Array.isArray(x), visit as (x: unknown, path: Path) => void);
}

/** Every `du_toan` list in a plan's value (sections, items), with its path. */
export function eachBudget(v: unknown, path: Path, visit: (budget: unknown[], path: Path) => void): void {
  eachUnder(v, path, "du_toan", Array.isArray, visit as (x: unknown, path: Path) => void);
}

/** Every value of the given shape under `key`, wherever it is, with its path (not searched further). */
function eachUnder(v: unknown, path: Path, key: string, shape: (x: unknown) => boolean, visit: (x: unknown, path: Path) => void): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      eachUnder(v[i], path, key, shape, visit);
      path.pop();
    }
  } else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      path.push(k);
      if (k === key && shape(x)) visit(x, path);
      else eachUnder(x, path, key, shape, visit);
      path.pop();
    }
  }
}

/**
 * Where the cells of a table with merged cells fall. Rows list only the cells that start in them,
 * as in Word and HTML: a cell merged down (rowSpan) covers its column in the rows below, which
 * give no cell there. One walk, O(cells + columns × rows), shared by validate (YAML positions),
 * the spreadsheet reader (sheet cells) and render (TT and amount columns).
 */

export interface Span {
  colSpan: number;
  rowSpan: number;
}

export type GridProblem =
  /** the row's cells and the columns covered from above are `found` columns, not `columns` */
  | { kind: "count"; row: number; found: number }
  /** cell `cell` of row `row` spans past the last column */
  | { kind: "past-columns"; row: number; cell: number }
  /** cell `cell` of row `row` spans below the last row */
  | { kind: "past-rows"; row: number; cell: number }
  /** cell `cell` of row `row` runs into a column a cell above covers */
  | { kind: "overlap"; row: number; cell: number };

/** The first grid column of each cell, row by row, and what does not fit. */
export function placeCells(rows: readonly (readonly Span[])[], columns: number): { starts: number[][]; problems: GridProblem[] } {
  // busy[c]: the first row index column c is free again
  const busy = new Array<number>(columns).fill(0);
  const starts: number[][] = [];
  const problems: GridProblem[] = [];
  rows.forEach((row, r) => {
    const rowStarts: number[] = [];
    let col = 0;
    let found = 0;
    const skipCovered = (): void => {
      while (col < columns && busy[col]! > r) {
        col++;
        found++;
      }
    };
    let broken = false;
    row.forEach((cell, i) => {
      skipCovered();
      rowStarts.push(col);
      found += cell.colSpan;
      if (broken) return;
      if (col + cell.colSpan > columns) {
        if (cell.colSpan > 1 && col < columns) problems.push({ kind: "past-columns", row: r, cell: i });
        broken = true;
        return;
      }
      for (let c = col; c < col + cell.colSpan; c++) {
        if (busy[c]! > r) {
          problems.push({ kind: "overlap", row: r, cell: i });
          broken = true;
          return;
        }
        busy[c] = r + cell.rowSpan;
      }
      if (r + cell.rowSpan > rows.length) problems.push({ kind: "past-rows", row: r, cell: i });
      col += cell.colSpan;
    });
    skipCovered();
    // the count is the user's row as written; a span past the table is its own problem
    if (!broken && found !== columns) problems.push({ kind: "count", row: r, found });
    else if (broken && !problems.some((p) => p.row === r)) problems.push({ kind: "count", row: r, found });
    starts.push(rowStarts);
  });
  return { starts, problems };
}

/** Columns of a header's first row (its cells' spans): the table's column count. */
export function columnCount(row: readonly Span[]): number {
  return row.reduce((s, c) => s + c.colSpan, 0);
}
