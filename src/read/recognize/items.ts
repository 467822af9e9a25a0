/**
 * The body of a plan: lines with their markers (I., 1., 1.1., a), a., -, +, typed or Word's
 * automatic labels) into sections and items at every depth. Numbers and letters are not kept:
 * they come back from the structure; where the original's differ from what kehoach generates, a
 * note says what the original had.
 */
import type { BudgetLineSource, ItemObject, ItemSource, TableRowSource, Marker, TableCellSource, TableSource, TaskFieldSource } from "../../model/plan.js";
import type { ImportedTable } from "../../model/imported.js";
import { defaultMarker, label as markerLabel, letter, roman } from "../../normalize/numbering.js";
import { addDigits } from "../../digits.js";
import { escapeText, runsText, type Line, type NoteIds } from "./lines.js";
import { REQUEST, TASK_FIELDS, TASK_LABEL } from "./words.js";
import { importMessages as m } from "../../messages/import.js";
import { STYLE_NAMES } from "../../messages/styles.js";

export type Kind = "roman" | "so" | "so_cap" | "chu" | "chu_cham" | "gach" | "cong";

export interface Marked {
  kind: Kind;
  /** The label as the original printed it ("III.", "c)", "1.2."). */
  label: string;
  /** For so_cap, how many numbers ("1.2." is 2). */
  depth: number;
  /** The number or letter's value, for the check. */
}

const MARK = /^(?:([IVXLC]+)\.|(\d{1,3}(?:\.\d{1,3})+)\.?|(\d{1,3})[.)]|([a-zđ])\)|([a-zđ])\.|([-–—•])|(\+))(?=\s|$)/u;

/** The marker a line starts with (its automatic label, or typed), and the text after it. */
export function markerOf(line: Line): { mark: Marked; text: string } | undefined {
  const classify = (s: string): Marked | undefined => {
    const m = MARK.exec(s);
    if (!m) return undefined;
    const label = m[0];
    if (m[1]) return { kind: "roman", label, depth: 1 };
    if (m[2]) return { kind: "so_cap", label: label.endsWith(".") ? label : label + ".", depth: m[2].split(".").length };
    if (m[3]) return { kind: "so", label, depth: 1 };
    if (m[4]) return { kind: "chu", label, depth: 1 };
    if (m[5]) return { kind: "chu_cham", label, depth: 1 };
    if (m[6]) return { kind: "gach", label, depth: 1 };
    return { kind: "cong", label, depth: 1 };
  };
  if (line.label) {
    const mark = classify(line.label.trim());
    return mark ? { mark, text: line.text } : undefined;
  }
  const mark = classify(line.plain);
  if (!mark) return undefined;
  // "a. " is a letter only when a sentence follows; "I." as a word ("I. MỤC …") is a section
  return { mark, text: stripLead(line.text, mark.label) };
}

/** The text without its typed label, keeping any mark that opens before it ("**1. Mục đích**" → "**Mục đích**"). */
function stripLead(text: string, label: string): string {
  const open = /^(\*{1,3})/.exec(text)?.[1] ?? "";
  let rest = text.slice(open.length);
  const escaped = escapeText(label);
  if (rest.startsWith(escaped)) rest = rest.slice(escaped.length);
  else if (rest.startsWith(label)) rest = rest.slice(label.length);
  rest = rest.replace(/^\s+/, "");
  // "**1.** Trên cơ sở …": the mark closed right after the label
  if (open && rest.startsWith(open)) return rest.slice(open.length).replace(/^\s+/, "");
  return open && rest ? open + rest : rest;
}

export interface Node {
  mark: Marked;
  line: Line;
  text: string;
  /** Unmarked paragraphs under the item's own text, before its children. */
  paras: Line[];
  children: (Node | { insert: Line })[];
  tables: ImportedTable[];
}

/** A note at a place of the plan: `at` is the object or list that will hold the node, `key` its key there. */
export interface Note {
  at: object;
  key: string | number;
  text: string;
}

