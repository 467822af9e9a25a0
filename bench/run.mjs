// npm run bench: kehoach against pandoc and bare Node, as whole processes (see bench/README.md).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./gen.mjs";
import { importFigures, importRows } from "./import.mjs";
import { toMarkdown } from "./to-markdown.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "bin", "kehoach.cjs");
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const RUNS = arg("--runs", 7);
const PLANS = arg("--plans", 500);
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** Runs a command once, in this machine's environment or `env`; wall time in ms and peak RSS in MB (from /usr/bin/time when available). */
function once(cmd, args, cwd, env = process.env) {
  const t0 = process.hrtime.bigint();
  const r = TIME
    ? spawnSync(TIME, ["-f", "%M", cmd, ...args], { cwd, env, encoding: "utf8", maxBuffer: 1 << 28 })
    : spawnSync(cmd, args, { cwd, env, encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
  const rss = TIME ? Number(r.stderr.trim().split("\n").pop()) / 1024 : NaN;
  return { ms, rss };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Runs the commands in turns (a, b, c, a, b, c, …) so that each ratio compares runs made in the
 * same minutes: this machine's speed drifts by more than the differences measured. Two rounds of
 * warm-up (file cache, not the process), then `runs` rounds; median time and peak RSS of each.
 */
function measureSideBySide(commands, runs = RUNS) {
  const times = commands.map(() => []);
  for (let round = -2; round < runs; round++) {
    commands.forEach(([cmd, args, cwd], i) => {
      const r = once(cmd, args, cwd);
      if (round >= 0) times[i].push(r);
    });
  }
  return times.map((rs) => ({ ms: median(rs.map((r) => r.ms)), rss: Math.max(...rs.map((r) => r.rss)) }));
}

const work = mkdtempSync(join(tmpdir(), "kehoach-bench-"));
const examples = readdirSync(join(ROOT, "examples")).filter((f) => /^\d{3}-.*\.yaml$/.test(f));
const largest = examples.map((f) => join(ROOT, "examples", f)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
const md = join(work, "plan.md");
writeFileSync(md, toMarkdown(largest));

const rows = [];
const results = { date: new Date().toISOString(), machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version }, plan: largest.slice(ROOT.length + 1) };
const pandoc = has("pandoc");
if (pandoc) results.machine.pandoc = spawnSync("pandoc", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0];

const [k1, node0, p1] = measureSideBySide([
  [process.execPath, [CLI, "build", largest, "-o", join(work, "k.docx")], work],
  [process.execPath, ["-e", "0"], work],
  ...(pandoc ? [["pandoc", [md, "-o", join(work, "p.docx")], work]] : []),
]);
results.single = { kehoach_ms: k1.ms, kehoach_rss_mb: k1.rss, node_ms: node0.ms, node_rss_mb: node0.rss };
if (p1) Object.assign(results.single, { pandoc_ms: p1.ms, pandoc_rss_mb: p1.rss });

// import: .docx files back to YAML, without and with the proof, against pandoc reading them (bench/import.mjs)
results.import = await importFigures({ root: ROOT, cli: CLI, work, runs: RUNS, pandoc, soffice: has("soffice"), exampleDocx: join(work, "k.docx"), exampleName: results.plan, once, median });

// batch: PLANS generated plans, one kehoach build against PLANS pandoc runs
const plansDir = join(work, "plans");
const files = generate(ROOT, plansDir, PLANS);
const check = spawnSync(process.execPath, [CLI, "check", plansDir, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 28 });
if (check.status !== 0) throw new Error(`generated plans do not pass check:\n${check.stdout.slice(0, 2000)}`);
// the batch in turns with pandoc: each round one kehoach build of all the plans, then a share of
// the pandoc runs (50 in all, each on another plan), scaled to PLANS
const rounds = Math.min(RUNS, 3);
const batchRuns = [];
const mdDir = mkdtempSync(join(work, "md-"));
const sample = pandoc ? Math.min(50, PLANS) : 0;
const mds = files.slice(0, sample).map((f, i) => {
  const p = join(mdDir, `p${i}.md`);
  writeFileSync(p, toMarkdown(f));
  return p;
});
let pandocMs = 0;
let pandocRss = 0;
const kbArgs = [CLI, "build", plansDir, "--out-dir", join(work, "out")];
for (let i = 0; i < 2; i++) once(process.execPath, kbArgs, work); // warm-up
if (sample) once("pandoc", [mds[0], "-o", join(mdDir, "w.docx")], work);
for (let round = 0; round < rounds; round++) {
  batchRuns.push(once(process.execPath, kbArgs, work));
  for (let j = round; j < sample; j += rounds) {
    const r = once("pandoc", [mds[j], "-o", mds[j].replace(/\.md$/, ".docx")], work);
    pandocMs += r.ms;
    pandocRss = Math.max(pandocRss, r.rss);
  }
}
const kb = { ms: median(batchRuns.map((r) => r.ms)), rss: Math.max(...batchRuns.map((r) => r.rss)) };
results.batch = { plans: PLANS, kehoach_ms: kb.ms, kehoach_rss_mb: kb.rss, kehoach_plans_per_s: PLANS / (kb.ms / 1000) };
if (sample) {
  const per = pandocMs / sample;
  Object.assign(results.batch, { pandoc_ms: per * PLANS, pandoc_measured_runs: sample, pandoc_rss_mb: pandocRss, pandoc_plans_per_s: 1000 / per });
}

// --pdf: a batch of PDF_PLANS plans in one build (one LibreOffice run per package date) against
// the same plans each built with --pdf on its own (one LibreOffice start each), in turns
const PDF_PLANS = arg("--pdf-plans", 50);
if (has("soffice") && PDF_PLANS > 0) {
  const pdfDir = join(work, "pdf");
  const pdfFiles = generate(ROOT, pdfDir, PDF_PLANS);
  const env = { ...process.env, SOURCE_DATE_EPOCH: "1741132800" };
  const t0 = process.hrtime.bigint();
  const batch = spawnSync(process.execPath, [CLI, "build", pdfDir, "--pdf", "--out-dir", join(work, "pdf-batch")], { env, encoding: "utf8", maxBuffer: 1 << 28 });
  const batchMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (batch.status !== 0) throw new Error(`--pdf batch failed:\n${batch.stderr.slice(0, 2000)}`);
  let separateMs = 0;
  for (const [i, f] of pdfFiles.entries()) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [CLI, "build", f, "--pdf", "-o", join(work, "pdf-one", `p${i}.docx`)], { env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`--pdf of ${f} failed:\n${r.stderr.slice(0, 2000)}`);
    separateMs += Number(process.hrtime.bigint() - t) / 1e6;
  }
  results.pdf = { plans: PDF_PLANS, batch_ms: batchMs, separate_ms: separateMs, speedup: separateMs / batchMs };
}

const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : "–");
const ok = (b) => (b === undefined ? "–" : b ? "ok" : "NOT OK");
const s = results.single;
const b = results.batch;
results.targets = {
  single_vs_pandoc: pandoc ? s.kehoach_ms / s.pandoc_ms : null,
  single_vs_node: s.kehoach_ms / s.node_ms,
  batch_speedup_vs_pandoc: pandoc ? b.pandoc_ms / b.kehoach_ms : null,
  batch_rss_mb: b.kehoach_rss_mb,
};
const t = results.targets;
rows.push(["cold build, largest example", `${fmt(s.kehoach_ms)} ms, ${fmt(s.kehoach_rss_mb)} MB`, "", ""]);
if (pandoc) rows.push(["pandoc, same content", `${fmt(s.pandoc_ms)} ms, ${fmt(s.pandoc_rss_mb)} MB`, "", ""]);
rows.push(["node -e 0", `${fmt(s.node_ms)} ms, ${fmt(s.node_rss_mb)} MB`, "", ""]);
if (pandoc) rows.push(["kehoach / pandoc", fmt(t.single_vs_pandoc, 2), "≤ 1.5", ok(t.single_vs_pandoc <= 1.5)]);
rows.push(["kehoach / node", fmt(t.single_vs_node, 2), "≤ 2.5", ok(t.single_vs_node <= 2.5)]);
rows.push(...importRows(results.import, fmt, ok, pandoc));
rows.push([`batch of ${PLANS}, one kehoach build`, `${fmt(b.kehoach_ms)} ms (${fmt(b.kehoach_plans_per_s, 1)} plans/s)`, "", ""]);
if (pandoc) rows.push([`${PLANS} pandoc runs (${b.pandoc_measured_runs} measured, scaled)`, `${fmt(b.pandoc_ms)} ms (${fmt(b.pandoc_plans_per_s, 1)} plans/s)`, "", ""]);
if (pandoc) rows.push(["batch speed-up vs pandoc", `${fmt(t.batch_speedup_vs_pandoc, 1)}×`, "≥ 20×", ok(t.batch_speedup_vs_pandoc >= 20)]);
rows.push(["batch peak RSS", `${fmt(b.kehoach_rss_mb)} MB`, "< 200 MB", ok(b.kehoach_rss_mb < 200)]);
if (results.pdf) {
  const p = results.pdf;
  rows.push([`${p.plans} plans with --pdf, one build`, `${fmt(p.batch_ms)} ms`, "", ""]);
  rows.push([`${p.plans} plans with --pdf, one build each`, `${fmt(p.separate_ms)} ms`, "", ""]);
  rows.push(["--pdf batch speed-up", `${fmt(p.speedup, 1)}×`, "", ""]);
}
const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 6));
console.log(`machine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGB} GB, Node ${results.machine.node}${pandoc ? `, ${results.machine.pandoc}` : ", pandoc not found (apt-get install pandoc)"}`);
console.log(`median of ${RUNS} runs after 2 warm-ups, kehoach, node and pandoc in turns; plan ${results.plan}`);
for (const r of [["figure", "value", "target", "ok"], ...rows]) console.log(r.map((c, i) => c.padEnd(w[i])).join("  "));
writeFileSync(join(ROOT, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
