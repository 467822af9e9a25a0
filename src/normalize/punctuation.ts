/**
 * Punctuation the user typed is printed as typed; the templates add marks only where none was typed.
 * Where a typed mark would stand next to the mark a template puts there ("…;, UBND…", "năm.: trước
 * ngày", ";./."), keeping it prints nonsense and removing it would change the text silently: an
 * error at the text's line:col says which mark to remove and why.
 */
import type { Finding, Path } from "../model/finding.js";
import { pathToString } from "../model/finding.js";
import type { ItemObject, ItemSource, PlanSource, SectionSource } from "../model/plan.js";
import type { SourceFile } from "../read/index.js";
import { punctuationMessages as m } from "../messages/normalize.js";
import { finding } from "../model/finding.js";

/** The mark a text ends with (trailing spaces and newlines are not content), if any. */
export function endingMark(text: string): string | undefined {
  return /[.;,:!?…]$/.exec(text.trimEnd())?.[0];
}

/** Marks that cannot stand before the template's separators and end mark. */
const CLAUSE_MARKS = new Set([";", ",", ":"]);

type Check = (path: Path, mark: string) => string | undefined;

function at(src: SourceFile, path: Path, message: string): Finding {
  return finding("text.punctuation", { file: src.file, ...src.positions.valueAt(path) }, message, pathToString(path));
}

function valueAt(root: unknown, path: Path): unknown {
  let cur = root;
  for (const p of path) cur = cur && typeof cur === "object" ? (cur as Record<string | number, unknown>)[p] : undefined;
  return cur;
}

/** The path of the text that receives the end mark "./." when ket_thuc is false (render's order, backwards). */
function lastText(plan: PlanSource): Path | undefined {
  const sections = plan.noi_dung ?? [];
  for (let s = sections.length - 1; s >= 0; s--) {
    const found = lastOfSection(sections[s]!, ["noi_dung", s]);
    if (found) return found;
  }
  return undefined;
}

function lastOfSection(s: SectionSource, path: Path): Path | undefined {
  if (s.cac_y?.length) return lastOfItem(s.cac_y[s.cac_y.length - 1]!, [...path, "cac_y", s.cac_y.length - 1]);
  return lastParagraph(s.doan, [...path, "doan"]);
}

function lastParagraph(doan: string | string[] | undefined, path: Path): Path | undefined {
  if (doan === undefined) return undefined;
  return Array.isArray(doan) ? (doan.length ? [...path, doan.length - 1] : undefined) : path;
}

function lastOfItem(it: ItemSource, path: Path): Path | undefined {
  if (typeof it === "string") return path;
  if ("doan_chen" in it) return [...path, "doan_chen"];
  // render's order: named task lines, truong, sub-items, then the truong marked sau_cac_y
  const fields = it.truong ?? [];
  const lastField = (after: boolean): Path | undefined => {
    for (let i = fields.length - 1; i >= 0; i--) if ((fields[i]!.sau_cac_y === true) === after) return [...path, "truong", i, "noi_dung"];
    return undefined;
  };
  const after = lastField(true);
  if (after) return after;
  if (it.cac_y?.length) return lastOfItem(it.cac_y[it.cac_y.length - 1]!, [...path, "cac_y", it.cac_y.length - 1]);
  const before = lastField(false);
  if (before) return before;
  for (const key of ["thoi_gian", "phoi_hop", "chu_tri"] as const) if (it[key] !== undefined) return [...path, key];
  // a deadline ends the line with its date
  if (it.han !== undefined) return undefined;
  const own = lastParagraph(it.doan, [...path, "doan"]) ?? (it.tieu_de !== undefined ? [...path, "tieu_de"] : undefined);
  return own ?? (it.don_vi !== undefined ? [...path, "don_vi"] : undefined);
}

/** Items anywhere (sections, appendices, their children) with their paths. */
export function* allItems(list: ItemSource[] | undefined, path: Path): Generator<[ItemSource, Path]> {
  for (const [i, it] of (list ?? []).entries()) {
    yield [it, [...path, i]];
    if (typeof it !== "string" && !("doan_chen" in it)) yield* allItems(it.cac_y, [...path, i, "cac_y"]);
  }
}

/** Errors for typed marks that would collide with the marks the templates add. */
export function punctuationFindings(plan: SourceFile, profile: SourceFile | undefined, merged: PlanSource): Finding[] {
  const own = plan.value as PlanSource;
  const findings: Finding[] = [];
  const check = (src: SourceFile, path: Path, rule: Check): void => {
    const v = valueAt(src.value, path);
    if (typeof v !== "string") return;
    const mark = endingMark(v);
    const message = mark === undefined ? undefined : rule(path, mark);
    if (message) findings.push(at(src, path, message));
  };

  // "Thực hiện A; B, <lời dẫn>" (or "B. <Lời dẫn>" when the last one ends with a full stop)
  const mo = own.mo_dau;
  if (mo && typeof mo === "object" && mo.thuc_hien !== undefined) {
    const list = Array.isArray(mo.thuc_hien);
    const n = list ? (mo.thuc_hien as string[]).length : 1;
    for (let i = 0; i < n; i++) {
      const path: Path = list ? ["mo_dau", "thuc_hien", i] : ["mo_dau", "thuc_hien"];
      if (i < n - 1) check(plan, path, (_, mark) => (mark === "…" ? undefined : m.beforeJoin(mark)));
      else check(plan, path, (_, mark) => (CLAUSE_MARKS.has(mark) ? m.beforeLead(mark) : undefined));
    }
  }

  // "<doan>: trước ngày 10/5/2025"
  for (const base of [["noi_dung"], ["phu_luc"]] as const) {
    const containers = (own[base[0]] ?? []) as { cac_y?: ItemSource[] }[];
    for (const [c, container] of containers.entries()) {
      for (const [it, path] of allItems(container.cac_y, [base[0], c, "cac_y"])) {
        if (typeof it === "string" || "doan_chen" in it || it.han === undefined || it.doan === undefined) continue;
        check(plan, Array.isArray(it.doan) ? [...path, "doan", 0] : [...path, "doan"], (_, mark) => m.beforeDeadline(mark));
      }
    }
  }

  // the end mark "./.": a full stop merges into it, a clause mark cannot stand before it
  const endRule: Check = (_, mark) => (CLAUSE_MARKS.has(mark) ? m.beforeEndMark(mark) : undefined);
  if (typeof merged.ket_thuc === "string") check(plan, ["ket_thuc"], endRule);
  else if (merged.ket_thuc === false) {
    const last = lastText(own);
    // a unit's heading alone ends with the colon of don-vi.hbs ("Phòng Nội vụ:./.")
    const unitColon = last && (valueAt(own, last.slice(0, -1)) as ItemObject | undefined)?.hai_cham !== false;
    if (last?.[last.length - 1] === "don_vi" && unitColon) findings.push(at(plan, last, m.unitHeadingLast()));
    else if (last) check(plan, last, endRule);
  }
  return findings;
}
