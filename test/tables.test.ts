/**
 * Tables as real annexes print them (issue 17): merged cells both ways, header rows repeated on every
 * page, rows kept whole, alignment and size per table, widths from the text, generated TT, rows from a
 * spreadsheet, and sums checked by lint.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { docxBytes, loadPlan, renderLoaded } from "../src/pipeline.js";
import { checkFile } from "../src/commands/check.js";
import { lintLoaded } from "../src/lint/plan.js";
import { writeZip } from "../src/pack/index.js";
import { textWidth } from "../src/write/measure.js";
import { CELL_PADDING, LANDSCAPE_TEXT_WIDTH } from "../src/write/layout.js";
import { parts } from "./docx.js";
import { CHECKER, HAS_CHECKER, MINIMAL_PLAN, ROOT, runCli, tempDir } from "./helpers.js";

/** The minimal plan with a landscape Phụ lục holding `table` (YAML lines of its `bang`, indented 6). */
function planWith(table: string): string {
  return `${MINIMAL_PLAN}phu_luc:\n  - tieu_de: Dự toán\n    ngang: true\n    bang:\n${table}`;
}

function write(yaml: string, files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir("kehoach-tables-");
  const file = join(dir, "ke-hoach.yaml");
  writeFileSync(file, yaml);
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return file;
}

async function documentXml(file: string): Promise<string> {
  const loaded = loadPlan(file);
  expect(loaded.findings.filter((f) => f.severity === "error")).toEqual([]);
  const r = renderLoaded(loaded.plan!, { date: new Date(Date.UTC(2025, 2, 5)) });
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  const docx = await docxBytes(r.model!);
  return parts(docx).get("word/document.xml")!;
}

