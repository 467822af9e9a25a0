/**
 * Render stage: the normalized plan and the templates become the document model, in which
 * every word is final. Presentation is left to the write stage.
 */
import type { Block, DocumentModel, Emphasis, Paragraphs, Run, TableBlock, TableCellBlock } from "../model/document.js";
import type { BudgetLine, Item, NormalizedPlan, PlanDate, Table, TableCell, TaskField, TypeStyle } from "../model/normalized.js";
import { append } from "../lists.js";
import { addDigits, groupDigits } from "../digits.js";
import { endingMark } from "../normalize/punctuation.js";
import { summaryInSentence } from "../normalize/sentences.js";
import { isNoteMark, paragraphs, plain, titleLines } from "./inline.js";
import { resolveNoteCitations } from "./notes.js";
import { roman } from "../normalize/numbering.js";
import type { TaskTableMode } from "../model/plan.js";

/** The task annex's column titles of the named task keys (a typed truong's column is titled with its label). */
const TASK_COLUMN_TEMPLATES = { chu_tri: "bang-nhiem-vu-chu-tri", phoi_hop: "bang-nhiem-vu-phoi-hop", thoi_gian: "bang-nhiem-vu-thoi-gian" } as const;
import type { Templates } from "./templates.js";

import { archiveData, signerData, wrapped, type CommonData, type TemplateExtras, type TemplateName } from "./template-data.js";
export { loadTemplates, TemplateError } from "./templates.js";
export type { Templates } from "./templates.js";

/** The office template that labels each named task key. */
const TASK_TEMPLATES = { chu_tri: "nhiem-vu-chu-tri", phoi_hop: "nhiem-vu-phoi-hop", thoi_gian: "nhiem-vu-thoi-gian" } as const;

const upper = (s: string): string => s.toLocaleUpperCase("vi");

/** Header date parts: day below 10 and months 1, 2 take a leading 0 (Decree 30, Phụ lục I II.4.b). */
function headerDate(d: PlanDate): { ngay?: string; thang?: string; nam?: string } {
  return {
    ngay: d.day ? String(d.day).padStart(2, "0") : undefined,
    thang: d.month ? (d.month <= 2 ? String(d.month).padStart(2, "0") : String(d.month)) : undefined,
    nam: d.year ? String(d.year) : undefined,
  };
}

/** "25/11/2025" as the "Kèm theo" line may write it; a blank part stays a blank for the văn thư. */
function numericDate(d: PlanDate): string {
  const blank = "     ";
  return `${d.day ?? blank}/${d.month ?? blank}/${d.year ?? ""}`;
}

/** In-text dates are written d/m/yyyy, as in the seeds ("trước ngày 10/5/2025"). */
function textDate(iso: string): string {
  const [y, mo, d] = iso.split("-").map(Number);
  return `${d}/${mo}/${y}`;
}

/**
 * Adds the end mark "./." to the last run of a block, unless it is there already. A typed full
 * stop is the end mark's own; no typed mark is removed (normalize rejects ";", "," and ":" here).
 */
function endMark(runs: Run[]): void {
  const last = [...runs].reverse().find((r) => !isNoteMark(r));
  if (!last) {
    runs.push({ text: "./." });
    return;
  }
  last.text = last.text.trimEnd();
  if (!last.text.endsWith("./.")) last.text += last.text.endsWith(".") ? "/." : "./.";
}

/** Blocks of a text's paragraphs: the first made by `first`, the others body paragraphs under it. */
function led(ps: Paragraphs, first: (runs: Run[]) => Block): Block[] {
  const [head = [], ...rest] = ps;
  return [first(head), ...rest.map((runs): Block => ({ kind: "paragraph", runs }))];
}

/** Runs with a separator before them, in their first run where that is plain text. */
function prefixed(sep: string, runs: Run[]): Run[] {
  const [lead, ...tail] = runs;
  return lead && !isNoteMark(lead) && !lead.breakBefore ? [{ ...lead, text: sep + lead.text }, ...tail] : [{ text: sep }, ...runs];
}

