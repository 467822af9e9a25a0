import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { MINIMAL_PLAN, ROOT, runCli, tempDir } from "./helpers.js";

const EXAMPLES = join(ROOT, "examples");
const examplePlans = (): string[] =>
  readdirSync(EXAMPLES)
    .filter((f) => /^\d{3}-.*\.yaml$/.test(f))
    .sort();

describe("kehoach check", () => {
  it("exits 0 on every shipped example", () => {
    const plans = examplePlans();
    expect(plans.length).toBe(5);
    const r = runCli(["check", ...plans.map((p) => join("examples", p))]);
    expect(r.stderr).not.toMatch(/ lỗi /);
    expect(r.code).toBe(0);
  });

  it.each(["unknown key", "broken quote", "duplicate top-level key"])("fails with the right line after appending a %s to each example", (kind) => {
    const dir = tempDir();
    mkdirSync(join(dir, "co-quan"));
    for (const f of readdirSync(join(EXAMPLES, "co-quan")).filter((f) => f.endsWith(".yaml"))) {
      writeFileSync(join(dir, "co-quan", f), readFileSync(join(EXAMPLES, "co-quan", f)));
    }
    for (const p of examplePlans()) {
      const text = readFileSync(join(EXAMPLES, p), "utf8").replace(/\n*$/, "\n");
      const line = text.split("\n").length; // the appended line's number
      const tail = kind === "unknown key" ? "trich_yue: thêm\n" : kind === "broken quote" ? 'ket_thuc: "Trên đây là Kế hoạch\n' : "trich_yeu: lặp lại\n";
      writeFileSync(join(dir, p), text + tail);
      const r = runCli(["check", p], { cwd: dir });
      expect(r.code, p).toBe(1);
      const first = r.stderr.split("\n")[0]!;
      expect(first, p).toMatch(new RegExp(`^${p.replace(/\./g, "\\.")}:${line}:\\d+  lỗi  `));
    }
  });

  it("exit codes: 0 clean, 1 errors, 2 usage", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "ok.yaml"), MINIMAL_PLAN);
    writeFileSync(join(dir, "bad.yaml"), MINIMAL_PLAN.replace('so: "5"', "so: 5"));
    expect(runCli(["check", "ok.yaml"], { cwd: dir }).code).toBe(0);
    expect(runCli(["check", "bad.yaml", "ok.yaml"], { cwd: dir }).code).toBe(1);
    const usage = runCli(["check", "--khong-co"], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('không có tùy chọn "--khong-co"');
    expect(runCli(["check"], { cwd: dir }).code).toBe(2);
    expect(runCli(["kiemtra", "ok.yaml"], { cwd: dir }).stderr).toContain('không có lệnh "kiemtra"');
  });

  it("--format json lists every finding with file, line, column, rule, severity and message", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.yaml"), MINIMAL_PLAN.replace('so: "5"', "so: 5").replace("trich_yeu:", "trich_yue:"));
    const r = runCli(["check", "--format", "json", "bad.yaml", "khong-co.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ version: 1, command: "check", ok: false, summary: { plans: 2, errors: 3 } });
    expect(doc.findings).toEqual([
      { file: "bad.yaml", line: 6, column: 5, rule: "schema.type", severity: "error", message: expect.stringContaining("ngoặc kép"), path: "so" },
      { file: "bad.yaml", line: 8, column: 1, rule: "schema.unknown-key", severity: "error", message: expect.stringContaining('"trich_yeu"'), path: "trich_yue" },
      { file: "khong-co.yaml", line: 1, column: 1, rule: "file.read", severity: "error", message: expect.stringContaining("không tìm thấy"), path: "" },
    ]);
  });

  it("finds the office profile in a parent folder and reports what neither file has", () => {
    const dir = tempDir();
    const plan = MINIMAL_PLAN.replace(/^co_quan:[\s\S]*?so:/m, "so:").replace(/nguoi_ky:[\s\S]*$/m, "");
    mkdirSync(join(dir, "2025"));
    writeFileSync(join(dir, "2025", "ke-hoach.yaml"), plan);
    const missing = runCli(["check", "2025/ke-hoach.yaml"], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('2025/ke-hoach.yaml:1:1  lỗi  thiếu tên cơ quan ban hành ("co_quan.ten"), cả trong kế hoạch lẫn hồ sơ cơ quan.');
    writeFileSync(join(dir, "co-quan.yaml"), MINIMAL_PLAN.slice(MINIMAL_PLAN.indexOf("nguoi_ky:")) + MINIMAL_PLAN.slice(0, MINIMAL_PLAN.indexOf("so:")));
    const ok = runCli(["check", "2025/ke-hoach.yaml"], { cwd: dir });
    expect(ok.stderr).toBe("1 tệp: 0 lỗi, 0 cảnh báo.\n");
    expect(ok.code).toBe(0);
  });

  it("fills the templates as build does: an office template failing at fill time is an error of check too", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "mau"));
    // well formed, so loading accepts it; only filling it fails
    writeFileSync(join(dir, "mau", "ket-thuc.hbs"), "Trên đây {{#each}}x{{/each}}");
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    const r = runCli(["check", join(dir, "p.yaml"), "--templates", join(dir, "mau")]);
    expect(r.stderr).toContain(`${join(dir, "mau", "ket-thuc.hbs")}:1:10  lỗi  mẫu Handlebars lỗi khi điền nội dung`);
    expect(r.code).toBe(1);
    expect(runCli(["build", join(dir, "p.yaml"), "--templates", join(dir, "mau"), "-o", join(dir, "p.docx")]).stderr).toContain("ket-thuc.hbs:1:10");
  });

  it("refuses a profile path that leaves the plan's folder", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "a"));
    writeFileSync(join(dir, "co-quan.yaml"), "co_quan: { viet_tat: UBND }\n");
    writeFileSync(join(dir, "a", "p.yaml"), `ho_so: ../co-quan.yaml\n${MINIMAL_PLAN}`);
    const r = runCli(["check", "a/p.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("a/p.yaml:1:8  lỗi  hồ sơ cơ quan \"../co-quan.yaml\" nằm ngoài thư mục của kế hoạch.");
  });
});

