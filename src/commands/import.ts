/**
 * `kehoach import FILE… [-o PLAN.yaml] [--out-dir DIR] [--format json] [--min 0.97]`: an existing
 * plan (Word, LibreOffice, old .doc, text, Markdown) becomes a plan YAML (and the office profile
 * when none is found beside or above it); then the plan is built in memory and the document's
 * words are compared with the original's, in order: the proof that nothing was lost.
 */
import { existsSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import type { ImportedDocument } from "../model/imported.js";
import type { PlanSource, ProfileSource } from "../model/plan.js";
import { finding, hasErrors, type Finding } from "../model/finding.js";
import { readRegularFile } from "../read/files.js";
import { LIMITS, parseSource, readSource } from "../read/index.js";
import { profileAbove, PROFILE_FILE } from "../read/locate.js";
import { readPlainText } from "../read/plain-text.js";
import { documentText } from "../read/recognize/lines.js";
import { orderPlan, recognize } from "../read/recognize/index.js";
import { planYaml, type YamlComment } from "../format/index.js";
import { measuredImportWidths } from "./import-widths.js";
import { importMessages as m } from "../messages/import.js";
import { initMessages } from "../messages/cli.js";
import { reasonVi } from "../messages/files.js";
import { readMessages as rm } from "../messages/read.js";
import type { Proof } from "./import-proof.js";
import { checkOutputPath, makeFolders, OutputError, writeAtomic } from "./atomic.js";
import { schemaDirFor } from "./init.js";
import { printFindings, type Format } from "./report.js";

export interface ImportOptions {
  output?: string;
  outDir?: string;
  format?: Format;
  min?: number;
  /** false (--no-proof): write the YAML and stop, without building it again. */
  proof?: boolean;
}

/** Word documents may carry pictures: a larger bound than a plan's YAML, still a bound. */
const WORD_BYTES = 20 * 1024 * 1024;

interface FileResult {
  file: string;
  output?: string;
  profile?: { file: string; written: boolean };
  /** The folder the schemas were copied to for the schema line (init.ts schemaDirFor). */
  schemaCopy?: string;
  proof?: Proof;
  notes: string[];
  comments: number;
  findings: Finding[];
}

const at = (file: string) => ({ file, line: 1, col: 1 });

/** The document in a file, or the findings saying why not. */
/** The folder beside co-quan.yaml that holds the office's templates import found (its `mau`). */
const TEMPLATE_DIR = "mau";

async function readDocument(file: string): Promise<{ doc?: ImportedDocument; findings: Finding[] }> {
  const ext = extname(file).toLowerCase();
  if (ext === ".docm") return { findings: [finding("import.read", at(file), m.docm())] };
  const word = ext === ".docx" || ext === ".odt" || ext === ".doc";
  if (!word && ext !== ".txt" && ext !== ".md") return { findings: [finding("import.read", at(file), m.unknownType(ext || file))] };
  const read = readRegularFile(file, word ? WORD_BYTES : LIMITS.bytes);
  if ("refusal" in read) {
    // the refusals a plan's own file gets, in the same words
    const src = readSource(file);
    const f = src.findings.length ? src.findings : [finding("import.read", at(file), rm.unreadable(read.refusal))];
    return { findings: read.refusal === "too-large" ? [finding("file.size", at(file), rm.tooLarge((read.size ?? 0) / 1048576 > 0 ? ((read.size ?? 0) / 1048576).toFixed(1) : undefined, (word ? WORD_BYTES : LIMITS.bytes) / 1048576))] : f };
  }
  if (read.bytes.length === 0) return { findings: [finding("file.empty", at(file), m.empty())] };
  if (word) {
    const { readWordDocument } = await import("../read/word/index.js");
    const r = await readWordDocument(file, read.bytes, ext.slice(1) as "docx" | "odt" | "doc");
    return "document" in r ? { doc: r.document, findings: r.findings } : { findings: r.findings };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(read.bytes);
  } catch {
    return { findings: [finding("file.encoding", at(file), m.notUtf8())] };
  }
  // text saved from a Markdown editor or a converter keeps its marks: read it as Markdown
  const markdown = ext === ".md" || /^#{1,6} \S|\*\*\S[^*\n]*\*\*/m.test(text);
  return { doc: readPlainText(text, markdown ? "md" : "txt"), findings: [] };
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The office's fixed parts: written as the profile when none is found, else only what differs from
 * the profile found stays in the plan (co_quan key by key, the others whole).
 */
function splitProfile(plan: PlanSource, found: ProfileSource | undefined, recognised: ProfileSource): { plan: PlanSource; profile?: ProfileSource } {
  if (!found) {
    // a plan issued with a Quyết định has no signature or Nơi nhận of its own: nothing more to share
    return { plan, profile: Object.keys(recognised).length ? recognised : undefined };
  }
  const extra: Record<string, unknown> = {};
  if (recognised.co_quan) {
    const co: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(recognised.co_quan)) if (!equal((found.co_quan as Record<string, unknown> | undefined)?.[k], v)) co[k] = v;
    if (Object.keys(co).length) extra.co_quan = co;
  }
  for (const k of ["nguoi_ky", "noi_nhan", "ky_so"] as const) {
    if (recognised[k] !== undefined && !equal(found[k], recognised[k])) extra[k] = recognised[k];
  }
  if (found.ky_so && !recognised.ky_so && !plan.quyet_dinh) extra.ky_so = false;
  return { plan: orderPlan({ ...plan, ...extra } as PlanSource) };
}

function outputFor(file: string, o: ImportOptions): string {
  if (o.output) return o.output;
  const name = basename(file, extname(file)) + ".yaml";
  return o.outDir ? join(o.outDir, name) : join(dirname(file), name);
}

function profileOf(out: string): { path?: string; value?: ProfileSource; findings: Finding[] } {
  const where = profileAbove(out);
  if (where.finding) return { findings: [where.finding] };
  if (!where.path) return { findings: [] };
  const src = readSource(where.path);
  if (hasErrors(src.findings)) return { findings: src.findings };
  return { path: where.path, value: src.value as ProfileSource, findings: [] };
}

async function importOne(file: string, o: ImportOptions, min: number): Promise<FileResult> {
  const res: FileResult = { file, notes: [], comments: 0, findings: [] };
  const read = await readDocument(file);
  res.findings.push(...read.findings);
  if (!read.doc || hasErrors(read.findings)) return res;
  const doc = read.doc;
  // a legacy encoding converted: the reader's own warning (word.legacy-encoding) says so
  const out = outputFor(file, o);
  const office = profileOf(out);
  // the office's own task labels become its templates only in the profile import writes
  const r = recognize(doc, measuredImportWidths, office.value === undefined);
  if ("refused" in r) {
    res.findings.push(finding("import.not-plan", at(file), r.refused));
    return res;
  }
  res.notes.push(...r.notes);
  res.findings.push(...office.findings);
  if (hasErrors(office.findings)) return res;
  const templates = Object.entries(r.templates).map(([name, text]) => ({ file: join(dirname(out), TEMPLATE_DIR, name), text }));
  if (templates.length) r.profile.mau = TEMPLATE_DIR;
  const split = splitProfile(r.plan, office.value, r.profile);
  const comments: YamlComment[] = r.comments;
  res.comments = comments.length;
  const body = planYaml(split.plan, comments);
  let yaml = body;
  const profileFile = join(dirname(out), PROFILE_FILE);
  try {
    checkOutputPath(out, [file]);
    if (existsSync(out)) throw new OutputError(out, "exists");
    if (split.profile) checkOutputPath(profileFile, [file]);
    for (const t of templates) {
      checkOutputPath(t.file, [file]);
      if (existsSync(t.file)) throw new OutputError(t.file, "exists");
    }
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    const msg = e.reason === "source" ? m.outputIsInput() : e.reason === "exists" ? m.outputExists(e.path) : m.outputSpecial(e.path);
    res.findings.push(finding("output.write", at(out), msg));
    return res;
  }
  try {
    makeFolders(dirname(out));
    // the schema line kehoach init writes: the editor completes and explains every key
    const schemas = await schemaDirFor(dirname(out), [file]);
    const schemaDir = schemas.dir;
    res.schemaCopy = schemas.copied;
    if (schemas.failed) res.notes.push(initMessages.cannotCreate(schemas.failed.path, reasonVi(schemas.failed.code)));
    yaml = `# yaml-language-server: $schema=${schemaDir}/kehoach.schema.json\n` + body;
    if (templates.length) makeFolders(join(dirname(out), TEMPLATE_DIR));
    for (const t of templates) await writeAtomic(t.file, Buffer.from(t.text), [file]);
    if (split.profile) {
      await writeAtomic(profileFile, Buffer.from(`# yaml-language-server: $schema=${schemaDir}/co-quan.schema.json\n` + planYaml(split.profile, r.profileComments)), [file]);
      res.profile = { file: profileFile, written: true };
    } else if (office.path) res.profile = { file: office.path, written: false };
    await writeAtomic(out, Buffer.from(yaml), [file]);
    res.output = out;
  } catch (e) {
    res.findings.push(finding("output.write", at(out), m.writeFailed(out, e instanceof OutputError ? e.reason : String((e as { code?: string }).code ?? e))));
    return res;
  }
  if (o.proof === false) return res;
  // the proof: build what was written, compare its words with the original's (the build's stages
  // and docx loaded only here: an import without the proof needs none of them)
  const { docxBytes, loadSource, renderLoaded } = await import("../pipeline.js");
  const { compareWords, docxText, words } = await import("./import-proof.js");
  const loaded = loadSource(parseSource(out, yaml));
  const errors = loaded.findings.filter((f) => f.severity === "error");
  if (!loaded.plan || errors.length) {
    res.findings.push(finding("import.proof", at(out), m.notBuilt()), ...errors);
    return res;
  }
  const rendered = renderLoaded(loaded.plan);
  if (!rendered.model) {
    res.findings.push(...rendered.findings);
    return res;
  }
  const built = docxText(await docxBytes(rendered.model));
  let original = words(documentText(doc));
  if (r.skippedWords !== undefined) original = original.slice(words(r.skippedWords).length);
  res.proof = compareWords(original, words(built));
  if (res.proof.share < min) res.findings.push(finding("import.proof", at(file), m.belowMin(res.proof.share, min)));
  return res;
}

export async function importCommand(files: string[], o: ImportOptions): Promise<number> {
  const min = o.min ?? 0.97;
  if (o.proof === false && o.min !== undefined) {
    process.stderr.write(m.minWithoutProof() + "\n");
    return 2;
  }
  if (o.output && files.length > 1) {
    process.stderr.write(m.oneOutput() + "\n");
    return 2;
  }
  const results: FileResult[] = [];
  for (const f of files) results.push(await importOne(f, o, min));
  const failed = results.filter((r) => hasErrors(r.findings)).length;
  if (o.format === "json") {
    const doc = {
      version: 1,
      command: "import",
      ok: failed === 0,
      min: o.proof === false ? null : min,
      files: results.map((r) => ({
        file: r.file,
        output: r.output ?? null,
        profile: r.profile ?? null,
        words: r.proof ? { total: r.proof.total, kept: r.proof.kept, share: Number(r.proof.share.toFixed(4)) } : null,
        missing: r.proof?.missing ?? [],
        comments: r.comments,
        notes: r.notes,
        findings: r.findings,
      })),
    };
    process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
    return failed ? 1 : 0;
  }
  for (const r of results) {
    if (r.schemaCopy) process.stdout.write(initMessages.schemaCopied(r.schemaCopy) + "\n");
    if (r.profile) process.stdout.write((r.profile.written ? m.profileWritten(r.profile.file) : m.profileUsed(r.profile.file)) + "\n");
    if (r.output) process.stdout.write(m.written(r.output) + "\n");
    if (r.proof) {
      process.stdout.write(`${r.file}: ${m.kept(r.proof.share, r.proof.total)}\n`);
      const shown = r.proof.missing.slice(0, 8);
      for (const s of shown) process.stdout.write(m.missing(s) + "\n");
      if (r.proof.missing.length > shown.length) process.stdout.write(m.moreMissing(r.proof.missing.length - shown.length) + "\n");
    }
    if (r.comments) process.stdout.write(m.notes(r.comments) + "\n");
    for (const n of r.notes) process.stdout.write(`  ${n}\n`);
    printFindings(r.findings);
  }
  return failed ? 1 : 0;
}
