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

/**
 * One element. Mirrors docx's resolve/format: attributes among the children go to the start tag,
 * and a text child replaces the child before it. Written into one string, child after child
 * (the objects of a long body are many; arrays and joins per element cost a batch).
 */
export function element(data: Xmlable): string {
  let name: string | undefined;
  for (const k in data) {
    name = k;
    break;
  }
  const values = name === undefined ? undefined : data[name];
  const open = name ? `<${name}` : "";
  if (typeof values !== "object") return open + (name ? ">" : "") + value(values) + (name ? `</${name}>` : "");
  if (values === null) return open + "/>";
  const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
  let attrs = attr ? attributes(attr) : "";
  const cdataText = cdata ? `<![CDATA[${cdata.replace(/\]\]>/g, "]]]]><![CDATA[>")}]]>` : "";
  if (!Array.isArray(values)) return cdataText ? open + attrs + (name ? ">" : "") + cdataText + (name ? `</${name}>` : "") : open + attrs + "/>";
  // content: the CDATA, then the children; `last` is where the last child starts (a text replaces it)
  let content = cdataText;
  let last = content.length;
  for (const v of values) {
    if (typeof v === "object") {
      if (firstKey(v as Xmlable) === "_attr") attrs += attributes((v as { _attr: Record<string, unknown> })._attr);
      else {
        last = content.length;
        content += element(v as Xmlable);
      }
    } else {
      content = content.slice(0, last) + value(v);
    }
  }
  return open + attrs + (name ? ">" : "") + content + (name ? `</${name}>` : "");
}

function firstKey(o: Xmlable): string | undefined {
  for (const k in o) return k;
  return undefined;
}

/** The XML declaration that opens a part. */
export function declaration(standalone: boolean): string {
  return `<?xml version="1.0" encoding="UTF-8"${standalone ? ' standalone="yes"' : ""}?>`;
}
