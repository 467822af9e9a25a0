/**
 * Validate stage: the parsed YAML against the JSON Schema in schemas/, with every ajv error
 * turned into a Vietnamese finding at the file:line:col of the offending key or value.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import { finding, type Finding, type Path, pathToString } from "../model/finding.js";
import { schemaRule } from "../model/rules.js";
import type { SourceFile } from "../read/index.js";
import { compileValidators, type SchemaKind } from "./schemas.js";
import { precompiledValidators } from "./precompiled.js";
import { validateMessages as m, typeVi, DOCUMENT_VI } from "../messages/validate.js";
import { suggest } from "./suggest.js";
import { capFindings } from "../read/cap.js";
import { checkTables } from "./tables.js";
import { quoteAt } from "../read/trap.js";

export type { SchemaKind } from "./schemas.js";

/** The schema's pattern for a text that must not be blank (only spaces print an empty paragraph). */
const NON_BLANK = "\\S";
/** The keys that give an item (ý) its own line; an item needs one of them. */
const ITEM_CONTENT = ["tieu_de", "don_vi", "doan"];

// Compiled ahead of time by the build; running from source, compiled here from the same setup.
let validators: Record<SchemaKind, ValidateFunction> | undefined;
const validatorFor = (kind: SchemaKind): ValidateFunction => (validators ??= precompiledValidators() ?? compileValidators())[kind];

function toPath(instancePath: string, data: unknown): Path {
  if (!instancePath) return [];
  const out: Path = [];
  let cur: unknown = data;
  for (const raw of instancePath.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const key: string | number = Array.isArray(cur) ? Number(seg) : seg;
    out.push(key);
    cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[seg] : undefined;
  }
  return out;
}

function valueAt(data: unknown, path: Path): unknown {
  let cur: unknown = data;
  for (const p of path) cur = cur && typeof cur === "object" ? (cur as Record<string | number, unknown>)[p] : undefined;
  return cur;
}

