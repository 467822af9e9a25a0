/** `kehoach build`: check, render and write each plan; one bad plan never stops the others. */
import { statSync, watch as watchFile } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { finding, type Finding } from "../model/finding.js";
import { hasErrors } from "../model/finding.js";
import { docxBytes, loadChecked, loadPlan, packageDate, renderLoaded, sourceDate } from "../pipeline.js";
import { cliMessages as m, outputMessages as om } from "../messages/cli.js";
import { reasonVi } from "../messages/files.js";
import { expandArgs, type PlanFile } from "./expand.js";
import { canonicalPath, checkOutputPath, makeFolders, OutputError, removeTemporaries, writeAtomic, type WriteMode } from "./atomic.js";
import { printFindings, printJson, type Format, type Output } from "./report.js";
import { append } from "../lists.js";

export interface BuildOptions {
  format: Format;
  output?: string;
  outDir?: string;
  templates?: string;
  kySo?: boolean;
  strict?: boolean;
  pdf?: boolean;
  /** A folder of the office's own font files for the PDF (--fonts). */
  fonts?: string;
  watch?: boolean;
  /** Number of parallel workers; default: the machine's cores. */
  jobs?: number;
  /** How the .docx files are written (atomic.ts): through the thread pool for a batch, in place for one plan (the default). */
  writes?: WriteMode;
}

export function outputPath(p: PlanFile, opts: Pick<BuildOptions, "output" | "outDir">): string {
  if (opts.output) return opts.output;
  const docx = p.file.replace(/\.ya?ml$/i, "") + ".docx";
  if (!opts.outDir) return docx;
  let rel = relative(p.root, docx);
  if (rel.startsWith("..") || resolve(rel) === rel) rel = docx.split(/[\\/]/).pop()!;
  return join(opts.outDir, rel);
}

/** The .pdf written beside a .docx. */
export function pdfPath(docx: string): string {
  return docx.replace(/\.docx$/i, "") + ".pdf";
}

/** The finding for an output that could not be written: a source, a special file, or a system error. */
function outputFinding(p: PlanFile, out: string, e: unknown): Finding {
  const reason = e instanceof OutputError ? e.reason : (e as NodeJS.ErrnoException).code ?? String(e);
  const path = e instanceof OutputError ? e.path : out;
  const message = reason === "source" ? m.outputIsSource(path) : reason === "special" ? m.outputSpecial(path) : m.outputNotWritable(path, reason);
  return finding("output.write", { file: p.file, line: 1, col: 1 }, message);
}

export interface BuildResult {
  findings: Finding[];
  output?: string;
  pdf?: string;
  /** For the PDF step: the files it may never replace, and the package date the PDF carries too. */
  sources?: string[];
  date?: Date;
}

/** Builds one plan file; never throws for a problem of the plan or of the output path. */
export async function buildOne(p: PlanFile, opts: BuildOptions): Promise<BuildResult> {
  const made = await planDocx(p, opts);
  if (!made.data) return { findings: made.findings };
  const { findings, data, protect, date } = made;
  const out = outputPath(p, opts);
  const pdf = opts.pdf ? pdfPath(out) : undefined;
  try {
    // the .pdf's path is checked before the .docx is written: a refused output leaves nothing behind
    if (pdf) checkOutputPath(pdf, protect);
    makeFolders(dirname(out));
    await writeAtomic(out, data, protect, undefined, opts.writes);
  } catch (e) {
    findings.push(outputFinding(p, out, e));
    return { findings };
  }
  return { findings, output: out, sources: protect, date };
}

/**
 * A plan's .docx bytes and what writing them needs. Its own function so that the plan as read and
 * rendered (sources, positions, model, docx's objects) is let go before the file is written: a
 * thread builds its next plan while this one's file is written, and what stays referenced across
 * that wait is copied by the collector and promoted, a cost that grows with every plan in flight.
 */
