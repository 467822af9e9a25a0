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
import { finding } from "../model/finding.js";

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

/**
 * Output is text for the document, not HTML: no escaping; only the built-in helpers, and not
 * `log`, which prints to the console (stdout would no longer be --format json's document).
 */
export const TEMPLATE_OPTIONS = { noEscape: true, strict: false, knownHelpersOnly: true, knownHelpers: { log: false } } as const;
const OPTIONS = TEMPLATE_OPTIONS;

/** Where in a template a helper failed (Handlebars gives each helper call its location). */
interface HelperLoc {
  start: { line: number; column: number };
}
const HELPER_LOC = Symbol("kehoach.templateLoc");
type Located = Error & { [HELPER_LOC]?: HelperLoc };

/**
 * Hardens an instance: nothing reaches the console, and a failing built-in helper names its
 * line:col (the innermost failing call is kept when blocks nest).
 */
function harden<T extends typeof import("handlebars")>(instance: T): T {
  instance.log = () => undefined;
  instance.unregisterHelper("log");
  for (const name of ["if", "unless", "each", "with", "lookup", "helperMissing", "blockHelperMissing"]) {
    const helper = instance.helpers[name] as (...args: unknown[]) => unknown;
    instance.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      try {
        return helper.apply(this, args);
      } catch (e) {
        const loc = (args[args.length - 1] as { loc?: HelperLoc } | undefined)?.loc;
        if (e instanceof Error && loc) (e as Located)[HELPER_LOC] ??= loc;
        throw e;
      }
    });
  }
  return instance;
}

const require = createRequire(import.meta.url);
// The build precompiles the standard templates (generate.ts); then only the small runtime is
// loaded. The full compiler is loaded when an office's templates (or the sources) need it.
let compiler: typeof import("handlebars") | undefined;
function hb(): typeof import("handlebars") {
  compiler ??= harden((require("handlebars") as typeof import("handlebars")).create());
  return compiler;
}

interface Loaded {
  compiled: Map<string, { fn: Compiled; file: string }>;
  findings: Finding[];
}

/**
 * A Handlebars syntax error as a position in the .hbs file and a Vietnamese description.
 * The parser's message has the line and a caret under a run of the text with its line breaks
 * removed; its lexer still holds the exact line and column of the token it stopped at.
 */
