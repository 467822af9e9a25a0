/** The lint rules. Each reads the text values of one file and emits findings. */
import type { PlanSource, SignerSource } from "../model/plan.js";
import { lintMessages as m } from "../messages/lint.js";
import type { Emit, TextValue } from "./text.js";
import { referenceTargets } from "../normalize/references.js";
import { SIZE, TEXT_WIDTH } from "../write/layout.js";
import { textWidth } from "../write/measure.js";

export interface RuleContext {
  value: PlanSource;
  texts: TextValue[];
  emit: Emit;
  plan: { year?: number; month?: number; day?: number };
  today: Date;
  futureMarginDays: number;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function validDate(d: number, mo: number, y: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 ? (leap ? 29 : 28) : DAYS[mo - 1]!);
}

const DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;
const DATE_WORDS = /ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/g;

export function dates(c: RuleContext): void {
  for (const t of c.texts) {
    // each pattern needs a "/" or "tháng": most texts have neither, and are passed over at once
    const slash = t.text.includes("/");
    for (const re of slash ? [DATE, DATE_WORDS] : [DATE_WORDS]) {
      if (re === DATE_WORDS && !t.text.includes("tháng")) continue;
      for (const x of t.text.matchAll(re)) {
        if (!validDate(Number(x[1]), Number(x[2]), Number(x[3]))) {
          c.emit("lint.date-invalid", "error", t.path, m.dateInvalid(x[0].replace(/^ngày /, "")), { index: x.index!, needle: x[0], value: t.text });
        }
      }
      re.lastIndex = 0;
    }
    if (slash) for (const x of t.text.matchAll(/trước ngày (\d{1,2})\/(\d{1,2})\/(\d{4})/g)) deadline(c, t, Number(x[1]), Number(x[2]), Number(x[3]), x[0], x.index!);
  }
  // structured deadlines (han) and the plan's own date
  walkDeadlines(c, c.value as unknown, []);
  // the plan's date is checked in the file that has it, not in its profile too (at co-quan.yaml:1:1)
  if ((c.value as { ngay?: unknown }).ngay === undefined) return;
  const p = c.plan;
  if (p.year && p.month && p.day) {
    if (!validDate(p.day, p.month, p.year)) c.emit("lint.date-invalid", "error", ["ngay"], m.dateInvalid(`${p.day}/${p.month}/${p.year}`));
    else {
      const limit = c.today.getTime() + c.futureMarginDays * 86_400_000;
      if (Date.UTC(p.year, p.month - 1, p.day) > limit) c.emit("lint.date-future", "warning", ["ngay"], m.dateFuture(`${p.day}/${p.month}/${p.year}`, c.futureMarginDays));
    }
  } else if (p.year) {
    const limit = new Date(c.today.getTime() + c.futureMarginDays * 86_400_000);
    if (Date.UTC(p.year, (p.month ?? 1) - 1, 1) > limit.getTime()) c.emit("lint.date-future", "warning", ["ngay"], m.dateFuture(`${p.month ? p.month + "/" : ""}${p.year}`, c.futureMarginDays));
  }
}

function walkDeadlines(c: RuleContext, v: unknown, path: (string | number)[]): void {
  if (Array.isArray(v)) v.forEach((x, i) => walkDeadlines(c, x, [...path, i]));
  else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (k === "han" && typeof x === "string") {
        const [y, mo, d] = x.split("-").map(Number);
        const here = [...path, k];
        if (!validDate(d!, mo!, y!)) c.emit("lint.date-invalid", "error", here, m.dateInvalid(`${d}/${mo}/${y}`));
        else deadlineAt(c, here, d!, mo!, y!);
      } else walkDeadlines(c, x, [...path, k]);
    }
  }
}

function deadlineAt(c: RuleContext, path: (string | number)[], d: number, mo: number, y: number, at?: { index: number; needle: string; value: string }): void {
  const p = c.plan;
  if (!p.year) return;
  const shown = `${d}/${mo}/${y}`;
  if (y !== p.year) {
    c.emit("lint.deadline", "warning", path, m.deadlineOutside(shown, p.year), at);
    return;
  }
  if (p.month) {
    const planDay = Date.UTC(p.year, p.month - 1, p.day ?? 1);
    if (Date.UTC(y, mo - 1, d) < planDay) c.emit("lint.deadline", "warning", path, m.deadlineBefore(shown, `${p.day ? p.day + "/" : ""}${p.month}/${p.year}`), at);
  }
}

function deadline(c: RuleContext, t: TextValue, d: number, mo: number, y: number, needle: string, index: number): void {
  if (validDate(d, mo, y)) deadlineAt(c, t.path, d, mo, y, { index, needle, value: t.text });
}

