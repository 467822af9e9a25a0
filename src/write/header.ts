/** Ô 1–4 of Decree 30: agency and Số on the left, Quốc hiệu, Tiêu ngữ and date on the right. */
import { Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from "docx";
import type { DocumentModel } from "../model/document.js";
import { NO_BORDERS, rule } from "./blocks.js";
import { CELL_PADDING, HEADER_COLUMNS, HEADER_INDENT, HEADER_REACH, SIZE, TEXT_WIDTH } from "./layout.js";
import { textWidth } from "./measure.js";
import { STYLE } from "../model/styles.js";
import { maxOf } from "../lists.js";

const line = (text: string, size: number, opts: { bold?: boolean; italics?: boolean } = {}): Paragraph =>
  new Paragraph({ style: STYLE.header, children: [new TextRun({ text, size, bold: opts.bold ?? false, italics: opts.italics || undefined })] });

const cell = (width: number, children: Paragraph[]): TableCell => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });

/** A column's width for its longest line (the Quốc hiệu just fits the standard column). */
const needed = (widths: number[]): number => maxOf(widths, 0) + 2 * CELL_PADDING;
/** A widened column leaves room for what the metrics leave out (a renderer's kerning and accents). */
const widened = (need: number): number => Math.ceil((need - 2 * CELL_PADDING) * 1.05) + 2 * CELL_PADDING;

/**
 * The header's columns and indent: the standard ones while every line fits on one line; otherwise
 * each column widened to its longest line, the table reaching into the margins (left first) as far
 * as HEADER_REACH allows. The Quốc hiệu column keeps its line centred over the date.
 */
export function headerColumns(h: DocumentModel["header"]): { columns: [number, number]; indent: number } {
  const [left, right] = HEADER_COLUMNS;
  const needLeft = needed([
    ...h.parentAgency.map((p) => textWidth(p, SIZE.agency / 2, false)),
    ...h.agency.map((a) => textWidth(a, SIZE.agency / 2, true)),
    textWidth(h.numberLine, SIZE.number / 2, false),
  ]);
  // the date line is italic: its upright width is an upper bound
  const needRight = needed([textWidth(h.nationalTitle, SIZE.nationalTitle / 2, true), textWidth(h.motto, SIZE.motto / 2, true), textWidth(h.placeDate, SIZE.placeDate / 2, false)]);
  if (needLeft <= left && needRight <= right) return { columns: [left, right], indent: HEADER_INDENT };
  const wantLeft = needLeft > left ? widened(needLeft) : left;
  const wantRight = needRight > right ? widened(needRight) : right;
  const maxTotal = TEXT_WIDTH + HEADER_REACH.left + HEADER_REACH.right;
  const total = Math.min(maxTotal, wantLeft + wantRight);
  // when even the margins are not enough, the Quốc hiệu column keeps what it needs first
  const wideLeft = Math.max(left, Math.min(wantLeft, total - wantRight));
  const extra = total - (left + right);
  const intoLeft = Math.min(-HEADER_INDENT + extra, HEADER_REACH.left);
  return { columns: [wideLeft, total - wideLeft], indent: -intoLeft };
}

export function headerTable(h: DocumentModel["header"]): Table {
  const { columns, indent } = headerColumns(h);
  const [left, right] = columns;
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
    indent: { size: indent, type: WidthType.DXA },
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [cell(left, agencyCell), cell(right, titleCell)] }),
      // a plan issued with a Quyết định has no Số and no date line of its own
      ...(h.numberLine || h.placeDate
        ? [new TableRow({ children: [cell(left, [spaced(h.numberLine, SIZE.number, false)]), cell(right, [spaced(h.placeDate, SIZE.placeDate, true)])] })]
        : []),
    ],
  });
}

/** A "(Kèm theo …)" line is split before "của" when long, so each line stays short. */
export function referenceLines(ref: string): string[] {
  if (ref.length <= 80) return [ref];
  const at = ref.lastIndexOf(" của ");
  return at > 0 ? [ref.slice(0, at), ref.slice(at + 1)] : [ref];
}

/** Ô 5a: "KẾ HOẠCH", the trích yếu and a short rule under it. */
export function titleBlock(t: DocumentModel["title"], available: number): Paragraph[] {
  const width = maxOf(t.summary.map((s) => textWidth(s, SIZE.title / 2, true)), 0);
  return [
    new Paragraph({ style: STYLE.title, spacing: { before: 360 }, children: [new TextRun({ text: t.kind })] }),
    ...t.summary.map((s) => new Paragraph({ style: STYLE.title, children: [new TextRun({ text: s })] })),
    ...referenceLines(t.issuedWith ?? "").filter(Boolean).map((r) => new Paragraph({ style: STYLE.title, children: [new TextRun({ text: r, bold: false, italics: true })] })),
    rule(Math.round(Math.min(width, available) * 0.4), available),
    new Paragraph({ style: STYLE.rule, spacing: { after: 240 }, children: [] }),
  ];
}
