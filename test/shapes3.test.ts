/**
 * Shapes left over from issues 16 and 17: a Phụ lục's own level defaults (cac_cap), a footnote cited
 * again (bookmark + NOTEREF), the TT numbered by structure (1, 1.1, 1.1.1, a), budget lines with
 * sub-lines and subtotals. Each case reads the OOXML back.
 */
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { docxOf, paragraphs, parts } from "./docx.js";
import { CHECKER, HAS_CHECKER, MINIMAL_PLAN, ROOT, runCli, tempDir } from "./helpers.js";
import { spawnSync } from "node:child_process";
import { checkFile } from "../src/commands/check.js";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseSource } from "../src/read/index.js";
import { normalizePlan } from "../src/normalize/index.js";
import { docxBytes, loadPlan, renderLoaded } from "../src/pipeline.js";

type Obj = Record<string, unknown>;

/** The minimal plan with some keys replaced. */
const plan = (changes: Obj): string => stringify({ ...(parse(MINIMAL_PLAN) as Obj), ...changes });

/** A plan written to a file of its own (for checkFile, which runs every stage). */
function writePlan(text: string): string {
  const file = join(tempDir("kehoach-shapes3-"), "ke-hoach.yaml");
  writeFileSync(file, text);
  return file;
}

describe("a Phụ lục's own level defaults (cac_cap)", () => {
  const annex = (more: Obj): Obj => ({
    phu_luc: [{ tieu_de: "Danh mục nhiệm vụ", cac_y: [{ tieu_de: "Quan trắc nước", cac_y: [{ tieu_de: "Nước mặt" }, "Nước dưới đất."] }], ...more }],
  });
  const annexParagraphs = async (changes: Obj): Promise<{ text: string; italic: boolean; bold: boolean }[]> => {
    const ps = paragraphs(await docxOf(plan(changes)));
    const from = ps.findIndex((p) => p.text === "DANH MỤC NHIỆM VỤ");
    return ps
      .slice(from + 1)
      .filter((p) => p.style !== "KHRule" && p.style !== "KHAppendix" && p.text)
      .map((p) => ({ text: p.text, italic: p.runs[0]!.italic, bold: p.runs[0]!.bold }));
  };

  it("win over the plan's trinh_bay.cac_cap, level by level and key by key, in the Phụ lục only", async () => {
    const planLevels = { trinh_bay: { cac_cap: [{ danh_dau: "so" }, { danh_dau: "chu_cham", kieu_tieu_de: "nghieng" }] } };
    const own = await annexParagraphs({ ...planLevels, ...annex({ cac_cap: [{ danh_dau: "so_cap" }, { danh_dau: "gach" }] }) });
    // level 2: the Phụ lục's marker, the plan's heading style
    expect(own).toEqual([
      { text: "1. Quan trắc nước", italic: false, bold: true },
      { text: "- Nước mặt", italic: true, bold: false },
      { text: "- Nước dưới đất.", italic: false, bold: false },
    ]);
    const plans = await annexParagraphs({ ...planLevels, ...annex({}) });
    expect(plans.map((p) => p.text)).toEqual(["1. Quan trắc nước", "a. Nước mặt", "b. Nước dưới đất."]);
    // the body keeps the plan's levels
    const body = paragraphs(await docxOf(plan({ ...planLevels, ...annex({ cac_cap: [{ danh_dau: "gach" }] }) }))).map((p) => p.text);
    expect(body).toContain("a. Tăng cường sự lãnh đạo của cấp ủy.");
  });
});

