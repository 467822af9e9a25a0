/**
 * Named paragraph styles, so a clerk editing the .docx in Word keeps consistent formatting.
 * Every style is Times New Roman, black; the library's built-in headings (blue) are redefined.
 */
import { AlignmentType, LineRuleType, type IStylesOptions } from "docx";
import { BLACK, BODY, FONT, SIZE } from "./layout.js";
import { STYLE } from "../model/styles.js";


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
    { id: STYLE.body, name: "KH Nội dung", basedOn: "Normal", quickFormat: true, run: run(SIZE.body), paragraph: bodyParagraph },
    { id: STYLE.basis, name: "KH Căn cứ", basedOn: STYLE.body, quickFormat: true, run: run(SIZE.body, { italics: true }), paragraph: bodyParagraph },
    { id: STYLE.section, name: "KH Mục", basedOn: STYLE.body, next: STYLE.body, quickFormat: true, run: run(SIZE.body, { bold: true }), paragraph: { ...bodyParagraph, keepNext: true, spacing: { before: 120, after: BODY.after, line: BODY.line, lineRule: LineRuleType.AUTO } } },
    { id: STYLE.titled, name: "KH Khoản có tiêu đề", basedOn: STYLE.body, next: STYLE.body, quickFormat: true, run: run(SIZE.body, { bold: true }), paragraph: { ...bodyParagraph, keepNext: true } },
    { id: STYLE.item, name: "KH Ý", basedOn: STYLE.body, quickFormat: true, run: run(SIZE.body), paragraph: bodyParagraph },
    { id: STYLE.header, name: "KH Phần đầu", basedOn: "Normal", run: run(SIZE.agency), paragraph: centered },
    { id: STYLE.title, name: "KH Tên loại, trích yếu", basedOn: "Normal", run: run(SIZE.title, { bold: true }), paragraph: centered },
    // a little space above, so the rule sits under the text instead of touching it like an underline
    { id: STYLE.rule, name: "KH Đường kẻ", basedOn: "Normal", run: run(2), paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 60, after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
    { id: STYLE.recipientsLabel, name: "KH Nơi nhận", basedOn: "Normal", run: run(SIZE.recipientsLabel, { bold: true, italics: true }), paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0 } } },
    { id: STYLE.recipients, name: "KH Nơi nhận - dòng", basedOn: "Normal", run: run(SIZE.recipients), paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0 } } },
    { id: STYLE.signature, name: "KH Chữ ký", basedOn: "Normal", run: run(SIZE.signature, { bold: true }), paragraph: centered },
    { id: STYLE.table, name: "KH Bảng", basedOn: "Normal", run: run(SIZE.table), paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 40, after: 40 } } },
    { id: STYLE.appendix, name: "KH Phụ lục", basedOn: "Normal", run: run(SIZE.title, { bold: true }), paragraph: centered },
    { id: STYLE.footnote, name: "KH Chú thích", basedOn: "Normal", run: run(SIZE.footnote), paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { before: 0, after: 0 } } },
  ],
};

/**
 * Word's compatibility options for every document: a justified line that ends in a line break
 * (shift-return) is not stretched across the width ("dân ⟶ ⟶ Tỉnh;"), in Word and LibreOffice.
 */
export const COMPATIBILITY = { doNotExpandShiftReturn: true } as const;