async function planDocx(p: PlanFile, opts: BuildOptions): Promise<{ findings: Finding[]; data?: Buffer; protect: string[]; date?: Date }> {
  const loaded = loadChecked(p.file);
  const findings = [...loaded.findings];
  const protect = loaded.sources.map((s) => s.file);
  if (loaded.kind === "profile") return { findings: [...findings, finding("build.profile", { file: p.file, line: 1, col: 1 }, m.profileNotBuildable(p.file))], protect };
  if (!loaded.plan || hasErrors(findings) || (opts.strict && findings.length)) return { findings, protect };
  const plan = opts.kySo ? { ...loaded.plan, eSign: true } : loaded.plan;
  const rendered = renderLoaded(plan, { templates: opts.templates });
  append(findings, rendered.findings);
  if (!rendered.model) return { findings, protect };
  return { findings, data: await docxBytes(rendered.model), protect, date: packageDate(plan) };
}

/**
 * The PDFs of the plans built, after the batch: one LibreOffice run for each package date (a
 * start costs ~1.5 s). A plan whose PDF fails is one failed plan; its .docx stays. What the
 * conversion says about the machine (a substitute font, no faketime) is said once.
 */
async function addPdfs(plans: PlanFile[], results: BuildResult[], opts: BuildOptions): Promise<Finding[]> {
  const built = results.flatMap((r, i) => (r.output ? [i] : []));
  if (!built.length) return [];
  // loaded only for --pdf: it brings node:child_process
  const { convertAll, FAKETIME_PACKAGE, PDF_PACKAGE } = await import("./pdf.js");
  const jobs = built.map((i) => {
    const r = results[i]!;
    return { docx: r.output!, pdf: pdfPath(r.output!), date: r.date ?? new Date(0), protect: r.sources ?? [] };
  });
  // KEHOACH_PDF_TIMEOUT_MS: a slower machine's time for one LibreOffice run (tests make it short)
  const limit = Number(process.env.KEHOACH_PDF_TIMEOUT_MS) || undefined;
  const { failures, notes } = await convertAll(jobs, { fontsDir: opts.fonts, ...(limit ? { timeoutMs: limit, perDocumentMs: 0 } : {}) });
  let lines = "";
  built.forEach((i, k) => {
    const f = failures[k];
    const r = results[i]!;
    if (!f) {
      r.pdf = jobs[k]!.pdf;
      lines += `${plans[i]!.file}: ${om.pdfBuilt(r.pdf)}\n`;
      return;
    }
    const message =
      f.reason === "no-soffice" ? om.noSoffice(PDF_PACKAGE)
      : f.reason === "too-old" ? om.pdfTooOld(f.version, PDF_PACKAGE)
      : f.reason === "fonts-missing" ? om.pdfFontsMissing(f.dir)
      : f.reason === "timeout" ? om.pdfTimeout(f.seconds)
      : f.reason === "no-output" ? om.pdfNoOutput()
      : f.reason === "blocked" ? om.pdfBlocked(jobs[k]!.pdf)
      : om.pdfNotWritable(jobs[k]!.pdf, f.code === "source" ? f.code : reasonVi(f.code));
    r.findings.push(finding("output.pdf", { file: plans[i]!.file, line: 1, col: 1 }, message));
  });
  if (opts.format === "text" && lines) process.stderr.write(lines);
  // said once, at the first plan converted: these are about the machine, not a plan
  const first = plans[built[0]!]!.file;
  return notes.map((n) => finding(n.kind === "font-substitute" ? "pdf.font" : "pdf.reproducible", { file: first, line: 1, col: 1 }, n.kind === "font-substitute" ? om.pdfFontSubstitute(n.font) : om.pdfNoFaketime(FAKETIME_PACKAGE)));
}

/**
 * The heap of a worker that may take any plan (a large one, or one that ran another worker out of
 * memory), sized from the plan limits: the read stage's (2 MB, 50,000 nodes) and what a plan's
 * texts may hold (normalize/text.ts TEXT_LIMITS: 5,000 footnotes, 20,000 emphases, 20,000
 * paragraphs). Measured on Node 20 with the whole pipeline (validate's checks, lint, the document):
 * a 2 MB plan of 49,900 items (the node limit) fails in 200 MB and builds in 256 MB, so 384 MB
 * leaves half again for the collector's timing on a loaded machine; a plan at each text limit needs
 * under 200 MB. A plan that still runs out is one failed plan (build.memory), never a stopped batch.
 * KEHOACH_WORKER_HEAP_MB sets another size (a small machine; the tests).
 */
