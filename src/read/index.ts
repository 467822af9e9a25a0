/**
 * Read stage: a YAML file becomes a plain value plus the source position of every node.
 * Every way a file can be unusable ends in findings, never in an exception.
 */
import { LineCounter, isMap, isSeq, isScalar, type Document } from "yaml";
import { finding, type Finding, type Path, pathToString } from "../model/finding.js";
import { readMessages as m, yamlErrorVi } from "../messages/read.js";
import { PositionIndex } from "./positions.js";
import { restoreTypedLines } from "./flow.js";
import { readRegularFile } from "./files.js";
import { capFindings, FindingCap } from "./cap.js";
import { parseGated } from "./scan.js";
import { lineFrom, lineTrap } from "./trap.js";
import type { RuleId } from "../model/rules.js";

export { PositionIndex } from "./positions.js";
export type { Pos } from "./positions.js";

/** Limits that keep a hostile file from exhausting the machine. */
export const LIMITS = {
  bytes: 2 * 1024 * 1024,
  depth: 40,
  nodes: 50_000,
  aliases: 100,
} as const;

export interface SourceFile {
  /** The path as the user wrote it (used in messages). */
  file: string;
  text: string;
  /** The parsed value, NFC-normalised; undefined when the file could not be read. */
  value: unknown;
  positions: PositionIndex;
  findings: Finding[];
}

// Characters XML 1.0 forbids (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// "loi_dan: … như sau:" — a value with its own colon, the commonest YAML mistake of clerks
const COLON_IN_VALUE = /^\s*(-\s+)?[\p{L}\w]+:\s+[^"'\s].*:(\s|$)/u;

// source tokens kept: the text-flow rule restores each scalar's typed lines from them (flow.ts)
const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, version: "1.2", keepSourceTokens: true } as const;

/**
 * The YAML document of a text parseSource read without finding anything wrong, its scalars'
 * typed lines restored (flow.ts): what `kehoach fmt` lays out again, comments and all.
 */
export function parsedDocument(text: string): Document | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = parseGated(body, new LineCounter(), LIMITS, PARSE_OPTIONS).doc;
  if (!doc || doc.errors.length) return undefined;
  restoreTypedLines(doc);
  return doc;
}

/** Line `n` (1-based) of the text, without its newline. */
function lineAt(text: string, lines: LineCounter, n: number): string {
  return lineFrom(text, lines.lineStarts[n - 1] ?? 0);
}

function emptyIndex(): PositionIndex {
  return new PositionIndex(new LineCounter());
}

/** Reads and parses a file from disk. */
export function readSource(file: string): SourceFile {
  const fail = (message: string, rule: RuleId = "file.read"): SourceFile => ({
    file,
    text: "",
    value: undefined,
    positions: emptyIndex(),
    findings: [finding(rule, { file, line: 1, col: 1 }, message)],
  });
  const read = readRegularFile(file, LIMITS.bytes);
  if ("refusal" in read) {
    switch (read.refusal) {
      case "missing":
        return fail(m.notFound());
      case "not-file":
        return fail(m.isDirectory());
      case "special":
        return fail(m.special(), "file.special");
      case "too-large":
        return fail(m.tooLarge(read.size === undefined ? undefined : (read.size / 1048576).toFixed(1), LIMITS.bytes / 1048576), "file.size");
      default:
        return fail(m.unreadable(read.code ?? read.refusal));
    }
  }
  const bytes = read.bytes;
  return parseSource(file, bytes);
}