/** The appendix's table (the plan's only one) as rows of cells' XML. */
function tableRows(xml: string): string[][] {
  const tbl = xml.slice(xml.lastIndexOf("<w:tbl>"));
  return [...tbl.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => c[1]!));
}
const cellText = (tc: string): string => [...tc.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");

const ANNEX = `      tt: true
      co_chu: 12
      cot_tien: [5]
      cot:
        - [{ noi_dung: TT, gop_dong: 2 }, { noi_dung: Vị trí lấy mẫu, gop_dong: 2 }, { noi_dung: Tọa độ (VN-2000), gop_cot: 2 }, { noi_dung: Thành tiền (đồng), gop_dong: 2 }, { noi_dung: Ghi chú, gop_dong: 2 }]
        - [X, Y]
      dong:
        - { loai: nhom, o: [{ noi_dung: Nước mặt, gop_cot: 5 }] }
        - [Sông Hồng, "588000", "2508321", "1.364.329.243", { noi_dung: Lấy mẫu 4 đợt, gop_dong: 2 }]
        - [Sông Đuống, "587412", "2507985", "100.000.000"]
        - { loai: cong, o: [{ noi_dung: Cộng, gop_cot: 3 }, "1.464.329.243", ""] }
        - { loai: nhom, o: [{ noi_dung: Không khí, gop_cot: 5 }] }
        - [Ngã tư Km3, "586214", "2510307", "12.900.000", ""]
        - { loai: tong, o: [{ noi_dung: Tổng cộng, gop_cot: 3 }, "1.477.229.243", ""] }
`;

describe("tables in the document", () => {
  it("merges cells both ways, repeats both header rows, keeps rows whole, numbers TT, aligns and sizes cells", async () => {
    const xml = await documentXml(write(planWith(ANNEX)));
    const rows = tableRows(xml);
    expect(rows).toHaveLength(9);
    // both header rows repeat; every row is kept whole
    const trs = [...xml.slice(xml.lastIndexOf("<w:tbl>")).matchAll(/<w:trPr>([\s\S]*?)<\/w:trPr>/g)].map((m) => m[1]!);
    expect(trs.map((p) => p.includes("<w:tblHeader/>"))).toEqual([true, true, false, false, false, false, false, false, false]);
    expect(trs.every((p) => p.includes("<w:cantSplit/>"))).toBe(true);
    // a row under a cell merged down stays with the next; so does the row before the total
    const kept = tableRows(xml).map((r) => r.every((tc) => tc.includes("<w:keepNext/>")));
    expect(kept.slice(2)).toEqual([false, true, false, false, false, true, false]);
    // "Tọa độ" over X | Y; the header's merged-down cells continue in the second row
    expect(rows[0]![2]).toContain('<w:gridSpan w:val="2"/>');
    expect(rows[0]![0]).toContain('<w:vMerge w:val="restart"/>');
    expect(rows[1]!.filter((tc) => /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(tc))).toHaveLength(4);
    expect(rows[1]!.map(cellText)).toEqual(["", "", "X", "Y", "", ""]);
    // generated TT: I, 1, 2, none for the sum, II, 1 (restarting), none for the total
    expect(rows.slice(2).map((r) => cellText(r[0]!))).toEqual(["I", "1", "2", "", "II", "1", ""]);
    // the group title spans the other five columns; the note spans two rows
    expect(rows[2]![1]).toContain('<w:gridSpan w:val="5"/>');
    expect(rows[3]![5]).toContain('<w:vMerge w:val="restart"/>');
    expect(rows[4]!).toHaveLength(6);
    // TT centred, text left, amounts right; header centred; vertical centring everywhere
    const jc = (tc: string): string | undefined => /<w:jc w:val="(\w+)"\/>/.exec(tc)?.[1];
    expect(rows[3]!.slice(0, 5).map(jc)).toEqual(["center", "left", "left", "left", "right"]);
    expect(rows[0]!.map(jc).every((j) => j === "center")).toBe(true);
    expect(rows.flat().every((tc) => tc.includes('<w:vAlign w:val="center"/>'))).toBe(true);
    // co_chu 12: 24 half-points on every run of the table
    const runs = [...rows.flat().join("").matchAll(/<w:rPr>([\s\S]*?)<\/w:rPr>/g)].map((m) => m[1]!);
    expect(runs.length).toBeGreaterThan(20);
    expect(runs.every((r) => r.includes('<w:sz w:val="24"/>'))).toBe(true);
    // group, subtotal and total rows bold; ordinary rows not
    expect(rows[2]![1]).toContain("<w:b/>");
    expect(rows[8]![1]).toContain("<w:b/>");
    expect(rows[3]![1]).not.toContain("<w:b/>");
  });

  it("gives every column at least its widest word, so an amount is never broken", async () => {
    const xml = await documentXml(write(planWith(ANNEX)));
    const grid = [...xml.slice(xml.lastIndexOf("<w:tbl>")).matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(6);
    expect(grid.reduce((s, w) => s + w, 0)).toBeLessThanOrEqual(LANDSCAPE_TEXT_WIDTH);
    expect(grid.reduce((s, w) => s + w, 0)).toBeGreaterThan(LANDSCAPE_TEXT_WIDTH - 10);
    expect(grid[4]!).toBeGreaterThanOrEqual(textWidth("1.477.229.243", 12, true) + 2 * CELL_PADDING);
    expect(grid[2]!).toBeGreaterThanOrEqual(textWidth("2508321", 12, false) + 2 * CELL_PADDING);
  });

  it("keeps do_rong as the widths when given", async () => {
    const xml = await documentXml(write(planWith("      do_rong: [1, 3]\n      cot: [TT, Nội dung]\n      dong:\n        - [\"1\", Tuyên truyền]\n")));
    const grid = [...xml.slice(xml.lastIndexOf("<w:tbl>")).matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual([Math.floor(LANDSCAPE_TEXT_WIDTH / 4), Math.floor((3 * LANDSCAPE_TEXT_WIDTH) / 4)]);
  });
});

describe("table errors, at their line:col", () => {
  const errors = (table: string): string[] =>
    checkFile(write(planWith(table)))
      .filter((f) => f.severity === "error")
      .map((f) => `${f.line}:${f.col} ${f.rule} ${f.message}`);
  const at = (table: string, text: string): string => {
    const lines = planWith(table).split("\n");
    const i = lines.findIndex((l) => l.includes(text));
    return `${i + 1}:`;
  };

  it("a span past the last column", () => {
    const t = "      cot: [A, B, C]\n      dong:\n        - [x, { noi_dung: y, gop_cot: 3 }]\n";
    const e = errors(t);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^\d+:\d+ table.span ô này gộp 3 cột \(gop_cot\) nhưng chạy quá cột cuối/);
    expect(e[0]!.startsWith(at(t, "gop_cot: 3"))).toBe(true);
  });

  it("a span below the last row", () => {
    const e = errors("      cot: [A, B]\n      dong:\n        - [{ noi_dung: x, gop_dong: 3 }, y]\n        - [z]\n");
    expect(e).toEqual([expect.stringMatching(/table.span ô này gộp 3 dòng \(gop_dong\) nhưng từ dòng này đến cuối chỉ còn 2 dòng/)]);
  });

  it("a merged cell running into a cell merged down from above", () => {
    const e = errors("      cot: [A, B, C]\n      dong:\n        - [x, { noi_dung: y, gop_dong: 2 }, z]\n        - [{ noi_dung: w, gop_cot: 2 }, v]\n");
    expect(e.some((x) => /table.span ô này chồng lên một ô gộp dòng/.test(x))).toBe(true);
  });

  it("a header row with another number of columns than the table", () => {
    const e = errors("      cot:\n        - [A, { noi_dung: B, gop_cot: 2 }]\n        - [X, Y, Z, W]\n      dong:\n        - [a, b, c]\n");
    expect(e).toEqual([expect.stringMatching(/table.cells hàng này có 4 ô nhưng bảng có 3 cột/)]);
  });

  it("a row written with its TT when TT is generated", () => {
    const e = errors("      tt: true\n      cot: [TT, Nội dung]\n      dong:\n        - [\"1\", Tuyên truyền]\n");
    expect(e).toEqual([expect.stringMatching(/table.cells hàng này phủ 2 cột nhưng bảng có 1 cột ngoài cột TT/)]);
  });

  it("rows covered by a cell merged down need no cell there, and count right", () => {
    expect(errors("      cot: [A, B]\n      dong:\n        - [{ noi_dung: x, gop_dong: 2 }, y]\n        - [z]\n")).toEqual([]);
  });
});

// ——— spreadsheets ——————————————————————————————————————————————————————————————————————

const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** An .xlsx of the parts given; the workbook (one sheet, "Dự toán") and its relationships unless given. */
function xlsxParts(parts: Record<string, string>): Buffer {
  const all: Record<string, string> = {
    "xl/workbook.xml": `<workbook xmlns="${SML}" xmlns:r="${OFFICE_RELS}"><sheets><sheet name="Dự toán" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
    ...parts,
  };
  return writeZip(Object.entries(all).map(([name, data]) => ({ name, data })), new Date(Date.UTC(2025, 0, 1)));
}

/** A one-sheet .xlsx from rows of cells' XML (already with r="…"). */
function xlsx(sheetName: string, sheetData: string, merges: string[] = []): Buffer {
  const NS = `xmlns="${SML}" xmlns:r="${OFFICE_RELS}"`;
  return xlsxParts({
    "xl/workbook.xml": `<workbook ${NS}><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/worksheets/sheet1.xml": `<worksheet ${NS}><sheetData>${sheetData}</sheetData>${merges.length ? `<mergeCells>${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : ""}</worksheet>`,
  });
}
const SHEET_ROWS =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Nội dung</t></is></c><c r="B1" t="inlineStr"><is><t>Kinh phí</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>Lấy mẫu</t></is></c><c r="B2"><v>1364329243</v></c></row>' +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>Cộng</t></is></c><c r="B3"><f>SUM(B2:B2)</f><v>1364329243</v></c></row>';
const SHEET_TABLE = "      tep: du-toan.xlsx\n      trang: Dự toán\n      cot_tien: [2]\n      kieu_dong: { tong: [3] }\n";

describe("tables from a spreadsheet", () => {
  const sheetErrors = (table: string, files: Record<string, string | Buffer>): string[] =>
    checkFile(write(planWith(table), files))
      .filter((f) => f.severity === "error")
      .map((f) => f.message);

  it("reads cells, cached formula values, amounts grouped in amount columns, and merged cells", async () => {
    const merged = SHEET_ROWS.replace('<c r="B1" t="inlineStr"><is><t>Kinh phí</t></is></c>', "");
    const xml = await documentXml(write(planWith(SHEET_TABLE), { "du-toan.xlsx": xlsx("Dự toán", merged, ["A1:B1"]) }));
    const rows = tableRows(xml);
    expect(rows.map((r) => r.map(cellText))).toEqual([["Nội dung"], ["Lấy mẫu", "1.364.329.243"], ["Cộng", "1.364.329.243"]]);
    expect(rows[0]![0]).toContain('<w:gridSpan w:val="2"/>');
  });

  it("names the sheet and the cell of a formula without its cached value", () => {
    const rows = SHEET_ROWS.replace("<f>SUM(B2:B2)</f><v>1364329243</v>", "<f>SUM(B2:B2)</f>");
    expect(sheetErrors(SHEET_TABLE, { "du-toan.xlsx": xlsx("Dự toán", rows) })).toEqual([
      expect.stringMatching(/^du-toan.xlsx, trang Dự toán, ô B3: ô có công thức nhưng tệp không lưu giá trị đã tính/),
    ]);
  });

  it("names the sheets there are when the sheet does not exist", () => {
    expect(sheetErrors(SHEET_TABLE, { "du-toan.xlsx": xlsx("Sheet1", SHEET_ROWS) })).toEqual([expect.stringMatching(/không có trang tính "Dự toán". Các trang có trong tệp: "Sheet1"/)]);
  });

  it("a missing spreadsheet, a file that is not one, a range outside the data", () => {
    expect(sheetErrors(SHEET_TABLE, {})).toEqual([expect.stringMatching(/không tìm thấy tệp bảng tính "du-toan.xlsx"/)]);
    expect(sheetErrors(SHEET_TABLE, { "du-toan.xlsx": "not a zip" })).toEqual([expect.stringMatching(/^du-toan.xlsx: không đọc được tệp như một bảng tính .xlsx/)]);
    expect(sheetErrors(SHEET_TABLE + "      vung: D10:E12\n", { "du-toan.xlsx": xlsx("Dự toán", SHEET_ROWS) })).toEqual([expect.stringMatching(/vùng D10:E12 nằm ngoài phần có dữ liệu/)]);
  });

  it("refuses a range of millions of cells, overlapping merges, and an unclosed cell", () => {
    const far = SHEET_ROWS + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>';
    expect(sheetErrors(SHEET_TABLE, { "du-toan.xlsx": xlsx("Dự toán", far) })).toEqual([expect.stringMatching(/^du-toan.xlsx, trang Dự toán: vùng A1:XFD1048576 có hơn 200.000 ô/)]);
    expect(sheetErrors(SHEET_TABLE, { "du-toan.xlsx": xlsx("Dự toán", SHEET_ROWS, ["A2:A3", "A3:B3"]) })).toEqual([expect.stringMatching(/ô A3: hai ô gộp chồng lên nhau/)]);
    const unclosed = SHEET_ROWS + '<row r="4"><c r="A4" t="inlineStr"><is><t>x</t></is>'.repeat(3);
    expect(sheetErrors(SHEET_TABLE, { "du-toan.xlsx": xlsx("Dự toán", unclosed) })).toEqual([
      expect.stringMatching(/không đọc được tệp như một bảng tính .xlsx \(phần "xl\/worksheets\/sheet1.xml" hỏng ở dòng 1, cột \d+: thẻ <c> không đóng\)/),
    ]);
  });

  // The parts are read by the one strict XML reader (read/word/xml.ts), as XML, whatever a writer's habits.
  const built = async (parts: Record<string, string>, table = SHEET_TABLE): Promise<string[][]> =>
    tableRows(await documentXml(write(planWith(table), { "du-toan.xlsx": xlsxParts(parts) }))).map((r) => r.map(cellText));

  it("reads a sheet whose SpreadsheetML namespace has a prefix (<x:c>, as some .NET and Java writers write)", async () => {
    const NS = `xmlns:x="${SML}" xmlns:r="${OFFICE_RELS}"`;
    const rows = await built({
      "xl/workbook.xml": `<x:workbook ${NS}><x:sheets><x:sheet name="Dự toán" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      "xl/worksheets/sheet1.xml":
        `<x:worksheet ${NS}><x:sheetData>` +
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Kinh phí</x:t></x:is></x:c></x:row>' +
        '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2"><x:v>1364329243</x:v></x:c></x:row>' +
        '<x:row r="3"><x:c r="A3" t="str"><x:f>"Cộng"</x:f><x:v>Cộng</x:v></x:c><x:c r="B3"><x:f>SUM(B2:B2)</x:f><x:v>1364329243</x:v></x:c></x:row>' +
        '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A3:A3"/></x:mergeCells></x:worksheet>',
      "xl/sharedStrings.xml": `<x:sst ${NS}><x:si><x:t>Nội dung</x:t></x:si><x:si><x:t>Lấy mẫu</x:t></x:si></x:sst>`,
    });
    expect(rows).toEqual([["Nội dung", "Kinh phí"], ["Lấy mẫu", "1.364.329.243"], ["Cộng", "1.364.329.243"]]);
  });

  it("reads single-quoted attributes in the workbook, its relationships and the sheet", async () => {
    const rows = await built({
      "xl/workbook.xml": `<workbook xmlns='${SML}' xmlns:r='${OFFICE_RELS}'><sheets><sheet name='Dự toán' sheetId='1' r:id='rId1'/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'><Relationship Id='rId1' Target='worksheets/sheet1.xml'/></Relationships>`,
      "xl/worksheets/sheet1.xml": `<worksheet xmlns='${SML}'><sheetData>${SHEET_ROWS.replace(/"/g, "'")}</sheetData></worksheet>`,
    });
    expect(rows).toEqual([["Nội dung", "Kinh phí"], ["Lấy mẫu", "1.364.329.243"], ["Cộng", "1.364.329.243"]]);
  });

  it("reads shared strings with entities, character references, CDATA and rich-text runs, leaving phonetic guides out", async () => {
    const rows = await built({
      "xl/worksheets/sheet1.xml":
        `<worksheet xmlns="${SML}"><sheetData>` +
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>1364329243</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><f>SUM(B2:B2)</f><v>1364329243</v></c></row>' +
        "</sheetData></worksheet>",
      "xl/sharedStrings.xml":
        `<sst xmlns="${SML}">` +
        "<si><t>N&#7897;i dung &amp; &#x111;&#x1A1;n v&#7883;</t></si>" +
        '<si><t><![CDATA[Kinh phí <đồng> & "thuế"]]></t></si>' +
        '<si><r><rPr><b/></rPr><t xml:space="preserve">Lấy mẫu </t></r><r><t>nước</t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh></si>' +
        "<si><t>Cộng</t><phoneticPr fontId=\"1\"/></si>" +
        "</sst>",
    });
    expect(rows).toEqual([["Nội dung &amp; đơn vị", "Kinh phí &lt;đồng&gt; &amp; &quot;thuế&quot;"], ["Lấy mẫu nước", "1.364.329.243"], ["Cộng", "1.364.329.243"]]);
  });

  it("leaves out a cell commented out between cells and a comment inside a cell", async () => {
    const rows = SHEET_ROWS.replace('<c r="B2"><v>1364329243</v></c>', '<c r="B2"><!-- <v>9</v> --><v>1364329243</v></c><!-- <c r="C2"><v>5</v></c> -->');
    expect(await built({ "xl/worksheets/sheet1.xml": `<worksheet xmlns="${SML}"><sheetData>${rows}</sheetData></worksheet>` })).toEqual([
      ["Nội dung", "Kinh phí"],
      ["Lấy mẫu", "1.364.329.243"],
      ["Cộng", "1.364.329.243"],
    ]);
  });

  it("refuses a workbook or sheet written without the SpreadsheetML namespace instead of reading it empty", () => {
    const sheet = `<worksheet><sheetData>${SHEET_ROWS}</sheetData></worksheet>`;
    expect(sheetErrors(SHEET_TABLE, { "du-toan.xlsx": xlsxParts({ "xl/worksheets/sheet1.xml": sheet }) })).toEqual([
      'du-toan.xlsx, trang Dự toán: không đọc được tệp như một bảng tính .xlsx (phần "xl/worksheets/sheet1.xml" có thẻ gốc <worksheet> không thuộc không gian tên SpreadsheetML của Excel). Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx.',
    ]);
    const workbook = '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Dự toán" sheetId="1" r:id="rId1"/></sheets></workbook>';
    expect(sheetErrors(SHEET_TABLE, { "du-toan.xlsx": xlsxParts({ "xl/workbook.xml": workbook, "xl/worksheets/sheet1.xml": `<worksheet xmlns="${SML}"><sheetData>${SHEET_ROWS}</sheetData></worksheet>` }) })).toEqual([
      expect.stringMatching(/^du-toan.xlsx: không đọc được tệp như một bảng tính .xlsx \(phần "xl\/workbook.xml" có thẻ gốc <workbook> không thuộc/),
    ]);
  });

  it("refuses a sheet with a DOCTYPE (entity declarations) in Vietnamese, building nothing", () => {
    const dir = tempDir("kehoach-tables-");
    const plan = join(dir, "ke-hoach.yaml");
    writeFileSync(plan, planWith(SHEET_TABLE));
    const sheet = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x "Lấy mẫu">]><worksheet xmlns="${SML}"><sheetData>${SHEET_ROWS.replace("Lấy mẫu", "&x;")}</sheetData></worksheet>`;
    writeFileSync(join(dir, "du-toan.xlsx"), xlsxParts({ "xl/worksheets/sheet1.xml": sheet }));
    const out = join(dir, "ke-hoach.docx");
    const r = runCli(["build", plan, "-o", out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(
      /du-toan.xlsx, trang Dự toán: không đọc được tệp như một bảng tính .xlsx \(phần "xl\/worksheets\/sheet1.xml" hỏng ở dòng 1, cột 22: có khai báo DOCTYPE\/ENTITY, điều Excel không bao giờ ghi; kehoach không đọc để tránh mã độc\)/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a malformed sheet (a value's end tag after its cell's) and an undefined entity instead of misreading them", () => {
    const broken = SHEET_ROWS.replace('<c r="B2"><v>1364329243</v></c>', '<c r="B2"><v>1364329243</c></v>');
    expect(sheetErrors(SHEET_TABLE, { "du-toan.xlsx": xlsx("Dự toán", broken) })).toEqual([
      expect.stringMatching(/^du-toan.xlsx, trang Dự toán: không đọc được tệp như một bảng tính .xlsx \(phần "xl\/worksheets\/sheet1.xml" hỏng ở dòng 1, cột \d+: thẻ <v> không đóng\)/),
    ]);
    // an HTML entity XML does not define, as a hand-made writer may leave it: never printed as "&nbsp;"
    const sheet = `<worksheet xmlns="${SML}"><sheetData>${SHEET_ROWS.replace('<c r="A2" t="inlineStr"><is><t>Lấy mẫu</t></is></c>', '<c r="A2" t="s"><v>0</v></c>')}</sheetData></worksheet>`;
    const shared = `<sst xmlns="${SML}">\n<si><t>Lấy&nbsp;mẫu</t></si></sst>`;
    expect(sheetErrors(SHEET_TABLE, { "du-toan.xlsx": xlsxParts({ "xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": shared }) })).toEqual([
      'du-toan.xlsx, trang Dự toán: không đọc được tệp như một bảng tính .xlsx (phần "xl/sharedStrings.xml" hỏng ở dòng 2, cột 11: tham chiếu ký tự không hợp lệ). Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx.',
    ]);
  });

  it("reads a .csv (quoted fields, semicolons as Excel writes them in Vietnamese settings)", async () => {
    const csv = 'Nội dung;Kinh phí\n"Lấy mẫu; phân tích";1.364.329.243\n"Họp ""tổng kết""";100.000\n';
    const xml = await documentXml(write(planWith("      tep: du-toan.csv\n"), { "du-toan.csv": csv }));
    expect(tableRows(xml).map((r) => r.map(cellText))).toEqual([["Nội dung", "Kinh phí"], ["Lấy mẫu; phân tích", "1.364.329.243"], ["Họp &quot;tổng kết&quot;", "100.000"]]);
  });
});

describe("lint checks the sums of a table", () => {
  const lint = (table: string, files: Record<string, string | Buffer> = {}): string[] =>
    lintLoaded(loadPlan(write(planWith(table), files)))
      .filter((f) => f.rule === "lint.table-sum")
      .map((f) => `${f.line} ${f.message}`);

  it("finds nothing when subtotals and the total add up", () => {
    expect(lint(ANNEX)).toEqual([]);
  });

  it("reports a subtotal and a total that do not add up, with both figures, at the typed amount", () => {
    const wrong = ANNEX.replace('"1.464.329.243", ""] }', '"1.464.329.240", ""] }').replace('"1.477.229.243"', '"1.477.229.244"');
    const lines = planWith(wrong).split("\n");
    const line = (s: string): number => lines.findIndex((l) => l.includes(s)) + 1;
    expect(lint(wrong)).toEqual([
      `${line("1.464.329.240")} dòng cộng ghi 1.464.329.240 ở cột 5 nhưng tổng các dòng của nhóm là 1.464.329.243. Kiểm tra lại số ở dòng này và ở các dòng được cộng.`,
      `${line("1.477.229.244")} dòng tổng cộng ghi 1.477.229.244 ở cột 5 nhưng tổng các dòng của bảng là 1.477.229.243. Kiểm tra lại số ở dòng này và ở các dòng được cộng.`,
    ]);
  });

  it("checks a group row's amount against its rows", () => {
    const t = "      cot_tien: [2]\n      cot: [Nội dung, Kinh phí]\n      dong:\n        - { loai: nhom, o: [Nước, \"300\"] }\n        - [a, \"100\"]\n        - [b, \"100\"]\n";
    expect(lint(t)).toEqual([expect.stringMatching(/dòng nhóm ghi 300 ở cột 2 nhưng tổng các dòng của nhóm là 200/)]);
  });

  it("names the sheet and cell of a sum read from a spreadsheet", () => {
    const rows = SHEET_ROWS.replace("<f>SUM(B2:B2)</f><v>1364329243</v>", "<f>SUM(B2:B2)</f><v>1364329240</v>");
    expect(lint(SHEET_TABLE, { "du-toan.xlsx": xlsx("Dự toán", rows) })).toEqual([
      expect.stringMatching(/du-toan.xlsx, trang Dự toán, ô B3: dòng tổng cộng ghi 1.364.329.240 ở cột 2 nhưng tổng các dòng của bảng là 1.364.329.243/),
    ]);
  });
});

describe("the spreadsheet example", () => {
  const example = join(ROOT, "examples", "phu-luc-bang-tinh", "ke-hoach.yaml");

  it("is made again byte for byte by its script", () => {
    const out = join(tempDir("kehoach-xlsx-"), "du-toan.xlsx");
    const r = spawnSync(process.execPath, [join(ROOT, "bench", "make-xlsx.mjs"), out], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).equals(readFileSync(join(ROOT, "examples", "phu-luc-bang-tinh", "du-toan-quan-trac.xlsx")))).toBe(true);
  });

  it("builds with no error and no lint finding, and passes the Decree 30 checker", () => {
    const out = join(tempDir("kehoach-example-"), "ke-hoach.docx");
    const r = runCli(["build", example, "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(runCli(["lint", example]).code).toBe(0);
    if (!HAS_CHECKER) return;
    const check = spawnSync("python3", [CHECKER, out], { encoding: "utf8" });
    expect(check.stdout).toMatch(/ 0 failed/);
  });
});

describe("tasks as the task annex table", () => {
  const TASKS = `${MINIMAL_PLAN}phu_luc:
  - tieu_de: Nhiệm vụ
    ngang: true
    bang_nhiem_vu: MODE
    cac_y:
      - tieu_de: Chỉ đạo, điều hành
        cac_y:
          - doan: Kiện toàn Ban Chỉ huy
            chu_tri: Ban Chỉ huy Quân sự
            thoi_gian: Quý I/2025
            truong:
              - { nhan: Sản phẩm dự kiến, noi_dung: Quyết định }
          - doan: Xây dựng kế hoạch
            chu_tri: Phòng Nông nghiệp
            cac_y:
              - doan: Lấy ý kiến các xã
                chu_tri: Phòng Nông nghiệp
      - tieu_de: Tuyên truyền
        cac_y:
          - doan: Tuyên truyền trên loa
            chu_tri: Trung tâm Truyền thông
            thoi_gian: Thường xuyên
`;
  it("prints one column per task field the items have, groups I, II, tasks 1, 2 restarting, sub-tasks 1.1", async () => {
    const xml = await documentXml(write(TASKS.replace("MODE", "thay")));
    const rows = tableRows(xml).map((r) => r.map(cellText));
    // no item has phoi_hop: no such column; a typed truong is a column titled with its label
    expect(rows).toEqual([
      ["TT", "Nội dung thực hiện", "Cơ quan chủ trì", "Thời gian hoàn thành", "Sản phẩm dự kiến"],
      ["I", "Chỉ đạo, điều hành"],
      ["1", "Kiện toàn Ban Chỉ huy", "Ban Chỉ huy Quân sự", "Quý I/2025", "Quyết định"],
      ["2", "Xây dựng kế hoạch", "Phòng Nông nghiệp", "", ""],
      ["2.1", "Lấy ý kiến các xã", "Phòng Nông nghiệp", "", ""],
      ["II", "Tuyên truyền"],
      ["1", "Tuyên truyền trên loa", "Trung tâm Truyền thông", "Thường xuyên", ""],
    ]);
    expect(tableRows(xml)[1]![1]).toContain('<w:gridSpan w:val="4"/>');
    // instead of prose: the labels of the prose items are not printed
    expect(xml).not.toContain("Cơ quan chủ trì: ");
  });

  it("prints the prose and the table with them", async () => {
    const xml = await documentXml(write(TASKS.replace("MODE", "them")));
    expect(xml).toContain("Cơ quan chủ trì: Ban Chỉ huy Quân sự");
    expect(tableRows(xml)).toHaveLength(7);
  });

  it("the task example builds with no error and passes the Decree 30 checker", () => {
    const example = join(ROOT, "examples", "phu-luc-nhiem-vu", "ke-hoach.yaml");
    const out = join(tempDir("kehoach-example-"), "ke-hoach.docx");
    const r = runCli(["build", example, "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(runCli(["lint", example]).code).toBe(0);
    if (!HAS_CHECKER) return;
    expect(spawnSync("python3", [CHECKER, out], { encoding: "utf8" }).stdout).toMatch(/ 0 failed/);
  });
});
