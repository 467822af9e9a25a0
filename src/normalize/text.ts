/**
 * The text rule's errors, at the line:col where they are typed: a footnote inside a footnote
 * (Word has no notes in notes) and a blank line in a title (the trích yếu, a tieu_de): a title
 * is one paragraph.
 */
import { finding, type Finding, type Path, pathToString } from "../model/finding.js";
import type { SourceFile } from "../read/index.js";
import { parseText, titleLines, type TextProblem } from "../render/inline.js";
import { normalizeMessages as m } from "../messages/normalize.js";

/**
 * Keys whose strings are not flowing text: codes, dates, settings, a spreadsheet's file, sheet
 * and range (matched as typed), the header's and the signature's lines, recipients (one line
 * each), and a Phụ lục's title (a list of lines). kehoach fmt re-wraps no string under them.
 */
const NOT_FLOWING = new Set([
  "so", "ngay", "han", "loai", "danh_dau", "ho_so", "mau", "kiem_tra", "ky_so", "de_nghi", "ngang", "so_tien", "do_rong",
  "tep", "trang", "vung",
  "co_quan", "nguoi_ky", "noi_nhan", "luu",
]);

const isAppendixTitle = (path: Path): boolean => path.length === 3 && path[0] === "phu_luc" && path[2] === "tieu_de";

/** Whether a string at `path` is flowing text (the text rule applies): under no key of NOT_FLOWING, not a Phụ lục's title. */
export function isFlowingPath(path: Path): boolean {
  return !isAppendixTitle(path) && !path.some((k) => typeof k === "string" && NOT_FLOWING.has(k));
}

/** A title is one paragraph: the trích yếu, and a section's or an item's tieu_de. */
const isTitle = (path: Path): boolean => path[path.length - 1] === "tieu_de" || (path.length === 1 && path[0] === "trich_yeu");

/** A text's marks as the render stage reads them (normalize passes one that parses each text once for all its checks). */
export type Parse = (text: string) => ReturnType<typeof parseText>;

function problems(text: string, path: Path, parse: Parse): TextProblem[] {
  const out = isTitle(path) && text.includes("\n") ? titleLines(text).problems : [];
  // most texts hold no mark that can go wrong, and are passed over at once
  if (path[0] !== "trich_yeu" && text.includes("^[")) out.push(...parse(text).problems);
  return out;
}

/**
 * What one plan may hold of what its text makes in the document: each footnote, emphasis and
 * paragraph is objects in docx's model, and a plan within these limits (and the read stage's: 2 MB,
 * 50,000 nodes) builds within a build worker's heap (commands/build.ts), so none of them can take a
 * batch's memory. Measured: 5,000 footnotes or 20,000 emphases or 20,000 paragraphs in one text
 * each build in under 200 MB. Real plans hold tens.
 */
export const TEXT_LIMITS = { footnotes: 5_000, emphases: 20_000, paragraphs: 20_000 } as const;

/**
 * Each kind's marks in a text: a footnote's "^[", a run of "*" or a sub/superscript's "~" or "^"
 * (two make an emphasis), a blank line or a "\" line end.
 */
const COUNTED: { kind: keyof typeof TEXT_LIMITS; pattern: RegExp; per: number; what: string; may: (text: string) => boolean }[] = [
  { kind: "footnotes", pattern: /(?<!\\)\^\[/g, per: 1, what: m.footnotesWord, may: (t) => t.includes("^[") },
  { kind: "emphases", pattern: /\*+|(?<!\\)[~^](?!\[)/g, per: 2, what: m.emphasesWord, may: (t) => t.includes("*") || t.includes("~") || t.includes("^") },
  { kind: "paragraphs", pattern: /\n[ \t]*\n|\\\n/g, per: 1, what: m.paragraphsWord, may: (t) => t.includes("\n") },
];

/** Counts each kind over the plan; the first mark past a limit is a finding at its place, once a kind. */
class TextBudget {
  private readonly used = new Map<string, number>();

  constructor(private readonly src: SourceFile, private readonly out: Finding[]) {}

  count(text: string, path: Path): void {
    for (const c of COUNTED) {
      let used = this.used.get(c.kind) ?? 0;
      const limit = TEXT_LIMITS[c.kind] * c.per;
      // most texts hold none of a kind's marks: a plain search says so faster than the pattern
      if (used > limit || !c.may(text)) continue;
      c.pattern.lastIndex = 0;
      for (let hit = c.pattern.exec(text); hit; hit = c.pattern.exec(text)) {
        if (++used > limit) {
          const message = m.tooMuchText(c.what, TEXT_LIMITS[c.kind].toLocaleString("vi-VN"));
          this.out.push(finding("limit.text", { file: this.src.file, ...this.src.positions.within(path, text, hit.index) }, message, pathToString(path)));
          break;
        }
      }
      this.used.set(c.kind, used);
    }
  }
}

/** Findings of every flowing text of a plan's source value. */
export function checkTexts(src: SourceFile, parse: Parse = parseText): Finding[] {
  const out: Finding[] = [];
  const budget = new TextBudget(src, out);
  // one path, pushed and popped on the way (a finding reads it at once)
  const walk = (v: unknown, path: Path): void => {
    if (typeof v === "string") {
      if (isAppendixTitle(path)) return;
      budget.count(v, path);
      for (const p of problems(v, path, parse)) {
        const message = p.kind === "nested-footnote" ? m.nestedFootnote() : m.blankLineInTitle(path[0] === "trich_yeu" ? m.summaryWord : m.titleWord);
        const rule = p.kind === "nested-footnote" ? "text.nested-footnote" : "text.title-paragraph";
        out.push(finding(rule, { file: src.file, ...src.positions.within(path, v, p.offset) }, message, pathToString(path)));
      }
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i], path);
        path.pop();
      }
    } else if (v && typeof v === "object") {
      for (const k in v) {
        if (NOT_FLOWING.has(k)) continue;
        path.push(k);
        walk((v as Record<string, unknown>)[k], path);
        path.pop();
      }
    }
  };
  walk(src.value, []);
  return out;
}