function syntaxError(e: unknown, source: string): { line: number; col: number; detail: string } {
  const message = (e as Error).message ?? String(e);
  const err = e as { lineNumber?: number; column?: number };
  const lexer = (hb() as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser?.lexer;
  let line = 1;
  let col = 1;
  if (/^(Parse|Lexical) error/.test(message) && lexer?.yylloc) {
    line = lexer.yylloc.first_line;
    col = lexer.yylloc.first_column + 1;
  } else if (err.lineNumber) {
    line = err.lineNumber;
    col = (err.column ?? 0) + 1;
  }
  const lineText = source.split("\n")[line - 1] ?? "";
  // the token it stopped at: a word glued to a character a name cannot have ("x;") is one token
  const rest = lineText.slice(col - 1);
  const at = /^[^\s{}]+/.exec(rest)?.[0] ?? Array.from(rest)[0];
  const expecting = /Expecting (.*), got '(\w+)'/.exec(message);
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  const unknownHelper = /unknown helper (\S+)/.exec(message);
  let detail: string;
  if (expecting) {
    const expected = new Set([...expecting[1]!.matchAll(/'(\w+)'/g)].map((x) => x[1]!));
    const got = expecting[2] === "EOF" ? undefined : at;
    detail = expected.has("CLOSE") || expected.has("CLOSE_UNESCAPED") ? m.expectClose(got) : expected.has("OPEN_ENDBLOCK") ? m.expectEndBlock() : expected.has("ID") ? m.expectName(got) : m.unexpected(got);
  } else if (mismatch) detail = m.blockMismatch(mismatch[1]!, mismatch[2]!);
  else if (unknownHelper) detail = m.unknownHelper(unknownHelper[1]!);
  else if (/^Lexical error/.test(message)) detail = m.unexpected(at);
  else detail = m.otherSyntax(firstLine(message));
  return { line, col, detail };
}

interface AstNode {
  type?: string;
  loc?: { start: { line: number; column: number } };
  name?: { original?: unknown };
}

/**
 * The first partial or decorator of a template: an office template has no partials to call, so
 * one is refused when the template is loaded, at its line:col, not when a plan is filled.
 */
function firstPartial(node: unknown): { name: string; loc: { start: { line: number; column: number } } } | undefined {
  if (!node || typeof node !== "object") return undefined;
  const n = node as AstNode;
  if (n.type && /Partial|Decorator/.test(n.type) && n.loc) return { name: String(n.name?.original ?? ""), loc: n.loc };
  for (const [k, v] of Object.entries(node)) {
    if (k === "loc") continue;
    for (const child of Array.isArray(v) ? v : [v]) {
      const found = firstPartial(child);
      if (found) return found;
    }
  }
  return undefined;
}

/** Handlebars' runtime errors in Vietnamese; another one is quoted, short. */
function runtimeDetail(message: string): string {
  const arity = /^#(\w+) requires exactly one argument/.exec(message);
  if (arity) return m.helperArity(arity[1]!);
  if (/^Must pass iterator to #each/.test(message)) return m.eachNeedsList();
  const partial = /^The partial (.*) could not be found/.exec(message);
  if (partial) return m.noPartials(partial[1]!);
  const missing = /^Missing helper: "(.*)"/.exec(message);
  if (missing) return m.unknownHelper(missing[1]!);
  return m.otherRuntime(firstLine(message));
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/\s*-\s*\d+:\d+$/, "");
}

// a template is a few hundred bytes; anything this large is a file copied by mistake
const TEMPLATE_MAX_BYTES = 256 * 1024;

/** A folder's templates; every file is contained in the folder (read/files.ts). */
function loadDir(scan: FolderScan, known: Set<string> | undefined): Loaded {
  const compiled = new Map<string, { fn: Compiled; file: string }>();
  const findings: Finding[] = scan.refused.map((r) => finding("templates.file", { file: r.path, line: 1, col: 1 }, fm.refused(fm.templateWord, r.path, r.refusal, r.code)));
  for (const { name, path: file } of scan.entries) {
    const key = name.slice(0, -4);
    if (known && !known.has(key)) {
      findings.push(finding("templates.unknown", { file, line: 1, col: 1 }, m.unknownTemplate(name, suggest(key, [...known]))));
      continue;
    }
    const read = readText(file, TEMPLATE_MAX_BYTES);
    if (!("text" in read)) {
      findings.push(finding("templates.file", { file, line: 1, col: 1 }, fm.refused(fm.templateWord, file, read.refusal, read.code)));
      continue;
    }
    const source = read.text;
    try {
      const ast = hb().parse(source);
      const partial = firstPartial(ast);
      if (partial) {
        findings.push(finding("templates.syntax", { file, line: partial.loc.start.line, col: partial.loc.start.column + 1 }, m.templateSyntax(m.noPartials(partial.name))));
        continue;
      }
      // precompile checks the whole template now, so a broken one is reported before any build
      hb().precompile(ast, OPTIONS);
      compiled.set(key, { fn: hb().compile(ast, OPTIONS), file });
    } catch (e) {
      const { line, col, detail } = syntaxError(e, source);
      findings.push(finding("templates.syntax", { file, line, col }, m.templateSyntax(detail)));
    }
  }
  return { compiled, findings };
}

function fromPrecompiled(specs: Record<string, TemplateSpec>): Loaded {
  // ours, and on the hot path: no hardening wrapper around each helper call
  const runtime = (handlebarsRuntime as unknown as typeof import("handlebars")).create();
  const compiled = new Map<string, { fn: Compiled; file: string }>();
  for (const [key, spec] of Object.entries(specs)) compiled.set(key, { fn: runtime.template(spec), file: join(TEMPLATES_DIR, `${key}.hbs`) });
  return { compiled, findings: [] };
}

let standard: Loaded | undefined;
const offices = new Map<string, Loaded>();

/** The standard templates, overridden by an office folder when given. */
/** The templates of one set, each filled by name (an office's replacing the standard ones). */
const filling = new WeakMap<Loaded, Templates>();

function fillFrom(table: Map<string, { fn: Compiled; file: string }>): Templates {
  return {
    render(name, data) {
      const t = table.get(name);
      if (!t) throw new Error(`template ${name}.hbs is missing from ${TEMPLATES_DIR}`);
      try {
        return t.fn(data);
      } catch (e) {
        const loc = (e as Located)[HELPER_LOC];
        const where = loc ? { line: loc.start.line, col: loc.start.column + 1 } : { line: 1, col: 1 };
        throw new TemplateError(finding("templates.runtime", { file: t.file, ...where }, m.templateRuntime(runtimeDetail((e as Error).message ?? String(e)))));
      }
    },
  };
}

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
      const refused = finding("templates.path", { file: officeDir, line: 1, col: 1 }, fm.refused(fm.templatesFolderWord, officeDir, scan.refusal, scan.code));
      office = { compiled: new Map(), findings: [refused] };
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
  // made once for the standard set and once for each office set: a batch asks for them at every plan
  const key = office ?? standard;
  let templates = filling.get(key);
  if (!templates) {
    templates = fillFrom(new Map([...base, ...(office?.compiled ?? [])]));
    filling.set(key, templates);
  }
  return { templates, findings };
}
