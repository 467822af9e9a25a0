/**
 * Keys the schema accepts but that another key makes useless (the schema cannot see across them):
 * each is an error at the key, so nothing the user typed is silently ignored.
 */
import type { Finding, Path } from "../model/finding.js";
import { pathToString } from "../model/finding.js";
import type { ItemSource, PlanSource } from "../model/plan.js";
import { allItems } from "./punctuation.js";
import type { SourceFile } from "../read/index.js";
import { unusedMessages as m } from "../messages/normalize.js";
import { finding } from "../model/finding.js";

/** A recipient typed as the archive line ("Lưu: VT, VP."): printed as typed, last. */
export const ARCHIVE_LINE = /^\s*Lưu\b/i;

export function unusedKeyFindings(plan: SourceFile, profile: SourceFile | undefined, merged: PlanSource): Finding[] {
  const own = plan.value as PlanSource;
  const office = profile?.value as PlanSource | undefined;
  const findings: Finding[] = [];
  const unused = (src: SourceFile, path: Path, message: string): void => {
    findings.push(finding("plan.unused-key", { file: src.file, ...src.positions.keyAt(path) }, message, pathToString(path)));
  };

  // a typed "Lưu: …" recipient is printed instead of the line luu makes; luu is then unused, unless
  // it is the profile's and the plan typed its own Lưu line (the plan overrides its profile)
  const recipientsFrom = own.noi_nhan !== undefined ? plan : profile;
  const recipients = merged.noi_nhan ?? [];
  const typed = recipients.findIndex((r) => ARCHIVE_LINE.test(typeof r === "string" ? r : r.ten));
  const archiveFrom = own.luu !== undefined ? plan : office?.luu !== undefined ? profile : undefined;
  if (typed >= 0 && archiveFrom && !(archiveFrom === profile && own.noi_nhan !== undefined)) unused(archiveFrom, ["luu"], m.archive());
  const typedLine = recipients[typed];
  if (typedLine && typeof typedLine === "object" && typedLine.ghi_chu !== undefined) unused(recipientsFrom!, ["noi_nhan", typed, "ghi_chu"], m.archiveNote());
  // an unnumbered paragraph between items is nothing but its text
  for (const base of ["noi_dung", "phu_luc"] as const) {
    for (const [c, container] of (own[base] ?? []).entries()) {
      for (const [it, path] of allItems(container.cac_y as ItemSource[] | undefined, [base, c, "cac_y"])) {
        if (typeof it !== "object" || !("doan_chen" in it)) continue;
        for (const key of Object.keys(it)) if (key !== "doan_chen") unused(plan, [...path, key], m.besideInsert(key));
      }
    }
  }
  return findings;
}
