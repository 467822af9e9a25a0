/**
 * The writer of plan YAML, in one canonical layout: `kehoach fmt` rewrites plans and office
 * profiles in it (working on the parsed YAML document, so that comments stay), and `kehoach import`
 * writes what it recognised through `planYaml`. One set of layout rules for both (`layout` below):
 *
 *  - keys in schema order (the order of `properties` in schemas/, at every depth); keys the schema
 *    does not know after the known ones, in the order typed;
 *  - a text on the key's line, plain, when it fits in LINE_WIDTH columns; in quotes only where YAML
 *    needs them, for YAML 1.2 and 1.1 readers alike ("0129", "2025-01-01", "yes", ": ", a leading
 *    `*`, `[`, `#`, spaces…): double quotes, single ones for a text holding `"` but no `'`;
 *  - a longer free text (wrap.ts) as a literal block (`|-`), its lines filled up to LINE_WIDTH
 *    columns at single spaces (at least MIN_TEXT_WIDTH characters a line however deep); a text that
 *    is not free (agency lines, codes, names) keeps its line ends exactly, in a `|` block when it
 *    has several lines;
 *  - a table's rows and header, its column settings and an agency's lines (ROW_KEYS) in flow style
 *    (`[STT, Nội dung]`, a merged cell `{noi_dung: Tổng, gop_cot: 2}` inside) when the list fits on
 *    its line with no comment inside, and so short records (RECORD_KEYS: a recipient
 *    `{ten: UBND tỉnh, ghi_chu: b/c}`, a task's field, a cost line, `luu`); an empty mapping `{}` on
 *    its key's line; every other list and every mapping one entry a line;
 *  - a blank line between top-level keys, none elsewhere; comments kept where they were (above a
 *    key or a list item, at a line's end); the comment above a file's first key (its header: the
 *    schema line, a description) stays at the top; YAML anchors and aliases written out in full.
 *
 * What a plan means never depends on the layout: the read stage gives every scalar style the same
 * value (read/flow.ts), and free text is only re-wrapped at its soft breaks (wrap.ts).
 */
import { Document, isAlias, isCollection, isMap, isNode, isScalar, isSeq, Scalar, visit, type CST, type Node, type Pair, type ToStringOptions, type YAMLMap, type YAMLSeq } from "yaml";
import type { Path } from "../model/finding.js";
import type { SchemaKind } from "../validate/schemas.js";
import { isFlowingPath } from "../normalize/text.js";
import { isFreeText, itemPlace, keyOrder, propertyPlace, schemaRoot, type SchemaPlace } from "./schema.js";
import { joinSoft, sameText, wrapText } from "./wrap.js";

/** The columns a line may take (a word longer than the space left keeps its line). */
export const LINE_WIDTH = 100;
/** The fewest characters a line of a block text holds, however deep it is indented. */
export const MIN_TEXT_WIDTH = 40;

/** A comment written on its own line(s) just above the node at `path` (keys and list indexes). */
export interface YamlComment {
  path: (string | number)[];
  /** The comment's text, without "#"; several lines allowed. */
  text: string;
}

const OPTIONS: ToStringOptions = {
  lineWidth: 0,
  indent: 2,
  indentSeq: true,
  flowCollectionPadding: false,
  // a double-quoted text stays on its line ("\n" escapes), never folded over lines
  doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER,
  // "key:" with nothing after it, as typed, rather than "key: null"
  nullStr: "",
};

/** Parsed as YAML 1.2 (as the read stage does), written so that a YAML 1.1 reader reads the same types. */
const SCHEMA_OPTIONS = { version: "1.2", compat: "yaml-1.1" } as const;

/**
 * The plan value (or an office profile's, `kind`) as YAML text in the canonical layout, with each
 * comment on its own line(s) just above the node at its path: above the key's line for a mapping's
 * key, above the dash for a list item; a comment at [] or at a path the value does not have goes at
 * the top of the file. Read back by the read stage, the text gives the same plan (free texts may be
 * wrapped at other single spaces), and `kehoach fmt` leaves it as it is.
 */
