/**
 * Pack stage: the deterministic zip, and its way back (readZip), which import will use on files
 * nobody checked: every broken or hostile zip is one ZipError with a Vietnamese message.
 */
import { describe, expect, it } from "vitest";
import { crc32, deflateRawSync } from "node:zlib";
import { packDocument, readZip, writeZip, ZipError, type ZipEntry } from "../src/pack/index.js";

const DATE = new Date(Date.UTC(2025, 2, 5, 10, 30, 0));
const PARTS = new Map<string, string>([
  ["word/document.xml", "<w:document>Kế hoạch</w:document>"],
  ["_rels/.rels", "<Relationships/>"],
  ["docProps/core.xml", "<cp:coreProperties><dcterms:created>2001-01-01T00:00:00Z</dcterms:created><dcterms:modified>2001-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>"],
  ["[Content_Types].xml", "<Types/>"],
]);

const text = (entries: ZipEntry[]): Record<string, string> => Object.fromEntries(entries.map((e) => [e.name, e.data.toString("utf8")]));

/** The problem a broken zip is refused for, checking that its message is Vietnamese. */
function refusal(zip: Buffer, options?: Parameters<typeof readZip>[1]): string {
  try {
    readZip(zip, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ZipError);
    expect((e as ZipError).message).toMatch(/[ăâđêôơưạảấầẩậắằẳặẹẻẽếềểễệịỉọỏốồổộớờởợụủứừửữự]/);
    return (e as ZipError).problem;
  }
  return "accepted";
}

/** A one-entry zip written by hand, so that each field can be made to lie. */
function handZip(opts: { name?: string; data?: Buffer; method?: number; flags?: number; declaredSize?: number; crc?: number; localOffset?: number } = {}): Buffer {
  const name = Buffer.from(opts.name ?? "word/document.xml");
  const raw = opts.data ?? Buffer.from("<w:document/>");
  const method = opts.method ?? 8;
  const body = method === 8 ? deflateRawSync(raw) : raw;
  const crc = opts.crc ?? crc32(raw) >>> 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(opts.flags ?? 0, 6);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(opts.declaredSize ?? raw.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(opts.flags ?? 0, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(opts.declaredSize ?? raw.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(opts.localOffset ?? 0, 42);
  const dirStart = local.length + name.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(dirStart, 16);
  return Buffer.concat([local, name, body, central, name, end]);
}

describe("pack: the deterministic zip", () => {
  it("gives the same bytes for the same parts, content types first and package relationships next", () => {
    const a = packDocument(PARTS, DATE);
    const b = packDocument(new Map([...PARTS].reverse()), DATE);
    expect(a.equals(b)).toBe(true);
    expect(readZip(a).map((e) => e.name)).toEqual(["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml"]);
  });

  it("records the document's date, never the clock, in the entries and in core.xml", () => {
    const zip = packDocument(PARTS, DATE);
    // DOS time of the first local header: 10:30:00 and 2025-03-05
    expect(zip.readUInt16LE(10)).toBe((10 << 11) | (30 << 5));
    expect(zip.readUInt16LE(12)).toBe(((2025 - 1980) << 9) | (3 << 5) | 5);
    const core = text(readZip(zip))["docProps/core.xml"]!;
    expect(core).toContain("<dcterms:created>2025-03-05T10:30:00Z</dcterms:created>");
    expect(core).toContain("<dcterms:modified>2025-03-05T10:30:00Z</dcterms:modified>");
    expect(packDocument(PARTS, new Date(Date.UTC(2026, 0, 1))).equals(zip)).toBe(false);
  });

  it("reads back every part exactly, Vietnamese text and bytes alike", () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const zip = writeZip([{ name: "a.xml", data: "Ủy ban nhân dân xã Bằng Mạc" }, { name: "b.bin", data: bytes }], DATE);
    const back = readZip(zip);
    expect(back[0]!.data.toString("utf8")).toBe("Ủy ban nhân dân xã Bằng Mạc");
    expect([...back[1]!.data]).toEqual([0, 1, 2, 255]);
  });
});

describe("readZip: files nobody checked", () => {
  it("accepts a well-formed zip written by hand, stored or deflated", () => {
    expect(text(readZip(handZip()))).toEqual({ "word/document.xml": "<w:document/>" });
    expect(text(readZip(handZip({ method: 0 })))).toEqual({ "word/document.xml": "<w:document/>" });
  });

  it("refuses what is not a zip: empty, text, a PDF", () => {
    expect(refusal(Buffer.alloc(0))).toBe("not-zip");
    expect(refusal(Buffer.from("Kế hoạch số 05/KH-UBND"))).toBe("not-zip");
    expect(refusal(Buffer.from("%PDF-1.7\n" + "x".repeat(200)))).toBe("not-zip");
  });

  it("refuses a truncated file and offsets that point outside it", () => {
    const zip = packDocument(PARTS, DATE);
    expect(refusal(zip.subarray(0, zip.length - 30))).not.toBe("accepted");
    expect(refusal(handZip({ localOffset: 1_000_000 }))).toBe("corrupt");
    const dirOutside = Buffer.from(handZip());
    dirOutside.writeUInt32LE(0x7fffffff, dirOutside.length - 22 + 16);
    expect(refusal(dirOutside)).toBe("corrupt");
  });

  it("refuses a damaged entry: wrong checksum, or a declared size that is not the real one", () => {
    expect(refusal(handZip({ crc: 12345 }))).toBe("corrupt");
    expect(refusal(handZip({ declaredSize: 5 }))).toBe("corrupt");
    expect(refusal(handZip({ declaredSize: 5000 }))).toBe("corrupt");
  });

  it("refuses encrypted entries and compression methods it cannot read, naming the problem", () => {
    expect(refusal(handZip({ flags: 1 }))).toBe("encrypted");
    expect(refusal(handZip({ method: 12 }))).toBe("method");
  });

  it("refuses zip bombs before inflating them: ratio, entry size, total size, entry count", () => {
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    // a declared size far beyond what its compressed bytes can hold
    expect(refusal(handZip({ data: Buffer.from("x"), declaredSize: 50_000_000 }))).toBe("bomb");
    expect(refusal(handZip({ data: zeros }), { limits: { entryBytes: 1024 * 1024 } })).toBe("too-large");
    expect(refusal(packDocument(PARTS, DATE), { limits: { totalBytes: 100 } })).toBe("too-large");
    expect(refusal(packDocument(PARTS, DATE), { limits: { entries: 3 } })).toBe("too-many");
  });

  it("inflates only the entries asked for: a broken part nobody needs does not stop the rest", () => {
    const zip = packDocument(PARTS, DATE);
    const only = readZip(zip, { include: (n) => n === "word/document.xml" });
    expect(text(only)).toEqual({ "word/document.xml": "<w:document>Kế hoạch</w:document>" });
    expect(refusal(handZip({ crc: 1 }), { include: (n) => n !== "word/document.xml" })).toBe("accepted");
  });
});
