/**
 * What the writer of plan YAML needs from the two schemas (schemas/kehoach.schema.json,
 * co-quan.schema.json): the order of a mapping's keys (the order of `properties`, at every depth,
 * through `$ref`s, `items` and the branches of `anyOf`/`oneOf`/`allOf`/`then`), and whether a string
 * at a place is free text (a string the schema restricts by no pattern but "\S", no enum, no const):
 * the only strings the writer may re-wrap (with normalize/text.ts's flowing keys).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SCHEMAS_DIR } from "../paths.js";
import type { SchemaKind } from "../validate/schemas.js";

type Json = { [k: string]: unknown };

const FILES: Record<SchemaKind, string> = { plan: "kehoach.schema.json", profile: "co-quan.schema.json" };
const loaded = new Map<string, Json>();

function schemaFile(name: string): Json {
  let s = loaded.get(name);
  if (!s) {
    s = JSON.parse(readFileSync(join(SCHEMAS_DIR, name), "utf8")) as Json;
    loaded.set(name, s);
  }
  return s;
}

/** A schema node with the file its `$ref`s are relative to. */
interface At {
  node: Json;
  file: string;
}

/** A place in a plan as the schema sees it: the union of the schema nodes that may apply (empty: a key the schema does not know). */
export type SchemaPlace = readonly At[];

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Follows `$ref`s ("file#/$defs/x" or "#/$defs/x") to the node itself. */
function deref(at: At, depth = 0): At | undefined {
  const ref = at.node.$ref;
  if (typeof ref !== "string" || depth > 20) return at;
  const [file, pointer = ""] = ref.split("#");
  const inFile = file ? file : at.file;
  let node: unknown = schemaFile(inFile);
  for (const part of pointer.split("/").filter(Boolean)) node = isObject(node) ? node[part] : undefined;
  return isObject(node) ? deref({ node, file: inFile }, depth + 1) : undefined;
}

/** The node and the branches that may add to it (anyOf, oneOf, allOf, then), each resolved. */
function branches(at: At, out: At[] = [], depth = 0): At[] {
  const r = deref(at);
  if (!r || depth > 20) return out;
  out.push(r);
  for (const k of ["anyOf", "oneOf", "allOf"]) {
    const list = r.node[k];
    if (Array.isArray(list)) for (const b of list) if (isObject(b)) branches({ node: b, file: r.file }, out, depth + 1);
  }
  if (isObject(r.node.then)) branches({ node: r.node.then, file: r.file }, out, depth + 1);
  return out;
}

const cache = new Map<string, SchemaPlace>();

/** The top of a plan or of an office profile. */
export function schemaRoot(kind: SchemaKind): SchemaPlace {
  let root = cache.get(kind);
  if (!root) {
    root = branches({ node: schemaFile(FILES[kind]), file: FILES[kind] });
    cache.set(kind, root);
  }
  return root;
}

/** The keys of a mapping in schema order, each once. */
export function keyOrder(place: SchemaPlace): string[] {
  const out = new Set<string>();
  for (const at of place) if (isObject(at.node.properties)) for (const k of Object.keys(at.node.properties)) out.add(k);
  return [...out];
}

/** The place of a mapping's value at `key`. */
export function propertyPlace(place: SchemaPlace, key: string): SchemaPlace {
  const out: At[] = [];
  for (const at of place) {
    const props = at.node.properties;
    if (isObject(props) && Object.hasOwn(props, key) && isObject(props[key])) branches({ node: props[key], file: at.file }, out);
  }
  return out;
}

/** The place of a list's items. */
export function itemPlace(place: SchemaPlace): SchemaPlace {
  const out: At[] = [];
  for (const at of place) if (isObject(at.node.items)) branches({ node: at.node.items, file: at.file }, out);
  return out;
}

/** Whether a string here is free text: a branch takes strings with no pattern but "\S", no enum, no const. */
export function isFreeText(place: SchemaPlace): boolean {
  return place.some(({ node }) => {
    const t = node.type;
    const takesString = t === "string" || (Array.isArray(t) && t.includes("string"));
    return takesString && node.enum === undefined && node.const === undefined && (node.pattern === undefined || node.pattern === "\\S");
  });
}
