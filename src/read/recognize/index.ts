/**
 * An imported document (model/imported.ts) recognised as a plan: the header (agency, Số, place
 * and date), KẾ HOẠCH and the trích yếu, the preamble, sections and items, the closing, Nơi nhận,
 * the signature and the Phụ lục, as the plan value the YAML reader gives (model/plan.ts). Plain
 * functions, no files. What is not recognised stays as text at its place with a note; nothing is
 * dropped but what kehoach prints itself (Quốc hiệu, Tiêu ngữ, numbers and letters).
 */
import type { ImportedDocument, ImportedTable } from "../../model/imported.js";
import type { AgencySource, AppendixSource, ItemObject, ItemSource, LevelSource, PlanSource, PreambleObject, ProfileSource, RecipientSource, SectionSource, SignerSource } from "../../model/plan.js";
import type { YamlComment } from "../../format/index.js";
import { importMessages as m } from "../../messages/import.js";
import { documentLines, noteIds, type Line } from "./lines.js";
import { budgetSource, taskTemplates, itemList, parseItems, romanNote, tableSource, markerOf, type BodyContext, type Node, type Note } from "./items.js";
import {
  AGENCY_CODES, agencyKey, APPENDIX_LINE, BASIS_WORDS, YEAR, UNIT_WORD, APPENDIX, ARCHIVE, ATTACHED, AUTHORITY, CLOSING, DATE_LINE, DECISION_TITLE, EOFFICE, ISSUED_WITH, ISSUED_WITH_START, LEAD_VERB, NATIONAL, NUMBER_LINE,
  OFFICIAL_LETTER, OFFICIAL_LETTER_NAME, OTHER_TITLES, PLAN_CODE, PLAN_TITLE, PREAMBLE_BASIS, PREAMBLE_FOLLOW, RECIPIENTS, RECIPIENT_NOTE, SECTION_TITLES, SIGNED,
} from "./words.js";
import { defaultMarker } from "../../normalize/numbering.js";
import { SECTION_KINDS, type Marker } from "../../model/plan.js";

export interface Recognised {
  plan: PlanSource;
  /** The office's fixed parts found (co_quan, nguoi_ky, noi_nhan, luu, ky_so). */
  profile: ProfileSource;
  comments: YamlComment[];
  profileComments: YamlComment[];
  /** Texts kept though not recognised, and other things the user should look at. */
  notes: string[];
  /** Templates the plan needs (the office's own task labels), by file name: written in a folder named by `mau`. */
  templates: Record<string, string>;
  /** The text before the plan, not imported: the Quyết định that issues it (the proof leaves its words out). */
  skippedWords?: string;
}

export type Refusal = { refused: string };

const CAPS = (s: string): boolean => /\p{L}/u.test(s) && s === s.toUpperCase();
const squash = (s: string): string => s.replace(/\s+/g, " ").trim();
const title = (l: Line): string => squash(l.plain).toUpperCase();
const isPlanTitle = (l: Line): boolean => PLAN_TITLE.test(title(l));
const isDecoration = (l: Line): boolean => !/[\p{L}\p{N}]/u.test(l.plain);
const two = (s: string): string => s.padStart(2, "0");

function dateValue(day: string, month: string, year: string): string {
  if (!month) return year;
  if (!day) return `${year}-${two(month)}`;
  return `${year}-${two(month)}-${two(day)}`;
}

/** What kind of document it is when it is not a plan, or undefined for a plan. */
function documentKind(lines: Line[], titleAt: number): string | undefined {
  if (titleAt >= 0) return undefined;
  for (const l of lines.slice(0, 40)) {
    if (OTHER_TITLES.test(title(l))) return title(l);
    if (OFFICIAL_LETTER.test(l.plain)) return OFFICIAL_LETTER_NAME;
  }
  return undefined;
}

/** The section a Roman-numbered line opens: the typed numeral and the title. */
function sectionHead(l: Line): { numeral: string; title: string } | undefined {
  const mk = markerOf(l);
  if (!mk || mk.mark.kind !== "roman") return undefined;
  const text = mk.text.replace(/^\*\*|\*\*$/g, "").trim();
  if (!text || !CAPS(text)) return undefined;
  return { numeral: mk.mark.label, title: text };
}

