/**
 * The README is the front door: every YAML block in it passes `kehoach check` with the real CLI
 * (issue #13 item 10). The profile block and the plan block go together, as the README presents
 * them (co-quan.yaml beside plan.yaml); a block that is a fragment of a plan (no `trich_yeu`) is
 * checked inside the README's plan, its top-level keys replacing the plan's.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, runCli, tempDir } from "./helpers.js";

const README = readFileSync(join(ROOT, "README.md"), "utf8");
const blocks = [...README.matchAll(/^```ya?ml\n([^]*?)^```$/gm)].map((m) => m[1]!);

const profile = blocks.find((b) => /^# co-quan\.yaml/.test(b));
const plan = blocks.find((b) => /^# plan\.yaml/.test(b));
const fragments = blocks.filter((b) => b !== profile && b !== plan);

/** The top-level keys of a YAML text (lines starting at column 0 with "key:"). */
const topKeys = (yaml: string): string[] => [...yaml.matchAll(/^([a-z_]+):/gm)].map((m) => m[1]!);

/** `base` with the top-level entries named in `keys` removed (each runs to the next top-level line). */
function without(base: string, keys: string[]): string {
  const out: string[] = [];
  let skipping = false;
  for (const line of base.split("\n")) {
    if (/^\S/.test(line)) skipping = keys.includes(/^([a-z_]+):/.exec(line)?.[1] ?? "");
    if (!skipping) out.push(line);
  }
  return out.join("\n");
}

function check(planText: string): { code: number; out: string } {
  const dir = tempDir("kehoach-readme-");
  writeFileSync(join(dir, "co-quan.yaml"), profile!);
  writeFileSync(join(dir, "plan.yaml"), planText);
  const r = runCli(["check", "plan.yaml"], { cwd: dir });
  return { code: r.code, out: r.stderr + r.stdout };
}

describe("README: every YAML block passes kehoach check", () => {
  it("has the profile block and the plan block", () => {
    expect(profile).toBeDefined();
    expect(plan).toBeDefined();
  });

  it("the profile and the plan, written as co-quan.yaml and plan.yaml, have 0 errors", () => {
    const r = check(plan!);
    expect(r.out).not.toMatch(/  lỗi  /);
    expect(r.code).toBe(0);
  });

  it("the profile and the plan are in kehoach fmt's layout, as an office's CI checks its own (fmt --check)", () => {
    const dir = tempDir("kehoach-readme-fmt-");
    writeFileSync(join(dir, "co-quan.yaml"), profile!);
    writeFileSync(join(dir, "plan.yaml"), plan!);
    const r = runCli(["fmt", "--check", "co-quan.yaml", "plan.yaml"], { cwd: dir });
    expect(r.stderr).toContain("2 tệp: không tệp nào cần viết lại");
    expect(r.code).toBe(0);
  });

  it.each(fragments.map((f, i) => [i + 1, f]))("fragment %i, inside the README's plan, has 0 errors", (_i, fragment) => {
    const f = fragment as string;
    const r = check(`${without(plan!, topKeys(f)).trimEnd()}\n${f}`);
    expect(r.out).not.toMatch(/  lỗi  /);
    expect(r.code).toBe(0);
  });
});