describe("a footnote cited again (^[…]{#id}, then <id>): one footnote, two marks, as Word does it", () => {
  const yaml = plan({
    mo_dau: {
      thuc_hien: "Kế hoạch số 12/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân huyện^[Theo Luật Trẻ em năm 2016.]",
      boi_canh: "Tình hình trẻ em<ct-28> ổn định^[Báo cáo số 5/BC-UBND ngày 20/12/2024.]{#bc-5}.",
      loi_dan: "Ủy ban nhân dân xã ban hành Kế hoạch như sau:",
    },
    noi_dung: [
      {
        loai: "nhiem_vu",
        cac_y: ["Tăng cường sự lãnh đạo của cấp ủy^[Chỉ thị số 28-CT/TW ngày 25/12/2023.]{#ct-28}.", "Huy động sự tham gia của gia đình<bc-5>."],
        bang: { cot: ["Nội dung", "Căn cứ"], dong: [["Tuyên truyền", "Chỉ thị<ct-28>"]] },
      },
    ],
    phu_luc: [{ tieu_de: "Danh mục", doan: "Theo báo cáo<bc-5> và kết luận^[Kết luận số 9-KL/TU.]{#kl-9}.", cac_y: ["Như trên<kl-9>."] }],
  });

  it("puts a bookmark around the note's own mark, named and numbered after the note's place in the document", async () => {
    const doc = parts(await docxOf(yaml)).get("word/document.xml")!;
    // notes in document order: 1 thuc_hien, 2 bc-5, 3 ct-28, 4 kl-9; only the cited ones are bookmarked
    const order = [...doc.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]);
    expect(order).toHaveLength(4);
    const marked = [...doc.matchAll(/<w:bookmarkStart w:name="(_RefChuThich(\d+))" w:id="(\d+)"\/><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="(\d+)"\/><\/w:r><w:bookmarkEnd w:id="(\d+)"\/>/g)];
    expect(marked.map((m) => [m[1], m[3], m[5]])).toEqual([
      ["_RefChuThich2", "2", "2"],
      ["_RefChuThich3", "3", "3"],
      ["_RefChuThich4", "4", "4"],
    ]);
    // the mark inside bookmark N is the N-th note of the document
    for (const m of marked) expect(order.indexOf(m[4]) + 1).toBe(Number(m[2]));
    expect(doc.match(/<w:bookmarkStart/g)).toHaveLength(3);
  });

  it("prints each citation as a NOTEREF field whose cached result is the note's number in the reference mark's style", async () => {
    const p = parts(await docxOf(yaml));
    const doc = p.get("word/document.xml")!;
    const mark = '<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>';
    const field = new RegExp(
      `<w:r>${mark}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${mark}<w:instrText>NOTEREF (_RefChuThich\\d+) \\\\f \\\\h</w:instrText></w:r>` +
        `<w:r>${mark}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${mark}<w:t xml:space="preserve">(\\d+)</w:t></w:r><w:r>${mark}<w:fldChar w:fldCharType="end"/></w:r>`,
      "g",
    );
    // in reading order: the background (before its note), the section's table, its item, the Phụ lục twice
    expect([...doc.matchAll(field)].map((m) => [m[1], m[2]])).toEqual([
      ["_RefChuThich3", "3"],
      ["_RefChuThich3", "3"],
      ["_RefChuThich2", "2"],
      ["_RefChuThich2", "2"],
      ["_RefChuThich4", "4"],
    ]);
    expect(doc.match(/w:fldCharType="begin"/g)).toHaveLength(5);
    // the reference mark's style is superscript: the number prints as a footnote mark
    expect(/<w:style w:type="character" w:styleId="FootnoteReference">[\s\S]*?<w:vertAlign w:val="superscript"\/>/.test(p.get("word/styles.xml")!)).toBe(true);
    // one footnote each: nothing is copied
    expect(p.get("word/footnotes.xml")!.match(/<w:footnote w:id="[1-9]/g)).toHaveLength(4);
    const texts = paragraphs(await docxOf(yaml)).map((x) => x.text);
    expect(texts).toContain("Tình hình trẻ em3 ổn định.");
    expect(texts).toContain("2. Huy động sự tham gia của gia đình2.");
    expect(texts).toContain("Chỉ thị3");
    expect(texts).toContain("1. Như trên4.");
    // "\<" prints the character: no citation
    const escaped = paragraphs(await docxOf(yaml.replace("Huy động sự tham gia của gia đình<bc-5>.", "Huy động sự tham gia của gia đình\\<bc-5>."))).map((x) => x.text);
    expect(escaped).toContain("2. Huy động sự tham gia của gia đình<bc-5>.");
  });

  const findings = (text: string) => {
    const src = parseSource("plan.yaml", text);
    return normalizePlan({ plan: src }).findings.map((f) => [f.rule, f.line, f.col, f.path]);
  };

  it("is an error at line:col: an id naming nothing, a citation where no mark can print, an id given twice or in a section title", () => {
    const base = MINIMAL_PLAN.replace("          - Tăng cường sự lãnh đạo của cấp ủy.\n", "          - Tăng cường sự lãnh đạo của cấp ủy^[Chỉ thị số 28.]{#ct-28}.\n");
    expect(findings(base)).toEqual([]);
    expect(findings(base.replace("Huy động sự tham gia của gia đình.", "Huy động<ct-29>."))).toEqual([["text.reference-unknown", 15, 21, "noi_dung[0].cac_y[0].cac_y[1]"]]);
    expect(findings(base.replace("  - Các trường học", "  - Các trường học<ct-28>"))).toEqual([["text.note-place", 22, 19, "noi_nhan[1]"]]);
    expect(findings(base.replace("Huy động sự tham gia của gia đình.", "Huy động^[Khác.]{#ct-28}."))).toEqual([["text.reference-duplicate", 15, 31, "noi_dung[0].cac_y[0].cac_y[1]"]]);
    expect(findings(base.replace("      - tieu_de: Mục đích\n", "      - tieu_de: Mục đích\n        ma: ct-28\n")).map((f) => f[0])).toEqual(["text.reference-duplicate"]);
    expect(findings(base.replace("  - loai: muc_dich_yeu_cau\n", "  - tieu_de: Mục đích^[Theo Luật.]{#luat}\n"))).toEqual([["text.note-place", 10, 37, "noi_dung[0].tieu_de"]]);
    // the first ten of a kind in one text (placing each costs the text's length)
    const many = findings(base.replace("Huy động sự tham gia của gia đình.", `Huy động${"<ct-29> ".repeat(12)}.`));
    expect(many).toHaveLength(10);
    expect(many[9]).toEqual(["text.reference-unknown", 15, 21 + 9 * 8, "noi_dung[0].cac_y[0].cac_y[1]"]);
  });
});

/** The cell texts of the document's tables, row by row (the header table first). */
function tables(docx: Buffer): string[][][] {
  const doc = parts(docx).get("word/document.xml")!;
  const text = (xml: string): string => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  return [...doc.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => [...t[1]!.matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1]!))));
}