/**
 * A heading's paragraphs with a text's paragraphs going on in its last one, after a space ("1. Phòng
 * Nội vụ: Chủ trì …"); the text's other paragraphs follow.
 */
function goOn(head: Paragraphs, text: Paragraphs): Paragraphs {
  const [more, ...others] = text;
  if (!more) return head;
  return [...head.slice(0, -1), [...(head[head.length - 1] ?? []), ...prefixed(" ", more)], ...others];
}

/** The type styles a plan may choose for a heading or a label. */
const EMPHASIS: Record<TypeStyle, Emphasis> = {
  dam: { bold: true, italic: false },
  nghieng: { bold: false, italic: true },
  dam_nghieng: { bold: true, italic: true },
  thuong: { bold: false, italic: false },
};

/** The trích yếu in running text: its lines joined by spaces. */
const summaryText = (summary: string): string => titleLines(summary).lines.join(" ");

class Renderer {
  /** What every template may use; made once per plan, not at each of its hundreds of fills. */
  private readonly data: CommonData;

  constructor(
    private readonly plan: NormalizedPlan,
    private readonly t: Templates,
  ) {
    const summary = summaryText(plan.summary);
    this.data = {
      co_quan: { ten_goi: plan.agency.name, viet_tat: plan.agency.abbreviation, dia_danh: plan.agency.place },
      so: plan.number,
      ngay: headerDate(plan.date),
      quyet_dinh: plan.decree && { so: plan.decree.number, ngay: headerDate(plan.decree.date), ngay_so: numericDate(plan.decree.date), ky_hieu: plan.decree.code, cua: plan.decree.issuer },
      ngay_so: numericDate(plan.date),
      kem_theo: { cua: plan.appendixReference.issuer, ngay_so: plan.appendixReference.numericDate },
      trich_yeu: summary,
      // the user's sentence form, else the trích yếu with its first letter lower-cased unless that
      // would split a word in capitals (normalize warns when a title in capitals needs a sentence form)
      trich_yeu_thuong: plan.summaryInSentence !== undefined ? summaryText(plan.summaryInSentence) : summaryInSentence(summary),
    };
  }

  /** Fills a template with CommonData and, for the templates of template-data.ts, their own data. */
  private fill<N extends string>(name: N, ...extra: N extends TemplateName ? [TemplateExtras[N]] : []): string {
    return this.t.render(name, extra.length ? { ...this.data, ...extra[0] } : this.data);
  }

  private table(t: Table): Block {
    const cell = (c: TableCell, bold?: boolean): TableCellBlock => ({ content: paragraphs(c.text, { bold }), colSpan: c.colSpan, rowSpan: c.rowSpan });
    const amounts = new Set(t.amountColumns);
    // TT centred and amounts right, as in the annexes offices print; the rest as typed text reads, left
    const align = t.align ?? Array.from({ length: t.columns }, (_, i) => (t.numbered && i === 0 ? "center" : amounts.has(i) ? "right" : "left"));
    return {
      kind: "table",
      header: t.header.map((r, i) => {
        const cells = r.map((c) => cell(c, true));
        // a spreadsheet's header has no TT column: its title spans the header rows
        if (i === 0 && t.headerWithoutNumber) cells.unshift({ content: paragraphs(this.fill("bang-tt"), { bold: true }), colSpan: 1, rowSpan: t.header.length });
        return cells;
      }),
      rows: t.rows.map((r) => ({ cells: r.cells.map((c) => cell(c)), bold: r.bold || undefined, italic: r.italic || undefined })),
      widths: t.widths,
      align,
      size: t.size,
    };
  }

