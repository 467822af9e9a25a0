/**
 * The templates: every fixed word of the document comes from a .hbs file in templates/,
 * which an office may replace file by file with its own folder (`mau`, `--templates`).
 * The user's text is only ever data passed to a template, never template source.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
// the small runtime is bundled (and in the code cache); the full compiler is loaded only when needed
import handlebarsRuntime from "handlebars/runtime.js";
import { join } from "node:path";
import type { Finding } from "../model/finding.js";
import { TEMPLATES_DIR } from "../paths.js";
import { renderMessages as m } from "../messages/render.js";
import { suggest } from "../validate/suggest.js";
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

function loadDir(dir: string, known: Set<string> | undefined): Loaded {
  const compiled = new Map<string, { fn: Compiled; file: string }>();
  const findings: Finding[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".hbs")).sort()) {
    const file = join(dir, name);
    const key = name.slice(0, -4);
    if (known && !known.has(key)) {
      findings.push({ file, line: 1, col: 1, rule: "templates.unknown", severity: "warning", message: m.unknownTemplate(name, suggest(key, [...known])) });
      continue;
    }
    const source = readFileSync(file, "utf8");
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
    standard = specs ? fromPrecompiled(specs) : loadDir(TEMPLATES_DIR, undefined);
  }
  const base = standard.compiled;
  let office: Loaded | undefined;
  if (officeDir) {
    // keyed by the files' times too, so an edited template is seen (watch mode)
    const stamp = readdirSync(officeDir)
      .filter((f) => f.endsWith(".hbs"))
      .sort()
      .map((f) => `${f}@${statSync(join(officeDir, f)).mtimeMs}`)
      .join("|");
    const key = `${officeDir}\u0000${stamp}`;
    office = offices.get(key);
    if (!office) {
      office = loadDir(officeDir, new Set(base.keys()));
      offices.set(key, office);
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
