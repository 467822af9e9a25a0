/**
 * The Word reader of import (src/read/word): a plan numbered by Word itself (the docx library's
 * real numbering definitions), TCVN3 text, every example's .docx as kehoach builds it, and every
 * kind of bad input. LibreOffice's documents (.docx/.odt/.doc from the seeds) are in word-soffice.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ImportedDocument, ImportedParagraph, ImportedTable } from "../src/model/imported.js";
import { writeZip } from "../src/pack/index.js";
import { docxBytes, loadPlan, renderLoaded } from "../src/pipeline.js";
import { readWordDocument, type WordFormat } from "../src/read/word/index.js";
import { readZip } from "../src/pack/read-zip.js";
import { EXPECTED_LABELS, numberedDocx } from "./fixtures/word/numbered.js";
import { tcvn3Docx } from "./fixtures/word/tcvn3.js";
import { documentText, inOrderShare, words } from "./fixtures/word/words.js";
import { ROOT } from "./helpers.js";

const DATE = new Date(Date.UTC(2025, 0, 1));

async function read(bytes: Buffer, file = "ke-hoach.docx", format: WordFormat = "docx"): Promise<ImportedDocument> {
  const r = await readWordDocument(file, bytes, format);
  if (!("document" in r)) throw new Error(JSON.stringify(r.findings));
  return r.document;
}

async function refusal(bytes: Buffer, file = "ke-hoach.docx", format: WordFormat = "docx"): Promise<{ rule: string; message: string; file: string }> {
  const r = await readWordDocument(file, bytes, format);
  expect("document" in r).toBe(false);
  expect(r.findings).toHaveLength(1);
  return r.findings[0]!;
}

const paragraphs = (doc: ImportedDocument): ImportedParagraph[] => doc.blocks.filter((b): b is ImportedParagraph => b.kind === "paragraph");
const text = (p: ImportedParagraph): string => p.runs.map((r) => (r.lineBreak ? "\n" : r.text)).join("");

/** A minimal .docx around a body. */
function docxWith(documentXml: string, extra: { name: string; data: string | Buffer }[] = []): Buffer {
  return writeZip(
    [
      { name: "[Content_Types].xml", data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>` },
      { name: "word/document.xml", data: documentXml },
      ...extra,
    ],
    DATE,
  );
}
/** A .docx whose document.xml is these bytes as they are. */
function docxWithBytes(documentXml: Buffer): Buffer {
  return writeZip([{ name: "word/document.xml", data: documentXml }], DATE);
}
const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`;

describe("a plan numbered by Word (docx library, real numbering definitions)", () => {
  let doc: ImportedDocument;
  beforeAll(async () => {
    doc = await read(await numberedDocx());
  });

  it("shows every label as Word does: decimal, lowerLetter with ')', bullets, %1.%4., a restarted instance, roman", () => {
    const numbered = paragraphs(doc).filter((p) => p.label !== undefined);
    expect(numbered.map((p) => [p.label, text(p)])).toEqual(EXPECTED_LABELS);
  });

  it("takes the label's bold from the level's run properties", () => {
    const byText = new Map(paragraphs(doc).map((p) => [text(p), p]));
    expect(byText.get("Mục đích")!.labelBold).toBe(true);
    expect(byText.get("MỤC ĐÍCH, YÊU CẦU")!.labelBold).toBe(true);
    expect(byText.get("Tăng cường sự lãnh đạo")!.labelBold).toBeUndefined();
  });

  it("gives runs their bold/italic from paragraph and character styles, with Word's toggles", () => {
    const runs = (start: string): { text: string; bold?: boolean; italic?: boolean }[] =>
      paragraphs(doc)
        .find((p) => text(p).startsWith(start))!
        .runs.map((r) => ({ text: r.text, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}) }));
    // bold style + bold character style = not bold (toggle); direct italic adds to the style's bold
    expect(runs("đậm")).toEqual([{ text: "đậm ", bold: true }, { text: "thường" }, { text: " nghiêng", bold: true, italic: true }]);
    // basedOn chain: bold from the base, italic from the style; direct bold=false is absolute
    expect(runs("đậm nghiêng")).toEqual([{ text: "đậm nghiêng theo kiểu", bold: true, italic: true }, { text: " bỏ đậm", italic: true }]);
    expect(paragraphs(doc).find((p) => text(p) === "KẾ HOẠCH")).toMatchObject({ style: "Tiêu đề mục", align: "center", runs: [{ text: "KẾ HOẠCH", bold: true }] });
  });

  it("keeps footnote references as runs and the notes' text, and sub/superscript", () => {
    const p = paragraphs(doc).find((q) => text(q).startsWith("Thực hiện Luật"))!;
    expect(p.runs.filter((r) => r.footnote !== undefined).map((r) => r.footnote)).toEqual(["1", "2"]);
    expect(p.runs.find((r) => r.text === "2")!.script).toBe("super");
    expect(p.runs.find((r) => r.text === "O")!.script).toBe("sub");
    expect(p.runs.find((r) => r.text === " gạch chân")!.underline).toBe(true);
    expect(p.runs.find((r) => r.text === "Chương trình")!.bold).toBe(true);
    expect(Object.fromEntries(Object.entries(doc.footnotes).map(([k, v]) => [k, v.map(text)]))).toEqual({
      "1": ["Nghị định số 56/2017/NĐ-CP."],
      "2": ["Quyết định số 830/QĐ-TTg."],
    });
  });

  it("reads tables: borderless header table, merged cells, header rows; and the landscape section", () => {
    const tables = doc.blocks.filter((b): b is ImportedTable => b.kind === "table");
    expect(tables[0]).toMatchObject({ borderless: true, columns: 2, headerRows: 0 });
    const annex = tables[1]!;
    expect(annex).toMatchObject({ borderless: false, columns: 3, headerRows: 2 });
    expect(annex.rows.map((row) => row.map((c) => [c.blocks.map(text).join("|"), c.colSpan, c.rowSpan]))).toEqual([
      [["TT", 1, 2], ["Nội dung", 2, 1]],
      [["Việc", 1, 1], ["Kinh phí", 1, 1]],
      [["1", 1, 1], ["Tập huấn", 1, 1], ["10.000.000", 1, 1]],
      [["Cộng", 2, 1], ["10.000.000", 1, 1]],
    ]);
    expect(doc.blocks.filter((b) => b.kind === "section")).toMatchObject([
      { kind: "section", landscape: false },
      { kind: "section", landscape: true },
    ]);
    // the grid's widths, and the text width between the margins that tables fill
    expect(annex.widths).toHaveLength(3);
    expect(doc.blocks.filter((b) => b.kind === "section").map((b) => (b as { textWidth?: number }).textWidth)).toEqual([11906 - 2 * 1440, 16838 - 2 * 1440]);
    // the annex's blocks come after the first section's break, before the last
    const kinds = doc.blocks.map((b) => b.kind);
    expect(kinds.slice(-4)).toEqual(["section", "paragraph", "table", "section"]);
  });
});

describe("numbering details a clerk's Word file has", () => {
  const numbering = `<w:numbering ${W}>
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/><w:lvlRestart w:val="0"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1">
      <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:rPr><w:i/></w:rPr></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="2">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
    <w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
  </w:numbering>`;
  const styles = `<w:styles ${W}>
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Mục"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr><w:jc w:val="both"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
  </w:styles>`;
  const p = (num: string, lvl: number, t: string): string =>
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${num}"/></w:numPr></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const body = [
    `<w:p><w:pPr><w:pStyle w:val="Muc"/></w:pPr><w:r><w:t>MỤC ĐÍCH</w:t></w:r></w:p>`,
    p("1", 0, "một"),
    p("1", 1, "a"),
    p("1", 1, "b"),
    p("1", 0, "hai"),
    p("1", 1, "c không bắt đầu lại (lvlRestart 0)"),
    p("2", 0, "ba: danh sách khác cùng định nghĩa, đếm tiếp"),
    p("3", 0, "năm: bắt đầu lại từ 5"),
    p("3", 0, "sáu"),
    `<w:p><w:pPr><w:pStyle w:val="Muc"/></w:pPr><w:r><w:t>NHIỆM VỤ</w:t></w:r></w:p>`,
    `<w:p><w:pPr><w:pStyle w:val="Muc"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>không đánh số</w:t></w:r></w:p>`,
    p("5", 0, "gạch"),
  ].join("");
  const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
    <Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
    <Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/word/styles.xml"/></Relationships>`;

  it("counts lists sharing a definition together, restarts on startOverride, honours lvlRestart 0, numbers from the paragraph style", async () => {
    const doc = await read(
      docxWith(`<w:document ${W}><w:body>${body}</w:body></w:document>`, [
        { name: "word/numbering.xml", data: numbering },
        { name: "word/styles.xml", data: styles },
        { name: "word/_rels/document.xml.rels", data: rels },
      ]),
    );
    expect(paragraphs(doc).map((q) => [q.label ?? "", text(q)])).toEqual([
      ["III.", "MỤC ĐÍCH"],
      ["1.", "một"],
      ["a)", "a"],
      ["b)", "b"],
      ["2.", "hai"],
      ["c)", "c không bắt đầu lại (lvlRestart 0)"],
      ["3.", "ba: danh sách khác cùng định nghĩa, đếm tiếp"],
      ["5.", "năm: bắt đầu lại từ 5"],
      ["6.", "sáu"],
      ["IV.", "NHIỆM VỤ"],
      ["", "không đánh số"],
      ["•", "gạch"],
    ]);
    const first = paragraphs(doc)[0]!;
    expect(first).toMatchObject({ style: "Mục", align: "both", labelItalic: true, runs: [{ text: "MỤC ĐÍCH", bold: true }] });
  });

  it("numbers headings by the outline list their styles link to (w:lvl/w:pStyle), as Word does", async () => {
    const num = `<w:numbering ${W}><w:abstractNum w:abstractNumId="7">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%2."/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:pStyle w:val="Heading3"/><w:lvlText w:val="%3)"/></w:lvl>
    </w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="7"/></w:num></w:numbering>`;
    const style = (id: string, name: string, based?: string): string =>
      `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${based ? `<w:basedOn w:val="${based}"/>` : ""}<w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>`;
    const sty = `<w:styles ${W}>${style("Heading1", "heading 1")}${style("Heading2", "heading 2", "Heading1")}${style("Heading3", "heading 3", "Heading2")}</w:styles>`;
    const h = (id: string, t: string): string => `<w:p><w:pPr><w:pStyle w:val="${id}"/></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const doc = await read(
      docxWith(`<w:document ${W}><w:body>${h("Heading1", "MỤC ĐÍCH")}${h("Heading2", "Mục đích")}${h("Heading3", "Tăng cường")}${h("Heading3", "Xây dựng")}${h("Heading2", "Yêu cầu")}${h("Heading1", "NHIỆM VỤ")}${h("Heading2", "Truyền thông")}</w:body></w:document>`, [
        { name: "word/numbering.xml", data: num },
        { name: "word/styles.xml", data: sty },
      ]),
    );
    expect(paragraphs(doc).map((q) => `${q.label} ${text(q)}`)).toEqual(["I. MỤC ĐÍCH", "1. Mục đích", "a) Tăng cường", "b) Xây dựng", "2. Yêu cầu", "II. NHIỆM VỤ", "1. Truyền thông"]);
    expect(paragraphs(doc)[1]!.style).toBe("heading 2");
  });

  it("keeps fields' results, insertions, hyperlinks and content controls; drops deletions, field codes and hidden text", async () => {
    const doc = await read(
      docxWith(
        `<w:document ${W}><w:body><w:p>` +
          `<w:r><w:t xml:space="preserve">Ngày </w:t></w:r>` +
          `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "dd/MM/yyyy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>17/3/2025</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
          `<w:fldSimple w:instr=" PAGE "><w:r><w:t>; trang 2</w:t></w:r></w:fldSimple>` +
          `<w:ins w:id="1" w:author="a"><w:r><w:t>; thêm</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>; bỏ</w:delText></w:r></w:del>` +
          `<w:hyperlink r:id="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>; liên kết</w:t></w:r></w:hyperlink>` +
          `<w:sdt><w:sdtContent><w:r><w:t>; ô nhập</w:t></w:r></w:sdtContent></w:sdt>` +
          `<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>` +
          `<w:r><w:tab/><w:t>sau tab</w:t><w:br/><w:t>dòng mới</w:t><w:br w:type="page"/><w:sym w:font="Symbol" w:char="F0B7"/></w:r>` +
          `<w:r><w:t>e\u0301</w:t></w:r>` +
          `</w:p></w:body></w:document>`,
      ),
    );
    const runs = paragraphs(doc)[0]!.runs;
    expect(runs.map((r) => (r.lineBreak ? "\n" : r.text)).join("")).toBe("Ngày 17/3/2025; trang 2; thêm; liên kết; ô nhập\tsau tab\ndòng mới•é");
  });

  it("a field's result may span paragraphs (a table of contents); a stray field start hides nothing past its paragraph", async () => {
    const r = (x: string): string => `<w:r>${x}</w:r>`;
    const doc = await read(
      docxWith(
        `<w:document ${W}><w:body>` +
          `<w:p>${r(`<w:fldChar w:fldCharType="begin"/>`)}${r(`<w:instrText>TOC \\o</w:instrText>`)}${r(`<w:fldChar w:fldCharType="separate"/>`)}${r(`<w:t>I. MỤC ĐÍCH</w:t>`)}</w:p>` +
          `<w:p>${r(`<w:t>II. NHIỆM VỤ</w:t>`)}${r(`<w:fldChar w:fldCharType="end"/>`)}</w:p>` +
          `<w:p>${r(`<w:t>Trước</w:t>`)}${r(`<w:fldChar w:fldCharType="begin"/>`)}${r(`<w:instrText>PAGE</w:instrText>`)}</w:p>` +
          `<w:p>${r(`<w:t>Đoạn sau vẫn được đọc</w:t>`)}</w:p>` +
          `</w:body></w:document>`,
      ),
    );
    expect(paragraphs(doc).map(text)).toEqual(["I. MỤC ĐÍCH", "II. NHIỆM VỤ", "Trước", "Đoạn sau vẫn được đọc"]);
  });

  it("reads endnotes as notes (keys prefixed e), and a bullet typed in the Symbol font as the bullet it shows", async () => {
    const endnotes = `<w:endnotes ${W}><w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote><w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Ghi chú cuối.</w:t></w:r></w:p></w:endnote></w:endnotes>`;
    const doc = await read(
      docxWith(
        `<w:document ${W}><w:body><w:p><w:r><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr><w:t>\uF0B7</w:t></w:r><w:r><w:t xml:space="preserve"> Nội dung</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p></w:body></w:document>`,
        [{ name: "word/endnotes.xml", data: endnotes }],
      ),
    );
    expect(paragraphs(doc)[0]!.runs).toEqual([{ text: "• Nội dung" }, { text: "", footnote: "e1" }]);
    expect(doc.footnotes).toEqual({ e1: [{ kind: "paragraph", runs: [{ text: "Ghi chú cuối." }] }] });
  });

  it("reads a paragraph's section break, alignment and indents", async () => {
    const doc = await read(
      docxWith(
        `<w:document ${W}><w:body>` +
          `<w:p><w:pPr><w:jc w:val="center"/><w:ind w:left="720" w:hanging="360"/><w:sectPr><w:pgSz w:w="16838" w:h="11906"/></w:sectPr></w:pPr><w:r><w:t>Phụ lục</w:t></w:r></w:p>` +
          `<w:p><w:pPr><w:ind w:firstLine="567"/></w:pPr><w:r><w:t>Đoạn</w:t></w:r></w:p>` +
          `<w:sectPr><w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/></w:sectPr></w:body></w:document>`,
      ),
    );
    expect(doc.blocks).toEqual([
      { kind: "paragraph", runs: [{ text: "Phụ lục" }], align: "center", indent: 720, firstLine: -360 },
      { kind: "section", landscape: true },
      { kind: "paragraph", runs: [{ text: "Đoạn" }], firstLine: 567 },
      { kind: "section", landscape: false },
    ]);
  });

  it("reads a text box's paragraphs after its anchor, once though Word writes it twice (DrawingML and VML)", async () => {
    const box = (t: string): string => `<w:txbxContent><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:txbxContent>`;
    const doc = await read(
      docxWith(
        `<w:document ${W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` +
          `<w:p><w:r><w:t>Trước</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="x"><wps:txbx xmlns:wps="y">${box("Nơi nhận:")}</wps:txbx></wp:anchor></w:drawing></mc:Choice>` +
          `<mc:Fallback><w:pict><v:textbox xmlns:v="z">${box("Nơi nhận:")}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t xml:space="preserve"> sau</w:t></w:r></w:p>` +
          `<w:p><w:r><w:t>  không giữ khoảng trắng ở hai đầu  </w:t></w:r></w:p>` +
          `</w:body></w:document>`,
      ),
    );
    expect(paragraphs(doc).map(text)).toEqual(["Trước sau", "Nơi nhận:", "không giữ khoảng trắng ở hai đầu"]);
  });

  it("flattens a nested table into its cell's paragraphs, in order", async () => {
    const cell = (inner: string): string => `<w:tc>${inner}</w:tc>`;
    const para = (t: string): string => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const nested = `<w:tbl><w:tr>${cell(para("trong 1"))}${cell(para("trong 2"))}</w:tr></w:tbl>`;
    const doc = await read(
      docxWith(
        `<w:document ${W}><w:body><w:tbl><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>${cell(para("trước") + nested + para("sau"))}</w:tr></w:tbl></w:body></w:document>`,
      ),
    );
    const table = doc.blocks[0] as ImportedTable;
    expect(table.borderless).toBe(false);
    expect(table.rows[0]![0]!.blocks.map(text)).toEqual(["trước", "trong 1", "trong 2", "sau"]);
  });

  it("gives a table's text the bold and italic of its table style: the whole table, and the header row, total row and first column the table shows (w:tblLook)", async () => {
    const styles = `<w:styles ${W}>
      <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>
      <w:style w:type="table" w:styleId="BangKeHoach"><w:name w:val="Bảng kế hoạch"/><w:basedOn w:val="TableNormal"/>
        <w:rPr><w:i/></w:rPr>
        <w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:i w:val="0"/></w:rPr></w:tblStylePr>
        <w:tblStylePr w:type="lastRow"><w:rPr><w:b/></w:rPr></w:tblStylePr>
        <w:tblStylePr w:type="firstCol"><w:rPr><w:b/></w:rPr></w:tblStylePr>
      </w:style>
    </w:styles>`;
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
    const cell = (t: string): string => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const rows = ["TT|Nội dung", "1|Tuyên truyền", "|Tổng cộng"].map((r) => `<w:tr>${r.split("|").map(cell).join("")}</w:tr>`).join("");
    const table = (look: string): string => `<w:tbl><w:tblPr><w:tblStyle w:val="BangKeHoach"/>${look}</w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>${rows}</w:tbl>`;
    const looks = async (look: string): Promise<string[]> => {
      const doc = await read(docxWith(`<w:document ${W}><w:body>${table(look)}</w:body></w:document>`, [{ name: "word/styles.xml", data: styles }, { name: "word/_rels/document.xml.rels", data: rels }]));
      return (doc.blocks[0] as ImportedTable).rows.flat().map((c) => c.blocks.flatMap((p) => p.runs).map((r) => `${r.text}${r.bold ? " b" : ""}${r.italic ? " i" : ""}`).join(""));
    };
    // header row bold and upright, the first column bold, the rest italic as the whole table; the total row as the table says
    expect(await looks(`<w:tblLook w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0"/>`)).toEqual(["TT b", "Nội dung b", "1 b i", "Tuyên truyền i", "", "Tổng cộng i"]);
    // the older form of tblLook (0x20 first row, 0x40 last row): the total row bold, no first column
    expect(await looks(`<w:tblLook w:val="0060"/>`)).toEqual(["TT b", "Nội dung b", "1 i", "Tuyên truyền i", "", "Tổng cộng b i"]);
    // a table that shows none of its style's conditional formats: only the whole table's italic
    expect(await looks("")).toEqual(["TT i", "Nội dung i", "1 i", "Tuyên truyền i", "", "Tổng cộng i"]);
  });
});

