/**
 * A budget's groups (du_toan lines with cac_dong) whose typed amount is not their lines' sum, and
 * sums of a table's amount columns (cot_tien): a subtotal row (cong) is the sum of the rows since its
 * group began (or the last subtotal), a group row that gives an amount is the sum of its rows, and a
 * total row (tong) is the sum of every ordinary row. Amounts are exact digit strings (digits.ts).
 */
import type { Finding } from "../model/finding.js";
import type { BudgetLine, NormalizedPlan, Table, TableRow, Item } from "../model/normalized.js";
import { addDigits, groupDigits } from "../digits.js";
import { placeCells } from "../tables.js";
import { lintMessages as m } from "../messages/lint.js";
import { sheetMessages as sm } from "../messages/sheets.js";
import { finding } from "../model/finding.js";

/** The digits of an amount as printed ("1.364.329.243", "1 364 329 243"); undefined for text or an empty cell. */
function digitsOf(text: string): string | undefined {
  const t = text.trim().replace(/[.\s]/g, "");
  return /^[0-9]+$/.test(t) ? t.replace(/^0+(?=\d)/, "") : undefined;
}

function tableSums(t: Table, out: Finding[]): void {
  if (!t.amountColumns.length) return;
  const { starts } = placeCells(t.rows.map((r) => r.cells), t.columns);
  const amountAt = (i: number, col: number): { digits?: string; row: TableRow; cell?: TableRow["cells"][number] } => {
    const row = t.rows[i]!;
    const j = starts[i]!.indexOf(col);
    const cell = j < 0 ? undefined : row.cells[j];
    return { digits: cell ? digitsOf(cell.text) : undefined, row, cell };
  };
  for (const col of t.amountColumns) {
    let total = "0";
    let sinceSubtotal = "0";
    let group: { i: number; digits: string; sum: string } | undefined;
    const check = (i: number, typed: string, sum: string, kind: "group" | "subtotal" | "total"): void => {
      if (typed === sum) return;
      const { row, cell } = amountAt(i, col);
      const where = cell?.where ?? row.where;
      const message = m.tableSum(kind, groupDigits(typed), groupDigits(sum), col + 1);
      out.push(finding("lint.table-sum", { file: where.file, line: where.line, col: where.col }, where.cell ? sm.at(where.cell, message) : message, where.path));
    };
    const closeGroup = (): void => {
      if (group) check(group.i, group.digits, group.sum, "group");
      group = undefined;
    };
    t.rows.forEach((r, i) => {
      const { digits } = amountAt(i, col);
      if (r.kind === "row") {
        if (digits === undefined) return;
        total = addDigits(total, digits);
        sinceSubtotal = addDigits(sinceSubtotal, digits);
        if (group) group.sum = addDigits(group.sum, digits);
      } else if (r.kind === "group") {
        closeGroup();
        sinceSubtotal = "0";
        if (digits !== undefined) group = { i, digits, sum: "0" };
      } else if (r.kind === "subtotal") {
        if (digits !== undefined) check(i, digits, sinceSubtotal, "subtotal");
        sinceSubtotal = "0";
      } else {
        closeGroup();
        if (digits !== undefined) check(i, digits, total, "total");
      }
    });
    closeGroup();
  }
}

function budgetSums(lines: BudgetLine[], out: Finding[]): void {
  for (const l of lines) {
    if (l.typed && l.typed.sum !== l.amount) {
      const w = l.typed.where;
      out.push(finding("lint.table-sum", { file: w.file, line: w.line, col: w.col }, m.budgetSum(l.text, groupDigits(l.amount), groupDigits(l.typed.sum)), w.path));
    }
    if (l.lines) budgetSums(l.lines, out);
  }
}

function itemParts(items: Item[], table: (t: Table) => void, budget: (b: BudgetLine[]) => void): void {
  for (const it of items) {
    if (it.budget) budget(it.budget);
    if (it.table) table(it.table);
    itemParts(it.children, table, budget);
  }
}

/** Findings for every table and budget of the plan whose declared sums do not add up. */
export function sumFindings(plan: NormalizedPlan): Finding[] {
  const out: Finding[] = [];
  const table = (t: Table): void => tableSums(t, out);
  const budget = (b: BudgetLine[]): void => budgetSums(b, out);
  for (const s of plan.sections) {
    if (s.budget) budget(s.budget);
    if (s.table) table(s.table);
    itemParts(s.items, table, budget);
  }
  for (const a of plan.appendices) {
    if (a.table) table(a.table);
    itemParts(a.items, table, budget);
  }
  return out;
}
