/**
 * `kehoach import` (issue #18): the seeds' texts and the examples' .docx imported, built again and
 * compared with the original word by word; numbers never typed; wrong numbering and anything not
 * recognised noted in the YAML; a document that is not a plan refused with nothing written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { parse } from "yaml";
import { CHECKER as HELPERS_CHECKER, CLI, HAS_SOFFICE, ROOT, runCli, tempDir } from "./helpers.js";
import { makeWordFixtures, type SeedFixture } from "./fixtures/word/make.js";
import { compareWords, words } from "../src/commands/import-proof.js";
import { readPlainText } from "../src/read/plain-text.js";
import { recognize } from "../src/read/recognize/index.js";
import { runsText } from "../src/read/recognize/lines.js";
import { planYaml } from "../src/format/index.js";
import { tcvn3Docx } from "./fixtures/word/tcvn3.js";
import { readZip } from "../src/pack/read-zip.js";

// the worktree's helpers look beside the repository; the shared tools may be one level further up
const CHECKER = [HELPERS_CHECKER, join(ROOT, "..", "..", "shared", "tools", "nd30check.py")].find((p) => existsSync(p)) ?? HELPERS_CHECKER;
const HAS_CHECKER = existsSync(CHECKER);

interface Checked {
  rows: [string, string, string][];
  recall: number;
}
function nd30(docx: string, expect: string): Checked {
  const r = spawnSync("python3", [CHECKER, docx, "--expect", expect, "--json"], { encoding: "utf8" });
  return JSON.parse(r.stdout) as Checked;
}

const SEEDS = join(ROOT, "test", "fixtures", "seeds");
const PROFILES: Record<string, string> = { "000": "dien-hoa", "001": "phu-la", "002": "bang-mac", "003": "ly-son", "004": "quang-nam" };

interface JsonReport {
  ok: boolean;
  files: { file: string; output: string | null; words: { total: number; kept: number; share: number } | null; missing: string[]; comments: number; findings: { rule: string; message: string; severity: string }[] }[];
}

/** A folder as an office has it: its profile (and templates), and the old plan to import. */
function office(seed: string, file: string, data: Buffer | string): { dir: string; input: string } {
  const dir = tempDir("kehoach-import-");
  cpSync(join(ROOT, "examples", "co-quan", `${PROFILES[seed]}.yaml`), join(dir, "co-quan.yaml"));
  cpSync(join(ROOT, "examples", "co-quan", "mau-ly-son"), join(dir, "mau-ly-son"), { recursive: true });
  const input = join(dir, file);
  writeFileSync(input, data);
  return { dir, input };
}

function importJson(args: string[]): { code: number; report: JsonReport; stderr: string } {
  const r = runCli(["import", ...args, "--format", "json"]);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

/**
 * Imports `text` written as `name` into a fresh folder with Bằng Mạc's office profile beside it
 * (findings must be none, exit 0); returns the folder, the report and the plan written.
 */
function importBesideProfile(name: string, text: string): { dir: string; report: JsonReport; plan: Record<string, unknown> } {
  const dir = tempDir("kehoach-import-");
  cpSync(join(ROOT, "examples", "co-quan", "bang-mac.yaml"), join(dir, "co-quan.yaml"));
  writeFileSync(join(dir, name), text);
  const { code, report } = importJson([join(dir, name)]);
  expect(report.files[0]!.findings).toEqual([]);
  expect(code).toBe(0);
  const plan = parse(readFileSync(join(dir, name.replace(/\.[^.]+$/, ".yaml")), "utf8")) as Record<string, unknown>;
  return { dir, report, plan };
}

/** Every text an item list holds, to check none starts with a typed number, letter or dash. */
function itemTexts(v: unknown, inList = false, out: string[] = []): string[] {
  if (typeof v === "string") {
    if (inList) out.push(v);
  } else if (Array.isArray(v)) for (const x of v) itemTexts(x, inList, out);
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) itemTexts(x, k === "cac_y" || k === "doan" || k === "tieu_de" || k === "don_vi" || (inList && k === "doan_chen"), out);
  return out;
}
const TYPED_MARKER = /^([IVXLC]+\.|\d{1,3}(\.\d{1,3})*[.)]|[a-zđ]\)|[-–+•])\s/u;

const seeds = readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();

