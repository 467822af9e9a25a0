/**
 * One plan through the stages: read → validate → normalize (with its office profile).
 * Commands compose this with render and write; nothing here writes files.
 */
import type { Finding } from "./model/finding.js";
import { hasErrors } from "./model/finding.js";
import type { NormalizedPlan } from "./model/normalized.js";
import { readSource, type SourceFile } from "./read/index.js";
import { validateSource } from "./validate/index.js";
import { locateProfile, normalizePlan } from "./normalize/index.js";

export interface LoadedPlan {
  file: string;
  plan?: NormalizedPlan;
  /** The plan's source and, when found, its profile's. */
  sources: SourceFile[];
  findings: Finding[];
}

export function loadPlan(file: string): LoadedPlan {
  const src = readSource(file);
  const findings = [...src.findings];
  if (hasErrors(findings)) return { file, sources: [src], findings };
  findings.push(...validateSource(src, "plan"));
  const sources = [src];
  const where = locateProfile(src);
  let profile: SourceFile | undefined;
  if (where.finding) findings.push(where.finding);
  else if (where.path) {
    profile = readSource(where.path);
    sources.push(profile);
    findings.push(...profile.findings);
    if (!hasErrors(profile.findings)) findings.push(...validateSource(profile, "profile"));
  }
  if (hasErrors(findings)) return { file, sources, findings };
  const n = normalizePlan({ plan: src, profile });
  findings.push(...n.findings);
  return { file, plan: n.plan, sources, findings };
}
