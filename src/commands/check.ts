/** `kehoach check`: every problem of every plan, in one run. */
import type { Finding } from "../model/finding.js";
import { hasErrors } from "../model/finding.js";
import { loadChecked, renderLoaded } from "../pipeline.js";
import { locateTemplates } from "../read/locate.js";
import { loadTemplates } from "../render/index.js";
import { cliMessages as m } from "../messages/cli.js";
import { expandArgs } from "./expand.js";
import { asWarnings, lintLoaded } from "../lint/plan.js";
import { printFindings, printJson, type Format } from "./report.js";
import { append } from "../lists.js";

export interface CheckOptions {
  format: Format;
  strict?: boolean;
  templates?: string;
}

/**
 * Findings of one plan (or of a profile given alone): structure, profile, lint's as warnings, and
 * its templates, filled as build fills them (a template error at fill time shows here too).
 */
export function checkFile(file: string, templatesDir?: string): Finding[] {
  const loaded = loadChecked(file);
  const findings = loaded.findings;
  if (loaded.kind === "profile" && !hasErrors(findings)) {
    // a profile's own templates folder is checked as a plan using it would
    const mau = locateTemplates(loaded.sources[0]!);
    if (mau.finding) findings.push(mau.finding);
    if (mau.path || templatesDir) append(findings, loadTemplates(templatesDir ?? mau.path).findings);
    append(findings, asWarnings(lintLoaded(loaded)));
  }
  if (loaded.plan) append(findings, renderLoaded(loaded.plan, { templates: templatesDir }).findings);
  return findings;
}

export function checkCommand(args: string[], opts: CheckOptions): number {
  const { plans, unmatched, findings: found } = expandArgs(args);
  const findings: Finding[] = [...found];
  let failed = 0;
  for (const p of plans) {
    const f = checkFile(p.file, opts.templates);
    if (hasErrors(f) || (opts.strict && f.length)) failed++;
    append(findings, f);
  }
  const errors = findings.filter((f) => f.severity === "error").length;
  if (opts.format === "json") printJson({ command: "check", findings, outputs: [], plans: plans.length, failed });
  else {
    printFindings(findings);
    process.stderr.write(m.summaryCheck(plans.length, errors, findings.length - errors) + "\n");
  }
  return errors > 0 || failed > 0 || unmatched.length > 0 ? 1 : 0;
}