function actualType(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

const required = (errors: ErrorObject[]): ErrorObject[] => errors.filter((e) => e.keyword === "required");

/** Drops the noise of anyOf: the type mismatches of the branches the value did not take. One pass over the errors. */
function reduceAnyOf(errors: ErrorObject[], data: unknown): ErrorObject[] {
  const byPath = new Map<string, ErrorObject[]>();
  // every path with an error below it ("/a/b/c" puts "/a/b", "/a" and "")
  const above = new Set<string>();
  for (const e of errors) {
    const here = byPath.get(e.instancePath);
    if (here) here.push(e);
    else byPath.set(e.instancePath, [e]);
    for (let cut = e.instancePath.lastIndexOf("/"); cut >= 0; cut = e.instancePath.lastIndexOf("/", cut - 1)) {
      const parent = e.instancePath.slice(0, cut);
      if (above.has(parent)) break;
      above.add(parent);
      if (cut === 0) break;
    }
  }
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
  const out: ErrorObject[] = [];
  const oneOf = new Set<string>();
  for (const p of anyOfPaths) {
    const here = byPath.get(p)!.filter((e) => e.keyword !== "anyOf");
    const deeper = above.has(p);
    const nonType = here.filter((e) => e.keyword !== "type" && e.keyword !== "const");
    if (nonType.length === 0 && !deeper) {
      // No branch accepted the value's type: one message listing what is accepted.
      const types = [...new Set(here.filter((e) => e.keyword === "type").map((e) => String(e.params.type)))];
      const wanted = here.some((e) => e.keyword === "const") ? [...types, "false"] : types;
      out.push({ ...here[0]!, keyword: "type", params: { type: wanted.join("|") } });
    } else if (required(nonType).length > 1 && actualType(valueAt(data, toPath(p, data))) === "object") {
      // the branches' missing keys are one choice ("one of these"), whatever else is wrong there
      oneOf.add(p);
      out.push({ ...required(nonType)[0]!, keyword: "requiredOneOf", params: { keys: required(nonType).map((e) => String(e.params.missingProperty)) } });
    }
  }
  return errors
    .filter((e) => e.keyword !== "anyOf")
    .filter((e) => !(anyOfPaths.has(e.instancePath) && (e.keyword === "type" || e.keyword === "const")))
    .filter((e) => !(e.keyword === "required" && oneOf.has(e.instancePath)))
    .concat(out);
}

/** The known key nearest to an unknown one; asked twice per error (misspelt required keys, message), measured once. */
const suggestions = new WeakMap<ErrorObject, string | undefined>();
function suggestKey(e: ErrorObject): string | undefined {
  if (suggestions.has(e)) return suggestions.get(e);
  const props = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
  const s = suggest(String(e.params.additionalProperty), props);
  suggestions.set(e, s);
  return s;
}

function describeValue(src: SourceFile, path: Path, v: unknown): string {
  const entry = src.positions.entry(path);
  const t = actualType(v);
  if (t === "string") return m.textValue(String(v));
  if (entry?.source && (t === "integer" || t === "number" || t === "boolean")) return `${typeVi(t)} ${entry.source}`;
  return typeVi(t);
}

function errorToFinding(src: SourceFile, kind: SchemaKind, e: ErrorObject, data: unknown): Finding {
  const path = toPath(e.instancePath, data);
  const v = valueAt(data, path);
  const parent = (e.parentSchema ?? {}) as { title?: string; properties?: Record<string, { title?: string }>; enum?: string[] };
  let at = src.positions.valueAt(path);
  let message: string;
  let rule = schemaRule(e.keyword);
  let fullPath = path;
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String(e.params.additionalProperty);
      fullPath = [...path, key];
      at = src.positions.keyAt(fullPath);
      rule = "schema.unknown-key";
      // a sentence read as a key is content: never advise deleting it
      message = sentenceKey(key) && !suggestKey(e)
        ? m.sentenceAsKey(key, DOCUMENT_VI[kind], quoteAt("key", sourceLine(src, at.line), at.col, sentenceEnd(src, fullPath, at)))
        : m.unknownKey(key, suggestKey(e), DOCUMENT_VI[kind]);
      break;
    }
    case "required": {
      const key = String(e.params.missingProperty);
      rule = "schema.required";
      message = m.missingKey(key, parent.properties?.[key]?.title);
      break;
    }
    case "requiredOneOf": {
      rule = "schema.required";
      const keys = e.params.keys as string[];
      message = ITEM_CONTENT.every((k) => keys.includes(k)) ? m.itemWithoutContent(keys) : m.oneOfKeys(keys);
      break;
    }
    case "not": {
      // {type: [string, boolean], not: {const: true}}: a text or false
      if ((e.parentSchema as { not?: { const?: unknown } }).not?.const === true) {
        rule = "schema.type";
        message = m.constFalse();
        break;
      }
      // {not: {required: [a, b]}}: keys that cannot go together; pointed at the second one
      const keys = ((e.parentSchema as { not?: { required?: string[] } }).not?.required ?? []).map(String);
      fullPath = [...path, keys[keys.length - 1]!];
      at = src.positions.keyAt(fullPath);
      rule = "schema.conflict";
      message = m.conflictingKeys(keys);
      break;
    }
    case "dependencies": {
      const key = String(e.params.property);
      fullPath = [...path, key];
      at = src.positions.keyAt(fullPath);
      rule = "schema.dependency";
      message = m.needsKey(key, String(e.params.missingProperty));
      break;
    }
    case "type": {
      // "a|b" from reduceAnyOf, ["a", "b"] from a type union
      // a union refusing true ({not: {const: true}}) takes a text or false
      const refusesTrue = (e.parentSchema as { not?: { const?: unknown } } | undefined)?.not?.const === true;
      const expected = String(e.params.type).split(/[|,]/).map((t) => (t === "boolean" && refusesTrue ? "false" : t));
      const entry = src.positions.entry(path);
      const t = actualType(v);
      // "a string of digits" only where the schema's pattern refuses letters (số, ngày, amounts), not any pattern
      const pattern = (e.parentSchema as { pattern?: string } | undefined)?.pattern;
      const digitsOnly = typeof pattern === "string" && !new RegExp(pattern, "u").test("A") && !new RegExp(pattern, "u").test("a");
      if (expected.includes("string") && entry?.plain && (t === "integer" || t === "number") && digitsOnly) {
        message = m.quoteNumber(entry.source ?? String(v));
      } else if (expected.includes("string") && entry?.plain && (t === "integer" || t === "number")) {
        message = m.quoteValue(entry.source ?? String(v), expected.map(typeVi).join(m.orWord));
      } else if (expected.includes("string") && entry?.plain && t === "boolean") {
        message = m.quoteValue(entry.source ?? String(v), typeVi("string"));
      } else {
        message = m.wrongType(expected.map(typeVi).join(m.orWord), describeValue(src, path, v));
      }
      rule = "schema.type";
      break;
    }
    case "pattern": {
      const title = parent.title;
      if (e.params.pattern === NON_BLANK) {
        rule = "schema.empty";
        message = m.empty(title);
        break;
      }
      // the schema's own hint, the one the editor shows too (one text for both)
      message = m.pattern(String(v), title, (e.parentSchema as { patternErrorMessage?: string } | undefined)?.patternErrorMessage);
      break;
    }
    case "enum": {
      // a list may hold true and false beside words (bang.tt: true, false, so_cap)
      const allowed = ((e.params.allowedValues as unknown[]) ?? []).map(String);
      message = m.enumValue(String(v), allowed, suggest(String(v), allowed));
      break;
    }
    case "minLength":
    case "minItems":
    case "minProperties":
      rule = "schema.empty";
      message = m.empty(parent.title);
      break;
    case "maxItems":
      message = m.tooMany(Number(e.params.limit));
      break;
    case "maxLength":
      message = m.tooLong(Number(e.params.limit), parent.title);
      break;
    case "minimum":
    case "exclusiveMinimum":
      message = m.range(Number(e.params.limit), e.keyword === "minimum" ? m.atLeast : m.above);
      break;
    case "maximum":
      message = m.range(Number(e.params.limit), m.atMost);
      break;
    default:
      message = m.generic(e.message ?? e.keyword);
  }
  return finding(rule, { file: src.file, line: at.line, col: at.col }, message, pathToString(fullPath));
}

