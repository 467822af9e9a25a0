/**
 * The templates: every fixed word of the document comes from a .hbs file in templates/,
 * which an office may replace file by file with its own folder (`mau`, `--templates`).
 * The user's text is only ever data passed to a template, never template source.
 */
import { createRequire } from "node:module";
// the small runtime is bundled (and in the code cache); the full compiler is loaded only when needed
import handlebarsRuntime from "handlebars/runtime.js";
import { join } from "node:path";
import type { Finding } from "../model/finding.js";
import { TEMPLATES_DIR } from "../paths.js";
import { renderMessages as m } from "../messages/render.js";
import { suggest } from "../validate/suggest.js";
import { readText, scanFolder, type FolderScan } from "../read/files.js";
import { fileMessages as fm } from "../messages/files.js";
import { precompiledTemplates, type TemplateSpec } from "./precompiled.js";

type Compiled = (data: object) => string;

export interface Templates {
  /** Fills template `name` (without .hbs); throws TemplateError when an office template fails. */
  render(name: string, data: object): string;
}

export class TemplateError extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message);
  }
}

/** Output is text for the document, not HTML: no escaping; only the built-in helpers. */
export const TEMPLATE_OPTIONS = { noEscape: true, strict: false, knownHelpersOnly: true } as const;
const OPTIONS = TEMPLATE_OPTIONS;

const require = createRequire(import.meta.url);
// The build precompiles the standard templates (generate.ts); then only the small runtime is
// loaded. The full compiler is loaded when an office's templates (or the sources) need it.
let compiler: typeof import("handlebars") | undefined;
function hb(): typeof import("handlebars") {
  compiler ??= (require("handlebars") as typeof import("handlebars")).create();
  return compiler;
}

interface Loaded {
  compiled: Map<string, { fn: Compiled; file: string }>;
  findings: Finding[];
}

function syntaxPosition(e: unknown): { line: number; col: number } {
  const err = e as { hash?: { loc?: { first_line?: number; first_column?: number } }; lineNumber?: number; column?: number; message?: string };
  if (err.hash?.loc?.first_line) return { line: err.hash.loc.first_line, col: (err.hash.loc.first_column ?? 0) + 1 };
  if (err.lineNumber) return { line: err.lineNumber, col: (err.column ?? 0) + 1 };
  const l = /line (\d+)/.exec(err.message ?? "");
  return { line: l ? Number(l[1]) : 1, col: 1 };
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/\s*-\s*\d+:\d+$/, "");
}

// a template is a few hundred bytes; anything this large is a file copied by mistake
const TEMPLATE_MAX_BYTES = 256 * 1024;

/** A folder's templates; every file is contained in the folder (read/files.ts). */
function loadDir(scan: FolderScan, known: Set<string> | undefined): Loaded {
  const compiled = new Map<string, { fn: Compiled; file: string }>();
  const findings: Finding[] = scan.refused.map((r) => ({
    file: r.path, line: 1, col: 1, rule: "templates.file", severity: "error" as const, message: fm.refused("tệp mẫu", r.path, r.refusal, r.code),
  }));
  for (const { name, path: file } of scan.entries) {
    const key = name.slice(0, -4);
    if (known && !known.has(key)) {
      findings.push({ file, line: 1, col: 1, rule: "templates.unknown", severity: "warning", message: m.unknownTemplate(name, suggest(key, [...known])) });
      continue;
    }
    const read = readText(file, TEMPLATE_MAX_BYTES);
    if (!("text" in read)) {
      findings.push({ file, line: 1, col: 1, rule: "templates.file", severity: "error", message: fm.refused("tệp mẫu", file, read.refusal, read.code) });
      continue;
    }
    const source = read.text;
    try {
      // precompile checks the whole template now, so a broken one is reported before any build
      hb().precompile(source, OPTIONS);
      compiled.set(key, { fn: hb().compile(source, OPTIONS), file });
    } catch (e) {
      const pos = syntaxPosition(e);
      findings.push({ file, ...pos, rule: "templates.syntax", severity: "error", message: m.templateSyntax(firstLine((e as Error).message)) });
    }
  }
  return { compiled, findings };
}

function fromPrecompiled(specs: Record<string, TemplateSpec>): Loaded {
  const runtime = (handlebarsRuntime as unknown as typeof import("handlebars")).create();
  const compiled = new Map<string, { fn: Compiled; file: string }>();
  for (const [key, spec] of Object.entries(specs)) compiled.set(key, { fn: runtime.template(spec), file: join(TEMPLATES_DIR, `${key}.hbs`) });
  return { compiled, findings: [] };
}

let standard: Loaded | undefined;
const offices = new Map<string, Loaded>();

/** The standard templates, overridden by an office folder when given. */
export function loadTemplates(officeDir?: string): { templates: Templates; findings: Finding[] } {
  if (!standard) {
    const specs = precompiledTemplates();
    standard = specs ? fromPrecompiled(specs) : loadDir(scanFolder(TEMPLATES_DIR, ".hbs") as FolderScan, undefined);
  }
  const base = standard.compiled;
  let office: Loaded | undefined;
  if (officeDir) {
    const scan = scanFolder(officeDir, ".hbs");
    if (!("entries" in scan)) {
      const finding: Finding = { file: officeDir, line: 1, col: 1, rule: "templates.path", severity: "error", message: fm.refused("thư mục mẫu", officeDir, scan.refusal, scan.code) };
      office = { compiled: new Map(), findings: [finding] };
    } else {
      // keyed by the files' stamps too, so an edited template is seen (watch mode)
      const key = `${officeDir}\u0000${scan.entries.map((e) => `${e.name}@${e.stamp}`).join("|")}\u0000${scan.refused.map((r) => r.path + r.refusal).join("|")}`;
      office = offices.get(key);
      if (!office) {
        office = loadDir(scan, new Set(base.keys()));
        offices.set(key, office);
      }
    }
  }
  const findings = [...standard.findings, ...(office?.findings ?? [])];
  const table = new Map(base);
  for (const [k, v] of office?.compiled ?? []) table.set(k, v);
  const templates: Templates = {
    render(name, data) {
      const t = table.get(name);
      if (!t) throw new Error(`template ${name}.hbs is missing from ${TEMPLATES_DIR}`);
      try {
        return t.fn(data);
      } catch (e) {
        throw new TemplateError({ file: t.file, line: 1, col: 1, rule: "templates.runtime", severity: "error", message: m.templateRuntime(firstLine((e as Error).message)) });
      }
    },
  };
  return { templates, findings };
}
