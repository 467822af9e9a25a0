/**
 * `kehoach lint`: what is wrong though well formed (stale years, dates, citations, recipients,
 * signature, text hygiene). check and build report the same findings, as warnings.
 */
import type { Finding } from "../model/finding.js";
import type { PlanSource, ProfileSource } from "../model/plan.js";
import { lintSource, fixText } from "../lint/index.js";
import { loadPlan, type LoadedPlan } from "../pipeline.js";
import { cliMessages as m, lintCliMessages as lm } from "../messages/cli.js";
import { expandArgs } from "./expand.js";
import { writeAtomic } from "./atomic.js";
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
  const [plan, profile] = loaded.sources;
  if (!plan?.value) return [];
  const own = plan.value as PlanSource;
  const office = (profile?.value ?? {}) as ProfileSource;
  const disabled = new Set([...(office.kiem_tra?.tat ?? []), ...(own.kiem_tra?.tat ?? [])]);
  const ctx = {
    planDate: own.ngay,
    today,
    disabled,
    futureMarginDays: own.kiem_tra?.ngay_tuong_lai ?? office.kiem_tra?.ngay_tuong_lai ?? DEFAULT_FUTURE_MARGIN_DAYS,
  };
  return loaded.sources.filter((s) => s.value !== undefined).flatMap((s) => lintSource(s, ctx));
}

/** In check and build, lint findings never stop a plan: they are warnings there. */
export function asWarnings(findings: Finding[]): Finding[] {
  return findings.map((f) => ({ ...f, severity: "warning" as const }));
}

export async function lintCommand(args: string[], opts: LintOptions): Promise<number> {
  const { plans, unmatched } = expandArgs(args);
  const findings: Finding[] = unmatched.map((a) => ({ file: a, line: 1, col: 1, rule: "file.none", severity: "error", message: m.noFiles(a) }));
  const fixed = new Set<string>();
  for (const p of plans) {
    let loaded = loadPlan(p.file);
    if (opts.fix) {
      for (const s of loaded.sources) {
        if (fixed.has(s.file) || !s.text) continue;
        const r = fixText(s.text);
        if (!r.changes.length) continue;
        await writeAtomic(s.file, Buffer.from(r.text, "utf8"));
        fixed.add(s.file);
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
