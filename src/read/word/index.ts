/**
 * The Word reader of `kehoach import`: a .docx read for real (docx.ts), an .odt or .doc through
 * LibreOffice first (soffice.ts). Never throws for what is in the file: anything it cannot read is
 * a Vietnamese finding naming the file (empty, too large, not a document, encrypted, with macros,
 * a zip bomb, broken XML, LibreOffice missing).
 */
import type { Finding } from "../../model/finding.js";
import { finding } from "../../model/finding.js";
import type { ImportedDocument } from "../../model/imported.js";
import type { RuleId } from "../../model/rules.js";
import { wordMessages as m } from "../../messages/word.js";
import { OFFICE_PACKAGE } from "../../office.js";
import { readZip, ZipError, type ZipEntry } from "../../pack/read-zip.js";
import { readDocxParts } from "./docx.js";
import { childrenNamed, lineCol, parseXml, XmlError, type XmlElement } from "./xml.js";

export type WordFormat = "docx" | "odt" | "doc";

export interface WordReadOptions {
  /** Time for one LibreOffice conversion (.odt, .doc); KEHOACH_PDF_TIMEOUT_MS, else 2 minutes. */
  timeoutMs?: number;
}

export type WordReadResult = { document: ImportedDocument; findings: Finding[] } | { findings: Finding[] };

/** Larger than plans' 2 MB: a Word plan may carry a scanned signature or a logo. */
export const WORD_MAX_BYTES = 20 * 1024 * 1024;
/** One part inflated (document.xml of a long plan is ~1 MB; 32 MB is far past any real one). */
const PART_MAX_BYTES = 32 * 1024 * 1024;
/** All the parts read together. */
const PARTS_MAX_BYTES = 64 * 1024 * 1024;

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted OOXML package (ECMA-376 Agile/Standard encryption) has in its CFB wrapper. */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

const NAMES: Record<WordFormat, string> = { docx: "Word (.docx)", odt: "OpenDocument (.odt)", doc: "Word 97–2003 (.doc)" };

const OFFICE_DOCUMENT = /\/officeDocument$/;
const REL = {
  styles: /\/styles$/,
  numbering: /\/numbering$/,
  footnotes: /\/footnotes$/,
  endnotes: /\/endnotes$/,
};

class ReadFailure extends Error {
  constructor(
    readonly rule: RuleId,
    message: string,
  ) {
    super(message);
  }
}

/** Text with no NUL and valid UTF-8: a text file given a Word document's name. */
function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head.length < bytes.length ? head.subarray(0, Math.max(0, head.length - 4)) : head);
    return true;
  } catch {
    return false;
  }
}

function decodePart(name: string, data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString("utf16le");
  if (data[0] === 0xfe && data[1] === 0xff) return Buffer.from(data.subarray(2)).swap16().toString("utf16le");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    throw new ReadFailure("word.xml", m.encoding(name));
  }
}

const XML_WHAT: Record<string, () => string> = {
  doctype: m.xmlDoctype,
  entity: m.xmlEntity,
  mismatch: m.xmlMismatch,
  unclosed: m.xmlUnclosed,
  "no-root": m.xmlNoRoot,
  depth: m.xmlDepth,
  elements: m.xmlElements,
  syntax: m.xmlSyntax,
};

function parsePart(name: string, data: Buffer): XmlElement {
  const text = decodePart(name, data);
  try {
    return parseXml(text);
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    const at = lineCol(text, e.offset);
    throw new ReadFailure("word.xml", m.xml(name, at.line, at.col, (XML_WHAT[e.problem] ?? m.xmlSyntax)()));
  }
}