  private budget(lines: BudgetLine[]): Block {
    const cols = this.fill("du-toan-cot").split("\n").map((s) => s.trim()).filter(Boolean);
    const anySource = (list: BudgetLine[]): boolean => list.some((l) => l.source !== undefined || (l.lines !== undefined && anySource(l.lines)));
    const withSource = anySource(lines);
    const one = (content: Paragraphs, colSpan = 1): TableCellBlock => ({ content, colSpan, rowSpan: 1 });
    const header = [(withSource ? cols : cols.slice(0, 3)).map((c) => one(paragraphs(c, { bold: true })))];
    const rows: TableBlock["rows"] = [];
    // a group's lines are numbered under it (1.1, 1.2 …) and follow it; the group row is bold, as its subtotal
    const add = (list: BudgetLine[], prefix: string): void =>
      list.forEach((l, i) => {
        const n = `${prefix}${i + 1}`;
        const row = [one(paragraphs(n)), one(paragraphs(l.text)), one(paragraphs(groupDigits(l.amount)))];
        if (withSource) row.push(one(paragraphs(l.source ?? "")));
        rows.push(l.lines ? { cells: row, bold: true } : { cells: row });
        if (l.lines) add(l.lines, `${n}.`);
      });
    add(lines, "");
    const total = lines.reduce((s, l) => addDigits(s, l.amount), "0");
    // "Tổng cộng" over the TT and text columns, as real budget annexes print it
    const totalRow = [one(paragraphs(this.fill("du-toan-tong"), { bold: true }), 2), one(paragraphs(groupDigits(total), { bold: true }))];
    if (withSource) totalRow.push(one(paragraphs("")));
    rows.push({ cells: totalRow, bold: true });
    const align: TableBlock["align"] = ["center", "left", "right"];
    if (withSource) align.push("left");
    return { kind: "table", header, rows, align };
  }

  /**
   * Items as the task annex table: TT | Nội dung thực hiện | one column per task field any item has.
   * An item with sub-items and no task fields of its own is a group row (I, II …, its title over the
   * other columns); tasks are numbered 1, 2 … restarting in each group, their own sub-items 1.1, 1.2.
   * A table or budget inside an item follows the task table, so nothing typed is left out.
   */
  private taskTable(items: Item[]): Block[] {
    // columns: the named keys present, in their order, then each typed truong label in order of first use
    const named = new Set<string>();
    const typed = new Map<string, number>();
    const seen = (list: Item[]): void =>
      list.forEach((it) => {
        for (const f of it.fields) {
          if (f.key !== "truong") named.add(f.key);
          else if (!typed.has(f.label ?? "")) typed.set(f.label ?? "", typed.size);
        }
        seen(it.children);
      });
    seen(items);
    const namedKeys = (["chu_tri", "phoi_hop", "thoi_gian"] as const).filter((k) => named.has(k));
    const columnOf = (f: TaskField): number => (f.key === "truong" ? namedKeys.length + typed.get(f.label ?? "")! : namedKeys.indexOf(f.key));
    const width = namedKeys.length + typed.size;
    const one = (content: Paragraphs, colSpan = 1): TableCellBlock => ({ content, colSpan, rowSpan: 1 });
    const header = [
      [
        one(paragraphs(this.fill("bang-tt"), { bold: true })),
        one(paragraphs(this.fill("bang-nhiem-vu-noi-dung"), { bold: true })),
        ...namedKeys.map((k) => one(paragraphs(this.fill(TASK_COLUMN_TEMPLATES[k]), { bold: true }))),
        ...[...typed.keys()].map((label) => one(paragraphs(label, { bold: true }))),
      ],
    ];
    const rows: TableBlock["rows"] = [];
    const after: Block[] = [];
    const content = (it: Item): Paragraphs => {
      const out: Paragraphs = [];
      if (it.title !== undefined) append(out, paragraphs(it.title, { bold: true }));
      if (it.unit !== undefined) append(out, paragraphs(it.propose ? this.fill("don-vi", { don_vi: it.unit, de_nghi: true, hai_cham: false }) : it.unit, { bold: true }));
      it.paragraphs.forEach((p, i) => {
        const text = i === 0 && it.deadline ? this.fill("han", { ...wrapped(p.trimEnd()), han: textDate(it.deadline) }) : p;
        append(out, paragraphs(text));
      });
      return out;
    };
    const extras = (it: Item): void => {
      if (it.budget) after.push(this.budget(it.budget));
      if (it.table) after.push(this.table(it.table));
    };
    const task = (it: Item, label: string): void => {
      // a field typed twice under one label: both, as paragraphs of its cell
      const cells: Paragraphs[] = Array.from({ length: width }, () => []);
      for (const f of it.fields) append(cells[columnOf(f)]!, paragraphs(f.text.trim()));
      rows.push({ cells: [one(paragraphs(label)), one(content(it)), ...cells.map((c) => one(c))] });
      extras(it);
      it.children.forEach((c, i) => task(c, `${label}.${i + 1}`));
    };
    let group = 0;
    let n = 0;
    for (const it of items) {
      if (it.children.length && !it.fields.length) {
        rows.push({ cells: [one(paragraphs(roman(++group))), one(content(it), 1 + width)], bold: true });
        extras(it);
        it.children.forEach((c, i) => task(c, String(i + 1)));
        n = 0;
      } else task(it, String(++n));
    }
    const table: TableBlock = { kind: "table", header, rows, align: ["center", "left", ...Array.from({ length: width }, (): "left" => "left")] };
    return [table, ...after];
  }