/** Decodes and parses bytes already read. */
export function parseSource(file: string, bytes: Buffer | string): SourceFile {
  const findings: Finding[] = [];
  const fail = (message: string, rule: RuleId, line = 1, col = 1): SourceFile => ({
    file,
    text: "",
    value: undefined,
    positions: emptyIndex(),
    findings: [finding(rule, { file, line, col }, message)],
  });
  let text: string;
  if (typeof bytes === "string") text = bytes;
  else {
    if (bytes.length > LIMITS.bytes) return fail(m.tooLarge((bytes.length / 1048576).toFixed(1), LIMITS.bytes / 1048576), "file.size");
    if (bytes.includes(0)) return fail(m.binary(), "file.binary");
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return fail(m.badEncoding(), "file.encoding");
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return fail(m.empty(), "file.empty");

  const lines = new LineCounter();
  const parsed = parseGated(text, lines, LIMITS, PARSE_OPTIONS);
  if (!parsed.doc) {
    const stop = parsed.stop!;
    const pos = lines.linePos(stop.offset);
    // a tag or anchor at the start of a sentence: the sentence wants quotes, not the tag removed
    const trap = stop.rule === "yaml.tag" || stop.rule === "yaml.syntax" ? lineTrap(lineAt(text, lines, pos.line)) : undefined;
    const message = trap && trap.col === pos.col ? trap.message : stop.message;
    return { file, text, value: undefined, positions: new PositionIndex(lines), findings: [finding(stop.rule, { file, line: pos.line, col: pos.col }, message)] };
  }
  const doc = parsed.doc;
  // found in one pass each, and only the first of a kind are described (reading their line costs)
  const cap = new FindingCap(file);
  // a sentence that broke the YAML is one finding on its line, with the line shown quoted
  const trapped = new Set<number>();
  for (const err of doc.errors) {
    const pos = lines.linePos(err.pos[0]);
    if (trapped.has(pos.line)) continue;
    if (!cap.admit("yaml.syntax", "error")) continue;
    const lineText = lineAt(text, lines, pos.line);
    const trap = lineTrap(lineText);
    if (trap) trapped.add(pos.line);
    const message = trap ? trap.message : COLON_IN_VALUE.test(lineText) ? m.colonInValue() : m.yamlSyntax(yamlErrorVi(err.code));
    cap.add(finding("yaml.syntax", { file, line: pos.line, col: trap ? trap.col : pos.col }, message));
  }
  const { index, depth, nodes, problems } = PositionIndex.build(doc, lines, text, LIMITS.nodes);
  for (const p of problems) {
    if (!cap.admit(p.rule, "error")) continue;
    const pos = lines.linePos(p.offset);
    cap.add(finding(p.rule, { file, line: pos.line, col: pos.col }, p.message));
  }
  // a tree with syntax errors has no depth or size of its own worth reporting
  if (doc.errors.length === 0 && depth > LIMITS.depth) cap.push(finding("limit.depth", { file, line: 1, col: 1 }, m.tooDeep(LIMITS.depth)));
  if (doc.errors.length === 0 && nodes > LIMITS.nodes) cap.push(finding("limit.nodes", { file, line: 1, col: 1 }, m.tooManyNodes(LIMITS.nodes)));
  if (cap.findings.length) return { file, text, value: undefined, positions: index, findings: cap.done() };

  const contents = doc.contents;
  if (!isMap(contents)) {
    const what = isSeq(contents) ? m.listWord : isScalar(contents) ? m.scalarWord(String(contents.value)) : m.emptyWord;
    const pos = index.valueAt([]);
    return { file, text, value: undefined, positions: index, findings: [finding("yaml.top-level", { file, ...pos }, m.notMapping(what))] };
  }
  restoreTypedLines(doc);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: LIMITS.aliases });
  } catch {
    return { file, text, value: undefined, positions: index, findings: [finding("limit.alias", { file, line: 1, col: 1 }, m.aliasBomb())] };
  }
  value = normalizeStrings(value, [], index, file, findings);
  return { file, text, value, positions: index, findings: capFindings(file, findings) };
}

/**
 * NFC-normalises every string and key; reports characters XML cannot carry. The path is one
 * array, pushed and popped on the way; a finding takes a copy.
 */
function normalizeStrings(v: unknown, path: Path, index: PositionIndex, file: string, findings: Finding[]): unknown {
  if (typeof v === "string") {
    const bad = FORBIDDEN.exec(v);
    if (bad) {
      const pos = index.valueAt(path);
      const code = "U+" + bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
      findings.push(finding("text.forbidden-char", { file, ...pos }, m.forbiddenChar(code), pathToString(path)));
    }
    return v.normalize("NFC");
  }
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      out[i] = normalizeStrings(v[i], path, index, file, findings);
      path.pop();
    }
    return out;
  }
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      path.push(k);
      const value = normalizeStrings((v as Record<string, unknown>)[k], path, index, file, findings);
      path.pop();
      const key = k.normalize("NFC");
      // a key named "__proto__" must stay data, never become the prototype
      if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
    }
    return out;
  }
  return v;
}
