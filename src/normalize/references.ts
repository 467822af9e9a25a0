/**
 * References to generated numbers: a section, an item or a Phụ lục given `ma: nhiem-vu` is cited
 * in any text as `<nhiem-vu>`, which prints the label kehoach generated for it ("Mục IV",
 * "khoản 2 Mục III", "điểm a khoản 2 Mục III", "Phụ lục II"), so that a reference cannot go stale
 * when sections move. `\<` prints "<" itself. A reference opening a text or a sentence begins
 * with a capital ("Khoản 2 Mục III …").
 *
 * A footnote given an id (`^[…]{#luat-nsnn}`) is cited again the same way, `<luat-nsnn>`: that
 * prints the note's number as its reference mark, known only once the document is made
 * (render/notes.ts); here such a citation is checked and left in the text.
 */
import { finding, type Finding, type Path, pathToString } from "../model/finding.js";
import type { RuleId } from "../model/rules.js";
import type { ItemObject, ItemSource, PlanSource } from "../model/plan.js";
import type { Item } from "../model/normalized.js";
import type { SourceFile } from "../read/index.js";
import { normalizeMessages as m, referenceLabel as L } from "../messages/normalize.js";
import { excerpt } from "../messages/excerpt.js";
import { suggest } from "../validate/suggest.js";
import { roman } from "./numbering.js";
import { parseText } from "../render/inline.js";
import { TEXT_LIMITS, type Parse } from "./text.js";

/** An escaped character (left as it is), or a reference `<ma>`. */
const REFERENCE = /\\[\s\S]|<([a-z][a-z0-9_-]*)>/g;

export interface Target {
  /** The generated label; undefined for an item without a number or letter ("-", "+", none). */
  label?: string;
  /** Where its `ma` is typed. */
  path: Path;
}

export interface Targets {
  byId: Map<string, Target>;
  /** A `ma` given twice: the later ones. */
  duplicates: Path[];
  /** Every label the plan generates, referenced or not (lint compares hand-typed ones with them). */
  labels: Set<string>;
  /** The ids given to footnotes (`^[…]{#id}`) where their marks are printed. */
  notes: Set<string>;
}

/**
 * The label of every section, numbered item and Phụ lục of a plan, and the ids given to them;
 * `numbered` is the plan's items as normalize numbers them (normalize/index.ts numberedItems).
 */
export function referenceTargets(p: PlanSource, numbered: { sections: Item[][]; appendices: Item[][] }, parse: Parse = parseText): Targets {
  const t: Targets = { byId: new Map(), duplicates: [], labels: new Set(), notes: new Set() };
  const add = (id: string | undefined, lbl: string | undefined, path: Path): void => {
    if (lbl) t.labels.add(lbl);
    if (id === undefined) return;
    if (t.byId.has(id)) t.duplicates.push([...path, "ma"]);
    else t.byId.set(id, { label: lbl, path: [...path, "ma"] });
  };
  const items = (list: ItemSource[] | undefined, built: Item[], within: string, khoan: string | undefined, path: Path): void => {
    (list ?? []).forEach((it, i) => {
      const lbl = built[i]?.label ?? "";
      // the innermost number is the khoản, the innermost letter ("a)" or "a.", \u0111 the letter đ) under it the điểm
      const number = /^(\d+\.)+$/.test(lbl) ? lbl.slice(0, -1) : undefined;
      const letter = /^[a-z\u0111]\d*[.)]$/.test(lbl) ? lbl.slice(0, -1) : undefined;
      const full =
        number !== undefined ? `${L.khoan(number)} ${within}` : letter !== undefined ? [L.diem(letter), khoan && L.khoan(khoan), within].filter(Boolean).join(" ") : undefined;
      const here = [...path, i];
      if (typeof it === "string") {
        if (full) t.labels.add(full);
        return;
      }
      const o = it as ItemObject;
      add(o.ma, full, here);
      items(o.cac_y, built[i]?.children ?? [], within, number ?? khoan, [...here, "cac_y"]);
    });
  };
  (p.noi_dung ?? []).forEach((s, i) => {
    const within = L.section(roman(i + 1));
    add(s.ma, within, ["noi_dung", i]);
    items(s.cac_y, numbered.sections[i] ?? [], within, undefined, ["noi_dung", i, "cac_y"]);
  });
  const annexes = p.phu_luc ?? [];
  annexes.forEach((a, i) => {
    const within = L.appendix(annexes.length > 1 ? roman(i + 1) : "");
    add(a.ma, within, ["phu_luc", i]);
    items(a.cac_y, numbered.appendices[i] ?? [], within, undefined, ["phu_luc", i, "cac_y"]);
  });
  eachText(p, [], (s, path) => {
    if (s.includes("]{#") && printsNoteMarks(path)) for (const n of parse(s).notes) t.notes.add(n.id);
  });
  return t;
}

