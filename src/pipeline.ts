/**
 * The one place that composes the stages. Forward, a plan goes
 *
 *   read → validate → normalize  (loadPlan; lint beside it: loadChecked)
 *        → render                (renderLoaded: templates filled, document model)
 *        → write → pack          (docxBytes: the .docx's bytes)
 *
 * Commands, tests and bench call these compositions, never the stages one by one, so that every
 * way in runs the same checks. Nothing here writes files (commands do, through atomic.ts).
 *
 * `formatFile` is read → format (the canonical layout, format/index.ts) → read again, the two plan
 * values compared (nothing validated: a plan with schema errors is laid out all the same). Later `import`
 * runs backwards: pack's readZip → (a reader of write's parts, mapping src/model/styles.ts's style ids
 * back to block kinds) → document model → (the inverse of render and normalize) → a plan source.
 */
import { statSync } from "node:fs";
import type { Finding } from "./model/finding.js";
import { hasErrors, pathToString } from "./model/finding.js";
import type { NormalizedPlan } from "./model/normalized.js";
import type { DocumentModel } from "./model/document.js";
import type { ProfileSource } from "./model/plan.js";
import { parsedDocument, parseSource, readSource, type SourceFile } from "./read/index.js";
import { formatDocument, planDifference } from "./format/index.js";
import { keyOrder, schemaRoot } from "./format/schema.js";
import { finding } from "./model/finding.js";
import { fmtMessages } from "./messages/cli.js";
import { validateSource } from "./validate/index.js";
import { completenessFindings } from "./validate/complete.js";
import { isProfile, locateProfile, locateTemplates } from "./read/locate.js";
import { normalizePlan } from "./normalize/index.js";
import { loadTemplates, renderPlan, TemplateError } from "./render/index.js";
import { writeParts } from "./write/index.js";
import { packDocument } from "./pack/index.js";
import { asWarnings, lintLoaded } from "./lint/plan.js";
import { cliMessages as m } from "./messages/cli.js";
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

/** read → validate → normalize of the plan file (or profile) `file`. */
export function loadPlan(file: string): LoadedPlan {
  return loadSource(readSource(file));
}

/** validate → normalize of a source already read (a file, or a text in memory as tests give). */
export function loadSource(src: SourceFile): LoadedPlan {
  const file = src.file;
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
  // what neither the plan nor its profile gives; normalize still checks the texts typed, as one report
  append(findings, completenessFindings(src, profile));
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

/** loadPlan with lint's findings added, as warnings: what check and build start from. */
export function loadChecked(file: string, today?: Date): LoadedPlan {
  const loaded = loadPlan(file);
  if (loaded.plan) append(loaded.findings, asWarnings(lintLoaded(loaded, today)));
  return loaded;
}

/**
 * The range of SOURCE_DATE_EPOCH: what a zip entry's DOS time can hold (from 1980) and what
 * Word reads in docProps/core.xml without doubt (four-digit years); 2099 rather than zip's 2107
 * because some zip tools read DOS years past 2099 wrongly. 1980-01-01 to 2099-12-31 UTC.
 */
export const SOURCE_DATE_RANGE = { min: Date.UTC(1980, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 - 1 } as const;

/**
 * SOURCE_DATE_EPOCH as a date: undefined when unset or empty, an error message (Vietnamese) when
 * it is not whole seconds within SOURCE_DATE_RANGE; never silently ignored or clamped.
 */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date | { error: string } | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return undefined;
  const seconds = /^\d{1,12}$/.test(epoch) ? Number(epoch) : NaN;
  if (!(seconds >= SOURCE_DATE_RANGE.min && seconds <= SOURCE_DATE_RANGE.max)) return { error: m.badSourceDate(epoch, SOURCE_DATE_RANGE.min, SOURCE_DATE_RANGE.max) };
  return new Date(seconds * 1000);
}

/**
 * The timestamp recorded inside the package: SOURCE_DATE_EPOCH when set (reproducible-builds
 * convention; buildCommand refuses one out of range before building), else the plan's own date,
 * else a fixed date. Never the clock.
 */
export function packageDate(plan: NormalizedPlan, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = sourceDate(env);
  if (epoch instanceof Date) return epoch;
  const d = plan.date;
  if (d.year) return new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1));
  return new Date(Date.UTC(2020, 0, 1));
}

export interface RenderOptions {
  /** The templates folder given on the command line (--templates); else the plan's own. */
  templates?: string;
  /** The package date (packageDate's by default). */
  date?: Date;
}

/** render: the templates loaded and filled; a template's syntax or fill-time error is a finding. */
export function renderLoaded(plan: NormalizedPlan, opts: RenderOptions = {}): { model?: DocumentModel; findings: Finding[] } {
  const t = loadTemplates(opts.templates ?? plan.templatesDir);
  if (hasErrors(t.findings)) return { findings: t.findings };
  try {
    return { model: renderPlan(plan, t.templates, opts.date ?? packageDate(plan)), findings: t.findings };
  } catch (e) {
    if (e instanceof TemplateError) return { findings: [...t.findings, e.finding] };
    throw e;
  }
}

/** write → pack: the .docx's bytes of a document model. */
export async function docxBytes(model: DocumentModel): Promise<Buffer> {
  return packDocument(await writeParts(model), model.meta.date);
}

export interface FormattedFile {
  /** The file's text as read (without a byte order mark). */
  before: string;
  /** The file in the canonical layout; undefined when it cannot be formatted (findings say why). */
  after?: string;
  findings: Finding[];
}

/**
 * A plan or office profile in the canonical layout. Refused, with findings, when the file cannot be
 * read or is not a plan; and when the text written would not read back as the same plan (format/index.ts
 * planDifference): never a silently changed plan.
 */
export function formatFile(file: string): FormattedFile {
  const src = readSource(file);
  if (hasErrors(src.findings)) return { before: src.text, findings: src.findings };
  const kind = isProfile(src) ? "profile" : "plan";
  const keys = Object.keys(src.value as object);
  const planKeys = keyOrder(schemaRoot("plan"));
  if (kind === "plan" && !keys.some((k) => planKeys.includes(k))) {
    return { before: src.text, findings: [finding("fmt.not-plan", { file, ...src.positions.keyAt(keys.length ? [keys[0]!] : []) }, fmtMessages.notPlan(planKeys.slice(0, 6).join(", ") + ", …"))] };
  }
  const doc = parsedDocument(src.text);
  const after = doc && formatDocument(doc, kind);
  const back = after === undefined ? undefined : parseSource(file, after);
  const diff = !back || hasErrors(back.findings) ? [] : planDifference(src.value, back.value, kind);
  if (diff) return { before: src.text, findings: [finding("fmt.internal", { file, ...src.positions.valueAt(diff) }, fmtMessages.changedMeaning(), pathToString(diff))] };
  return { before: src.text, after, findings: [] };
}

