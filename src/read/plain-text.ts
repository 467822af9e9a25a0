/**
 * `.txt` and `.md` read for `kehoach import`: a line a paragraph (a blank line an empty one, which
 * the recogniser uses as a hint only: text copied from a PDF has blank lines inside paragraphs).
 * Markdown adds `**bold**`, `*italic*` (carried across the lines of one paragraph), `~sub~`,
 * `^sup^`, `^[footnote]`, `#` headings (their level as the style "Heading N") and simple tables
 * `| a | b |` with a `|---|` row under the header.
 */
import type { ImportedDocument, ImportedParagraph, ImportedRun, ImportedTable } from "../model/imported.js";

interface Look {
  bold: boolean;
  italic: boolean;
}

function run(text: string, look: Look, script?: "sub" | "super"): ImportedRun {
  const r: ImportedRun = { text };
  if (look.bold) r.bold = true;
  if (look.italic) r.italic = true;
  if (script) r.script = script;
  return r;
}

/** Markdown inline marks of one line into runs; `look` carries open emphasis to the next line. */
function inlineRuns(line: string, look: Look, footnotes: Record<string, ImportedParagraph[]>): ImportedRun[] {
  const runs: ImportedRun[] = [];
  let buf = "";
  const flush = (): void => {
    if (buf) runs.push(run(buf, look));
    buf = "";
  };
  for (let i = 0; i < line.length; ) {
    const c = line[i]!;
    if (c === "\\" && i + 1 < line.length && /[\\*^~[\]<>_#.|()-]/.test(line[i + 1]!)) {
      buf += line[i + 1];
      i += 2;
    } else if (line.startsWith("**", i)) {
      flush();
      look.bold = !look.bold;
      i += 2;
    } else if (c === "*" && (look.italic || /\S/.test(line[i + 1] ?? ""))) {
      flush();
      look.italic = !look.italic;
      i += 1;
    } else if (line.startsWith("^[", i)) {
      // a footnote: up to the matching "]"
      let depth = 0;
      let j = i + 1;
      for (; j < line.length; j++) {
        if (line[j] === "[") depth++;
        else if (line[j] === "]" && --depth === 0) break;
      }
      if (j >= line.length) {
        buf += c;
        i += 1;
        continue;
      }
      flush();
      const key = String(Object.keys(footnotes).length + 1);
      footnotes[key] = [{ kind: "paragraph", runs: inlineRuns(line.slice(i + 2, j), { bold: false, italic: false }, footnotes) }];
      runs.push({ text: "", footnote: key });
      i = j + 1;
    } else if ((c === "^" || c === "~") && /^(\S+?)$/.test(line.slice(i + 1, line.indexOf(c, i + 1))) && line.indexOf(c, i + 1) > i + 1) {
      const end = line.indexOf(c, i + 1);
      flush();
      runs.push(run(line.slice(i + 1, end), look, c === "^" ? "super" : "sub"));
      i = end + 1;
    } else {
      buf += c;
      i += 1;
    }
  }
  flush();
  return runs;
}

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR = /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/;

function cells(line: string): string[] {
  const inner = line.trim().slice(1, -1);
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === "\\" && inner[i + 1] === "|") {
      cur += "|";
      i++;
    } else if (inner[i] === "|") {
      out.push(cur.trim());
      cur = "";
    } else cur += inner[i];
  }
  out.push(cur.trim());
  return out;
}

function mdTable(lines: string[], footnotes: Record<string, ImportedParagraph[]>): ImportedTable {
  const header = lines.length > 1 && SEPARATOR.test(lines[1]!);
  const rows = lines.filter((_, i) => !(header && i === 1)).map(cells);
  const columns = Math.max(...rows.map((r) => r.length));
  return {
    kind: "table",
    rows: rows.map((r) =>
      r.map((text) => ({ blocks: [{ kind: "paragraph" as const, runs: inlineRuns(text, { bold: false, italic: false }, footnotes) }], colSpan: 1, rowSpan: 1 })),
    ),
    headerRows: header ? 1 : 0,
    columns,
    borderless: false,
  };
}

/** A text file's contents as an imported document. */
export function readPlainText(text: string, format: "txt" | "md"): ImportedDocument {
  const footnotes: Record<string, ImportedParagraph[]> = {};
  const doc: ImportedDocument = { format, blocks: [], footnotes };
  const lines = text.normalize("NFC").replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const look: Look = { bold: false, italic: false };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\t/g, " ");
    if (!raw.trim()) {
      look.bold = look.italic = false;
      doc.blocks.push({ kind: "paragraph", runs: [] });
      continue;
    }
    if (format === "txt") {
      doc.blocks.push({ kind: "paragraph", runs: [{ text: raw.trim() }] });
      continue;
    }
    if (TABLE_ROW.test(raw)) {
      const rows: string[] = [];
      while (i < lines.length && TABLE_ROW.test(lines[i]!)) rows.push(lines[i++]!);
      i--;
      doc.blocks.push(mdTable(rows, footnotes));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    const body = heading ? heading[2]! : raw.trim();
    const p: ImportedParagraph = { kind: "paragraph", runs: inlineRuns(body, look, footnotes) };
    if (heading) p.style = `Heading ${heading[1]!.length}`;
    doc.blocks.push(p);
  }
  return doc;
}
