/**
 * The default lời dẫn and closing sentence (loi-dan.hbs, ket-thuc.hbs) put the trích yếu inside a
 * sentence. Lower-casing its first letter is right for "Thực hiện công tác …" but garbles a word in
 * capitals ("tRIỂN KHAI"), and lower-casing a whole title is not safe in Vietnamese (proper names:
 * "Luật Việc làm"): a trích yếu in capitals needs its sentence form from the user.
 */
import type { Finding } from "../model/finding.js";
import type { PlanSource } from "../model/plan.js";
import type { SourceFile } from "../read/index.js";
import { sentenceMessages as m } from "../messages/normalize.js";

/** Starts with a word in capitals ("TRIỂN", "UBND"): its first letter cannot be lower-cased alone. */
export function startsWithCapitalWord(s: string): boolean {
  return /^\p{Lu}{2,}/u.test(s.trimStart());
}

/** Every letter is a capital (and there are at least two): typed as a title in capitals. */
function inCapitals(s: string): boolean {
  return (s.match(/\p{L}/gu)?.length ?? 0) >= 2 && !/\p{Ll}/u.test(s);
}

/** The trích yếu as the default sentences print it when the user gave no sentence form. */
export function summaryInSentence(summary: string): string {
  return summary && !startsWithCapitalWord(summary) ? summary[0]!.toLocaleLowerCase("vi") + summary.slice(1) : summary;
}

/**
 * A warning when a default sentence would print a trích yếu in capitals; an error when
 * trich_yeu_trong_cau is given but no default sentence uses it.
 */
export function sentenceFindings(plan: SourceFile, merged: PlanSource): Finding[] {
  const usedBy = [
    ...(typeof merged.mo_dau !== "string" && merged.mo_dau?.loi_dan === undefined ? ["loi_dan"] : []),
    ...(merged.ket_thuc === undefined ? ["ket_thuc"] : []),
  ];
  const finding = (key: string, severity: Finding["severity"], rule: string, message: string): Finding => ({
    file: plan.file,
    ...(severity === "error" ? plan.positions.keyAt([key]) : plan.positions.valueAt([key])),
    rule,
    severity,
    message,
    path: key,
  });
  if (merged.trich_yeu_trong_cau !== undefined) {
    return usedBy.length ? [] : [finding("trich_yeu_trong_cau", "error", "plan.unused-key", m.sentenceFormUnused())];
  }
  const summary = merged.trich_yeu ?? "";
  if (!usedBy.length || !inCapitals(summary)) return [];
  return [finding("trich_yeu", "warning", "text.summary-capitals", m.summaryInCapitals(usedBy, summary.replace(/\s*\n\s*/g, " ").toLocaleLowerCase("vi")))];
}
