/**
 * A bounded list of findings: at most so many of one rule, and so many in all, for one file; the
 * rest are counted and reported as one finding per rule ("… và 2.345 lỗi tương tự"). Output stays
 * readable, and a stage can ask before the work of locating a finding whether it will be shown.
 */
import type { Finding, Severity } from "../model/finding.js";
import { readMessages as m } from "../messages/read.js";

export const MAX_FINDINGS_PER_RULE = 100;
export const MAX_FINDINGS_PER_FILE = 500;

export class FindingCap {
  readonly findings: Finding[] = [];
  private readonly seen = new Map<string, { count: number; severity: Severity; last?: Finding }>();

  constructor(private readonly file: string) {}

  /** Counts a finding of `rule`; true when it is still to be shown (then add it). */
  admit(rule: string, severity: Severity): boolean {
    const s = this.seen.get(rule) ?? { count: 0, severity };
    this.seen.set(rule, s);
    s.count++;
    return s.count <= MAX_FINDINGS_PER_RULE && this.findings.length < MAX_FINDINGS_PER_FILE;
  }

  add(f: Finding): void {
    this.findings.push(f);
    this.seen.get(f.rule)!.last = f;
  }

  push(f: Finding): void {
    if (this.admit(f.rule, f.severity)) this.add(f);
  }

  /** The findings shown, then one per rule counting those left out, beside the last shown. */
  done(): Finding[] {
    const shown = new Map<string, number>();
    for (const f of this.findings) shown.set(f.rule, (shown.get(f.rule) ?? 0) + 1);
    const out = this.findings.slice();
    for (const [rule, s] of this.seen) {
      const left = s.count - (shown.get(rule) ?? 0);
      if (left <= 0) continue;
      const at = s.last ?? { file: this.file, line: 1, col: 1 };
      out.push({ file: at.file, line: at.line, col: at.col, rule, severity: s.severity, message: m.similar(left, s.severity === "error") });
    }
    return out;
  }
}

/** The findings of one file capped as FindingCap does. */
export function capFindings(file: string, findings: readonly Finding[]): Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_RULE) return findings.slice();
  const cap = new FindingCap(file);
  for (const f of findings) cap.push(f);
  return cap.done();
}