/** Words right before "năm YYYY" that make the year legitimate: a law's year, a comparison, a period. */
const LEGIT_BEFORE = /(Luật[^;.]{0,60}|so với|từ|đến|giai đoạn|trước|sau|định hướng đến|kể từ|cuối|đầu)\s*$/i;

const CLAUSE_WINDOW = 300;

export function staleYears(c: RuleContext): void {
  const planYear = c.plan.year;
  if (!planYear) return;
  for (const t of c.texts) {
    if (!t.text.includes("năm ")) continue;
    for (const x of t.text.matchAll(/\bnăm ((?:19|20)\d{2})\b/g)) {
      const year = Number(x[1]);
      if (year === planYear) continue;
      const before = t.text.slice(Math.max(0, x.index! - 80), x.index!);
      if (LEGIT_BEFORE.test(before)) continue;
      // a range "năm 2021-2025" or "năm 2021 - 2025"
      if (/^\s*[-–]\s*\d{4}/.test(t.text.slice(x.index! + x[0].length))) continue;
      // the clause cites a document of that year (its date or its number): the year is that document's.
      // The clause is looked for in the CLAUSE_WINDOW characters before, not back to the text's start.
      const window = t.text.slice(Math.max(0, x.index! - CLAUSE_WINDOW), x.index!);
      const clause = window.slice(Math.max(window.lastIndexOf(";"), window.lastIndexOf(".")) + 1);
      if (new RegExp(`[/-]${year}\\b|ngày \\d{1,2}/\\d{1,2}/${year}`).test(clause)) continue;
      c.emit("lint.stale-year", "warning", t.path, m.staleYear(x[1]!, planYear), { index: x.index!, needle: x[0], value: t.text });
    }
  }
}

/** Type word → abbreviation in the ký hiệu (Decree 30, Phụ lục III; legal documents by Law 80/2015). */
const TYPES: Record<string, string[]> = {
  "Kế hoạch": ["KH"],
  "Quyết định": ["QĐ"],
  "Nghị quyết": ["NQ", "QH"],
  "Nghị định": ["NĐ"],
  "Thông tư": ["TT", "TTLT"],
  "Chỉ thị": ["CT"],
  "Hướng dẫn": ["HD"],
  "Thông báo": ["TB"],
  "Chương trình": ["CTr"],
  "Báo cáo": ["BC"],
  "Tờ trình": ["TTr"],
  "Quy chế": ["QC"],
  "Quy định": ["QyĐ", "QĐ"],
  "Đề án": ["ĐA"],
  "Phương án": ["PA"],
  "Công điện": ["CĐ"],
};
// Every repetition bounded and no two overlapping (\d+ then [^\s,;]* would be tried at every split):
// a long run of spaces or digits is passed in one scan, never tried once per position.
const CITATION = new RegExp(
  `(${[...Object.keys(TYPES), "Công văn"].join("|")})\\s{1,9}số\\s{1,9}(\\d[^\\s,;]*(?:\\s[A-ZĐ]{2}[^\\s,;]*)?)\\s{0,9},?\\s{1,9}ngày\\s{1,9}(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})`,
  "g",
);
const COMMITTEE = /^\s*của\s+(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\b/i;

export function citations(c: RuleContext): void {
  for (const t of c.texts) {
    if (!t.text.includes("số")) continue;
    for (const x of t.text.matchAll(CITATION)) {
      const [, type, number, , , year] = x as unknown as string[];
      const at = { index: x.index! + x[0].indexOf(number!), needle: number!, value: t.text };
      if (/\s/.test(number!)) c.emit("lint.citation", "warning", t.path, m.citationSpace(number!.split("/").pop()!), at);
      const compact = number!.replace(/\s+/g, "-");
      const party = /^\d+-/.test(compact); // "28-CT/TW": the party's form, type before the slash
      const parts = compact.split("/");
      const yearPart = !party && parts.length >= 3 && /^\d{4}$/.test(parts[1]!) ? parts[1] : undefined;
      const symbol = party ? compact.replace(/^\d+-/, "") : (yearPart ? parts.slice(2) : parts.slice(1)).join("/");
      const abbr = symbol.split(/[-/]/)[0] ?? "";
      if (type !== "Công văn") {
        const expected = TYPES[type!]!;
        if (!expected.some((e) => abbr === e || abbr.startsWith(e) && /\d$/.test(abbr))) {
          c.emit("lint.citation", "warning", t.path, m.citationType(type!, symbol, expected[0]!), at);
        }
      }
      if (yearPart && yearPart !== year) c.emit("lint.citation", "warning", t.path, m.citationYear(yearPart, year!), at);
      const after = t.text.slice(x.index! + x[0].length, x.index! + x[0].length + 60);
      const issuer = COMMITTEE.exec(after);
      const agency = symbol.split("-").slice(1).join("-");
      if (issuer && agency && !/^UBND\b/.test(agency) && type !== "Công văn") {
        c.emit("lint.citation", "warning", t.path, m.citationIssuer(symbol, issuer[1]!), at);
      }
    }
  }
}

/** s without its final "." and ";": looked for from the end once (/[.;]+$/ retries from every mark of a long run). */
function trimMarks(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === "." || s[end - 1] === ";")) end--;
  return s.slice(0, end);
}