const LARGE_HEAP = { maxOldGenerationSizeMb: Number(process.env.KEHOACH_WORKER_HEAP_MB) || 384, maxYoungGenerationSizeMb: 12 } as const;

/**
 * The heap of the workers that take ordinary plans (files up to MAIN_THREAD_MAX_BYTES, as the main
 * thread): what the largest real plans need (about 30 KB, a few MB each) with room to spare. A
 * small old generation keeps a batch's memory low: V8 collects the finished plans' documents early
 * instead of letting the heap grow towards its cap. The young generation holds a whole plan's
 * short-lived objects (about 5 MB are made per plan): at 12 MB most of a plan outlived a scavenge
 * and was copied into the old generation, and the worker spent half again the CPU of the main thread
 * per plan; at 24 MB a batch of 500 plans took 12 % less time in the same peak RSS (measured in turns,
 * README "Speed"). A small file that needs more (thousands of footnotes in a few KB) runs its worker
 * out of memory; it is then built again alone in a worker with LARGE_HEAP, so no plan fails for this
 * heap. KEHOACH_SMALL_WORKER_HEAP_MB sets another old generation (the tests).
 */
const SMALL_HEAP = { maxOldGenerationSizeMb: Number(process.env.KEHOACH_SMALL_WORKER_HEAP_MB) || 64, maxYoungGenerationSizeMb: 24 } as const;

/**
 * Plans larger than this are built only in a worker, whose heap is bounded: on the main thread
 * a plan that exhausts memory would end the whole process. The largest real plans are about
 * 30 KB; a plan of this size needs at most about 200 MB (footnotes cost the most).
 */
const MAIN_THREAD_MAX_BYTES = 64 * 1024;

/** The workers running, stopped by cleanUpOnSignal; `stopping` then, so that none is replaced. */
const liveWorkers = new Set<import("node:worker_threads").Worker>();
let stopping = false;

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // the read stage reports a missing file, with its name
  }
}

/** A plan that failed in a way of the program, not of the plan: one finding, at the plan's first line. */
function failedPlan(p: PlanFile, rule: "build.internal" | "build.memory", message: string): BuildResult {
  return { findings: [finding(rule, { file: p.file, line: 1, col: 1 }, message)] };
}

/** buildOne, with any exception turned into a failed plan: one plan never stops the others. */
async function buildSafely(p: PlanFile, opts: BuildOptions, build: typeof buildOne): Promise<BuildResult> {
  try {
    return await build(p, opts);
  } catch (e) {
    return failedPlan(p, "build.internal", m.buildInternal(e instanceof Error ? e.message : String(e)));
  }
}

/**
 * Builds plans across threads: the main thread and one worker for each other core take ordinary
 * plans from one queue; results come back by the plans' index. The main thread builds too, so a
 * batch loads the program once less (memory). Every thread has two plans at a time, so it builds
 * one while the other's file is written, and a worker never waits while the main thread is busy.
 * Those workers have a small heap (SMALL_HEAP); a large plan, and a plan whose small worker died,
 * is built alone in a worker with the large heap (LARGE_HEAP), started when there is one to build.
 * Never throws: a plan whose build throws, or that runs the large worker out of memory, is one
 * failed plan; a dead worker is replaced and the batch goes on. `build` is what the main thread
 * runs for each plan (tests give one that throws); workers run buildOne.
 */
