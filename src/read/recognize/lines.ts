/**
 * An imported document as a flat list of lines for the recogniser: each paragraph's text in the
 * plan's inline syntax (`**bold**`, `*italic*`, `~sub~`, `^sup^`, `^[footnote]`), its automatic
 * label, its look; the layout tables (header, signature) read cell by cell, column after column;
 * the other tables kept whole. Text copied from a PDF (.txt) has its hard-wrapped lines joined.
 */
import type { ImportedDocument, ImportedParagraph, ImportedRun, ImportedTable } from "../../model/imported.js";
import { DATE_LINE, EOFFICE, NATIONAL, NUMBER_LINE, PLAN_TITLE, OTHER_TITLES, PREAMBLE_BASIS, PREAMBLE_FOLLOW, AUTHORITY, RECIPIENTS, CLOSING, APPENDIX, ISSUED_WITH_START, ATTACHED, LEAD_VERB } from "./words.js";

export interface Line {
  /** The text in the plan's inline syntax, without the automatic label. */
  text: string;
  /** The same without any mark: what the words are. */
  plain: string;
  label?: string;
  labelBold?: boolean;
  /** Every letter of the paragraph is bold / italic. */
  bold: boolean;
  italic: boolean;
  /** Every letter has italic switched off outright (ImportedRun.upright). */
  upright?: boolean;
  /** The leading bold part when the rest is not bold ("Phòng Nội vụ:" of a run-in heading). */
  boldLead?: string;
  centered: boolean;
  style?: string;
  blankBefore: boolean;
  landscape: boolean;
  table?: ImportedTable;
  /** A table's section text width in twips (the width its do_rong divides), when the document gives it. */
  tableWidth?: number;
  /** Word's runs' texts (not for .txt/.md): where the document's look changes, as kehoach's own runs split. */
  runTexts?: string[];
  /** The document's own paragraph breaks inside one line (a signature "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"). */
  parts: string[];
}