  /** A section's or Phụ lục's items: prose, the task table, or both. */
  private items(items: Item[], mode: TaskTableMode | undefined): Block[] {
    const out: Block[] = [];
    if (mode !== "thay") for (const it of items) append(out, this.item(it));
    if (mode) append(out, this.taskTable(items));
    return out;
  }

  private paragraphs(texts: string[]): Block[] {
    return texts.flatMap((t) => paragraphs(t).map((runs): Block => ({ kind: "paragraph", runs })));
  }

  private item(it: Item): Block[] {
    if (it.insert) return this.paragraphs(it.paragraphs);
    const out: Block[] = [];
    const [first, ...rest] = it.paragraphs;
    // parsed only where a heading goes on in it (a plain item parses it with its deadline)
    const firstParagraphs = (): Paragraphs => (first !== undefined ? paragraphs(first) : []);
    const titleStyle = it.titleStyle ? EMPHASIS[it.titleStyle] : undefined;
    if (it.title !== undefined && it.runIn) {
      const e = titleStyle ?? EMPHASIS.dam;
      const head = this.fill("tieu-de-cung-dong", { tieu_de: it.title.trimEnd(), co_dau: endingMark(it.title) !== undefined });
      append(out, led(goOn(paragraphs(head, e), firstParagraphs()), (runs) => ({ kind: "item", label: it.label, labelEmphasis: e, runs, depth: it.depth })));
      append(out, this.paragraphs(rest));
    } else if (it.title !== undefined) {
      append(out, led(paragraphs(it.title, titleStyle ?? { bold: true }), (runs) => ({ kind: "titled", label: it.label, runs, depth: it.depth, emphasis: titleStyle })));
      append(out, this.paragraphs(it.paragraphs));
    } else if (it.unit !== undefined && it.unitOwnLine) {
      const head = this.fill("don-vi", { don_vi: it.unit, de_nghi: it.propose, hai_cham: it.unitColon !== false });
      append(out, led(paragraphs(head, { bold: true }), (runs) => ({ kind: "titled", label: it.label, runs, depth: it.depth })));
      append(out, this.paragraphs(it.paragraphs));
    } else if (it.unit !== undefined) {
      const head = this.fill("don-vi", { don_vi: it.unit, de_nghi: it.propose, hai_cham: it.unitColon !== false });
      // the unit's first paragraph goes on in the text's first paragraph
      const ps = goOn(paragraphs(it.label ? `${it.label} ${head}` : head, { bold: true }), firstParagraphs());
      append(out, led(ps, (runs) => ({ kind: "item", label: "", runs, depth: it.depth })));
      append(out, this.paragraphs(rest));
    } else {
      let text = first ?? "";
      // normalize rejects a text ending in a mark here ("năm.: trước ngày")
      if (it.deadline) text = this.fill("han", { ...wrapped(text.trimEnd()), han: textDate(it.deadline) });
      const ps = paragraphs(text);
      // a text that begins in italic ("*- Thu và phân tích mẫu:* …") has its dash in italic too
      const labelEmphasis = it.labelStyle ? EMPHASIS[it.labelStyle] : ps[0]?.[0]?.italic ? EMPHASIS.nghieng : undefined;
      append(out, led(ps, (runs) => ({ kind: "item", label: it.label, runs, depth: it.depth, labelEmphasis })));
      append(out, this.paragraphs(rest));
    }
    append(out, this.fields(it, false));
    if (it.budget) out.push(this.budget(it.budget));
    if (it.table) out.push(this.table(it.table));
    for (const c of it.children) append(out, this.item(c));
    append(out, this.fields(it, true));
    return out;
  }