function loaiOf(t: string): SectionSource["loai"] {
  const bare = squash(t.replace(/:\s*$/, "")).normalize("NFC").toUpperCase();
  return SECTION_KINDS.find((k) => SECTION_TITLES[k] === bare);
}

/** Split "Thực hiện X, Ủy ban … như sau:" into what kehoach prints back exactly. */
function splitFollow(text: string): { thuc_hien: string; loi_dan: string } | undefined {
  let best: { thuc_hien: string; loi_dan: string } | undefined;
  for (const mm of text.matchAll(/([,.]) (?=\p{Lu})/gu)) {
    const i = mm.index!;
    const lead = text.slice(i + 2);
    if (!LEAD_VERB.test(lead)) continue;
    best = { thuc_hien: mm[1] === "." ? text.slice(0, i + 1) : text.slice(0, i), loi_dan: lead };
  }
  return best;
}

function preamble(lines: Line[]): PlanSource["mo_dau"] | undefined {
  if (!lines.length) return undefined;
  const texts = lines.map((l) => l.text);
  const free = texts.join("\n\n");
  const basis = lines.filter((l) => PREAMBLE_BASIS.test(l.plain));
  const last = lines[lines.length - 1]!;
  const leads = last.plain.endsWith(":");
  // căn cứ lines, then perhaps the lead
  if (basis.length && basis.length === lines.length - (leads ? 1 : 0) && lines.slice(0, basis.length).every((l) => PREAMBLE_BASIS.test(l.plain))) {
    const o: PreambleObject = { can_cu: basis.map((l) => l.text.replace(BASIS_WORDS, "$1")) };
    if (leads && !PREAMBLE_BASIS.test(last.plain)) o.loi_dan = last.text;
    return o;
  }
  // every line a căn cứ, the last one going on into the lead: "Căn cứ …; Ủy ban … như sau:"
  if (basis.length === lines.length && leads) {
    const split = [...last.text.matchAll(/; (?=\p{Lu})/gu)].map((mm) => mm.index!).filter((k) => LEAD_VERB.test(last.text.slice(k + 2))).pop();
    if (split !== undefined) {
      const can = lines.slice(0, -1).map((l) => l.text.replace(BASIS_WORDS, "$1"));
      can.push(last.text.slice(0, split + 1).replace(BASIS_WORDS, "$1"));
      return { can_cu: can, loi_dan: last.text.slice(split + 2), loi_dan_sau_can_cu: true };
    }
  }
  const first = lines[0]!;
  if (PREAMBLE_FOLLOW.test(first.plain) && !first.text.startsWith("*")) {
    const rest = first.text.replace(PREAMBLE_FOLLOW, "");
    if (lines.length === 1 && leads) {
      const s = splitFollow(rest);
      if (s) return s;
    }
    if (lines.length >= 2 && leads && rest.endsWith(".")) {
      const o: PreambleObject = { thuc_hien: rest, loi_dan: last.text };
      if (lines.length > 2) o.boi_canh = texts.slice(1, -1).join("\n\n");
      return o;
    }
  }
  return free;
}

function recipient(text: string): RecipientSource {
  let t = text.replace(/^[-–—•+]\s*/, "").trim();
  if (ARCHIVE.test(t)) return t;
  // the list's own marks ("; " before a note, a "." on the last line, a "," where a line was cut) are the Decree's ";", which kehoach prints
  const note = /^(.*?)\s*\(([^()]*)\)\s*[;.]?$/u.exec(t);
  if (note && RECIPIENT_NOTE.test(note[2]!.trim()) && note[1]!.trim()) return { ten: note[1]!.trim().replace(/\s*;$/, ""), ghi_chu: note[2]!.trim() };
  if (/[;.,]$/.test(t) && !/\.\.$/.test(t)) t = t.slice(0, -1).trim();
  return t;
}