export interface BodyContext {
  notes: Note[];
  /** Lines kept as text though not recognised, for the report. */
  unrecognised: string[];
  /** Whether the document says what is bold (Word, Markdown), so a plain heading is plain on purpose. */
  rich: boolean;
  /**
   * Task labels printed by the office's own templates (nhiem-vu-phoi-hop.hbs "Cơ quan, đơn vị phối hợp
   * thực hiện: …"), by template; undefined where the plan cannot bring templates (an office profile was found).
   */
  templates?: Partial<Record<TaskKey, string>>;
  /** The footnotes cited again, by their bookmark (lines.ts noteIds). */
  noteIds: NoteIds;
  /** Each table's section text width in twips, when the document gives it. */
  tableWidths: Map<ImportedTable, number>;
  /** The widths kehoach would measure for a table over that width (write/table.ts), when the caller can say. */
  measured?: (t: ImportedTable, available: number) => number[];
}

/**
 * The relative widths (do_rong) that kehoach turns back into exactly these twips over `available`
 * (write/table.ts: floor(w / sum * available)): the smallest whole numbers that do, each at most 100.
 */
export function relativeWidths(grid: readonly number[], available: number): number[] | undefined {
  const n = grid.length;
  // plain loops, no arrays made for a total that fails: a clerk's table may try every one of the 100·n totals, run once and cold
  const lo: number[] = new Array<number>(n);
  const hi: number[] = new Array<number>(n);
  totals: for (let total = n; total <= 100 * n; total++) {
    // w_i in [g_i·T/A, (g_i+1)·T/A): the least of each, then what the total lacks where there is room
    let rest = total;
    for (let i = 0; i < n; i++) {
      const g = grid[i]!;
      lo[i] = Math.max(1, Math.ceil((g * total) / available));
      hi[i] = Math.min(100, Math.ceil(((g + 1) * total) / available) - 1);
      rest -= lo[i]!;
    }
    if (rest < 0) continue;
    for (let i = 0; i < n; i++) if (lo[i]! > hi[i]!) continue totals;
    const w = [...lo];
    for (let i = 0; i < n && rest > 0; i++) {
      const add = Math.min(rest, hi[i]! - w[i]!);
      w[i]! += add;
      rest -= add;
    }
    if (rest !== 0) continue;
    let same = true;
    for (let i = 0; i < n && same; i++) same = Math.floor((w[i]! / total) * available) === grid[i];
    if (same) return w;
  }
  return undefined;
}

/** Lines of one section (or Phụ lục) into its paragraphs before the items, and the item tree. */
export function parseItems(lines: Line[]): { paras: Line[]; tables: ImportedTable[]; items: (Node | { insert: Line })[] } {
  const top: (Node | { insert: Line })[] = [];
  const paras: Line[] = [];
  const tables: ImportedTable[] = [];
  const stack: Node[] = [];
  const sameLevel = (a: Marked, b: Marked): boolean => a.kind === b.kind && (a.kind !== "so_cap" || a.depth === b.depth);
  for (const line of lines) {
    if (line.table) {
      const host = stack[stack.length - 1];
      if (host) host.tables.push(line.table);
      else tables.push(line.table);
      continue;
    }
    const m = markerOf(line);
    if (!m || m.mark.kind === "roman" || !m.text.trim()) {
      const host = stack[stack.length - 1];
      if (!host) {
        // after the part's table the paragraph stays after it: an unnumbered entry of the list (kehoach prints doan before bang)
        if (top.length || tables.length) top.push({ insert: line });
        else paras.push(line);
      } else if (host.children.length === 0 && host.tables.length === 0) host.paras.push(line);
      else host.children.push({ insert: line });
      continue;
    }
    const node: Node = { mark: m.mark, line, text: m.text, paras: [], children: [], tables: [] };
    let k = stack.length - 1;
    while (k >= 0 && !sameLevel(stack[k]!.mark, m.mark)) k--;
    if (k >= 0) stack.length = k;
    const parent = stack[stack.length - 1];
    (parent ? parent.children : top).push(node);
    stack.push(node);
  }
  return { paras, tables, items: top };
}

const MARKERS: Record<Exclude<Kind, "roman">, Marker> = { so: "so", so_cap: "so_cap", chu: "chu", chu_cham: "chu_cham", gach: "gach", cong: "cong" };

/** The typed label as kehoach would print it, to compare ("-" for any dash). */
function normalLabel(m: Marked): string {
  if (m.kind === "gach") return "-";
  if (m.kind === "so") return m.label.replace(/\)$/, ".");
  return m.label;
}

