/**
 * Test helpers: build a plan in-process and read the resulting .docx back: its XML parts and,
 * for each paragraph, its text and effective formatting (run → paragraph style chain → defaults).
 */
import { readZip } from "../src/pack/index.js";
import { parseSource } from "../src/read/index.js";
import { docxBytes, loadSource, renderLoaded } from "../src/pipeline.js";
import type { DocumentModel } from "../src/model/document.js";

/** The document model of a plan given as text, through the same stages as a build. */
export function modelOf(yaml: string, date = new Date(Date.UTC(2025, 2, 5))): DocumentModel {
  const src = parseSource("plan.yaml", yaml);
  if (src.findings.length) throw new Error(JSON.stringify(src.findings));
  const loaded = loadSource(src);
  if (!loaded.plan) throw new Error(JSON.stringify(loaded.findings));
  const r = renderLoaded(loaded.plan, { date });
  if (!r.model) throw new Error(JSON.stringify(r.findings));
  return r.model;
}

export async function docxOf(yaml: string): Promise<Buffer> {
  return docxBytes(modelOf(yaml));
}

export function parts(docx: Buffer): Map<string, string> {
  return new Map(readZip(docx).map((e) => [e.name, e.data.toString("utf8")]));
}

const attr = (xml: string, tag: string, name = "w:val"): string | undefined =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];
const flag = (xml: string, tag: string): boolean | undefined => {
  const m = new RegExp(`<${tag}(\\s[^>]*)?/?>`).exec(xml);
  if (!m) return undefined;
  const v = /w:val="([^"]*)"/.exec(m[0])?.[1];
  return v === undefined || !["0", "false", "off"].includes(v);
};

interface Style {
  basedOn?: string;
  rPr: string;
  pPr: string;
}

export interface Para {
  text: string;
  style?: string;
  inTable: boolean;
  runs: { text: string; size: number; bold: boolean; italic: boolean; font?: string; color?: string }[];
  jc?: string;
  firstLine?: number;
  xml: string;
}

/** Paragraphs of word/document.xml with effective run formatting. */
export function paragraphs(docx: Buffer): Para[] {
  const p = parts(docx);
  const stylesXml = p.get("word/styles.xml")!;
  const styles = new Map<string, Style>();
  for (const m of stylesXml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    styles.set(m[1]!, { basedOn: attr(m[2]!, "w:basedOn"), rPr: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[2]!)?.[1] ?? "", pPr: /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(m[2]!)?.[1] ?? "" });
  }
  const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(stylesXml)?.[1] ?? "";
  const chain = (id: string | undefined): Style[] => {
    const out: Style[] = [];
    while (id && styles.has(id) && out.length < 20) {
      const s = styles.get(id)!;
      out.push(s);
      id = s.basedOn;
    }
    return out;
  };
  const doc = p.get("word/document.xml")!;
  const tables: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (const m of doc.matchAll(/<w:tbl>|<\/w:tbl>/g)) {
    if (m[0] === "<w:tbl>") {
      if (depth++ === 0) start = m.index!;
    } else if (--depth === 0) tables.push([start, m.index!]);
  }
  const out: Para[] = [];
  for (const m of doc.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    const xml = m[1]!;
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(xml)?.[1] ?? "";
    const style = attr(pPr, "w:pStyle");
    const layers = chain(style);
    const pick = <T,>(f: (x: string) => T | undefined, run: string): T | undefined => {
      for (const l of [run, ...layers.map((s) => s.rPr), defaults]) {
        const v = f(l);
        if (v !== undefined) return v;
      }
      return undefined;
    };
    const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
      .map((r) => {
        const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r[1]!)?.[1] ?? "";
        const text = [...r[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
        return {
          text,
          size: Number(pick((x) => attr(x, "w:sz"), rPr) ?? 20),
          bold: pick((x) => flag(x, "w:b"), rPr) ?? false,
          italic: pick((x) => flag(x, "w:i"), rPr) ?? false,
          font: pick((x) => attr(x, "w:rFonts", "w:ascii"), rPr),
          color: pick((x) => attr(x, "w:color"), rPr),
        };
      })
      .filter((r) => r.text.trim());
    const ppick = (f: (x: string) => string | undefined): string | undefined => {
      for (const l of [pPr, ...layers.map((s) => s.pPr)]) {
        const v = f(l);
        if (v !== undefined) return v;
      }
      return undefined;
    };
    out.push({
      text: runs.map((r) => r.text).join("").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"'),
      style,
      inTable: tables.some(([a, b]) => m.index! > a && m.index! < b),
      runs,
      jc: ppick((x) => attr(x, "w:jc")),
      firstLine: Number(ppick((x) => attr(x, "w:ind", "w:firstLine")) ?? 0),
      xml,
    });
  }
  return out;
}

/** The document's text in reading order, footnotes at their reference (for fidelity). */
export function documentText(docx: Buffer): string {
  const p = parts(docx);
  const notes = new Map<string, string>();
  for (const m of (p.get("word/footnotes.xml") ?? "").matchAll(/<w:footnote\b[^>]*w:id="(-?\d+)"[^>]*>([\s\S]*?)<\/w:footnote>/g)) {
    notes.set(m[1]!, [...m[2]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
  }
  const doc = p.get("word/document.xml")!;
  const text = doc
    .replace(/<w:footnoteReference\b[^>]*w:id="(-?\d+)"[^>]*\/>/g, (_m, id: string) => ` <w:t>${notes.get(id) ?? ""}</w:t> `)
    .replace(/<\/w:p>/g, "\n<w:t> </w:t>");
  return [...text.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((t) => t[1]!)
    .join("")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');
}
