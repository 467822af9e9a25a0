/**
 * Turns command-line arguments (files, folders, globs) into plan files. A file named
 * explicitly is always taken (a profile among them is told apart by pipeline.ts); inside folders, a YAML file is a plan when it has
 * `trich_yeu` or `noi_dung` at its top level (profiles and CI files are skipped). `kehoach fmt`
 * takes office profiles from folders too: a YAML file with a profile's key at its top level.
 */
import { readdirSync, statSync } from "node:fs";
import { readRegularFile } from "../read/files.js";
import { join, relative, sep } from "node:path";
import { finding, type Finding } from "../model/finding.js";
import { cliMessages as m } from "../messages/cli.js";
import { PROFILE_KEYS } from "../model/plan.js";

export interface PlanFile {
  file: string;
  /** The folder the file was found under (for --out-dir mirroring). */
  root: string;
}

const SKIP_DIRS = new Set(["node_modules", ".git", "out", "dist"]);
const PLAN_KEY = /^(trich_yeu|noi_dung)\s*:/m;
const PROFILE_KEY = new RegExp(`^(${PROFILE_KEYS.join("|")})\\s*:`, "m");
/** How much of a YAML file a folder scan reads to tell a plan: its top-level keys come first. */
const SCAN_BYTES = 64 * 1024;

function isYaml(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** Whether a YAML file found in a folder is a plan (or a profile, when asked), from its start only (a regular file's; a FIFO is never waited on). */
function looksLikePlan(file: string, profiles: boolean): boolean {
  const r = readRegularFile(file, SCAN_BYTES, true);
  if (!("bytes" in r)) return false;
  const start = r.bytes.toString("utf8");
  return PLAN_KEY.test(start) || (profiles && PROFILE_KEY.test(start));
}

/** Collects the YAML files below dir; folders that cannot be read are told in `unreadable`. */
function walk(dir: string, out: string[], unreadable: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    // a glob's missing base is told as "no file matches"; a folder there but unreadable, here
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") unreadable.push(dir);
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith(".")) walk(join(dir, e.name), out, unreadable);
    } else if (e.isFile() && isYaml(e.name)) out.push(join(dir, e.name));
  }
}

function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      re += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/**
 * Expands arguments. Unmatched arguments are returned so the caller can report them; `findings`
 * says so (an error each) and names the folders that could not be read (a warning each).
 */
export function expandArgs(args: string[], opts: { profiles?: boolean } = {}): { plans: PlanFile[]; unmatched: string[]; findings: Finding[] } {
  const plans: PlanFile[] = [];
  const unmatched: string[] = [];
  const unreadable: string[] = [];
  const seen = new Set<string>();
  const add = (file: string, root: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    plans.push({ file, root });
  };
  for (const arg of args) {
    if (/[*?]/.test(arg)) {
      const norm = arg.split(sep).join("/");
      const firstWild = norm.search(/[*?]/);
      const baseEnd = norm.lastIndexOf("/", firstWild);
      const base = baseEnd < 0 ? "." : norm.slice(0, baseEnd) || "/";
      const re = globToRegExp(baseEnd < 0 ? norm : norm.slice(baseEnd + 1));
      const found: string[] = [];
      walk(base, found, unreadable);
      const hits = found.filter((f) => re.test(relative(base, f).split(sep).join("/")) && looksLikePlan(f, opts.profiles === true));
      if (!hits.length) unmatched.push(arg);
      for (const f of hits) add(f, base);
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      /* a missing file is reported by the read stage, with its name */
    }
    if (isDir) {
      const found: string[] = [];
      walk(arg, found, unreadable);
      const hits = found.filter((f) => looksLikePlan(f, opts.profiles === true));
      if (!hits.length) unmatched.push(arg);
      for (const f of hits) add(f, arg);
    } else add(arg, ".");
  }
  const findings: Finding[] = [
    ...unmatched.map((a) => finding("file.none", { file: a, line: 1, col: 1 }, m.noFiles(a))),
    ...unreadable.map((d): Finding => finding("file.unreadable-folder", { file: d, line: 1, col: 1 }, m.unreadableFolder(d))),
  ];
  return { plans, unmatched, findings };
}
