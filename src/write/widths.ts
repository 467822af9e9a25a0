/**
 * Column widths of a table in twips, measured from its text so that no number, date or word is
 * broken inside (or the user's relative do_rong). Apart from table.ts so that what needs only the
 * widths (kehoach import, comparing a document's widths with kehoach's) does not load docx.
 */
import type { Paragraphs, TableBlock, TableCellBlock } from "../model/document.js";
import { placeCells } from "../tables.js";
import { CELL_PADDING, SIZE } from "./layout.js";
import { textWidth } from "./measure.js";

/** Room beyond the measured text: both cell margins and a little for rounding in the renderer's metrics. */
const CELL_ROOM = 2 * CELL_PADDING + 40;

/** The widest word and the widest line of a cell's text, in twips. */
function measure(content: Paragraphs, sizePt: number, bold: boolean): { word: number; line: number } {
  let word = 0;
  let line = 0;
  for (const p of content) {
    let current = 0;
    for (const r of p) {
      if (r.footnote) continue;
      const b = bold || r.bold === true;
      if (r.breakBefore) current = 0;
      current += textWidth(r.text, sizePt, b);
      line = Math.max(line, current);
      for (const w of r.text.split(/\s+/)) if (w) word = Math.max(word, textWidth(w, sizePt, b));
    }
  }
  return { word: word + CELL_ROOM, line: line + CELL_ROOM };
}

/**
 * Column widths in twips summing to `available`. Each column gets at least its widest word (so no
 * word, number or date breaks); what is left goes to the columns whose text wants more, in proportion
 * to how much more (the way a browser lays out an automatic table). Merged cells span columns
 * sized by the others and are not measured.
 */
function measuredWidths(b: TableBlock, columns: number, available: number, sizePt: number): number[] {
  const min = new Array<number>(columns).fill(CELL_ROOM);
  const pref = new Array<number>(columns).fill(CELL_ROOM);
  const visit = (rows: { cells: TableCellBlock[]; bold?: boolean }[]): void => {
    const { starts } = placeCells(rows.map((r) => r.cells), columns);
    rows.forEach((r, i) =>
      r.cells.forEach((c, j) => {
        if (c.colSpan !== 1) return;
        const col = starts[i]![j]!;
        if (col >= columns) return;
        const m = measure(c.content, sizePt, r.bold === true);
        min[col] = Math.max(min[col]!, m.word);
        pref[col] = Math.max(pref[col]!, m.line);
      }),
    );
  };
  visit(b.header.map((cells) => ({ cells, bold: true })));
  visit(b.rows);
  const sum = (a: number[]): number => a.reduce((s, x) => s + x, 0);
  const minSum = sum(min);
  const prefSum = sum(pref);
  let out: number[];
  if (prefSum <= available) out = pref.map((p) => p + ((available - prefSum) * p) / prefSum);
  else if (minSum <= available) {
    const want = prefSum - minSum;
    out = min.map((m, i) => m + ((available - minSum) * (pref[i]! - m)) / want);
  } else out = min.map((m) => (m * available) / minSum); // words wider than the page: nothing better to do
  return out.map((w) => Math.floor(w));
}

/** The columns' widths in twips: the user's relative do_rong over `available`, or measured from the text. */
export function columnWidths(b: TableBlock, available: number): number[] {
  if (b.widths) {
    const total = b.widths.reduce((s, w) => s + w, 0) || 1;
    return b.widths.map((w) => Math.floor((w / total) * available));
  }
  return measuredWidths(b, b.align.length, available, b.size ?? SIZE.table / 2);
}

