/**
 * Batches that used to stop, collide or write over what they must not (issue #14): a plan that
 * exhausts a worker's memory, special files at output paths, two plans writing one file, the
 * command line's usage errors, folder scans, SOURCE_DATE_EPOCH, and interruptions.
 */
import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, openSync, closeSync, ftruncateSync, readdirSync, readFileSync, readlinkSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { buildParallel, type BuildResult } from "../src/commands/build.js";
import { expandArgs } from "../src/commands/expand.js";
import { footnotesAtLimit, makeSpecial, manyFootnotes, manyItems, withText } from "./fuzz/limits.js";
import { TEXT_LIMITS } from "../src/normalize/text.js";
import { CLI, MINIMAL_PLAN, ROOT, runCli, tempDir } from "./helpers.js";

const plan = (n: number): string => MINIMAL_PLAN.replace('so: "5"', `so: "${n}"`);

interface JsonReport {
  summary: { plans: number; failed: number };
  findings: { file: string; rule: string; message: string; severity: string }[];
  outputs: { source: string; docx: string }[];
}

describe("a batch goes on when one plan fails", () => {
  it("a plan at each limit among ordinary plans: each builds, the JSON is printed; a plan past a text limit is one failed plan at its line:col", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a-footnotes-at-size-limit.yaml"), footnotesAtLimit());
    writeFileSync(join(dir, "b-items-at-limit.yaml"), manyItems(49_900));
    writeFileSync(join(dir, "c-footnotes-at-limit.yaml"), manyFootnotes(TEXT_LIMITS.footnotes));
    writeFileSync(join(dir, "c-emphases-at-limit.yaml"), withText("**a** ".repeat(TEXT_LIMITS.emphases)));
    writeFileSync(join(dir, "c-paragraphs-at-limit.yaml"), withText(Array.from({ length: TEXT_LIMITS.paragraphs }, (_, i) => `Đoạn ${i}.`).join("\n\n")));
    for (let i = 1; i <= 3; i++) writeFileSync(join(dir, `d${i}.yaml`), plan(i));
    const r = runCli(["build", ".", "--out-dir", "out", "--format", "json", "-j", "2"], { cwd: dir, timeout: 120_000 });
    const doc = JSON.parse(r.stdout) as JsonReport;
    const built = doc.outputs.map((o) => o.source).sort();
    expect(built, r.stderr).toEqual(["b-items-at-limit.yaml", "c-emphases-at-limit.yaml", "c-footnotes-at-limit.yaml", "c-paragraphs-at-limit.yaml", "d1.yaml", "d2.yaml", "d3.yaml"]);
    // 349,000 footnotes in 2 MB once took a worker's memory: now refused where the 5,001st stands
    const big = doc.findings.filter((f) => f.file === "a-footnotes-at-size-limit.yaml" && f.severity === "error");
    expect(big.map((f) => f.rule)).toEqual(["limit.text"]);
    expect(big[0]!.message).toContain("quá nhiều chú thích (tối đa 5.000");
    expect(doc.summary).toMatchObject({ plans: 8, failed: 1 });
    expect(readdirSync(join(dir, "out")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 180_000);

  it("a worker that runs out of memory is one failed plan (build.memory); the worker is replaced and the others are built", () => {
    const dir = tempDir();
    // a plan well within the limits, in a worker given too small a heap for it
    writeFileSync(join(dir, "a-big.yaml"), manyItems(49_900));
    for (let i = 1; i <= 3; i++) writeFileSync(join(dir, `d${i}.yaml`), plan(i));
    const r = runCli(["build", ".", "--out-dir", "out", "--format", "json", "-j", "2"], { cwd: dir, timeout: 120_000, env: { KEHOACH_WORKER_HEAP_MB: "24" } });
    const doc = JSON.parse(r.stdout) as JsonReport;
    const big = doc.findings.filter((f) => f.file === "a-big.yaml" && f.severity === "error");
    expect(big.map((f) => f.rule)).toEqual(["build.memory"]);
    expect(big[0]!.message).toContain("bộ nhớ");
    expect(doc.outputs.map((o) => o.source).sort()).toEqual(["d1.yaml", "d2.yaml", "d3.yaml"]);
    expect(doc.summary).toMatchObject({ plans: 4, failed: 1 });
    expect(r.code).toBe(1);
    expect(readdirSync(join(dir, "out")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 180_000);

  it("a small file that needs more than an ordinary worker's heap is built again alone in the large heap; no plan fails for the small heap", () => {
    const dir = tempDir();
    // 3,000 footnotes in 18 KB: an ordinary plan by its size, taken first by the ordinary worker, whose heap it outgrows
    writeFileSync(join(dir, "a-notes.yaml"), manyFootnotes(3000));
    for (let i = 1; i <= 6; i++) writeFileSync(join(dir, `d${i}.yaml`), plan(i));
    const run = (env: Record<string, string>): { doc: JsonReport; code: number | null } => {
      const r = runCli(["build", ".", "--out-dir", "out", "--format", "json", "-j", "2"], { cwd: dir, timeout: 120_000, env: { KEHOACH_SMALL_WORKER_HEAP_MB: "16", ...env } });
      return { doc: JSON.parse(r.stdout) as JsonReport, code: r.code };
    };
    // the large heap made too small as well: the plan fails there, named with the large heap's size
    const tooSmall = run({ KEHOACH_WORKER_HEAP_MB: "20" });
    const errors = tooSmall.doc.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.file, f.rule])).toEqual([["a-notes.yaml", "build.memory"]]);
    expect(errors[0]!.message).toContain("20 MB");
    expect(tooSmall.doc.outputs.map((o) => o.source).sort()).toEqual(["d1.yaml", "d2.yaml", "d3.yaml", "d4.yaml", "d5.yaml", "d6.yaml"]);
    // ordinary plans are built in the ordinary workers' heap: given room there, none goes to the large one
    const roomy = run({ KEHOACH_WORKER_HEAP_MB: "20", KEHOACH_SMALL_WORKER_HEAP_MB: "256" });
    expect(roomy.doc.findings.filter((f) => f.severity === "error")).toEqual([]);
    // with the large heap as shipped, every plan is built
    const shipped = run({});
    expect(shipped.code).toBe(0);
    expect(shipped.doc.outputs.map((o) => o.source).sort()).toEqual(["a-notes.yaml", "d1.yaml", "d2.yaml", "d3.yaml", "d4.yaml", "d5.yaml", "d6.yaml"]);
    expect(readdirSync(join(dir, "out")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 180_000);

  it("an exception in one plan's build is one failed plan with a Vietnamese finding; the others are built", async () => {
    const dir = tempDir();
    const plans = [1, 2, 3].map((n) => {
      writeFileSync(join(dir, `p${n}.yaml`), plan(n));
      return { file: join(dir, `p${n}.yaml`), root: dir };
    });
    const results: BuildResult[] = [];
    const { buildOne } = await import("../src/commands/build.js");
    await buildParallel(plans, { format: "json", jobs: 1 }, (i, r) => (results[i] = r), async (p, o) => {
      if (p.file.endsWith("p2.yaml")) throw new TypeError("Cannot read properties of undefined");
      return buildOne(p, o);
    });
    expect(results.map((r) => Boolean(r.output))).toEqual([true, false, true]);
    expect(results[1]!.findings.map((f) => f.rule)).toEqual(["build.internal"]);
    expect(results[1]!.findings[0]!.message).toContain("lỗi nội bộ khi xuất kế hoạch này");
  });

  it("an exception in a worker's build too (the worker stays, the batch ends with every plan told)", async () => {
    // from dist: the workers start from dist/commands/build-worker.js
    const dist = (await import(join(ROOT, "dist", "commands", "build.js"))) as typeof import("../src/commands/build.js");
    const dir = tempDir();
    const plans = [1, 2, 3, 4, 5, 6].map((n) => {
      writeFileSync(join(dir, `p${n}.yaml`), plan(n));
      return { file: join(dir, `p${n}.yaml`), root: dir };
    });
    const results: BuildResult[] = [];
    // an --out-dir that is no path makes buildOne throw, in every thread, after the plan is rendered
    await dist.buildParallel(plans, { format: "json", jobs: 2, outDir: 42 as unknown as string }, (i, r) => (results[i] = r));
    expect(results.map((r) => r.findings.map((f) => f.rule))).toEqual(plans.map(() => ["build.internal"]));
  });
});

describe("special files at an output path", () => {
  it("refuses a FIFO or a symlink to a device at the .docx or .pdf path: exit 1, nothing touched", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    makeSpecial("fifo", join(dir, "fifo.docx"));
    makeSpecial("symlink-to-device", join(dir, "null.docx"));
    for (const out of ["fifo.docx", "null.docx"]) {
      const r = runCli(["build", "p.yaml", "-o", out], { cwd: dir });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`"${out}" không phải tệp thường`);
    }
    expect(lstatSync(join(dir, "fifo.docx")).isFIFO()).toBe(true);
    expect(readlinkSync(join(dir, "null.docx"))).toBe("/dev/null");
    // the .pdf's path is checked before the .docx is written
    makeSpecial("fifo", join(dir, "q.pdf"));
    const pdf = runCli(["build", "p.yaml", "-o", "q.docx", "--pdf"], { cwd: dir, env: { PATH: "/nonexistent" } });
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toContain('"q.pdf" không phải tệp thường');
    expect(existsSync(join(dir, "q.docx"))).toBe(false);
    expect(lstatSync(join(dir, "q.pdf")).isFIFO()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("output collisions", () => {
  it("x.yaml beside x.yml: neither is built, both named; the other plans are built", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "x.yaml"), plan(1));
    writeFileSync(join(dir, "x.yml"), plan(2));
    writeFileSync(join(dir, "y.yaml"), plan(3));
    const r = runCli(["build", ".", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.outputs.map((o) => o.source)).toEqual(["y.yaml"]);
    const collisions = doc.findings.filter((f) => f.rule === "output.collision");
    expect(collisions.map((f) => f.file).sort()).toEqual(["x.yaml", "x.yml"]);
    expect(collisions[0]!.message).toContain('"x.docx"');
    expect(collisions.find((f) => f.file === "x.yaml")!.message).toContain('"x.yml"');
    expect(existsSync(join(dir, "x.docx"))).toBe(false);
  });

  it("--out-dir with plans of the same name from different folders", () => {
    const dir = tempDir();
    for (const d of ["a", "b"]) {
      mkdirSync(join(dir, d));
      writeFileSync(join(dir, d, "p.yaml"), plan(d === "a" ? 1 : 2));
    }
    const r = runCli(["build", "a", "b", "--out-dir", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a\/p\.yaml:1:1 {2}lỗi {2}tệp xuất "out\/p\.docx" trùng với tệp xuất của "b\/p\.yaml"/);
    expect(existsSync(join(dir, "out", "p.docx"))).toBe(false);
  });

  it("-o with --out-dir is a usage error", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    const r = runCli(["build", "p.yaml", "-o", "q.docx", "--out-dir", "out"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("không dùng cả hai");
    expect(readdirSync(dir)).toEqual(["p.yaml"]);
  });

  it("--pdf never overwrites a source: a plan named plan.pdf, or a profile named by ho_so", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "plan.pdf"), MINIMAL_PLAN);
    const r = runCli(["build", "plan.pdf", "-o", "plan.docx", "--pdf"], { cwd: dir, env: { PATH: "/nonexistent" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"plan.pdf" trùng với tệp nguồn');
    expect(readFileSync(join(dir, "plan.pdf"), "utf8")).toBe(MINIMAL_PLAN);
    expect(existsSync(join(dir, "plan.docx"))).toBe(false);
    // the profile, found only when the plan is read
    const profile = "co_quan:\n  ten: [ỦY BAN NHÂN DÂN, XÃ BẰNG MẠC]\n  ten_goi: Ủy ban nhân dân xã Bằng Mạc\n  viet_tat: UBND\n  dia_danh: Bằng Mạc\n";
    writeFileSync(join(dir, "hs.pdf"), profile);
    writeFileSync(join(dir, "k.yaml"), "ho_so: hs.pdf\n" + MINIMAL_PLAN.replace(/^co_quan:\n(?: {2}.*\n)+/, ""));
    const p = runCli(["build", "k.yaml", "-o", "hs.docx", "--pdf"], { cwd: dir, env: { PATH: "/nonexistent" } });
    expect(p.code, p.stderr).toBe(1);
    expect(p.stderr).toContain('"hs.pdf" trùng với tệp nguồn');
    expect(readFileSync(join(dir, "hs.pdf"), "utf8")).toBe(profile);
  });
});

describe("the command line", () => {
  it("no arguments: the help on stderr, exit 2", () => {
    const r = runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Cách dùng: kehoach");
  });

  it("an unknown command, even with --help, is a usage error naming it, with the nearest command", () => {
    const r = runCli(["nosuch", "--help"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không có lệnh "nosuch"');
    expect(r.stdout).toBe("");
    expect(runCli(["bulid", "p.yaml"]).stderr).toContain('Có phải ý bạn là "build"?');
    expect(runCli(["--help"]).code).toBe(0);
  });

  it("--format xml quotes the value", () => {
    const r = runCli(["build", "--format", "xml", "p.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('định dạng "xml" không hợp lệ');
  });

  it("SOURCE_DATE_EPOCH outside 1980..2099 or not whole seconds is a usage error, nothing built", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    for (const v of ["99999999999999", "253402300800", "0", "4102444800", "1.5", "-1", "abc"]) {
      const r = runCli(["build", "p.yaml"], { cwd: dir, env: { SOURCE_DATE_EPOCH: v } });
      expect(r.code, v).toBe(2);
      expect(r.stderr, v).toContain(`SOURCE_DATE_EPOCH = "${v}" không dùng được`);
    }
    expect(existsSync(join(dir, "p.docx"))).toBe(false);
    for (const v of ["315532800", "4102444799", ""]) expect(runCli(["build", "p.yaml"], { cwd: dir, env: { SOURCE_DATE_EPOCH: v } }).code, v).toBe(0);
  });
});

describe("folder scans", () => {
  it("read only the start of a YAML file to tell a plan (a 3 GB file is found, not read)", () => {
    const dir = tempDir();
    const big = openSync(join(dir, "big.yaml"), "w");
    writeSync(big, "trich_yeu: Kế hoạch lớn\n");
    ftruncateSync(big, 3 * 1024 ** 3); // sparse: no disk used
    closeSync(big);
    expect(expandArgs([dir]).plans.map((p) => p.file)).toEqual([join(dir, "big.yaml")]);
  });

  it("say which folders they could not read", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "plans", "secret"), { recursive: true });
    writeFileSync(join(dir, "plans", "p.yaml"), MINIMAL_PLAN);
    chmodSync(join(dir, "plans", "secret"), 0o000);
    chmodSync(dir, 0o755);
    // as root every folder is readable: the check runs as nobody
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, [CLI, "check", "plans"], { cwd: dir, encoding: "utf8", ...asNobody });
    chmodSync(join(dir, "plans", "secret"), 0o755);
    expect(r.stderr).toContain('plans/secret:1:1  cảnh báo  không đọc được thư mục "plans/secret"');
    expect(r.status).toBe(0);
  });
});

describe("interrupted batches", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)("%s: the workers stop, no .tmp file is left, exit %i", async (signal, code) => {
    const dir = tempDir();
    // enough plans that the batch is still busy when the signal comes, on a loaded machine too
    for (let i = 0; i < 1500; i++) writeFileSync(join(dir, `p${i}.yaml`), plan(i + 1));
    const child = spawn(process.execPath, [CLI, "build", ".", "--out-dir", "out", "-j", "2"], { cwd: dir });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const end = Date.now() + 30_000;
    while (!err.includes("đã xuất") && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(err).toContain("đã dừng theo yêu cầu");
    expect(readdirSync(join(dir, "out")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(readdirSync(join(dir, "out")).length).toBeLessThan(1500);
  }, 60_000);
});