/**
 * Whether a text prints footnote marks: not the lines printed as they are (trích yếu, Nơi nhận, a
 * Phụ lục's title and "Kèm theo" line, the Quyết định's and Kèm theo's parts), nor a section's title,
 * printed upper case (an id or a citation in it would be re-cased).
 */
function printsNoteMarks(path: Path): boolean {
  const top = path[0];
  if (top === "trich_yeu" || top === "trich_yeu_trong_cau" || top === "noi_nhan" || top === "kem_theo" || top === "quyet_dinh") return false;
  return !(path.length === 3 && (top === "noi_dung" || top === "phu_luc") && (path[2] === "tieu_de" || path[2] === "kem_theo"));
}

/** Where footnotes are made but their ids cannot be read: a section's title, upper-cased. */
const isSectionTitle = (path: Path): boolean => path.length === 3 && path[0] === "noi_dung" && path[2] === "tieu_de";

/** Keys whose strings are codes, dates, settings or ids, where `<…>` is not a reference. */
const NO_REFERENCES = new Set([
  "so", "ngay", "han", "loai", "danh_dau", "ho_so", "mau", "kiem_tra", "ky_so", "de_nghi", "ngang", "so_tien", "do_rong",
  "co_quan", "nguoi_ky", "luu", "ma",
]);

/** Whether the text before `at` ends a sentence or a paragraph (or is empty). */
function startsSentence(s: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(s[i]!)) i--;
  if (i < 0 || ".!?".includes(s[i]!)) return true;
  return /\n[ \t]*\n/.test(s.slice(i, at));
}

/**
 * The text with its references printed as labels (a footnote's citation left as it is, for
 * render), the references that name no label, and the footnote citations.
 */
export function resolveText(text: string, targets: Targets): { text: string; unknown: { id: string; offset: number }[]; notes: { id: string; offset: number }[] } {
  const unknown: { id: string; offset: number }[] = [];
  const notes: { id: string; offset: number }[] = [];
  if (!text.includes("<")) return { text, unknown, notes };
  const out = text.replace(REFERENCE, (whole: string, id: string | undefined, offset: number) => {
    if (id === undefined) return whole;
    if (!targets.byId.has(id) && targets.notes.has(id)) {
      notes.push({ id, offset });
      return whole;
    }
    const lbl = targets.byId.get(id)?.label;
    if (lbl === undefined) {
      unknown.push({ id, offset });
      return whole;
    }
    return startsSentence(text, offset) ? lbl[0]!.toLocaleUpperCase("vi") + lbl.slice(1) : lbl;
  });
  return { text: out, unknown, notes };
}

/** Visits the strings where references are read, with their paths. */
function eachText(v: unknown, path: Path, f: (s: string, path: Path) => void): void {
  if (typeof v === "string") f(v, path);
  else if (Array.isArray(v)) v.forEach((x, i) => eachText(x, [...path, i], f));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) if (!NO_REFERENCES.has(k)) eachText(x, [...path, k], f);
}

