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

/** Where the sentence goes in the plan the corpus is linted in (test/fixtures/minimal-plan.yaml). */
const SLOT = "Tăng cường sự lãnh đạo của cấp ủy.";
const SLOT_PATH = "noi_dung[0].cac_y[0].cac_y[0]";

/** The rules that fire on one sentence of the corpus, put in `plan` as an item, the plan dated as the sentence. */
export function rulesFired(l: Labelled, plan: string): Set<string> {
  if (!plan.includes(SLOT)) throw new Error(`the plan has no item "${SLOT}" to put the sentence in`);
  const yaml = plan.replace(SLOT, () => JSON.stringify(l.text)).replace(/^ngay: .*$/m, () => `ngay: "${l.ngay}"`);
  const findings = lintSource(parseSource("corpus.yaml", yaml), {
    planDate: l.ngay,
    // the plan's own date is never in the future here: today is the end of its year
    today: new Date(Date.UTC(Number(l.ngay.slice(0, 4)), 11, 31)),
    disabled: new Set(),
    futureMarginDays: 60,
  });
  // only what is said of the sentence: the plan around it is the same for every sentence
  return new Set(findings.filter((f) => f.path === SLOT_PATH).map((f) => f.rule));
}

/** Precision and recall of every rule that fires on the corpus or is labelled true somewhere in it. */
export function scoreCorpus(corpus: Labelled[], plan: string): { scores: RuleScore[]; misses: { text: string; rule: string; kind: "fp" | "fn" }[] } {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const misses: { text: string; rule: string; kind: "fp" | "fn" }[] = [];
  const count = (rule: string) => counts.get(rule) ?? (counts.set(rule, { tp: 0, fp: 0, fn: 0 }), counts.get(rule)!);
  for (const l of corpus) {
    const fired = rulesFired(l, plan);
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
