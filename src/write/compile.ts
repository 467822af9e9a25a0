/**
 * The parts of the package, from docx's document model. The parts every plan shares (styles,
 * numbering, settings, fonts, theme, …) are written by docx's own compiler once, at build time
 * (generate.ts; running from source, from the first document), and each document writes only
 * its own parts (body, footnotes, headers, properties, relationships), straight from its
 * components (direct.ts). A batch of plans thus does the shared work once. The bytes are docx's:
 * the write tests compare every part with docx's compiler. A document using anything beyond what
 * kehoach writes (images, comments, footers) goes through docx's compiler whole.
 *
 * Packer.compiler and the wrappers' getters are not public API; docx is pinned to an exact
 * version, and the tests fail loudly if it changes.
 */
import { Packer, type Document } from "docx";
import { precompiledSharedParts } from "./precompiled.js";
import { writeComponent, type Context as WriteContext } from "./direct.js";
import { declaration } from "./xml.js";

export type Parts = Map<string, string | Uint8Array>;

interface Component {
  prepForXml(context: Context): unknown;
}
interface Context extends WriteContext {
  viewWrapper: Wrapper;
  file: File;
}
interface Relationships extends Component {
  readonly RelationshipCount: number;
  addRelationship(id: number | string, type: string, target: string): void;
}
interface Wrapper {
  readonly View: Component;
  readonly Relationships: Relationships;
}
/** The members of docx's File that the parts are written from. */
interface File {
  readonly Document: Wrapper;
  readonly FootNotes: Wrapper;
  readonly Headers: Wrapper[];
  readonly Footers: Wrapper[];
  readonly CoreProperties: Component;
  readonly ContentTypes: Component;
  readonly Comments: { readonly IsEmpty: boolean };
  readonly Numbering: { readonly ConcreteNumbering: { reference: string; instance: number; restartedListId?: string; numId: number }[] };
  readonly Media: { readonly Array: unknown[] };
  readonly FontTable: { readonly files: unknown[] };
  readonly PackageParts: { readonly Array: unknown[] };
  readonly Macros?: unknown;
  readonly Bibliography?: unknown;
  readonly CommentsExtended?: unknown;
  readonly CommentsIds?: unknown;
}
type Compiler = { compile(doc: Document, prettify: undefined, overrides: []): Parts };

const FONT_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";

/** Written from what the plan says; every other part is the same for every plan. */
const OWN_PARTS = new Set(["word/document.xml", "word/_rels/document.xml.rels", "word/footnotes.xml", "word/_rels/footnotes.xml.rels", "docProps/core.xml", "[Content_Types].xml"]);
const isOwn = (path: string): boolean => OWN_PARTS.has(path) || /^word\/(_rels\/)?header\d+\.xml(\.rels)?$/.test(path);

let shared: Parts | undefined;
/** How many list instances the shared numbering part has (docx always makes its bullet list's). */
let sharedLists = 0;

function docxCompile(doc: Document): Parts {
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (!compiler) throw new Error("docx: Packer.compiler is missing (docx version changed?)");
  return compiler.compile(doc, undefined, []);
}

/** Whether the document uses only what the shared parts were taken from. */
function plain(file: File): boolean {
  return (
    file.Footers.length === 0 &&
    file.Comments.IsEmpty &&
    file.Media.Array.length === 0 &&
    file.FontTable.files.length === 0 &&
    file.PackageParts.Array.length === 0 &&
    file.Macros === undefined &&
    file.Bibliography === undefined &&
    !file.CommentsExtended &&
    !file.CommentsIds
  );
}

/** Relationships written as docx writes them: a copy, plus what docx adds on the way out. */
function relationshipsPart(rels: Relationships, wrapper: Wrapper, file: File, fontTable: boolean): string {
  const copy = (rels.constructor as unknown as { copy(r: Relationships): Relationships }).copy(rels);
  if (fontTable) copy.addRelationship(copy.RelationshipCount + 1, FONT_TABLE, "fontTable.xml");
  return part(copy, wrapper, file, false);
}

/**
 * docx writes `{list-instance}` placeholders and replaces them with list ids on the way out, in
 * any text of the part (even a plan's own words): done the same way, for the same bytes.
 */
function numbered(xml: string, file: File): string {
  if (!xml.includes("{")) return xml;
  const ids = new Map(file.Numbering.ConcreteNumbering.map((n) => [n.restartedListId === undefined ? `${n.reference}-${n.instance}` : `${n.reference}-restart ${n.restartedListId}`, String(n.numId)]));
  return ids.size === 0 ? xml : xml.replace(/\{([^{}]+)\}/g, (all, key: string) => ids.get(key) ?? all);
}

/** A part written from its root component, as docx's compiler writes it. */
function part(c: Component, viewWrapper: Wrapper, file: File, standalone: boolean): string {
  const xml = writeComponent(c, { viewWrapper, file, stack: [] });
  if (xml === undefined) throw new Error("docx: component did not format");
  return declaration(standalone) + xml;
}

/** The shared parts of a document docx's compiler has written, and its number of list instances. */
function sharedOf(parts: Parts, file: File): { parts: Parts; lists: number } {
  return { parts: new Map([...parts].filter(([path]) => !isOwn(path))), lists: file.Numbering.ConcreteNumbering.length };
}

/** The shared parts, as docx writes them, from a document's full compile (for the build step). */
export function sharedParts(doc: Document): { parts: Parts; lists: number } {
  return sharedOf(docxCompile(doc), doc as unknown as File);
}

export function compileParts(doc: Document, reference = false): Parts {
  const file = doc as unknown as File;
  if (!shared) {
    // made by the build (generate.ts); running from source, taken from the first document
    const made = precompiledSharedParts();
    if (made) {
      shared = new Map(Object.entries(made.parts));
      sharedLists = made.lists;
    }
  }
  if (reference || !shared || !plain(file)) {
    const parts = docxCompile(doc);
    if (!reference && !shared && plain(file)) ({ parts: shared, lists: sharedLists } = sharedOf(parts, file));
    return parts;
  }
  const parts: Parts = new Map(shared);
  // the body first: writing it may add relationships and numbering, as in docx's compiler
  const body = part(file.Document.View, file.Document, file, true);
  const footnotes = part(file.FootNotes.View, file.FootNotes, file, true);
  // writing changed the document, so it cannot go through docx's compiler now: kehoach writes no
  // numbered lists, and a change that adds them must extend the shared parts (the tests say so)
  if (file.Numbering.ConcreteNumbering.length !== sharedLists || !plain(file)) throw new Error("docx: the document added lists or parts while being written");
  parts.set("word/_rels/document.xml.rels", relationshipsPart(file.Document.Relationships, file.Document, file, true));
  parts.set("word/document.xml", numbered(body, file));
  parts.set("docProps/core.xml", part(file.CoreProperties, file.Document, file, true));
  file.Headers.forEach((h, i) => {
    parts.set(`word/_rels/header${i + 1}.xml.rels`, relationshipsPart(h.Relationships, h, file, false));
    parts.set(`word/header${i + 1}.xml`, numbered(part(h.View, h, file, false), file));
  });
  parts.set("word/footnotes.xml", numbered(footnotes, file));
  parts.set("word/_rels/footnotes.xml.rels", relationshipsPart(file.FootNotes.Relationships, file.FootNotes, file, false));
  parts.set("[Content_Types].xml", part(file.ContentTypes, file.Document, file, false));
  return parts;
}