export async function buildParallel(plans: PlanFile[], opts: BuildOptions, onDone: (i: number, r: BuildResult) => void, build: typeof buildOne = buildOne): Promise<void> {
  const n = Math.max(1, Math.min(opts.jobs ?? availableParallelism(), plans.length));
  const small: number[] = [];
  const large: number[] = [];
  plans.forEach((p, i) => (fileSize(p.file) > MAIN_THREAD_MAX_BYTES ? large : small).push(i));
  // plans whose small worker died: each built again alone, in the large heap
  const alone: number[] = [];
  const lane = async (): Promise<void> => {
    for (let i = small.shift(); i !== undefined; i = small.shift()) {
      onDone(i, await buildSafely(plans[i]!, opts, build));
      // let the workers' finished plans in before the next one of our own
      await new Promise((r) => setImmediate(r));
    }
  };
  // two plans at a time on this thread: one is built while the other's file is being written
  const main = async (): Promise<void> => {
    await Promise.all([lane(), lane()]);
  };
  const smallWorkers = plans.length - large.length < 4 ? 0 : n - 1;
  if (smallWorkers === 0 && large.length === 0) return main();
  // loaded only for a batch: a single build starts faster without it
  const { Worker } = await import("node:worker_threads");
  const { watch: _w, ...workerOpts } = opts;
  // workers that died holding no plan (could not start): after a few, the rest is built without them
  let startFailures = 0;
  let largeRunning = false;
  // every worker started and not yet ended; `settled` resolves when none is left
  let live = 0;
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((r) => (settle = r));
  /** No worker can run: the plans only workers build fail; the main thread builds the rest. */
  const withoutWorkers = (fail: (id: number) => void): void => {
    for (const id of [...large.splice(0), ...alone.splice(0)]) fail(id);
  };
  const ended = (): void => {
    if (--live === 0) settle();
  };
  const start = (kind: "small" | "large"): void => {
    if (stopping) return;
    const heap = kind === "large" ? LARGE_HEAP : SMALL_HEAP;
    let w: InstanceType<typeof Worker>;
    try {
      w = new Worker(new URL("./build-worker.js", import.meta.url), { workerData: workerOpts, resourceLimits: heap });
    } catch (e) {
      withoutWorkers((id) => onDone(id, failedPlan(plans[id]!, "build.internal", m.buildInternal(e instanceof Error ? e.message : String(e)))));
      return;
    }
    live++;
    if (kind === "large") largeRunning = true;
    liveWorkers.add(w);
    /** The plans this worker holds, and whether each was sent alone. */
    const held = new Map<number, boolean>();
    let over = false;
    /** This worker takes no more plans (done, or died). */
    const release = (): void => {
      over = true;
      liveWorkers.delete(w);
      if (kind === "large") largeRunning = false;
    };
    const end = (): void => {
      release();
      void w.terminate().then(ended);
    };
    /**
     * Sends the next plan this worker may take; false when it has to wait or nothing is left. The
     * large worker takes the plans that need its heap first, each alone, and ordinary ones after.
     */
    const send = (): boolean => {
      if (over || [...held.values()].some((solo) => solo)) return false;
      const soloQueue = kind === "small" ? [] : alone.length ? alone : large;
      let id: number | undefined;
      let solo = false;
      if (soloQueue.length) {
        if (held.size) return false;
        id = soloQueue.shift()!;
        solo = true;
      } else id = small.shift();
      if (id === undefined) {
        if (held.size === 0) end();
        return false;
      }
      held.set(id, solo);
      w.postMessage({ id, plan: plans[id] });
      return true;
    };
    const fill = (): void => {
      while (held.size < 2 && send());
    };
    w.on("message", (msg: { id: number; result?: BuildResult; error?: string }) => {
      held.delete(msg.id);
      onDone(msg.id, msg.result ?? failedPlan(plans[msg.id]!, "build.internal", m.buildInternal(msg.error ?? "")));
      fill();
    });
    let death: Error | undefined;
    w.on("error", (e) => (death = e));
    w.on("exit", () => {
      if (over || stopping) return;
      release();
      const memory = (death as NodeJS.ErrnoException | undefined)?.code === "ERR_WORKER_OUT_OF_MEMORY";
      const fail = (id: number): void =>
        onDone(id, memory ? failedPlan(plans[id]!, "build.memory", m.buildMemory(LARGE_HEAP.maxOldGenerationSizeMb)) : failedPlan(plans[id]!, "build.internal", m.buildInternal(death?.message ?? m.workerStopped)));
      // alone in the large heap, the plan it held is the one; other plans are each built again alone there
      if (kind === "large" && (held.size === 1 || [...held.values()].some((solo) => solo))) held.forEach((_solo, id) => fail(id));
      else alone.push(...held.keys());
      if (held.size === 0 && ++startFailures > 2) withoutWorkers(fail);
      else {
        // one worker in its place: the large one when plans wait for it, else one for the ordinary plans left
        const next = (alone.length || large.length) && !largeRunning ? "large" : small.length ? "small" : undefined;
        if (next) start(next);
      }
      ended();
    });
    fill();
  };
  live++; // held until every worker of the start is running
  // with large plans, one of the workers has the large heap (one more when the main thread alone had no help)
  const largeFirst = large.length > 0;
  if (largeFirst) start("large");
  for (let i = largeFirst ? 1 : 0; i < smallWorkers; i++) start("small");
  ended();
  try {
    await Promise.all([main(), settled]);
  } finally {
    // after a failure too: a worker left running would keep the process alive
    await Promise.all([...liveWorkers].map((w) => w.terminate()));
  }
}

