/**
 * Reading a zip (a .docx, .odt or .xlsx someone hands us): the way back of the pack stage, and
 * the front door of import. Nothing in the file is trusted: offsets and sizes are checked against
 * the file before they are used, inflating stops at a bound, and every refusal is a ZipError with
 * a Vietnamese message from the catalogue (src/messages/pack.ts), never an English exception.
 */
import { crc32, inflateRawSync } from "node:zlib";
import { packMessages as m } from "../messages/pack.js";

export interface ZipEntry {
  name: string;
  data: Buffer;
}

export interface ZipLimits {
  /** Entries in the central directory. */
  entries: number;
  /** Bytes one entry may inflate to. */
  entryBytes: number;
  /** Bytes all inflated entries together may take. */
  totalBytes: number;
  /** How many times larger than its compressed data an entry may be (DEFLATE's own bound is 1032). */
  ratio: number;
}

/** Generous for any real document (a plan's .docx is ~50 KB; a scanned annex a few MB). */
export const ZIP_LIMITS: ZipLimits = { entries: 10_000, entryBytes: 64 * 1024 * 1024, totalBytes: 256 * 1024 * 1024, ratio: 1032 };

export type ZipProblem = "not-zip" | "corrupt" | "encrypted" | "method" | "too-many" | "too-large" | "bomb" | "zip64";

export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function corrupt(detail: string): ZipError {
  return new ZipError("corrupt", m.corrupt(detail));
}

/** The end-of-central-directory record: in the last 64 KiB + 22 bytes (its comment is at most 65,535). */
function findEnd(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) if (zip.readUInt32LE(i) === EOCD) return i;
  return -1;
}

export interface ReadZipOptions {
  /** Which entries to inflate (others are skipped unread); all when absent. */
  include?: (name: string) => boolean;
  limits?: Partial<ZipLimits>;
}

/** Entries of a zip through its central directory; throws ZipError for anything it cannot trust. */
export function readZip(zip: Buffer, options: ReadZipOptions = {}): ZipEntry[] {
  const limits = { ...ZIP_LIMITS, ...options.limits };
  const eocd = zip.length >= 22 ? findEnd(zip) : -1;
  if (eocd < 0) throw new ZipError("not-zip", m.notZip());
  const count = zip.readUInt16LE(eocd + 10);
  const dirSize = zip.readUInt32LE(eocd + 12);
  const dirStart = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirStart === 0xffffffff) throw new ZipError("zip64", m.zip64());
  if (count > limits.entries) throw new ZipError("too-many", m.tooManyEntries(count, limits.entries));
  if (dirStart + dirSize > eocd) throw corrupt(m.directoryOutside());
  const out: ZipEntry[] = [];
  let total = 0;
  let p = dirStart;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || zip.readUInt32LE(p) !== CENTRAL) throw corrupt(m.directoryBroken());
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const size = zip.readUInt32LE(p + 20);
    const fullSize = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const next = p + 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (next > eocd) throw corrupt(m.directoryBroken());
    const name = zip.toString("utf8", p + 46, p + 46 + nameLen);
    p = next;
    if (name.endsWith("/") || (options.include && !options.include(name))) continue;
    if (flags & 1) throw new ZipError("encrypted", m.encrypted());
    if (method !== 0 && method !== 8) throw new ZipError("method", m.method(name, method));
    if (size === 0xffffffff || fullSize === 0xffffffff) throw new ZipError("zip64", m.zip64());
    if (fullSize > limits.entryBytes || total + fullSize > limits.totalBytes) throw new ZipError("too-large", m.tooLarge(name));
    if (method === 8 && fullSize > Math.max(1, size) * limits.ratio) throw new ZipError("bomb", m.bomb(name));
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) throw corrupt(m.noLocalHeader(name));
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + size > zip.length) throw corrupt(m.pastEnd(name));
    const raw = zip.subarray(start, start + size);
    let data: Buffer;
    if (method === 0) {
      if (size !== fullSize) throw corrupt(m.sizeMismatch(name));
      data = Buffer.from(raw);
    } else {
      try {
        // never more than the size the directory declares: a lying entry cannot inflate past it
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, fullSize) });
      } catch {
        throw corrupt(m.notInflatable(name));
      }
    }
    if (data.length !== fullSize || (crc32(data) >>> 0) !== crc) throw corrupt(m.badChecksum(name));
    total += fullSize;
    out.push({ name, data });
  }
  return out;
}