export function recipients(c: RuleContext): void {
  const list = c.value.noi_nhan;
  if (!Array.isArray(list)) return;
  const seen = new Map<string, number>();
  const typed: number[] = [];
  list.forEach((r, i) => {
    const name = typeof r === "string" ? r : r.ten;
    if (typeof name !== "string") return;
    if (/^\s*Lưu\b/i.test(name)) {
      typed.push(i);
      return;
    }
    // innermost parentheses: "(((…" with no ")" is passed in one scan, not once per "("
    const key = name.toLowerCase().replace(/\([^()]*\)/g, "").replace(/[\s;.,]+/g, " ").trim();
    if (seen.has(key)) c.emit("lint.recipient-duplicate", "warning", ["noi_nhan", i], m.recipientDuplicate(name.trim()));
    seen.set(key, i);
  });
  if (typed.length > 1) c.emit("lint.archive", "warning", ["noi_nhan", typed[1]!], m.archiveTwice());
  for (const i of typed) {
    const r = list[i]!;
    const text = trimMarks((typeof r === "string" ? r : r.ten).trim());
    const path = ["noi_nhan", i];
    if (i !== list.length - 1) c.emit("lint.archive", "warning", path, m.archiveNotLast());
    if (!/^Lưu\s*:/.test(text)) {
      c.emit("lint.archive", "warning", path, m.archiveColon());
      continue;
    }
    const paren = /^Lưu:\s*VT,\s*([^\s(]+)\s*\(([^)]*)\)/.exec(text);
    if (paren && !/^\d+$/.test(paren[2]!.trim())) c.emit("lint.archive", "warning", path, m.archiveParen(paren[2]!.trim(), paren[1]!));
    else c.emit("lint.archive", "warning", path, m.archiveTyped());
  }
}

const PERSONAL_TITLES = /^(PHÓ\s+)?(CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|CHÁNH|BỘ TRƯỞNG|THỨ TRƯỞNG|TỔNG GIÁM ĐỐC|HIỆU TRƯỞNG|BÍ THƯ)\b/i;
const ACADEMIC = /^\s*((?:PGS|GS|TS|ThS|BS|KS|CN|TSKH|Ths)\.\s*)+/;

export function signature(c: RuleContext): void {
  const s: SignerSource | undefined = c.value.nguoi_ky;
  if (!s) return;
  if (s.tm && PERSONAL_TITLES.test(s.tm.trim())) c.emit("lint.signature", "error", ["nguoi_ky", "tm"], m.tmPerson(s.tm.trim()));
  if (s.kt && s.chuc_vu && !/^PHÓ(\s|$)/i.test(s.chuc_vu.trim())) c.emit("lint.signature", "error", ["nguoi_ky", "chuc_vu"], m.ktDeputy(s.chuc_vu.trim()));
  if (s.tuq && s.kt) c.emit("lint.signature", "error", ["nguoi_ky", "kt"], m.tuqWithKt());
  const a = s.ho_ten ? ACADEMIC.exec(s.ho_ten) : null;
  if (a) c.emit("lint.signature", "warning", ["nguoi_ky", "ho_ten"], m.academicTitle(a[0].trim()));
}

/** Item texts: strings directly in cac_y lists, and titles and first paragraphs of item objects. */
function isItemText(path: (string | number)[]): boolean {
  const n = path.length;
  if (n >= 2 && path[n - 2] === "cac_y") return true;
  if (n >= 3 && path[n - 3] === "cac_y" && (path[n - 1] === "tieu_de" || path[n - 1] === "doan" || path[n - 1] === "don_vi")) return true;
  if (n >= 4 && path[n - 4] === "cac_y" && path[n - 2] === "doan" && path[n - 1] === 0) return true;
  return n === 3 && path[0] === "noi_dung" && path[2] === "tieu_de";
}

