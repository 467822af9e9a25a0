/**
 * Word documents as clerks make them, through LibreOffice (test/fixtures/word/make.ts): the five
 * seeds as .docx, .odt and .doc read by import's Word reader keep the seed's words in order, and
 * the .odt and .doc read the same as the .docx. Set KEHOACH_WORD_FIXTURES=DIR to keep the files.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ImportedDocument, ImportedParagraph, ImportedTable } from "../src/model/imported.js";
import { readWordDocument, type WordFormat } from "../src/read/word/index.js";
import { makeWordFixtures, type SeedFixture } from "./fixtures/word/make.js";
import { ADDED_TEXT } from "./fixtures/word/seed-html.js";
import { documentText, inOrderShare, words } from "./fixtures/word/words.js";
import { HAS_SOFFICE, tempDir } from "./helpers.js";

async function read(file: string, format: WordFormat): Promise<ImportedDocument> {
  const r = await readWordDocument(file, readFileSync(file), format);
  if (!("document" in r)) throw new Error(JSON.stringify(r.findings));
  expect(r.findings).toEqual([]);
  return r.document;
}

describe.runIf(HAS_SOFFICE)("the seeds as a clerk's Word documents (LibreOffice)", () => {
  let fixtures: SeedFixture[] = [];
  const docs = new Map<string, ImportedDocument>();
  beforeAll(async () => {
    fixtures = await makeWordFixtures(process.env.KEHOACH_WORD_FIXTURES ?? join(tempDir("kehoach-word-"), "word"));
    for (const f of fixtures) docs.set(f.name, await read(f.docx, "docx"));
  }, 240_000);

  it("reads every seed's .docx with ≥ 99 % of the seed's words in order, and the footnote", () => {
    for (const f of fixtures) {
      const doc = docs.get(f.name)!;
      const share = inOrderShare(words(f.seed), words(documentText(doc)));
      expect({ seed: f.name, share: share >= 0.99 ? "≥ 99 %" : share }).toEqual({ seed: f.name, share: "≥ 99 %" });
      expect(Object.values(doc.footnotes).flat().map((p) => p.runs.map((r) => r.text).join(""))).toEqual([ADDED_TEXT]);
    }
  });

  it("sees LibreOffice's lists as Word numbering: a) b) c) as a. b. c. labels, bullets as •", () => {
    const labels = (name: string): string[] => (docs.get(name)!.blocks.filter((b) => b.kind === "paragraph") as ImportedParagraph[]).flatMap((p) => (p.label ? [p.label] : []));
    expect(labels(fixtures[0]!.name).slice(0, 4)).toEqual(["a.", "b.", "a.", "b."]);
    expect(new Set(labels(fixtures[1]!.name))).toEqual(new Set(["•"]));
  });

  it("reads the header table as borderless and the budget table with its merges and header rows", () => {
    for (const f of fixtures) {
      const tables = docs.get(f.name)!.blocks.filter((b): b is ImportedTable => b.kind === "table");
      const budget = tables.find((t) => !t.borderless)!;
      expect(budget).toMatchObject({ columns: 4, headerRows: 2 });
      expect(budget.rows[0]!.map((c) => [c.colSpan, c.rowSpan])).toEqual([[1, 2], [1, 2], [2, 1]]);
      expect(budget.rows.at(-1)!.map((c) => c.colSpan)).toEqual([2, 1, 1]);
      expect(tables.filter((t) => t.borderless).length).toBeGreaterThanOrEqual(1);
    }
  });

  it.each([["odt"], ["doc"]] as const)("reads the .%s as it reads the .docx", async (format) => {
    for (const f of fixtures) {
      const other = await read(f[format], format);
      const docx = docs.get(f.name)!;
      expect(documentText(other)).toEqual(documentText(docx));
      // .doc cannot hold two tables side by side without a paragraph between (LibreOffice adds an empty
      // one) and keeps its own grid: empty paragraphs and grid widths aside, the same blocks
      const shape = (d: ImportedDocument): string[] =>
        d.blocks.flatMap((b) =>
          b.kind === "paragraph" ? (b.runs.length || b.label ? [`p ${b.label ?? ""}`] : []) : b.kind === "table" ? [`t ${b.rows.length} ${b.headerRows} ${b.borderless}`] : [`s ${b.landscape}`],
        );
      expect(shape(other)).toEqual(shape(docx));
    }
  }, 120_000);

  it("reads what Word also saves as .doc: RTF (under any name) and a Web Page (HTML)", async () => {
    const rtf = Buffer.from("{\\rtf1\\ansi{\\fonttbl\\f0\\froman Times New Roman;}\\f0\\pard K\\u7871? ho\\u7841?ch {\\b \\u272?\\u7853?m}\\par}", "latin1");
    for (const [name, format] of [["cu.doc", "doc"], ["cu.docx", "docx"]] as const) {
      const r = await readWordDocument(name, rtf, format);
      expect("document" in r && r.document.blocks[0]).toMatchObject({ kind: "paragraph", runs: [{ text: "Kế hoạch " }, { text: "Đậm", bold: true }] });
    }
    const html = Buffer.from(`\uFEFF<html><head><meta charset="utf-8"></head><body><p>Kế hoạch <b>năm 2025</b></p></body></html>`);
    const r = await readWordDocument("web.doc", html, "doc");
    expect("document" in r && r.document.blocks[0]).toMatchObject({ kind: "paragraph", runs: [{ text: "Kế hoạch " }, { text: "năm 2025", bold: true }] });
  }, 60_000);
});
