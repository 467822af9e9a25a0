/**
 * `kehoach init [DIR]`: an office profile and a first plan from the standard skeleton,
 * prefilled from the profile, with the schema line on top. Never overwrites a file; asks
 * questions only on a terminal, otherwise takes flags.
 */
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { makeFolders, OutputError, writeAtomic } from "./atomic.js";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { PACKAGE_ROOT, SCHEMAS_DIR, TEMPLATES_DIR } from "../paths.js";
import { initMessages as m, cliMessages } from "../messages/cli.js";
import { reasonVi } from "../messages/files.js";
import { isFolder } from "../read/files.js";
import { readSource } from "../read/index.js";
import { PROFILE_FILE } from "../read/locate.js";
import type { ProfileSource } from "../model/plan.js";

export interface InitOptions {
  coQuan?: string;
  chuQuan?: string;
  tenGoi?: string;
  vietTat?: string;
  diaDanh?: string;
  nguoiKy?: string;
  nam?: string;
}

const UNIT_WORDS = ["THỊ TRẤN", "THỊ XÃ", "THÀNH PHỐ", "PHƯỜNG", "XÃ", "HUYỆN", "QUẬN", "TỈNH"];

function titleCase(s: string): string {
  return s
    .toLocaleLowerCase("vi")
    .split(/\s+/)
    .map((w) => (w ? w[0]!.toLocaleUpperCase("vi") + w.slice(1) : w))
    .join(" ");
}

/** "XÃ BẰNG MẠC" → { unit: "xã", place: "Bằng Mạc" } */
function splitUnit(line: string): { unit: string; place: string } {
  const up = line.toLocaleUpperCase("vi").trim();
  for (const u of UNIT_WORDS) if (up.startsWith(u + " ")) return { unit: u.toLocaleLowerCase("vi"), place: titleCase(up.slice(u.length + 1)) };
  return { unit: "", place: titleCase(up) };
}

/** The sentence form of an agency written in capitals: ỦY BAN NHÂN DÂN / XÃ BẰNG MẠC → Ủy ban nhân dân xã Bằng Mạc. */
export function sentenceName(lines: string[]): string {
  const [first = "", ...rest] = lines;
  const lower = first.toLocaleLowerCase("vi");
  const head = lower ? lower[0]!.toLocaleUpperCase("vi") + lower.slice(1) : "";
  const tail = rest.map((l) => {
    const { unit, place } = splitUnit(l);
    return unit ? `${unit} ${place}` : place;
  });
  return [head, ...tail].join(" ").trim();
}

/** The folder, at the office repository's root, holding the copy of kehoach's schemas that schema lines name when kehoach is not installed there. */
export const SCHEMA_COPY_DIR = ".kehoach";
const SCHEMA_FILES = ["kehoach.schema.json", "co-quan.schema.json"];

/** The schema folder a schema line names (relative to the plan's folder), and the schema copies written for it. */
export interface SchemaFolder {
  dir: string;
  /** The folder the schemas were copied to just now (relative to the working folder), if they were. */
  copied?: string;
  /** The copy could not be written (its path, the system's reason code): the line names this kehoach's schemas. */
  failed?: { path: string; code: string };
}

/**
 * The schema folder the schema lines of `kehoach init` and `kehoach import` name, relative to DIR,
 * so that the line still works when the office folder is moved, committed and cloned: the office
 * repository's own installed kehoach (node_modules/kehoach/schemas in DIR or a parent folder), which
 * follows the version the repository pins; DIR inside this kehoach's own folder (its examples), its
 * schemas; otherwise (kehoach installed globally, or a checkout elsewhere) a copy of the schemas in
 * .kehoach/ at the repository's root (the folder holding .git; DIR outside a repository: DIR itself),
 * written once and committed with the plans. A copy already there is kept as it is.
 */
