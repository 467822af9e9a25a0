/** Ô 7–9: Nơi nhận on the left, authority, signature space and signer on the right. */
import { Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from "docx";
import type { DocumentModel } from "../model/document.js";
import { NO_BORDERS } from "./blocks.js";
import { SIGN_OFF_COLUMNS } from "./layout.js";
import { STYLE } from "../model/styles.js";

/** Blank lines left for the handwritten signature and the seal. */
const SIGNATURE_SPACE = 4;

export function signOffTable(c: NonNullable<DocumentModel["signOff"]>): Table {
  const [left, right] = SIGN_OFF_COLUMNS;
  const recipients = [
    new Paragraph({ style: STYLE.recipientsLabel, children: [new TextRun({ text: c.recipientsLabel })] }),
    ...c.recipients.map((r) => new Paragraph({ style: STYLE.recipients, children: [new TextRun({ text: r })] })),
  ];
  const space = c.signaturePlaceholder
    ? [new Paragraph({ style: STYLE.signature, children: [] }), new Paragraph({ style: STYLE.signature, children: [new TextRun({ text: c.signaturePlaceholder, bold: false })] }), new Paragraph({ style: STYLE.signature, children: [] })]
    : Array.from({ length: SIGNATURE_SPACE }, () => new Paragraph({ style: STYLE.signature, children: [] }));
  const signature = [
    ...c.authority.map((a) => new Paragraph({ style: STYLE.signature, children: [new TextRun({ text: a })] })),
    ...space,
    ...(c.signer ? [new Paragraph({ style: STYLE.signature, children: [new TextRun({ text: c.signer })] })] : []),
  ];
  const cell = (width: number, children: Paragraph[]): TableCell => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: left + right, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, recipients), cell(right, signature)] })],
  });
}
