/**
 * Hostile input that is small or under the size limit: every shape finishes with the right
 * finding at its line:col. No timing here (bench/worst-cases.mjs times them at the size limit).
 */
import { describe, expect, it } from "vitest";
import { existsSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { parseSource, readSource, LIMITS } from "../src/read/index.js";
import { readRegularFile } from "../src/read/files.js";
import { MAX_FINDINGS_PER_RULE } from "../src/read/cap.js";
import { lintSource } from "../src/lint/index.js";
import { TEXT_LIMITS } from "../src/normalize/text.js";
import { buildOne } from "../src/commands/build.js";
import { loadPlan, renderLoaded } from "../src/pipeline.js";
import { normalizePlan } from "../src/normalize/index.js";
import { MINIMAL_PLAN, tempDir } from "./helpers.js";

/** The minimal plan with its trích yếu replaced by `line` (a whole YAML line, or several). */
const withSummary = (line: string) => MINIMAL_PLAN.replace(/^trich_yeu:.*$/m, () => line);

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

  it("accepts a file just under the node limit, whatever its scalars' style", () => {
    const entries = LIMITS.nodes - 10;
    expect(read(Array.from({ length: entries }, (_, i) => `k${i}: |\n  a\n`).join("")).findings).toEqual([]);
    expect(read(Array.from({ length: entries }, (_, i) => `k${i}: "a"\n`).join("")).findings).toEqual([]);
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

describe("lint: linear in the text, findings capped per rule", () => {
  const lint = (text: string) => {
    const src = parseSource("plan.yaml", text);
    expect(src.findings).toEqual([]);
    return lintSource(src, { planDate: "2025-03-05", today: new Date(Date.UTC(2025, 2, 5)), disabled: new Set(), futureMarginDays: 60 });
  };

  it("passes a citation followed by 300,000 spaces", () => {
    const rules = (text: string) => new Set(lint(withSummary(`trich_yeu: "${text}"`)).map((f) => f.rule));
    expect(rules(`Kế hoạch số 1${" ".repeat(300_000)}x`)).toEqual(new Set(["lint.double-space"]));
    expect(rules(`Kế hoạch${" ".repeat(300_000)}số 1`)).toEqual(new Set(["lint.double-space"]));
  });

  it("finishes on a ký hiệu of 300,000 digits and a typed Lưu line ending in 300,000 marks", () => {
    expect(lint(withSummary(`trich_yeu: "Kế hoạch số 1/KH${"1".repeat(300_000)}x ngày 1/1/2025"`)).map((f) => f.rule)).toContain("lint.citation");
    const typed = MINIMAL_PLAN.replace(/^luu:.*\n/m, "").replace("  - Các trường học", `  - "Lưu${";.".repeat(150_000)}x"`);
    expect(lint(typed).map((f) => f.rule)).toContain("lint.archive");
  });

  it("reports ./. repeated 60,000 and 240,000 times as 100 findings and a count", () => {
    for (const times of [60_000, 240_000]) {
      const end = lint(withSummary(`trich_yeu: "${"./.".repeat(times)} a"`)).filter((f) => f.rule === "lint.end-mark");
      expect(end.length).toBe(MAX_FINDINGS_PER_RULE + 1);
      expect(end.at(-1)!.message).toMatch(new RegExp(`^… và ${(times - MAX_FINDINGS_PER_RULE).toLocaleString("de-DE")} cảnh báo tương tự`));
    }
  });

  it("finishes on stale years and impossible dates repeated, and on a recipient of 200,000 (", () => {
    expect(lint(withSummary(`trich_yeu: "${"năm 2019 ".repeat(100_000)}"`)).filter((f) => f.rule === "lint.stale-year").length).toBe(MAX_FINDINGS_PER_RULE + 1);
    expect(lint(withSummary(`trich_yeu: "${"31/4/2025 ".repeat(100_000)}"`)).filter((f) => f.rule === "lint.date-invalid").length).toBe(MAX_FINDINGS_PER_RULE + 1);
    expect(lint(MINIMAL_PLAN.replace("  - Các trường học", `  - "${"(".repeat(200_000)}"\n  - "${"(".repeat(200_000)}"`)).map((f) => f.rule)).toContain("lint.brackets");
  });
});

describe("render and write: lists as long as the input", () => {
  it("rejects a trích yếu of 130,000 lines at its line:col (it overflowed the stack as Math.max's arguments)", async () => {
    const dir = tempDir("kehoach-lines-");
    const file = join(dir, "p.yaml");
    writeFileSync(file, withSummary(`trich_yeu: |-\n${"  a\n".repeat(130_000)}  a`));
    const r = await buildOne({ file, root: dir }, { format: "json" });
    expect(r.findings).toMatchObject([{ rule: "schema.max-length", line: 8, col: 12, path: "trich_yeu" }]);
    expect(r.findings[0]!.message).toContain("Trích yếu quá dài");
    expect(existsSync(join(dir, "p.docx"))).toBe(false);
  });
});

describe("amounts are exact", () => {
  const totals = (amounts: string[]) => {
    const lines = amounts.map((a) => `      - { noi_dung: Chi, so_tien: ${a} }`).join("\n");
    const src = parseSource("plan.yaml", MINIMAL_PLAN.replace("noi_dung:\n", `noi_dung:\n  - loai: kinh_phi\n    du_toan:\n${lines}\n`));
    expect(src.findings).toEqual([]);
    // past the schema's maximum on purpose: render's sums must stay exact whatever reaches them
    const m = renderLoaded(normalizePlan({ plan: src }).plan!, { date: new Date(Date.UTC(2025, 2, 5)) }).model!;
    const table = m.body.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("no table");
    // a cell is paragraphs of runs
    const cellText = (cell: { text: string }[][]): string => cell.flat().map((x) => x.text).join("");
    // the last row is the total, its "Tổng cộng" merged over two columns: the amount is its last cell
    return table.rows.map((r, i) => cellText(r.cells[i === table.rows.length - 1 ? 1 : 2]!.content));
  };

  it("prints 16 and 24 digits as typed, and sums them digit by digit", () => {
    expect(totals(['"9999999999999999"', "1"])).toEqual(["9.999.999.999.999.999", "1", "10.000.000.000.000.000"]);
    expect(totals(['"999.999.999.999.999.999.999.999"', '"0001"'])).toEqual(["999.999.999.999.999.999.999.999", "1", "1.000.000.000.000.000.000.000.000"]);
    expect(totals(["9007199254740991", "9007199254740991"]).at(-1)).toBe("18.014.398.509.481.982");
  });
});

describe("special files: only regular files are read, and never past the limit", () => {
  it("refuses /dev/zero and /dev/null (their stated size is 0) without reading them", () => {
    for (const dev of ["/dev/zero", "/dev/null"]) {
      expect(readSource(dev).findings).toMatchObject([{ file: dev, line: 1, col: 1, rule: "file.special" }]);
      expect(readRegularFile(dev, 1024)).toEqual({ refusal: "special" });
    }
  });

  it("refuses a FIFO as a plan instead of waiting for a writer", () => {
    const fifo = join(tempDir("kehoach-fifo-"), "p.yaml");
    execFileSync("mkfifo", [fifo]);
    expect(readSource(fifo).findings).toMatchObject([{ rule: "file.special" }]);
    expect(readSource(fifo).findings[0]!.message).toContain("FIFO");
  });

  it("reads a regular file up to the limit and refuses one byte more", () => {
    const dir = tempDir("kehoach-size-");
    writeFileSync(join(dir, "a"), "x".repeat(100));
    expect(readRegularFile(join(dir, "a"), 100)).toEqual({ bytes: Buffer.from("x".repeat(100)) });
    expect(readRegularFile(join(dir, "a"), 99)).toEqual({ refusal: "too-large", size: 100 });
    expect(readRegularFile(dir, 99)).toMatchObject({ refusal: "not-file" });
    expect(readRegularFile(join(dir, "none"), 99)).toMatchObject({ refusal: "missing" });
  });
});

describe("findings of normalize are capped too", () => {
  it("reports 1,000 items ending in a mark before their deadline as 100 findings and a count", () => {
    const dir = tempDir("kehoach-marks-");
    const file = join(dir, "p.yaml");
    const items = Array.from({ length: 1000 }, () => `          - { doan: "Báo cáo;", han: "2025-05-10" }`).join("\n");
    writeFileSync(file, MINIMAL_PLAN.replace("          - Tăng cường sự lãnh đạo của cấp ủy.\n          - Huy động sự tham gia của gia đình.", () => items));
    const marks = loadPlan(file).findings.filter((f) => f.rule === "text.punctuation");
    expect(marks.length).toBe(MAX_FINDINGS_PER_RULE + 1);
    expect(marks.at(-1)!.message).toMatch(/^… và 900 lỗi tương tự/);
  });
});

describe("normalize: what a plan's texts may hold", () => {
  const plan = (text: string): string => MINIMAL_PLAN.replace("Huy động sự tham gia của gia đình.", `"${text}"`);
  const findings = (yaml: string) => normalizePlan({ plan: parseSource("plan.yaml", yaml) }).findings.filter((f) => f.rule === "limit.text");

  it("takes a plan at each limit, and refuses the first footnote, emphasis or paragraph past it, where it stands", () => {
    expect(findings(plan("x^[y] ".repeat(TEXT_LIMITS.footnotes)))).toEqual([]);
    const over = findings(plan("x^[y] ".repeat(TEXT_LIMITS.footnotes + 1)));
    expect(over).toHaveLength(1);
    // the item's text starts after `          - "` on its line; the 5,001st "^[" is 5,000 × 6 + 1 further
    const line = plan("").split("\n").findIndex((l) => l.includes('- ""')) + 1;
    expect(over[0]).toMatchObject({ line, col: 14 + TEXT_LIMITS.footnotes * 6 + 1, path: "noi_dung[0].cac_y[0].cac_y[1]" });
    expect(over[0]!.message).toContain("quá nhiều chú thích (tối đa 5.000");
    expect(findings(plan("**a** ".repeat(TEXT_LIMITS.emphases)))).toEqual([]);
    expect(findings(plan("**a** ".repeat(TEXT_LIMITS.emphases + 1)))[0]!.message).toContain("in đậm, in nghiêng, chỉ số trên, chỉ số dưới (tối đa 20.000");
    // a subscript or superscript is a run like an emphasis
    expect(findings(plan("H~2~O ".repeat(TEXT_LIMITS.emphases)))).toEqual([]);
    expect(findings(plan("m^3^ ".repeat(TEXT_LIMITS.emphases + 1))).map((f) => f.rule)).toEqual(["limit.text"]);
    // counted over the whole plan, not text by text
    const two = MINIMAL_PLAN.replace("Huy động sự tham gia của gia đình.", `"${"x^[y] ".repeat(3000)}"`).replace("Tăng cường sự lãnh đạo của cấp ủy.", `"${"x^[y] ".repeat(3000)}"`);
    expect(findings(two)).toHaveLength(1);
  });
});
