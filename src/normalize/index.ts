/**
 * Normalize stage: profile merged under the plan, parts a complete plan needs checked,
 * every list brought to one shape, and every number and letter generated.
 */
import { finding, type Finding, hasErrors, pathToString } from "../model/finding.js";
import type { AppendixSource, ArchiveSource, BudgetLineSource, ItemSource, LevelSource, Marker, PlanSource, ProfileSource, SectionSource, SignerSource, TableSource, Text } from "../model/plan.js";
import type { Archive, BudgetLine, Item, NormalizedPlan, PlanDate, Section, Signer, Table, TaskField, Where } from "../model/normalized.js";
import type { Path } from "../model/finding.js";
import type { SheetTable } from "../read/sheets.js";
import { eachBudget, eachTable } from "../tables.js";
import { normalizeTable, type TableContext } from "./table.js";
import type { SourceFile } from "../read/index.js";
import { normalizeMessages as m } from "../messages/normalize.js";
import { mergeProfile } from "../validate/profile.js";
import { completenessFindings } from "../validate/complete.js";
import { defaultMarker, label, roman } from "./numbering.js";
import { punctuationFindings } from "./punctuation.js";
import { sentenceFindings } from "./sentences.js";
import { checkTexts, type Parse } from "./text.js";
import { parseText } from "../render/inline.js";
import { referenceFindings, referenceTargets, resolveReferences } from "./references.js";
import { ARCHIVE_LINE, unusedKeyFindings } from "./unused.js";
import { append } from "../lists.js";
import { isBlank, isWhite, joinLines } from "../lines.js";
import { addDigits } from "../digits.js";

/**
 * A line-list field (agency names, a Phụ lục's title): each line typed, or each list item, is one
 * printed line; blank lines are not lines; a "\" ending a line (the text rule's line break) is
 * accepted and means the same line end.
 */
function lines(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : v.split("\n")).map((s) => s.trim().replace(/(?<!\\)\\$/, "").trimEnd()).filter(Boolean);
}

/** A one-line field (a name, a code, a signature or recipient line, luu): a newline in it, with its spaces, is a space. */
const oneLine = (s: string): string => joinLines(s, " ", isBlank, isWhite);
function oneLineEach<T extends object>(o: T | undefined): T | undefined {
  return o && (Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "string" ? oneLine(v) : v])) as T);
}

function signer(s: SignerSource): Signer {
  return { onBehalfOf: s.tm, acting: s.q, byOrder: s.tl, authorized: s.tuq, deputyOf: s.kt, title: s.chuc_vu, name: s.ho_ten };
}

function archive(a: ArchiveSource): Archive {
  return { unit: a.don_vi, copies: a.so_ban, drafter: a.nguoi_soan, issuedCopies: a.so_ban_phat_hanh };
}

