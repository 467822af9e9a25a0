/** One small builder per kind of block of the document model. */
import {
  AlignmentType,
  BorderStyle,
  FootnoteReferenceRun,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from "docx";
import type { Block, Emphasis, Paragraphs, Run } from "../model/document.js";
import { BLACK, SIZE } from "./layout.js";
import { BLOCK_STYLE, STYLE } from "../model/styles.js";

/** Inline runs; a footnote run becomes a real Word footnote carrying its own text. */
export function runs(list: Run[], base: { bold?: boolean; italics?: boolean; size?: number } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const r of list) {
    if (r.footnote) {
      const note = r.footnote.map((p) => new Paragraph({ style: STYLE.footnote, children: runs(p, { size: SIZE.footnote }) }));
      out.push(new FootnoteReferenceRun({ children: note }));
      continue;
    }
    out.push(
      new TextRun({
        text: r.text,
        // a base false is written out: it undoes a bold or italic paragraph style
        bold: r.bold ? true : base.bold,
        italics: r.italic ? true : base.italics,
        size: base.size,
        subScript: r.vertical === "sub" || undefined,
        superScript: r.vertical === "sup" || undefined,
        break: r.breakBefore ? 1 : undefined,
      }),
    );
  }
  return out;
}

function labelled(label: string, list: Run[], emphasis?: Emphasis): Run[] {
  return label ? [{ text: `${label} `, bold: emphasis?.bold || undefined, italic: emphasis?.italic || undefined }, ...list] : list;
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
export const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: "auto" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "auto" },
  left: { style: BorderStyle.NONE, size: 0, color: "auto" },
  right: { style: BorderStyle.NONE, size: 0, color: "auto" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "auto" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "auto" },
};

function cell(content: Paragraphs, width: number, bold: boolean, center: boolean): TableCell {
  // a cell holds at least one paragraph (an empty cell too)
  const paragraphs = content.length ? content : [[]];
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: paragraphs.map(
      (p) =>
        new Paragraph({
          style: STYLE.table,
          alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: runs(p, { bold: bold || undefined }),
        }),
    ),
  });
}

/** A bordered table; widths are relative and spread over the text width. */
export function table(b: Extract<Block, { kind: "table" }>, textWidth: number): Table {
  const total = b.widths.reduce((s, w) => s + w, 0) || 1;
  const widths = b.widths.map((w) => Math.floor((w / total) * textWidth));
  const row = (cells: Paragraphs[], header: boolean): TableRow =>
    new TableRow({ tableHeader: header || undefined, children: cells.map((c, i) => cell(c, widths[i] ?? widths[0]!, header, header)) });
  const rows = [row(b.columns, true), ...b.rows.map((r) => row(r, false))];
  if (b.totalRow) rows.push(row(b.totalRow, false));
  return new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows,
  });
}

/**
 * Paragraphs and tables of the content, in order. keepLastWithNext keeps the closing sentence
 * on the page of the signature block that follows it.
 */
export function blocks(list: Block[], textWidth: number, keepLastWithNext = false): (Paragraph | Table)[] {
  return list.map((b, i) => {
    const keepNext = keepLastWithNext && i === list.length - 1 ? true : undefined;
    switch (b.kind) {
      case "basis":
        return new Paragraph({ style: BLOCK_STYLE.basis, keepNext, children: runs(b.runs, { italics: !b.upright }) });
      case "paragraph":
        return new Paragraph({ style: BLOCK_STYLE.paragraph, keepNext, children: runs(b.runs) });
      case "section":
        return new Paragraph({ style: BLOCK_STYLE.section, keepNext, children: runs(labelled(b.label, b.runs), { bold: true }) });
      case "titled":
        return new Paragraph({
          style: BLOCK_STYLE.titled,
          keepNext,
          children: runs(labelled(b.label, b.runs), b.emphasis ? { bold: b.emphasis.bold, italics: b.emphasis.italic } : { bold: true }),
        });
      case "item":
        return new Paragraph({ style: BLOCK_STYLE.item, keepNext, children: runs(labelled(b.label, b.runs, b.labelEmphasis)) });
      case "table":
        return table(b, textWidth);
    }
  });
}

/**
 * A short solid rule under a line of text: an empty centred paragraph whose top border spans
 * `length` twips (its indents take the rest of `available`). Decree 30 asks for lines, not underlining.
 */
export function rule(length: number, available: number): Paragraph {
  const side = Math.max(0, Math.floor((available - length) / 2));
  return new Paragraph({
    style: STYLE.rule,
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 } },
    children: [],
  });
}