/**
 * One line per plan (a bar on a terminal). Off a terminal the lines are written in groups, at
 * most every 100 ms: CI reads them through a pipe, where a write per plan slows a batch down.
 */
class Progress {
  private done = 0;
  private pending = "";
  private flushedAt = performance.now();

  constructor(
    private readonly total: number,
    private readonly tty: boolean,
  ) {}

  step(file: string, r: BuildResult): void {
    this.done++;
    const line = r.output ? `${file}: ${m.built(file, r.output)}${r.pdf ? `, ${r.pdf}` : ""}` : `${file}: ${m.failed(file)}`;
    if (!this.tty) {
      this.pending += line + "\n";
      if (this.done === this.total || performance.now() - this.flushedAt >= 100) this.flush();
      return;
    }
    const width = 24;
    const filled = Math.round((this.done / this.total) * width);
    const bar = "#".repeat(filled) + "-".repeat(width - filled);
    const cols = process.stderr.columns || 80;
    const text = `[${bar}] ${this.done}/${this.total} ${file}`.slice(0, cols - 1);
    process.stderr.write(`\r\x1b[K${text}`);
    if (this.done === this.total) process.stderr.write("\n");
  }

  flush(): void {
    if (this.pending) process.stderr.write(this.pending);
    this.pending = "";
    this.flushedAt = performance.now();
  }
}

/**
 * Outputs checked before anything is built, so that a refused plan writes nothing: two plans of
 * the batch writing one file (x.yaml beside x.yml; same names in different folders under
 * --out-dir), an output (.docx or .pdf) over a plan of the batch, or a special file at an output
 * path. Returns the findings of each refused plan, by index; those plans are not built.
 */
function refusedOutputs(plans: PlanFile[], opts: BuildOptions): Map<number, Finding[]> {
  const refused = new Map<number, Finding[]>();
  const refuse = (i: number, f: Finding): void => {
    refused.set(i, [...(refused.get(i) ?? []), f]);
  };
  const sources = new Set(plans.map((p) => canonicalPath(p.file)));
  const writers = new Map<string, { index: number; out: string }[]>();
  plans.forEach((p, i) => {
    const docx = outputPath(p, opts);
    for (const out of opts.pdf ? [docx, pdfPath(docx)] : [docx]) {
      const key = canonicalPath(out);
      if (!writers.has(key)) writers.set(key, []);
      writers.get(key)!.push({ index: i, out });
      try {
        if (sources.has(key)) throw new OutputError(out, "source");
        checkOutputPath(out);
      } catch (e) {
        refuse(i, outputFinding(p, out, e));
      }
    }
  });
  for (const same of writers.values()) {
    if (new Set(same.map((w) => w.index)).size < 2) continue;
    for (const w of same) {
      const others = same.filter((o) => o.index !== w.index).map((o) => plans[o.index]!.file);
      refuse(w.index, finding("output.collision", { file: plans[w.index]!.file, line: 1, col: 1 }, m.outputCollision(w.out, others)));
    }
  }
  return refused;
}

/**
 * Ctrl+C or a CI's SIGTERM during a build: the workers are stopped, the temporary files of the
 * outputs removed, and the process ends with the usual code (128 + the signal's number).
 * Returns the function that removes the handlers.
 */