/** A key that is really the start of a sentence ("Cơ quan thực hiện", "Các Sở"): schema keys are plain lower-case words. */
export function sentenceKey(key: string): boolean {
  return /\p{L}[ \t]+[\p{L}\d]|(?![\x00-\x7F])\p{L}|^[A-Z][a-z]/u.test(key);
}

/** The lines of a source, split once when a trap needs them. */
const sourceLines = new WeakMap<SourceFile, string[]>();
function sourceLine(src: SourceFile, n: number): string {
  let lines = sourceLines.get(src);
  if (!lines) sourceLines.set(src, (lines = src.text.split(/\r?\n/)));
  return lines[n - 1] ?? "";
}

/** Where a sentence read as "key: value" ends on the key's line (a cell of [a: b, c] ends before its comma), 1-based. */
function sentenceEnd(src: SourceFile, path: Path, key: { line: number }): number | undefined {
  const entry = src.positions.entry(path);
  if (!entry || entry.offset[1] <= entry.offset[0]) return undefined;
  const end = src.positions.pos(entry.offset[1]);
  return end.line === key.line ? end.col : undefined;
}

/**
 * The YAML traps where the schema wants text: "- Cơ quan thực hiện: Sở …" read as a mapping of
 * sentence keys, "- # …" read as a comment (nothing). One finding each, showing the line quoted;
 * returns the instance paths whose other errors would only repeat it (missing "ten", unknown key…).
 */