/** Recognise the plan in an imported document; a document of another kind is refused. */
export function recognize(doc: ImportedDocument, measured?: BodyContext["measured"], templates = false): Recognised | Refusal {
  const ids = noteIds(doc);
  const lines = documentLines(doc, ids);
  if (!lines.some((l) => l.plain || l.table)) return { refused: m.empty() };
  let titleAt = lines.findIndex(isPlanTitle);
  const other = documentKind(lines, titleAt);
  if (titleAt < 0) return { refused: other ? m.notPlan(other) : m.noTitle() };
  // a Quyết định before the plan it issues: only the plan is imported
  const decisionAt = lines.slice(0, titleAt).findIndex((l) => title(l) === DECISION_TITLE);
  let start = 0;
  if (decisionAt >= 0) {
    // the plan's own header starts after the Quyết định's last national motto or signature
    let h = -1;
    for (let i = titleAt - 1; i > decisionAt; i--) {
      if (NATIONAL.test(squash(lines[i]!.plain))) {
        h = i;
        break;
      }
    }
    start = h >= 0 ? h : titleAt;
    while (start > decisionAt + 1 && CAPS(lines[start - 1]!.plain) && !AUTHORITY.test(lines[start - 1]!.plain) && start > h - 4) start--;
  }
  const plan: PlanSource = {};
  const profile: ProfileSource = {};
  const notes: Note[] = [];
  const report: string[] = [];
  const tableWidths = new Map<ImportedTable, number>();
  for (const l of lines) if (l.table && l.tableWidth !== undefined) tableWidths.set(l.table, l.tableWidth);
  const ctx: BodyContext = { notes, unrecognised: [], rich: doc.format !== "txt", noteIds: ids, tableWidths, ...(templates ? { templates: {} } : {}), ...(measured ? { measured } : {}) };
  const profileNotes: Note[] = [];
  const topNotes: string[] = [];
  const signerStrays: string[] = [];
  const strays: Line[] = [];

  // ---- header
  const agency: Line[] = [];
  let kySo = false;
  const co: AgencySource = {};
  for (const l of lines.slice(start, titleAt)) {
    for (const part of l.parts.length > 1 ? l.parts : [l.plain]) {
      const p = squash(part);
      if (!p || NATIONAL.test(p) || isDecoration(l)) continue;
      const num = NUMBER_LINE.exec(p);
      const date = DATE_LINE.exec(p);
      if (num) {
        if (num[1]) plan.so = num[1];
        co.viet_tat = num[3]!;
        if (num[2] !== PLAN_CODE) topNotes.push(m.kiemTra(m.headerLine(p)));
      } else if (EOFFICE.test(p)) kySo = true;
      else if (date) {
        co.dia_danh = date[1]!;
        plan.ngay = dateValue(date[2]!, date[3]!, date[4]!);
      } else if (CAPS(p) && agency.length < 4) agency.push({ ...l, plain: p });
      else strays.push({ ...l, plain: p, text: p });
    }
  }
  if (agency.length) {
    const parent = ctx.rich ? agency.filter((a, i) => !a.bold && agency.slice(i).some((b) => b.bold)) : [];
    const own = agency.slice(parent.length);
    if (parent.length) co.chu_quan = parent.length === 1 ? parent[0]!.plain : parent.map((a) => a.plain);
    co.ten = own.length === 1 ? own[0]!.plain : own.map((a) => a.plain);
  }
  if (kySo) profile.ky_so = true;

  // ---- title, trích yếu, "(Ban hành kèm theo Quyết định …)"
  let i = titleAt + 1;
  const summary: string[] = [];
  // the trích yếu: the line under KẾ HOẠCH ("Thực hiện công tác trẻ em năm 2025" too), unless it is a preamble's sentence
  const summaryLike = (l: Line): boolean => !PREAMBLE_BASIS.test(l.plain) && !l.plain.endsWith(":") && (summary.length === 0 ? l.plain.length < 250 : !PREAMBLE_FOLLOW.test(l.plain));
  while (i < lines.length && !lines[i]!.table && !isDecoration(lines[i]!) && summaryLike(lines[i]!) && !sectionHead(lines[i]!) && !ISSUED_WITH_START.test(lines[i]!.plain)) {
    const l = lines[i]!;
    if (summary.length && (ctx.rich ? !(l.bold && (l.centered || l.style)) : true)) break;
    summary.push(l.bold ? l.text.replace(/^\*\*|\*\*$/g, "") : l.text);
    i++;
    if (!ctx.rich) break;
  }
  if (summary.length) plan.trich_yeu = summary.join("\\\n");
  for (; i < lines.length && (isDecoration(lines[i]!) || ISSUED_WITH_START.test(lines[i]!.plain)); i++) {
    // the line may run on to the next paragraph ("… của Ủy ban nhân dân Thành phố)"), as kehoach prints it
    let text = squash(lines[i]!.plain);
    while (ISSUED_WITH_START.test(text) && !text.endsWith(")") && i + 1 < lines.length && /\)$/.test(lines[i + 1]!.plain.trim()) && lines[i + 1]!.plain.length < 160) text += " " + squash(lines[++i]!.plain);
    const q = ISSUED_WITH.exec(text);
    if (q) {
      plan.quyet_dinh = {};
      if (q[1]) plan.quyet_dinh.so = q[1];
      plan.quyet_dinh.ngay = dateValue(q[3]!, q[4]!, q[5]!);
      plan.quyet_dinh.ky_hieu = q[2]!;
      if (q[6]) plan.quyet_dinh.cua = q[6];
    }
  }

  // ---- where the body, the closing, Nơi nhận, signature and Phụ lục are
  const firstSection = lines.findIndex((l, k) => k >= i && sectionHead(l) !== undefined);
  const recipientsAt = lines.findIndex((l, k) => k >= i && RECIPIENTS.test(squash(l.plain.replace(/\*/g, ""))));
  const isAppendix = (l: Line): boolean => APPENDIX.test(title(l)) && (CAPS(l.plain) || APPENDIX_LINE.test(squash(l.plain)));
  const appendixAt = lines.findIndex((l, k) => k > i && isAppendix(l));
  const bodyEnd0 = [recipientsAt, appendixAt].filter((k) => k >= 0).reduce((a, b) => Math.min(a, b), lines.length);
  // the signer's lines may stand before Nơi nhận when a PDF's columns were read one after the other
  let signerBefore = bodyEnd0;
  while (signerBefore - 1 > i && (AUTHORITY.test(squash(lines[signerBefore - 1]!.plain)) || (CAPS(lines[signerBefore - 1]!.plain) && !sectionHead(lines[signerBefore - 1]!)) || EOFFICE.test(lines[signerBefore - 1]!.plain))) signerBefore--;
  if (!lines.slice(signerBefore, bodyEnd0).some((l) => AUTHORITY.test(squash(l.plain)))) signerBefore = bodyEnd0;
  const bodyEnd = signerBefore;
  const preEnd = firstSection >= 0 && firstSection < bodyEnd ? firstSection : bodyEnd;
  const pre = lines.slice(i, preEnd);
  // strays of the header go first in the preamble, kept
  const preLines = [...strays, ...pre];
  for (const s of strays) topNotes.push(m.kiemTra(m.headerLine(s.plain)));

  // the closing: "Trên đây là …" (and what follows it) or the last paragraph's "./."
  let body = lines.slice(preEnd, bodyEnd);
  let closing: Line[] = [];
  const closeAt = body.map((l) => CLOSING.test(l.plain) && !markerOf(l)).lastIndexOf(true);
  if (closeAt >= 0) {
    closing = body.slice(closeAt);
    body = body.slice(0, closeAt);
  }
  const mo = preamble(preLines);
  if (mo !== undefined) plan.mo_dau = mo;
  if (ctx.rich && typeof mo === "object" && mo.can_cu && preLines.filter((l) => PREAMBLE_BASIS.test(l.plain)).every((l) => !l.italic)) plan.trinh_bay = { can_cu_nghieng: false };

  // ---- sections
  const sections: SectionSource[] = [];
  let k = 0;
  while (k < body.length) {
    const head = sectionHead(body[k]!);
    let end = k + 1;
    while (end < body.length && !sectionHead(body[end]!)) end++;
    const content = head ? body.slice(k + 1, end) : body.slice(k, end);
    const sec: SectionSource = {};
    if (head) {
      const loai = loaiOf(head.title);
      if (loai) sec.loai = loai;
      else sec.tieu_de = head.title;
      if (romanNote(head.numeral, sections.length)) notes.push({ at: sections, key: sections.length, text: m.banGoc(head.numeral) });
    } else sec.tieu_de = "";
    fillPart(sec, content, sec.loai === "to_chuc_thuc_hien" || /TỔ CHỨC THỰC HIỆN/u.test(sec.tieu_de ?? ""), ctx);
    sections.push(sec);
    k = end;
  }
  if (sections.length) plan.noi_dung = sections;

  if (closing.length) {
    const texts = closing.map((l) => l.text);
    texts[texts.length - 1] = texts[texts.length - 1]!.replace(/\.\/\.\s*$/, ".").replace(/\/\.\s*$/, "");
    plan.ket_thuc = texts.join("\n\n");
  } else {
    plan.ket_thuc = false;
    stripEndMark(plan);
  }

  // ---- Nơi nhận and the signature
  const tail = lines.slice(bodyEnd, appendixAt >= 0 ? appendixAt : lines.length);
  const recipients: { list: RecipientSource[] } = { list: [] };
  const signer: SignerSource = {};
  let inRecipients = false;
  for (const l of tail) {
    for (const raw of l.parts.length > 1 ? l.parts : [l.plain]) {
      const p = squash(raw.replace(/\*\*/g, ""));
      if (!p) continue;
      if (RECIPIENTS.test(p)) {
        inRecipients = true;
        continue;
      }
      const auth = AUTHORITY.exec(p);
      if (EOFFICE.test(p)) {
        profile.ky_so = true;
        continue;
      }
      if (inRecipients && /^[-–—•+]/.test(p)) {
        recipients.list.push(recipient(p));
        continue;
      }
      if (inRecipients && !auth && !CAPS(p) && recipients.list.length && typeof recipients.list[recipients.list.length - 1] === "string" && !/[;.]$/.test(recipients.list[recipients.list.length - 1] as string)) {
        // a recipient's line that wrapped
        recipients.list[recipients.list.length - 1] = recipient(`${recipients.list[recipients.list.length - 1] as string} ${p}`);
        continue;
      }
      if (auth) {
        const key = auth[1]!.toLowerCase() as "tm" | "kt" | "q" | "tl" | "tuq";
        signer[key] = auth[2]!.trim();
        inRecipients = false;
      } else if (CAPS(p) && signer.chuc_vu === undefined && !signer.ho_ten) {
        signer.chuc_vu = p;
        inRecipients = false;
      } else if (!CAPS(p) && !SIGNED.test(p) && signer.ho_ten === undefined && (signer.chuc_vu !== undefined || Object.keys(signer).length) && p.split(" ").length <= 6) {
        signer.ho_ten = p;
      } else {
        report.push(m.signerLine(p));
        signerStrays.push(p);
      }
    }
  }
  // kehoach needs the agency's code and place even where it does not print them (e-office
  // placeholders, a plan issued with a Quyết định): taken from what the document says, marked
  const qdCode = plan.quyet_dinh?.ky_hieu !== undefined ? /^QĐ-(.+)$/u.exec(plan.quyet_dinh.ky_hieu)?.[1] : undefined;
  if (co.viet_tat === undefined && qdCode) co.viet_tat = qdCode;
  const own = Array.isArray(co.ten) ? co.ten : co.ten !== undefined ? [co.ten] : [];
  const code = own.length ? AGENCY_CODES[agencyKey(squash(own[0]!))] : undefined;
  if (co.viet_tat === undefined && code !== undefined) {
    co.viet_tat = code;
    profileNotes.push({ at: co, key: "viet_tat", text: m.kiemTra(m.guessedCode(co.viet_tat)) });
  }
  if (co.dia_danh === undefined && own.length > 1) {
    const place = UNIT_WORD.exec(squash(own[own.length - 1]!))?.[1];
    if (place) {
      co.dia_danh = place.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());
      profileNotes.push({ at: co, key: "dia_danh", text: m.kiemTra(m.guessedPlace(co.dia_danh)) });
    }
  }
  if (Object.keys(co).length) profile.co_quan = co;
  if (Object.keys(signer).length) profile.nguoi_ky = signer;
  if (recipients.list.length) profile.noi_nhan = recipients.list;

  // ---- Phụ lục
  if (appendixAt >= 0) {
    const apps: AppendixSource[] = [];
    let a = appendixAt;
    while (a < lines.length) {
      let end = a + 1;
      while (end < lines.length && !isAppendix(lines[end]!)) end++;
      const part = lines.slice(a + 1, end);
      const app: AppendixSource = {};
      const heads: string[] = [];
      let j = 0;
      while (j < part.length && !part[j]!.table && CAPS(part[j]!.plain) && !ATTACHED.test(part[j]!.plain) && !markerOf(part[j]!)) heads.push(squash(part[j++]!.plain));
      if (heads.length) app.tieu_de = heads.join("\n");
      if (j < part.length && ATTACHED.test(part[j]!.plain)) {
        // the line may run on to a second paragraph ("… của Ủy ban nhân dân huyện)"), as kehoach prints it
        let kem = squash(part[j++]!.plain);
        while (!kem.endsWith(")") && j < part.length && !part[j]!.table && part[j]!.plain.length < 160 && /\)$/.test(part[j]!.plain)) kem += " " + squash(part[j++]!.plain);
        app.kem_theo = kem;
      }
      if (lines.slice(a, end).some((l) => l.landscape)) app.ngang = true;
      fillPart(app, part.slice(j), false, ctx, false);
      // a heading with nothing under it is no Phụ lục kehoach can print: its lines are kept for checking
      if (app.tieu_de === undefined && app.doan === undefined && app.cac_y === undefined && app.bang === undefined) {
        const kept = lines.slice(a, end).map((l) => l.plain).join(" ");
        notes.push({ at: plan, key: "ket_thuc", text: m.kiemTra(m.keptAsComment(kept)) });
        report.push(m.emptyAppendix(kept));
      } else apps.push(app);
      a = end;
    }
    if (apps.length) plan.phu_luc = apps;
  }

  if (plan.ngay === undefined && !plan.quyet_dinh) {
    // no date line (a draft, a copy): the year the plan names, which kehoach needs, marked for checking
    const year = YEAR.exec(plan.trich_yeu ?? "")?.[1] ?? YEAR.exec(lines.map((l) => l.plain).join(" "))?.[1];
    if (year) {
      plan.ngay = year;
      notes.push({ at: plan, key: "ngay", text: m.kiemTra(m.yearOnly) });
    }
  }
  if (plan.quyet_dinh) {
    delete plan.so;
    delete plan.ngay;
    delete profile.noi_nhan;
    delete profile.nguoi_ky;
  }
  if (topNotes.length) notes.push({ at: plan, key: "mo_dau", text: topNotes.join("\n") });
  // what could not be placed stays in the file, as comments at the end of the content
  for (const u of [...signerStrays, ...ctx.unrecognised]) notes.push({ at: plan, key: "ket_thuc", text: m.kiemTra(m.keptAsComment(u.replace(/\s+/g, " "))) });
  for (const u of ctx.unrecognised) report.push(m.tableNotPlaced(u));
  liftLevelStyles(plan);
  const ordered = orderPlan(plan);
  return { plan: ordered, profile, templates: taskTemplates(ctx), comments: commentPaths(ordered, notes, plan), profileComments: commentPaths(profile, profileNotes), notes: [...new Set(report)], ...(start > 0 ? { skippedWords: lines.slice(0, start).map((l) => l.plain).join("\n") } : {}) };
}

