/**
 * Fuzz: thousands of mutated plans through the real pipeline. Each ends in a well-formed .docx
 * showing the text literally, or in Vietnamese findings at file:line:col; never an exception,
 * a hang or a partial file. Seeded, so a failure can be replayed.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { buildOne } from "../src/commands/build.js";
import { readZip } from "../src/pack/index.js";
import { xmlProblem } from "./fuzz/xml.js";
import { hostileMutation } from "./fuzz/hostile.js";
import { fuzzSymlinks } from "./fuzz/symlinks.js";
import { HAS_SOFFICE, MINIMAL_PLAN, ROOT, tempDir } from "./helpers.js";

function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  "{{co_quan.viet_tat}}", "{{#each x}}", "{{> partial}}", "<w:p>", "</w:t>", "]]>", "&amp;", "&", "<", "\u200B", "\u200F", "\u202E",
  "\uFEFF", "\\u0000", "\\uD800", "\\uDC00", "\\x07", "\\u0085", "\u00A0", "99999999999999999999999", "-1e309", "~", "*a", "&a", "!!js/function",
  "%YAML 1.1", "---", "...", "? ", ": ", "- ", "\t", "\r", "\"", "'", "#", "|", ">", "**", "*", "^[", "]", "\\", "ø¸µ", "e\u0301\u0301",
];
const BASE_TEXT = "Văn bản thử";

interface Outcome {
  built: number;
  rejected: number;
  crashes: string[];
  malformed: string[];
  partial: string[];
  slow: string[];
}

function mutate(src: string, rnd: () => number): string {
  const pick = <T,>(a: T[]): T => a[Math.floor(rnd() * a.length)]!;
  const pos = Math.floor(rnd() * (src.length + 1));
  switch (Math.floor(rnd() * 10)) {
    case 0: {
      const b = Buffer.from(src);
      for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      return b.toString("latin1") === src ? src : b.toString("utf8");
    }
    case 1:
      return src.slice(0, pos) + src.slice(pos + 1 + Math.floor(rnd() * 40));
    case 2:
      return src.slice(0, pos);
    case 3:
      return src.slice(0, pos) + pick(HOSTILE) + src.slice(pos);
    case 4: {
      // a hostile string as a quoted text value
      return src.replace(/: (Tăng cường[^\n]*|Thực hiện công tác[^\n]*)/, `: "${pick(HOSTILE)} ${BASE_TEXT} ${pick(HOSTILE)}"`);
    }
    case 5:
      return src.replace(/Huy động[^\n]*/, "x".repeat(1000 + Math.floor(rnd() * 100_000)));
    case 6: {
      let nest = "noi_dung:\n  - loai: noi_dung\n    cac_y:\n";
      let ind = "      ";
      const depth = 1 + Math.floor(rnd() * 60);
      for (let d = 0; d < depth; d++) {
        nest += `${ind}- tieu_de: Cấp ${d}\n${ind}  cac_y:\n`;
        ind += "    ";
      }
      return src.replace(/noi_dung:[\s\S]*?(?=nguoi_ky:)/, nest + `${ind}- Lá.\n`);
    }
    case 7: {
      // wrong types in a random field
      const doc = parseDocument(src);
      if (doc.errors.length) return src;
      const nodes: unknown[] = [];
      const walk = (v: unknown, path: (string | number)[]): void => {
        nodes.push(path);
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
        else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      };
      const js = doc.toJS();
      walk(js, []);
      const path = pick(nodes) as (string | number)[];
      if (!path.length) return src;
      const replacement = pick<unknown>([42, -1, 3.5, true, null, [], {}, ["a", 1], { x: 1 }, "", 1e21, "2025-13-45"]);
      try {
        doc.setIn(path, replacement);
      } catch {
        return src;
      }
      return doc.toString();
    }
    case 9:
      return hostileMutation(src, rnd);
    default: {
      const ch = String.fromCharCode(Math.floor(rnd() * 0x3000));
      return src.slice(0, pos) + ch + src.slice(pos);
    }
  }
}

const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;
const LEAK = /TypeError|ReferenceError|RangeError|undefined|\bat Object\.|\bat file:|Cannot read|is not a function/;