export function planYaml(plan: unknown, comments: readonly YamlComment[] = [], kind: SchemaKind = "plan"): string {
  // an object met twice is written out twice, as layout writes an alias out (the value is a tree, never a cycle)
  const doc = new Document(plan, { ...SCHEMA_OPTIONS, aliasDuplicateObjects: false });
  for (const c of comments) {
    const text = c.text
      .split("\n")
      .map((l) => " " + l)
      .join("\n");
    const node = commentHolder(doc, c.path);
    if (node) node.commentBefore = joinComments(node.commentBefore, text);
    else doc.commentBefore = joinComments(doc.commentBefore, text) ?? null;
  }
  return layout(doc, kind, false, false);
}

/** The node whose comment is written above the line of `path`: a mapping entry's key, a list's item. */
function commentHolder(doc: Document, path: readonly (string | number)[]): Node | undefined {
  if (!path.length) return undefined;
  const last = path[path.length - 1];
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (isMap(parent)) {
    const pair = (parent.items as Pair[]).find((p) => keyName(p) === String(last));
    return pair && isNode(pair.key) ? pair.key : undefined;
  }
  const node = isSeq(parent) && typeof last === "number" ? parent.items[last] : undefined;
  return isNode(node) ? node : undefined;
}

/**
 * A parsed document (read/index.ts parsedDocument, typed lines restored by read/flow.ts) in the
 * canonical layout. Changes the document.
 */
export function formatDocument(doc: Document, kind: SchemaKind): string {
  return layout(doc, kind, true, true);
}

/**
 * A comment typed at the end of a key's line whose value is a collection ("cac_y: # hai ý"): yaml
 * reads it as the comment above the collection, and would write it on a line of its own above the
 * first item. Read from the file's tokens (a parsed file's only), it goes back to the key's line.
 */
function keyLineComments(map: YAMLMap): void {
  const cst = (map as { srcToken?: CST.Token }).srcToken;
  if (cst?.type !== "block-map" || cst.items.length !== map.items.length) return;
  cst.items.forEach((item, i) => {
    const p = map.items[i] as Pair;
    const sep = item.sep ?? [];
    const comment = sep.findIndex((t) => t.type === "comment");
    const newline = sep.findIndex((t) => t.type === "newline");
    if (comment < 0 || (newline >= 0 && newline < comment)) return;
    if (!isCollection(p.value) || !p.value.commentBefore || !isNode(p.key) || p.key.comment) return;
    const [own, ...rest] = p.value.commentBefore.split("\n");
    p.key.comment = own;
    p.value.commentBefore = rest.length ? rest.join("\n") : undefined;
  });
}

function joinComments(a: string | null | undefined, b: string | null | undefined): string | undefined {
  return a && b ? `${a}\n${b}` : a || b || undefined;
}

const keyName = (p: Pair): string => {
  const k = p.key;
  return String(isScalar(k) ? k.value : k).normalize("NFC");
};

class Layout {
  /** The document fitsFlow writes a collection in to measure it, made once (a schema is made with each document). */
  private probe?: Document;

  constructor(private readonly doc: Document) {}

  /** A mapping whose keys start at column `col`. */
  map(map: YAMLMap, place: SchemaPlace, path: Path, col: number, listItem = false): void {
    const items = map.items as Pair[];
    keyLineComments(map);
    // the comment above a mapping's first key goes with that key when keys move
    const first = items[0];
    if (map.commentBefore && first && isNode(first.key)) {
      first.key.commentBefore = joinComments(map.commentBefore, first.key.commentBefore);
      map.commentBefore = undefined;
    }
    for (const p of items) {
      // a comment above a text value is a comment above its key
      if (isScalar(p.value) && p.value.commentBefore && isNode(p.key)) {
        p.key.commentBefore = joinComments(p.key.commentBefore, p.value.commentBefore);
        p.value.commentBefore = undefined;
      }
      if (isScalar(p.key) && typeof p.key.value === "string") p.key.type = Scalar.PLAIN;
    }
    const order = keyOrder(place);
    const rank = (p: Pair): number => {
      const i = order.indexOf(keyName(p));
      return i < 0 ? order.length : i;
    };
    // stable: unknown keys keep the order typed
    items.sort((a, b) => rank(a) - rank(b));
    // a list item's comment goes above its dash, not between the dash and the first key
    const head = items[0];
    if (listItem && head && isNode(head.key) && head.key.commentBefore) {
      map.commentBefore = head.key.commentBefore;
      head.key.commentBefore = undefined;
    }
    for (const p of items) {
      const key = keyName(p);
      const at = [...path, key];
      const sub = propertyPlace(place, key);
      const keyWidth = isScalar(p.key) ? String(p.key.value).length : 0;
      this.node(p.value, sub, at, col + keyWidth + 2, col + 2);
    }
  }

