/**
 * `kehoach lint`: what is wrong though well formed (stale years, dates, citations, recipients,
 * signature, text hygiene). check and build report the same findings, as warnings.
 */
import { realpathSync, statSync } from "node:fs";
import { basename, dirname } from "node:path";
import { finding, type Finding } from "../model/finding.js";
import { fixText } from "../lint/index.js";
import { lintLoaded } from "../lint/plan.js";
import { loadPlan } from "../pipeline.js";
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

/**
 * Writes a fixed file in place, as the user's file: same permissions, and a symlink stays a
 * symlink (its target is fixed, when the target is in the symlink's folder; otherwise refused).
 * The Vietnamese reason when it cannot.
 */
async function writeFix(file: string, text: string): Promise<string | undefined> {
  const where = resolveContained(dirname(file), basename(file), "file");
  if (where.refusal === "outside") return lm.linkOutside(file);
  if (where.refusal) return fm.refused(fm.fileWord, file, where.refusal, where.code);
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
          findings.push(finding("lint.fix", { file: s.file, line: 1, col: 1 }, problem));
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
