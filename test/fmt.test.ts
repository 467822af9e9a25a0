/**
 * `kehoach fmt` (issue #15 item 3): one canonical layout that never changes what a plan means.
 * On every example (plans and office profiles) and every input of the fuzz corpus: the layout is
 * idempotent, the plan built before and after is the same .docx byte for byte (the date fixed),
 * and `kehoach check` finds the same (rule and message; lines may move). Also the safety net's
 * comparison, comments, quoting, `--check` and bad input through the real CLI, and `planYaml`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { docxBytes, formatFile, loadPlan, renderLoaded } from "../src/pipeline.js";
import { checkFile } from "../src/commands/check.js";
import { formatDocument, planDifference, planYaml } from "../src/format/index.js";
import { joinSoft, sameText, wrapText } from "../src/format/wrap.js";
import { parsedDocument, parseSource, readSource } from "../src/read/index.js";
import { hasErrors } from "../src/model/finding.js";
import { fuzzCorpus, fuzzWorkspace } from "./fuzz/generate.js";
import { MINIMAL_PLAN, ROOT, runCli, SLOW_TESTS, tempDir } from "./helpers.js";

/** Every YAML file under examples/ but the CI recipes: plans, their spreadsheets' plans, the office profiles. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? (e.name === "ci" ? [] : yamlFiles(join(dir, e.name))) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort();
}

/**
 * What check finds, lines left out (the layout moves them): rule and message, in order. A message
 * that shows the typed line with its fix (read/trap.ts, validate's sentence-as-key) shows the line
 * as it is now written: only its first sentence is compared.
 */
function checked(file: string): string[] {
  return checkFile(file)
    .map((f) => `${f.rule} ${f.message.includes("\n    đang viết:") ? f.message.split(". ")[0] : f.message}`)
    .sort();
}

/** The plan's .docx with a fixed date, or undefined when it does not build. */
async function built(file: string): Promise<Buffer | undefined> {
  const loaded = loadPlan(file);
  if (!loaded.plan || hasErrors(loaded.findings)) return undefined;
  const r = renderLoaded(loaded.plan, { date: new Date(Date.UTC(2025, 0, 1)) });
  return r.model && !hasErrors(r.findings) ? docxBytes(r.model) : undefined;
}

/** formatFile's text, which must exist. */
function formatted(file: string): string {
  const r = formatFile(file);
  expect(r.findings.map((f) => f.message)).toEqual([]);
  return r.after!;
}

/** Lays out a text given in memory. */
function fmtText(text: string, kind: "plan" | "profile" = "plan"): string {
  const doc = parsedDocument(text);
  expect(doc).toBeDefined();
  return formatDocument(doc!, kind);
}

describe("wrapping free text", () => {
  it("breaks lines only at single spaces between words, and joins them back", () => {
    const text = "một hai ba bốn năm sáu bảy tám chín mười";
    const wrapped = wrapText(text, 12);
    expect(wrapped).toBe("một hai ba\nbốn năm sáu\nbảy tám chín\nmười");
    expect(joinSoft(wrapped)).toBe(text);
    expect(sameText(text, wrapped)).toBe(true);
  });

  it("keeps double spaces, blank lines, line breaks, spaces beside newlines, tabs, leading and trailing spaces", () => {
    const text = "  đầu  hai dấu cách\n\nđoạn mới\\\nxuống dòng \nsau dấu cách\tcó tab  ";
    const wrapped = wrapText(text, 4);
    for (const piece of ["  đầu  hai", "\n\nđoạn", "mới\\\nxuống", "dòng \nsau", "cách\tcó", "tab  "]) expect(wrapped).toContain(piece);
    expect(joinSoft(wrapped)).toBe(joinSoft(text));
    // never after a backslash: "\" then a newline would be a line break
    expect(wrapText("a\\ b", 1)).toBe("a\\ b");
  });
});