/** A copy of the value with the strings where references are read mapped. */
function mapTexts(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === "string") return f(v);
  if (Array.isArray(v)) return v.map((x) => mapTexts(x, f));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, NO_REFERENCES.has(k) ? x : mapTexts(x, f)]));
  return v;
}

/** The plan with every reference printed as its label (call once the findings have no error). */
export function resolveReferences<T extends object>(p: T, targets: Targets): T {
  // without ids there is nothing to print: any reference would have been an error
  return targets.byId.size === 0 ? p : (mapTexts(p, (s) => resolveText(s, targets).text) as T);
}

/** Findings of one kind reported in one text, at most. */
const PER_TEXT = 10;

/**
 * A reference naming no id, a `ma` (or a footnote's id) given twice, a `ma` on an item without a
 * number, a footnote cited where no mark prints: at their line:col, at most PER_TEXT of a kind a text.
 */
export function referenceFindings(sources: SourceFile[], plan: SourceFile, targets: Targets, parse: Parse = parseText): Finding[] {
  const out: Finding[] = [];
  const known = [...targets.byId.keys(), ...targets.notes];
  const notes = new Set<string>();
  let citations = 0;
  for (const src of sources) {
    eachText(src.value, [], (s, path) => {
      // at most PER_TEXT findings of a kind in one text: placing one costs the text's length, so
      // thousands in a text of 2 MB would take minutes; the first ones say what to fix
      const counts = new Map<string, number>();
      const report = (rule: RuleId, offset: number, message: () => string): void => {
        const n = counts.get(rule) ?? 0;
        if (n >= PER_TEXT) return;
        counts.set(rule, n + 1);
        out.push(finding(rule, { file: src.file, ...src.positions.within(path, s, offset) }, message(), pathToString(path)));
      };
      const resolved = resolveText(s, targets);
      for (const u of resolved.unknown) report("text.reference-unknown", u.offset, () => m.referenceUnknown(excerpt(u.id), known, suggest(u.id, known)));
      for (const c of resolved.notes) {
        if (!printsNoteMarks(path)) report("text.note-place", c.offset, () => m.notePlace(excerpt(c.id), false));
        // each citation is a field of five runs in the document: counted as footnotes are (normalize/text.ts)
        else if (++citations === TEXT_LIMITS.footnotes + 1) report("limit.text", c.offset, () => m.tooMuchText(m.notesWord, TEXT_LIMITS.footnotes.toLocaleString("vi-VN")));
      }
      if (!s.includes("]{#")) return;
      if (isSectionTitle(path)) {
        for (const n of parse(s).notes) report("text.note-place", n.offset, () => m.notePlace(excerpt(n.id), true));
      } else if (printsNoteMarks(path)) {
        for (const n of parse(s).notes) {
          const part = targets.byId.get(n.id);
          if (part || notes.has(n.id)) report("text.reference-duplicate", n.offset, () => m.noteDuplicate(excerpt(n.id), part ? m.noteFirstPart(pathToString(part.path.slice(0, -1))) : m.noteFirst));
          notes.add(n.id);
        }
      }
    });
  }
  for (const path of targets.duplicates) {
    const id = String(valueAt(plan.value, path));
    out.push(finding("text.reference-duplicate", { file: plan.file, ...plan.positions.valueAt(path) }, m.referenceDuplicate(excerpt(id), pathToString(targets.byId.get(id)!.path)), pathToString(path)));
  }
  for (const [id, t] of targets.byId) {
    if (t.label === undefined) out.push(finding("text.reference-unnumbered", { file: plan.file, ...plan.positions.valueAt(t.path) }, m.referenceUnnumbered(excerpt(id)), pathToString(t.path)));
  }
  return out;
}

function valueAt(v: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown> | undefined)?.[k], v);
}
