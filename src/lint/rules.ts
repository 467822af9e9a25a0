/** The lint rules. Each reads the text values of one file and emits findings. */
import type { PlanSource, SignerSource } from "../model/plan.js";
import { lintMessages as m } from "../messages/lint.js";
import type { Emit, TextValue } from "./text.js";
import { referenceTargets } from "../normalize/references.js";
import { numberedItems } from "../normalize/index.js";
import { SIZE, TEXT_WIDTH } from "../write/layout.js";
import { textWidth } from "../write/measure.js";
import { isBlank, isWhite, joinLines } from "../lines.js";

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
  // the year's report or summary is often due early the next year ("báo cáo năm trước ngày 15/01/2026")
  if (y !== p.year && !(y === p.year + 1 && mo <= 3)) {
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

/**
 * What right before "năm YYYY" makes the year legitimate: a comparison, the bounds or the span of a
 * period, a full date (a cited document's, or a day that has passed). Looked for in the last
 * BEFORE_WINDOW characters only: the longest ("định hướng đến ", "ngày 15 tháng 12 ") fit.
 */
const LEGIT_BEFORE =
  /(?<!\p{L})(?:so với(?: cùng kỳ)?|giai đoạn|định hướng(?: đến)?|tầm nhìn(?: đến)?|kể từ|(?:từ|đến|tới|trước|sau)(?: hết| cuối| đầu| giữa)?|cuối|đầu|các|những|của|ngày \d{1,2} tháng \d{1,2})\s*$/iu;
const BEFORE_WINDOW = 24;
/** A law's name up to 60 characters before its year ("Luật Trẻ em năm 2016"), in the same clause. */
const LAW = /(?:Bộ luật|Luật|Hiến pháp|Pháp lệnh|Công ước)(?!\p{L})/giu;
/** The second year of a range after the first ("năm 2021 - 2025", "năm 2021 đến năm 2025"). */
const RANGE_AFTER = /^\s*(?:[-–—]|đến|tới)\s*(?:hết\s+|cuối\s+)?(?:năm\s+)?\d{4}/iu;
/** A fact or figure of that year right after it: "năm 2024 là 12 vụ", "đạt 95%". */
const FIGURE_AFTER = /^\s(?:là|đạt)\s/iu;
/** …or up to 60 characters after it in the clause: "năm 2024 đã …", "được tổ chức", "xảy ra", "so với". */
const PAST_AFTER = /(?<!\p{L})(?:đã|vừa qua|được|xảy ra|so với)(?!\p{L})/giu;
/**
 * What in the clause before the year makes it another's: a cited document ("Kế hoạch số …", or a
 * ký hiệu without "số": "28-NQ/TU", "56/2017/NĐ-CP"), or an event named as past ("Hội nghị …",
 * "kết quả", "tổng kết").
 */
const CLAUSE_MARKERS = [
  new RegExp(`(?:${["Công văn", "Kết luận", "Kế hoạch", "Quyết định", "Nghị quyết", "Nghị định", "Thông tư", "Chỉ thị", "Hướng dẫn", "Thông báo", "Chương trình", "Báo cáo", "Đề án", "Công điện"].join("|")})\\s{1,9}số\\s`, "giu"),
  /\d(?:\/\d{4})?[-/][A-ZĐ]{2,}[A-ZĐa-z]{0,9}[-/][A-ZĐ]/gu,
  /(?<!\p{L})(?:Hội nghị|kết quả|tổng kết|sơ kết|đánh giá|đạt được|cùng kỳ)(?!\p{L})/giu,
];
/** A year after "năm", and whether a text has one (the rule's own pattern, without the word boundary before). */
const STALE_YEAR = /(?<!\p{L})năm\s{1,9}((?:19|20)\d{2})(?!\d)/giu;
const YEAR_AFTER_NAM = /năm\s{1,9}(?:19|20)\d{2}(?!\d)/iu;
/** The year in a document's number or date in the clause ("/2024", "-2024"). */
const YEAR_REF = /[/-]((?:19|20)\d{2})(?!\d)/g;

const CLAUSE_WINDOW = 300;

/** [start, end] of every match of `re` in s, one pass. */
function spans(s: string, re: RegExp): [number, number][] {
  return [...s.matchAll(re)].map((x) => [x.index!, x.index! + x[0].length]);
}

/**
 * A year other than the plan's, where the plan's own work is described: the year was likely copied
 * from last year's plan. Precision first: a year that may be legitimate (a citation, a law, a
 * period, a later year, a past event named as such) is passed over. Linear: every marker is found
 * in one pass over the text and consumed in order as the years are read (a text of 200,000 years
 * costs no more per year than a sentence).
 */
export function staleYears(c: RuleContext): void {
  const planYear = c.plan.year;
  if (!planYear) return;
  for (const t of c.texts) {
    // the markers are looked for only in a text with a year in it ("năm học", "hằng năm" have none)
    if (!YEAR_AFTER_NAM.test(t.text)) continue;
    const s = t.text;
    // the markers, at the first year before the plan's (most years in a plan are its own)
    let markers: [number, number][] = [];
    let laws: [number, number][] = [];
    let pasts: [number, number][] = [];
    let refs: RegExpExecArray[] = [];
    let found = false;
    let k = 0, l = 0, p = 0, r = 0;
    let markerStart = -1; // the latest start of a marker ended before the year
    let lawEnd = -1; // the end of the last law name before the year
    const refStart = new Map<number, number>(); // year → the latest start of "/year" ended before it
    let scanned = 0;
    let lastSep = -1; // the last ";" or "." before the year
    let nextSep = -1; // the first ";" or "." after the year
    for (const x of s.matchAll(STALE_YEAR)) {
      const at = x.index!;
      const end = at + x[0].length;
      const year = Number(x[1]);
      // a later year is a target or the following years ("năm 2026 và các năm tiếp theo"), never a copy
      if (year >= planYear) continue;
      if (!found) {
        found = true;
        markers = CLAUSE_MARKERS.flatMap((re) => spans(s, re)).sort((a, b) => a[1] - b[1]);
        laws = spans(s, LAW);
        pasts = spans(s, PAST_AFTER);
        refs = [...s.matchAll(YEAR_REF)];
      }
      for (; scanned < at; scanned++) if (s[scanned] === ";" || s[scanned] === ".") lastSep = scanned;
      for (; k < markers.length && markers[k]![1] <= at; k++) markerStart = Math.max(markerStart, markers[k]![0]);
      for (; l < laws.length && laws[l]![1] <= at; l++) lawEnd = laws[l]![1];
      for (; r < refs.length && refs[r]!.index! + refs[r]![0].length <= at; r++) refStart.set(Number(refs[r]![1]), refs[r]!.index!);
      const clause = Math.max(lastSep + 1, at - CLAUSE_WINDOW);
      if (markerStart >= clause || (refStart.get(year) ?? -1) >= clause) continue;
      if (lawEnd > lastSep && at - lawEnd <= 60) continue;
      if (LEGIT_BEFORE.test(s.slice(Math.max(0, at - BEFORE_WINDOW), at))) continue;
      if (RANGE_AFTER.test(s.slice(end, end + 20)) || FIGURE_AFTER.test(s.slice(end, end + 5))) continue;
      if (nextSep < end) {
        nextSep = end;
        while (nextSep < s.length && s[nextSep] !== ";" && s[nextSep] !== ".") nextSep++;
      }
      for (; p < pasts.length && pasts[p]![0] < end; p++);
      if (p < pasts.length && pasts[p]![1] <= Math.min(nextSep, end + 60)) continue;
      c.emit("lint.stale-year", "warning", t.path, m.staleYear(x[1]!, planYear), { index: at, needle: x[0], value: s });
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
// The date is "15/8/2024" or "15 tháng 8 năm 2024".
const CITATION = new RegExp(
  `(${[...Object.keys(TYPES), "Công văn"].join("|")})\\s{1,9}số\\s{1,9}(\\d[^\\s,;]*(?:\\s[A-ZĐ]{2}[^\\s,;]*)?)\\s{0,9},?\\s{1,9}ngày\\s{1,9}(?:(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})|(\\d{1,2})\\s{1,9}tháng\\s{1,9}(\\d{1,2})\\s{1,9}năm\\s{1,9}(\\d{4}))`,
  "g",
);
const COMMITTEE = /^\s*của\s+(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\b/i;
/** Ký hiệu of a committee's own documents: …-UBND, or its chairman's (…-CT, …-CTUBND). */
const COMMITTEE_AGENCY = /^(UBND|CT|CTUBND)\b/;

/** Is the date d/mo/y later than the plan's date, as far as the plan's date is known? */
function afterPlan(p: RuleContext["plan"], d: number, mo: number, y: number): boolean {
  if (!p.year || y !== p.year) return !!p.year && y > p.year;
  if (!p.month || mo !== p.month) return !!p.month && mo > p.month;
  return !!p.day && d > p.day;
}

export function citations(c: RuleContext): void {
  for (const t of c.texts) {
    if (!t.text.includes("số")) continue;
    for (const x of t.text.matchAll(CITATION)) {
      const type = x[1]!;
      const number = x[2]!;
      const [d, mo, year] = (x[3] ? [x[3], x[4], x[5]] : [x[6], x[7], x[8]]) as string[];
      const at = { index: x.index! + x[0].indexOf(number), needle: number, value: t.text };
      if (/\s/.test(number)) c.emit("lint.citation", "warning", t.path, m.citationSpace(number.split("/").pop()!), at);
      // a space typed for a hyphen, or beside one ("KH- UBND"), is read as the one hyphen meant: the
      // checks below then speak of the ký hiệu the author meant, not of a garbled "KH--UBND"
      const compact = number.replace(/-?\s+-?/g, "-");
      const party = /^\d+-/.test(compact); // "28-CT/TW": the party's form, type before the slash
      const parts = compact.split("/");
      const yearPart = !party && parts.length >= 3 && /^\d{4}$/.test(parts[1]!) ? parts[1] : undefined;
      const symbol = party ? compact.replace(/^\d+-/, "") : (yearPart ? parts.slice(2) : parts.slice(1)).join("/");
      const abbr = symbol.split(/[-/]/)[0] ?? "";
      if (type !== "Công văn") {
        const expected = TYPES[type]!;
        if (!expected.some((e) => abbr === e || abbr.startsWith(e) && /\d$/.test(abbr))) {
          c.emit("lint.citation", "warning", t.path, m.citationType(type, symbol, expected[0]!), at);
        }
      }
      if (yearPart && yearPart !== year) c.emit("lint.citation", "warning", t.path, m.citationYear(yearPart, year!), at);
      // an impossible date is lint.date-invalid's; a possible one must not be later than the plan
      const day = Number(d);
      const month = Number(mo);
      if (validDate(day, month, Number(year)) && afterPlan(c.plan, day, month, Number(year))) {
        const dateText = x[0].slice(x[0].indexOf("ngày"));
        c.emit("lint.citation", "warning", t.path, m.citationAfterPlan(dateText, planDateText(c.plan)), { index: x.index! + x[0].length - dateText.length, needle: dateText, value: t.text });
      }
      const after = t.text.slice(x.index! + x[0].length, x.index! + x[0].length + 60);
      const issuer = COMMITTEE.exec(after);
      const agency = symbol.split("-").slice(1).join("-");
      if (issuer && agency && !COMMITTEE_AGENCY.test(agency) && type !== "Công văn") {
        c.emit("lint.citation", "warning", t.path, m.citationIssuer(symbol, issuer[1]!), at);
      }
    }
  }
}

/** The plan's date as far as it is known: "5/3/2025", "3/2025" or "2025". */
function planDateText(p: RuleContext["plan"]): string {
  return [p.day, p.month, p.year].filter((n) => n !== undefined).join("/");
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
    const typedLine = (typeof r === "string" ? r : r.ten).trim();
    const text = trimMarks(typedLine);
    const path = ["noi_nhan", i];
    if (i !== list.length - 1) c.emit("lint.archive", "warning", path, m.archiveNotLast());
    if (!/^Lưu\s*:/.test(text)) c.emit("lint.archive", "warning", path, m.archiveColon());
    // what offices write after "Lưu:" ("VT, TH (Ta)", "VT, NC (TP, Dũng)") is theirs; the line is
    // printed as typed, so only a missing final full stop is worth a word
    if (!typedLine.endsWith(".")) c.emit("lint.archive", "warning", path, m.archiveFullStop());
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
    const dbl = t.text.includes("  ") ? /\S( {2,})\S/.exec(t.text) : null;
    if (dbl) c.emit("lint.double-space", "warning", t.path, m.doubleSpace(), { index: dbl.index + 1, needle: dbl[1]!, value: t.text });
    const u = unmatchedBrackets(t.text);
    BRACKETS.forEach(([open, close], i) => {
      const at = u[i]!;
      if (at >= 0) c.emit("lint.brackets", "warning", t.path, m.brackets(open, close, t.text[at]!), { index: at, needle: t.text[at]!, value: t.text });
    });
    if (u[3]! >= 0) c.emit("lint.brackets", "warning", t.path, m.quotes(), { index: u[3]!, needle: '"', value: t.text });
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
/** "a)", "2)", "đ)" typed as a list marker: at the start, or after a space, ":" or ";". Not a bracket (a word, "em)", is). */
const ENUMERATOR = /(?:^|[\s:;,])(?:[a-zđ]|\d{1,2})$/iu;

/**
 * Where each kind of bracket (in BRACKETS' order) is first left unmatched — a closing one with no
 * opening before it, or else the first opening one never closed — and the last '"' when their count
 * is odd; -1 where all match. One pass, a stack of positions per kind.
 */
function unmatchedBrackets(s: string): number[] {
  const open: number[][] = [[], [], []];
  const stray = [-1, -1, -1];
  let quote = -1;
  let quotes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // every bracket is ASCII punctuation or a curly quote; letters are passed over at once
    if (c > 0x5d && c !== 0x201c && c !== 0x201d) continue;
    const k = BRACKET_INDEX.get(c);
    if (k === undefined) continue;
    if (k === 6) {
      quotes++;
      quote = i;
    } else if (k % 2 === 0) open[k / 2]!.push(i);
    else if (open[(k - 1) / 2]!.length > 0) open[(k - 1) / 2]!.pop();
    else if (stray[(k - 1) / 2]! < 0 && !(k === 1 && ENUMERATOR.test(s.slice(Math.max(0, i - 3), i)))) stray[(k - 1) / 2] = i;
  }
  const first = open.map((o, j) => (stray[j]! >= 0 ? stray[j]! : (o[0] ?? -1)));
  return [...first, quotes % 2 === 1 ? quote : -1];
}

/**
 * A hand-typed "Mục IV", "khoản 2 Mục III", "điểm a khoản 2 Mục III", "Phụ lục II" in any case; the
 * roman numeral in capitals (so "mục vi phạm" is not "Mục VI").
 */
const HAND_LABEL =
  /(?<![\p{L}\p{N}])(?:(?:[Đđ]iểm|ĐIỂM)\s+([a-zđ]\d*)\s+)?(?:(?:[Kk]hoản|KHOẢN)\s+(\d+(?:\.\d+)*)\s+)?([Mm]ục|MỤC|[Pp]hụ lục|PHỤ LỤC)\s+([IVXLCDM]+)(?![\p{L}\p{N}])/gu;

/** Right after a label: the document it belongs to, when that is another one ("Mục II Kế hoạch số 74/KH-UBND"). */
const ANOTHER_DOCUMENT = /^\s*,?\s*(?:của\s+)?(?:Kế hoạch|Quyết định|Nghị định|Nghị quyết|Thông tư|Chỉ thị|Công văn|Hướng dẫn|Luật|Đề án|Chương trình)(?!\s+này)(?![\p{L}])/u;

/** A hand-typed label naming a part the plan does not have: it went stale when parts moved. */
export function staleReferences(c: RuleContext): void {
  // a profile has no parts of its own to cite
  if (!c.value.noi_dung) return;
  // the plan's labels, computed at the first text that names one
  let labels: Set<string> | undefined;
  for (const t of c.texts) {
    // "mục tiêu", "mục đích" are in most texts: only a roman numeral after "mục"/"lục" is worth the full match
    if (!/(?:ục|ỤC)\s+[IVXLCDM]/.test(t.text)) continue;
    for (const h of t.text.matchAll(HAND_LABEL)) {
      const [typed, diem, khoan, kind, numeral] = h;
      const part = /^m/i.test(kind!) ? "Mục" : "Phụ lục";
      const label = [diem && `điểm ${diem}`, khoan && `khoản ${khoan}`, `${part} ${numeral}`].filter(Boolean).join(" ");
      labels ??= referenceTargets(c.value, numberedItems(c.value)).labels;
      if (!labels.has(label) && !ANOTHER_DOCUMENT.test(t.text.slice(h.index + typed!.length, h.index + typed!.length + 40))) c.emit("lint.stale-reference", "warning", t.path, m.staleReference(typed!, label), { index: h.index, needle: typed!, value: t.text });
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
    const line = joinLines(seg.trim(), " ", isBlank, isWhite);
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
