/**
 * PDF through LibreOffice headless: signing systems sign PDFs, archives keep PDF/A.
 * - PDF/A-2b, through the export filter's options (LibreOffice 7.4 and later).
 * - Same bytes for the same .docx and date: LibreOffice stamps the clock into the PDF (its
 *   dates, its XMP, the embedded fonts' tables), so it runs with its clock set to the plan's
 *   package date through libfaketime (Debian's `faketime`, the reproducible-builds tool), in UTC.
 *   Fixing the clock at the source fixes every stamp; patching them afterwards would mean
 *   rewriting compressed font streams.
 * - One LibreOffice start for all the documents of a date (a start costs ~1.5 s), each batch in a
 *   private folder with a private profile; a document whose PDF is missing afterwards is one failure.
 * - Fonts: an office may give a folder of its own fonts (fontconfig takes it as an extra folder);
 *   which font really stands for Times New Roman is asked of fontconfig, and a substitute is said.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { OFFICE_PACKAGE, findSoffice, runSoffice } from "../office.js";
import { writeAtomic } from "./atomic.js";


export const PDF_PACKAGE = OFFICE_PACKAGE;
export const FAKETIME_PACKAGE = "faketime";
export const FONTCONFIG_PACKAGE = "fontconfig";

/** PDF/A-2b: LibreOffice's "SelectPdfVersion" 2 (1 is PDF/A-1b, 3 PDF/A-3b). */
const FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}';
/** The first LibreOffice whose export filter takes options written as JSON. */
const MIN_VERSION = [7, 4];

export interface PdfJob {
  docx: string;
  pdf: string;
  /** The package date of the .docx: the PDF carries the same. */
  date: Date;
  /** Files the PDF may never replace (the plan and its profile). */
  protect: string[];
}

export type PdfFailure =
  | { reason: "no-soffice" }
  | { reason: "too-old"; version: string }
  | { reason: "fonts-missing"; dir: string }
  | { reason: "timeout"; seconds: number }
  | { reason: "no-output" }
  | { reason: "blocked" }
  | { reason: "write"; code: string };

/** What the conversion wants the user to know about this machine (once per run, not per plan). */
export type PdfNote = { kind: "font-substitute"; font: string } | { kind: "no-faketime" };

/** "LibreOffice 7.4.7.2 40(Build:2)" → [7, 4, 7, 2]; [] when it cannot be read. */
export function sofficeVersion(soffice: string): number[] {
  const r = spawnSync(soffice, ["--version"], { encoding: "utf8", timeout: 60_000 });
  const m = /LibreOffice\s+(\d+(?:\.\d+)*)/.exec(r.stdout ?? "");
  return m ? m[1]!.split(".").map(Number) : [];
}

function olderThan(v: number[], min: number[]): boolean {
  for (let i = 0; i < min.length; i++) {
    const a = v[i] ?? 0;
    if (a !== min[i]) return a < min[i]!;
  }
  return false;
}

/** A folder (or any file but a regular one or a link) where the PDF should go: refused before converting. */
function blocked(pdf: string): boolean {
  try {
    const st = lstatSync(pdf);
    return !st.isFile() && !st.isSymbolicLink();
  } catch {
    return false;
  }
}

