/** One problem found in a plan, at a place in a file. */
import { RULES, type RuleId } from "./rules.js";

export type Severity = "error" | "warning";

export interface Finding {
  file: string;
  line: number;
  col: number;
  /** Stable rule id, e.g. "yaml.syntax", "schema.type", "lint.stale-year" (model/rules.ts RULES). */
  rule: string;
  severity: Severity;
  /** Vietnamese, says what is wrong and how to fix it. */
  message: string;
  /** Where in the plan, e.g. "noi_dung[2].cac_y[0]"; empty for the whole file. */
  path?: string;
}

/** A path into the plan: keys and list indexes. */
export type Path = (string | number)[];

export function pathToString(path: Path): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

/**
 * A finding of `rule` at a place, with the rule's severity from the registry (model/rules.ts);
 * `severity` only where one rule finds both (lint.signature's academic title is a warning).
 */
export function finding(rule: RuleId, at: { file: string; line: number; col: number }, message: string, path?: string, severity: Severity = RULES[rule]): Finding {
  return { file: at.file, line: at.line, col: at.col, rule, severity, message, ...(path !== undefined ? { path } : {}) };
}