describe("kehoach init", () => {
  it("creates a profile and a first plan that check accepts, and never overwrites", () => {
    const dir = tempDir();
    const r = runCli(["init", "van-phong", "--co-quan", "Ủy ban nhân dân/Xã Bằng Mạc", "--nguoi-ky", "Triệu Thị Diệp", "--nam", "2026"], { cwd: dir });
    expect(r.code).toBe(0);
    const profile = readFileSync(join(dir, "van-phong", "co-quan.yaml"), "utf8");
    // kehoach not installed beside the folder: the schemas copied into it, the line relative to the copy
    expect(profile.split("\n")[0]).toBe("# yaml-language-server: $schema=.kehoach/co-quan.schema.json");
    expect(profile).toContain('ten_goi: "Ủy ban nhân dân xã Bằng Mạc"');
    expect(profile).toContain('dia_danh: "Bằng Mạc"');
    const plan = readFileSync(join(dir, "van-phong", "ke-hoach-2026.yaml"), "utf8");
    expect(plan.split("\n")[0]).toMatch(/kehoach\.schema\.json$/);
    expect(plan).toContain("Ủy ban nhân dân xã Bằng Mạc ban hành Kế hoạch");
    expect(runCli(["check", "van-phong/ke-hoach-2026.yaml"], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, "van-phong", "co-quan.yaml"), profile + "# sửa tay\n");
    const again = runCli(["init", "van-phong", "--co-quan", "X", "--nguoi-ky", "Y", "--nam", "2026"], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("không bao giờ ghi đè");
    expect(readFileSync(join(dir, "van-phong", "co-quan.yaml"), "utf8")).toContain("# sửa tay");
  });

  it.runIf(existsSync("/usr/bin/script"))("asks on a terminal, keeping answers typed ahead", async () => {
    const { spawnSync } = await import("node:child_process");
    const { CLI } = await import("./helpers.js");
    const dir = tempDir();
    const r = spawnSync("/usr/bin/script", ["-qec", `"${process.execPath}" "${CLI}" init vp --nam 2026`, "/dev/null"], {
      cwd: dir,
      input: "ỦY BAN NHÂN DÂN/XÃ A LƯỚI\n\n\nTrần Văn B\n",
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.stdout).toContain("Tên cơ quan (các dòng cách nhau bằng /):");
    const profile = readFileSync(join(dir, "vp", "co-quan.yaml"), "utf8");
    expect(profile).toContain('dia_danh: "A Lưới"');
    expect(profile).toContain('ho_ten: "Trần Văn B"');
  });

  it("asks nothing without a terminal: a missing flag is a usage error", () => {
    const dir = tempDir();
    const r = runCli(["init", "x", "--nguoi-ky", "A"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--co-quan");
  });
});
