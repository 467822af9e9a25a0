/**
 * Pack stage: a deterministic zip. The same document gives the same bytes on every run,
 * machine and time zone: entries in a fixed order, fixed times, one compression setting,
 * and the package timestamps taken from the document model, never from the clock.
 */
import { crc32, deflateRawSync } from "node:zlib";

export { readZip, ZipError, ZIP_LIMITS, type ZipEntry, type ZipLimits, type ReadZipOptions } from "./read-zip.js";

/** DOS date/time of a moment in UTC (zip times carry no zone; UTC keeps them zone-independent). */
function dosTime(d: Date): { time: number; date: number } {
  const y = Math.min(2107, Math.max(1980, d.getUTCFullYear()));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((y - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** Order of entries: content types first, package relationships next, then by name. */
function order(a: PackPart, b: PackPart): number {
  const rank = (n: string): number => (n === "[Content_Types].xml" ? 0 : n === "_rels/.rels" ? 1 : 2);
  return rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** A part to pack: its path in the package and its content (text is written as UTF-8). */
export interface PackPart {
  name: string;
  data: string | Uint8Array;
}

interface Compressed {
  body: Buffer;
  crc: number;
  size: number;
}

/**
 * Compressed parts by their text: most parts (styles, theme, settings, relationships, …) are
 * the same in every plan of a batch, and are encoded and compressed once. Keyed by the text
 * itself: the shared parts are the same strings each time, whose hash V8 keeps, so a hit costs
 * no pass over the text. Least recently used goes first (64 parts), so memory stays small.
 */
const deflated = new Map<string, Compressed>();

function compress(bytes: Buffer): Compressed {
  return { body: deflateRawSync(bytes, { level: 6 }), crc: crc32(bytes) >>> 0, size: bytes.length };
}

function compressed(data: string | Uint8Array): Compressed {
  if (typeof data !== "string") return compress(Buffer.from(data));
  const hit = deflated.get(data);
  if (hit) {
    deflated.delete(data);
    deflated.set(data, hit);
    return hit;
  }
  const made = compress(Buffer.from(data, "utf8"));
  if (deflated.size >= 64) deflated.delete(deflated.keys().next().value!);
  deflated.set(data, made);
  return made;
}

export function writeZip(entries: PackPart[], date: Date): Buffer {
  const { time, date: day } = dosTime(date);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of [...entries].sort(order)) {
    const name = Buffer.from(e.name, "utf8");
    const { body, crc, size } = compressed(e.data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4); // version needed
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt16LE(time, 10);
    head.writeUInt16LE(day, 12);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, body);
    centrals.push(central, name);
    offset += head.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** Rewrites the package timestamps in docProps/core.xml to the document's own date. */
function fixCoreDates(xml: string, date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`);
}

/** Packs the parts of a document (path → XML text or bytes) into its deterministic .docx. */
export function packDocument(parts: Map<string, string | Uint8Array>, date: Date): Buffer {
  const entries: PackPart[] = [];
  for (const [name, data] of parts) entries.push({ name, data: name === "docProps/core.xml" && typeof data === "string" ? fixCoreDates(data, date) : data });
  return writeZip(entries, date);
}