function list(v: Text | Text[] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export function parseDate(s: string | undefined): PlanDate {
  if (!s) return {};
  const [y, mo, d] = s.split("-").map(Number);
  return { year: y, month: mo, day: d };
}

/** The amount's digits without thousands dots nor leading zeros (a number is exact: the reader checked). */
function amount(v: number | string): string {
  return (typeof v === "number" ? String(v) : v.replace(/\./g, "")).replace(/^0+(?=\d)/, "");
}

/**
 * A budget's lines. A group (cac_dong) prints its lines' sum, or the amount typed for it: that one is
 * printed and added as typed, and kept with its lines' sum for lint (lint/sums.ts), never corrected.
 */
function budget(v: BudgetLineSource[] | undefined, at: Path, place: (p: Path) => Where): BudgetLine[] | undefined {
  const line = (b: BudgetLineSource, p: Path): BudgetLine => {
    const lines = b.cac_dong?.map((c, j) => line(c, [...p, "cac_dong", j]));
    const sum = lines?.reduce((s, l) => addDigits(s, l.amount), "0");
    const typed = b.so_tien === undefined ? undefined : amount(b.so_tien);
    const out: BudgetLine = { text: b.noi_dung, amount: typed ?? sum ?? "0", source: b.nguon };
    if (lines) out.lines = lines;
    if (lines && typed !== undefined) out.typed = { sum: sum!, where: place([...p, "so_tien"]) };
    return out;
  };
  return v?.map((b, i) => line(b, [...at, i]));
}

/** The tables and budgets of the plan, normalized where they are met (each knows its own path). */
interface Parts {
  table: (t: TableSource | undefined) => Table | undefined;
  budget: (v: BudgetLineSource[] | undefined) => BudgetLine[] | undefined;
}

/**
 * The defaults of one level: a section's own (cac_cap) over the plan's and office's trinh_bay, field by
 * field; depth 1 is the first entry.
 */
function levelAt(levels: LevelSource[][], depth: number): LevelSource {
  const out: LevelSource = {};
  for (const list of levels) {
    const l = list[depth - 1];
    if (!l) continue;
    out.danh_dau ??= l.danh_dau;
    out.kieu_tieu_de ??= l.kieu_tieu_de;
    out.kieu_so ??= l.kieu_so;
  }
  return out;
}

/** `levels`: the level defaults that apply, nearest first (a section's, then the plan's). */
function items(src: ItemSource[] | undefined, marker: Marker | undefined, depth: number, parentLabel: string, levels: LevelSource[][], parts: Parts): Item[] {
  const level = levelAt(levels, depth);
  const mk = marker ?? level.danh_dau ?? defaultMarker(depth, parentLabel);
  let n = 0;
  return (src ?? []).map((s) => {
    // an unnumbered paragraph between items does not take a number
    if (typeof s === "object" && "doan_chen" in s) return { label: "", depth, propose: false, paragraphs: [s.doan_chen], fields: [], children: [], insert: true };
    const lbl = label(mk, n++, parentLabel);
    if (typeof s === "string") return { label: lbl, depth, propose: false, paragraphs: [s], fields: [], children: [], labelStyle: level.kieu_so };
    const fields: TaskField[] = [];
    for (const key of ["chu_tri", "phoi_hop", "thoi_gian"] as const) {
      const text = s[key];
      if (text !== undefined) fields.push({ key, text, dash: true, afterItems: false });
    }
    for (const f of s.truong ?? []) fields.push({ key: "truong", label: f.nhan, text: f.noi_dung, dash: f.gach !== false, afterItems: f.sau_cac_y === true });
    return {
      label: lbl,
      depth,
      title: s.tieu_de,
      unit: s.don_vi,
      propose: s.de_nghi === true,
      paragraphs: list(s.doan),
      fields,
      deadline: s.han,
      budget: parts.budget(s.du_toan),
      table: parts.table(s.bang),
      children: items(s.cac_y, s.danh_dau, depth + 1, lbl, levels, parts),
      runIn: s.tieu_de_cung_dong === true,
      titleStyle: s.kieu_tieu_de ?? level.kieu_tieu_de,
      labelStyle: s.kieu_so ?? level.kieu_so,
      unitOwnLine: s.xuong_dong === true,
      unitColon: s.hai_cham !== false,
    };
  });
}

/** A section's items; a Phụ lục's (each with its own level defaults over the plan's). */
const sectionItems = (s: SectionSource, planLevels: LevelSource[], parts: Parts): Item[] => items(s.cac_y, s.danh_dau, 1, "", [s.cac_cap ?? [], planLevels], parts);
const appendixItems = (a: AppendixSource, planLevels: LevelSource[], parts: Parts): Item[] => items(a.cac_y, a.danh_dau, 1, "", [a.cac_cap ?? [], planLevels], parts);

/** The items of every section and Phụ lục, numbered as the document numbers them (what references cite; their tables and budgets are not needed). */
export function numberedItems(p: PlanSource): { sections: Item[][]; appendices: Item[][] } {
  const planLevels = p.trinh_bay?.cac_cap ?? [];
  const none: Parts = { table: () => undefined, budget: () => undefined };
  return {
    sections: (p.noi_dung ?? []).map((s) => sectionItems(s, planLevels, none)),
    appendices: (p.phu_luc ?? []).map((a) => appendixItems(a, planLevels, none)),
  };
}

function section(s: SectionSource, index: number, planLevels: LevelSource[], parts: Parts): Section {
  const lbl = `${roman(index + 1)}.`;
  return {
    label: lbl,
    kind: s.loai,
    title: s.tieu_de,
    paragraphs: list(s.doan),
    budget: parts.budget(s.du_toan),
    table: parts.table(s.bang),
    items: sectionItems(s, planLevels, parts),
    taskTable: s.bang_nhiem_vu,
  };
}

/** Keys of the plan itself that a plan issued with a Quyết định has no place for (the profile's are simply not used). */
const NOT_WITH_DECREE = ["so", "ngay", "nguoi_ky", "noi_nhan", "luu", "ky_so"] as const;

function decreeConflicts(plan: SourceFile): Finding[] {
  const own = plan.value as PlanSource;
  return NOT_WITH_DECREE.filter((k) => own[k] !== undefined).map((k) => finding("plan.unused-key", { file: plan.file, ...plan.positions.keyAt([k]) }, m.notWithDecree(k), k));
}

export interface NormalizeInput {
  plan: SourceFile;
  profile?: SourceFile;
  /** The office templates folder, found by read/locate.ts. */
  templatesDir?: string;
  /** Tables read from spreadsheets (read/sheets.ts), by their `bang`. */
  sheets?: Map<TableSource, SheetTable>;
}

/** Builds the normalized plan, or findings saying which parts are missing. */
export function normalizePlan({ plan, profile, templatesDir, sheets }: NormalizeInput): { plan?: NormalizedPlan; findings: Finding[] } {
  const own = plan.value as PlanSource;
  const office = profile?.value as ProfileSource | undefined;
  let p = mergeProfile(office, own);
  // each text with marks parsed once for the checks that read them (the merged plan's texts are the plan's strings)
  const parsed = new Map<string, ReturnType<Parse>>();
  const parse: Parse = (s) => {
    let r = parsed.get(s);
    if (!r) parsed.set(s, (r = parseText(s)));
    return r;
  };
  const targets = referenceTargets(p, numberedItems(p), parse);
  const findings: Finding[] = [];
  // a plan issued with a Quyết định is signed, numbered and sent by the Quyết định (validate/complete.ts asks nothing of those)
  if (own.quyet_dinh !== undefined) findings.push(...decreeConflicts(plan));
  // what the user typed that would print changed, be ignored, or be garbled in a default sentence
  for (const more of [punctuationFindings(plan, profile, p), unusedKeyFindings(plan, profile, p), sentenceFindings(plan, p)]) append(findings, more);

  findings.push(...checkTexts(plan, parse));
  append(findings, referenceFindings(profile ? [plan, profile] : [plan], plan, targets, parse));
  // validate reports the parts missing (validate/complete.ts); such a plan is checked here, never built
  if (hasErrors(findings) || completenessFindings(plan, profile).length) return { findings };
  p = resolveReferences(p, targets);

  const co = p.co_quan!;
  const basesItalic = p.trinh_bay?.can_cu_nghieng !== false;
  const planLevels = p.trinh_bay?.cac_cap ?? [];
  const preamble =
    typeof p.mo_dau === "string"
      ? { free: p.mo_dau, bases: [], basesItalic, implements: [], leadInAfterBases: false }
      : {
          bases: p.mo_dau?.can_cu ?? [],
          basesItalic,
          implements: list(p.mo_dau?.thuc_hien),
          background: p.mo_dau?.boi_canh,
          leadIn: p.mo_dau?.loi_dan,
          leadInAfterBases: p.mo_dau?.loi_dan_sau_can_cu === true,
        };
  const recipients: { name: string; note?: string }[] = [];
  let typedArchive: string | undefined;
  for (const r of p.noi_nhan ?? []) {
    const name = oneLine(typeof r === "string" ? r : r.ten);
    if (ARCHIVE_LINE.test(name)) typedArchive = name.trim();
    else recipients.push({ name, note: typeof r === "string" || r.ghi_chu === undefined ? undefined : oneLine(r.ghi_chu) });
  }
  const numerals = (p.phu_luc?.length ?? 0) > 1;
  // the tables and budgets as normalized are copies of the plan's once references are printed: each
  // is found by its path, and a table's spreadsheet (read for the plan's own table) through it
  const sheetAt = new Map<string, SheetTable>();
  if (sheets?.size) eachTable(plan.value, [], (t, at) => void (sheets.has(t as TableSource) && sheetAt.set(pathToString(at), sheets.get(t as TableSource)!)));
  const paths = new Map<TableSource, Path>();
  const resolvedSheets = new Map<TableSource, SheetTable>();
  eachTable(p, [], (t, at) => {
    paths.set(t as TableSource, [...at]);
    const sheet = sheetAt.get(pathToString(at));
    if (sheet) resolvedSheets.set(t as TableSource, sheet);
  });
  const ctx: TableContext = { src: plan, paths, sheets: resolvedSheets, findings: [] };
  const budgetPaths = new Map<BudgetLineSource[], Path>();
  eachBudget(p, [], (b, at) => budgetPaths.set(b as BudgetLineSource[], [...at]));
  const place = (at: Path): Where => ({ file: plan.file, ...plan.positions.valueAt(at), path: pathToString(at) });
  const parts: Parts = {
    table: (t) => (t === undefined ? undefined : normalizeTable(t, ctx)),
    budget: (v) => (v === undefined ? undefined : budget(v, budgetPaths.get(v) ?? [], place)),
  };
  const normalized: NormalizedPlan = {
    file: plan.file,
    agency: {
      parent: lines(co.chu_quan),
      lines: lines(co.ten),
      name: co.ten_goi !== undefined ? oneLine(co.ten_goi) : lines(co.ten).join(" "),
      abbreviation: oneLine(co.viet_tat!),
      place: oneLine(co.dia_danh!),
    },
    // digits as typed ("0129" stays 0129); only a single digit takes the Decree's leading 0
    number: p.so === undefined ? undefined : p.so.padStart(2, "0"),
    date: parseDate(p.ngay),
    summary: p.trich_yeu ?? "",
    summaryInSentence: p.trich_yeu_trong_cau,
    decree: own.quyet_dinh && {
      number: own.quyet_dinh.so?.padStart(2, "0"),
      date: parseDate(own.quyet_dinh.ngay),
      code: own.quyet_dinh.ky_hieu ?? `QĐ-${oneLine(co.viet_tat!)}`,
      issuer: own.quyet_dinh.cua !== undefined ? oneLine(own.quyet_dinh.cua) : co.ten_goi !== undefined ? oneLine(co.ten_goi) : lines(co.ten).join(" "),
    },
    preamble,
    sections: (p.noi_dung ?? []).map((s, i) => section(s, i, planLevels, parts)),
    closingSentence: p.ket_thuc,
    signer: signer(oneLineEach(p.nguoi_ky) ?? {}),
    recipients,
    typedArchive,
    archive: archive(oneLineEach(p.luu) ?? {}),
    appendices: (p.phu_luc ?? []).map((a, i) => ({
      numeral: numerals ? roman(i + 1) : "",
      titleLines: lines(a.tieu_de),
      paragraphs: list(a.doan),
      table: parts.table(a.bang),
      items: appendixItems(a, planLevels, parts),
      landscape: a.ngang === true,
      taskTable: a.bang_nhiem_vu,
      reference: a.kem_theo !== undefined ? oneLine(a.kem_theo).trim() : undefined,
    })),
    appendixReference: { issuer: p.kem_theo?.cua !== undefined ? oneLine(p.kem_theo.cua) : undefined, numericDate: p.kem_theo?.ngay === "so" },
    eSign: p.ky_so === true,
    templatesDir,
  };
  if (hasErrors(ctx.findings)) return { findings: [...findings, ...ctx.findings] };
  return { plan: normalized, findings };
}
