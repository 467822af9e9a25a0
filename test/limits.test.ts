/**
 * Hostile input that is small or under the size limit: every shape finishes with the right
 * finding at its line:col. No timing here (bench/worst-cases.mjs times them at the size limit).
 */
import { describe, expect, it } from "vitest";
import { parseSource, LIMITS } from "../src/read/index.js";
import { MAX_FINDINGS_PER_RULE } from "../src/read/cap.js";
import { MINIMAL_PLAN } from "./helpers.js";

const read = (text: string) => parseSource("plan.yaml", text);
const first = (text: string) => {
  const s = read(text);
  expect(s.value).toBeUndefined();
  return s.findings[0]!;
};

describe("read: keys are plain words", () => {
  it("rejects a value nested 30 levels inside complex keys without stringifying it (84 bytes)", () => {
    const f = first(`noi_dung: ${"{".repeat(30)}${"}".repeat(30)}\n`);
    expect(f).toMatchObject({ rule: "yaml.complex-key", line: 1 });
    expect(f.message).toContain("trich_yeu");
  });

  it("rejects explicit keys (? ? ? …) at the first ?", () => {
    expect(first(`a: 1\n${"? ".repeat(30)}x\n`)).toMatchObject({ rule: "yaml.complex-key", line: 2, col: 1 });
  });

  it("rejects a list or a mapping as a key at its line:col", () => {
    expect(first("so: '1'\n[a, b]: c\n")).toMatchObject({ rule: "yaml.complex-key", line: 2, col: 1 });
    expect(first("noi_dung: { {a: b}: c }\n")).toMatchObject({ rule: "yaml.complex-key", line: 1, col: 13 });
  });

  it("rejects an alias, an empty or a null key", () => {
    expect(first("a: &k trich_yeu\n*k : x\n")).toMatchObject({ rule: "yaml.complex-key", line: 2, col: 1 });
    expect(first("a: 1\n: x\n")).toMatchObject({ rule: "yaml.empty-key", line: 2 });
    expect(first("a: 1\n~: x\n")).toMatchObject({ rule: "yaml.empty-key", line: 2, col: 1 });
  });

  it("finds keys that become the same key in the plan (1 and \"1\"; composed and precomposed letters)", () => {
    expect(first('a:\n  1: x\n  "1": y\n')).toMatchObject({ rule: "yaml.duplicate-key", line: 3, col: 3 });
    expect(first("tr\u00edch: x\ntri\u0301ch: y\n")).toMatchObject({ rule: "yaml.duplicate-key", line: 2, col: 1 });
  });
});

describe("read: YAML tags", () => {
  it.each(["!!set", "!custom", "!!js/function", "!!binary", "!!str"])("rejects %s at its line:col", (tag) => {
    const f = first(`so: "1"\ntrich_yeu: ${tag} abc\n`);
    expect(f).toMatchObject({ rule: "yaml.tag", line: 2, col: 12 });
    expect(f.message).toContain(`"${tag}"`);
  });
});

describe("read: numbers", () => {
  it("rejects an integer a number cannot hold exactly, telling to quote it", () => {
    const f = first("so_tien: 9999999999999999\n");
    expect(f).toMatchObject({ rule: "yaml.inexact-number", line: 1, col: 10 });
    expect(f.message).toContain('"9999999999999999"');
    expect(first("so_tien: 1e24\n").rule).toBe("yaml.inexact-number");
    expect(read("so_tien: 9007199254740991\n").findings).toEqual([]);
  });
});

describe("read: counts and stops early", () => {
  it("reports 40,000 duplicate keys as a bounded list", () => {
    const s = read(MINIMAL_PLAN + "so: '5'\n".repeat(40_000));
    expect(s.findings.every((f) => f.rule === "yaml.duplicate-key")).toBe(true);
    expect(s.findings.length).toBe(MAX_FINDINGS_PER_RULE + 1);
    expect(s.findings.at(-1)!.message).toMatch(/^… và 39\.900 lỗi tương tự/);
  });

  it("stops at the second anchor of one node, and at the first tag", () => {
    expect(first(`so: ${"&a ".repeat(100_000)}"5"\n`)).toMatchObject({ rule: "yaml.syntax", line: 1, col: 8 });
    expect(first(`so: ${"!t ".repeat(100_000)}"5"\n`)).toMatchObject({ rule: "yaml.tag", line: 1, col: 5 });
  });

  it("stops counting past the node limit (150,000 distinct keys), before the parser sees them all", () => {
    const keys = Array.from({ length: 150_000 }, (_, i) => `k${i}: 1\n`).join("");
    expect(first(keys)).toMatchObject({ rule: "limit.nodes" });
    expect(first("x:\n" + "  -\n".repeat(LIMITS.nodes + 1)).rule).toBe("limit.nodes");
  });

  it("stops at the nesting limit in flow collections and in compact lists", () => {
    expect(first(`a: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`)).toMatchObject({ rule: "limit.depth", line: 1, col: 4 + LIMITS.depth });
    expect(first(`a:\n  ${"- ".repeat(100_000)}x\n`)).toMatchObject({ rule: "limit.depth", line: 2 });
  });

  it("describes at most so many syntax errors", () => {
    const syntax = read("a: b: c\n".repeat(20_000)).findings.filter((f) => f.rule === "yaml.syntax");
    expect(syntax.length).toBe(MAX_FINDINGS_PER_RULE + 1);
    expect(syntax.at(-1)!.message).toContain("lỗi tương tự");
  });
});