describe("legacy encodings", () => {
  const seed = readFileSync(join(ROOT, "test", "fixtures", "seeds", "000_8a4fdc4725bad7c3.txt"), "utf8");

  it("reads a seed typed in TCVN3 (.VnTime, .VnTimeH capitals, one paragraph by detection) as Unicode and says so", async () => {
    const r = await readWordDocument("cu.docx", await tcvn3Docx(seed), "docx");
    expect("document" in r).toBe(true);
    if (!("document" in r)) return;
    expect(r.document.legacyEncoding).toBe("TCVN3");
    expect(r.findings.map((f) => f.rule)).toEqual(["word.legacy-encoding"]);
    expect(r.findings[0]!.message).toContain("TCVN3");
    const got = words(documentText(r.document));
    expect(inOrderShare(words(seed), got)).toBe(1);
    // the paragraph pasted into Times New Roman, found by detection
    expect(documentText(r.document)).toContain("Thực hiện Kế hoạch số 74/KH-UBND ngày 17/3/2025 của ủy ban nhân");
    expect(documentText(r.document)).toContain("ỦY BAN NHÂN DÂN");
    expect(documentText(r.document)).toContain("Triển khai thực hiện công tác trẻ em");
  });

  it("reads VNI text set in VNI-Times", async () => {
    const doc = await read(docxWith(`<w:document ${W}><w:body><w:p><w:r><w:rPr><w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/></w:rPr><w:t>Keá hoaïch naêm</w:t></w:r></w:p></w:body></w:document>`));
    expect(doc.legacyEncoding).toBe("VNI");
    expect(text(paragraphs(doc)[0]!)).toBe("Kế hoạch năm");
  });

  it("leaves Unicode text alone", async () => {
    const doc = await read(docxWith(`<w:document ${W}><w:body><w:p><w:r><w:t>Kế hoạch năm 2025 – “trẻ em”</w:t></w:r></w:p></w:body></w:document>`));
    expect(doc.legacyEncoding).toBeUndefined();
    expect(text(paragraphs(doc)[0]!)).toBe("Kế hoạch năm 2025 – “trẻ em”");
  });
});

