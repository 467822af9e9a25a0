import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDocument } from "../src/write/index.js";
import { compileParts, packerParts } from "../src/write/compile.js";
import { element } from "../src/write/xml.js";
import { docxBytes, loadPlan, renderLoaded } from "../src/pipeline.js";
import type { DocumentModel } from "../src/model/document.js";
import { packDocument, readZip } from "../src/pack/index.js";
import { blockKindOfStyle } from "../src/model/styles.js";
import { docxOf, modelOf, paragraphs, parts, type Para } from "./docx.js";
import { CHECKER, HAS_CHECKER, MINIMAL_PLAN, ROOT, runCli } from "./helpers.js";

const PLAN = MINIMAL_PLAN.replace(
  "          - Huy động sự tham gia của gia đình.",
  `          - Huy động sự tham gia của gia đình.^[Theo Luật Trẻ em năm 2016.]
          - Ba.
          - Bốn.
          - Năm.
          - Sáu.
  - loai: kinh_phi
    du_toan: [{ noi_dung: Tuyên truyền, so_tien: 5000000 }]`,
).concat(`phu_luc:
  - tieu_de: Phân công nhiệm vụ
    bang: { cot: [Nội dung, Chủ trì], dong: [[Tuyên truyền, Công an xã]] }
`);

const find = (ps: Para[], text: string | RegExp): Para => {
  const p = ps.find((x) => (typeof text === "string" ? x.text === text : text.test(x.text)));
  if (!p) throw new Error(`no paragraph ${text}: ${ps.map((x) => x.text).join(" | ")}`);
  return p;
};
const every = (p: Para, f: (r: Para["runs"][number]) => boolean): boolean => p.runs.length > 0 && p.runs.every(f);