/** The font size every run of a table sets itself (kehoach's co_chu), in points. */
export function tableFontSize(t: ImportedTable): number | undefined {
  let size: number | undefined;
  for (const row of t.rows)
    for (const cell of row)
      for (const p of cell.blocks)
        for (const r of p.runs) {
          // a note's mark keeps the footnote style's size
          if (!r.text.trim() || r.cite !== undefined) continue;
          if (r.size === undefined || (size !== undefined && r.size !== size)) return undefined;
          size = r.size;
        }
  return size;
}

const LEVEL_OF: [RegExp, number][] = [[/^\d+$/, 1], [/^\d+\.\d+$/, 2], [/^\d+\.\d+\.\d+$/, 3], [/^[a-zđ]$/u, 4]];

/**
 * A TT column kehoach numbers by structure (tt: so_cap: 1, 1.1, 1.1.1, a …, centred): the rows'
 * levels (cap) and group rows (loai: nhom, bold, their text over the other columns) instead of the
 * typed numbers. Undefined when the column is not exactly that numbering.
 */
function levelNumbered(out: TableSource, t: ImportedTable): TableSource | undefined {
  const cot = out.cot ?? [];
  const rows = (out.dong ?? []) as TableCellSource[][];
  if (Array.isArray(cot[0]) || typeof cot[0] !== "string" || !/^S?TT$/iu.test(cot[0]) || !rows.length) return undefined;
  const body = t.rows.slice(t.rows.length - rows.length);
  const counts = [0, 0, 0, 0];
  const levels: number[] = [];
  for (const [i, row] of rows.entries()) {
    const first = row[0];
    if (typeof first !== "string" || body[i]?.[0]?.blocks[0]?.align !== "center") return undefined;
    const tt = unbold(first.trim());
    const level = LEVEL_OF.find(([re]) => re.test(tt))?.[1];
    if (!level || level > levels.length + 1 || (levels.length && level > levels[levels.length - 1]! + 1)) return undefined;
    counts[level - 1]!++;
    counts.fill(0, level);
    if (tt !== (level === 4 ? letter(counts[3]! - 1) : counts.slice(0, level).join("."))) return undefined;
    levels.push(level);
  }
  const columns = cot.length;
  const dong: TableRowSource[] = rows.map((row, i) => {
    const rest = row.slice(1);
    const cap = levels[i]! > 1 ? { cap: levels[i]! } : {};
    const only = rest[0];
    if (rest.length === 1 && typeof only === "object" && only.gop_cot === columns - 1 && !only.gop_dong && /^\*\*[^*]+\*\*$/.test(only.noi_dung) && /^\*\*/.test(row[0] as string)) {
      return { loai: "nhom" as const, ...cap, o: [{ noi_dung: unbold(only.noi_dung), gop_cot: only.gop_cot }] };
    }
    return levels[i]! > 1 ? { ...cap, o: rest } : rest;
  });
  return { tt: "so_cap", cot, dong };
}

export function tableSource(t: ImportedTable, ctx: BodyContext): TableSource {
  let out = tableCells(t, ctx.noteIds);
  out = levelNumbered(out, t) ?? out;
  const size = tableFontSize(t);
  // what co_chu can say (11 to 13 by half points); 13 is the tables' own size
  if (size !== undefined && size >= 11 && size < 13 && Number.isInteger(size * 2)) out.co_chu = size;
  const available = ctx.tableWidths.get(t);
  if (t.widths && available !== undefined) {
    const measured = ctx.measured?.(t, available);
    // widths kehoach measures itself need no do_rong
    if (!measured || measured.some((w, i) => w !== t.widths![i])) {
      const rel = relativeWidths(t.widths, available);
      if (rel) out.do_rong = rel;
    }
  }
  return out;
}

const AMOUNT = /^(?:[0-9]{1,3}(?:\.[0-9]{3})*|[0-9]{1,16})$/;
const unbold = (s: string): string => (/^\*\*[^*]+\*\*$/.test(s) ? s.slice(2, -2) : s);
const digitsOf = (s: string): string => s.replace(/\./g, "").replace(/^0+(?=\d)/, "");

