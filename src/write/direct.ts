/**
 * Writes a tree of docx's components straight to text, without the objects their prepForXml
 * builds for the XML writer: the same bytes as `element(c.prepForXml(context))` (xml.ts), at a
 * fraction of the work (those objects were most of the time of writing a plan).
 *
 * docx's generic components (XmlComponent, IgnoreIfEmptyXmlComponent and the two attribute
 * kinds) are written here by the rules of their prepForXml; so are the few components whose own
 * prepForXml only prepares the component before the generic one runs (Body, Paragraph,
 * ParagraphProperties, Table, TableRow, TableCell), replaying that preparation with docx's own
 * methods. Any other component is asked for its prepForXml, and its result written as docx
 * writes it: slower, never different. The context's stack is kept as docx keeps it, since
 * components look up their ancestors there (a table's width, a footnote's part).
 *
 * This reads docx's internals (pinned to an exact version): the write tests compare every part
 * with docx's compiler for all examples and variants, so a change in docx fails them.
 */
import {
  Body,
  IgnoreIfEmptyXmlComponent,
  NextAttributeComponent,
  Paragraph,
  ParagraphProperties,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  XmlAttributeComponent,
  XmlComponent,
} from "docx";
import { attributes, element, firstKey, value, type Xmlable } from "./xml.js";

export interface Context {
  viewWrapper: unknown;
  file: unknown;
  stack: unknown[];
}

/**
 * What a component, or a raw child of one, writes: nothing (undefined), an element ("<…"), text,
 * or an attribute set, marked by a leading U+0000 (which no written XML has: escape drops it).
 */
const ATTRIBUTES = "\u0000";

/** The parts of docx's components this writer reads (all present in docx at run time). */
interface Component {
  rootKey: string;
  root: unknown[];
  readonly writtenAs?: Component[];
  prepForXml(context: Context): Xmlable | undefined;
}
interface Attributes {
  root: Record<string, unknown>;
  xmlKeys?: Record<string, string>;
}
interface BodyInternals extends Component {
  sections: unknown[];
  sectionParagraphs: Map<{ addSectionProperties(s: unknown): void; removeSectionProperties(s: unknown): void }, unknown>;
  pageNumbers?: unknown;
}
interface TableInternals extends Component {
  columnWidths?: number[];
  setCellWidths(width: number): void;
  resolveAvailableWidth(context: Context): number;
}
interface TableRowInternals extends Component {
  options: { keepNext?: boolean };
  readonly cells: unknown[];
}
type Writer = (c: Component, context: Context) => string | undefined;

const prepOf = (cls: { prototype: unknown }): unknown => (cls.prototype as { prepForXml: unknown }).prepForXml;

const isComponent = (v: unknown): v is Component => typeof v === "object" && v !== null && typeof (v as Component).prepForXml === "function";

/** docx's generic rule: children in order; none → `<k/>`; attributes only → `<k a/>`. */
function generic(c: Component, context: Context, ignoreIfEmpty = false): string | undefined {
  context.stack.push(c);
  let count = 0;
  let onlyAttributes = false;
  let attrs = "";
  // docx's writer puts a text child in place of the child before it: `last` is that child
  let done = "";
  let last = "";
  const add = (xml: string | undefined): void => {
    if (xml === undefined) return;
    count++;
    const isAttributes = xml.charCodeAt(0) === 0;
    onlyAttributes = count === 1 && isAttributes;
    if (isAttributes) attrs += xml.slice(1);
    else if (xml.charCodeAt(0) === 0x3c /* < */) {
      done += last;
      last = xml;
    } else last = xml;
  };
  for (const child of c.root) {
    if (isComponent(child)) {
      const parts = child.writtenAs;
      if (parts) for (const part of parts) add(write(part, context));
      else add(write(child, context));
    } else if (child !== undefined) add(value(child));
  }
  context.stack.pop();
  const key = c.rootKey;
  if (count === 0) return ignoreIfEmpty ? undefined : `<${key}/>`;
  if (onlyAttributes) return `<${key}${attrs}/>`;
  return `<${key}${attrs}>${done}${last}</${key}>`;
}

/** An attribute set: keys renamed by xmlKeys, undefined values left out (as docx does). */
function attributeSet(c: Component): string {
  const { root, xmlKeys } = c as unknown as Attributes;
  const attr: Record<string, unknown> = {};
  for (const key of Object.keys(root)) {
    const value = root[key];
    if (value !== undefined) attr[(xmlKeys && xmlKeys[key]) || key] = value;
  }
  return ATTRIBUTES + attributes(attr);
}