/** Characters the plan's inline syntax would read as marks, escaped (README: `\*`, `\^`, `\~` …). */
export function escapeText(s: string): string {
  return s.replace(/[\\*^~]/g, (c) => "\\" + c).replace(/<([a-z0-9_-]+)>/g, "\\<$1>").replace(/\[/g, (c, i: number, all: string) => (all[i - 1] === "^" ? "\\[" : c));
}

/**
 * Runs into inline-syntax text; a line break is "\\\n" (README: `\` ending a line). Emphasis nests:
 * bold "“", bold italic "…", bold "”" is `**“*…*”**`; spaces stay outside the marks.
 */
export function runsText(runs: readonly ImportedRun[], footnotes: Record<string, ImportedParagraph[]>, bare = { bold: false, italic: false }, ids: NoteIds = new Map()): string {
  let out = "";
  const open: ("**" | "*")[] = [];
  let pending = "";
  const moveTo = (want: Set<"**" | "*">): void => {
    while (open.some((mk) => !want.has(mk))) out += open.pop();
    out += pending;
    pending = "";
    for (const mk of ["**", "*"] as const) {
      if (want.has(mk) && !open.includes(mk)) {
        out += mk;
        open.push(mk);
      }
    }
  };
  let citing: string | undefined;
  for (const r of runs) {
    // a footnote cited again: `<id>` once for the field's shown number
    const id = r.cite !== undefined ? ids.get(r.cite) : undefined;
    if (id !== undefined) {
      if (citing !== r.cite) out += pending + `<${id}>`;
      pending = "";
      citing = r.cite;
      continue;
    }
    citing = undefined;
    if (r.lineBreak) {
      moveTo(new Set());
      out = out.replace(/ +$/, "") + "\\\n";
      continue;
    }
    if (r.footnote !== undefined) {
      const paras = footnotes[r.footnote] ?? [];
      const id = r.bookmark !== undefined ? ids.get(r.bookmark) : undefined;
      out += pending + `^[${paras.map((p) => runsText(p.runs, {}).trim()).join("\n\n")}]` + (id !== undefined ? `{#${id}}` : "");
      pending = "";
      continue;
    }
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(r.text)!;
    if (!m[2]) {
      pending += r.text;
      continue;
    }
    const want = new Set<"**" | "*">();
    if (r.bold && !bare.bold) want.add("**");
    if (r.italic && !bare.italic) want.add("*");
    pending += m[1];
    moveTo(want);
    let t = escapeText(m[2]);
    if (r.script && /^\S+$/.test(m[2])) t = r.script === "sub" ? `~${t}~` : `^${t}^`;
    out += t;
    pending = m[3]!;
  }
  moveTo(new Set());
  return out;
}

/** The ids given to footnotes cited again, by the bookmark around their mark: "chu-thich-1" … */
export type NoteIds = Map<string, string>;

/** Footnotes whose bookmark a NOTEREF field cites somewhere in the document, each an id for `{#id}` and `<id>`. */
export function noteIds(doc: ImportedDocument): NoteIds {
  const marked = new Map<string, string>();
  const cited = new Set<string>();
  const para = (p: ImportedParagraph): void => {
    for (const r of p.runs) {
      if (r.footnote !== undefined && r.bookmark !== undefined && !marked.has(r.bookmark)) marked.set(r.bookmark, r.footnote);
      if (r.cite !== undefined) cited.add(r.cite);
    }
  };
  for (const b of doc.blocks) {
    if (b.kind === "paragraph") para(b);
    else if (b.kind === "table") for (const row of b.rows) for (const cell of row) cell.blocks.forEach(para);
  }
  const ids: NoteIds = new Map();
  for (const [name, key] of marked) if (cited.has(name)) ids.set(name, `chu-thich-${key.replace(/[^a-z0-9]/gi, "").toLowerCase()}`);
  return ids;
}

function plainOf(runs: readonly ImportedRun[]): string {
  return runs.map((r) => (r.lineBreak ? "\n" : r.footnote !== undefined ? "" : r.text)).join("");
}

const letters = (runs: readonly ImportedRun[]): ImportedRun[] => runs.filter((r) => /\p{L}/u.test(r.text));

function paragraphLine(p: ImportedParagraph, footnotes: Record<string, ImportedParagraph[]>, blankBefore: boolean, ids: NoteIds, words: boolean): Line {
  const lettered = letters(p.runs);
  const bold = lettered.length > 0 && lettered.every((r) => r.bold);
  const italic = lettered.length > 0 && lettered.every((r) => r.italic);
  const plain = plainOf(p.runs).replace(/[ \t\u00a0]+/g, " ").trim();
  const line: Line = {
    text: runsText(p.runs, footnotes, { bold, italic }, ids).replace(/^[ \t\u00a0]+|[ \t\u00a0]+$/g, ""),
    plain,
    bold,
    italic,
    centered: p.align === "center",
    blankBefore,
    landscape: false,
    parts: plain.split("\n").map((s) => s.trim()).filter(Boolean),
  };
  if (lettered.length > 0 && lettered.every((r) => r.upright)) line.upright = true;
  if (words) line.runTexts = p.runs.map((r) => r.text);
  if (p.label !== undefined && p.label.trim()) line.label = p.label.trim();
  if (p.labelBold) line.labelBold = true;
  if (p.style) line.style = p.style;
  if (!bold) {
    // a bold lead then plain text: the run-in heading "Phòng Nội vụ: chủ trì …"
    let k = 0;
    let lead = "";
    while (k < p.runs.length && (p.runs[k]!.bold || !p.runs[k]!.text.trim()) && !p.runs[k]!.lineBreak && p.runs[k]!.footnote === undefined) lead += p.runs[k++]!.text;
    if (lead.trim() && k < p.runs.length) line.boldLead = lead;
  }
  return line;
}

const isBlank = (p: ImportedParagraph): boolean => p.runs.every((r) => !r.text.trim() && r.footnote === undefined) && !p.label;

/** The paragraphs of a layout table, column after column (the header's left column, then its right). */
function layoutParagraphs(t: ImportedTable): ImportedParagraph[] {
  const out: ImportedParagraph[] = [];
  for (let c = 0; c < t.columns; c++) {
    for (const row of t.rows) {
      let col = 0;
      for (const cell of row) {
        if (col === c) for (const b of cell.blocks) out.push(b);
        col += cell.colSpan;
      }
    }
  }
  return out;
}

const CAPS = (s: string): boolean => /\p{L}/u.test(s) && s === s.toUpperCase();
/** A line that starts a part of its own and so is never the continuation of the line before. */
const SOLO = [NATIONAL, NUMBER_LINE, DATE_LINE, EOFFICE, PLAN_TITLE, OTHER_TITLES, AUTHORITY, RECIPIENTS, APPENDIX];
/** …and lines that open a paragraph (the line before may still go on into them no further). */
const OPENERS = [PREAMBLE_BASIS, PREAMBLE_FOLLOW, CLOSING, ISSUED_WITH_START, ATTACHED];
/** A person's name on a line of its own: two to five capitalised words. */
const NAME = /^(\p{Lu}\p{Ll}*)( \p{Lu}\p{Ll}*){1,4}$/u;
const MARKER = /^([IVXLC]+\.|\d{1,3}(\.\d{1,3})*[.)]|[a-zđ][.)]|[-–—•+])(\s|$)/u;