describe("write stage: Decree 30 layout in the generated XML", async () => {
  const docx = await docxOf(PLAN);
  const xml = parts(docx);
  const doc = xml.get("word/document.xml")!;
  const ps = paragraphs(docx);

  it("opens with a borderless two-column header table", () => {
    const body = doc.slice(doc.indexOf("<w:body>") + 8);
    expect(body.startsWith("<w:tbl>")).toBe(true);
    const tbl = body.slice(0, body.indexOf("</w:tbl>"));
    expect(tbl.match(/<w:gridCol /g)).toHaveLength(2);
    // table and cell borders only: the short rules are paragraph borders (w:pBdr)
    const sets = [...tbl.matchAll(/<w:(?:tblBorders|tcBorders)>([\s\S]*?)<\/w:(?:tblBorders|tcBorders)>/g)].map((m) => m[1]!);
    expect(sets.length).toBeGreaterThan(0);
    const borders = sets.flatMap((b) => [...b.matchAll(/ w:val="([^"]+)"/g)].map((m) => m[1])).filter((v) => !["none", "nil"].includes(v!));
    expect(borders).toEqual([]);
  });

  it("sets the header sizes of the 13/14/14 pairing", () => {
    expect(every(find(ps, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (r) => r.size === 26 && r.bold && !r.italic)).toBe(true);
    expect(every(find(ps, "Độc lập - Tự do - Hạnh phúc"), (r) => r.size === 28 && r.bold && !r.italic)).toBe(true);
    expect(every(find(ps, "Bằng Mạc, ngày 05 tháng 3 năm 2025"), (r) => r.size === 28 && r.italic && !r.bold)).toBe(true);
    expect(every(find(ps, "Số: 05/KH-UBND"), (r) => r.size === 26 && !r.bold && !r.italic)).toBe(true);
    expect(every(find(ps, "XÃ BẰNG MẠC"), (r) => r.size === 26 && r.bold)).toBe(true);
    expect(every(find(ps, "KẾ HOẠCH"), (r) => r.size === 28 && r.bold)).toBe(true);
    expect(find(ps, "KẾ HOẠCH").jc).toBe("center");
  });

  it("draws a short rule under the agency, the tiêu ngữ and the trích yếu", () => {
    const i = ps.indexOf(find(ps, "XÃ BẰNG MẠC"));
    expect(ps[i + 1]!.text).toBe("");
    expect(ps[i + 1]!.xml).toMatch(/<w:pBdr><w:top w:val="single"/);
    const tn = ps.indexOf(find(ps, "Độc lập - Tự do - Hạnh phúc"));
    expect(ps[tn + 1]!.xml).toMatch(/<w:pBdr><w:top w:val="single"/);
    const ty = ps.indexOf(find(ps, "Thực hiện công tác trẻ em năm 2025"));
    expect(ps[ty + 1]!.xml).toMatch(/<w:pBdr><w:top w:val="single"/);
  });

  it("lays out the body: 14 pt, justified, 1 cm indent; headings bold; letters run d then đ", () => {
    const body = find(ps, /^Trên đây là Kế hoạch/);
    expect(body.jc).toBe("both");
    expect(body.firstLine).toBe(567);
    expect(every(body, (r) => r.size === 28 && !r.bold)).toBe(true);
    expect(body.text.endsWith("./.")).toBe(true);
    expect(every(find(ps, "I. MỤC ĐÍCH, YÊU CẦU"), (r) => r.bold)).toBe(true);
    expect(every(find(ps, "1. Mục đích"), (r) => r.bold)).toBe(true);
    const labels = ps.map((p) => /^([a-zđ])\) /.exec(p.text)?.[1]).filter(Boolean);
    expect(labels).toEqual(["a", "b", "c", "d", "đ", "e"]);
  });

  it("writes a label and the text after it in one run when they look alike, in two when they do not", async () => {
    // one look: the section's number and title, an item's letter and text, each one run as Word writes typed text
    expect(find(ps, "I. MỤC ĐÍCH, YÊU CẦU").runs.map((r) => r.text)).toEqual(["I. MỤC ĐÍCH, YÊU CẦU"]);
    expect(find(ps, "a) Tăng cường sự lãnh đạo của cấp ủy.").runs.map((r) => r.text)).toEqual(["a) Tăng cường sự lãnh đạo của cấp ủy."]);
    // a change of look starts a run, and the text after it another
    const emphasised = paragraphs(await docxOf(PLAN.replace("- Ba.", "- Ba **việc** chính, H~2~O.")));
    expect(find(emphasised, "c) Ba việc chính, H2O.").runs.map((r) => [r.text, r.bold])).toEqual([
      ["c) Ba ", false],
      ["việc", true],
      [" chính, H", false],
      ["2", false],
      ["O.", false],
    ]);
  });

  it("closes with Nơi nhận (12 pt bold italic, items 11 pt) beside the signature", () => {
    const label = find(ps, "Nơi nhận:");
    expect(label.inTable).toBe(true);
    expect(every(label, (r) => r.size === 24 && r.bold && r.italic)).toBe(true);
    const items = ps.filter((p) => p.text.startsWith("- ") && p.inTable);
    expect(items.map((p) => p.text)).toEqual(["- UBND huyện (b/c);", "- Các trường học;", "- Lưu: VT, VHXH (02)."]);
    expect(items.every((p) => every(p, (r) => r.size === 22 && !r.bold && !r.italic))).toBe(true);
    expect(every(find(ps, "KT. CHỦ TỊCH"), (r) => r.size === 28 && r.bold)).toBe(true);
    expect(every(find(ps, "Triệu Thị Diệp"), (r) => r.size === 28 && r.bold)).toBe(true);
  });

  it("gives each body block a style a reader maps back to its kind (src/model/styles.ts)", () => {
    const model = modelOf(PLAN);
    const kinds = paragraphs(docx)
      .filter((p) => !p.inTable)
      .map((p) => blockKindOfStyle(p.style ?? ""))
      .filter((k) => k !== undefined);
    expect(kinds).toEqual(model.body.filter((b) => b.kind !== "table").map((b) => b.kind));
  });

  it("uses Times New Roman and black only, with named styles and no theme colours", () => {
    expect(ps.every((p) => p.runs.every((r) => r.font === "Times New Roman"))).toBe(true);
    expect(ps.every((p) => p.runs.every((r) => r.color === undefined || r.color === "000000" || r.color === "auto"))).toBe(true);
    const styles = xml.get("word/styles.xml")!;
    for (const name of ["KH Nội dung", "KH Mục", "KH Khoản có tiêu đề", "KH Căn cứ", "KH Nơi nhận", "KH Chữ ký"]) expect(styles).toContain(`w:val="${name}"`);
    const colours = [...styles.matchAll(/<w:color [^>]*w:val="([^"]+)"/g)].map((m) => m[1]).filter((c) => c !== "000000" && c !== "auto");
    expect(colours).toEqual([]);
    expect(styles).not.toMatch(/w:themeColor=/);
  });

  it("numbers pages in the header from page 2, none in footers; footnotes are real footnotes", () => {
    const sect = /<w:sectPr\b[\s\S]*?<\/w:sectPr>/.exec(doc)![0];
    expect(sect).toContain("<w:titlePg");
    const rels = xml.get("word/_rels/document.xml.rels")!;
    const target = (type: string): string => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(sect)![1];
      return "word/" + new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    };
    expect(xml.get(target("default"))).toMatch(/PAGE/);
    expect(xml.get(target("default"))).toContain('w:val="center"');
    expect(xml.get(target("first"))).not.toMatch(/PAGE/);
    for (const [name, text] of xml) if (name.includes("footer")) expect(text).not.toMatch(/PAGE/);
    expect(doc).toContain("<w:footnoteReference");
    expect(xml.get("word/footnotes.xml")).toContain("Theo Luật Trẻ em năm 2016.");
  });

  it("puts each appendix in its own section restarting page numbers", async () => {
    const sects = [...doc.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sects).toHaveLength(2);
    expect(sects[1]).toMatch(/<w:pgNumType w:start="1"/);
    expect(every(find(ps, "Phụ lục"), (r) => r.bold && r.size === 28)).toBe(true);
    expect(find(ps, /^\(Kèm theo Kế hoạch số 05\/KH-UBND/).runs.every((r) => r.italic)).toBe(true);
    const landscape = await docxBytes(modelOf(PLAN.replace("  - tieu_de: Phân công nhiệm vụ", "  - tieu_de: Phân công nhiệm vụ\n    ngang: true")));
    const last = [...parts(landscape).get("word/document.xml")!.matchAll(/<w:pgSz [^>]*>/g)].map((m) => m[0]);
    expect(last[1]).toMatch(/w:w="16838"[^>]*w:h="11906"[^>]*w:orient="landscape"|w:orient="landscape"[^>]*w:w="16838"/);
  });

  it("prints e-signing placeholders where the system stamps number, date and signature", async () => {
    const e = paragraphs(await docxOf(MINIMAL_PLAN + "ky_so: true\n")).map((p) => p.text);
    expect(e).toEqual(expect.arrayContaining(["#SoKyHieuVanBan", "#DiaDiemNgayBanHanh", "#ChuKyLanhDao"]));
  });

  it("gives identical bytes for the same plan, whatever the clock or time zone", async () => {
    const a = await docxOf(PLAN);
    await new Promise((r) => setTimeout(r, 1100));
    const tz = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati";
    const b = await docxOf(PLAN);
    process.env.TZ = tz;
    expect(b.equals(a)).toBe(true);
    expect(readZip(a)[0]!.name).toBe("[Content_Types].xml");
    expect(xml.get("docProps/core.xml")).toContain("2025-03-05T00:00:00Z");
  });

  it.runIf(HAS_CHECKER)("passes the independent Decree 30 checker with 0 FAIL", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kehoach-nd30-"));
    const file = join(dir, "p.docx");
    const three = PLAN.replace(/phu_luc:[\s\S]*$/, "").replace("nguoi_ky:", "  - loai: to_chuc_thuc_hien\n    cac_y: [{ don_vi: Văn phòng, doan: \"Theo dõi, đôn đốc thực hiện Kế hoạch.\" }]\nnguoi_ky:");
    writeFileSync(file, await docxOf(three));
    const r = spawnSync("python3", [CHECKER, file], { encoding: "utf8" });
    expect(r.stdout.split("\n").filter((l) => l.startsWith("FAIL"))).toEqual([]);
    expect(r.status).toBe(0);
  });
});

