/** `kehoach build`: check, render and write each plan; one bad plan never stops the others. */
import { watch as watchFile } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import type { Finding } from "../model/finding.js";
import { hasErrors } from "../model/finding.js";
import { loadPlan } from "../pipeline.js";
import { loadTemplates, renderPlan, TemplateError } from "../render/index.js";
import { renderDocx } from "../write/index.js";
import { cliMessages as m, outputMessages as om } from "../messages/cli.js";
import { reasonVi } from "../messages/files.js";
import type { NormalizedPlan } from "../model/normalized.js";
import { expandArgs, type PlanFile } from "./expand.js";
import { makeFolders, OutputError, writeAtomic } from "./atomic.js";
import { asWarnings, lintLoaded } from "./lint.js";
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
}

/**
 * The timestamp recorded inside the package: SOURCE_DATE_EPOCH when set (reproducible-builds
 * convention), else the plan's own date, else a fixed date. Never the clock.
 */
export function packageDate(plan: NormalizedPlan, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const d = plan.date;
  if (d.year) return new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1));
  return new Date(Date.UTC(2020, 0, 1));
}

export function outputPath(p: PlanFile, opts: Pick<BuildOptions, "output" | "outDir">): string {
  if (opts.output) return opts.output;
  const docx = p.file.replace(/\.ya?ml$/i, "") + ".docx";
  if (!opts.outDir) return docx;
  let rel = relative(p.root, docx);
  if (rel.startsWith("..") || resolve(rel) === rel) rel = docx.split(/[\\/]/).pop()!;
  return join(opts.outDir, rel);
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
  const loaded = loadPlan(p.file);
  const findings = [...loaded.findings];
  if (loaded.kind === "profile") return { findings: [...findings, { file: p.file, line: 1, col: 1, rule: "build.profile", severity: "error", message: m.profileNotBuildable(p.file) }] };
  if (loaded.plan) append(findings, asWarnings(lintLoaded(loaded)));
  if (!loaded.plan || hasErrors(findings) || (opts.strict && findings.length)) return { findings };
  const plan = opts.kySo ? { ...loaded.plan, eSign: true } : loaded.plan;
  const t = loadTemplates(opts.templates ?? plan.templatesDir);
  append(findings, t.findings);
  if (hasErrors(t.findings)) return { findings };
  let data: Buffer;
  try {
    data = await renderDocx(renderPlan(plan, t.templates, packageDate(plan)));
  } catch (e) {
    if (e instanceof TemplateError) return { findings: [...findings, e.finding] };
    throw e;
  }
  const out = outputPath(p, opts);
  try {
    makeFolders(dirname(out));
    await writeAtomic(out, data, loaded.sources.map((s) => s.file));
  } catch (e) {
    const reason = e instanceof OutputError ? e.reason : (e as NodeJS.ErrnoException).code ?? String(e);
    const message = reason === "source" ? m.outputIsSource(out) : m.outputNotWritable(out, reason);
    findings.push({ file: p.file, line: 1, col: 1, rule: "output.write", severity: "error", message });
    return { findings };
  }
  return { findings, output: out, sources: loaded.sources.map((s) => s.file), date: packageDate(plan) };
}

/** The PDF of a .docx: beside it, same name. */
export function pdfPath(docx: string): string {
  return docx.replace(/\.docx$/i, "") + ".pdf";
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
    r.findings.push({ file: plans[i]!.file, line: 1, col: 1, rule: "output.pdf", severity: "error", message });
  });
  if (opts.format === "text" && lines) process.stderr.write(lines);
  // said once, at the first plan converted: these are about the machine, not a plan
  const first = plans[built[0]!]!.file;
  return notes.map((n) => ({
    file: first,
    line: 1,
    col: 1,
    rule: n.kind === "font-substitute" ? "pdf.font" : "pdf.reproducible",
    severity: "warning" as const,
    message: n.kind === "font-substitute" ? om.pdfFontSubstitute(n.font) : om.pdfNoFaketime(FAKETIME_PACKAGE),
  }));
}

