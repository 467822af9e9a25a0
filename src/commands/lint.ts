/**
 * `kehoach lint`: what is wrong though well formed (stale years, dates, citations, recipients,
 * signature, text hygiene). check and build report the same findings, as warnings.
 */
import { realpathSync, statSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { Finding } from "../model/finding.js";
import type { PlanSource, ProfileSource } from "../model/plan.js";
import { lintSource, fixText } from "../lint/index.js";
import { sumFindings } from "../lint/sums.js";
import { loadPlan, type LoadedPlan } from "../pipeline.js";
import { cliMessages as m, lintCliMessages as lm } from "../messages/cli.js";
import { expandArgs } from "./expand.js";
import { OutputError, writeAtomic } from "./atomic.js";
import { resolveContained } from "../read/files.js";
import { fileMessages as fm, reasonVi } from "../messages/files.js";
import { printFindings, printJson, type Format } from "./report.js";
import { append } from "../lists.js";

export interface LintOptions {
  format: Format;
  strict?: boolean;
  fix?: boolean;
  /** Injected by tests; the clock otherwise. */
  today?: Date;
}

const DEFAULT_FUTURE_MARGIN_DAYS = 60;

/** Lint findings of a loaded plan and its profile, with the plan's settings. */
export function lintLoaded(loaded: LoadedPlan, today = new Date()): Finding[] {
  // a profile given alone is linted as the profile it is, with its own settings
  const [plan, profile] = loaded.kind === "profile" ? [undefined, loaded.sources[0]] : loaded.sources;
  if (!(plan ?? profile)?.value) return [];
  const own = (plan?.value ?? {}) as PlanSource;
  const office = (profile?.value ?? {}) as ProfileSource;
  const disabled = new Set([...(office.kiem_tra?.tat ?? []), ...(own.kiem_tra?.tat ?? [])]);
  const ctx = {
    planDate: own.ngay,
    today,
    disabled,
    futureMarginDays: own.kiem_tra?.ngay_tuong_lai ?? office.kiem_tra?.ngay_tuong_lai ?? DEFAULT_FUTURE_MARGIN_DAYS,
  };
  const found = loaded.sources.filter((s) => s.value !== undefined).flatMap((s) => lintSource(s, ctx));
  // sums need the tables as built, spreadsheets read
  if (loaded.plan && !disabled.has("lint.table-sum")) append(found, sumFindings(loaded.plan));
  return found;
}

/** In check and build, lint findings never stop a plan: they are warnings there. */
export function asWarnings(findings: Finding[]): Finding[] {
  return findings.map((f) => ({ ...f, severity: "warning" as const }));
}

/**
 * Writes a fixed file in place, as the user's file: same permissions, and a symlink stays a
 * symlink (its target is fixed, when the target is in the symlink's folder; otherwise refused).
 * The Vietnamese reason when it cannot.
 */
async function writeFix(file: string, text: string): Promise<string | undefined> {
  const where = resolveContained(dirname(file), basename(file), "file");
  if (where.refusal === "outside") return lm.linkOutside(file);
  if (where.refusal) return fm.refused("tệp", file, where.refusal, where.code);
  try {
    const real = realpathSync(file);
    await writeAtomic(real, Buffer.from(text, "utf8"), [], statSync(real).mode & 0o7777);
  } catch (e) {
    return lm.notWritten(file, reasonVi(e instanceof OutputError ? e.reason : (e as NodeJS.ErrnoException).code));
  }
  return undefined;
}

export async function lintCommand(args: string[], opts: LintOptions): Promise<number> {
  const { plans, unmatched, findings: found } = expandArgs(args);
  const findings: Finding[] = [...found];
  const fixed = new Set<string>();
  for (const p of plans) {
    let loaded = loadPlan(p.file);
    if (opts.fix) {
      for (const s of loaded.sources) {
        if (fixed.has(s.file) || !s.text) continue;
        const r = fixText(s.text);
        if (!r.changes.length) continue;
        const problem = await writeFix(s.file, r.text);
        fixed.add(s.file);
        if (problem) {
          findings.push({ file: s.file, line: 1, col: 1, rule: "lint.fix", severity: "error", message: problem });
          continue;
        }
        if (opts.format === "text") process.stderr.write(lm.fixed(s.file, r.changes.length) + "\n");
      }
      if (fixed.size) loaded = loadPlan(p.file);
    }
    append(append(findings, loaded.findings), lintLoaded(loaded, opts.today));
  }
  const errors = findings.filter((f) => f.severity === "error").length;
  const failed = errors > 0 || (opts.strict === true && findings.length > 0) || unmatched.length > 0;
  if (opts.format === "json") printJson({ command: "lint", findings, outputs: [], plans: plans.length, failed: failed ? 1 : 0 });
  else {
    printFindings(findings);
    process.stderr.write(m.summaryCheck(plans.length, errors, findings.length - errors) + "\n");
  }
  return failed ? 1 : 0;
}