function cleanUpOnSignal(outputs: string[]): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    stopping = true;
    void Promise.all([...liveWorkers].map((w) => w.terminate())).finally(() => {
      // no await from here to the exit: a write still pending on this thread cannot start a new file
      removeTemporaries(outputs);
      process.stderr.write(m.interrupted() + "\n");
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

export async function buildCommand(args: string[], opts: BuildOptions): Promise<number> {
  const started = process.hrtime.bigint();
  const usage = (detail: string): number => {
    process.stderr.write(m.usage(detail) + "\n");
    return 2;
  };
  if (opts.output && opts.outDir) return usage(m.outputAndOutDir());
  const epoch = sourceDate();
  if (epoch && !(epoch instanceof Date)) return usage(epoch.error);
  const { plans, unmatched, findings: found } = expandArgs(args);
  const findings: Finding[] = [...found];
  if (opts.output && plans.length > 1) return usage(m.oneOutputOnly());
  const results: BuildResult[] = new Array(plans.length);
  const progress = new Progress(plans.length, opts.format === "text" && Boolean(process.stderr.isTTY));
  const done = (i: number, r: BuildResult): void => {
    results[i] = r;
    if (opts.format === "text") progress.step(plans[i]!.file, r);
  };
  const refused = refusedOutputs(plans, opts);
  for (const [i, f] of refused) done(i, { findings: f });
  const toBuild = plans.map((_p, i) => i).filter((i) => !refused.has(i));
  const outputPaths = toBuild.map((i) => outputPath(plans[i]!, opts));
  const stopCleaningUp = cleanUpOnSignal(opts.pdf ? [...outputPaths, ...outputPaths.map(pdfPath)] : outputPaths);
  try {
    await buildParallel(
      toBuild.map((i) => plans[i]!),
      // a batch builds its next plan while the thread pool writes this one's file; one plan has nothing to overlap
      { ...opts, writes: toBuild.length > 1 ? "pool" : "direct" },
      (k, r) => done(toBuild[k]!, r),
    );
  } finally {
    stopCleaningUp();
    // the plans done are told even when a batch stops on an internal error
    progress.flush();
  }
  if (opts.pdf) append(findings, await addPdfs(plans, results, opts));
  const outputs: Output[] = [];
  let failed = 0;
  plans.forEach((p, i) => {
    const r = results[i] ?? failedPlan(p, "build.internal", m.buildInternal(m.workerStopped));
    append(findings, r.findings);
    if (r.output) outputs.push({ source: p.file, docx: r.output, ...(r.pdf ? { pdf: r.pdf } : {}) });
    if (!r.output || (r.pdf === undefined && opts.pdf)) failed++;
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (opts.format === "json") printJson({ command: "build", findings, outputs, plans: plans.length, failed, seconds });
  else {
    printFindings(findings);
    process.stderr.write(m.summaryBuild(outputs.length, failed, seconds.toFixed(2)) + "\n");
  }
  return failed > 0 || unmatched.length > 0 ? 1 : 0;
}

/** `--watch`: rebuild a plan whenever it or its profile is saved, printing the findings. */
export async function watchCommand(args: string[], opts: BuildOptions): Promise<number> {
  const { plans } = expandArgs(args);
  const files = new Set<string>();
  for (const p of plans) {
    files.add(p.file);
    for (const s of loadPlan(p.file).sources) files.add(s.file);
  }
  process.stderr.write(om.watching([...files].join(", ")) + "\n");
  let timer: NodeJS.Timeout | undefined;
  const rebuild = (file: string): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      process.stderr.write(om.rebuilding(file) + "\n");
      void buildCommand(args, { ...opts, watch: false });
    }, 150);
  };
  // Watch the folders: editors often save by renaming, which ends a watch on the file itself.
  const dirs = new Map<string, Set<string>>();
  for (const f of files) {
    const d = dirname(resolve(f));
    if (!dirs.has(d)) dirs.set(d, new Set());
    dirs.get(d)!.add(resolve(f).slice(d.length + 1));
  }
  for (const [d, names] of dirs) {
    watchFile(d, (_event, name) => {
      if (name && names.has(name.toString())) rebuild(join(d, name.toString()));
    });
  }
  // watched before the first build: a save made while it runs is not lost
  await buildCommand(args, { ...opts, watch: false });
  return new Promise<number>(() => undefined);
}
