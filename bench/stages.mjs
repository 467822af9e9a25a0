// npm run bench:stages: where a plan's time goes, stage by stage, in one process on one core,
// over plans generated from the examples (bench/gen.mjs); the first pass warms the JIT up.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "./gen.mjs";

const ROOT = join(import.meta.dirname, "..");
const dist = (m) => import(join(ROOT, "dist", m));
// the pipeline's own compositions, one timed at a time (write and pack are docxBytes's two steps)
const { loadPlan, renderLoaded } = await dist("pipeline.js");
const { lintLoaded } = await dist("lint/plan.js");
const { buildDocument } = await dist("write/index.js");
const { compileParts } = await dist("write/compile.js");
const { packDocument } = await dist("pack/index.js");
const { writeAtomic } = await dist("commands/atomic.js");

const i = process.argv.indexOf("--plans");
const count = i > 0 ? Number(process.argv[i + 1]) : 500;
const work = mkdtempSync(join(tmpdir(), "kehoach-stages-"));
const files = generate(ROOT, join(work, "plans"), count);

const STAGES = ["read, validate, normalize", "lint", "templates", "docx's object model", "its XML", "zip", "file write (waited for here)"];
let ms = new Map();
async function time(stage, f) {
  const t = performance.now();
  const r = await f();
  ms.set(stage, (ms.get(stage) ?? 0) + performance.now() - t);
  return r;
}

for (const pass of ["warm-up", "measured"]) {
  ms = new Map();
  const start = performance.now();
  for (const [n, file] of files.entries()) {
    const loaded = await time(STAGES[0], () => loadPlan(file));
    await time(STAGES[1], () => lintLoaded(loaded));
    const { model } = await time(STAGES[2], () => renderLoaded(loaded.plan));
    const doc = await time(STAGES[3], () => buildDocument(model));
    const parts = await time(STAGES[4], () => compileParts(doc));
    const data = await time(STAGES[5], () => packDocument(parts, model.meta.date));
    await time(STAGES[6], () => writeAtomic(join(work, `${n}.docx`), data));
  }
  if (pass === "warm-up") continue;
  const total = performance.now() - start;
  console.log(`${files.length} plans, one core, after a warm-up pass: ${(total / files.length).toFixed(2)} ms a plan`);
  for (const s of STAGES) console.log(`  ${s.padEnd(30)} ${(ms.get(s) / files.length).toFixed(2).padStart(6)} ms`);
}
