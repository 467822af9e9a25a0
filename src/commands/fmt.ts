/**
 * `kehoach fmt [--check] FILE…`: plans and office profiles rewritten in one canonical layout
 * (format/index.ts), so that offices keeping plans in git see small, readable diffs. A file is
 * rewritten (atomically, as the user's file) only when its text changes; `--check` writes nothing
 * and fails on a file that would change, for CI and pre-commit hooks.
 */
import { finding, type Finding } from "../model/finding.js";
import { formatFile } from "../pipeline.js";
import { fmtMessages as fm } from "../messages/cli.js";
import { fileMessages, reasonVi } from "../messages/files.js";
import { expandArgs } from "./expand.js";
import { writeInPlace } from "./atomic.js";
import { printFindings, printJson, type Format, type Output } from "./report.js";
import { append } from "../lists.js";

export interface FmtOptions {
  format: Format;
  check?: boolean;
}

/** The first line (1-based) where two texts differ: where an unformatted file is pointed at. */
function firstDifference(a: string, b: string): number {
  let line = 1;
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i++) if (a[i] === "\n") line++;
  return line;
}

export async function fmtCommand(args: string[], opts: FmtOptions): Promise<number> {
  const { plans, unmatched, findings: found } = expandArgs(args, { profiles: true });
  const findings: Finding[] = [...found];
  const outputs: Output[] = [];
  let unformatted = 0;
  for (const { file } of plans) {
    const r = formatFile(file);
    append(findings, r.findings);
    if (r.after === undefined || r.after === r.before) continue;
    if (opts.check) {
      unformatted++;
      findings.push(finding("fmt.unformatted", { file, line: firstDifference(r.before, r.after), col: 1 }, fm.unformatted(file)));
      continue;
    }
    const problem = await writeInPlace(file, r.after);
    if (problem) {
      const message = !("refusal" in problem) ? fm.notWritten(file, reasonVi(problem.code)) : problem.refusal === "outside" ? fm.linkOutside(file) : fileMessages.refused(fileMessages.fileWord, file, problem.refusal, problem.code);
      findings.push(finding("fmt.write", { file, line: 1, col: 1 }, message));
      continue;
    }
    outputs.push({ source: file });
    if (opts.format === "text") process.stderr.write(fm.formatted(file) + "\n");
  }
  const errors = findings.filter((f) => f.severity === "error").length;
  const failed = errors > 0 || unmatched.length > 0;
  if (opts.format === "json") printJson({ command: "fmt", findings, outputs, plans: plans.length, failed: failed ? 1 : 0 });
  else {
    printFindings(findings);
    process.stderr.write((opts.check ? fm.summaryCheck(plans.length, unformatted, errors - unformatted) : fm.summary(plans.length, outputs.length, errors)) + "\n");
  }
  return failed ? 1 : 0;
}