/**
 * A budget table as kehoach's du_toan prints it, or as a clerk types one with the same columns:
 * TT | Nội dung | Số tiền (đồng) [| Nguồn kinh phí], lines numbered 1, 2 … (a group's lines 1.1, 1.2 …),
 * a last row "Tổng cộng" with the sum. Amounts stay as typed; a group's is left out when it is its
 * lines' sum (kehoach adds it up). Anything else (numbers out of order, a wrong total) stays a table.
 */
export function budgetSource(t: ImportedTable, ctx: BodyContext): BudgetLineSource[] | undefined {
  const table = tableCells(t, ctx.noteIds);
  const head = (table.cot ?? []).map((c) => (typeof c === "string" ? c : "").trim());
  if (head.length < 3 || head.length > 4 || !/^S?TT$/iu.test(head[0]!) || !/^Nội dung/iu.test(head[1]!) || !/^(Số tiền|Kinh phí|Dự toán)/iu.test(head[2]!)) return undefined;
  if (head.length === 4 && !/^Nguồn/iu.test(head[3]!)) return undefined;
  // tableCells gives rows as lists of cells
  const rows = (table.dong ?? []) as TableCellSource[][];
  const last = rows[rows.length - 1];
  const totalCell = last?.[0];
  if (!last || rows.length < 2 || !/^Tổng( cộng)?$/iu.test(unbold(typeof totalCell === "string" ? totalCell : (totalCell?.noi_dung ?? "")).trim())) return undefined;
  const lines: BudgetLineSource[] = [];
  const path: { line: BudgetLineSource; list: BudgetLineSource[]; typed: string }[] = [];
  for (const row of rows.slice(0, -1)) {
    if (row.length !== head.length || row.some((c) => typeof c !== "string")) return undefined;
    const [tt, text, amount, source] = (row as string[]).map((c) => unbold(c.trim()));
    const num = /^(\d{1,3}(?:\.\d{1,3})*)\.?$/.exec(tt!)?.[1]?.split(".");
    if (!num || !text || !AMOUNT.test(amount!)) return undefined;
    // depth and number as kehoach numbers them: 1, 2 … and under a group 1.1, 1.2 …
    if (num.length > path.length + 1) return undefined;
    path.length = num.length - 1;
    const list = num.length === 1 ? lines : (path[path.length - 1]!.line.cac_dong ??= []);
    if (Number(num[num.length - 1]) !== list.length + 1 || num.slice(0, -1).join(".") !== path.map((p) => String(p.list.indexOf(p.line) + 1)).join(".")) return undefined;
    const line: BudgetLineSource = { noi_dung: text, so_tien: amount! };
    if (source) line.nguon = source;
    list.push(line);
    path.push({ line, list, typed: amount! });
  }
  // a group's amount: left out when it is the sum of its lines
  const settle = (list: BudgetLineSource[]): string => {
    let total = "0";
    for (const l of list) {
      if (l.cac_dong) {
        const sum = settle(l.cac_dong);
        if (digitsOf(String(l.so_tien)) === sum) delete l.so_tien;
        total = addDigits(total, l.so_tien === undefined ? sum : digitsOf(String(l.so_tien)));
      } else total = addDigits(total, digitsOf(String(l.so_tien)));
    }
    return total;
  };
  const sum = settle(lines);
  const totalAmount = last.find((c, i) => i > 0 && typeof c === "string" && c.trim());
  if (typeof totalAmount !== "string" || digitsOf(unbold(totalAmount.trim())) !== sum) return undefined;
  return lines;
}

function tableCells(t: ImportedTable, ids: NoteIds): TableSource {
  const cellText = (blocks: ImportedTable["rows"][number][number]["blocks"]): string =>
    blocks.map((p) => (p.label ? escapeText(p.label) + " " : "") + runsText(p.runs, {}, undefined, ids).trim()).filter(Boolean).join("\n\n");
  const rows: TableCellSource[][] = t.rows.map((row) =>
    row.map((c) => {
      const text = cellText(c.blocks);
      if (c.colSpan === 1 && c.rowSpan === 1) return text;
      const cell: { noi_dung: string; gop_cot?: number; gop_dong?: number } = { noi_dung: text };
      if (c.colSpan > 1) cell.gop_cot = c.colSpan;
      if (c.rowSpan > 1) cell.gop_dong = c.rowSpan;
      return cell;
    }),
  );
  const head = Math.max(1, Math.min(t.headerRows, rows.length - 1));
  // header cells are bold by the table's own look: their marks are not the clerk's
  for (const row of rows.slice(0, head)) {
    row.forEach((c, k) => {
      const bare = (s: string): string => (/^\*\*[^*]+\*\*$/.test(s) ? s.slice(2, -2) : s);
      row[k] = typeof c === "string" ? bare(c) : { ...c, noi_dung: bare(c.noi_dung) };
    });
  }
  // a table of one row: kehoach's tables have a header, here of blank cells
  if (rows.length <= 1) return { cot: (rows[0] ?? [""]).map(() => ""), dong: [rows[0] ?? [""]] };
  return { cot: head === 1 ? rows[0]! : rows.slice(0, head), dong: rows.slice(head) };
}

