/**
 * Named paragraph styles, so a clerk editing the .docx in Word keeps consistent formatting.
 * Every style is Times New Roman, black; the library's built-in headings (blue) are redefined.
 */
import { AlignmentType, LineRuleType, type IStylesOptions } from "docx";
import { BLACK, BODY, FONT, SIZE } from "./layout.js";
import { STYLE } from "../model/styles.js";
import { STYLE_NAMES } from "../messages/styles.js";


const run = (size: number, extra: { bold?: boolean; italics?: boolean } = {}) => ({ font: FONT, size, color: BLACK, ...extra });
const bodyParagraph = {
  alignment: AlignmentType.JUSTIFIED,
  indent: { firstLine: BODY.firstLine },
  spacing: { before: 0, after: BODY.after, line: BODY.line, lineRule: LineRuleType.AUTO },
};
const centered = { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } };
const plainHeading = { run: run(SIZE.body, { bold: true }), paragraph: { spacing: { before: 120, after: 120 } } };

export const STYLES: IStylesOptions = {
  default: {
    document: { run: run(SIZE.body), paragraph: { spacing: { before: 0, after: 0 } } },
    title: plainHeading,
    heading1: plainHeading,
    heading2: plainHeading,
    heading3: plainHeading,
    heading4: plainHeading,
    heading5: plainHeading,
    heading6: plainHeading,
    caption: { run: run(SIZE.table, { italics: true }) },
    hyperlink: { run: { font: FONT, color: BLACK } },
    footnoteText: { run: run(SIZE.footnote) },
  },
  paragraphStyles: [
    { id: STYLE.body, name: STYLE_NAMES.body, basedOn: "Normal", quickFormat: true, run: run(SIZE.body), paragraph: bodyParagraph },
    { id: STYLE.basis, name: STYLE_NAMES.basis, basedOn: STYLE.body, quickFormat: true, run: run(SIZE.body, { italics: true }), paragraph: bodyParagraph },
    { id: STYLE.section, name: STYLE_NAMES.section, basedOn: STYLE.body, next: STYLE.body, quickFormat: true, run: run(SIZE.body, { bold: true }), paragraph: { ...bodyParagraph, keepNext: true, spacing: { before: 120, after: BODY.after, line: BODY.line, lineRule: LineRuleType.AUTO } } },
    { id: STYLE.titled, name: STYLE_NAMES.titled, basedOn: STYLE.body, next: STYLE.body, quickFormat: true, run: run(SIZE.body, { bold: true }), paragraph: { ...bodyParagraph, keepNext: true } },
    { id: STYLE.item, name: STYLE_NAMES.item, basedOn: STYLE.body, quickFormat: true, run: run(SIZE.body), paragraph: bodyParagraph },
    { id: STYLE.header, name: STYLE_NAMES.header, basedOn: "Normal", run: run(SIZE.agency), paragraph: centered },
    { id: STYLE.title, name: STYLE_NAMES.title, basedOn: "Normal", run: run(SIZE.title, { bold: true }), paragraph: centered },
    // a little space above, so the rule sits under the text instead of touching it like an underline
    { id: STYLE.rule, name: STYLE_NAMES.rule, basedOn: "Normal", run: run(2), paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 60, after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
    { id: STYLE.recipientsLabel, name: STYLE_NAMES.recipientsLabel, basedOn: "Normal", run: run(SIZE.recipientsLabel, { bold: true, italics: true }), paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0 } } },
    { id: STYLE.recipients, name: STYLE_NAMES.recipients, basedOn: "Normal", run: run(SIZE.recipients), paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0 } } },
    { id: STYLE.signature, name: STYLE_NAMES.signature, basedOn: "Normal", run: run(SIZE.signature, { bold: true }), paragraph: centered },
    { id: STYLE.table, name: STYLE_NAMES.table, basedOn: "Normal", run: run(SIZE.table), paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 40, after: 40 } } },
    { id: STYLE.appendix, name: STYLE_NAMES.appendix, basedOn: "Normal", run: run(SIZE.title, { bold: true }), paragraph: centered },
    { id: STYLE.footnote, name: STYLE_NAMES.footnote, basedOn: "Normal", run: run(SIZE.footnote), paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { before: 0, after: 0 } } },
  ],
};

/**
 * Word's compatibility options for every document: a justified line that ends in a line break
 * (shift-return) is not stretched across the width ("dân ⟶ ⟶ Tỉnh;"), in Word and LibreOffice.
 */
export const COMPATIBILITY = { doNotExpandShiftReturn: true } as const;
