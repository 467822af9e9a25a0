/**
 * Writes the objects docx's components prepare for XML (`{ "w:b": { _attr: { "w:val": false } } }`)
 * as text, the way docx's own writer does — quirks included, so the bytes are the same (docx's
 * writer is not part of its public API). The write tests compare the result with docx's Packer.
 */

/** What a docx component's prepForXml returns: one key, the element's name. */
export type Xmlable = Record<string, unknown>;

const ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const NEEDS_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ENTITY: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };

export function escape(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPE, (c) => ENTITY[c] ?? "") : s;
}

/** Strings are escaped; numbers and booleans are written as they are. */
function value(v: unknown): string {
  return typeof v === "string" ? escape(v) : String(v);
}

function attributes(attr: Record<string, unknown>): string {
  let s = "";
  for (const key in attr) s += ` ${key}="${value(attr[key])}"`;
  return s;
}

/** One element. Mirrors docx's resolve/format: a text child replaces the child before it. */
export function element(data: Xmlable): string {
  let name: string | undefined;
  for (const k in data) {
    name = k;
    break;
  }
  const values = name === undefined ? undefined : data[name];
  let attrs = "";
  const content: string[] = [];
  if (typeof values === "object") {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) attrs += attributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, "]]]]><![CDATA[>")}]]>`);
      if (Array.isArray(values)) {
        let text = false;
        content.push("");
        for (const v of values) {
          if (typeof v === "object") {
            const first = firstKey(v as Xmlable);
            if (first === "_attr") attrs += attributes((v as { _attr: Record<string, unknown> })._attr);
            else content.push(element(v as Xmlable));
          } else {
            content.pop();
            text = true;
            content.push(value(v));
          }
        }
        if (!text) content.push("");
      }
    }
  } else content.push(value(values));
  const open = (name ? `<${name}` : "") + attrs;
  if (content.length === 0) return open + "/>";
  return open + (name ? ">" : "") + content.join("") + (name ? `</${name}>` : "");
}

function firstKey(o: Xmlable): string | undefined {
  for (const k in o) return k;
  return undefined;
}

/** The XML declaration that opens a part. */
export function declaration(standalone: boolean): string {
  return `<?xml version="1.0" encoding="UTF-8"${standalone ? ' standalone="yes"' : ""}?>`;
}
