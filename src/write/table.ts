/**
 * A bordered table: header rows repeated on every page, rows never split across pages, merged
 * cells, alignment per column, and column widths measured from the text so that no number, date
 * or word is broken inside (unless the user's do_rong says otherwise).
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from "docx";
import type { TableBlock, TableCellBlock } from "../model/document.js";
import { placeCells } from "../tables.js";
import { BLACK } from "./layout.js";
import { columnWidths } from "./widths.js";
import { runs } from "./blocks.js";
import { STYLE } from "../model/styles.js";

const THIN = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const JC = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED } as const;
export function table(b: TableBlock, available: number): Table {
  const columns = b.align.length;
  const widths = columnWidths(b, available);
  const size = b.size !== undefined ? b.size * 2 : undefined;
  const rowsOf = (list: { cells: TableCellBlock[]; bold?: boolean; italic?: boolean }[], header: boolean): TableRow[] => {
    const { starts } = placeCells(list.map((r) => r.cells), columns);
    // rows a cell is merged down over stay on one page with the row below them (no page holds a merge's tail)
    const open = new Array<number>(list.length + 1).fill(0);
    list.forEach((r, i) =>
      r.cells.forEach((c) => {
        if (c.rowSpan > 1) {
          open[i]!++;
          open[Math.min(list.length, i + c.rowSpan - 1)]!--;
        }
      }),
    );
    let within = 0;
    return list.map((r, i) => {
      within += open[i]!;
      // the last row (a total, say) never stands alone at the top of a page
      const keepNext = !header && (within > 0 || i === list.length - 2) ? true : undefined;
      return new TableRow({
        tableHeader: header || undefined,
        cantSplit: true,
        keepNext,
        children: r.cells.map((c, j) => {
          const col = starts[i]![j] ?? 0;
          let width = 0;
          for (let k = col; k < Math.min(columns, col + c.colSpan); k++) width += widths[k]!;
          const paragraphs = c.content.length ? c.content : [[]];
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
            rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
            verticalAlign: VerticalAlign.CENTER,
            children: paragraphs.map(
              (p) =>
                new Paragraph({
                  style: STYLE.table,
                  alignment: header ? AlignmentType.CENTER : JC[b.align[col] ?? "left"],
                  children: runs(p, { bold: header || r.bold || undefined, italics: r.italic || undefined, size }),
                }),
            ),
          });
        }),
      });
    });
  };
  return new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: [...rowsOf(b.header.map((cells) => ({ cells, bold: true })), true), ...rowsOf(b.rows, false)],
  });
}
