/**
 * The parts of the package, from docx's document model, through docx's public API only.
 *
 * The parts every plan shares (styles, numbering, settings, fonts, theme, …) are written once, at
 * build time (generate.ts), by docx's own Packer; running from source, taken from the first
 * document's. Each plan then writes only its own parts (body, footnotes, headers, properties,
 * relationships, content types): each part's root component prepares its XML object with its
 * public `prepForXml`, and xml.ts writes that object as docx's writer does. A batch thus does the
 * shared work once. A document using anything beyond what kehoach writes (images, comments,
 * footers, embedded fonts) goes through docx's Packer whole. The write tests compare the bytes
 * with docx's Packer for every example.
 */
import { Packer, type Document, type IContext } from "docx";
import { readZip } from "../pack/index.js";
import { precompiledSharedParts } from "./precompiled.js";
import { declaration, element, type Xmlable } from "./xml.js";

export type Parts = Map<string, string | Uint8Array>;

type Wrapper = IContext["viewWrapper"];

/** Written from what the plan says; every other part is the same for every plan. */
const OWN_PARTS = new Set(["word/document.xml", "word/_rels/document.xml.rels", "word/footnotes.xml", "word/_rels/footnotes.xml.rels", "docProps/core.xml", "[Content_Types].xml"]);
const isOwn = (path: string): boolean => OWN_PARTS.has(path) || /^word\/(_rels\/)?header\d+\.xml(\.rels)?$/.test(path);

/** The relationship docx's Packer adds to the body's relationships on the way out. */
const FONT_TABLE = '<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>';

let shared: Parts | undefined;
/** How many list instances the shared numbering part has (docx always makes its bullet list's). */
let sharedLists = 0;

/** Every part of a document as docx's public Packer writes it (the package read back). */
export async function packerParts(doc: Document): Promise<Parts> {
  const parts: Parts = new Map();
  for (const e of readZip(await Packer.toBuffer(doc))) parts.set(e.name, e.data.toString("utf8"));
  return parts;
}

/** The parts a document has in common with every plan, from docx's Packer (for the build step). */
export async function sharedParts(doc: Document): Promise<Parts> {
  return new Map([...(await packerParts(doc))].filter(([path]) => !isOwn(path)));
}

/** Whether the document uses only what the shared parts were taken from. */
function usesOnlySharedParts(doc: Document, lists: number): boolean {
  return (
    doc.Footers.length === 0 &&
    doc.Comments.IsEmpty &&
    doc.Media.Array.length === 0 &&
    doc.FontTable.files.length === 0 &&
    doc.PackageParts.Array.length === 0 &&
    doc.Numbering.ConcreteNumbering.length === lists &&
    doc.Macros === undefined &&
    doc.Bibliography === undefined &&
    doc.CommentsExtended === undefined &&
    doc.CommentsIds === undefined
  );
}

/** A part written from its root component, as docx's Packer writes it. */
function part(root: { prepForXml(context: IContext): Xmlable | undefined }, viewWrapper: Wrapper, doc: Document, standalone: boolean): string {
  const xml = root.prepForXml({ viewWrapper, file: doc, stack: [] });
  if (xml === undefined) throw new Error("docx: a part's root component wrote nothing");
  return declaration(standalone) + element(xml);
}

/** The body's relationships, with the font table's added as docx's Packer adds it. */
function bodyRelationships(doc: Document): string {
  const rels = doc.Document.Relationships;
  const xml = part(rels, doc.Document, doc, false);
  return xml.replace(/<\/Relationships>$/, FONT_TABLE.replace("{n}", String(rels.RelationshipCount + 1)) + "</Relationships>");
}

export async function compileParts(doc: Document): Promise<Parts> {
  if (!shared) {
    // made by the build (generate.ts); running from source, taken from the first document's
    const made = precompiledSharedParts();
    if (made) {
      shared = new Map(Object.entries(made.parts));
      sharedLists = made.lists;
    }
  }
  if (!shared || !usesOnlySharedParts(doc, sharedLists)) {
    const lists = doc.Numbering.ConcreteNumbering.length;
    const parts = await packerParts(doc);
    if (!shared && usesOnlySharedParts(doc, lists)) {
      shared = new Map([...parts].filter(([path]) => !isOwn(path)));
      sharedLists = lists;
    }
    return parts;
  }
  const parts: Parts = new Map(shared);
  // the body first: writing it may add relationships (footnotes, headers), as in docx's Packer
  parts.set("word/document.xml", part(doc.Document.View, doc.Document, doc, true));
  parts.set("word/footnotes.xml", part(doc.FootNotes.View, doc.FootNotes, doc, true));
  parts.set("word/_rels/document.xml.rels", bodyRelationships(doc));
  parts.set("docProps/core.xml", part(doc.CoreProperties, doc.Document, doc, true));
  doc.Headers.forEach((h, i) => {
    parts.set(`word/_rels/header${i + 1}.xml.rels`, part(h.Relationships, h, doc, false));
    parts.set(`word/header${i + 1}.xml`, part(h.View, h, doc, false));
  });
  parts.set("word/_rels/footnotes.xml.rels", part(doc.FootNotes.Relationships, doc.FootNotes, doc, false));
  parts.set("[Content_Types].xml", part(doc.ContentTypes, doc.Document, doc, false));
  return parts;
}
