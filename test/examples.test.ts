/**
 * The five seed plans are the requirements: each example builds, passes the Decree 30 checker,
 * converts in LibreOffice, and reproduces at least 97 % of its seed's words in order.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { documentText } from "./docx.js";
import { CHECKER, HAS_CHECKER, HAS_SOFFICE, ROOT, runCli, tempDir } from "./helpers.js";

const SEEDS = join(ROOT, "test", "fixtures", "seeds");

/** Words as the checker counts them: NFC, lower case, runs of letters and digits. */
export function words(s: string): string[] {
  return s.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Share of a's words found in b in the same order (longest common subsequence). */
export function inOrderRecall(a: string[], b: string[]): number {
  if (!a.length) return 1;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]! / a.length;
}

const seeds = readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();
const out = tempDir("kehoach-examples-");

describe("seed examples", () => {
  it("has one example and one seed fixture per seed", () => {
    expect(seeds).toHaveLength(5);
    const plans = readdirSync(join(ROOT, "examples")).filter((f) => /^\d{3}-.*\.yaml$/.test(f));
    expect(plans.map((p) => p.slice(0, 3)).sort()).toEqual(seeds.map((s) => s.slice(0, 3)));
  });

  describe.each(seeds)("%s", (seed) => {
    const num = seed.slice(0, 3);
    const plan = readdirSync(join(ROOT, "examples")).find((f) => f.startsWith(`${num}-`) && f.endsWith(".yaml"))!;
    const docx = join(out, plan.replace(/\.yaml$/, ".docx"));

    it("builds with no error", () => {
      const r = runCli(["build", join("examples", plan), "-o", docx]);
      expect(r.stderr).not.toMatch(/  lỗi  /);
      expect(r.code).toBe(0);
    });

    it("reproduces at least 97 % of the seed's words, in order", () => {
      const src = readFileSync(join(SEEDS, seed), "utf8")
        .split("\n")
        .filter((l) => !/^(Source|Notes):/.test(l))
        .join("\n");
      const recall = inOrderRecall(words(src), words(documentText(readFileSync(docx))));
      expect(recall).toBeGreaterThanOrEqual(0.97);
    });

    it.runIf(HAS_CHECKER)("passes nd30check with 0 FAIL and correct numbering", () => {
      const r = spawnSync("python3", [CHECKER, docx], { encoding: "utf8" });
      const lines = r.stdout.split("\n");
      const fails = lines.filter((l) => l.startsWith("FAIL")).map((l) => l.split(/\s+/)[1]);
      // the checker accepts the e-office placeholders (#SoKyHieuVanBan, #DiaDiemNgayBanHanh) as Số and date
      expect(fails).toEqual([]);
      expect(lines.find((l) => l.includes("numbering.sequence"))).toMatch(/^PASS/);
    });

    it.runIf(HAS_SOFFICE)("converts to PDF in LibreOffice", () => {
      const dir = mkdtempSync(join(tmpdir(), "kehoach-lo-"));
      const r = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx], { encoding: "utf8", timeout: 180_000 });
      expect(r.status).toBe(0);
      const pdf = join(dir, plan.replace(/\.yaml$/, ".pdf"));
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    }, 200_000);
  });
});