/**
 * Builds plans across threads: the main thread and one worker for each other core take plans
 * from one queue; results come back by the plans' index. The main thread builds too, so a batch
 * loads the program once less (memory). Every thread has two plans at a time, so it builds one
 * while the other's file is written, and a worker never waits while the main thread is busy.
 */
async function buildParallel(plans: PlanFile[], opts: BuildOptions, onDone: (i: number, r: BuildResult) => void): Promise<void> {
  const n = Math.max(1, Math.min(opts.jobs ?? availableParallelism(), plans.length));
  let next = 0;
  const take = (): number | undefined => (next < plans.length ? next++ : undefined);
  const lane = async (): Promise<void> => {
    for (let i = take(); i !== undefined; i = take()) {
      onDone(i, await buildOne(plans[i]!, opts));
      // let the workers' finished plans in before the next one of our own
      await new Promise((r) => setImmediate(r));
    }
  };
  // two plans at a time on this thread: one is built while the other's file is being written
  const main = async (): Promise<void> => {
    await Promise.all([lane(), lane()]);
  };
  if (n === 1 || plans.length < 4) return main();
  // loaded only for a batch: a single build starts faster without it
  const { Worker } = await import("node:worker_threads");
  const { watch: _w, ...workerOpts } = opts;
  const started: InstanceType<typeof Worker>[] = [];
  const worker = (): Promise<void> =>
    new Promise<void>((resolveAll, reject) => {
      // a small heap makes V8 collect the finished plans' documents early: peak memory stays low
      // (a plan needs a few MB; measured on 500 plans: no slower than the defaults)
      const w = new Worker(new URL("./build-worker.js", import.meta.url), {
        workerData: workerOpts,
        resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 12 },
      });
      started.push(w);
      let pending = 0;
      const send = (): void => {
        const id = take();
        if (id === undefined) {
          if (pending === 0) void w.terminate().then(() => resolveAll());
          return;
        }
        pending++;
        w.postMessage({ id, plan: plans[id] });
      };
      w.on("message", (msg: { id: number; result?: BuildResult; error?: string }) => {
        pending--;
        if (msg.error !== undefined) {
          reject(new Error(msg.error));
          return;
        }
        onDone(msg.id, msg.result!);
        send();
      });
      w.on("error", reject);
      send();
      send();
    });
  try {
    await Promise.all([main(), ...Array.from({ length: n - 1 }, worker)]);
  } finally {
    // after a failure too: a worker left running would keep the process alive
    await Promise.all(started.map((w) => w.terminate()));
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

export async function buildCommand(args: string[], opts: BuildOptions): Promise<number> {
  const started = process.hrtime.bigint();
  const { plans, unmatched } = expandArgs(args);
  const findings: Finding[] = unmatched.map((a) => ({ file: a, line: 1, col: 1, rule: "file.none", severity: "error", message: m.noFiles(a) }));
  if (opts.output && plans.length > 1) {
    process.stderr.write(m.usage(m.oneOutputOnly()) + "\n");
    return 2;
  }
  const results: BuildResult[] = new Array(plans.length);
  const progress = new Progress(plans.length, opts.format === "text" && Boolean(process.stderr.isTTY));
  try {
    await buildParallel(plans, opts, (i, r) => {
      results[i] = r;
      if (opts.format === "text") progress.step(plans[i]!.file, r);
    });
  } finally {
    // the plans done are told even when a batch stops on an internal error
    progress.flush();
  }
  if (opts.pdf) append(findings, await addPdfs(plans, results, opts));
  const outputs: Output[] = [];
  let failed = 0;
  plans.forEach((p, i) => {
    const r = results[i]!;
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
  await buildCommand(args, { ...opts, watch: false });
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
  return new Promise<number>(() => undefined);
}