  /** A list whose dashes are at column `col`. */
  seq(seq: YAMLSeq, place: SchemaPlace, path: Path, col: number): void {
    const sub = itemPlace(place);
    seq.items.forEach((item, i) => this.node(item, sub, [...path, i], col + 2, col + 2, true));
  }

  /** A value starting at column `col` (on its key's or dash's line), whose own lines are indented to `block`. */
  node(v: unknown, place: SchemaPlace, path: Path, col: number, block: number, listItem = false): void {
    if (isMap(v)) {
      this.map(v, place, path, block, listItem);
      // one key a line, but a record on one line when it fits ({ten, ghi_chu}; a table cell's in its row's flow style), and {} stays on its key's line
      v.flow = !v.items.length || (isRecord(path) && this.fitsFlow(v, col));
    } else if (isSeq(v)) {
      this.seq(v, place, path, block);
      v.flow = isRow(path) && this.fitsFlow(v, col);
    } else if (isScalar(v)) this.scalar(v, place, path, col, block);
  }

  scalar(node: Scalar, place: SchemaPlace, path: Path, col: number, block: number): void {
    const v = node.value;
    if (typeof v !== "string") return;
    // "\n" typed in double quotes is YAML's escape, and lint.literal-newline tells the two apart by the quotes: they stay
    if (node.type === Scalar.QUOTE_DOUBLE && v.includes("\\n")) return;
    const free = isFreeText(place) && isFlowingPath(path);
    const one = free ? joinSoft(v) : v;
    if (!one.includes("\n")) {
      const style = this.lineStyle(one);
      if (!free || col + one.length + (style === Scalar.PLAIN ? 0 : 2) <= LINE_WIDTH) {
        node.value = one;
        node.type = style;
        return;
      }
    }
    const text = free ? wrapText(v, Math.max(LINE_WIDTH - block, MIN_TEXT_WIDTH)) : v;
    if (literalOk(text)) {
      node.value = text;
      node.type = Scalar.BLOCK_LITERAL;
    } else {
      node.value = one;
      node.type = Scalar.QUOTE_DOUBLE;
    }
  }

  /** How a one-line text is written: plain where YAML (1.2 and 1.1) reads it back as this text. */
  private lineStyle(s: string): Scalar.Type {
    if (plainOk(s, this.doc)) return Scalar.PLAIN;
    // eslint-disable-next-line no-control-regex
    const escapes = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(s);
    // single quotes spare a text with " its escapes, and keep a typed \n as two characters (lint.literal-newline sees them)
    if (!escapes && ((s.includes('"') && !s.includes("'")) || s.includes("\\n"))) return Scalar.QUOTE_SINGLE;
    return Scalar.QUOTE_DOUBLE;
  }

  /** Whether a collection is written in flow style: short one-line values, no comment inside, fits on its line. */
  private fitsFlow(c: YAMLMap | YAMLSeq, col: number): boolean {
    if (!c.items.length) return true;
    if (c.commentBefore) return false;
    let size = 0;
    const parts: unknown[] = [];
    for (const item of c.items as unknown[]) {
      if (isMap(c)) {
        const p = item as Pair;
        parts.push(p.key, p.value);
      } else parts.push(item);
    }
    for (const n of parts) {
      if (isCollection(n)) {
        if (n.commentBefore || n.comment || !(isMap(n) ? this.fitsFlow(n, col) : n.flow)) return false;
        size += 2;
        continue;
      }
      // an empty value (a key typed without one) keeps its own line: read back it is a null scalar, and the layout must not change on a second pass
      if (!isScalar(n) || n.value === null || n.commentBefore || n.comment) return false;
      if (n.type === Scalar.BLOCK_LITERAL || n.type === Scalar.BLOCK_FOLDED) return false;
      size += String(n.value).length + 2;
    }
    if (col + size > LINE_WIDTH) return false;
    const was = c.flow;
    c.flow = true;
    const probe = (this.probe ??= new Document(null, SCHEMA_OPTIONS));
    probe.contents = c;
    const text = probe.toString(OPTIONS).replace(/\n$/, "");
    c.flow = was;
    return !text.includes("\n") && col + text.length <= LINE_WIDTH;
  }
}