const MARKUP = MINIMAL_PLAN.replace("Huy động sự tham gia của gia đình.", `"A & B <C> \\"d\\" 'e' ]]> {{x}} \\t tab"`);

describe("write stage: a line break in a justified paragraph", () => {
  it("settings.xml tells Word and LibreOffice not to stretch a line ending in a line break (#19.2)", async () => {
    const settings = parts(await docxOf(MINIMAL_PLAN)).get("word/settings.xml")!;
    expect(settings).toMatch(/<w:compat>[^]*<w:doNotExpandShiftReturn\/>[^]*<\/w:compat>/);
  });
});

describe("write stage: the parts are docx's, written faster", () => {
  it("has markup characters in the plan it compares", () => expect(MARKUP).toContain("A & B <C>"));

  const examples = readdirSync(join(ROOT, "examples")).filter((f) => /^\d{3}-.*\.yaml$/.test(f));
  const plans: [string, () => DocumentModel][] = [
    ...examples.map((f): [string, () => DocumentModel] => [f, () => exampleModel(join(ROOT, "examples", f))]),
    ["footnotes, table, appendix", () => modelOf(PLAN)],
    ["footnotes cited again (bookmarks, NOTEREF fields), budget groups, TT by structure", () => exampleModel(join(ROOT, "examples", "nghe-an-nuoc-sach.yaml"))],
    ["landscape appendix", () => modelOf(PLAN.replace("  - tieu_de: Phân công nhiệm vụ", "  - tieu_de: Phân công nhiệm vụ\n    ngang: true"))],
    ["e-signing placeholders", () => modelOf(MINIMAL_PLAN + "ky_so: true\n")],
    ["markup characters in text", () => modelOf(MARKUP)],
  ];

  it.each(plans)("%s: every part byte for byte as docx's Packer writes it", async (_name, model) => {
    await compileParts(buildDocument(model())); // the first document of a process fills the shared parts
    const ours = await compileParts(buildDocument(model()));
    const docx = await packerParts(buildDocument(model()));
    const date = new Date(Date.UTC(2025, 0, 1));
    const a = readZip(packDocument(ours, date));
    const b = readZip(packDocument(docx, date));
    expect(a.map((e) => e.name)).toEqual(b.map((e) => e.name));
    b.forEach((e, i) => expect(a[i]!.data.toString("utf8"), e.name).toBe(e.data.toString("utf8")));
  });
});