const endsSentence = (s: string): boolean => /[.;!?…]["”)]?$/u.test(s.trim());

/** The marker a list's entries share, and the check of each entry's label. */
function listMarker(nodes: Node[]): Marker {
  return MARKERS[(nodes[0]?.mark.kind ?? "so") as Exclude<Kind, "roman">] ?? "so";
}

type TaskKey = "chu_tri" | "phoi_hop" | "thoi_gian";
const TASK_ROLES: [TaskKey, RegExp][] = [["chu_tri", /chủ trì/iu], ["phoi_hop", /phối hợp/iu], ["thoi_gian", /thời gian|thời hạn/iu]];

/**
 * Task lines printed in one run each, as kehoach prints chu_tri, phoi_hop and thoi_gian, in that
 * order: their keys; a label other than kehoach's own is the office's template (ctx.templates),
 * the same label every time. Undefined when they are not.
 */
function templateKeys(fields: TaskFieldSource[], ctx: BodyContext): TaskKey[] | undefined {
  const keys: TaskKey[] = [];
  const wanted: Partial<Record<TaskKey, string>> = {};
  for (const f of fields) {
    if (f.gach !== undefined || f.sau_cac_y !== undefined) return undefined;
    const key = TASK_FIELDS[f.nhan] ?? TASK_ROLES.find(([, re]) => re.test(f.nhan))?.[0];
    if (!key || keys.includes(key) || (keys.length && TASK_ROLES.findIndex(([k]) => k === key) < TASK_ROLES.findIndex(([k]) => k === keys[keys.length - 1]))) return undefined;
    keys.push(key);
    // one label a key throughout the plan: kehoach's own, or the office's template
    if (ctx.templates?.[key] !== undefined ? ctx.templates[key] !== f.nhan : TASK_FIELDS[f.nhan] !== key && !ctx.templates) return undefined;
    wanted[key] = f.nhan;
  }
  Object.assign(ctx.templates ?? {}, wanted);
  return keys;
}

/** A task's line typed without a dash, its label in italic or bold: "*Đơn vị chủ trì thực hiện:* Ban Quản lý …". */
function undashedField(text: string): TaskFieldSource | undefined {
  const m = /^(\*{1,2})([^*]{2,80}?:)\1\s+([\s\S]+)$/u.exec(text);
  if (!m || !TASK_LABEL.test(m[2]!)) return undefined;
  return { nhan: m[1]! + m[2]! + m[1]!, noi_dung: m[3]!, gach: false };
}

/**
 * A task's lines: paragraphs under its text that are all undashed fields, then dashed fields
 * ("- Cơ quan chủ trì: …"); one dashed line may hold the task's sub-items (a), b) …), and the lines
 * after those items are printed after them (sau_cac_y). What is left of the node is returned.
 */
function taskFields(node: Node): { fields: TaskFieldSource[]; paras: Line[]; items: (Node | { insert: Line })[]; oneRun?: boolean } | undefined {
  const undashed = node.paras.map((p) => undashedField(p.text));
  const before = undashed.length && undashed.every((f) => f !== undefined) ? (undashed as TaskFieldSource[]) : [];
  const paras = before.length ? [] : node.paras;
  const dashed = dashedFields(node.children);
  if (dashed) return { fields: [...before, ...dashed.fields], paras, items: dashed.items, oneRun: !before.length && dashed.oneRun };
  return before.length ? { fields: before, paras, items: node.children } : undefined;
}

function dashedFields(children: (Node | { insert: Line })[]): { fields: TaskFieldSource[]; items: (Node | { insert: Line })[]; oneRun: boolean } | undefined {
  const fields: TaskFieldSource[] = [];
  // a Word document's task lines may be the office's templates (the reader joins runs of one look, so
  // kehoach's truong, label and text in two runs, reads the same: its labels match no role in order)
  let oneRun = true;
  let known = false;
  let items: (Node | { insert: Line })[] = [];
  for (const c of children) {
    if ("insert" in c || c.paras.length || c.tables.length || (c.mark.kind !== "gach" && c.mark.kind !== "cong")) return undefined;
    const m = /^([^:]{2,80}?):\s+([\s\S]+)$/u.exec(c.text);
    if (!m || /\*/.test(m[1]!)) return undefined;
    if (TASK_LABEL.test(m[1]!)) known = true;
    const field: TaskFieldSource = { nhan: m[1]!, noi_dung: m[2]! };
    if (!c.line.runTexts) oneRun = false;
    if (items.length) field.sau_cac_y = true;
    if (c.children.length) {
      if (items.length) return undefined;
      items = c.children;
    }
    fields.push(field);
  }
  return known && fields.length ? { fields, items, oneRun } : undefined;
}

/**
 * An item of the tree as the plan writes it. `depth` is the item's level (1 = khoản); `units`
 * whether it stands in Tổ chức thực hiện, where "1. Phòng Nội vụ: …" names a unit.
 */
/** The office's templates the plan's task lines need (labels other than kehoach's own), by template file name. */
export function taskTemplates(ctx: BodyContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, label] of Object.entries(ctx.templates ?? {})) {
    if (TASK_FIELDS[label] !== key) out[`nhiem-vu-${key.replace("_", "-")}.hbs`] = `${label}: {{loi_van}}`;
  }
  return out;
}

