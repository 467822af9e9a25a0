import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { CLI, HAS_SOFFICE, MINIMAL_PLAN, ROOT, runCli, tempDir } from "./helpers.js";

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out.sort();
}
const sha = (p: string): string => createHash("sha256").update(readFileSync(p)).digest("hex");

describe("kehoach build", () => {
  it("writes plan.docx beside the plan, or where -o says", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "ke-hoach.yaml"), MINIMAL_PLAN);
    const r = runCli(["build", "ke-hoach.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("ke-hoach.yaml: đã xuất ke-hoach.docx");
    expect(readFileSync(join(dir, "ke-hoach.docx")).subarray(0, 2).toString()).toBe("PK");
    expect(runCli(["build", "ke-hoach.yaml", "-o", "khac.docx"], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, "khac.docx"))).toBe(true);
  });

  it("is reproducible: examples built twice, different TZ, same SOURCE_DATE_EPOCH, give identical SHA-256", () => {
    const out = tempDir();
    const a = runCli(["build", "examples", "--out-dir", join(out, "a")], { env: { TZ: "Asia/Ho_Chi_Minh", SOURCE_DATE_EPOCH: "1735689600" } });
    const b = runCli(["build", "examples", "--out-dir", join(out, "b")], { env: { TZ: "America/Los_Angeles", SOURCE_DATE_EPOCH: "1735689600" } });
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const fa = files(join(out, "a")).map((f) => relative(join(out, "a"), f));
    // every plan of the folder (the five seeds' and the examples in other provinces' styles, the two table
    // examples in their own folders with their spreadsheet or tasks), no office profile
    const plans = [
      ...readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, ".docx")),
      "phu-luc-bang-tinh/ke-hoach.docx",
      "phu-luc-nhiem-vu/ke-hoach.docx",
    ];
    expect(fa.sort()).toEqual(plans.sort());
    expect(fa.filter((f) => /^\d{3}-.*\.docx$/.test(f))).toHaveLength(5);
    for (const f of fa) expect(sha(join(out, "b", f)), f).toBe(sha(join(out, "a", f)));
    const c = runCli(["build", "examples", "--out-dir", join(out, "c")], { env: { SOURCE_DATE_EPOCH: "1767225600" } });
    expect(c.code).toBe(0);
    expect(sha(join(out, "c", fa[0]!))).not.toBe(sha(join(out, "a", fa[0]!)));
  }, 60_000);

  it("builds every good plan of a folder, reports the broken one at file:line:col, leaves nothing half-written, exits 1", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "nam-2025", "quy-2"), { recursive: true });
    writeFileSync(join(dir, "nam-2025", "a.yaml"), MINIMAL_PLAN);
    writeFileSync(join(dir, "nam-2025", "quy-2", "b.yaml"), MINIMAL_PLAN.replace("Thực hiện công tác", "Triển khai công tác"));
    writeFileSync(join(dir, "nam-2025", "c.yaml"), MINIMAL_PLAN.replace('ngay: "2025-03-05"', "ngay: 2025-03-05 x: y"));
    writeFileSync(join(dir, "nam-2025", "d.yaml"), MINIMAL_PLAN.replace("  - Các trường học\n", "  - Các trường học\n  - 12\n"));
    const r = runCli(["build", "nam-2025", "--out-dir", "out", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toMatchObject({ plans: 4, failed: 2 });
    expect(doc.outputs).toEqual([
      { source: "nam-2025/a.yaml", docx: "out/a.docx" },
      { source: "nam-2025/quy-2/b.yaml", docx: "out/quy-2/b.docx" },
    ]);
    expect(doc.findings.map((f: { file: string; line: number; column: number }) => `${f.file}:${f.line}`)).toEqual(["nam-2025/c.yaml:7", "nam-2025/d.yaml:23"]);
    expect(files(join(dir, "out")).map((f) => relative(dir, f))).toEqual(["out/a.docx", "out/quy-2/b.docx"]);
    expect(files(join(dir, "nam-2025")).filter((f) => !f.endsWith(".yaml"))).toEqual([]);
  });

  it("takes quoted globs and skips profiles and other YAML in folders", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "2025", "q1"), { recursive: true });
    writeFileSync(join(dir, "2025", "q1", "a.yaml"), MINIMAL_PLAN);
    writeFileSync(join(dir, "2025", "b.yaml"), MINIMAL_PLAN);
    writeFileSync(join(dir, "2025", "co-quan.yaml"), "co_quan: { viet_tat: UBND }\n");
    writeFileSync(join(dir, "2025", "ci.yml"), "stages: [build]\n");
    const r = runCli(["build", "2025/**/*.yaml", "--out-dir", "out", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).outputs.map((o: { docx: string }) => o.docx)).toEqual(["out/b.docx", "out/q1/a.docx"]);
    const none = runCli(["check", "2025/*.txt"], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('không có tệp kế hoạch nào khớp với "2025/*.txt"');
  });

  it("builds in parallel across workers with the same bytes as one by one", () => {
    const dir = tempDir();
    for (let i = 0; i < 6; i++) writeFileSync(join(dir, `p${i}.yaml`), MINIMAL_PLAN.replace('so: "5"', `so: "${i + 1}"`));
    const par = runCli(["build", ".", "--out-dir", "par", "--jobs", "3"], { cwd: dir });
    expect(par.code).toBe(0);
    expect(par.stderr.split("\n").filter((l) => l.includes("đã xuất"))).toHaveLength(6);
    expect(runCli(["build", ".", "--out-dir", "seq", "-j", "1"], { cwd: dir }).code).toBe(0);
    for (let i = 0; i < 6; i++) {
      expect(runCli(["build", `p${i}.yaml`, "-o", `one${i}.docx`], { cwd: dir }).code).toBe(0);
      expect(sha(join(dir, "par", `p${i}.docx`))).toBe(sha(join(dir, `one${i}.docx`)));
      expect(sha(join(dir, "seq", `p${i}.docx`))).toBe(sha(join(dir, `one${i}.docx`)));
    }
    const bad = runCli(["build", ".", "--jobs", "0"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--jobs cần một số nguyên dương, không phải "0"');
  });

  it("never overwrites the source and reports an unwritable output in Vietnamese", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    const same = runCli(["build", "p.yaml", "-o", "p.yaml"], { cwd: dir });
    expect(same.code).toBe(1);
    expect(same.stderr).toContain("trùng với tệp nguồn");
    expect(readFileSync(join(dir, "p.yaml"), "utf8")).toBe(MINIMAL_PLAN);
    // a folder nobody can write to, root included (CI runs as root, so a chmod'ed folder would not do)
    const ro = runCli(["build", "p.yaml", "-o", "/proc/kehoach-test/p.docx"], { cwd: dir });
    expect(ro.code).toBe(1);
    expect(ro.stderr).toContain('không ghi được tệp "/proc/kehoach-test/p.docx"');
    expect(runCli(["build", "p.yaml", "-o", "moi/x.docx"], { cwd: dir }).code).toBe(0); // missing folders are made
    writeFileSync(join(dir, "blocker"), "not a folder");
    const notDir = runCli(["build", "p.yaml", "-o", "blocker/x.docx"], { cwd: dir });
    expect(notDir.code).toBe(1);
    expect(notDir.stderr).toMatch(/p\.yaml:1:1  lỗi  không ghi được tệp "blocker\/x\.docx" \(E[A-Z]+\)/);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("replaces a symlink at the output path instead of writing through it", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    writeFileSync(join(dir, "important.txt"), "giữ nguyên");
    symlinkSync(join(dir, "important.txt"), join(dir, "p.docx"));
    expect(runCli(["build", "p.yaml"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "important.txt"), "utf8")).toBe("giữ nguyên");
    expect(statSync(join(dir, "p.docx")).size).toBeGreaterThan(1000);
  });

  it("--pdf writes a PDF through LibreOffice, or names the package to install", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    if (HAS_SOFFICE) {
      const haveSoffice = runCli(["build", "p.yaml", "--pdf"], { cwd: dir, env: { PATH: process.env.PATH }, timeout: 240_000 });
      expect(haveSoffice.code, haveSoffice.stderr).toBe(0);
      expect(readFileSync(join(dir, "p.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    }
    const none = runCli(["build", "p.yaml", "--pdf", "-o", "q.docx"], { cwd: dir, env: { PATH: "/nonexistent" } });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("apt-get install libreoffice-writer-nogui");
    expect(existsSync(join(dir, "q.pdf"))).toBe(false);
  }, 300_000);
});

describe("kehoach build on a terminal", () => {
  const hasScript = existsSync("/usr/bin/script");
  it.runIf(hasScript)("shows a progress bar with the current plan, then the summary", async () => {
    const { spawnSync } = await import("node:child_process");
    const { CLI } = await import("./helpers.js");
    const dir = tempDir();
    for (let i = 1; i <= 5; i++) writeFileSync(join(dir, `p${i}.yaml`), MINIMAL_PLAN);
    // script(1) gives the command a pseudo-terminal, as a clerk's console would
    const r = spawnSync("/usr/bin/script", ["-qec", `"${process.execPath}" "${CLI}" build . --out-dir out`, "/dev/null"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\r\x1b\[K\[#+-*\] 1\/5 \.?\/?p\d\.yaml/);
    expect(r.stdout).toContain("[########################] 5/5");
    expect(r.stdout).toContain("Đã xuất 5 kế hoạch, 0 lỗi");
  });
});

describe("kehoach build --watch", () => {
  it("rebuilds when the plan is saved and prints the findings", async () => {
    const { spawn } = await import("node:child_process");
    const { CLI } = await import("./helpers.js");
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    const child = spawn(process.execPath, [CLI, "build", "--watch", "p.yaml"], { cwd: dir });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const until = async (pred: () => boolean, ms = 20_000): Promise<void> => {
      const end = Date.now() + ms;
      while (!pred()) {
        if (Date.now() > end) throw new Error(`timeout; stderr so far:\n${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await until(() => err.includes("Đã xuất 1 kế hoạch"));
      expect(err).toContain("Đang theo dõi p.yaml");
      const first = readFileSync(join(dir, "p.docx"));
      writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN.replace('so: "5"', 'so: "6"'));
      await until(() => err.includes("p.yaml thay đổi, đang xuất lại") && err.split("Đã xuất 1 kế hoạch").length > 2);
      expect(readFileSync(join(dir, "p.docx")).equals(first)).toBe(false);
      writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN.replace('so: "5"', "so: 7"));
      await until(() => err.includes("p.yaml:6:5  lỗi"));
    } finally {
      child.kill();
    }
  }, 60_000);
});

describe("the bundle's start", () => {
  it("loads the bundle with the code cache the build made, and V8 accepts it", async () => {
    const boot = (await import(String(join(ROOT, "dist", "boot.js")))) as {
      bundleScript(c?: Buffer, bundle?: string): { cachedDataRejected?: boolean };
      bundleFor(argv: string[]): string;
      v8FlagsFor(argv: string[], makingCache: boolean): string | undefined;
      BUNDLE: string;
      CODE_CACHE: string;
      IMPORT_BUNDLE: string;
      IMPORT_CODE_CACHE: string;
    };
    const cache = readFileSync(boot.CODE_CACHE);
    expect(cache.length).toBeGreaterThan(100_000);
    expect(boot.bundleScript(cache).cachedDataRejected).toBe(false);
    // an import without the proof starts from its own bundle and cache, made by the build from such an import; the rest from the whole one
    const importCache = readFileSync(boot.IMPORT_CODE_CACHE);
    expect(importCache.length).toBeGreaterThan(100_000);
    expect(boot.bundleScript(importCache, boot.IMPORT_BUNDLE).cachedDataRejected).toBe(false);
    expect(readFileSync(boot.IMPORT_BUNDLE).length).toBeLessThan(readFileSync(boot.BUNDLE).length / 2);
    expect(boot.bundleFor(["node", "kehoach", "import", "a.docx", "--no-proof"])).toBe(boot.IMPORT_BUNDLE);
    for (const argv of [["import", "a.docx"], ["build", "p.yaml"], ["fmt", "--no-proof"]]) expect(boot.bundleFor(["node", "kehoach", ...argv])).toBe(boot.BUNDLE);
    // an import tiers up later; a build keeps V8's defaults, and so does the build making a cache
    expect(boot.v8FlagsFor(["node", "kehoach", "import", "a.docx", "--no-proof"], false)).toBe("--interrupt-budget=540672");
    expect(boot.v8FlagsFor(["node", "kehoach", "import", "a.docx", "--no-proof"], true)).toBeUndefined();
    expect(boot.v8FlagsFor(["node", "kehoach", "build", "p.yaml"], false)).toBeUndefined();
    // a cache that does not fit is refused by V8, and the bundle still runs (compiled as usual)
    expect(boot.bundleScript(Buffer.from("not a code cache")).cachedDataRejected).toBe(true);
    expect(runCli(["--help"]).code).toBe(0);
  });

  it("is ASCII, so that the launcher reads it as latin1 (its Vietnamese patterns escaped; the examples' builds test them), and keeps its \\p{…} patterns literal", () => {
    const bundle = readFileSync(join(ROOT, "dist", "bundle", "kehoach.cjs"), "utf8");
    expect(bundle.match(/[^\x00-\x7f]/g) ?? []).toEqual([]);
    expect(readFileSync(join(ROOT, "dist", "bundle", "kehoach-import.cjs"), "utf8").match(/[^\x00-\x7f]/g) ?? []).toEqual([]);
    expect(bundle).toContain("/^\\s*L\\u01b0u\\b/i");
    // patterns with \p{…} stay literals (made once), not a new RegExp() at every call
    expect(bundle).toContain("/\\p{L}/u.test(");
    expect(bundle).not.toContain('new RegExp("\\\\p{L}","u")');
  });

  it("says in Vietnamese how to build kehoach when it has not been built", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "bin"));
    writeFileSync(join(dir, "bin", "kehoach.cjs"), readFileSync(CLI));
    const r = spawnSync(process.execPath, [join(dir, "bin", "kehoach.cjs"), "--help"], { encoding: "utf8" });
    expect(r.status).toBe(70);
    expect(r.stderr).toContain("kehoach chưa được dựng: hãy chạy `npm install`");
  });

  it("loads only what a single build needs: no worker threads, child processes or promise fs", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    const probe = join(dir, "probe.cjs");
    // the modules Node loaded, written as the process ends
    writeFileSync(probe, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(join(dir, "modules.json"))}, JSON.stringify(process.moduleLoadList)));\nrequire(${JSON.stringify(CLI)});\n`);
    const r = spawnSync(process.execPath, [probe, "build", join(dir, "p.yaml")], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, "p.docx"))).toBe(true);
    const loaded = JSON.parse(readFileSync(join(dir, "modules.json"), "utf8")) as string[];
    expect(loaded).toContain("NativeModule zlib");
    for (const m of ["worker_threads", "child_process", "fs/promises"]) expect(loaded).not.toContain(`NativeModule ${m}`);
  });

  it("loads only what an import of a .docx needs: no LibreOffice route (child processes, os), worker threads or promise fs", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    expect(spawnSync(process.execPath, [CLI, "build", join(dir, "p.yaml")], { encoding: "utf8" }).status).toBe(0);
    const probe = join(dir, "probe.cjs");
    writeFileSync(probe, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(join(dir, "modules.json"))}, JSON.stringify(process.moduleLoadList)));\nrequire(${JSON.stringify(CLI)});\n`);
    const r = spawnSync(process.execPath, [probe, "import", join(dir, "p.docx"), "--no-proof", "--out-dir", join(dir, "out")], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, "out", "p.yaml"))).toBe(true);
    const loaded = JSON.parse(readFileSync(join(dir, "modules.json"), "utf8")) as string[];
    expect(loaded).toContain("NativeModule zlib");
    for (const m of ["worker_threads", "child_process", "os", "fs/promises"]) expect(loaded).not.toContain(`NativeModule ${m}`);
  });
});