describe("the safety net: a plan read back must say the same", () => {
  const plan = { co_quan: { ten: "ỦY BAN NHÂN DÂN XÃ" }, trich_yeu: "Kế hoạch công tác", noi_dung: [{ tieu_de: "Mục", doan: "một hai ba" }], phu_luc: [{ tieu_de: "Phụ lục một" }] };
  const changed = (path: (string | number)[], v: unknown): unknown => {
    const copy = structuredClone(plan) as Record<string, unknown>;
    let at: Record<string | number, unknown> = copy;
    for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
    at[path[path.length - 1]!] = v;
    return copy;
  };

  it("accepts a free text wrapped at other single spaces", () => {
    expect(planDifference(plan, changed(["noi_dung", 0, "doan"], "một\nhai ba"), "plan")).toBeUndefined();
    expect(planDifference(plan, changed(["trich_yeu"], "Kế hoạch\ncông tác"), "plan")).toBeUndefined();
  });

  it("finds every other change, with its path", () => {
    // an agency's lines and a Phụ lục's title are lists of lines: a newline there is a new line
    expect(planDifference(plan, changed(["co_quan", "ten"], "ỦY BAN NHÂN DÂN\nXÃ"), "plan")).toEqual(["co_quan", "ten"]);
    expect(planDifference(plan, changed(["phu_luc", 0, "tieu_de"], "Phụ lục\nmột"), "plan")).toEqual(["phu_luc", 0, "tieu_de"]);
    expect(planDifference(plan, changed(["noi_dung", 0, "doan"], "một  hai ba"), "plan")).toEqual(["noi_dung", 0, "doan"]);
    expect(planDifference(plan, changed(["noi_dung", 0, "doan"], "một\n\nhai ba"), "plan")).toEqual(["noi_dung", 0, "doan"]);
    expect(planDifference(plan, changed(["noi_dung", 0, "doan"], "một hai ba "), "plan")).toEqual(["noi_dung", 0, "doan"]);
    expect(planDifference({ ...plan, so: "0129" }, { ...plan, so: 129 }, "plan")).toEqual(["so"]);
    expect(planDifference({ ...plan, ngay: "2025" }, plan, "plan")).toEqual([]);
    expect(planDifference(plan, changed(["noi_dung"], []), "plan")).toEqual(["noi_dung"]);
  });

  it("keeps a backslash's meaning: a space after it is not a soft break", () => {
    const a = changed(["noi_dung", 0, "doan"], "một\\ hai");
    expect(planDifference(a, changed(["noi_dung", 0, "doan"], "một\\\nhai"), "plan")).toEqual(["noi_dung", 0, "doan"]);
  });
});

