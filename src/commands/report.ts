/** How findings and outputs reach the user: text for people, one JSON document for CI. */
import type { Finding } from "../model/finding.js";
import { SEVERITY_VI } from "../messages/cli.js";

export type Format = "text" | "json";

export interface Output {
  source: string;
  docx?: string;
  pdf?: string;
}

export interface Report {
  command: string;
  findings: Finding[];
  outputs: Output[];
  plans: number;
  failed: number;
  seconds?: number;
}

/** "file:line:col  lỗi  message  (path)": one finding for people. */
export function formatFinding(f: Finding): string {
  const where = f.path ? `  (${f.path})` : "";
  return `${f.file}:${f.line}:${f.col}  ${SEVERITY_VI[f.severity]}  ${f.message}${where}`;
}

export function sortFindings(f: Finding[]): Finding[] {
  return [...f].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
}

/** All findings in one write: to a pipe (CI), a write per line costs a batch a second. */
export function printFindings(findings: Finding[], stream: NodeJS.WriteStream = process.stderr): void {
  if (findings.length) stream.write(sortFindings(findings).map((f) => formatFinding(f) + "\n").join(""));
}

export function printJson(r: Report): void {
  const errors = r.findings.filter((f) => f.severity === "error").length;
  const doc = {
    version: 1,
    command: r.command,
    ok: errors === 0 && r.failed === 0,
    summary: {
      plans: r.plans,
      failed: r.failed,
      errors,
      warnings: r.findings.length - errors,
      ...(r.seconds !== undefined ? { seconds: Number(r.seconds.toFixed(3)) } : {}),
    },
    findings: sortFindings(r.findings).map((f) => ({
      file: f.file,
      line: f.line,
      column: f.col,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      path: f.path ?? "",
    })),
    outputs: r.outputs,
  };
  process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
}
