/**
 * A small, strict, non-validating XML reader for the parts of a Word document: elements,
 * attributes, text, the five predefined entities and character references, CDATA, comments and
 * processing instructions. No DTD is ever read: a `<!DOCTYPE` (where entity declarations live, the
 * door of XXE and "billion laughs") is refused, so an entity can never expand. Well-formedness is
 * checked (tags nest and match, attributes are quoted and not repeated, one root); anything else is
 * an XmlError with the offset, never a guess. Linear in the input.
 *
 * Names come back with a canonical prefix for the namespaces the reader cares about ("w:" for
 * WordprocessingML, transitional or strict), whatever prefix the file declared, so that the reader
 * can match "w:p" without resolving namespaces itself.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export type XmlProblem = "doctype" | "syntax" | "entity" | "mismatch" | "unclosed" | "no-root" | "depth" | "elements";

/** Deeper than any document Word writes (tables in tables stay far below): the readers walk the tree recursively. */
export const MAX_DEPTH = 256;
/**
 * More elements than any real document has (a 300-page plan's document.xml has a few hundred
 * thousand): the tree stays within memory whatever a hostile part holds.
 */
export const MAX_ELEMENTS = 2_000_000;

export class XmlError extends Error {
  constructor(
    readonly problem: XmlProblem,
    readonly offset: number,
    readonly detail = "",
  ) {
    super(`${problem} at ${offset}${detail ? `: ${detail}` : ""}`);
  }
}

/** Namespace URI → the prefix this reader names its elements and attributes with. */
const CANONICAL: Record<string, string> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
  "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
  "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
  "http://schemas.openxmlformats.org/package/2006/content-types": "ct",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "http://www.w3.org/XML/1998/namespace": "xml",
  // SpreadsheetML, for the tables read from an .xlsx (read/sheets.ts)
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "x",
  "http://purl.oclc.org/ooxml/spreadsheetml/main": "x",
};

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text with its references replaced; `at` is where the text starts in the file (for errors). */
function decode(s: string, at: number): string {
  if (!s.includes("&")) return s;
  let out = "";
  let i = 0;
  for (;;) {
    const amp = s.indexOf("&", i);
    if (amp < 0) return out + s.slice(i);
    out += s.slice(i, amp);
    const semi = s.indexOf(";", amp);
    if (semi < 0 || semi - amp > 12) throw new XmlError("entity", at + amp);
    const ref = s.slice(amp + 1, semi);
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? (/^[0-9a-fA-F]+$/.test(ref.slice(2)) ? parseInt(ref.slice(2), 16) : NaN) : /^[0-9]+$/.test(ref.slice(1)) ? parseInt(ref.slice(1), 10) : NaN;
      // XML's Char production: no NUL, no lone surrogates, nothing past U+10FFFF
      if (!(code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0x10ffff && code !== 0xfffe && code !== 0xffff)))
        throw new XmlError("entity", at + amp, ref);
      out += String.fromCodePoint(code);
    } else {
      const v = PREDEFINED[ref];
      if (v === undefined) throw new XmlError("entity", at + amp, ref);
      out += v;
    }
    i = semi + 1;
  }
}