/** libfaketime's preload library, where Debian's `faketime` package puts it. */
export function findFaketime(): string | undefined {
  for (const lib of ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"]) {
    const p = join(lib, "faketime", "libfaketime.so.1");
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** A fontconfig file that adds the office's font folder to the system's fonts. */
function fontConfig(work: string, fontsDir: string): string {
  const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const file = join(work, "fonts.conf");
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n` +
      `  <dir>${esc(resolve(fontsDir))}</dir>\n  <cachedir>${esc(join(work, "fc-cache"))}</cachedir>\n</fontconfig>\n`,
  );
  return file;
}

/** The family fontconfig gives for Times New Roman here, or undefined when fontconfig cannot tell. */
export function timesNewRomanIs(env: NodeJS.ProcessEnv): string | undefined {
  const r = spawnSync("fc-match", ["-f", "%{family[0]}", "Times New Roman"], { encoding: "utf8", env, timeout: 60_000 });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

export interface ConvertOptions {
  fontsDir?: string;
  /** Time for one LibreOffice run: a start, plus this much per document. */
  timeoutMs?: number;
  perDocumentMs?: number;
}

/**
 * Converts every job; the result at each index is undefined (written) or why not. Never throws
 * for a document; what it notes about the machine comes back once.
 */
export async function convertAll(jobs: PdfJob[], opts: ConvertOptions = {}): Promise<{ failures: (PdfFailure | undefined)[]; notes: PdfNote[] }> {
  const failures: (PdfFailure | undefined)[] = new Array(jobs.length).fill(undefined);
  const notes: PdfNote[] = [];
  const failAll = (f: PdfFailure): { failures: (PdfFailure | undefined)[]; notes: PdfNote[] } => ({ failures: jobs.map(() => f), notes });
  if (jobs.length === 0) return { failures, notes };
  const soffice = findSoffice();
  if (!soffice) return failAll({ reason: "no-soffice" });
  const version = sofficeVersion(soffice);
  if (version.length && olderThan(version, MIN_VERSION)) return failAll({ reason: "too-old", version: version.join(".") });
  if (opts.fontsDir !== undefined && !(existsSync(opts.fontsDir) && statSync(opts.fontsDir).isDirectory())) return failAll({ reason: "fonts-missing", dir: opts.fontsDir });

  const work = mkdtempSync(join(tmpdir(), "kehoach-pdf-"));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, TZ: "UTC" };
    if (opts.fontsDir !== undefined) env.FONTCONFIG_FILE = fontConfig(work, opts.fontsDir);
    const family = timesNewRomanIs(env);
    if (family && family.toLowerCase() !== "times new roman") notes.push({ kind: "font-substitute", font: family });
    const faketime = findFaketime();
    if (!faketime) notes.push({ kind: "no-faketime" });

    // one LibreOffice run per package date (a batch with SOURCE_DATE_EPOCH: one run in all)
    const byDate = new Map<number, number[]>();
    jobs.forEach((j, i) => {
      if (blocked(j.pdf)) {
        failures[i] = { reason: "blocked" };
        return;
      }
      const k = j.date.getTime();
      const same = byDate.get(k);
      if (same) same.push(i);
      else byDate.set(k, [i]);
    });
    let run = 0;
    for (const [time, indexes] of byDate) {
      const dir = join(work, `run${++run}`);
      const inDir = join(work, `run${run}-in`);
      mkdirSync(dir);
      mkdirSync(inDir);
      // numbered copies: two plans of the same name from different folders cannot collide
      const inputs = indexes.map((i) => join(inDir, `${i}.docx`));
      indexes.forEach((i, k) => copyFileSync(jobs[i]!.docx, inputs[k]!));
      const runEnv = faketime ? { ...env, LD_PRELOAD: faketime, FAKETIME: fakeTime(new Date(time)) } : env;
      const profile = pathToFileURL(join(work, `profile${run}`)).href;
      const limit = (opts.timeoutMs ?? 120_000) + (opts.perDocumentMs ?? 10_000) * indexes.length;
      try {
        await runSoffice(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", FILTER, "--outdir", dir, ...inputs], runEnv, limit);
      } catch {
        for (const i of indexes) failures[i] = { reason: "timeout", seconds: Math.round(limit / 1000) };
        continue;
      }
      const made = new Set(readdirSync(dir));
      for (const i of indexes) {
        const name = `${i}.pdf`;
        if (!made.has(name)) {
          failures[i] = { reason: "no-output" };
          continue;
        }
        const job = jobs[i]!;
        try {
          await writeAtomic(job.pdf, readFileSync(join(dir, name)), job.protect);
        } catch (e) {
          failures[i] = { reason: "write", code: (e as { reason?: string }).reason ?? String(e) };
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { failures, notes };
}

/** libfaketime's absolute, frozen time ("YYYY-MM-DD hh:mm:ss", read in the process's zone: UTC). */
function fakeTime(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}
