/** One small builder per kind of block of the document model. */
import { BorderStyle, FootnoteReferenceRun, Paragraph, Table, TextRun, type ParagraphChild } from "docx";
import type { Block, Emphasis, Run } from "../model/document.js";
import { BLACK, SIZE } from "./layout.js";
import { BLOCK_STYLE, STYLE } from "../model/styles.js";
import { table } from "./table.js";

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

export const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: "auto" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "auto" },
  left: { style: BorderStyle.NONE, size: 0, color: "auto" },
  right: { style: BorderStyle.NONE, size: 0, color: "auto" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "auto" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "auto" },
};

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