/**
 * The lists written in flow style when they fit on their line: a table's header and rows (each row,
 * and a 2-level header's lines), its column settings, an agency's lines, lint rules switched off.
 * Lists of texts (items, paragraphs, recipients, bases) stay one item a line.
 */
const ROW_KEYS: ReadonlySet<string | number> = new Set(["cot", "dong", "o", "do_rong", "can", "cot_tien", "nhom", "cong", "tong", "ten", "chu_quan", "tat"]);

/**
 * The mappings written in flow style when they fit on their line, like a row: short records of a
 * few settings or of a name and its note (a recipient `{ten: UBND tỉnh, ghi_chu: b/c}`, a task's
 * field, a cost line, a level's settings, a table row or header cell, the Lưu line, the Kèm theo
 * line, a sheet's row kinds). Sections, items and the signer stay one key a line.
 */
const RECORD_KEYS: ReadonlySet<string> = new Set(["luu", "kem_theo", "kieu_dong"]);
const RECORD_LIST_KEYS: ReadonlySet<string> = new Set(["noi_nhan", "truong", "cac_cap", "du_toan", "cac_dong", "dong", "cot"]);

function isRecord(path: Path): boolean {
  const last = path[path.length - 1];
  if (typeof last === "number") return RECORD_LIST_KEYS.has(String(path[path.length - 2]));
  return last !== undefined && RECORD_KEYS.has(last);
}

function isRow(path: Path): boolean {
  const last = path[path.length - 1];
  if (typeof last === "number") return path[path.length - 2] === "dong" || path[path.length - 2] === "cot";
  return last !== undefined && ROW_KEYS.has(last);
}

/** Whether yaml writes `s` plain and every YAML 1.2 or 1.1 reader reads it back as this string (yaml's own test, stringifyString.js). */
function plainOk(s: string, doc: Document): boolean {
  if (!s || /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(s)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]|^(%|---|\.\.\.)/.test(s)) return false;
  // the YAML 1.1 spec's float allows more dots after the first ("18.500.000.000"); yaml's and PyYAML's do not
  if (/^[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?$/.test(s)) return false;
  return !otherTags(doc.schema).test(s);
}

type Tag = { default?: unknown; tag: string; test?: RegExp };
const OTHER_TAGS = new WeakMap<object, { test(s: string): boolean }>();

/**
 * Whether a plain text would be read as another type than a string by the schema (1.2) or its
 * compat (1.1): the tags' patterns joined in one, made once a schema (a plan has hundreds of
 * texts, each tried against twenty-odd patterns one by one, cold, before).
 */
function otherTags(schema: { tags: Tag[]; compat: Tag[] | null }): { test(s: string): boolean } {
  let found = OTHER_TAGS.get(schema);
  if (!found) {
    const tests = [...schema.tags, ...(schema.compat ?? [])].flatMap((t) => (t.default && t.tag !== "tag:yaml.org,2002:str" && t.test ? [t.test] : []));
    // joined only when it means the same: no flags, no backreference whose number would move
    const joinable = tests.every((re) => re.flags === "" && !/\\[1-9]/.test(re.source));
    found = joinable ? new RegExp(tests.map((re) => `(?:${re.source})`).join("|")) : { test: (s: string) => tests.some((re) => re.test(s)) };
    OTHER_TAGS.set(schema, found);
  }
  return found;
}

/** Whether a text can be a literal block that reads back as itself (else it is double-quoted on one line). */
function literalOk(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /\S/.test(s) && !/\n[\t ]+$/.test(s) && !/[\x00-\x08\x0b-\x1f\x7f-\x9f\r\u2028\u2029\ufeff]/.test(s);
}

/**
 * The comments after the last entry of a file's last nested collection: yaml keeps them on that
 * collection, whatever their indentation, and that entry may move up with its key. They are
 * written at the end of the file, before those already there.
 */