describe("every example's .docx as kehoach builds it", () => {
  const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml"));

  it.each(examples)("%s: every word of document.xml and footnotes.xml is read, in order", async (name) => {
    const loaded = loadPlan(join(ROOT, "examples", name));
    const r = renderLoaded(loaded.plan!, {});
    expect(r.model).toBeDefined();
    const bytes = await docxBytes(r.model!);
    const doc = await read(bytes, name.replace(/\.yaml$/, ".docx"));
    const parts = new Map(readZip(bytes).map((e) => [e.name, e.data.toString("utf8")]));
    // a paragraph's w:t joined as Word shows them (a word may span runs), tabs and breaks as spaces
    const xmlWords = (part: string): string[] =>
      words(
        (parts.get(part) ?? "")
          .split("</w:p>")
          .map((p) =>
            [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
              .map((m) => (m[1] ?? " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&"))
              .join(""),
          )
          .join(" "),
      );
    const bodyWords = xmlWords("word/document.xml");
    const read_ = words(
      doc.blocks
        .map((b) => (b.kind === "paragraph" ? [b] : b.kind === "table" ? b.rows.flat().flatMap((c) => c.blocks) : []))
        .flat()
        .map((p) => (p.label ?? "") + " " + text(p))
        .join(" "),
    );
    expect(inOrderShare(bodyWords, read_)).toBe(1);
    const noteWords = words(Object.values(doc.footnotes).flat().map(text).join(" "));
    expect(inOrderShare(xmlWords("word/footnotes.xml"), noteWords)).toBe(1);
  });
});

describe("bad input: a Vietnamese finding, never an exception", () => {
  it("an empty file", async () => {
    expect(await refusal(Buffer.alloc(0))).toMatchObject({ rule: "word.empty", file: "ke-hoach.docx", message: expect.stringContaining("tệp rỗng") });
  });

  it("a file over 20 MB", async () => {
    const f = await refusal(Buffer.alloc(21 * 1024 * 1024, 1));
    expect(f).toMatchObject({ rule: "word.size", message: expect.stringContaining("tối đa 20 MB") });
  });

  it("random bytes, and a text file renamed .docx", async () => {
    let x = 12345;
    const random = Buffer.from(Array.from({ length: 5000 }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff));
    expect(await refusal(random)).toMatchObject({ rule: "word.not-document", message: expect.stringContaining("không phải tài liệu Word (.docx)") });
    expect(await refusal(Buffer.from("KẾ HOẠCH\nTriển khai thực hiện…\n"))).toMatchObject({ rule: "word.not-document", message: expect.stringContaining("văn bản thuần") });
    expect(await refusal(Buffer.from("KẾ HOẠCH\n"), "cu.doc", "doc")).toMatchObject({ rule: "word.not-document", message: expect.stringContaining("Word 97–2003 (.doc)") });
  });

  it("a zip that is not a Word document (a spreadsheet renamed)", async () => {
    const xlsx = writeZip([{ name: "xl/workbook.xml", data: "<workbook/>" }], DATE);
    expect(await refusal(xlsx)).toMatchObject({ rule: "word.not-document", message: expect.stringContaining("word/document.xml") });
  });

  it("a zip bomb: refused from the directory's sizes, before inflating", async () => {
    const bomb = docxWith(`<w:document ${W}/>`, [{ name: "word/styles.xml", data: Buffer.alloc(48 * 1024 * 1024, 0x20) }]);
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refusal(bomb)).toMatchObject({ rule: "word.zip", message: expect.stringContaining("word/styles.xml") });
  });

  it("a zip whose entry lies about its size", async () => {
    const zip = docxWith(`<w:document ${W}><w:body/></w:document>`);
    // the central directory's uncompressed size of document.xml made small: inflating stops there
    const at = zip.lastIndexOf(Buffer.from("word/document.xml")) - 46;
    zip.writeUInt32LE(10, at + 24);
    expect(await refusal(zip)).toMatchObject({ rule: "word.zip" });
  });

  it("a password-protected (encrypted) document", async () => {
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(2000)]);
    expect(await refusal(cfb)).toMatchObject({ rule: "word.encrypted", message: expect.stringContaining("tệp được đặt mật khẩu") });
  });

  it("macros: a .docm, and a .docx carrying vbaProject.bin", async () => {
    const plain = docxWith(`<w:document ${W}><w:body/></w:document>`);
    expect(await refusal(plain, "ke-hoach.docm")).toMatchObject({ rule: "word.macros", message: expect.stringContaining("macro") });
    const vba = docxWith(`<w:document ${W}><w:body/></w:document>`, [{ name: "word/vbaProject.bin", data: Buffer.from([1, 2, 3]) }]);
    expect(await refusal(vba)).toMatchObject({ rule: "word.macros" });
  });

  it("malformed XML, and a DOCTYPE (billion laughs) in document.xml", async () => {
    const broken = await refusal(docxWith(`<w:document ${W}><w:body><w:p></w:body></w:document>`));
    expect(broken).toMatchObject({ rule: "word.xml", message: expect.stringContaining('phần "word/document.xml" của tệp Word bị hỏng ở dòng 1, cột') });
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>\n<w:document ${W}><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
    expect(await refusal(docxWith(laughs))).toMatchObject({ rule: "word.xml", message: expect.stringContaining("DOCTYPE") });
    const latin1 = await refusal(docxWithBytes(Buffer.from(`<w:document ${W}><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:body></w:document>`.replace("Kế hoạch", "K\u00e9"), "latin1")));
    expect(latin1).toMatchObject({ rule: "word.xml", message: expect.stringContaining("UTF-8") });
  });

  it("a .doc without LibreOffice: says which Debian package to install", async () => {
    const path = process.env.PATH;
    process.env.PATH = "/khong-co";
    try {
      const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000)]);
      expect(await refusal(cfb, "cu.doc", "doc")).toMatchObject({ rule: "word.no-soffice", message: expect.stringContaining("libreoffice-writer-nogui") });
    } finally {
      process.env.PATH = path;
    }
  });
});

