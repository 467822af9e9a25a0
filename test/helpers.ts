/** Shared test helpers: run the real CLI as a process, make temporary folders. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");
export const CLI = join(ROOT, "bin", "kehoach.cjs");

/** The independent Decree 30 checker in ../shared. In CI its absence fails the tests that use it, never skips them. */
export const CHECKER = join(ROOT, "..", "shared", "tools", "nd30check.py");
export const HAS_CHECKER = existsSync(CHECKER) || Boolean(process.env.CI);
/** `npm run test:fast` (KEHOACH_FAST=1) leaves out the slow tests: the fuzz test and LibreOffice conversions. */
export const SLOW_TESTS = !process.env.KEHOACH_FAST;
/** LibreOffice conversions run where soffice is, and always in CI (.ci/run installs it): a failed install fails them. */
export const HAS_SOFFICE = SLOW_TESTS && ((process.env.PATH ?? "").split(":").some((d) => existsSync(join(d, "soffice"))) || Boolean(process.env.CI));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    encoding: "utf8",
    timeout: opts.timeout ?? 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = "kehoach-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A complete, valid plan with everything inline (no profile); bench/worst-cases.mjs grows it too. */
export const MINIMAL_PLAN = readFileSync(join(ROOT, "test", "fixtures", "minimal-plan.yaml"), "utf8");