describe("the canonical layout", () => {
  it("quotes only where YAML needs it, and texts that look like numbers, dates or booleans stay texts", () => {
    const text = [
      "trich_yeu: 'Kế hoạch thử'",
      "so: '0129'",
      "ngay: '2025-01-01'",
      "noi_dung:",
      "  - tieu_de: 'yes'",
      "    cac_y:",
      "      - '*Nhóm 1:* rà soát hồ sơ'",
      "      - 'Cơ quan thực hiện: Sở Nội vụ'",
      "      - '# không phải chú thích'",
      "      - '   ba dấu cách ở đầu'",
      "      - '[1] tài liệu'",
      "      - '2025'",
      "      - 'on'",
      "      - '1:30'",
      "      - 'null'",
      "      - 'có \"ngoặc kép\" bên trong'",
      "",
    ].join("\n");
    const out = fmtText(text);
    for (const line of [
      "so: \"0129\"",
      "ngay: \"2025-01-01\"",
      "trich_yeu: Kế hoạch thử",
      "  - tieu_de: \"yes\"",
      "      - \"*Nhóm 1:* rà soát hồ sơ\"",
      "      - \"Cơ quan thực hiện: Sở Nội vụ\"",
      "      - \"# không phải chú thích\"",
      "      - \"   ba dấu cách ở đầu\"",
      "      - \"[1] tài liệu\"",
      "      - \"2025\"",
      "      - \"on\"",
      "      - \"1:30\"",
      "      - \"null\"",
      "      - có \"ngoặc kép\" bên trong",
    ])
      expect(out.split("\n")).toContain(line);
    expect(parseSource("p.yaml", out).value).toEqual(parseSource("p.yaml", text).value);
  });

  it("puts keys in schema order, unknown keys last in their order, a blank line between top-level keys", () => {
    const out = fmtText("zeta: 1\nnoi_dung:\n  - doan: x\n    tieu_de: Mục\ntrich_yeu: T\nalpha: 2\nso: \"1\"\n");
    expect(out).toBe('so: "1"\n\ntrich_yeu: T\n\nnoi_dung:\n  - tieu_de: Mục\n    doan: x\n\nzeta: 1\n\nalpha: 2\n');
  });

  it("writes long free text as a |- block filled to 100 columns, and short text on the key's line", () => {
    const long = Array.from({ length: 40 }, (_, i) => `từ${i}`).join(" ");
    const out = fmtText(`trich_yeu: T\nnoi_dung:\n  - tieu_de: Mục\n    doan: >-\n      ngắn\n      gọn\n  - tieu_de: Mục hai\n    doan: ${long}\n`);
    expect(out).toContain("    doan: ngắn gọn\n");
    const block = out.slice(out.indexOf("doan: |-"));
    const lines = block.split("\n").slice(1).filter((l) => l.startsWith("      "));
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(100);
    expect(lines.map((l) => l.trim()).join(" ")).toBe(long);
  });

  it("keeps the line ends of a text that is not free text (an agency's lines, a sheet's name)", () => {
    const out = fmtText("co_quan:\n  ten: |-\n    ỦY BAN NHÂN DÂN\n    XÃ BẰNG MẠC\n", "profile");
    expect(out).toBe("co_quan:\n  ten: |-\n    ỦY BAN NHÂN DÂN\n    XÃ BẰNG MẠC\n");
    // a sheet is found by its name as typed: joining its lines would find one the plan does not name
    const sheet = "trich_yeu: T\nnoi_dung:\n  - bang:\n      tep: a.xlsx\n      trang: |-\n        Dự\n        toán\n";
    expect(fmtText(sheet)).toContain("      trang: |-\n        Dự\n        toán\n");
    expect(planDifference(parseSource("p.yaml", sheet).value, parseSource("p.yaml", sheet.replace("Dự\n        toán", "Dự toán")).value, "plan")).toEqual(["noi_dung", 0, "bang", "trang"]);
  });

  it("writes short records on one line when they fit (a recipient, a task's field, a cost line, luu, a level's settings, a row record), {} on its key's line", () => {
    const text = [
      "trich_yeu: T",
      "noi_dung:",
      "  - loai: nhiem_vu",
      "    cac_y:",
      "      - tieu_de: Mục ngắn",
      "        doan: Một đoạn ngắn.",
      "      - tieu_de: Quan trắc",
      "        truong:",
      "          - nhan: Cơ quan thực hiện",
      "            noi_dung: Sở Nông nghiệp và Môi trường",
      `          - { nhan: Nội dung, noi_dung: "${"Lấy mẫu nước mặt tại các sông ".repeat(4).trim()}" }`,
      "  - loai: kinh_phi",
      "    du_toan:",
      "      - noi_dung: Tập huấn",
      "        so_tien: \"3.000.000\"",
      "noi_nhan:",
      "  - ten: UBND tỉnh",
      "    ghi_chu: b/c",
      "  - ten: Các sở, ngành",
      "luu:",
      "  don_vi: VP",
      "  so_ban: \"02\"",
      "trinh_bay:",
      "  cac_cap:",
      "    - kieu_tieu_de: dam",
      "    - danh_dau: chu",
      "      kieu_tieu_de: nghieng",
      "",
    ].join("\n");
    const out = fmtText(text);
    for (const line of [
      "          - {nhan: Cơ quan thực hiện, noi_dung: Sở Nông nghiệp và Môi trường}",
      "      - {noi_dung: Tập huấn, so_tien: \"3.000.000\"}",
      "  - {ten: UBND tỉnh, ghi_chu: b/c}",
      "  - {ten: \"Các sở, ngành\"}",
      "luu: {don_vi: VP, so_ban: \"02\"}",
      "    - {kieu_tieu_de: dam}",
      "    - {danh_dau: chu, kieu_tieu_de: nghieng}",
    ])
      expect(out.split("\n")).toContain(line);
    // too long for one line: one key a line; an item of cac_y (not a record) stays one key a line
    expect(out).toContain("          - nhan: Nội dung\n            noi_dung: |-\n");
    expect(out).toContain("      - tieu_de: Mục ngắn\n        doan: Một đoạn ngắn.\n");
    expect(fmtText("luu: {}\ntrich_yeu: T\n")).toBe("trich_yeu: T\n\nluu: {}\n");
    expect(fmtText(out)).toBe(out);
    expect(planDifference(parseSource("p.yaml", text).value, parseSource("p.yaml", out).value, "plan")).toBeUndefined();
    // a key typed without a value keeps its own line, on the first pass as on the next
    const empty = fmtText("trich_yeu: T\nnoi_nhan:\n  - { ten, ghi_chu: b/c }\n");
    expect(empty).toContain("  - ten:\n    ghi_chu: b/c\n");
    expect(fmtText(empty)).toBe(empty);
  });

  it("keeps every comment at its place, through key moves (a fixture with comments everywhere)", () => {
    const file = join(ROOT, "test", "fixtures", "fmt-comments.yaml");
    const text = readFileSync(file, "utf8");
    const out = formatted(file);
    const comments = (s: string): string[] => [...s.matchAll(/#\s*(chú thích[^\n]*)/g)].map((m) => m[1]!.trim()).sort();
    expect(comments(out)).toEqual(comments(text));
    // each stays above (or beside) what it was written for
    expect(out).toMatch(/^# chú thích 1: đầu tệp\n# yaml-language-server/);
    expect(out).toContain("# chú thích 2: trên số\nso:");
    expect(out).toContain("# chú thích 3: trên ngày\nngay:");
    expect(out).toMatch(/trich_yeu: .* # chú thích 4: cuối dòng trích yếu\n/);
    expect(out).toContain("  # chú thích 5: trên mục đầu\n  - loai: muc_dich_yeu_cau");
    expect(out).toContain("      # chú thích 6: trên ý thứ hai\n      - Ý thứ hai.");
    expect(out).toMatch(/- Ý thứ ba\. # chú thích 7: cuối dòng ý\n/);
    expect(out).toContain("  # chú thích 8: trên tiêu đề\n  - tieu_de: Tổ chức thực hiện");
    expect(out).toContain("    # chú thích 9: trên đoạn\n    doan: ");
    expect(out).toMatch(/# chú thích 10: cuối tệp\n$/);
    // a comment at the end of a key's line stays there, though the key's value starts on the next line
    expect(out).toContain("    cac_y: # chú thích 11: cuối dòng khóa của danh sách\n      - Các phòng, ban triển khai.");
    expect(out).toContain("co_quan: # chú thích 12: cuối dòng khóa của bảng\n  # chú thích 13: trên tên\n  ten:");
    expect(fmtText(out)).toBe(out);
  });
});

describe("every example, plan and office profile: fmt changes the layout, never the meaning", () => {
  const files = yamlFiles(join(ROOT, "examples"));
  // the examples formatted in a copy of their folder, where their profiles, templates and spreadsheets are
  const copy = tempDir("kehoach-fmt-examples-");
  beforeAll(() => {
    cpSync(join(ROOT, "examples"), copy, { recursive: true });
    for (const f of files) writeFileSync(join(copy, relative(join(ROOT, "examples"), f)), formatted(f));
  });

  it("covers the plans, the spreadsheet and task examples, and the office profiles", () => {
    const names = files.map((f) => relative(join(ROOT, "examples"), f));
    expect(names).toEqual(expect.arrayContaining(["000-dien-hoa.yaml", "phu-luc-bang-tinh/ke-hoach.yaml", "co-quan/quang-tri.yaml"]));
  });

  it.each(files.map((f) => [relative(join(ROOT, "examples"), f), f]))("%s: idempotent, same check findings, same .docx", async (name, file) => {
    const after = join(copy, name);
    const text = readFileSync(after, "utf8");
    expect(formatted(after)).toBe(text);
    expect(checked(after)).toEqual(checked(file));
    const before = await built(file);
    if (!name.startsWith("co-quan/")) expect(before).toBeDefined();
    expect(await built(after)).toEqual(before);
  });

  it.each(files.map((f) => [relative(join(ROOT, "examples"), f), f]))("%s: planYaml of its value reads back as the same plan, and fmt leaves it as it is", (name, file) => {
    const src = readSource(file);
    const kind = name.startsWith("co-quan/") ? "profile" : "plan";
    const yaml = planYaml(src.value, [], kind);
    const back = parseSource(file, yaml);
    expect(back.findings).toEqual([]);
    expect(planDifference(src.value, back.value, kind)).toBeUndefined();
    expect(fmtText(yaml, kind)).toBe(yaml);
  });
});

describe("planYaml", () => {
  it("writes comments above the nodes at their paths, and the value reads back the same", () => {
    const plan = parseSource("p.yaml", MINIMAL_PLAN).value as Record<string, unknown>;
    const yaml = planYaml(plan, [
      { path: [], text: "nhập từ: ke-hoach.docx" },
      { path: ["trich_yeu"], text: "kiểm tra: trích yếu" },
      { path: ["noi_dung", 0], text: "kiểm tra: mục đầu\nhai dòng" },
      { path: ["co_quan"], text: "kiểm tra: cơ quan" },
      { path: ["noi_dung", 0, "cac_y", 0, "cac_y", 1], text: "kiểm tra: ý thứ hai" },
      { path: ["khong_co"], text: "kiểm tra: chỗ không có" },
    ]);
    expect(yaml).toMatch(/^# nhập từ: ke-hoach\.docx\n/);
    expect(yaml).toMatch(/# kiểm tra: trích yếu\ntrich_yeu:/);
    expect(yaml).toMatch(/ {2}# kiểm tra: mục đầu\n {2}# hai dòng\n {2}- /);
    expect(yaml).toMatch(/\n# kiểm tra: cơ quan\nco_quan:\n/);
    expect(yaml).toMatch(/\n {10}# kiểm tra: ý thứ hai\n {10}- Huy động/);
    expect(yaml).toMatch(/^# nhập từ: ke-hoach\.docx\n# kiểm tra: chỗ không có\n/);
    expect(planDifference(plan, parseSource("p.yaml", yaml).value, "plan")).toBeUndefined();
    expect(fmtText(yaml)).toBe(yaml);
  });
});

describe.skipIf(!SLOW_TESTS)("the fuzz corpus: fmt changes the layout, never the meaning", () => {
  it("every input: refused with the read stage's finding, or formatted idempotently with the same findings and document", async () => {
    const before = fuzzWorkspace();
    const after = fuzzWorkspace();
    let formattedCount = 0;
    let builtCount = 0;
    const problems: string[] = [];
    let n = 0;
    for (const text of fuzzCorpus(20251201, 300)) {
      const name = `p${n++}.yaml`;
      const a = join(before, name);
      writeFileSync(a, text);
      const r = formatFile(a);
      if (r.findings.some((f) => f.rule === "fmt.internal")) problems.push(`${name}: ${r.findings.map((f) => f.message).join("; ")}`);
      if (r.after === undefined) {
        expect(r.findings.length, name).toBeGreaterThan(0);
        continue;
      }
      formattedCount++;
      const b = join(after, name);
      writeFileSync(b, r.after);
      if (formatFile(b).after !== r.after) problems.push(`${name}: not idempotent`);
      if (JSON.stringify(checked(a)) !== JSON.stringify(checked(b))) problems.push(`${name}: check findings differ`);
      const docA = await built(a);
      if (docA) builtCount++;
      const docB = await built(b);
      if (!(docA === undefined ? docB === undefined : docB !== undefined && docA.equals(docB))) problems.push(`${name}: document differs`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(formattedCount).toBeGreaterThan(100);
    expect(builtCount).toBeGreaterThan(50);
  }, 300_000);
});

describe("kehoach fmt on the command line", () => {
  it("--check lists the files that would change and exits 1, writes nothing; fmt rewrites only those; then --check exits 0", () => {
    const dir = tempDir("kehoach-fmt-cli-");
    const messy = "trich_yeu:   Kế hoạch thử\nso: '0129'\nnoi_dung:\n  - tieu_de: Mục một\n    doan: \"Báo cáo kết quả.\"\nco_quan:\n  ten: [ỦY BAN NHÂN DÂN, XÃ THỬ]\n";
    writeFileSync(join(dir, "a.yaml"), messy);
    writeFileSync(join(dir, "b.yaml"), fmtText(messy));
    const stampB = statSync(join(dir, "b.yaml"));
    const check = runCli(["fmt", "--check", "a.yaml", "b.yaml"], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("a.yaml:1:1  lỗi  tệp chưa đúng bố cục chuẩn của kehoach fmt. Chạy: kehoach fmt a.yaml");
    expect(check.stderr).not.toContain("b.yaml:");
    expect(check.stderr).toContain("2 tệp: 1 tệp chưa đúng bố cục chuẩn");
    expect(readFileSync(join(dir, "a.yaml"), "utf8")).toBe(messy);

    const json = runCli(["fmt", "--check", "--format", "json", "."], { cwd: dir });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).findings.map((f: { file: string; rule: string }) => [f.file, f.rule])).toEqual([["a.yaml", "fmt.unformatted"]]);

    const write = runCli(["fmt", "a.yaml", "b.yaml"], { cwd: dir });
    expect(write.code).toBe(0);
    expect(write.stderr).toContain("đã định dạng a.yaml");
    expect(write.stderr).not.toContain("đã định dạng b.yaml");
    expect(readFileSync(join(dir, "a.yaml"), "utf8")).toBe(readFileSync(join(dir, "b.yaml"), "utf8"));
    // an unchanged file is not written at all
    expect(statSync(join(dir, "b.yaml")).ino).toBe(stampB.ino);
    expect(statSync(join(dir, "b.yaml")).mtimeMs).toBe(stampB.mtimeMs);
    expect(runCli(["fmt", "--check", "."], { cwd: dir }).code).toBe(0);
  });

  it("the repository's own examples (plans and office profiles) are in fmt's layout, as the CI recipes check an office's", () => {
    const r = runCli(["fmt", "--check", "examples/"], { cwd: ROOT });
    expect(r.stderr).toMatch(/^\d+ tệp: không tệp nào cần viết lại, 0 lỗi khác\.$/m);
    expect(r.code).toBe(0);
  });

  it("a broken file: the read stage's message at file:line:col, exit 1, the file untouched", () => {
    const dir = tempDir("kehoach-fmt-broken-");
    const broken = "trich_yeu: Kế hoạch\nnoi_dung:\n  - tieu_de: Mục\n    doan: \"chưa đóng ngoặc\n";
    writeFileSync(join(dir, "p.yaml"), broken);
    writeFileSync(join(dir, "ci.yml"), "jobs:\n  build:\n    runs-on: ubuntu-latest\n");
    for (const args of [["fmt", "p.yaml"], ["fmt", "--check", "p.yaml"]]) {
      const r = runCli(args, { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("p.yaml:5:1  lỗi  lỗi cú pháp YAML: thiếu ký tự đóng (dấu ngoặc kép, ngoặc vuông hoặc ngoặc nhọn).");
      expect(readFileSync(join(dir, "p.yaml"), "utf8")).toBe(broken);
    }
    const notPlan = runCli(["fmt", "ci.yml"], { cwd: dir });
    expect(notPlan.code).toBe(1);
    expect(notPlan.stderr).toContain("ci.yml:1:1  lỗi  tệp này không phải kế hoạch hay hồ sơ cơ quan của kehoach");
    expect(readFileSync(join(dir, "ci.yml"), "utf8")).toBe("jobs:\n  build:\n    runs-on: ubuntu-latest\n");
    const missing = runCli(["fmt", "khong-co.yaml"], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^khong-co\.yaml:1:1 {2}lỗi {2}/m);
  });
});
