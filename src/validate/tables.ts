/**
 * What a JSON Schema cannot say about a table: every row has as many cells as the table has
 * columns, and do_rong gives one width per column. A wrong count is an error at the row (or
 * do_rong), never a row padded or cut at render time.
 */
import { pathToString, type Finding, type Path } from "../model/finding.js";
import type { SourceFile } from "../read/index.js";
import { validateMessages as m } from "../messages/validate.js";

/** Every `bang` in the plan, wherever the schema allows it (sections, items, Phụ lục). */
function eachTable(v: unknown, path: Path, visit: (table: Record<string, unknown>, path: Path) => void): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      eachTable(v[i], path, visit);
      path.pop();
    }
  } else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      path.push(k);
      if (k === "bang" && x && typeof x === "object" && !Array.isArray(x)) visit(x as Record<string, unknown>, path);
      else eachTable(x, path, visit);
      path.pop();
    }
  }
}

export function checkTables(src: SourceFile): Finding[] {
  const findings: Finding[] = [];
  const report = (path: Path, rule: string, message: string): void => {
    findings.push({ file: src.file, ...src.positions.valueAt(path), rule, severity: "error", message, path: pathToString(path) });
  };
  eachTable(src.value, [], (table, at) => {
    if (!Array.isArray(table.cot)) return;
    const columns = table.cot.length;
    if (Array.isArray(table.dong)) {
      table.dong.forEach((row, i) => {
        if (Array.isArray(row) && row.length !== columns) report([...at, "dong", i], "table.cells", m.rowCells(row.length, columns));
      });
    }
    if (Array.isArray(table.do_rong) && table.do_rong.length !== columns) report([...at, "do_rong"], "table.widths", m.widthCount(table.do_rong.length, columns));
  });
  return findings;
}
