/**
 * The office profile: named by the plan (`ho_so`) or found as co-quan.yaml beside the plan or
 * in a parent folder. Paths a file names must stay inside that file's folder.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Finding } from "../model/finding.js";
import type { PlanSource, ProfileSource } from "../model/plan.js";
import type { SourceFile } from "../read/index.js";
import { normalizeMessages as m } from "../messages/normalize.js";

export const PROFILE_FILE = "co-quan.yaml";

function inside(base: string, target: string): boolean {
  const rel = relative(base, target);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** Resolves a path named in `declaredIn` that must stay inside that file's folder (symlinks followed). */
export function resolveInside(declaredIn: string, p: string): { path?: string; outside: boolean; missing: boolean } {
  const base = real(dirname(resolve(declaredIn)));
  const target = resolve(base, p);
  if (!inside(base, target)) return { outside: true, missing: false };
  if (!existsSync(target)) return { path: target, outside: false, missing: true };
  if (!inside(base, real(target))) return { outside: true, missing: false };
  return { path: target, outside: false, missing: false };
}

/** Where the plan's profile is, or a finding saying why it cannot be used. */
export function locateProfile(plan: SourceFile): { path?: string; finding?: Finding } {
  const value = plan.value as PlanSource;
  if (typeof value.ho_so === "string") {
    const at = plan.positions.valueAt(["ho_so"]);
    const r = resolveInside(plan.file, value.ho_so);
    const fail = (message: string): { finding: Finding } => ({
      finding: { file: plan.file, ...at, rule: "profile.path", severity: "error", message, path: "ho_so" },
    });
    if (r.outside) return fail(m.profileOutside(value.ho_so));
    if (r.missing) return fail(m.profileMissing(value.ho_so));
    return { path: relative(process.cwd(), r.path!) || r.path };
  }
  let dir = dirname(resolve(plan.file));
  for (;;) {
    const candidate = join(dir, PROFILE_FILE);
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      return { path: relative(process.cwd(), candidate) || candidate };
    }
    const up = dirname(dir);
    if (up === dir) return {};
    dir = up;
  }
}

/**
 * Profile below, plan on top. co_quan merges key by key (a plan may change only the place);
 * the other keys are replaced whole (a plan signed by someone else replaces the whole stack).
 */
export function mergeProfile(profile: ProfileSource | undefined, plan: PlanSource): PlanSource {
  if (!profile) return plan;
  const merged: PlanSource = { ...profile, ...plan };
  if (profile.co_quan || plan.co_quan) merged.co_quan = { ...profile.co_quan, ...plan.co_quan };
  return merged;
}
