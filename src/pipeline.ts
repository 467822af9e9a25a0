/**
 * One plan through the stages: read → validate → normalize (with its office profile).
 * Commands compose this with render and write; nothing here writes files.
 */
import { statSync } from "node:fs";
import type { Finding } from "./model/finding.js";
import { hasErrors } from "./model/finding.js";
import type { NormalizedPlan } from "./model/normalized.js";
import type { ProfileSource } from "./model/plan.js";
import { readSource, type SourceFile } from "./read/index.js";
import { validateSource } from "./validate/index.js";
import { isProfile, locateProfile, locateTemplates } from "./read/locate.js";
import { normalizePlan } from "./normalize/index.js";
import { append } from "./lists.js";
import { capFindings } from "./read/cap.js";
import { loadSheets } from "./read/sheets.js";

export interface LoadedPlan {
  file: string;
  /** "profile" when the file given is an office profile (normalize/profile.ts isProfile): checked as one, nothing to build. */
  kind: "plan" | "profile";
  plan?: NormalizedPlan;
  /** The plan's source and, when found, its profile's. */
  sources: SourceFile[];
  findings: Finding[];
}

/**
 * One office profile serves many plans: in a batch it is read and checked once, and again only
 * when the file changes (another size, time or inode), as in watch mode. Nothing downstream
 * changes a source, so sharing it is safe.
 */
const profiles = new Map<string, { stamp: string; source: SourceFile; findings: Finding[] }>();

function loadProfile(path: string): { source: SourceFile; findings: Finding[] } {
  let stamp: string | undefined;
  try {
    const st = statSync(path);
    if (st.isFile()) stamp = `${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch {
    stamp = undefined; // readSource reports why
  }
  const hit = profiles.get(path);
  if (stamp !== undefined && hit?.stamp === stamp) return hit;
  const source = readSource(path);
  const findings = [...source.findings];
  if (!hasErrors(source.findings)) append(findings, validateSource(source, "profile"));
  if (stamp !== undefined) profiles.set(path, { stamp, source, findings });
  return { source, findings };
}

export function loadPlan(file: string): LoadedPlan {
  const src = readSource(file);
  const findings = [...src.findings];
  if (hasErrors(findings)) return { file, kind: "plan", sources: [src], findings };
  if (isProfile(src)) return { file, kind: "profile", sources: [src], findings: append(findings, validateSource(src, "profile")) };
  append(findings, validateSource(src, "plan"));
  const sources = [src];
  const where = locateProfile(src);
  let profile: SourceFile | undefined;
  if (where.finding) findings.push(where.finding);
  else if (where.path) {
    const office = loadProfile(where.path);
    profile = office.source;
    sources.push(profile);
    append(findings, office.findings);
  }
  if (hasErrors(findings)) return { file, kind: "plan", sources, findings };
  // the templates folder of the plan, or else of its profile
  const declaring = (src.value as ProfileSource).mau !== undefined ? src : (profile?.value as ProfileSource | undefined)?.mau !== undefined ? profile : undefined;
  const templates = declaring ? locateTemplates(declaring) : {};
  // the spreadsheets the plan's tables name, read once the plan is known to be well formed
  const sheets = loadSheets(src);
  if (hasErrors(sheets.findings)) return { file, kind: "plan", sources, findings: append(findings, sheets.findings) };
  const n = normalizePlan({ plan: src, profile, templatesDir: templates.path, sheets: sheets.tables });
  append(findings, capFindings(file, n.findings));
  if (templates.finding) return { file, kind: "plan", sources, findings: [...findings, templates.finding] };
  return { file, kind: "plan", plan: n.plan, sources, findings };
}