export async function schemaDirFor(dir: string, protect: string[] = []): Promise<SchemaFolder> {
  const here = resolve(dir);
  const rel = (to: string): string => relative(here, to).split("\\").join("/").replace(/\/$/, "") || ".";
  for (let d = here; ; d = dirname(d)) {
    const installed = join(d, "node_modules", "kehoach", "schemas");
    if (existsSync(join(installed, SCHEMA_FILES[0]!))) return { dir: rel(installed) };
    if (dirname(d) === d) break;
  }
  const inTool = relative(PACKAGE_ROOT, here);
  if (!inTool.startsWith("..") && !isAbsolute(inTool)) return { dir: rel(SCHEMAS_DIR) };
  // a copy made before, in this folder or up to the repository's root; never one outside the repository
  let root = here;
  for (let d = here; ; d = dirname(d)) {
    if (existsSync(join(d, SCHEMA_COPY_DIR, SCHEMA_FILES[0]!))) return { dir: rel(join(d, SCHEMA_COPY_DIR)) };
    if (existsSync(join(d, ".git"))) {
      root = d;
      break;
    }
    if (dirname(d) === d) break;
  }
  const copy = join(root, SCHEMA_COPY_DIR);
  let copied: string | undefined;
  for (const name of SCHEMA_FILES) {
    const to = join(copy, name);
    try {
      makeFolders(copy);
      if (!existsSync(to)) {
        await writeAtomic(to, readFileSync(join(SCHEMAS_DIR, name)), protect);
        copied = relative(process.cwd(), copy) || ".";
      }
    } catch (e) {
      const code = e instanceof OutputError ? e.reason : String((e as NodeJS.ErrnoException).code ?? e);
      return { dir: rel(SCHEMAS_DIR), copied, failed: { path: to, code } };
    }
  }
  return { dir: rel(copy), copied };
}

async function render(name: string, data: object): Promise<string> {
  // loaded here: import uses this module's schemaDirFor, and handlebars costs every import 3 ms to load
  const { default: Handlebars } = await import("handlebars");
  const hb = Handlebars.create();
  hb.registerHelper("json", (v: unknown) => JSON.stringify(v ?? ""));
  const src = readFileSync(join(TEMPLATES_DIR, "init", name), "utf8");
  return hb.compile(src, { noEscape: true, knownHelpers: { json: true }, knownHelpersOnly: true })(data);
}

/**
 * Creates a file only if it does not exist (flag "wx"): no race, no overwrite. Says what it
 * did in Vietnamese: "exists" leaves a file of the user's alone, "failed" is an error.
 */
function create(path: string, text: string, out: (s: string) => void): "created" | "exists" | "failed" {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST" && !isFolder(path)) {
      out(m.exists(path));
      return "exists";
    }
    out(code === "EEXIST" ? m.existsFolder(path) : m.cannotCreate(path, reasonVi(code)));
    return "failed";
  }
  try {
    writeSync(fd, text);
  } catch (e) {
    // a half-written skeleton is worse than none (disk full)
    closeSync(fd);
    rmSync(path, { force: true });
    out(m.cannotCreate(path, reasonVi((e as NodeJS.ErrnoException).code)));
    return "failed";
  }
  closeSync(fd);
  out(m.created(path));
  return "created";
}


/** Asks on the terminal; lines typed ahead are kept, and Ctrl+D (end of input) leaves the rest unanswered. */
async function ask(opts: InitOptions): Promise<InitOptions> {
  // loaded here: import uses this module's schemaDirFor, and never asks
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  try {
    const q = async (text: string, current?: string): Promise<string | undefined> => {
      if (current !== undefined) return current;
      process.stderr.write(text);
      const next = await lines.next();
      return next.done ? undefined : next.value.trim() || undefined;
    };
    const coQuan = await q(m.ask.agency, opts.coQuan);
    const lines_ = (coQuan ?? "").split("/").map((x) => x.trim()).filter(Boolean);
    const tenGoi = await q(m.ask.name, opts.tenGoi ?? (lines_.length ? sentenceName(lines_.map((l) => l.toLocaleUpperCase("vi"))) : undefined));
    return { ...opts, coQuan, tenGoi, vietTat: await q(m.ask.abbr, opts.vietTat), diaDanh: await q(m.ask.place, opts.diaDanh), nguoiKy: await q(m.ask.signer, opts.nguoiKy) };
  } finally {
    rl.close();
  }
}

