/**
 * Write stage: the document model becomes the parts of a .docx laid out as Decree 30 requires;
 * the pack stage (composed in pipeline.ts) makes them a deterministic zip.
 */
import { AlignmentType, Document, Header, PageNumber, PageOrientation, Paragraph, TextRun, type ISectionOptions } from "docx";
import type { Appendix, DocumentModel } from "../model/document.js";
import { compileParts, type Parts } from "./compile.js";
import { blocks, rule } from "./blocks.js";
import { signOffTable } from "./sign-off.js";
import { headerTable, referenceLines, titleBlock } from "./header.js";
import { LANDSCAPE_TEXT_WIDTH, MARGIN, PAGE, SIZE, TEXT_WIDTH } from "./layout.js";
import { textWidth } from "./measure.js";
import { COMPATIBILITY, STYLES } from "./styles.js";
import { STYLE } from "../model/styles.js";
import { maxOf } from "../lists.js";

/** Page numbers centred in the top margin from page 2 on; page 1 has an empty header. */
function headers(): ISectionOptions["headers"] {
  return {
    default: new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.pageNumber })] })],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

function page(landscape: boolean, restart: boolean): ISectionOptions["properties"] {
  return {
    titlePage: true,
    page: {
      size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: MARGIN,
      ...(restart ? { pageNumbers: { start: 1 } } : {}),
    },
  };
}


function appendixSection(a: Appendix): ISectionOptions {
  const width = a.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  const ref = referenceLines(a.reference);
  const refWidth = maxOf(ref.map((r) => textWidth(r, SIZE.title / 2, false)));
  return {
    properties: page(a.landscape, true),
    headers: headers(),
    children: [
      new Paragraph({ style: STYLE.appendix, children: [new TextRun({ text: a.label })] }),
      ...a.title.map((t) => new Paragraph({ style: STYLE.appendix, children: [new TextRun({ text: t })] })),
      ...ref.map((r) => new Paragraph({ style: STYLE.appendix, children: [new TextRun({ text: r, bold: false, italics: true })] })),
      rule(Math.round(Math.min(refWidth, width) * 0.4), width),
      new Paragraph({ style: STYLE.rule, spacing: { after: 240 }, children: [] }),
      ...blocks(a.blocks, width),
    ],
  };
}

/** docx's model of the document; it is written once (writing changes it). */
export function buildDocument(model: DocumentModel): Document {
  const main: ISectionOptions = {
    properties: page(false, false),
    headers: headers(),
    children: [
      headerTable(model.header),
      ...titleBlock(model.title, TEXT_WIDTH),
      ...blocks(model.body, TEXT_WIDTH, true),
      ...(model.signOff ? [new Paragraph({ style: STYLE.rule, keepNext: true, spacing: { after: 120 }, children: [] }), signOffTable(model.signOff)] : []),
    ],
  };
  return new Document({
    creator: model.meta.creator,
    title: model.meta.title,
    lastModifiedBy: model.meta.creator,
    revision: 1,
    styles: STYLES,
    compatibility: COMPATIBILITY,
    sections: [main, ...model.appendices.map(appendixSection)],
  });
}

/** The write stage: the .docx's parts (XML and media) of a document model; pack makes them a zip. */
export async function writeParts(model: DocumentModel): Promise<Parts> {
  return compileParts(buildDocument(model));
}
