/**
 * The shapes of real plans (issue 16, items 1–8): preamble paragraphs, the lead joined to the last căn
 * cứ, upright căn cứ, run-in and styled headings, units' headings, paragraphs between items, markers.
 * Each test reads the OOXML back: paragraph split, style, the label's text and its run formatting.
 */
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { docxOf, paragraphs, type Para } from "./docx.js";
import { CHECKER, HAS_CHECKER, MINIMAL_PLAN, ROOT, runCli, tempDir } from "./helpers.js";
import { parseSource } from "../src/read/index.js";
import { normalizePlan } from "../src/normalize/index.js";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { checkFile } from "../src/commands/check.js";
import { join } from "node:path";

type Obj = Record<string, unknown>;

/** The minimal plan with some keys replaced. */
function plan(changes: Obj): string {
  return stringify({ ...(parse(MINIMAL_PLAN) as Obj), ...changes });
}

/** The body's paragraphs between the title and the closing sentence, without the section's heading and the default lead. */
async function body(changes: Obj): Promise<Para[]> {
  const ps = paragraphs(await docxOf(plan(changes)));
  const start = ps.findIndex((p) => p.style === "KHTitle" && p.text.startsWith("Thực hiện công tác trẻ em")) + 1;
  const end = ps.findIndex((p) => p.text.startsWith("Trên đây là Kế hoạch"));
  const defaultLead = (p: Para): boolean => p.style === "KHBody" && p.text.startsWith("Ủy ban nhân dân xã Bằng Mạc ban hành Kế hoạch");
  return ps.slice(start, end).filter((p) => p.style !== "KHRule" && p.style !== "KHSection" && !defaultLead(p));
}

const section = (cac_y: unknown[], more: Obj = {}): Obj => ({ noi_dung: [{ loai: "nhiem_vu", cac_y, ...more }] });
const run = (p: Para, text: string) => p.runs.find((r) => r.text.includes(text))!;

describe("preamble", () => {
  it("item 1: 'Thực hiện …' paragraph, background paragraphs with a footnote, the lead its own paragraph", async () => {
    const ps = await body({
      mo_dau: {
        thuc_hien: "Kế hoạch số 12/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh",
        boi_canh: "Năm 2024, tỉnh đã đạt nhiều kết quả^[Báo cáo số 5/BC-UBND.].\n\nTuy nhiên, còn nhiều hạn chế.",
        loi_dan: "Ủy ban nhân dân xã ban hành Kế hoạch thực hiện như sau:",
      },
    });
    expect(ps.slice(0, 4).map((p) => p.text)).toEqual([
      "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh.",
      "Năm 2024, tỉnh đã đạt nhiều kết quả.",
      "Tuy nhiên, còn nhiều hạn chế.",
      "Ủy ban nhân dân xã ban hành Kế hoạch thực hiện như sau:",
    ]);
    expect(ps[1]!.xml).toContain("w:footnoteReference");
    expect(ps.slice(0, 4).every((p) => p.style === "KHBody")).toBe(true);
  });

  it("item 2: the lead joined to the last căn cứ with the user's own mark, upright after the italic căn cứ", async () => {
    const ps = await body({
      mo_dau: {
        can_cu: ["Luật Trẻ em năm 2016", "tình hình thực tế của địa phương;"],
        loi_dan: "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện với những nội dung sau:",
        loi_dan_sau_can_cu: true,
      },
    });
    expect(ps[1]!.text).toBe("Căn cứ tình hình thực tế của địa phương; Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện với những nội dung sau:");
    expect(ps[1]!.style).toBe("KHBasis");
    expect(run(ps[1]!, "tình hình").italic).toBe(true);
    expect(run(ps[1]!, "ban hành").italic).toBe(false);
    // no mark typed: a comma joins them
    const [, joined] = await body({ mo_dau: { can_cu: ["Luật Trẻ em năm 2016", "tình hình thực tế"], loi_dan_sau_can_cu: true } });
    expect(joined!.text).toMatch(/^Căn cứ tình hình thực tế, Ủy ban nhân dân xã Bằng Mạc ban hành Kế hoạch/);
  });

  it("item 3: căn cứ upright by the office profile's choice, with an italic insert", async () => {
    const ps = await body({ trinh_bay: { can_cu_nghieng: false }, mo_dau: { can_cu: ["Luật *Trẻ em* năm 2016"] } });
    expect(ps[0]!.text).toBe("Căn cứ Luật Trẻ em năm 2016.");
    expect(run(ps[0]!, "Căn cứ").italic).toBe(false);
    expect(run(ps[0]!, "Trẻ em").italic).toBe(true);
    // italic stays the default
    const [italic] = await body({ mo_dau: { can_cu: ["Luật Trẻ em năm 2016"] } });
    expect(italic!.runs.every((r) => r.italic)).toBe(true);
  });
});