/** A section's or a Phụ lục's content: paragraphs, a table, items. */
function fillPart(target: SectionSource | AppendixSource, content: Line[], units: boolean, ctx: BodyContext, section = true): void {
  const parsed = parseItems(content);
  if (parsed.paras.length) target.doan = parsed.paras.length === 1 ? parsed.paras[0]!.text : parsed.paras.map((p) => p.text);
  // a section's budget table is its du_toan (a Phụ lục has none: its table stays a table)
  const budget = parsed.tables.length && section ? budgetSource(parsed.tables[0]!, ctx) : undefined;
  if (budget) (target as SectionSource).du_toan = budget;
  else if (parsed.tables.length) target.bang = tableSource(parsed.tables[0]!, ctx);
  if (parsed.items.length) {
    const first = parsed.items.find((e): e is Node => !("insert" in e));
    const kind = first?.mark.kind ?? "so";
    const marker = (kind === "roman" ? "so" : kind) as Marker;
    if (marker !== defaultMarker(1)) target.danh_dau = marker;
    const list = itemList(parsed.items, 1, units, ctx, marker, "");
    // an unnumbered paragraph first in a list is the part's own paragraph
    target.cac_y = list as ItemSource[];
  }
  if (!target.doan && !target.cac_y && !target.bang && "loai" in target === false && (target as SectionSource).tieu_de === "") delete (target as SectionSource).tieu_de;
}

