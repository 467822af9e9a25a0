/**
 * The widths kehoach would measure for a table `kehoach import` read: import writes do_rong only where
 * the original's differ. Beside the command, not in pipeline.ts, so that an import without the proof
 * loads neither docx nor the build's stages (write/widths.ts measures without docx).
 */
import type { Run, TableBlock, TableCellBlock } from "../model/document.js";
import type { ImportedCell, ImportedTable } from "../model/imported.js";
import { tableFontSize } from "../read/recognize/items.js";
import { columnWidths } from "../write/widths.js";

/**
 * The column widths kehoach measures for a table read by `kehoach import` over `available` twips
 * (write/widths.ts), as if the plan had no do_rong: import writes do_rong only where the original's differ.
 */
export function measuredImportWidths(t: ImportedTable, available: number): number[] {
  const cell = (c: ImportedCell): TableCellBlock => ({
    content: c.blocks.map((p) => {
      const runs: Run[] = p.label ? [{ text: p.label + " " }] : [];
      for (const r of p.runs) if (r.footnote === undefined) runs.push({ text: r.text, bold: r.bold, italic: r.italic, breakBefore: r.lineBreak });
      return runs;
    }),
    colSpan: c.colSpan,
    rowSpan: c.rowSpan,
  });
  const head = Math.max(1, Math.min(t.headerRows, t.rows.length - 1));
  const block: TableBlock = {
    kind: "table",
    header: t.rows.slice(0, head).map((r) => r.map(cell)),
    rows: t.rows.slice(head).map((r) => ({ cells: r.map(cell) })),
    align: Array.from({ length: t.columns }, (): "left" => "left"),
  };
  const size = tableFontSize(t);
  if (size !== undefined) block.size = size;
  return columnWidths(block, available);
}
