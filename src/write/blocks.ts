/** One small builder per kind of block of the document model. */
import { BookmarkEnd, BookmarkStart, BorderStyle, BuilderElement, FootnoteReferenceRun, Paragraph, StringContainer, Table, TextRun, type ParagraphChild } from "docx";
import type { Block, Emphasis, Run } from "../model/document.js";
import { BLACK, SIZE } from "./layout.js";
import { BLOCK_STYLE, STYLE } from "../model/styles.js";
import { table } from "./table.js";

/** docx's character style of a footnote's reference mark (superscript), the one its FootnoteReferenceRun uses. */
const NOTE_MARK = "FootnoteReference";

/** The hidden bookmark around the reference mark of footnote n, as Word names a cross-reference's target (`_Ref…`). */
const noteBookmark = (n: number): string => `_RefChuThich${n}`;

const fieldChar = (type: "begin" | "separate" | "end"): BuilderElement =>
  new BuilderElement({ name: "w:fldChar", attributes: { type: { key: "w:fldCharType", value: type } } });

/**
 * Footnote n cited again, as Word's cross-reference "footnote number (formatted)" writes it: a
 * NOTEREF field to the note's bookmark, \f for the reference mark's formatting, \h a link to the
 * note, its result the number in the reference mark's style. A complex field, because docx's
 * SimpleField writes its result without run properties: the number would print full size.
 */
function noteRef(n: number): ParagraphChild[] {
  return [
    new TextRun({ style: NOTE_MARK, children: [fieldChar("begin")] }),
    new TextRun({ style: NOTE_MARK, children: [new StringContainer("w:instrText", `NOTEREF ${noteBookmark(n)} \\f \\h`)] }),
    new TextRun({ style: NOTE_MARK, children: [fieldChar("separate")] }),
    new TextRun({ style: NOTE_MARK, text: String(n) }),
    new TextRun({ style: NOTE_MARK, children: [fieldChar("end")] }),
  ];
}

/**
 * A bookmark's start or end as a paragraph's child, where docx documents them (BookmarkStart's own
 * example, `new Paragraph({ children: [new BookmarkStart(…), …] })`) and its Paragraph writes them,
 * but its ParagraphChild type leaves them out. Not docx's Bookmark: it takes its ids from a counter
 * shared by the whole process, so a plan's bytes would depend on the plans built before it.
 */
const bookmarkPart = (x: BookmarkStart | BookmarkEnd): ParagraphChild => x as unknown as ParagraphChild;

type TextRunOptions = { text: string; bold?: boolean; italics?: boolean; size?: number; subScript?: true; superScript?: true; break?: number };

/**
 * Inline runs; a footnote run becomes a real Word footnote carrying its own text. Neighbouring
 * texts of one look are one run, as Word writes what is typed in one look (a label "a) " and the
 * text after it, say): the same page, with fewer elements for Word to read and docx to write.
 */
export function runs(list: Run[], base: { bold?: boolean; italics?: boolean; size?: number } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let open: TextRunOptions | undefined;
  const close = (): void => {
    if (open) out.push(new TextRun(open));
    open = undefined;
  };
  for (const r of list) {
    if (r.footnote) {
      close();
      const note = r.footnote.map((p) => new Paragraph({ style: STYLE.footnote, children: runs(p, { size: SIZE.footnote }) }));
      const mark = new FootnoteReferenceRun({ children: note });
      // bookmark ids are the note's number: one bookmark a note, the same ids on every run (docx's own counter is process-wide)
      if (r.bookmark !== undefined) out.push(bookmarkPart(new BookmarkStart(noteBookmark(r.bookmark), r.bookmark)), mark, bookmarkPart(new BookmarkEnd(r.bookmark)));
      else out.push(mark);
      continue;
    }
    if (r.noteRef !== undefined) {
      close();
      for (const x of noteRef(r.noteRef)) out.push(x);
      continue;
    }
    // a base false is written out: it undoes a bold or italic paragraph style
    const bold = r.bold ? true : base.bold;
    const italics = r.italic ? true : base.italics;
    const subScript = r.vertical === "sub" || undefined;
    const superScript = r.vertical === "sup" || undefined;
    if (open && !r.breakBefore && open.bold === bold && open.italics === italics && open.subScript === subScript && open.superScript === superScript) {
      open.text += r.text;
      continue;
    }
    close();
    open = { text: r.text, bold, italics, size: base.size, subScript, superScript, break: r.breakBefore ? 1 : undefined };
  }
  close();
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
