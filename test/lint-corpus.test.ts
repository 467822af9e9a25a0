import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readCorpus, scoreCorpus } from "../src/lint/measure.js";
import { MINIMAL_PLAN, ROOT } from "./helpers.js";

const corpus = readCorpus(readFileSync(join(ROOT, "test/fixtures/lint-corpus.yaml"), "utf8"));
const { scores, misses } = scoreCorpus(corpus, MINIMAL_PLAN);

describe("lint precision on the labelled corpus of real sentences (npm run lint:precision prints the table)", () => {
  it("every rule that fires on the corpus is right at least 9 times in 10", () => {
    const low = scores.filter((s) => s.precision < 0.9);
    expect(low, JSON.stringify(misses.filter((m) => m.kind === "fp"), null, 1)).toEqual([]);
  });

  it("every rule that fires, and the three the issue names, has true positives in the corpus (the test cannot pass empty)", () => {
    for (const s of scores) expect(s.tp, s.rule).toBeGreaterThan(0);
    for (const rule of ["lint.stale-year", "lint.citation", "lint.brackets"]) {
      expect(scores.find((s) => s.rule === rule)?.tp, rule).toBeGreaterThanOrEqual(5);
    }
  });

  it("the corpus holds sentences of every seed and as many with no problem as with one", () => {
    for (const seed of ["000", "001", "002", "003", "004"]) expect(corpus.some((l) => l.nguon.startsWith(`seed ${seed}`)), seed).toBe(true);
    expect(corpus.filter((l) => l.dung.length === 0).length).toBeGreaterThan(corpus.filter((l) => l.dung.length > 0).length);
  });
});