function endComment(doc: Document, top: YAMLMap): void {
  const found: string[] = [];
  let node: unknown = (top.items[top.items.length - 1] as Pair | undefined)?.value;
  while (isCollection(node)) {
    if (node.comment) found.push(node.comment);
    node.comment = undefined;
    const last: unknown = node.items[node.items.length - 1];
    node = isMap(node) ? (last as Pair | undefined)?.value : last;
  }
  if (isScalar(node) && node.comment && /\n/.test(node.comment)) {
    // a text's end-of-line comment is its own; lines after it belong to the file's end
    const [own, ...rest] = node.comment.split("\n");
    node.comment = own;
    found.push(rest.join("\n"));
  }
  if (found.length) doc.comment = joinComments(found.reverse().join("\n"), doc.comment) ?? null;
}

/** Writes out every alias as a copy of what it names, and drops the anchors: the layout moves keys, an alias must not come before its anchor. */
function expandAliases(doc: Document): void {
  visit(doc, {
    Alias(_key, node) {
      const target = node.resolve(doc);
      return target ? (target.clone() as Node) : undefined;
    },
  });
  visit(doc, {
    Node(_key, node) {
      if (!isAlias(node)) node.anchor = undefined;
    },
  });
}

/**
 * `parsed`: a document read from a file, whose schema, blank lines and aliases are the file's; a
 * document planYaml made from a value has the schema it was made with, no blank lines and no
 * alias (a cold import spares itself three walks and a schema).
 */
function layout(doc: Document, kind: SchemaKind, header: boolean, parsed: boolean): string {
  if (parsed) {
    expandAliases(doc);
    doc.setSchema("1.2", { compat: "yaml-1.1" });
    // one canonical rule for blank lines: between top-level keys only
    visit(doc, {
      Node(_key, node) {
        node.spaceBefore = false;
      },
    });
  }
  const top = doc.contents;
  const run = new Layout(doc);
  if (isMap(top)) {
    const items = top.items as Pair[];
    let head: string | undefined;
    if (header) {
      head = joinComments(top.commentBefore, isNode(items[0]?.key) ? items[0].key.commentBefore : undefined);
      top.commentBefore = undefined;
      if (isNode(items[0]?.key)) items[0].key.commentBefore = undefined;
    }
    // before and after the keys move: what ended the file as typed, and what ends it now
    endComment(doc, top);
    run.map(top, schemaRoot(kind), [], 0);
    endComment(doc, top);
    items.forEach((p, i) => {
      if (!isNode(p.key)) return;
      if (i === 0 && head) p.key.commentBefore = joinComments(head, p.key.commentBefore);
      p.key.spaceBefore = i > 0;
    });
  } else run.node(top, schemaRoot(kind), [], 0, 0);
  return doc.toString(OPTIONS);
}

/**
 * Whether two plan values say the same: equal, but free texts (wrap.ts) may differ in their soft
 * breaks. The first path where they differ, or undefined. fmt's safety net: what it writes is read
 * back and compared with what it read, and a file that would mean something else is not written.
 */
export function planDifference(before: unknown, after: unknown, kind: SchemaKind): Path | undefined {
  const walk = (a: unknown, b: unknown, place: SchemaPlace, path: Path): Path | undefined => {
    if (typeof a === "string" && typeof b === "string") {
      if (a === b || (isFreeText(place) && isFlowingPath(path) && sameText(a, b))) return undefined;
      return path;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) return path;
      const sub = itemPlace(place);
      for (let i = 0; i < a.length; i++) {
        path.push(i);
        const d = walk(a[i], b[i], sub, path);
        if (d) return d;
        path.pop();
      }
      return undefined;
    }
    if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
      const ka = Object.keys(a);
      const kb = new Set(Object.keys(b));
      if (ka.length !== kb.size || ka.some((k) => !kb.has(k))) return path;
      for (const k of ka) {
        path.push(k);
        const d = walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], propertyPlace(place, k), path);
        if (d) return d;
        path.pop();
      }
      return undefined;
    }
    return Object.is(a, b) ? undefined : path;
  };
  const d = walk(before, after, schemaRoot(kind), []);
  return d && [...d];
}