describe("never an exception, whatever the parts hold", () => {
  it("a list starting at 99,999,999,999 in letters: digits, not a string of millions of letters", async () => {
    const num = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="99999999999"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const doc = await read(docxWith(`<w:document ${W}><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p></w:body></w:document>`, [{ name: "word/numbering.xml", data: num }]));
    expect(paragraphs(doc)[0]!.label).toBe("99999999999)");
  });

  it("reads 300 mangled copies of a numbered plan (slices cut and doubled, attribute values changed) to a document or a finding", async () => {
    const parts = readZip(await numberedDocx());
    let x = 2025;
    const rand = (n: number): number => ((x = (x * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const values = ["0", "-1", "99999999999", "", "restart", "continue", "x", "%9.%1)", "landscape", "nil", "bullet"];
    for (let k = 0; k < 300; k++) {
      const mangled = parts.map((p) => {
        if (!/word\/(document|numbering|styles|footnotes)\.xml$/.test(p.name)) return { name: p.name, data: p.data };
        let s = p.data.toString("utf8");
        const a = rand(s.length);
        const b = Math.min(s.length, a + rand(200));
        const op = rand(3);
        if (op === 0) s = s.slice(0, a) + s.slice(b);
        else if (op === 1) s = s.slice(0, b) + s.slice(a, b) + s.slice(b);
        else s = s.replace(/w:val="[^"]*"/g, (m) => (rand(8) === 0 ? `w:val="${values[rand(values.length)]}"` : m));
        return { name: p.name, data: s };
      });
      const r = await readWordDocument("hong.docx", writeZip(mangled, DATE), "docx");
      expect("document" in r || r.findings.length === 1).toBe(true);
    }
  });
});
