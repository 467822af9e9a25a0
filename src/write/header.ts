/** Ô 1–4 of Decree 30: agency and Số on the left, Quốc hiệu, Tiêu ngữ and date on the right. */
import { Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from "docx";
import type { DocumentModel } from "../model/document.js";
import { NO_BORDERS, rule } from "./blocks.js";
import { CELL_PADDING, HEADER_COLUMNS, HEADER_INDENT, SIZE } from "./layout.js";
import { balancedLines, textWidth } from "./measure.js";
import { STYLE } from "./styles.js";
import { maxOf } from "../lists.js";

const line = (text: string, size: number, opts: { bold?: boolean; italics?: boolean } = {}): Paragraph =>
  new Paragraph({ style: STYLE.header, children: [new TextRun({ text, size, bold: opts.bold ?? false, italics: opts.italics || undefined })] });

const cell = (width: number, children: Paragraph[]): TableCell => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });

export function headerTable(h: DocumentModel["header"]): Table {
  const [left, right] = HEADER_COLUMNS;
  const leftInner = left - 2 * CELL_PADDING;
  const rightInner = right - 2 * CELL_PADDING;
  const agencyWidth = maxOf(h.agency.map((a) => textWidth(a, SIZE.agency / 2, true)), 0);
  const mottoWidth = textWidth(h.motto, SIZE.motto / 2, true);
  const agencyCell = [
    ...h.parentAgency.map((p) => line(p, SIZE.agency, { bold: false })),
    ...h.agency.map((a) => line(a, SIZE.agency, { bold: true })),
    // 1/3 to 1/2 of the agency name's length: 40 %
    rule(Math.round(Math.min(agencyWidth, leftInner) * 0.4), leftInner),
  ];
  const titleCell = [
    line(h.nationalTitle, SIZE.nationalTitle, { bold: true }),
    line(h.motto, SIZE.motto, { bold: true }),
    rule(Math.min(mottoWidth, rightInner), rightInner),
  ];
  const spaced = (text: string, size: number, italics: boolean): Paragraph =>
    new Paragraph({ style: STYLE.header, spacing: { before: 120 }, children: [new TextRun({ text, size, italics: italics || undefined, bold: false })] });
  return new Table({
    width: { size: left + right, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    indent: { size: HEADER_INDENT, type: WidthType.DXA },
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [cell(left, agencyCell), cell(right, titleCell)] }),
      new TableRow({ children: [cell(left, [spaced(h.numberLine, SIZE.number, false)]), cell(right, [spaced(h.placeDate, SIZE.placeDate, true)])] }),
    ],
  });
}

/**
 * Ô 5a: "KẾ HOẠCH", the trích yếu and a short rule under it. The trích yếu is one paragraph: its
 * lines (the user's, or balanced by width when the user typed none) are separated by line breaks.
 */
export function titleBlock(t: DocumentModel["title"], available: number): Paragraph[] {
  const measure = (s: string): number => textWidth(s, SIZE.title / 2, true);
  const lines = t.summary.length === 1 ? balancedLines(t.summary[0]!, available, measure) : t.summary;
  const width = maxOf(lines.map(measure), 0);
  return [
    new Paragraph({ style: STYLE.title, spacing: { before: 360 }, children: [new TextRun({ text: t.kind })] }),
    ...(lines.length ? [new Paragraph({ style: STYLE.title, children: lines.map((s, i) => new TextRun({ text: s, break: i > 0 ? 1 : undefined })) })] : []),
    rule(Math.round(Math.min(width, available) * 0.4), available),
    new Paragraph({ style: STYLE.rule, spacing: { after: 240 }, children: [] }),
  ];
}
