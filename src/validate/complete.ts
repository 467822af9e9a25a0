/**
 * Completeness: the parts a plan needs to be printed (agency, signer, recipients, date), found
 * in the plan or in its office profile. Checked on the merged sources, before normalize builds.
 */
import { finding, type Finding } from "../model/finding.js";
import type { PlanSource, ProfileSource } from "../model/plan.js";
import type { SourceFile } from "../read/index.js";
import { completeMessages as m, PART_VI } from "../messages/complete.js";
import { mergeProfile } from "./profile.js";

/** Findings for each part neither the plan nor its profile gives. */
export function completenessFindings(plan: SourceFile, profile: SourceFile | undefined): Finding[] {
  const own = plan.value as PlanSource;
  const p = mergeProfile(profile?.value as ProfileSource | undefined, own);
  const findings: Finding[] = [];
  const top = plan.positions.valueAt([]);
  const missing = (key: string, message: string, at = top, path = key): void => {
    findings.push(finding("plan.incomplete", { file: plan.file, ...at }, message, path));
  };
  const part = (key: keyof typeof PART_VI, at = top): void => missing(key, m.missingPart(key, PART_VI[key]), at);
  const agencyAt = own.co_quan ? plan.positions.keyAt(["co_quan"]) : top;
  if (!p.co_quan?.ten) part("co_quan.ten", agencyAt);
  if (!p.co_quan?.viet_tat) part("co_quan.viet_tat", agencyAt);
  if (!p.co_quan?.dia_danh) part("co_quan.dia_danh", agencyAt);
  // a plan issued with a Quyết định is signed, numbered and sent by the Quyết định
  const withDecree = own.quyet_dinh !== undefined;
  const signerAt = own.nguoi_ky ? plan.positions.keyAt(["nguoi_ky"]) : top;
  if (withDecree) {
    // normalize refuses what such a plan would not print (decreeConflicts)
  } else if (!p.nguoi_ky) part("nguoi_ky");
  else {
    if (!p.nguoi_ky.ho_ten && !p.ky_so) missing("nguoi_ky.ho_ten", m.missingSigner(), signerAt);
    if (!p.nguoi_ky.chuc_vu && !p.nguoi_ky.q) missing("nguoi_ky.chuc_vu", m.missingTitle(), signerAt);
  }
  if (!withDecree && (!p.noi_nhan || p.noi_nhan.length === 0)) part("noi_nhan");
  if (!withDecree && !p.ngay && !p.ky_so) missing("ngay", m.missingDate());
  return findings;
}