export function hygiene(c: RuleContext): void {
  const closingFalse = c.value.ket_thuc === false;
  for (const t of c.texts) {
    const hand = /^\s*((?:\d+\.)+|[a-zđ]\)|[IVX]+\.|[-+–•])\s/.exec(t.text);
    if (hand && isItemText(t.path)) c.emit("lint.hand-numbering", "warning", t.path, m.handNumbering(hand[1]!), { index: hand.index, needle: hand[1]!, value: t.text });
    const isClosing = t.path.length === 1 && t.path[0] === "ket_thuc";
    for (let at = t.text.indexOf("./."); at >= 0; at = t.text.indexOf("./.", at + 3)) {
      const atEnd = at + 3 >= t.text.trimEnd().length;
      if (!(atEnd && (isClosing || closingFalse))) c.emit("lint.end-mark", "warning", t.path, m.endMark(), { index: at, needle: "./.", value: t.text });
    }
    const dbl = /\S( {2,})\S/.exec(t.text);
    if (dbl) c.emit("lint.double-space", "warning", t.path, m.doubleSpace(), { index: dbl.index + 1, needle: dbl[1]!, value: t.text });
    const n = bracketCounts(t.text);
    BRACKETS.forEach(([open, close], i) => {
      if (n[2 * i] !== n[2 * i + 1]) c.emit("lint.brackets", "warning", t.path, m.brackets(open, close));
    });
    if (n[6]! % 2 === 1) c.emit("lint.brackets", "warning", t.path, m.quotes());
  }
}

/** A backslash-n typed where YAML keeps it as two characters: meant as a line break, printed as is. */
export function literalNewlines(c: RuleContext, keepsBackslashN: (path: (string | number)[]) => boolean): void {
  for (const t of c.texts) {
    const at = t.text.indexOf("\\n");
    if (at >= 0 && keepsBackslashN(t.path)) c.emit("lint.literal-newline", "warning", t.path, m.literalNewline(), { index: at, needle: "\\n", value: t.text });
  }
}

const BRACKETS = [["(", ")"], ["[", "]"], ["“", "”"]] as const;
/** Character code → its place in BRACKETS (opening, closing), then '"' last. */
const BRACKET_INDEX = new Map([...BRACKETS.flat(), '"'].map((ch, i) => [ch.charCodeAt(0), i]));

/** How many of each bracket (in BRACKETS' order, opening then closing) and of '"' s has: one pass. */
function bracketCounts(s: string): number[] {
  const n = [0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // every bracket is ASCII punctuation or a curly quote; letters are passed over at once
    if (c > 0x5d && c !== 0x201c && c !== 0x201d) continue;
    const k = BRACKET_INDEX.get(c);
    if (k !== undefined) n[k]!++;
  }
  return n;
}

/**
 * A hand-typed "Mục IV", "khoản 2 Mục III", "điểm a khoản 2 Mục III", "Phụ lục II" in any case; the
 * roman numeral in capitals (so "mục vi phạm" is not "Mục VI").
 */
const HAND_LABEL =
  /(?<![\p{L}\p{N}])(?:(?:[Đđ]iểm|ĐIỂM)\s+([a-zđ]\d*)\s+)?(?:(?:[Kk]hoản|KHOẢN)\s+(\d+(?:\.\d+)*)\s+)?([Mm]ục|MỤC|[Pp]hụ lục|PHỤ LỤC)\s+([IVXLCDM]+)(?![\p{L}\p{N}])/gu;

/** A hand-typed label naming a part the plan does not have: it went stale when parts moved. */
export function staleReferences(c: RuleContext): void {
  // a profile has no parts of its own to cite
  if (!c.value.noi_dung) return;
  const labels = referenceTargets(c.value).labels;
  for (const t of c.texts) {
    if (!/[Mm]ục|MỤC|[Ll]ục|LỤC/.test(t.text)) continue;
    for (const h of t.text.matchAll(HAND_LABEL)) {
      const [typed, diem, khoan, kind, numeral] = h;
      const part = /^m/i.test(kind!) ? "Mục" : "Phụ lục";
      const label = [diem && `điểm ${diem}`, khoan && `khoản ${khoan}`, `${part} ${numeral}`].filter(Boolean).join(" ");
      if (!labels.has(label)) c.emit("lint.stale-reference", "warning", t.path, m.staleReference(typed!, label), { index: h.index, needle: typed!, value: t.text });
    }
  }
}

/**
 * A trích yếu the user broke into lines: a line wider than the text column wraps in Word and leaves
 * a word or two alone on the next line. (Without typed breaks, kehoach balances the lines itself.)
 */
export function titleWidth(c: RuleContext, raw: string | undefined): void {
  if (raw === undefined || !raw.includes("\\\n")) return;
  let offset = 0;
  for (const seg of raw.split("\\\n")) {
    const line = seg.trim().replace(/[ \t]*\n\s*/g, " ");
    const width = textWidth(line, SIZE.title / 2, true);
    if (width > TEXT_WIDTH) {
      const lead = offset + seg.length - seg.trimStart().length;
      const needle = line.split(" ")[0]!;
      c.emit("lint.title-width", "warning", ["trich_yeu"], m.titleTooWide(line, cm(width), cm(TEXT_WIDTH)), { index: lead, needle, value: raw });
    }
    offset += seg.length + 2;
  }
}

/** Twips as centimetres, one decimal, Vietnamese decimal comma. */
const cm = (twips: number): string => ((twips / 1440) * 2.54).toFixed(1).replace(".", ",");
