/**
 * How far a clerk can trust lint: each sentence of a labelled corpus (test/fixtures/lint-corpus.yaml)
 * is linted as one item of an otherwise clean plan, and what fired is compared with its labels.
 * Used by bench/lint-precision.mjs and test/lint-corpus.test.ts.
 */
import { parse } from "yaml";
import { parseSource } from "../read/index.js";
import { lintSource } from "./index.js";

interface CorpusGroup {
  nguon: string;
  ngay: string;
  cau: (string | { text: string; dung: string[] })[];
}

export interface Labelled {
  text: string;
  ngay: string;
  nguon: string;
  /** The rules that should fire; every other rule should not. */
  dung: string[];
}

export interface RuleScore {
  rule: string;
  /** Fired where labelled true, fired where labelled false, silent where labelled true. */
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export function readCorpus(text: string): Labelled[] {
  const groups = (parse(text) as { nhom: CorpusGroup[] }).nhom;
  return groups.flatMap((g) =>
    g.cau.map((c) => {
      // a sentence with ": " in it, left unquoted, would be read as a mapping: refuse it rather than score it wrong
      if (typeof c !== "string" && (typeof c.text !== "string" || !Array.isArray(c.dung))) throw new Error(`corpus entry is neither a sentence nor { text, dung }: ${JSON.stringify(c)}`);
      return typeof c === "string" ? { text: c, dung: [], ngay: g.ngay, nguon: g.nguon } : { text: c.text, dung: c.dung, ngay: g.ngay, nguon: g.nguon };
    }),
  );
}

/** A clean plan around one item; its own texts fire no rule. */
const PLAN = (ngay: string, sentence: string) => `co_quan:
  ten: [ỦY BAN NHÂN DÂN, HUYỆN LÝ SƠN]
  ten_goi: Ủy ban nhân dân huyện Lý Sơn
  viet_tat: UBND
  dia_danh: Lý Sơn
so: "15"
ngay: "${ngay}"
trich_yeu: Triển khai thực hiện công tác trẻ em
noi_dung:
  - loai: muc_dich_yeu_cau
    cac_y:
      - ${JSON.stringify(sentence)}
nguoi_ky:
  kt: CHỦ TỊCH
  chuc_vu: PHÓ CHỦ TỊCH
  ho_ten: Nguyễn Văn An
noi_nhan:
  - UBND tỉnh
luu: { don_vi: VHXH, so_ban: "02" }
`;

/** The rules that fire on one sentence of the corpus. */
export function rulesFired(l: Labelled): Set<string> {
  const findings = lintSource(parseSource("corpus.yaml", PLAN(l.ngay, l.text)), {
    planDate: l.ngay,
    // the plan's own date is never in the future here: today is the end of its year
    today: new Date(Date.UTC(Number(l.ngay.slice(0, 4)), 11, 31)),
    disabled: new Set(),
    futureMarginDays: 60,
  });
  return new Set(findings.map((f) => f.rule));
}

/** Precision and recall of every rule that fires on the corpus or is labelled true somewhere in it. */
export function scoreCorpus(corpus: Labelled[]): { scores: RuleScore[]; misses: { text: string; rule: string; kind: "fp" | "fn" }[] } {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const misses: { text: string; rule: string; kind: "fp" | "fn" }[] = [];
  const count = (rule: string) => counts.get(rule) ?? (counts.set(rule, { tp: 0, fp: 0, fn: 0 }), counts.get(rule)!);
  for (const l of corpus) {
    const fired = rulesFired(l);
    for (const rule of new Set([...fired, ...l.dung])) {
      const kind = fired.has(rule) ? (l.dung.includes(rule) ? "tp" : "fp") : "fn";
      count(rule)[kind]++;
      if (kind !== "tp") misses.push({ text: l.text, rule, kind });
    }
  }
  const scores = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => ({
    rule,
    ...n,
    precision: n.tp + n.fp === 0 ? 1 : n.tp / (n.tp + n.fp),
    recall: n.tp + n.fn === 0 ? 1 : n.tp / (n.tp + n.fn),
  }));
  return { scores, misses };
}