/** Without a closing sentence of its own, the last paragraph is the closing: its "./." comes back from kehoach. */
function stripEndMark(plan: PlanSource): void {
  const secs = plan.noi_dung;
  if (!secs?.length) return;
  const strip = (s: string): string => s.replace(/\.\/\.\s*$/, ".").replace(/\/\.\s*$/, "");
  let holder: { [k: string]: unknown } = secs[secs.length - 1] as { [k: string]: unknown };
  for (;;) {
    const list = holder.cac_y as ItemSource[] | undefined;
    if (list?.length) {
      const last = list[list.length - 1]!;
      if (typeof last === "string") {
        list[list.length - 1] = strip(last);
        return;
      }
      holder = last as { [k: string]: unknown };
      continue;
    }
    const d = holder.doan;
    if (typeof d === "string") holder.doan = strip(d);
    else if (Array.isArray(d) && d.length) d[d.length - 1] = strip(d[d.length - 1] as string);
    else if (typeof holder.doan_chen === "string") holder.doan_chen = strip(holder.doan_chen);
    return;
  }
}

/**
 * A heading look every titled item of one level shares becomes that level's default
 * (trinh_bay.cac_cap), as the office's profile had it; the items keep only their exceptions.
 */
function liftLevelStyles(plan: PlanSource): void {
  const byDepth: ItemObject[][] = [];
  const walk = (list: ItemSource[] | undefined, depth: number): void => {
    for (const it of list ?? []) {
      if (typeof it !== "object" || "doan_chen" in it) continue;
      const o = it as ItemObject;
      if (o.tieu_de !== undefined) (byDepth[depth - 1] ??= []).push(o);
      walk(o.cac_y, depth + 1);
    }
  };
  for (const s of plan.noi_dung ?? []) if (!s.cac_cap) walk(s.cac_y, 1);
  for (const a of plan.phu_luc ?? []) if (!a.cac_cap) walk(a.cac_y, 1);
  const levels: LevelSource[] = [];
  // levels from the first on (a level in cac_cap cannot be left empty)
  for (const items of byDepth) {
    const titled = (items ?? []).filter((o) => !o.tieu_de_cung_dong);
    const look = titled[0]?.kieu_tieu_de;
    if (look === undefined || titled.some((o) => o.kieu_tieu_de !== look)) break;
    for (const o of titled) delete o.kieu_tieu_de;
    // a run-in heading takes the level's look too: it keeps its own bold
    if (look !== "dam") for (const o of items!) if (o.tieu_de_cung_dong && o.kieu_tieu_de === undefined) o.kieu_tieu_de = "dam";
    levels.push({ kieu_tieu_de: look });
  }
  if (levels.length) plan.trinh_bay = { ...plan.trinh_bay, cac_cap: levels };
}