describe("TT numbered by structure (tt: so_cap): 1, 1.1, 1.1.1, a from each row's cap", () => {
  const bang = (dong: unknown[]): Obj => ({
    noi_dung: [{ loai: "nhiem_vu", doan: "Các nhiệm vụ cụ thể như sau.", bang: { tt: "so_cap", cot: ["TT", "Nội dung thực hiện", "Chủ trì"], dong } }],
  });
  const rows = [
    { loai: "nhom", cap: 1, o: [{ noi_dung: "Quan trắc môi trường nước", gop_cot: 2 }] },
    { cap: 2, o: ["Nước mặt", "Sở Nông nghiệp và Môi trường"] },
    { cap: 3, o: ["Sông Thạch Hãn", "Trung tâm Quan trắc"] },
    { cap: 4, o: ["Đợt 1", "Trung tâm Quan trắc"] },
    { cap: 4, o: ["Đợt 2", "Trung tâm Quan trắc"] },
    { cap: 3, o: ["Sông Hiếu", "Trung tâm Quan trắc"] },
    { cap: 2, o: ["Nước dưới đất", "Sở Nông nghiệp và Môi trường"] },
    ["Quan trắc không khí", "Sở Nông nghiệp và Môi trường"],
    { loai: "tong", o: [{ noi_dung: "Tổng số nhiệm vụ", gop_cot: 2 }] },
  ];

  it("prints the TT cells from the levels, restarting each level under a new parent; sum rows unnumbered; groups bold", async () => {
    const docx = await docxOf(plan(bang(rows)));
    const t = tables(docx).find((x) => x[0]?.[0] === "TT")!;
    expect(t.map((r) => r[0])).toEqual(["TT", "1", "1.1", "1.1.1", "a", "b", "1.1.2", "1.2", "2", ""]);
    expect(t[4]).toEqual(["a", "Đợt 1", "Trung tâm Quan trắc"]);
    const doc = parts(docx).get("word/document.xml")!;
    const lastTable = doc.slice(doc.indexOf("<w:tbl>", doc.indexOf("Các nhiệm vụ cụ thể")));
    const firstRow = /<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g;
    const trs = [...lastTable.matchAll(firstRow)].map((m) => m[1]!);
    // the group row: bold, its title over two columns; the TT cell centred
    expect(trs[1]).toContain('<w:gridSpan w:val="2"/>');
    expect(trs[1]).toContain("<w:b/>");
    expect(/<w:tc>[\s\S]*?<w:jc w:val="center"\/>[\s\S]*?1\.1\.1/.test(trs[3]!)).toBe(true);
  });

  it("is an error at the row's cap: a level skipped, a cap without tt: so_cap, a cap on a sum row", () => {
    const errors = (dong: unknown[], tt: unknown = "so_cap") => {
      const text = plan({ noi_dung: [{ loai: "nhiem_vu", bang: { tt, cot: ["TT", "Nội dung", "Chủ trì"], dong } }] });
      return checkFile(writePlan(text)).filter((f) => f.severity === "error").map((f) => [f.rule, f.path, f.message.split(/[:(]/)[0]!.trim()]);
    };
    expect(errors([{ cap: 2, o: ["A", "B"] }])).toEqual([["table.row-level", "noi_dung[0].bang.dong[0].cap", "dòng cấp 2 đứng đầu bảng nhưng chưa có dòng cấp 1 nào trước nó"]]);
    expect(errors([["A", "B"], { cap: 3, o: ["C", "D"] }])).toEqual([["table.row-level", "noi_dung[0].bang.dong[1].cap", "dòng cấp 3 đứng ngay sau dòng cấp 1"]]);
    expect(errors([["A", "B"], { cap: 2, o: ["C", "D"] }], true)).toEqual([["table.row-level", "noi_dung[0].bang.dong[1].cap", "cap"]]);
    expect(errors([["A", "B"], { loai: "tong", cap: 1, o: ["C", "D"] }])).toEqual([["table.row-level", "noi_dung[0].bang.dong[1].cap", "dòng cộng, dòng tổng cộng"]]);
    expect(errors([["A", "B"], { cap: 2, o: ["C", "D"] }, { cap: 3, o: ["E", "F"] }, { cap: 1, o: ["G", "H"] }])).toEqual([]);
    // a value of tt that is neither true, false nor so_cap: the schema's message, with the nearest value, and only it
    const wrong = checkFile(writePlan(plan({ noi_dung: [{ loai: "nhiem_vu", bang: { tt: "so-cap", cot: ["TT", "Nội dung", "Chủ trì"], dong: [["A", "B"], { cap: 2, o: ["C", "D"] }] } }] })));
    expect(wrong.map((f) => [f.rule, f.path])).toEqual([["schema.enum", "noi_dung[0].bang.tt"]]);
    expect(wrong[0]!.message).toContain("so_cap");
    // a row typed as a list is at level 1: a level 3 after it skips one
    expect(errors([["A", "B"], { cap: 2, o: ["C", "D"] }, { cap: 3, o: ["E", "F"] }, ["G", "H"], { cap: 3, o: ["I", "K"] }])).toEqual([["table.row-level", "noi_dung[0].bang.dong[4].cap", "dòng cấp 3 đứng ngay sau dòng cấp 1"]]);
  });
});

describe("du_toan with groups (cac_dong): sub-lines numbered under their group, the group's amount their sum", () => {
  const budget = (du_toan: unknown[]): string => plan({ noi_dung: [{ loai: "kinh_phi", doan: "Kinh phí thực hiện như sau.", du_toan }] });
  const lines = [
    {
      noi_dung: "Tuyên truyền",
      nguon: "Ngân sách tỉnh",
      cac_dong: [
        { noi_dung: "In tờ rơi", so_tien: "1.500.000" },
        { noi_dung: "Pa nô", so_tien: 2000000 },
      ],
    },
    {
      noi_dung: "Quan trắc",
      cac_dong: [
        { noi_dung: "Nước mặt", so_tien: "9.007.199.254.740.993" },
        { noi_dung: "Nước dưới đất", cac_dong: [{ noi_dung: "Lấy mẫu", so_tien: "999.999.999.999.999.999" }, { noi_dung: "Phân tích", so_tien: "1" }] },
      ],
    },
    { noi_dung: "Khen thưởng", so_tien: "0500000" },
  ];

  it("prints 1, 1.1, 1.2, 2, 2.1, 2.2, 2.2.1 …, group rows bold with their computed sums, the total over all, exact at any length", async () => {
    const docx = await docxOf(budget(lines));
    const t = tables(docx).find((x) => x[0]?.[0] === "STT")!;
    expect(t).toEqual([
      ["STT", "Nội dung", "Số tiền (đồng)", "Nguồn kinh phí"],
      ["1", "Tuyên truyền", "3.500.000", "Ngân sách tỉnh"],
      ["1.1", "In tờ rơi", "1.500.000", ""],
      ["1.2", "Pa nô", "2.000.000", ""],
      ["2", "Quan trắc", "1.009.007.199.254.740.993", ""],
      ["2.1", "Nước mặt", "9.007.199.254.740.993", ""],
      ["2.2", "Nước dưới đất", "1.000.000.000.000.000.000", ""],
      ["2.2.1", "Lấy mẫu", "999.999.999.999.999.999", ""],
      ["2.2.2", "Phân tích", "1", ""],
      ["3", "Khen thưởng", "500.000", ""],
      ["Tổng cộng", "1.009.007.199.258.740.993", ""],
    ]);
    const doc = parts(docx).get("word/document.xml")!;
    const table = doc.slice(doc.indexOf("<w:tbl>", doc.indexOf("Kinh phí thực hiện như sau")));
    const trs = [...table.matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].slice(0, 11).map((m) => m[1]!.includes("<w:b/>"));
    expect(trs).toEqual([true, true, false, false, true, false, true, false, false, false, true]);
  });

  it("keeps a group's typed amount, adds it to the total, and lint gives both figures at it", async () => {
    const typed = structuredClone(lines);
    (typed[0] as Obj).so_tien = "4.000.000";
    const text = budget(typed);
    const t = tables(await docxOf(text)).find((x) => x[0]?.[0] === "STT")!;
    expect(t[1]).toEqual(["1", "Tuyên truyền", "4.000.000", "Ngân sách tỉnh"]);
    expect(t.at(-1)).toEqual(["Tổng cộng", "1.009.007.199.259.240.993", ""]);
    const found = checkFile(writePlan(text)).filter((f) => f.rule === "lint.table-sum");
    expect(found.map((f) => [f.severity, f.line, f.path])).toEqual([["warning", text.split("\n").findIndex((l) => l.includes("so_tien: 4.000.000")) + 1, "noi_dung[0].du_toan[0].so_tien"]]);
    expect(found[0]!.message).toContain("4.000.000");
    expect(found[0]!.message).toContain("3.500.000");
    // a typed amount that is the sum: nothing to say
    (typed[0] as Obj).so_tien = "3.500.000";
    expect(checkFile(writePlan(budget(typed))).filter((f) => f.rule === "lint.table-sum")).toEqual([]);
  });

  it("a line with neither so_tien nor cac_dong is a schema error at it", () => {
    const found = checkFile(writePlan(budget([{ noi_dung: "Tuyên truyền" }]))).filter((f) => f.severity === "error");
    expect(found.map((f) => f.path)).toEqual(["noi_dung[0].du_toan[0]"]);
  });
});

describe("example nghe-an-nuoc-sach (another province's style): notes cited again, budget groups, TT by structure, a Phụ lục's own levels", () => {
  const docx = join(tempDir("kehoach-shapes3-"), "nghe-an-nuoc-sach.docx");

  it("builds with no error nor warning", () => {
    const r = runCli(["build", join("examples", "nghe-an-nuoc-sach.yaml"), "-o", docx], { cwd: ROOT });
    expect(r.stderr).not.toMatch(/  (lỗi|cảnh báo)  /);
    expect(r.code).toBe(0);
  });

  it.runIf(HAS_CHECKER)("passes nd30check with 0 FAIL, and every word of the printed plan, cited note numbers included, in order (--expect)", () => {
    const r = spawnSync("python3", [CHECKER, docx, "--expect", join(ROOT, "test", "fixtures", "shapes", "nghe-an-nuoc-sach.txt"), "--json"], { encoding: "utf8" });
    const report = JSON.parse(r.stdout) as { failed: number; recall: number };
    expect(report.failed).toBe(0);
    expect(report.recall).toBe(1);
    expect(r.status).toBe(0);
  });

  it("prints the shapes it uses", () => {
    const texts = paragraphs(readFileSync(docx)).map((p) => p.text);
    expect(texts).toContain("a) Nâng tỷ lệ dân số nông thôn được sử dụng nước sạch đạt quy chuẩn từ 46,3%2 lên 50% trong năm 2026.");
    expect(texts).toContain("b) Khôi phục, nâng cấp các công trình hoạt động kém hiệu quả đã được rà soát3.");
    expect(texts).toContain("- Có kết quả xét nghiệm chất lượng nước nguồn trong năm 20252.");
    expect(texts).toContain("a) Tiêu chí về nguồn nước");
    const all = tables(readFileSync(docx));
    expect(all.find((t) => t[0]?.[0] === "TT")!.map((r) => r[0])).toEqual(["TT", "1", "1.1", "1.1.1", "a", "b", "1.1.2", "1.2", "2", "2.1", "2.2"]);
    expect(all.find((t) => t[0]?.[0] === "STT")!.map((r) => [r[0], r[0] === "Tổng cộng" ? r[1] : r[2]])).toEqual([
      ["STT", "Số tiền (đồng)"],
      ["1", "19.715.000.000"],
      ["1.1", "18.500.000.000"],
      ["1.2", "1.215.000.000"],
      ["2", "2.832.000.000"],
      ["2.1", "2.472.000.000"],
      ["2.2", "360.000.000"],
      ["3", "450.000.000"],
      ["Tổng cộng", "22.997.000.000"],
    ]);
  });
});

describe("a table read from a spreadsheet in a plan with references", () => {
  it("keeps the spreadsheet's rows when references are printed (the resolved plan's tables are copies)", async () => {
    const dir = tempDir("kehoach-shapes3-");
    const file = join(dir, "ke-hoach.yaml");
    const yaml = MINIMAL_PLAN.replace("          - Huy động sự tham gia của gia đình.\n", "          - Huy động sự tham gia của gia đình (chi tiết tại <du-toan>).\n");
    writeFileSync(file, `${yaml}phu_luc:\n  - tieu_de: Dự toán\n    ma: du-toan\n    bang:\n      tep: du-toan.csv\n`);
    writeFileSync(join(dir, "du-toan.csv"), "Nội dung;Kinh phí\nLấy mẫu nước mặt;1.364.329.243\n");
    const loaded = loadPlan(file);
    expect(loaded.findings.filter((f) => f.severity === "error")).toEqual([]);
    const docx = await docxBytes(renderLoaded(loaded.plan!, { date: new Date(Date.UTC(2025, 2, 5)) }).model!);
    expect(tables(docx).at(-1)).toEqual([
      ["Nội dung", "Kinh phí"],
      ["Lấy mẫu nước mặt", "1.364.329.243"],
    ]);
    expect(paragraphs(docx).map((p) => p.text)).toContain("b) Huy động sự tham gia của gia đình (chi tiết tại Phụ lục).");
  });
});