  /** A task's lines before (or after) its sub-items, printed as typed: no mark is added after the text. */
  private fields(it: Item, afterItems: boolean): Block[] {
    const out: Block[] = [];
    for (const f of it.fields) {
      if (f.afterItems !== afterItems) continue;
      const label = f.dash ? "-" : "";
      const item = (runs: Run[]): Block => ({ kind: "item", label, runs, depth: it.depth + 1 });
      if (f.key !== "truong") {
        append(out, led(paragraphs(this.fill(TASK_TEMPLATES[f.key], wrapped(f.text.trim()))), item));
        continue;
      }
      // the typed label, its own marks kept; a colon only where it ends in no mark ("*Đơn vị chủ trì:*")
      const head = paragraphs(f.label ?? "")[0] ?? [];
      const [first = [], ...rest] = paragraphs(f.text);
      const runs: Run[] = [...head, ...prefixed(endingMark(plain(head)) ? " " : ": ", first)];
      append(out, led([runs, ...rest], item));
    }
    return out;
  }

  private preamble(): Block[] {
    const p = this.plan.preamble;
    if (p.free !== undefined) return this.paragraphs([p.free]);
    const leadIn = p.leadIn ?? this.fill("loi-dan");
    const last = p.bases.length - 1;
    const out: Block[] = p.bases.flatMap((b, i) => {
      const joined = p.leadInAfterBases && i === last;
      const text = this.fill("can-cu", { ...wrapped(b.trimEnd()), cuoi: i === last, noi_tiep: joined, co_dau: endingMark(b) !== undefined });
      let ps = paragraphs(text, { italic: p.basesItalic });
      // the lead-in goes on upright after the last căn cứ ("…địa phương; Ủy ban nhân dân tỉnh ban hành …")
      if (joined) ps = goOn(ps, paragraphs(leadIn));
      const upright = !p.basesItalic || joined || undefined;
      return ps.map((runs): Block => ({ kind: "basis", runs, upright }));
    });
    if (p.leadInAfterBases) return out;
    // a "Thực hiện …" ending in a full stop makes the lead a sentence of its own (seeds 000, 002);
    // the template prints that full stop. Other typed marks are kept (normalize rejects doubled ones).
    const implementsText = p.implements.map((s) => s.trimEnd());
    const fullStop = implementsText[implementsText.length - 1]?.endsWith(".") ?? false;
    if (fullStop) implementsText[implementsText.length - 1] = implementsText[implementsText.length - 1]!.slice(0, -1);
    if (p.background !== undefined) {
      // "Thực hiện …." its own paragraph, then the background's, then the lead-in's
      if (implementsText.length) append(out, this.paragraphs([this.fill("mo-dau", { thuc_hien: implementsText, het_cau: true, loi_dan: "" }).trimEnd()]));
      append(out, this.paragraphs([p.background, leadIn]));
      return out;
    }
    append(out, this.paragraphs([this.fill("mo-dau", { thuc_hien: implementsText, het_cau: fullStop, loi_dan: leadIn })]));
    return out;
  }