function textTraps(src: SourceFile, errors: ErrorObject[], findings: Finding[]): Set<string> {
  const trapped = new Set<string>();
  for (const e of errors) {
    // the schema wants text here: a type error asking for a string, or any error of a text-or-mapping union
    const union = (e.parentSchema as { type?: unknown } | undefined)?.type;
    const wantsText = e.keyword === "type" ? String(e.params.type).split(",").includes("string") : Array.isArray(union) && union.includes("string");
    if (!wantsText || trapped.has(e.instancePath) || !e.instancePath) continue;
    const path = toPath(e.instancePath, src.value);
    const v = valueAt(src.value, path);
    if (v === null) {
      const at = src.positions.valueAt(path);
      const line = sourceLine(src, at.line);
      const hash = line.indexOf("#", at.col - 1);
      if (hash < 0 || !/\p{L}/u.test(line.slice(hash))) continue;
      trapped.add(e.instancePath);
      findings.push(finding("schema.quote", { file: src.file, line: at.line, col: hash + 1 }, quoteAt("comment", line, hash + 1), pathToString(path)));
      continue;
    }
    if (!v || typeof v !== "object" || Array.isArray(v)) continue;
    const entries = Object.entries(v);
    // only one-line sentences: each key's value is a scalar on the key's line
    if (!entries.length || !entries.every(([k, x]) => sentenceKey(k) && (x === null || typeof x !== "object"))) continue;
    trapped.add(e.instancePath);
    for (const [k] of entries) {
      const at = src.positions.keyAt([...path, k]);
      findings.push(finding("schema.quote", { file: src.file, line: at.line, col: at.col }, quoteAt("key", sourceLine(src, at.line), at.col, sentenceEnd(src, [...path, k], at)), pathToString(path)));
    }
  }
  return trapped;
}

/** Validates a parsed file; findings are sorted by position. */
export function validateSource(src: SourceFile, kind: SchemaKind): Finding[] {
  const validate = validatorFor(kind);
  // what the schema cannot count: cells per row, widths per column
  const structural = kind === "plan" ? checkTables(src) : [];
  if (validate(src.value)) return structural;
  const traps: Finding[] = [];
  const trapped = textTraps(src, validate.errors ?? [], traps);
  const below = (p: string): boolean => {
    for (let cut = p.length; cut >= 0; cut = p.lastIndexOf("/", cut - 1)) {
      if (trapped.has(p.slice(0, cut))) return true;
      if (cut === 0) break;
    }
    return false;
  };
  // a key-pair rule ({not: {required}}) says nothing about a value that is not a mapping; an "if" only
  // says that its "then" failed, and the "then" says how
  const pairRule = (e: ErrorObject): boolean => e.keyword === "not" && Boolean((e.parentSchema as { not?: { required?: unknown } }).not?.required);
  const kept = (validate.errors ?? []).filter((e) => e.keyword !== "if" && !(pairRule(e) && actualType(valueAt(src.value, toPath(e.instancePath, src.value))) !== "object"));
  const errors = reduceAnyOf(kept, src.value).filter((e) => !(trapped.size && below(e.instancePath)));
  // A misspelt required key is one mistake: "did you mean" says it all, "missing" would repeat it.
  const misspelt = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== "additionalProperties") continue;
    const s = suggestKey(e);
    if (s) misspelt.add(`${e.instancePath}/${s}`);
  }
  const seen = new Set<string>();
  const findings: Finding[] = [...structural, ...traps];
  for (const e of errors) {
    if (e.keyword === "required" && misspelt.has(`${e.instancePath}/${String(e.params.missingProperty)}`)) continue;
    const f = errorToFinding(src, kind, e, src.value);
    const k = `${f.line}:${f.col}:${f.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    findings.push(f);
  }
  return capFindings(src.file, findings.sort((a, b) => a.line - b.line || a.col - b.col));
}
