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
/** A start tag whose attributes each follow white space: its name, its attributes, "/" when it closes itself. */
const TAG = /<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;

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
  // a byte-order mark is not content
  return new Parser(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, limits.elements ?? MAX_ELEMENTS).document();
}

/**
 * The reading, in small methods: V8 optimises a hot loop on another thread while the import
 * runs, and one function holding the whole reading took it 30 to 110 ms of compiling, which a
 * short process pays for at its exit.
 */
class Parser {
  private readonly stack: Open[] = [];
  private root: XmlElement | undefined;
  private elements = 0;

  constructor(
    private readonly src: string,
    private readonly maxElements: number,
  ) {}

  document(): XmlElement {
    const src = this.src;
    const n = src.length;
    let i = 0;
    while (i < n) {
      const lt = src.indexOf("<", i);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > i) this.text(i, textEnd);
      if (lt < 0) break;
      i = this.markup(lt);
    }
    const stack = this.stack;
    if (stack.length) throw new XmlError("unclosed", stack[stack.length - 1]!.at, stack[stack.length - 1]!.raw);
    if (!this.root) throw new XmlError("no-root", 0);
    return this.root;
  }

  private text(i: number, textEnd: number): void {
    const raw = this.src.slice(i, textEnd);
    if (this.stack.length === 0) {
      if (raw.trim() !== "") throw new XmlError("syntax", i, "text outside the root");
    } else {
      if (raw.includes("]]>")) throw new XmlError("syntax", i);
      this.addText(decode(raw, i));
    }
  }

  private addText(t: string): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) return;
    const kids = top.el.children;
    const last = kids[kids.length - 1];
    if (typeof last === "string") kids[kids.length - 1] = last + t;
    else kids.push(t);
  }

  /** The markup at i ("<"): returns where reading goes on. */
  private markup(i: number): number {
    const src = this.src;
    if (src.startsWith("<!--", i)) {
      const end = src.indexOf("-->", i + 4);
      if (end < 0) throw new XmlError("unclosed", i, "comment");
      return end + 3;
    }
    if (src.startsWith("<![CDATA[", i)) {
      const end = src.indexOf("]]>", i + 9);
      if (end < 0 || this.stack.length === 0) throw new XmlError("unclosed", i, "CDATA");
      this.addText(src.slice(i + 9, end));
      return end + 3;
    }
    if (src.startsWith("<?", i)) {
      const end = src.indexOf("?>", i + 2);
      if (end < 0) throw new XmlError("unclosed", i, "processing instruction");
      return end + 2;
    }
    // <!DOCTYPE, <!ENTITY and the like: refused outright, never expanded
    if (src.startsWith("<!", i)) throw new XmlError("doctype", i);
    if (src[i + 1] === "/") {
      const end = src.indexOf(">", i);
      if (end < 0) throw new XmlError("unclosed", i);
      const raw = src.slice(i + 2, end).trim();
      const top = this.stack.pop();
      if (!top) throw new XmlError("mismatch", i, raw);
      if (top.raw !== raw) throw new XmlError("mismatch", i, `${top.raw} / ${raw}`);
      return end + 1;
    }
    // a start tag as Word writes it (a name, attributes each after a space): matched whole by one
    // pattern, where the general reading takes several per attribute, cold; what the pattern does
    // not match is read by the general reading, with the same result for what both read
    TAG.lastIndex = i;
    const t = TAG.exec(src);
    const tag = t ? this.matchedTag(i, t) : this.generalTag(i);
    this.open(i, tag);
    return tag.close + 1;
  }

  private matchedTag(i: number, t: RegExpExecArray): StartTag {
    const src = this.src;
    const tag: StartTag = { raw: t[1]!, close: TAG.lastIndex - 1, selfClosing: t[3] === "/", attrs: [] };
    let p = i + 1 + tag.raw.length;
    const attrsEnd = p + t[2]!.length;
    while (p < attrsEnd) {
      ATTR.lastIndex = p;
      const m = ATTR.exec(src)!;
      attribute(tag, m, p);
      p = ATTR.lastIndex;
    }
    return tag;
  }

  private generalTag(i: number): StartTag {
    const src = this.src;
    const n = src.length;
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
    const tag: StartTag = { raw, close, selfClosing, attrs: [] };
    if (nameEnd >= 0) {
      let p = nameEnd;
      for (;;) {
        SPACE.lastIndex = p;
        SPACE.exec(body);
        if (SPACE.lastIndex === body.length) break;
        ATTR.lastIndex = p;
        const m = ATTR.exec(body);
        if (!m || m.index !== p) throw new XmlError("syntax", i + 1 + p, raw);
        attribute(tag, m, i + 1 + p);
        p = ATTR.lastIndex;
      }
    }
    return tag;
  }

  /** The element of a start tag, in the tree. */
  private open(i: number, tag: StartTag): void {
    const stack = this.stack;
    if (stack.length === 0 && this.root) throw new XmlError("syntax", i, "second root");
    if (stack.length >= MAX_DEPTH) throw new XmlError("depth", i);
    if (++this.elements > this.maxElements) throw new XmlError("elements", i);
    const parentNames = stack[stack.length - 1]?.names;
    const ns = tag.ns;
    const open: Open = { el: { name: "", attrs: {}, children: [] }, raw: tag.raw, names: !ns && parentNames ? parentNames : new Map(), at: i };
    if (ns) open.ns = ns;
    stack.push(open);
    open.el.name = this.canonical(tag.raw, false);
    for (const [name, value, at] of tag.attrs) {
      const key = this.canonical(name, true);
      if (Object.prototype.hasOwnProperty.call(open.el.attrs, key)) throw new XmlError("syntax", at, name);
      open.el.attrs[key] = value;
    }
    const parent = stack[stack.length - 2];
    if (parent) parent.el.children.push(open.el);
    else this.root = open.el;
    if (tag.selfClosing) stack.pop();
  }

  private lookup(prefix: string): string | undefined {
    const stack = this.stack;
    for (let k = stack.length - 1; k >= 0; k--) {
      const u = stack[k]!.ns?.get(prefix);
      if (u !== undefined) return u;
    }
    return prefix === "xml" ? "http://www.w3.org/XML/1998/namespace" : undefined;
  }

  private canonical(raw: string, isAttr: boolean): string {
    const names = this.stack[this.stack.length - 1]!.names;
    const key = isAttr ? "@" + raw : raw;
    let name = names.get(key);
    if (name === undefined) names.set(key, (name = this.resolve(raw, isAttr)));
    return name;
  }

  private resolve(raw: string, isAttr: boolean): string {
    const colon = raw.indexOf(":");
    if (colon < 0) {
      if (isAttr) return raw;
      const def = this.lookup("");
      const p = def !== undefined ? CANONICAL[def] : undefined;
      return p ? `${p}:${raw}` : raw;
    }
    const prefix = raw.slice(0, colon);
    const uri = this.lookup(prefix);
    const p = uri !== undefined ? CANONICAL[uri] : undefined;
    return p ? `${p}:${raw.slice(colon + 1)}` : raw;
  }
}

/** A start tag read: its name as written, where its ">" is, its attributes (name, value, offset), the namespaces it declares. */
interface StartTag {
  raw: string;
  close: number;
  selfClosing: boolean;
  attrs: [string, string, number][];
  ns?: Map<string, string>;
}

/** An attribute matched by ATTR at offset `at` (for errors), into the tag's attributes or namespaces. */
function attribute(tag: StartTag, m: RegExpExecArray, at: number): void {
  const name = m[1]!;
  if (!NAME.test(name)) throw new XmlError("syntax", at, name);
  const value = decode(m[2] ?? m[3] ?? "", at);
  if (name === "xmlns" || name.startsWith("xmlns:")) (tag.ns ??= new Map()).set(name === "xmlns" ? "" : name.slice(6), value);
  else tag.attrs.push([name, value, at]);
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