/** The check's errors of a plan: "line:col path: message". */
function errors(changes: Obj): string[] {
  const file = join(tempDir("kehoach-shapes-"), "plan.yaml");
  writeFileSync(file, plan(changes));
  return checkFile(file)
    .filter((f) => f.severity === "error")
    .map((f) => `${f.line}:${f.col} ${f.path}: ${f.message}`);
}

describe("what cannot go together is refused at its line:col, in Vietnamese", () => {
  it("the lead after the căn cứ needs them, and leaves no 'Thực hiện …' nor background to place", () => {
    expect(errors({ mo_dau: { can_cu: ["Luật Trẻ em năm 2016"], thuc_hien: "Kế hoạch số 5/KH-UBND", loi_dan_sau_can_cu: true } })).toEqual([
      expect.stringMatching(/^\d+:\d+ mo_dau\.thuc_hien: không ghi cùng lúc "loi_dan_sau_can_cu" và "thuc_hien"/),
    ]);
    expect(errors({ mo_dau: { loi_dan_sau_can_cu: true } })).toEqual([
      expect.stringMatching(/mo_dau\.loi_dan_sau_can_cu: khóa "loi_dan_sau_can_cu" chỉ có tác dụng khi có "can_cu"/),
    ]);
  });

  it("a heading's style needs a heading, a label's style an untitled text, a unit's keys a unit", () => {
    const found = errors(section([{ doan: "Tuyên truyền.", kieu_tieu_de: "nghieng" }, { tieu_de: "Tuyên truyền", kieu_so: "dam" }, { doan: "Vận động.", xuong_dong: true }]));
    expect(found).toHaveLength(4);
    expect(found[0]).toMatch(/cac_y\[0\]\.kieu_tieu_de: khóa "kieu_tieu_de" chỉ có tác dụng khi có "tieu_de"/);
    expect(found[1]).toMatch(/cac_y\[1\]\.tieu_de: không ghi cùng lúc "kieu_so" và "tieu_de"/);
    expect(found[2]).toMatch(/cac_y\[1\]\.kieu_so: khóa "kieu_so" chỉ có tác dụng khi có "doan"/);
    expect(found[3]).toMatch(/cac_y\[2\]\.xuong_dong: khóa "xuong_dong" chỉ có tác dụng khi có "don_vi"/);
  });
});

