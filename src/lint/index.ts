/**
 * Lint stage: what the schema cannot see. A plan can be well formed and still wrong: a year
 * copied from last year's plan, a deadline before the plan, a citation whose ký hiệu does not
 * match its type, a signature stack the decree does not allow, text pasted in an old encoding.
 */
import type { Finding } from "../model/finding.js";
import type { PlanSource } from "../model/plan.js";
import type { SourceFile } from "../read/index.js";
import { FindingCap } from "../read/cap.js";
import { lintMessages as m, LINT_RULE_DESCRIPTIONS } from "../messages/lint.js";
import { suggest } from "../validate/suggest.js";
import { convertLegacy, detectLegacy, isNfd, maybeLegacy } from "../text/encoding.js";
import { citations, dates, hygiene, literalNewlines, recipients, signature, staleReferences, staleYears, titleWidth } from "./rules.js";
import { emitter, textValues } from "./text.js";
import { finding } from "../model/finding.js";

export interface LintContext {
  /** The plan's `ngay` ("2025-03-05", "2024-05", "2025"), from the plan or its profile. */
  planDate?: string;
  today: Date;
  disabled: ReadonlySet<string>;
  futureMarginDays: number;
}

/** Every lint rule id, with what it finds (shown by `kehoach lint --help`). */
export const LINT_RULES: Readonly<Record<string, string>> = LINT_RULE_DESCRIPTIONS;

/** Encoding problems are seen on the file's raw text, since the reader already normalised values. */
function encoding(src: SourceFile, out: FindingCap, disabled: ReadonlySet<string>): void {
  // most files have neither, and both are seen at once on the whole text
  if (!maybeLegacy(src.text) && !isNfd(src.text)) return;
  src.text.split("\n").forEach((line, i) => {
    const legacy = detectLegacy(line);
    if (legacy && !disabled.has("lint.legacy-encoding")) {
      out.push(finding("lint.legacy-encoding", { file: src.file, line: i + 1, col: Math.max(1, line.search(/\S/) + 1) }, m.legacy(legacy)));
    } else if (isNfd(line) && !disabled.has("lint.text-nfd")) {
      const col = [...line].findIndex((ch) => /\p{M}/u.test(ch));
      out.push(finding("lint.text-nfd", { file: src.file, line: i + 1, col: Math.max(1, col) }, m.nfd()));
    }
  });
}

export function lintSource(src: SourceFile, ctx: LintContext): Finding[] {
  const out = new FindingCap(src.file);
  const value = src.value as PlanSource | undefined;
  if (!value || typeof value !== "object") return [];
  const emit = emitter(src, out, ctx.disabled);
  const [y, mo, d] = (ctx.planDate ?? "").split("-").map(Number);
  const rc = {
    value,
    texts: textValues(value),
    emit,
    plan: { year: y || undefined, month: mo || undefined, day: d || undefined },
    today: ctx.today,
    futureMarginDays: ctx.futureMarginDays,
  };
  encoding(src, out, ctx.disabled);
  dates(rc);
  staleYears(rc);
  citations(rc);
  recipients(rc);
  signature(rc);
  hygiene(rc);
  staleReferences(rc);
  titleWidth(rc, typeof value.trich_yeu === "string" ? value.trich_yeu : undefined);
  // in a double-quoted scalar "\n" is YAML's own escape: only the other styles keep it as two characters
  literalNewlines(rc, (path) => !src.positions.entry(path)?.source?.startsWith('"'));
  (value.kiem_tra?.tat ?? []).forEach((id, i) => {
    if (!(id in LINT_RULES)) emit("lint.unknown-rule", "warning", ["kiem_tra", "tat", i], m.unknownRule(id, suggest(id, Object.keys(LINT_RULES))));
  });
  return out.done().sort((a, b) => a.line - b.line || a.col - b.col);
}

/** --fix: legacy encodings to Unicode, NFD to NFC, double spaces between words to one. Line by line. */
export function fixText(text: string): { text: string; changes: { line: number; rule: string; before: string; after: string }[] } {
  const changes: { line: number; rule: string; before: string; after: string }[] = [];
  const lines = text.split("\n").map((line, i) => {
    let after = line;
    let rule = "";
    const legacy = detectLegacy(after);
    if (legacy) {
      after = convertLegacy(after, legacy);
      rule = "lint.legacy-encoding";
    }
    if (isNfd(after)) {
      after = after.normalize("NFC");
      rule ||= "lint.text-nfd";
    }
    const lead = /^\s*/.exec(after)![0];
    const body = after.slice(lead.length).replace(/(\S) {2,}(?=\S)/g, "$1 ");
    if (lead + body !== after) {
      after = lead + body;
      rule ||= "lint.double-space";
    }
    if (after !== line) changes.push({ line: i + 1, rule, before: line, after });
    return after;
  });
  return { text: lines.join("\n"), changes };
}