describe("fuzz", () => {
  it("never crashes, hangs or writes a malformed or partial .docx", async () => {
    const rnd = prng(20251122);
    const dir = tempDir("kehoach-fuzz-");
    mkdirSync(join(dir, "co-quan"), { recursive: true });
    for (const f of readdirSync(join(ROOT, "examples", "co-quan"))) if (f.endsWith(".yaml")) copyFileSync(join(ROOT, "examples", "co-quan", f), join(dir, "co-quan", f));
    const bases = [MINIMAL_PLAN, ...readdirSync(join(ROOT, "examples")).filter((f) => /^\d{3}-.*\.yaml$/.test(f)).map((f) => readFileSync(join(ROOT, "examples", f), "utf8"))];
    const out: Outcome = { built: 0, rejected: 0, crashes: [], malformed: [], partial: [], slow: [] };
    const started = Date.now();
    const budgetMs = Number(process.env.FUZZ_SECONDS ?? 45) * 1000;
    let tried = 0;
    const samples: string[] = [];
    while (Date.now() - started < budgetMs && tried < 4000) {
      const base = bases[tried % bases.length]!;
      let text = base;
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) text = mutate(text, rnd);
      const file = join(dir, "p.yaml");
      const docx = join(dir, "p.docx");
      rmSync(docx, { force: true });
      writeFileSync(file, text);
      tried++;
      const t0 = Date.now();
      let r;
      try {
        r = await buildOne({ file, root: dir }, { format: "json" });
      } catch (e) {
        out.crashes.push(`#${tried}: ${(e as Error).stack?.split("\n").slice(0, 3).join(" | ")}`);
        writeFileSync(join(dir, `crash-${tried}.yaml`), text);
        continue;
      }
      if (Date.now() - t0 > 10_000) out.slow.push(`#${tried}: ${Date.now() - t0} ms`);
      const leftovers = readdirSync(dir).filter((f) => f.endsWith(".tmp"));
      if (leftovers.length) out.partial.push(`#${tried}: ${leftovers.join(",")}`);
      if (r.output) {
        out.built++;
        try {
          for (const e of readZip(readFileSync(docx))) {
            if (!/\.(xml|rels)$/.test(e.name)) continue;
            const problem = xmlProblem(e.data.toString("utf8"));
            if (problem) out.malformed.push(`#${tried} ${e.name}: ${problem}`);
          }
          const doc = readZip(readFileSync(docx)).find((e) => e.name === "word/document.xml")!.data.toString("utf8");
          if (text.includes(`"{{co_quan.viet_tat}} ${BASE_TEXT}`) && !doc.includes("{{co_quan.viet_tat}}")) out.malformed.push(`#${tried}: user text not literal`);
        } catch (e) {
          out.malformed.push(`#${tried}: ${(e as Error).message}`);
        }
        if (samples.length < 3 && tried % 7 === 0) {
          const keep = join(dir, `sample-${samples.length}.docx`);
          copyFileSync(docx, keep);
          samples.push(keep);
        }
      } else {
        out.rejected++;
        if (existsSync(docx)) out.partial.push(`#${tried}: rejected but ${docx} exists`);
        const errors = r.findings.filter((f) => f.severity === "error");
        if (!errors.length) out.malformed.push(`#${tried}: rejected without an error`);
        for (const f of r.findings) {
          if (!(f.line >= 1 && f.col >= 1) || !VIETNAMESE.test(f.message) || LEAK.test(f.message)) out.malformed.push(`#${tried}: bad finding ${JSON.stringify(f)}`);
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz: ${tried} inputs in ${seconds} s, ${out.built} built, ${out.rejected} rejected, ${out.crashes.length} crashes, ${out.slow.length} hangs, ${out.malformed.length} malformed, ${out.partial.length} partial`,
    );
    expect(out.crashes).toEqual([]);
    expect(out.malformed.slice(0, 10)).toEqual([]);
    expect(out.partial).toEqual([]);
    expect(out.slow).toEqual([]);
    expect(tried).toBeGreaterThan(300);
    expect(out.built).toBeGreaterThan(50);
    expect(out.rejected).toBeGreaterThan(50);
    if (HAS_SOFFICE) {
      for (const s of samples) {
        const r = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/lo`, "--headless", "--convert-to", "pdf", "--outdir", dir, s], { timeout: 120_000 });
        expect(r.status, s).toBe(0);
        expect(existsSync(s.replace(/\.docx$/, ".pdf")), s).toBe(true);
      }
    }
  }, 240_000);

  it("never reads a template or profile through a symlink leading out of its folder", async () => {
    const r = await fuzzSymlinks(prng(20261201), 150);
    console.log(`fuzz (symlinks): ${r.cases} layouts, ${r.built} built, ${r.refused} refused, ${r.problems.length} problems`);
    expect(r.problems.slice(0, 10)).toEqual([]);
    expect(r.built).toBeGreaterThan(5);
    expect(r.refused).toBeGreaterThan(50);
  }, 120_000);
});