describe("kehoach import: the seeds' texts", () => {
  for (const seed of seeds) {
    it(`${seed} imports with ≥ 97 % of its words, no typed numbers, and builds with 0 FAIL`, () => {
      const output = importsAndBuilds(seed, seed, readFileSync(join(SEEDS, seed)));
      const plan = parse(readFileSync(output, "utf8")) as unknown;
      expect(itemTexts((plan as { noi_dung: unknown }).noi_dung).filter((t) => TYPED_MARKER.test(t))).toEqual([]);
    });
  }

  it("notes where the original numbered wrongly (I then III, c) then đ)) and keeps no number", () => {
    const seed = seeds.find((s) => s.startsWith("000"))!;
    const { input } = office("000", seed, readFileSync(join(SEEDS, seed)));
    const { report } = importJson([input]);
    const yamlText = readFileSync(report.files[0]!.output!, "utf8");
    expect(yamlText).toContain("# bản gốc ghi: III.");
    expect(yamlText).toContain("# bản gốc ghi: đ)");
    expect(yamlText).not.toMatch(/^\s*- (III|IV|V)\. /m);
  });

  it("writes the office profile when none is found, with the agency, signer, Nơi nhận and Lưu line", () => {
    const dir = tempDir("kehoach-import-");
    const text = [
      "ỦY BAN NHÂN DÂN",
      "XÃ AN BÌNH",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 12/KH-UBND",
      "An Bình, ngày 05 tháng 3 năm 2025",
      "KẾ HOẠCH",
      "Thực hiện công tác trẻ em năm 2025",
      "Thực hiện Kế hoạch số 5/KH-UBND ngày 10/01/2025 của UBND huyện, Ủy ban nhân dân xã An Bình ban hành Kế hoạch như sau:",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Nâng cao nhận thức của gia đình và cộng đồng về bảo vệ trẻ em.",
      "2. Huy động sự tham gia của các đoàn thể.",
      "II. TỔ CHỨC THỰC HIỆN",
      "1. Công chức Văn hóa - Xã hội: chủ trì, tham mưu triển khai Kế hoạch.",
      "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã: phối hợp tuyên truyền.",
      "Trên đây là Kế hoạch thực hiện công tác trẻ em năm 2025 của Ủy ban nhân dân xã An Bình./.",
      "Nơi nhận:",
      "- UBND huyện (b/c);",
      "- Các đoàn thể xã;",
      "- Lưu: VT, VHXH.",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Nguyễn Văn An",
    ].join("\n");
    writeFileSync(join(dir, "ke-hoach-cu.txt"), text);
    const { code, report } = importJson([join(dir, "ke-hoach-cu.txt")]);
    expect(code).toBe(0);
    expect(report.files[0]!.words!.share).toBe(1);
    expect(readFileSync(join(dir, "co-quan.yaml"), "utf8")).toMatch(/^# yaml-language-server: \$schema=\S+\/co-quan\.schema\.json\n/);
    expect(readFileSync(join(dir, "ke-hoach-cu.yaml"), "utf8")).toMatch(/^# yaml-language-server: \$schema=\S+\/kehoach\.schema\.json\n/);
    const profile = parse(readFileSync(join(dir, "co-quan.yaml"), "utf8")) as Record<string, unknown>;
    expect(profile.co_quan).toEqual({ ten: ["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH"], viet_tat: "UBND", dia_danh: "An Bình" });
    expect(profile.nguoi_ky).toEqual({ kt: "CHỦ TỊCH", chuc_vu: "PHÓ CHỦ TỊCH", ho_ten: "Nguyễn Văn An" });
    expect(profile.noi_nhan).toEqual([{ ten: "UBND huyện", ghi_chu: "b/c" }, "Các đoàn thể xã", "Lưu: VT, VHXH."]);
    const plan = parse(readFileSync(join(dir, "ke-hoach-cu.yaml"), "utf8")) as Record<string, unknown>;
    expect(plan).toMatchObject({
      so: "12",
      ngay: "2025-03-05",
      trich_yeu: "Thực hiện công tác trẻ em năm 2025",
      mo_dau: { thuc_hien: "Kế hoạch số 5/KH-UBND ngày 10/01/2025 của UBND huyện", loi_dan: "Ủy ban nhân dân xã An Bình ban hành Kế hoạch như sau:" },
      noi_dung: [
        { loai: "muc_dich_yeu_cau" },
        { loai: "to_chuc_thuc_hien", cac_y: [{ don_vi: "Công chức Văn hóa - Xã hội" }, { don_vi: "Ủy ban Mặt trận Tổ quốc Việt Nam xã", de_nghi: true }] },
      ],
      ket_thuc: "Trên đây là Kế hoạch thực hiện công tác trẻ em năm 2025 của Ủy ban nhân dân xã An Bình.",
    });
    expect(plan.co_quan).toBeUndefined();
    // a second import beside that profile keeps only what differs: nothing of the office
    writeFileSync(join(dir, "nam-sau.txt"), text.replace("Nguyễn Văn An", "Trần Thị Bình"));
    const again = importJson([join(dir, "nam-sau.txt")]);
    expect(again.code).toBe(0);
    const second = parse(readFileSync(join(dir, "nam-sau.yaml"), "utf8")) as Record<string, unknown>;
    expect(second.co_quan).toBeUndefined();
    expect(second.noi_nhan).toBeUndefined();
    expect(second.nguoi_ky).toEqual({ kt: "CHỦ TỊCH", chuc_vu: "PHÓ CHỦ TỊCH", ho_ten: "Trần Thị Bình" });
  });

  it("keeps a line it does not recognise as text, with a '# kiểm tra:' comment", () => {
    const seed = seeds.find((s) => s.startsWith("004"))!;
    const text = "Mẫu số 03 - ban hành theo hướng dẫn của Sở\n" + readFileSync(join(SEEDS, seed), "utf8");
    const { input } = office("004", "mau.txt", text);
    const { code, report } = importJson([input]);
    expect(code).toBe(0);
    const yamlText = readFileSync(report.files[0]!.output!, "utf8");
    expect(yamlText).toMatch(/# kiểm tra: dòng "Mẫu số 03/);
    expect(yamlText).toContain("Mẫu số 03 - ban hành theo hướng dẫn của Sở");
  });
});

describe("kehoach import: tables", () => {
  it("keeps a paragraph written after a section's table after it, and the table's merged cells", () => {
    const md = [
      "KẾ HOẠCH",
      "",
      "Thực hiện công tác trẻ em năm 2025",
      "",
      "I. KINH PHÍ THỰC HIỆN",
      "",
      "| TT | Nội dung | Kinh phí |",
      "|---|---|---|",
      "| 1 | Tuyên truyền | 5.000.000 |",
      "",
      "Nguồn ngân sách xã bố trí trong dự toán hằng năm.",
    ].join("\n");
    const { report, plan } = importBesideProfile("kp.md", md);
    expect(report.files[0]!.words!.share).toBe(1);
    expect((plan.noi_dung as unknown[])[0]).toEqual({
      loai: "kinh_phi",
      bang: { cot: ["TT", "Nội dung", "Kinh phí"], dong: [["1", "Tuyên truyền", "5.000.000"]] },
      cac_y: [{ doan_chen: "Nguồn ngân sách xã bố trí trong dự toán hằng năm." }],
    });
  });
});

describe("kehoach import: the trích yếu of a text copied from a PDF", () => {
  it("does not run on into a lead-in sentence that follows it at once (no 'Thực hiện …' between)", () => {
    const txt = [
      "KẾ HOẠCH",
      "Tổ chức Ngày hội đọc sách năm 2025",
      "Ủy ban nhân dân xã Bằng Mạc ban hành Kế hoạch tổ chức Ngày hội đọc sách năm 2025 như sau:",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Khuyến khích người dân đọc sách, nhất là thiếu nhi và người cao tuổi.",
      "2. Tổ chức tiết kiệm, hiệu quả, thiết thực.",
    ].join("\n");
    const { dir, plan } = importBesideProfile("sach.txt", txt);
    expect(plan.trich_yeu).toBe("Tổ chức Ngày hội đọc sách năm 2025");
    expect(plan.mo_dau).toBe("Ủy ban nhân dân xã Bằng Mạc ban hành Kế hoạch tổ chức Ngày hội đọc sách năm 2025 như sau:");

    writeFileSync(join(dir, "sach2.txt"), txt.replace("năm 2025\nỦy ban", "năm\n2025 trên địa bàn xã\nỦy ban"));
    expect(importJson([join(dir, "sach2.txt")]).code).toBe(0);
    const wrapped = parse(readFileSync(join(dir, "sach2.yaml"), "utf8")) as Record<string, unknown>;
    expect(wrapped.trich_yeu).toBe("Tổ chức Ngày hội đọc sách năm 2025 trên địa bàn xã");
  });
});

describe("kehoach import: a Quyết định that issues a plan", () => {
  it("imports the plan with quyet_dinh, leaving the Quyết định's own text out of it and of the proof", () => {
    const dir = tempDir("kehoach-import-");
    cpSync(join(ROOT, "test", "fixtures", "quyet-dinh-kem-ke-hoach.txt"), join(dir, "qd.txt"));
    const { code, report } = importJson([join(dir, "qd.txt")]);
    expect(report.files[0]!.findings).toEqual([]);
    expect(code).toBe(0);
    expect(report.files[0]!.words).toEqual({ total: 99, kept: 99, share: 1 });
    const plan = parse(readFileSync(join(dir, "qd.yaml"), "utf8")) as Record<string, unknown>;
    expect(plan.quyet_dinh).toEqual({ so: "120", ngay: "2025-11-18", ky_hieu: "QĐ-UBND", cua: "Ủy ban nhân dân tỉnh An Giang" });
    expect(plan.trich_yeu).toBe("Quan trắc môi trường năm 2026");
    expect(JSON.stringify(plan)).not.toContain("Điều 1");
    expect(plan.nguoi_ky).toBeUndefined();
  });
});

describe("kehoach import: what has no place in a plan", () => {
  it("keeps a signature's stray line in a '# kiểm tra:' comment, and says so", () => {
    const dir = tempDir("kehoach-import-");
    const text = [
      "ỦY BAN NHÂN DÂN",
      "XÃ AN BÌNH",
      "Số: 12/KH-UBND",
      "An Bình, ngày 05 tháng 3 năm 2025",
      "KẾ HOẠCH",
      "Thực hiện công tác trẻ em năm 2025",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Nâng cao nhận thức của gia đình và cộng đồng về bảo vệ trẻ em./.",
      "Nơi nhận:",
      "- UBND huyện;",
      "- Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN",
      "CHỦ TỊCH",
      "(Đã ký và đóng dấu)",
      "Nguyễn Văn An",
    ].join("\n");
    writeFileSync(join(dir, "cu.txt"), text);
    // a short plan: the line missing from the document weighs 7 % of its words
    const r = runCli(["import", join(dir, "cu.txt"), "--min", "0.9"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('thiếu: "đã ký và đóng dấu"');
    expect(r.stdout).toContain('dòng "(Đã ký và đóng dấu)" ở phần chữ ký không nhận ra');
    expect(readFileSync(join(dir, "cu.yaml"), "utf8")).toContain("# kiểm tra: kehoach không in được phần này của bản gốc ở chỗ này; chữ của bản gốc: (Đã ký và đóng dấu)");
    expect((parse(readFileSync(join(dir, "co-quan.yaml"), "utf8")) as { nguoi_ky: unknown }).nguoi_ky).toEqual({ tm: "ỦY BAN NHÂN DÂN", chuc_vu: "CHỦ TỊCH", ho_ten: "Nguyễn Văn An" });
  });
});

describe("kehoach import: refusals and the command line", () => {
  it("refuses a Quyết định and a Công văn, naming what it found, and writes nothing", () => {
    const dir = tempDir("kehoach-import-");
    const qd = ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "Số: 12/QĐ-UBND", "QUYẾT ĐỊNH", "Về việc phê duyệt danh sách", "Điều 1. Phê duyệt danh sách."].join("\n");
    writeFileSync(join(dir, "qd.txt"), qd);
    const r = runCli(["import", join(dir, "qd.txt")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("tệp này là QUYẾT ĐỊNH, không phải Kế hoạch");
    const cv = ["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 45/UBND-VP", "V/v báo cáo kết quả", "Kính gửi: Phòng Nội vụ", "Ủy ban nhân dân xã báo cáo như sau."].join("\n");
    writeFileSync(join(dir, "cv.txt"), cv);
    const c = runCli(["import", join(dir, "cv.txt")]);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain("tệp này là CÔNG VĂN");
    expect(readdirSync(dir).sort()).toEqual(["cv.txt", "qd.txt"]);
  });

  it("refuses a .docm, an empty file, an unknown kind and an output that exists; --min above the share exits 1", () => {
    const dir = tempDir("kehoach-import-");
    writeFileSync(join(dir, "a.docm"), "x");
    expect(runCli(["import", join(dir, "a.docm")]).code).toBe(1);
    writeFileSync(join(dir, "empty.txt"), "");
    const e = runCli(["import", join(dir, "empty.txt")]);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain("tệp rỗng");
    writeFileSync(join(dir, "a.pdf"), "x");
    expect(runCli(["import", join(dir, "a.pdf")]).stderr).toContain('không nhập được tệp đuôi ".pdf"');
    expect(readdirSync(dir).sort()).toEqual(["a.docm", "a.pdf", "empty.txt"]);
    const seed = seeds.find((s) => s.startsWith("000"))!;
    const { input } = office("000", seed, readFileSync(join(SEEDS, seed)));
    const strict = importJson([input, "--min", "1"]);
    expect(strict.code).toBe(1);
    expect(strict.report.files[0]!.findings.map((f) => f.rule)).toContain("import.proof");
    expect(strict.report.files[0]!.missing.length).toBeGreaterThan(0);
    const again = runCli(["import", input]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("không ghi đè");
    expect(runCli(["import", input, "--min", "1.5"]).code).toBe(2);
  });

  it("--no-proof writes the same YAML and profile without building them again; --min with it is a usage error", () => {
    const dir = tempDir("kehoach-import-");
    const docx = join(dir, "goc.docx");
    expect(runCli(["build", join(ROOT, "examples", "002-bang-mac.yaml"), "-o", docx]).code).toBe(0);
    const proved = importJson([docx, "--out-dir", join(dir, "a")]);
    expect(proved.code).toBe(0);
    const quick = importJson([docx, "--out-dir", join(dir, "b"), "--no-proof"]);
    expect(quick.code).toBe(0);
    expect(quick.report.files[0]!.words).toBeNull();
    expect(quick.report.files[0]!.findings).toEqual([]);
    for (const f of ["goc.yaml", "co-quan.yaml"]) expect(readFileSync(join(dir, "b", f), "utf8")).toBe(readFileSync(join(dir, "a", f), "utf8"));
    const text = runCli(["import", docx, "--out-dir", join(dir, "c"), "--no-proof"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("đã ghi");
    expect(text.stdout).not.toContain("chữ của bản gốc");
    const both = runCli(["import", docx, "--out-dir", join(dir, "d"), "--no-proof", "--min", "0.9"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("bỏ --min khi dùng --no-proof");
    expect(existsSync(join(dir, "d"))).toBe(false);
  });

  it("loads neither child processes nor the terminal's readline to import a .docx without the proof", () => {
    const dir = tempDir("kehoach-import-");
    const docx = join(dir, "goc.docx");
    expect(runCli(["build", join(ROOT, "examples", "004-quang-nam.yaml"), "-o", docx]).code).toBe(0);
    // the modules Node loaded, written as the process ends
    const probe = join(dir, "probe.cjs");
    writeFileSync(probe, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(join(dir, "modules.json"))}, JSON.stringify(process.moduleLoadList)));\nrequire(${JSON.stringify(CLI)});\n`);
    const r = spawnSync(process.execPath, [probe, "import", docx, "--no-proof"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const loaded = JSON.parse(readFileSync(join(dir, "modules.json"), "utf8")) as string[];
    expect(loaded).toContain("NativeModule zlib");
    for (const m of ["child_process", "readline", "readline/promises", "worker_threads"]) expect(loaded).not.toContain(`NativeModule ${m}`);
  });

  it("loads none of the build's libraries (handlebars, docx, ajv) nor the proof's modules to import a .docx without the proof", () => {
    const dir = tempDir("kehoach-import-");
    const docx = join(dir, "goc.docx");
    expect(runCli(["build", join(ROOT, "examples", "004-quang-nam.yaml"), "-o", docx]).code).toBe(0);
    // dist's modules one by one (the bundle is one file): a loader hook lists every module loaded
    const list = join(dir, "loaded.txt");
    writeFileSync(join(dir, "hooks.mjs"), `import { appendFileSync } from "node:fs";\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(list)}, url + "\\n"); return next(url, context); }\n`);
    writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n`);
    const r = spawnSync(process.execPath, ["--import", join(dir, "register.mjs"), join(ROOT, "dist", "cli.js"), "import", docx, "--no-proof"], { encoding: "utf8", cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const loaded = readFileSync(list, "utf8").split("\n").filter(Boolean);
    expect(loaded.some((u) => u.endsWith("/dist/read/word/docx.js"))).toBe(true);
    const packages = new Set(loaded.flatMap((u) => /\/node_modules\/([^/]+)\//.exec(u)?.[1] ?? []));
    expect([...packages].sort()).toEqual(["commander", "yaml"]);
    for (const m of ["commands/import-proof.js", "pipeline.js", "render/index.js", "write/index.js", "validate/index.js"]) expect(loaded.filter((u) => u.endsWith(`/dist/${m}`))).toEqual([]);
  });

  it("prints the share kept in Vietnamese, with a comma", () => {
    const seed = seeds.find((s) => s.startsWith("003"))!;
    const { input } = office("003", seed, readFileSync(join(SEEDS, seed)));
    const r = runCli(["import", input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/giữ \d+,\d % chữ của bản gốc/);
  });
});

describe("the proof's word comparison", () => {
  it("counts the words kept in order and lists what is missing", () => {
    const a = words("Một hai ba bốn năm sáu bảy tám");
    const b = words("một hai bốn năm SÁU chín bảy");
    const p = compareWords(a, b);
    expect(p.kept).toBe(6);
    expect(p.missing).toEqual(["ba", "tám"]);
  });

  it("is linear in the input when little differs (a 200 000-word text with one change)", () => {
    const a = Array.from({ length: 200_000 }, (_, i) => `w${i % 1000}`);
    const b = [...a.slice(0, 100_000), "khác", ...a.slice(100_001)];
    const p = compareWords(a, b);
    expect(p.kept).toBe(199_999);
  });
});

describe("kehoach import: runs into the plan's inline syntax", () => {
  it("nests emphasis and keeps spaces outside the marks", () => {
    const runs = [{ text: "chủ đề " }, { text: "“", bold: true }, { text: "Hành động", bold: true, italic: true }, { text: "” ", bold: true }, { text: "năm 2024*" }];
    expect(runsText(runs, {})).toBe("chủ đề **“*Hành động*”** năm 2024\\*");
  });
});

describe("kehoach import: odd documents", () => {
  it("never throws on documents made of a plan's pieces in random order, and writes YAML that reads back", () => {
    const pieces = ["KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "II. TỔ CHỨC THỰC HIỆN", "1.", "a)", "- ", "+ ", "1.1.", "Nơi nhận:", "- Lưu: VT.", "KT. CHỦ TỊCH", "Nguyễn Văn A", "Trên đây là", "./.", "**", "*", "^[", "]", "| a | b |", "|---|---|", "PHỤ LỤC", "(Kèm theo", ")", "Căn cứ", "Thực hiện", "như sau:", "Số: /KH-UBND", "X, ngày  tháng 5 năm 2024", "QUYẾT ĐỊNH", "#SoKyHieuVanBan", "Phòng Nội vụ:", "\\", "~", "<ma>", "ỦY BAN NHÂN DÂN", "\t"];
    let seed = 3;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let t = 0; t < 400; t++) {
      const lines = Array.from({ length: 1 + rnd(25) }, () => Array.from({ length: 1 + rnd(4) }, () => pieces[rnd(pieces.length)]).join(rnd(2) ? " " : ""));
      lines.splice(rnd(lines.length), 0, "KẾ HOẠCH");
      for (const format of ["txt", "md"] as const) {
        const r = recognize(readPlainText(lines.join("\n"), format));
        if ("refused" in r) continue;
        expect(() => parse(planYaml(r.plan, r.comments))).not.toThrow();
      }
    }
  });
});

describe("kehoach import: Markdown", () => {
  it("reads bold, italic, footnotes and a table", () => {
    const doc = readPlainText("**Đậm** và *nghiêng*^[Chú thích.]\n\n| A | B |\n|---|---|\n| 1 | 2 |\n", "md");
    expect(doc.blocks[0]).toMatchObject({ kind: "paragraph", runs: [{ text: "Đậm", bold: true }, { text: " và " }, { text: "nghiêng", italic: true }, { text: "", footnote: "1" }] });
    expect(doc.blocks[2]).toMatchObject({ kind: "table", headerRows: 1, columns: 2 });
    expect(recognize(doc)).toEqual({ refused: expect.stringContaining("KẾ HOẠCH") });
  });
});

/** word/document.xml and footnotes.xml of a .docx. */
function parts(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readZip(readFileSync(file), { include: (n) => n === "word/document.xml" || n === "word/footnotes.xml" })) out[e.name] = e.data.toString("utf8");
  return out;
}

const EXAMPLES = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml")).sort();
/** Examples whose round trip gives the same document.xml and footnotes.xml (and .docx): every one. */
const IDENTICAL = new Set(EXAMPLES);

describe("kehoach import: round trip of every example (build → import the .docx → build)", () => {
  for (const ex of EXAMPLES) {
    it(`${ex}: every word comes back${IDENTICAL.has(ex) ? ", and the same document, byte for byte" : ""}`, () => {
      const dir = tempDir("kehoach-roundtrip-");
      const env = { SOURCE_DATE_EPOCH: "1700000000" };
      const orig = join(dir, "goc.docx");
      expect(runCli(["build", join(ROOT, "examples", ex), "-o", orig], { env }).code).toBe(0);
      const { code, report } = importJson([orig]);
      expect(report.files[0]!.findings).toEqual([]);
      expect(code).toBe(0);
      expect(report.files[0]!.words!.share).toBe(1);
      expect(existsSync(join(dir, "co-quan.yaml"))).toBe(true);
      const back = join(dir, "lai.docx");
      expect(runCli(["build", report.files[0]!.output!, "-o", back], { env }).code).toBe(0);
      if (IDENTICAL.has(ex)) expect(parts(back)).toEqual(parts(orig));
      // and the whole package, byte for byte
      expect(readFileSync(back).equals(readFileSync(orig))).toBe(true);
      // a plan issued with a Quyết định comes back as one
      if (ex === "tp-hcm-quan-trac.yaml") expect(readFileSync(report.files[0]!.output!, "utf8")).toMatch(/quyet_dinh:\n\s+so: "3961"/);
    });
  }
});

/** The seed's document imported beside its office's profile: ≥ 97 % of the words, then built with 0 FAIL and ≥ 97 % for nd30check. */
function importsAndBuilds(seed: string, name: string, data: Buffer): string {
  const { dir, input } = office(seed.slice(0, 3), name, data);
  const { code, report } = importJson([input]);
  expect(report.files[0]!.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(code).toBe(0);
  expect(report.files[0]!.words!.share).toBeGreaterThanOrEqual(0.97);
  const out = join(dir, "built.docx");
  expect(runCli(["build", report.files[0]!.output!, "-o", out]).code).toBe(0);
  if (HAS_CHECKER) {
    const res = nd30(out, join(SEEDS, seed));
    expect(res.rows.filter((r) => r[0] === "FAIL")).toEqual([]);
    expect(res.recall).toBeGreaterThanOrEqual(0.97);
  }
  return report.files[0]!.output!;
}

describe("kehoach import: Word documents as clerks have them", () => {
  for (const seed of seeds) {
    it(`${seed} typed in TCVN3 (.VnTime) imports with ≥ 97 % of its words and builds with 0 FAIL`, async () => {
      // what a clerk types: no Markdown marks
      const text = readFileSync(join(SEEDS, seed), "utf8").replace(/^#+\s*/gm, "").replace(/\*\*/g, "");
      importsAndBuilds(seed, "cu.docx", await tcvn3Docx(text));
    });
  }
});

describe.skipIf(!HAS_SOFFICE)("kehoach import: the seeds as clerks' Word, LibreOffice and Word 97 documents", () => {
  let fixtures: SeedFixture[] = [];
  const dir = tempDir("kehoach-import-word-");
  beforeAll(async () => {
    fixtures = await makeWordFixtures(dir);
  }, 300_000);
  for (const seed of seeds) {
    for (const kind of ["docx", "odt", "doc"] as const) {
      it(`${seed} as .${kind} imports with ≥ 97 % of its words and builds with 0 FAIL`, () => {
        importsAndBuilds(seed, `cu.${kind}`, readFileSync(fixtures.find((f) => f.name === seed)![kind]));
      }, 120_000);
    }
  }
});