export async function initCommand(dir: string, given: InitOptions, interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY)): Promise<number> {
  // the year becomes part of a file name: only a year, never a path
  if (given.nam !== undefined && !/^(?!0000)\d{4}$/.test(given.nam)) {
    process.stderr.write(cliMessages.usage(m.badYear(given.nam)) + "\n");
    return 2;
  }
  try {
    makeFolders(dir);
  } catch (e) {
    // a file where the folder should be, or a folder under a file, or no right to create it
    const code = (e as NodeJS.ErrnoException).code;
    process.stderr.write(m.cannotCreateFolder(dir, code === "EEXIST" || code === "ENOTDIR" ? m.fileInTheWay : reasonVi(code)) + "\n");
    return 1;
  }
  const profilePath = join(dir, PROFILE_FILE);
  const year = given.nam ?? String(new Date().getFullYear());
  const planPath = join(dir, `ke-hoach-${year}.yaml`);
  const out = (s: string): boolean => process.stderr.write(s + "\n");
  const schemas = await schemaDirFor(dir);
  if (schemas.copied) out(m.schemaCopied(schemas.copied));
  if (schemas.failed) out(m.cannotCreate(schemas.failed.path, reasonVi(schemas.failed.code)));
  const schemaDir = schemas.dir;

  let tenGoi: string | undefined;
  let created = 0;
  let failed = false;
  if (existsSync(profilePath)) {
    out(isFolder(profilePath) ? m.existsFolder(profilePath) : m.exists(profilePath));
    failed = isFolder(profilePath);
    const existing = readSource(profilePath).value as ProfileSource | undefined;
    tenGoi = existing?.co_quan?.ten_goi;
  } else {
    const opts = interactive ? await ask(given) : given;
    if (!opts.coQuan) {
      out(cliMessages.usage(m.missing("--co-quan")));
      return 2;
    }
    if (!opts.nguoiKy) {
      out(cliMessages.usage(m.missing("--nguoi-ky")));
      return 2;
    }
    const vietTat = opts.vietTat ?? "UBND";
    if (!/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/.test(vietTat)) {
      out(cliMessages.usage(m.badAbbr(vietTat)));
      return 2;
    }
    const ten = opts.coQuan.split("/").map((s) => s.trim().toLocaleUpperCase("vi")).filter(Boolean);
    tenGoi = opts.tenGoi ?? sentenceName(ten);
    const data = {
      schema_dir: schemaDir,
      chu_quan: opts.chuQuan?.toLocaleUpperCase("vi"),
      ten,
      ten_goi: tenGoi,
      viet_tat: vietTat,
      dia_danh: opts.diaDanh ?? splitUnit(ten[ten.length - 1] ?? "").place,
      tm: ten[0],
      ho_ten: opts.nguoiKy,
    };
    const made = create(profilePath, await render("co-quan.yaml.hbs", data), out);
    if (made === "created") created++;
    failed ||= made === "failed";
  }
  const loiDan = `${tenGoi ?? "Ủy ban nhân dân"} ban hành Kế hoạch thực hiện công tác … năm ${year} như sau:`;
  const plan = await render("ke-hoach.yaml.hbs", { schema_dir: schemaDir, nam: year, loi_dan: loiDan, file: planPath });
  const made = create(planPath, plan, out);
  if (made === "created") {
    out(m.next(planPath));
    created++;
  }
  return created > 0 && !failed && made !== "failed" ? 0 : 1;
}