function nextAttributeSet(c: Component): string {
  const attr: Record<string, unknown> = {};
  for (const { key, value } of Object.values((c as unknown as { root: Record<string, { key: string; value: unknown }> }).root)) {
    if (value !== undefined) attr[key] = value;
  }
  return ATTRIBUTES + attributes(attr);
}

/** Any other component: its own prepForXml, written as docx writes it. */
function prepared(c: Component, context: Context): string | undefined {
  // a table of contents is filled in by the body afterwards, from the prepared objects
  if (c instanceof TableOfContents) throw new Error("docx: a table of contents cannot be written directly");
  const x = c.prepForXml(context);
  if (x === undefined) return undefined;
  if (firstKey(x) === "_attr") return ATTRIBUTES + attributes((x as { _attr: Record<string, unknown> })._attr);
  return element(x);
}

/** Body.prepForXml: the last section's properties at the end, the others in their last paragraphs. */
function body(c: Component, context: Context): string | undefined {
  const b = c as BodyInternals;
  if (b.pageNumbers !== undefined) return prepared(c, context);
  if (b.sections.length === 1) {
    b.root.splice(0, 1);
    b.root.push(b.sections.pop());
  }
  for (const [paragraph, section] of b.sectionParagraphs) paragraph.addSectionProperties(section);
  try {
    return generic(c, context);
  } finally {
    for (const [paragraph, section] of b.sectionParagraphs) paragraph.removeSectionProperties(section);
  }
}

/** Paragraph.prepForXml only turns external hyperlinks into relationships first. */
function paragraph(c: Component, context: Context): string | undefined {
  for (const child of c.root) if (isComponent(child) && child.rootKey === "w:externalHyperlink") return prepared(c, context);
  return generic(c, context);
}

/** IgnoreIfEmptyXmlComponent.prepForXml: nothing at all when empty, unless told to stay. */
function optional(c: Component, context: Context): string | undefined {
  return generic(c, context, !(c as unknown as { includeIfEmpty?: boolean }).includeIfEmpty);
}

/** ParagraphProperties.prepForXml only makes list instances for numbered paragraphs first. */
function paragraphProperties(c: Component, context: Context): string | undefined {
  if ((c as unknown as { numbering?: unknown }).numbering) return prepared(c, context);
  return optional(c, context);
}

/** Table.prepForXml sizes the cells to the width available where the table stands. */
function table(c: Component, context: Context): string | undefined {
  const t = c as TableInternals;
  if (t.columnWidths === undefined) return prepared(c, context);
  t.setCellWidths(t.resolveAvailableWidth(context));
  return generic(c, context);
}

function tableRow(c: Component, context: Context): string | undefined {
  const r = c as TableRowInternals;
  if (r.cells.length === 0) return undefined;
  if (r.options.keepNext !== undefined) return prepared(c, context);
  return generic(c, context);
}

/** TableCell.prepForXml: a cell ends with a paragraph, as Word requires. */
function tableCell(c: Component, context: Context): string | undefined {
  const last = c.root[c.root.length - 1];
  if (!isComponent(last) || last.rootKey !== "w:p") c.root.push(new Paragraph({}));
  return generic(c, context);
}

/** Writers by the prepForXml a component has, so that a subclass with its own goes elsewhere. */
const WRITERS = new Map<unknown, Writer>([
  [prepOf(XmlComponent), (c, context) => generic(c, context)],
  [prepOf(IgnoreIfEmptyXmlComponent), optional],
  [prepOf(XmlAttributeComponent), attributeSet],
  [prepOf(NextAttributeComponent), nextAttributeSet],
  [prepOf(Body), body],
  [prepOf(Paragraph), paragraph],
  [prepOf(ParagraphProperties), paragraphProperties],
  [prepOf(Table), table],
  [prepOf(TableRow), tableRow],
  [prepOf(TableCell), tableCell],
]);

function write(c: Component, context: Context): string | undefined {
  return (WRITERS.get(c.prepForXml) ?? prepared)(c, context);
}

/** A component as text, exactly as docx's compiler writes it; undefined if it writes nothing. */
export function writeComponent(c: unknown, context: Context): string | undefined {
  const xml = write(c as Component, context);
  if (xml?.startsWith(ATTRIBUTES)) throw new Error("docx: a part cannot be an attribute set");
  return xml;
}