const NAME = /^[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?$/;
const SPACE = /\s*/y;
/** Characters of a tag up to its end or a quote. */
const UNQUOTED = /[^"'>]*/y;
const ATTR = /\s*([^\s=/>]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

interface Open {
  el: XmlElement;
  /** The name as written, to match the end tag. */
  raw: string;
  /** Prefix → URI declared on this element (undefined: none declared here). */
  ns?: Map<string, string>;
  /** Canonical names already worked out in this scope (shared down to the next declaration). */
  names: Map<string, string>;
  at: number;
}

/** Parses a whole XML document; returns its root element or throws XmlError. */
export function parseXml(text: string, limits: { elements?: number } = {}): XmlElement {
  const maxElements = limits.elements ?? MAX_ELEMENTS;
  // a byte-order mark is not content
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  const lookup = (prefix: string): string | undefined => {
    for (let k = stack.length - 1; k >= 0; k--) {
      const u = stack[k]!.ns?.get(prefix);
      if (u !== undefined) return u;
    }
    return prefix === "xml" ? "http://www.w3.org/XML/1998/namespace" : undefined;
  };
  const canonical = (raw: string, isAttr: boolean): string => {
    const names = stack[stack.length - 1]!.names;
    const key = isAttr ? "@" + raw : raw;
    let name = names.get(key);
    if (name === undefined) names.set(key, (name = resolve(raw, isAttr)));
    return name;
  };
  const resolve = (raw: string, isAttr: boolean): string => {
    const colon = raw.indexOf(":");
    if (colon < 0) {
      if (isAttr) return raw;
      const def = lookup("");
      const p = def !== undefined ? CANONICAL[def] : undefined;
      return p ? `${p}:${raw}` : raw;
    }
    const prefix = raw.slice(0, colon);
    const uri = lookup(prefix);
    const p = uri !== undefined ? CANONICAL[uri] : undefined;
    return p ? `${p}:${raw.slice(colon + 1)}` : raw;
  };
  const addText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (!top) return;
    const kids = top.el.children;
    const last = kids[kids.length - 1];
    if (typeof last === "string") kids[kids.length - 1] = last + t;
    else kids.push(t);
  };

  let i = 0;
  let elements = 0;
  const n = src.length;
  while (i < n) {
    const lt = src.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const raw = src.slice(i, textEnd);
      if (stack.length === 0) {
        if (raw.trim() !== "") throw new XmlError("syntax", i, "text outside the root");
      } else {
        if (raw.includes("]]>")) throw new XmlError("syntax", i);
        addText(decode(raw, i));
      }
    }
    if (lt < 0) break;
    i = lt;
    if (src.startsWith("<!--", i)) {
      const end = src.indexOf("-->", i + 4);
      if (end < 0) throw new XmlError("unclosed", i, "comment");
      i = end + 3;
    } else if (src.startsWith("<![CDATA[", i)) {
      const end = src.indexOf("]]>", i + 9);
      if (end < 0 || stack.length === 0) throw new XmlError("unclosed", i, "CDATA");
      addText(src.slice(i + 9, end));
      i = end + 3;
    } else if (src.startsWith("<?", i)) {
      const end = src.indexOf("?>", i + 2);
      if (end < 0) throw new XmlError("unclosed", i, "processing instruction");
      i = end + 2;
    } else if (src.startsWith("<!", i)) {
      // <!DOCTYPE, <!ENTITY and the like: refused outright, never expanded
      throw new XmlError("doctype", i);
    } else if (src[i + 1] === "/") {
      const end = src.indexOf(">", i);
      if (end < 0) throw new XmlError("unclosed", i);
      const raw = src.slice(i + 2, end).trim();
      const top = stack.pop();
      if (!top) throw new XmlError("mismatch", i, raw);
      if (top.raw !== raw) throw new XmlError("mismatch", i, `${top.raw} / ${raw}`);
      i = end + 1;
    } else {
      // the tag ends at the first ">" outside a quoted attribute value; found a run at a time (a
      // loop over characters is most of a cold import's parse)
      let close = i + 1;
      for (;;) {
        UNQUOTED.lastIndex = close;
        UNQUOTED.test(src);
        close = UNQUOTED.lastIndex;
        if (close >= n || src[close] === ">") break;
        const end = src.indexOf(src[close]!, close + 1);
        if (end < 0) {
          close = n;
          break;
        }
        close = end + 1;
      }
      if (close >= n) throw new XmlError("unclosed", i);
      let body = src.slice(i + 1, close);
      const selfClosing = body.endsWith("/");
      if (selfClosing) body = body.slice(0, -1);
      const nameEnd = body.search(/[\s]/);
      const raw = nameEnd < 0 ? body : body.slice(0, nameEnd);
      if (!NAME.test(raw)) throw new XmlError("syntax", i, raw);
      const rawAttrs: [string, string, number][] = [];
      let ns: Map<string, string> | undefined;
      if (nameEnd >= 0) {
        let p = nameEnd;
        for (;;) {
          SPACE.lastIndex = p;
          SPACE.exec(body);
          if (SPACE.lastIndex === body.length) break;
          ATTR.lastIndex = p;
          const m = ATTR.exec(body);
          if (!m || m.index !== p) throw new XmlError("syntax", i + 1 + p, raw);
          const name = m[1]!;
          if (!NAME.test(name)) throw new XmlError("syntax", i + 1 + p, name);
          const value = decode(m[2] ?? m[3] ?? "", i + 1 + p);
          if (name === "xmlns" || name.startsWith("xmlns:")) (ns ??= new Map()).set(name === "xmlns" ? "" : name.slice(6), value);
          else rawAttrs.push([name, value, i + 1 + p]);
          p = ATTR.lastIndex;
        }
      }
      if (stack.length === 0 && root) throw new XmlError("syntax", i, "second root");
      if (stack.length >= MAX_DEPTH) throw new XmlError("depth", i);
      if (++elements > maxElements) throw new XmlError("elements", i);
      const parentNames = stack[stack.length - 1]?.names;
      const open: Open = { el: { name: "", attrs: {}, children: [] }, raw, names: !ns && parentNames ? parentNames : new Map(), at: i };
      if (ns) open.ns = ns;
      stack.push(open);
      open.el.name = canonical(raw, false);
      for (const [name, value, at] of rawAttrs) {
        const key = canonical(name, true);
        if (Object.prototype.hasOwnProperty.call(open.el.attrs, key)) throw new XmlError("syntax", at, name);
        open.el.attrs[key] = value;
      }
      const parent = stack[stack.length - 2];
      if (parent) parent.el.children.push(open.el);
      else root = open.el;
      if (selfClosing) stack.pop();
      i = close + 1;
    }
  }
  if (stack.length) throw new XmlError("unclosed", stack[stack.length - 1]!.at, stack[stack.length - 1]!.raw);
  if (!root) throw new XmlError("no-root", 0);
  return root;
}

/** The element children of el named name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== "string" && c.name === name) out.push(c);
  return out;
}

/** The first element child of el named name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}

/** All text under el, in order. */
export function textOf(el: XmlElement): string {
  let out = "";
  for (const c of el.children) out += typeof c === "string" ? c : textOf(c);
  return out;
}

/** Line and column (1-based) of an offset in text. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let k = text.indexOf("\n"); k >= 0 && k < offset; k = text.indexOf("\n", k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, col: offset - start + 1 };
}
