/**
 * Fuzz: thousands of mutated plans through the real pipeline. Each ends in a well-formed .docx
 * showing the text literally, or in Vietnamese findings at file:line:col; never an exception,
 * a hang or a partial file. Seeded, so a failure can be replayed.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildOne } from "../src/commands/build.js";
import { readZip } from "../src/pack/index.js";
import { xmlProblem } from "./fuzz/xml.js";
import { fuzzSymlinks } from "./fuzz/symlinks.js";
import { BASE_TEXT, fuzzBases, fuzzWorkspace, mutate, prng } from "./fuzz/generate.js";
import { specialOutput, withManyFootnotes } from "./fuzz/limits.js";
import { HAS_SOFFICE } from "./helpers.js";


interface Outcome {
  built: number;
  rejected: number;
  crashes: string[];
  malformed: string[];
  partial: string[];
  slow: string[];
}

const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;
const LEAK = /TypeError|ReferenceError|RangeError|undefined|\bat Object\.|\bat file:|Cannot read|is not a function/;

describe("fuzz", () => {
  it("never crashes, hangs or writes a malformed or partial .docx", async () => {
    const rnd = prng(20251122);
    const dir = fuzzWorkspace();
    const bases = fuzzBases();
    const out: Outcome = { built: 0, rejected: 0, crashes: [], malformed: [], partial: [], slow: [] };
    const started = Date.now();
    const budgetMs = Number(process.env.FUZZ_SECONDS ?? 45) * 1000;
    let tried = 0;
    const samples: string[] = [];
    while (Date.now() - started < budgetMs && tried < 4000) {
      const base = bases[tried % bases.length]!;
      let text = base;
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) text = mutate(text, rnd);
      if (rnd() < 0.02) text = withManyFootnotes(text, rnd);
      const file = join(dir, "p.yaml");
      const docx = join(dir, "p.docx");
      rmSync(docx, { recursive: true, force: true });
      const special = rnd() < 0.03 ? specialOutput(docx, rnd) : undefined;
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
      if (special) {
        const problem = special.problem(r.output);
        if (problem) out.partial.push(`#${tried}: ${problem}`);
        special.remove();
        out.rejected++;
        continue;
      }
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