  body(): Block[] {
    const out = this.preamble();
    for (const s of this.plan.sections) {
      const title = s.title ?? this.fill(`muc-${s.kind}`);
      append(out, led(paragraphs(upper(title), { bold: true }), (runs) => ({ kind: "section", label: s.label, runs })));
      append(out, this.paragraphs(s.paragraphs));
      if (s.budget) out.push(this.budget(s.budget));
      if (s.table) out.push(this.table(s.table));
      append(out, this.items(s.items, s.taskTable));
    }
    const closing = this.plan.closingSentence;
    if (closing === false) {
      const last = [...out].reverse().find((b) => b.kind !== "table" && b.kind !== "section");
      if (last && "runs" in last) endMark(last.runs);
    } else {
      const closingParagraphs = this.paragraphs([closing ?? this.fill("ket-thuc")]);
      const last = closingParagraphs[closingParagraphs.length - 1];
      if (last && "runs" in last) endMark(last.runs);
      else closingParagraphs.push({ kind: "paragraph", runs: [{ text: "./." }] });
      append(out, closingParagraphs);
    }
    return out;
  }

  recipients(): string[] {
    const p = this.plan;
    // "- ten (ghi chú);": the ";" only where the user typed no mark; a typed mark stays before the
    // note ("- Bộ Giáo dục và Đào tạo; (để báo cáo)"), as some offices print it
    const lines = p.recipients.map((r) => {
      const ten = r.name.trim();
      return this.fill("noi-nhan-dong", { ten, ghi_chu: r.note?.replace(/^\(|\)$/g, ""), co_dau: endingMark(ten) !== undefined });
    });
    if (p.typedArchive) {
      // printed as typed, final full stop or not (lint notes a missing one)
      lines.push(`- ${p.typedArchive.replace(/^[-\s]+/, "").trimEnd()}`);
    } else {
      lines.push(this.fill("luu", archiveData(p.archive)));
    }
    return lines;
  }

  model(date: Date): DocumentModel {
    const p = this.plan;
    const authority = this.fill("nguoi-ky", signerData(p.signer))
      .split("\n")
      .map((s) => upper(s.trim()))
      .filter(Boolean);
    return {
      header: {
        parentAgency: p.agency.parent.map(upper),
        agency: p.agency.lines.map(upper),
        // a plan issued with a Quyết định has neither: the Quyết định is numbered and dated
        numberLine: p.decree ? "" : p.eSign ? this.fill("ky-so-so-ky-hieu") : this.fill("so-ky-hieu"),
        nationalTitle: this.fill("quoc-hieu"),
        motto: this.fill("tieu-ngu"),
        placeDate: p.decree ? "" : p.eSign ? this.fill("ky-so-dia-diem-ngay") : this.fill("ngay-thang"),
      },
      title: { kind: this.fill("ten-loai"), summary: titleLines(p.summary).lines, issuedWith: p.decree ? this.fill("kem-quyet-dinh") : undefined },
      body: this.body(),
      signOff: p.decree ? undefined : {
        recipientsLabel: this.fill("noi-nhan"),
        recipients: this.recipients(),
        authority,
        signaturePlaceholder: p.eSign ? this.fill("ky-so-chu-ky") : undefined,
        signer: p.signer.name ?? "",
      },
      appendices: p.appendices.map((a) => {
        const blocks: Block[] = [...this.paragraphs(a.paragraphs)];
        if (a.table) blocks.push(this.table(a.table));
        append(blocks, this.items(a.items, a.taskTable));
        return {
          label: this.fill("phu-luc", { so: a.numeral }),
          title: a.titleLines.map(upper),
          reference: a.reference ?? this.fill("phu-luc-kem-theo"),
          blocks,
          landscape: a.landscape,
        };
      }),
      meta: {
        title: `${this.fill("ten-loai")} ${summaryText(p.summary)}`,
        creator: p.agency.lines.join(" "),
        date,
      },
    };
  }
}

/** The document model of a normalized plan; `date` is what the package records as its timestamp. */
export function renderPlan(plan: NormalizedPlan, templates: Templates, date: Date): DocumentModel {
  const model = new Renderer(plan, templates).model(date);
  resolveNoteCitations(model);
  return model;
}
