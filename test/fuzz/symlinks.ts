/**
 * Fuzz generator: plan folders whose templates and profiles are symlinks, in every way that
 * could lead out of the folder (absolute, relative with .., chains through an inside link,
 * a symlinked template folder, a dangling link, a link to a folder, an auto-found or named
 * profile). Outside sits a secret that is a valid template and a valid profile, so that
 * following any of these links would print it. The property: the secret never reaches the
 * document or a message; a plan is built or refused with a Vietnamese error, never a crash.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildOne } from "../../src/commands/build.js";
import { readZip } from "../../src/pack/index.js";
import { MINIMAL_PLAN, tempDir } from "../helpers.js";

export const SECRET = "BIMAT-NGOAI-THU-MUC";

export interface SymlinkOutcome {
  cases: number;
  built: number;
  refused: number;
  /** Each problem found: a leak, a crash, a refusal without an error. */
  problems: string[];
}

type Rnd = () => number;
const pick = <T>(rnd: Rnd, a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;

const TEMPLATE_NAMES = ["ket-thuc", "tieu-ngu", "loi-dan", "quoc-hieu"] as const;
const TEMPLATE_LINKS = ["regular", "absolute-out", "relative-out", "chain-out", "dangling", "inside", "folder-out", "folder"] as const;
const FOLDER_LINKS = ["real", "link-out", "link-inside"] as const;
const PROFILES = ["none", "regular", "link-out", "relative-out", "chain-out", "parent-link-out", "named-link-out", "named-inside"] as const;

/** The outside: a secret template, a secret profile, a folder of secret templates. */
function outside(root: string): { template: string; profile: string; folder: string } {
  const dir = join(root, "ngoai");
  mkdirSync(join(dir, "mau"), { recursive: true });
  const template = join(dir, "s.hbs");
  writeFileSync(template, `${SECRET} {{co_quan.ten_goi}}`);
  for (const n of TEMPLATE_NAMES) writeFileSync(join(dir, "mau", `${n}.hbs`), SECRET);
  const profile = join(dir, "s.yaml");
  writeFileSync(profile, `co_quan:\n  chu_quan: ${SECRET}\n`);
  return { template, profile, folder: join(dir, "mau") };
}

/** One random plan folder under root/a/plan; returns the plan file and the --templates option, if any. */
function layout(rnd: Rnd, root: string): { file: string; templates?: string } {
  const secret = outside(root);
  const plan = join(root, "a", "plan");
  mkdirSync(plan, { recursive: true });
  let text = MINIMAL_PLAN;

  // templates: a folder named by mau or by --templates, each file linked some way
  const useTemplates = rnd() < 0.8;
  let templates: string | undefined;
  if (useTemplates) {
    // --templates names a folder the user chose, wherever it leads (README); `mau` may not lead out
    const byOption = rnd() < 0.5;
    const folderKind = byOption ? pick(rnd, FOLDER_LINKS.filter((k) => k !== "link-out")) : pick(rnd, FOLDER_LINKS);
    const mau = join(plan, "mau");
    if (folderKind === "link-out") symlinkSync(secret.folder, mau);
    else {
      const real = folderKind === "link-inside" ? join(plan, "mau-that") : mau;
      mkdirSync(real);
      if (folderKind === "link-inside") symlinkSync("mau-that", mau);
      writeFileSync(join(real, "that.txt"), "Mẫu riêng {{co_quan.ten_goi}}");
      symlinkSync(secret.template, join(real, "trung-gian.txt"));
      for (const name of TEMPLATE_NAMES) {
        if (rnd() < 0.4) continue;
        const at = join(real, `${name}.hbs`);
        switch (pick(rnd, TEMPLATE_LINKS)) {
          case "regular":
            writeFileSync(at, "Mẫu {{co_quan.ten_goi}}");
            break;
          case "absolute-out":
            symlinkSync(secret.template, at);
            break;
          case "relative-out":
            symlinkSync(join("..", "..", "..", "ngoai", "s.hbs"), at);
            break;
          case "chain-out":
            symlinkSync("trung-gian.txt", at);
            break;
          case "dangling":
            symlinkSync("khong-co.txt", at);
            break;
          case "inside":
            symlinkSync("that.txt", at);
            break;
          case "folder-out":
            symlinkSync(secret.folder, at);
            break;
          case "folder":
            mkdirSync(at);
            break;
        }
      }
    }
    if (byOption) templates = mau;
    else text += "mau: mau\n";
  }

  // the profile: found upward or named by ho_so, linked some way
  const profileKind = pick(rnd, PROFILES);
  const here = join(plan, "co-quan.yaml");
  switch (profileKind) {
    case "none":
      break;
    case "regular":
      writeFileSync(here, "co_quan:\n  chu_quan: SỞ NỘI VỤ\n");
      break;
    case "link-out":
      symlinkSync(secret.profile, here);
      break;
    case "relative-out":
      symlinkSync(join("..", "..", "ngoai", "s.yaml"), here);
      break;
    case "chain-out":
      symlinkSync(secret.profile, join(plan, "trung-gian.yaml"));
      symlinkSync("trung-gian.yaml", here);
      break;
    case "parent-link-out":
      // found in a parent folder, and leading out of that folder
      symlinkSync(secret.profile, join(root, "a", "co-quan.yaml"));
      break;
    case "named-link-out":
      mkdirSync(join(plan, "ho-so"));
      symlinkSync(secret.profile, join(plan, "ho-so", "x.yaml"));
      text += "ho_so: ho-so/x.yaml\n";
      break;
    case "named-inside":
      mkdirSync(join(plan, "ho-so"));
      writeFileSync(join(plan, "ho-so", "that.yaml"), "co_quan:\n  chu_quan: SỞ NỘI VỤ\n");
      symlinkSync("that.yaml", join(plan, "ho-so", "x.yaml"));
      text += "ho_so: ho-so/x.yaml\n";
      break;
  }
  const file = join(plan, "p.yaml");
  writeFileSync(file, text);
  return { file, templates };
}

const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;

/** Builds `count` random layouts; every one must keep the secret out of the document and the messages. */
export async function fuzzSymlinks(rnd: Rnd, count: number): Promise<SymlinkOutcome> {
  const out: SymlinkOutcome = { cases: 0, built: 0, refused: 0, problems: [] };
  for (let i = 0; i < count; i++) {
    const root = tempDir("kehoach-fuzz-link-");
    const { file, templates } = layout(rnd, root);
    out.cases++;
    let r;
    try {
      r = await buildOne({ file, root: join(root, "a", "plan") }, { format: "json", templates });
    } catch (e) {
      out.problems.push(`#${i} ${root}: crash ${(e as Error).message}`);
      continue;
    }
    for (const f of r.findings) {
      if (f.message.includes(SECRET)) out.problems.push(`#${i} ${root}: secret in a message ${f.file}:${f.line}`);
      if (!VIETNAMESE.test(f.message) || !(f.line >= 1 && f.col >= 1)) out.problems.push(`#${i} ${root}: bad finding ${JSON.stringify(f)}`);
    }
    if (r.output) {
      out.built++;
      for (const part of readZip(readFileSync(r.output))) {
        if (part.data.toString("utf8").includes(SECRET)) out.problems.push(`#${i} ${root}: secret in ${part.name}`);
      }
    } else {
      out.refused++;
      if (!r.findings.some((f) => f.severity === "error")) out.problems.push(`#${i} ${root}: refused without an error`);
      if (existsSync(join(root, "a", "plan", "p.docx"))) out.problems.push(`#${i} ${root}: refused but a .docx was written`);
    }
  }
  return out;
}