/** The plan's keys in the order of the schema and README (what fmt writes). */
export function orderPlan(plan: PlanSource): PlanSource {
  const order = ["ho_so", "co_quan", "trinh_bay", "so", "ngay", "quyet_dinh", "trich_yeu", "mo_dau", "noi_dung", "ket_thuc", "nguoi_ky", "noi_nhan", "luu", "ky_so", "phu_luc"];
  const out: Record<string, unknown> = {};
  for (const k of order) if ((plan as Record<string, unknown>)[k] !== undefined) out[k] = (plan as Record<string, unknown>)[k];
  for (const [k, v] of Object.entries(plan)) if (!(k in out) && v !== undefined) out[k] = v;
  return out as PlanSource;
}

/** Notes held by their container's identity, as comments at paths of the plan. */
function commentPaths(plan: PlanSource | ProfileSource, notes: Note[], before?: object): YamlComment[] {
  const paths = new Map<object, (string | number)[]>();
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (!v || typeof v !== "object") return;
    paths.set(v, path);
    if (Array.isArray(v)) v.forEach((x, n) => walk(x, [...path, n]));
    else for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(plan, []);
  // the plan before its keys were put in order holds the same values
  if (before) paths.set(before, []);
  const out: YamlComment[] = [];
  for (const n of notes) {
    const base = paths.get(n.at);
    if (!base) continue;
    const path = [...base, n.key];
    const same = out.find((c) => c.path.join("/") === path.join("/"));
    if (same) same.text += "\n" + n.text;
    else out.push({ path, text: n.text });
  }
  return out;
}
