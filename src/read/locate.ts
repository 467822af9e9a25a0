/**
 * The files a plan brings in besides itself, found before any stage uses them: its office
 * profile (named by `ho_so`, or co-quan.yaml beside the plan or in a parent folder) and its
 * templates folder (`mau`). Paths a file names stay inside that file's folder (read/files.ts).
 * Normalize only merges what was found here; it reads no file.
 */
import { basename, dirname, join, relative, resolve } from "node:path";
import type { Finding } from "../model/finding.js";
import { PROFILE_KEYS, type PlanSource, type ProfileSource } from "../model/plan.js";
import type { SourceFile } from "./index.js";
import { isFolder, resolveContained } from "./files.js";
import { normalizeMessages as m } from "../messages/normalize.js";
import { fileMessages as fm } from "../messages/files.js";
import { finding } from "../model/finding.js";

export const PROFILE_FILE = "co-quan.yaml";

const PROFILE_KEY_SET: ReadonlySet<string> = new Set(PROFILE_KEYS);

/**
 * Whether a file given as a plan is an office profile: it is named co-quan.yaml, or it has
 * neither trich_yeu nor noi_dung and only keys a profile may have. A plan that has only some of
 * its keys so far (say `so` or `ngay`) is still a plan, and is told what it lacks.
 */
export function isProfile(src: SourceFile): boolean {
  if (basename(src.file) === PROFILE_FILE) return true;
  const value = src.value;
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => PROFILE_KEY_SET.has(k));
}

const shown = (p: string): string => relative(process.cwd(), p) || p;

/** Where the plan's profile is, or a finding saying why it cannot be used. */
export function locateProfile(plan: SourceFile): { path?: string; finding?: Finding } {
  const value = plan.value as PlanSource;
  if (typeof value.ho_so === "string") {
    const at = plan.positions.valueAt(["ho_so"]);
    const r = resolveContained(dirname(plan.file), value.ho_so, "file");
    const fail = (message: string): { finding: Finding } => ({
      finding: finding("profile.path", { file: plan.file, ...at }, message, "ho_so"),
    });
    if (r.refusal === "outside") return fail(m.profileOutside(value.ho_so));
    if (r.refusal === "missing") return fail(m.profileMissing(value.ho_so));
    if (r.refusal) return fail(fm.refused(fm.profileWord, value.ho_so, r.refusal, r.code));
    return { path: shown(r.path!) };
  }
  return profileAbove(plan.file);
}

/**
 * The profile found upward from `file`'s folder, as for a plan without `ho_so` (import looks for
 * the one its plan will use without parsing a plan first).
 */
export function profileAbove(file: string): { path?: string; finding?: Finding } {
  // found upward: each co-quan.yaml must be a file of the folder it is found in, not a way out of it
  let dir = dirname(resolve(file));
  for (;;) {
    const r = resolveContained(dir, PROFILE_FILE, "file");
    if (!r.refusal) return { path: shown(r.path!) };
    // a folder of that name is not a profile; a device, FIFO or socket of that name is refused
    if (r.refusal !== "missing" && !(r.refusal === "not-file" && isFolder(join(dir, PROFILE_FILE)))) {
      const file = shown(join(dir, PROFILE_FILE));
      return { finding: finding("profile.path", { file, line: 1, col: 1 }, fm.refused(fm.profileWord, file, r.refusal, r.code)) };
    }
    const up = dirname(dir);
    if (up === dir) return {};
    dir = up;
  }
}

/** The templates folder a plan or profile names in `mau` (relative to that file, inside its folder), or why not. */
export function locateTemplates(declaring: SourceFile): { path?: string; finding?: Finding } {
  const name = (declaring.value as ProfileSource).mau;
  if (name === undefined) return {};
  const r = resolveContained(dirname(declaring.file), name, "folder");
  if (!r.refusal) return { path: r.path };
  const message = r.refusal === "outside" ? m.templatesOutside(name) : r.refusal === "missing" ? m.templatesMissing(name) : fm.refused(fm.templatesFolderWord, name, r.refusal, r.code);
  return { finding: finding("templates.path", { file: declaring.file, ...declaring.positions.valueAt(["mau"]) }, message, "mau") };
}