describe("headings and items", () => {
  it("item 4: a run-in heading, bold with its number, the text on the same line", async () => {
    const [p] = await body(section([{ tieu_de: "Mục tiêu chung, lâu dài", doan: "Đến năm 2030, mọi trẻ em được bảo vệ.", tieu_de_cung_dong: true }]));
    expect(p!.text).toBe("1. Mục tiêu chung, lâu dài: Đến năm 2030, mọi trẻ em được bảo vệ.");
    expect(run(p!, "1.").bold).toBe(true);
    expect(run(p!, "Mục tiêu").bold).toBe(true);
    expect(run(p!, "Đến năm").bold).toBe(false);
  });

  it("item 5: an italic, non-bold sub-heading with its number italic; a bold number before plain text; a default per level", async () => {
    const levels = await body({
      ...section([{ tieu_de: "Mục tiêu", danh_dau: "so_cap", cac_y: [{ tieu_de: "Mục tiêu tổng quát", doan: "Bảo vệ trẻ em." }] }, { doan: "Trên cơ sở kết quả.", kieu_so: "dam" }]),
      trinh_bay: { cac_cap: [{ kieu_tieu_de: "dam" }, { kieu_tieu_de: "nghieng" }] },
    });
    const sub = levels.find((p) => p.text === "1.1. Mục tiêu tổng quát")!;
    expect(sub.style).toBe("KHTitled");
    expect(sub.runs.every((r) => r.italic && !r.bold)).toBe(true);
    const numbered = levels.find((p) => p.text === "2. Trên cơ sở kết quả.")!;
    expect(run(numbered, "2.").bold).toBe(true);
    expect(run(numbered, "Trên").bold).toBe(false);
    // per item
    const [, own] = await body(section([{ tieu_de: "Mục tiêu", cac_y: [{ tieu_de: "Mục tiêu tổng quát", kieu_tieu_de: "nghieng" }] }]));
    expect(own!.text).toBe("a) Mục tiêu tổng quát");
    expect(own!.runs.every((r) => r.italic && !r.bold)).toBe(true);
  });

  it("item 6: a unit heading without a colon, one with its text on the next line, 'Đề nghị' before any", async () => {
    const ps = await body(
      section([
        { don_vi: "Sở Y tế", hai_cham: false, doan: "chủ trì triển khai kế hoạch." },
        { don_vi: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", de_nghi: true, xuong_dong: true, doan: "Phối hợp tuyên truyền." },
      ]),
    );
    expect(ps.map((p) => p.text)).toEqual(["1. Sở Y tế chủ trì triển khai kế hoạch.", "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh:", "Phối hợp tuyên truyền."]);
    expect(ps[1]!.style).toBe("KHTitled");
    expect(ps[1]!.runs.every((r) => r.bold)).toBe(true);
    expect(ps[2]!.style).toBe("KHBody");
  });

  it("item 6: a unit without a colon may close the plan (ket_thuc: false): no colon to collide with './.'", () => {
    const src = parseSource("plan.yaml", plan({ ...section([{ don_vi: "Sở Y tế", hai_cham: false }]), ket_thuc: false }));
    expect(normalizePlan({ plan: src }).findings).toEqual([]);
    const withColon = parseSource("plan.yaml", plan({ ...section([{ don_vi: "Sở Y tế" }]), ket_thuc: false }));
    expect(normalizePlan({ plan: withColon }).findings.map((f) => f.path)).toEqual(["noi_dung[0].cac_y[0].don_vi"]);
  });

  it("item 7: an unnumbered paragraph between the items of a list and after it; the numbering goes on", async () => {
    const ps = await body(
      section([
        "Tuyên truyền.",
        "Vận động.",
        { doan_chen: "*Lưu ý:* các hoạt động phải bảo đảm an toàn." },
        "Kiểm tra.",
        { doan_chen: "(Chi tiết Danh mục nhiệm vụ tại Phụ lục kèm theo)" },
      ]),
    );
    expect(ps.map((p) => p.text)).toEqual(["1. Tuyên truyền.", "2. Vận động.", "Lưu ý: các hoạt động phải bảo đảm an toàn.", "3. Kiểm tra.", "(Chi tiết Danh mục nhiệm vụ tại Phụ lục kèm theo)"]);
    expect(ps[2]!.style).toBe("KHBody");
    expect(run(ps[2]!, "Lưu ý:").italic).toBe(true);
  });

  it("item 7: doan_chen beside another key is an error at that key", () => {
    const src = parseSource("plan.yaml", plan(section(["Tuyên truyền.", { doan_chen: "Lưu ý.", chu_tri: "Công an xã" }])));
    const f = normalizePlan({ plan: src }).findings;
    expect(f.map((x) => [x.rule, x.path])).toEqual([["plan.unused-key", "noi_dung[0].cac_y[1].chu_tri"]]);
    expect(f[0]!.message).toContain("doan_chen");
  });

  it("item 8: 'a.' markers, a default marker per level for the plan and a section, '+' under '-', an italic dash", async () => {
    const ps = await body({
      ...section([{ tieu_de: "Tuyên truyền", cac_y: ["Trên loa.", { doan: "Qua mạng.", danh_dau: "gach", cac_y: ["Zalo.", "*Thu và phân tích mẫu:* hằng tháng."] }] }]),
      trinh_bay: { cac_cap: [{ danh_dau: "so" }, { danh_dau: "chu_cham" }] },
    });
    expect(ps.map((p) => p.text)).toEqual(["1. Tuyên truyền", "a. Trên loa.", "b. Qua mạng.", "- Zalo.", "- Thu và phân tích mẫu: hằng tháng."]);
    expect(run(ps[4]!, "-").italic).toBe(true);
    expect(run(ps[3]!, "-").italic).toBe(false);
    // a section's own levels win over the plan's
    const own = await body({
      ...section([{ tieu_de: "Tuyên truyền", cac_y: ["Trên loa."] }], { cac_cap: [{ danh_dau: "gach" }] }),
      trinh_bay: { cac_cap: [{ danh_dau: "so" }, { danh_dau: "chu_cham" }] },
    });
    expect(own.map((p) => p.text)).toEqual(["- Tuyên truyền", "a. Trên loa."]);
    // "-" under "-": "+" by default
    const dashes = await body(section(["Trên loa.", { doan: "Qua mạng.", cac_y: ["Zalo."] }], { danh_dau: "gach" }));
    expect(dashes.map((p) => p.text)).toEqual(["- Trên loa.", "- Qua mạng.", "+ Zalo."]);
  });
});

describe.each(["quang-tri-quan-trac", "binh-dinh-phong-chong-dich"])("example %s (another province's style)", (name) => {
  const docx = join(tempDir("kehoach-shapes-"), `${name}.docx`);

  it("builds with no error nor warning", () => {
    const r = runCli(["build", join("examples", `${name}.yaml`), "-o", docx], { cwd: ROOT });
    expect(r.stderr).not.toMatch(/  (lỗi|cảnh báo)  /);
    expect(r.code).toBe(0);
  });

  it.runIf(HAS_CHECKER)("passes nd30check with 0 FAIL", () => {
    const r = spawnSync("python3", [CHECKER, docx], { encoding: "utf8" });
    expect(r.stdout).toMatch(/ 0 failed/);
    expect(r.status).toBe(0);
  });

  it("prints the shapes it uses", () => {
    const texts = paragraphs(readFileSync(docx)).map((p) => p.text);
    if (name === "quang-tri-quan-trac") {
      expect(texts).toContain("1. Mục tiêu chung, lâu dài: Hoàn thiện mạng lưới quan trắc môi trường của tỉnh, từng bước tự động hóa việc quan trắc và truyền số liệu.");
      expect(texts).toContain("2.1. Đối với vùng ven biển và cửa sông");
      expect(texts).toContain("Lưu ý: các đợt quan trắc mùa mưa lũ được điều chỉnh theo diễn biến thời tiết.");
      expect(texts).toContain("a. Thực hiện 6 đợt quan trắc tại 40 điểm trên các sông Thạch Hãn, Hiếu, Bến Hải.");
    } else {
      expect(texts).toContain("Căn cứ tình hình thực tế của địa phương; Sở Y tế ban hành Kế hoạch phòng, chống dịch bệnh truyền nhiễm mùa mưa bão năm 2025 với những nội dung sau:");
      expect(texts).toContain("1. Trung tâm Kiểm soát bệnh tật tỉnh chủ trì, hướng dẫn các đơn vị triển khai Kế hoạch; tổng hợp, báo cáo Sở Y tế.");
      expect(texts).toContain("3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh");
    }
  });
});