/** A relationship target, resolved against the folder of the part that names it. */
function resolveTarget(base: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : base + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function relationships(entry: ZipEntry | undefined, base: string): { type: string; target: string }[] {
  if (!entry) return [];
  const root = parsePart(entry.name, entry.data);
  return childrenNamed(root, "rel:Relationship")
    .concat(childrenNamed(root, "Relationship"))
    .filter((r) => r.attrs.TargetMode !== "External" && r.attrs.Type !== undefined && r.attrs.Target !== undefined)
    .map((r) => ({ type: r.attrs.Type!, target: resolveTarget(base, r.attrs.Target!) }));
}

/** A .docx package's content; throws ReadFailure, or says it is an .odt to convert. */
function readDocxPackage(bytes: Buffer): { parts: Parameters<typeof readDocxParts>[0] } | { odt: true } {
  const names: string[] = [];
  let entries: ZipEntry[];
  try {
    // only the parts the reader needs are inflated; every name is seen (macros are refused by name)
    entries = readZip(bytes, {
      include: (name) => {
        names.push(name);
        return /^(?:_rels\/\.rels|\[Content_Types\]\.xml|mimetype|word\/[^/]+\.xml|word\/_rels\/[^/]+\.rels)$/i.test(name);
      },
      limits: { entryBytes: PART_MAX_BYTES, totalBytes: PARTS_MAX_BYTES },
    });
  } catch (e) {
    if (e instanceof ZipError) throw new ReadFailure(e.problem === "encrypted" ? "word.encrypted" : e.problem === "not-zip" ? "word.not-document" : "word.zip", e.problem === "encrypted" ? m.encrypted() : m.zip(e.message));
    throw e;
  }
  if (names.some((n) => /(?:^|\/)vbaProject\.bin$|(?:^|\/)vbaData\.xml$/i.test(n))) throw new ReadFailure("word.macros", m.macros());
  const byName = new Map(entries.map((e) => [e.name, e]));
  const types = byName.get("[Content_Types].xml");
  if (types && /macroEnabled/i.test(types.data.toString("latin1"))) throw new ReadFailure("word.macros", m.macros());
  if (byName.get("mimetype")?.data.toString("latin1").trim() === "application/vnd.oasis.opendocument.text") return { odt: true };
  const main = relationships(byName.get("_rels/.rels"), "").find((r) => OFFICE_DOCUMENT.test(r.type))?.target ?? "word/document.xml";
  const doc = byName.get(main);
  if (!doc) throw new ReadFailure("word.not-document", m.noBody());
  const folder = main.includes("/") ? main.slice(0, main.lastIndexOf("/") + 1) : "";
  const rels = relationships(byName.get(`${folder}_rels/${main.slice(folder.length)}.rels`), folder);
  const part = (kind: keyof typeof REL, fallback: string): XmlElement | undefined => {
    const name = rels.find((r) => REL[kind].test(r.type))?.target ?? fallback;
    const e = byName.get(name);
    return e ? parsePart(name, e.data) : undefined;
  };
  const parts: Parameters<typeof readDocxParts>[0] = { document: parsePart(main, doc.data) };
  const styles = part("styles", `${folder}styles.xml`);
  if (styles) parts.styles = styles;
  const numbering = part("numbering", `${folder}numbering.xml`);
  if (numbering) parts.numbering = numbering;
  const footnotes = part("footnotes", `${folder}footnotes.xml`);
  if (footnotes) parts.footnotes = footnotes;
  const endnotes = part("endnotes", `${folder}endnotes.xml`);
  if (endnotes) parts.endnotes = endnotes;
  return { parts };
}

function defaultTimeout(): number {
  // the same knob as build --pdf's LibreOffice runs (a slower machine; tests make it short)
  return Number(process.env.KEHOACH_PDF_TIMEOUT_MS) || 120_000;
}

/**
 * Reads a Word document (format: what its name says; the bytes decide where they disagree — a .doc
 * renamed .docx is still read). The document, or only findings when it cannot be read.
 */
export async function readWordDocument(file: string, bytes: Buffer, format: WordFormat, options: WordReadOptions = {}): Promise<WordReadResult> {
  const at = { file, line: 1, col: 1 };
  const fail = (rule: RuleId, message: string): WordReadResult => ({ findings: [finding(rule, at, message)] });
  if (bytes.length === 0) return fail("word.empty", m.empty());
  if (bytes.length > WORD_MAX_BYTES) return fail("word.size", m.tooLarge((bytes.length / 1024 / 1024).toFixed(1), WORD_MAX_BYTES / 1024 / 1024));
  if (/\.docm$|\.dotm$/i.test(file)) return fail("word.macros", m.macros());

  const isCfb = bytes.length >= 8 && bytes.subarray(0, 8).equals(CFB);
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  // an OOXML file with a password is a CFB wrapper around the encrypted package
  if (isCfb && bytes.includes(ENCRYPTION_INFO)) return fail("word.encrypted", m.encrypted());

  // what Word also saves under .doc (or a clerk renames): RTF, and a "Web Page" (HTML, MHT)
  const head = bytes.subarray(0, 2048).toString("latin1");
  const isRtf = head.startsWith("{\\rtf");
  const isWebPage = format === "doc" && (/^\s*(?:<!doctype html|<html)/i.test(head.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, "")) || /^MIME-Version:/i.test(head));
  let docx: Buffer | undefined;
  let convert: "odt" | "doc" | undefined;
  if (isZip) docx = bytes;
  else if (isCfb || isRtf || isWebPage) convert = "doc";
  else if (looksLikeText(bytes)) return fail("word.not-document", m.notDocumentText(NAMES[format]));
  else return fail("word.not-document", m.notDocument(NAMES[format]));

  const findings: Finding[] = [];
  try {
    for (let round = 0; round < 2; round++) {
      if (convert) {
        // loaded only for an .odt or .doc: it brings node:os, which a .docx never needs
        const { toDocx } = await import("./soffice.js");
        const r = await toDocx(bytes, convert, options.timeoutMs ?? defaultTimeout());
        if ("failure" in r) {
          const name = NAMES[format];
          if (r.failure === "no-soffice") return fail("word.no-soffice", m.noSoffice(name, OFFICE_PACKAGE));
          if (r.failure === "timeout") return fail("word.convert", m.convertTimeout(name, r.seconds));
          return fail("word.convert", m.convertFailed(name));
        }
        docx = r.docx;
      }
      const pkg = readDocxPackage(docx!);
      if ("odt" in pkg) {
        if (convert) return fail("word.convert", m.convertFailed(NAMES[format]));
        convert = "odt";
        continue;
      }
      const content = readDocxParts(pkg.parts);
      const document: ImportedDocument = { format, blocks: content.blocks, footnotes: content.footnotes };
      if (content.legacyEncoding) {
        document.legacyEncoding = content.legacyEncoding;
        findings.push(finding("word.legacy-encoding", at, m.legacy(content.legacyEncoding)));
      }
      return { document, findings };
    }
  } catch (e) {
    if (e instanceof ReadFailure) return fail(e.rule, e.message);
    throw e;
  }
  return fail("word.not-document", m.notDocument(NAMES[format]));
}