export function itemSource(node: Node, depth: number, units: boolean, ctx: BodyContext, generated: string): ItemSource {
  const obj: ItemObject = {};
  const text = node.text.trim();
  const hasBody = node.paras.length > 0 || node.children.length > 0 || node.tables.length > 0;
  const task = taskFields(node);
  const fields = task?.fields;
  if (task) node = { ...node, paras: task.paras, children: task.items };
  const paraTexts = node.paras.map((p) => p.text);
  const childNodes = node.children.filter((c): c is Node => !("insert" in c));
  const unit = units && depth === 1 ? /^(\*\*)?([^:]{2,160}?):(\*\*)?(?:\s+([\s\S]*))?$/u.exec(text) : null;
  // kehoach's own styles say it outright; otherwise a bold line, or a short one that ends in ":" or in no mark
  const styled = node.line.style === STYLE_NAMES.titled ? true : node.line.style === STYLE_NAMES.item ? false : undefined;
  const heading = styled ?? (node.line.bold || (text.endsWith(":") && text.length < 200) || (!endsSentence(text) && !text.endsWith(",") && text.length < 160 && hasBody && !node.line.italic));
  const lead = node.line.boldLead !== undefined ? stripLead(node.line.boldLead.trim(), node.mark.label) : "";
  if (units && depth === 1 && lead && !/[:.]$/.test(lead) && text.startsWith(`**${lead}**`)) {
    // "1. **Sở Y tế** chủ trì …": the unit's name in bold, no colon
    let name = lead;
    if (REQUEST.test(name)) {
      obj.de_nghi = true;
      name = name.replace(REQUEST, "");
    }
    obj.don_vi = name;
    obj.hai_cham = false;
    const rest = text.slice(lead.length + 4).trim();
    obj.doan = paraTexts.length ? [rest, ...paraTexts] : rest;
  } else if (unit && !/[.;]\s/.test(unit[2]!)) {
    let name = unit[2]!;
    if (REQUEST.test(name)) {
      obj.de_nghi = true;
      name = name.replace(REQUEST, "");
    }
    obj.don_vi = name;
    if (unit[4]) obj.doan = unit[4];
    else if (paraTexts.length) {
      obj.xuong_dong = true;
      obj.doan = paraTexts.length === 1 ? paraTexts[0]! : paraTexts;
    }
    if (unit[4] && paraTexts.length) obj.doan = [unit[4], ...paraTexts];
  } else if (node.line.boldLead && /[:.]\s*$/.test(node.line.boldLead) && !node.line.label && stripLead(node.line.boldLead.trim(), node.mark.label)) {
    // "**Mục tiêu chung:** Đến năm 2030 …": a run-in heading
    const lead = node.line.boldLead.trim();
    const rest = text.replace(/^\*\*[\s\S]*?\*\*\s*/, "");
    obj.tieu_de = stripLead(lead, node.mark.label);
    obj.tieu_de_cung_dong = true;
    obj.doan = paraTexts.length ? [rest, ...paraTexts] : rest;
  } else if (heading && (hasBody || node.line.bold || styled)) {
    obj.tieu_de = node.line.bold ? text.replace(/^\*\*|\*\*$/g, "") : text;
    if (node.line.italic) obj.tieu_de = obj.tieu_de.replace(/^\*|\*$/g, "");
    if (node.line.italic && node.line.bold) obj.kieu_tieu_de = "dam_nghieng";
    else if (node.line.italic) obj.kieu_tieu_de = "nghieng";
    else if (node.line.bold && node.line.upright) obj.kieu_tieu_de = "dam";
    else if (ctx.rich && !node.line.bold && (!node.line.style || styled)) obj.kieu_tieu_de = "thuong";
    if (paraTexts.length) obj.doan = paraTexts.length === 1 ? paraTexts[0]! : paraTexts;
  } else {
    // "**1.** Trên cơ sở …": only the number in bold
    if (node.line.boldLead !== undefined && node.line.boldLead.trim() === node.mark.label) obj.kieu_so = "dam";
    if (!paraTexts.length && !node.children.length && !node.tables.length && !obj.kieu_so && !fields) return text;
    obj.doan = paraTexts.length ? [text, ...paraTexts] : text;
  }
  if (fields) {
    const keys = task!.oneRun ? templateKeys(fields, ctx) : undefined;
    const named = keys !== undefined || fields.every((f) => TASK_FIELDS[f.nhan] !== undefined && f.gach === undefined && f.sau_cac_y === undefined);
    if (named) fields.forEach((f, i) => ((obj as Record<string, unknown>)[keys?.[i] ?? TASK_FIELDS[f.nhan]!] = f.noi_dung));
    else obj.truong = fields;
  }
  if (node.children.length) {
    const marker = listMarker(childNodes);
    const expected = defaultMarker(depth + 1, generated);
    if (marker !== expected) obj.danh_dau = marker;
    obj.cac_y = itemList(node.children, depth + 1, units, ctx, marker, generated);
  }
  if (node.tables.length) {
    const budget = budgetSource(node.tables[0]!, ctx);
    if (budget) obj.du_toan = budget;
    else obj.bang = tableSource(node.tables[0]!, ctx);
    if (node.tables.length > 1) {
      for (const t of node.tables.slice(1)) {
        ctx.unrecognised.push(t.rows.map((r) => r.map((c) => c.blocks.map((b) => runsText(b.runs, {})).join(" ")).join(" | ")).join(" / "));
      }
      ctx.notes.push({ at: obj, key: "bang", text: m.kiemTra(m.extraTables(String(node.tables.length))) });
    }
  }
  return obj;
}

/** A list of items (and unnumbered paragraphs between them), with notes where the original numbered otherwise. */
export function itemList(entries: (Node | { insert: Line })[], depth: number, units: boolean, ctx: BodyContext, marker: Marker, parentLabel: string): ItemSource[] {
  const out: ItemSource[] = [];
  let index = 0;
  for (const e of entries) {
    if ("insert" in e) {
      out.push({ doan_chen: e.insert.text });
      continue;
    }
    const generated = markerLabel(marker, index, parentLabel);
    const typed = normalLabel(e.mark);
    out.push(itemSource(e, depth, units, ctx, generated));
    if (marker !== "gach" && marker !== "cong" && typed !== generated && !(marker === "so_cap" && typed.endsWith(`${index + 1}.`))) {
      ctx.notes.push({ at: out, key: out.length - 1, text: m.banGoc(e.mark.label) });
    }
    index++;
  }
  return out;
}

/** A section's Roman numeral check. */
export function romanNote(typed: string, index: number): boolean {
  return typed.replace(/\.$/, "") !== roman(index + 1);
}

