/**
 * `kehoach lint`: what is wrong though well formed (stale years, dates, citations, recipients,
 * signature, text hygiene). check and build report the same findings, as warnings.
 */
import { finding, type Finding } from "../model/finding.js";
import { fixText } from "../lint/index.js";
import { lintLoaded } from "../lint/plan.js";
import { loadPlan } from "../pipeline.js";
import { cliMessages as m, lintCliMessages as lm } from "../messages/cli.js";
import { expandArgs } from "./expand.js";
import { writeInPlace } from "./atomic.js";
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

/** Writes a fixed file in place (atomic.ts writeInPlace); the Vietnamese reason when it cannot. */
async function writeFix(file: string, text: string): Promise<string | undefined> {
  const problem = await writeInPlace(file, text);
  if (!problem) return undefined;
  if ("refusal" in problem) return problem.refusal === "outside" ? lm.linkOutside(file) : fm.refused(fm.fileWord, file, problem.refusal, problem.code);
  return lm.notWritten(file, reasonVi(problem.code));
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