describe("write stage: xml.ts writes docx's objects as docx's writer does, quirks included", () => {
  it("puts attributes found among the children in the start tag, escapes text and attribute values", () => {
    expect(element({ "w:p": [{ "w:r": [{ _attr: { "w:x": 'a"<' } }, "A & B"] }, { _attr: { "w:y": 2 } }] })).toBe('<w:p w:y="2"><w:r w:x="a&quot;&lt;">A &amp; B</w:r></w:p>');
  });
  it("lets a text replace the child before it, element or text, as docx's writer does", () => {
    expect(element({ x: [{ a: "1" }, "t", { b: {} }, "u", "v"] })).toBe("<x>tv</x>");
  });
  it("closes an empty element, and an empty list of children with an end tag; writes CDATA", () => {
    expect(element({ x: {} })).toBe("<x/>");
    expect(element({ x: [] })).toBe("<x></x>");
    expect(element({ x: { _attr: { n: false } } })).toBe('<x n="false"/>');
    expect(element({ x: { _cdata: "a]]>b" } })).toBe("<x><![CDATA[a]]]]><![CDATA[>b]]></x>");
    expect(element({ x: 0 })).toBe("<x>0</x>");
  });
});

describe("write stage: the command line's .docx is docx's", () => {
  it("prints a plan's text that looks like docx's list placeholders as typed (docx's Packer would put a list id there)", async () => {
    const typed = "Mã {default-bullet-numbering-0} giữ nguyên";
    const xml = (await compileParts(buildDocument(modelOf(MINIMAL_PLAN.replace("Huy động sự tham gia của gia đình.", `"${typed}"`))))).get("word/document.xml") as string;
    expect(xml).toContain(typed);
  });

  it("has the shared parts made by the build as docx writes them for a real plan", async () => {
    const made = createRequire(import.meta.url)(join(ROOT, "dist", "write", "shared-parts.cjs")) as { parts: Record<string, string> };
    const docx = await packerParts(buildDocument(exampleModel(join(ROOT, "examples", "004-quang-nam.yaml"))));
    expect(Object.keys(made.parts).sort()).toEqual(expect.arrayContaining(["word/styles.xml", "word/theme/theme1.xml", "word/numbering.xml", "word/settings.xml"]));
    for (const [path, data] of Object.entries(made.parts)) expect(data, path).toBe(docx.get(path));
  });

  it.each(["002-bang-mac.yaml", "004-quang-nam.yaml"])("builds %s, through the bundle, byte for byte as docx's Packer would", async (name) => {
    const dir = mkdtempSync(join(tmpdir(), "kehoach-same-"));
    const out = join(dir, "p.docx");
    const file = join(ROOT, "examples", name);
    expect(runCli(["build", file, "-o", out]).code).toBe(0);
    const model = renderLoaded(loadPlan(file).plan!).model!;
    expect(readFileSync(out).equals(packDocument(await packerParts(buildDocument(model)), model.meta.date))).toBe(true);
  });
});

function exampleModel(file: string): DocumentModel {
  const l = loadPlan(file);
  if (!l.plan) throw new Error(JSON.stringify(l.findings));
  return renderLoaded(l.plan, { date: new Date(Date.UTC(2025, 0, 1)) }).model!;
}