/**
 * The line under KẾ HOẠCH (the trích yếu) does not go on into a sentence of its own that follows it at
 * once: "Ủy ban nhân dân xã … ban hành Kế hoạch … như sau:" without a "Thực hiện …" before it.
 */
function opensPreamble(out: readonly Line[], l: Line): boolean {
  const title = out[out.length - 2];
  return title !== undefined && PLAN_TITLE.test(title.plain) && /^\p{Lu}/u.test(l.plain) && (LEAD_VERB.test(l.plain) || l.plain.endsWith(":"));
}

/**
 * Text from a PDF breaks every line and puts blank lines where the pages had space: a line goes
 * on the one before unless that one ended a sentence or clause, or this one starts something.
 */
function joinWrapped(lines: Line[], markdown: boolean): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const joins =
      prev !== undefined &&
      // in Markdown a blank line always ends the paragraph
      !(markdown && l.blankBefore) &&
      !prev.table &&
      !l.table &&
      // a clause ending in ";" or "," goes on when the next line starts in lower case
      (!/[.:;!?…]["”)]?$/u.test(prev.plain) || (/[;,]$/.test(prev.plain) && /^\p{Ll}/u.test(l.plain))) &&
      !MARKER.test(l.plain) &&
      !SOLO.some((re) => re.test(l.plain) || re.test(prev.plain)) &&
      !OPENERS.some((re) => re.test(l.plain)) &&
      !CAPS(prev.plain) &&
      !CAPS(l.plain) &&
      // a line that is one parenthesis ("(Đã ký)"), and a signer's name, stand alone
      !/^\(.*\)$/u.test(prev.plain) &&
      !NAME.test(l.plain) &&
      !opensPreamble(out, l);
    if (joins) {
      prev.text = `${prev.text} ${l.text}`;
      prev.plain = `${prev.plain} ${l.plain}`;
      prev.parts = [prev.plain];
    } else out.push(l);
  }
  return out;
}

/** The document's paragraphs and tables as lines, in reading order. */
export function documentLines(doc: ImportedDocument, ids: NoteIds = noteIds(doc)): Line[] {
  const lines: Line[] = [];
  let blank = false;
  let sectionStart = 0;
  const add = (p: ImportedParagraph): void => {
    if (isBlank(p)) {
      blank = true;
      return;
    }
    lines.push(paragraphLine(p, doc.footnotes, blank, ids, doc.format !== "txt" && doc.format !== "md"));
    blank = false;
  };
  for (const b of doc.blocks) {
    if (b.kind === "paragraph") add(b);
    else if (b.kind === "table") {
      if (b.borderless) for (const p of layoutParagraphs(b)) add(p);
      else {
        lines.push({ text: "", plain: "", bold: false, italic: false, centered: false, blankBefore: blank, landscape: false, table: b, parts: [] });
        blank = false;
      }
    } else {
      for (let i = sectionStart; i < lines.length; i++) {
        if (b.landscape) lines[i]!.landscape = true;
        if (lines[i]!.table && b.textWidth !== undefined) lines[i]!.tableWidth = b.textWidth;
      }
      sectionStart = lines.length;
    }
  }
  return doc.format === "txt" || doc.format === "md" ? joinWrapped(lines, doc.format === "md") : lines;
}

/** The words of a document as they read, footnotes at their references: what the proof compares. */
export function documentText(doc: ImportedDocument): string {
  const out: string[] = [];
  const para = (p: ImportedParagraph): void => {
    let s = p.label ? p.label + " " : "";
    for (const r of p.runs) s += r.footnote !== undefined ? " " + (doc.footnotes[r.footnote] ?? []).map((f) => plainOf(f.runs)).join(" ") + " " : r.lineBreak ? " " : r.text;
    out.push(s);
  };
  for (const b of doc.blocks) {
    if (b.kind === "paragraph") para(b);
    else if (b.kind === "table") for (const row of b.rows) for (const cell of row) for (const p of cell.blocks) para(p);
  }
  return out.join("\n");
}
