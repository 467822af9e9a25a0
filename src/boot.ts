/**
 * Starts kehoach from its bundle (dist/bundle/kehoach.cjs) with V8's code cache beside it:
 * Node 20 has no compile cache of its own, and compiling a megabyte of JavaScript at every
 * start is most of a cold build. The cache is made by the build (src/bundle.ts), from a real
 * run, so it holds the functions a build uses. V8 checks it against its version, flags and the
 * source, and compiles as usual when it does not fit.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import type { Role } from "./main.js";
import { bootMessages } from "./messages/boot.js";

export const BUNDLE = fileURLToPath(new URL("./bundle/kehoach.cjs", import.meta.url));
export const CODE_CACHE = `${BUNDLE}.cache`;
/**
 * The cache of an import without the proof, made by the build from one (src/bundle.ts): it holds
 * the reader, the recogniser and the YAML writer, which a build never runs, and not the build's
 * stages, which such an import never runs (half the size: V8 reads it in half the time).
 */
export const IMPORT_CODE_CACHE = `${BUNDLE}.import-cache`;

/** The cache made from a run like this one: an import without the proof, or a build (every other command). */
export function cacheFor(argv: readonly string[]): string {
  return argv[2] === "import" && argv.includes("--no-proof") ? IMPORT_CODE_CACHE : CODE_CACHE;
}

/** The bundle as a CommonJS function, as Node itself wraps a module. */
export function bundleScript(cachedData?: Buffer): Script {
  // ASCII (src/bundle.ts asciiOnly): latin1 reads it as UTF-8 would, in half the time
  const source = readFileSync(BUNDLE, "latin1");
  return new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
}

/**
 * V8's tiering for an import: its optimising compiler starts on a function after 8 times the work
 * it waits for by default. An import runs each of its functions over one document, mostly once:
 * optimising the reader's hot ones took 100 to 250 ms of compiling on the other core (30 to 110
 * for one function), which on two shared cores an import waited for, while the code the compiler
 * made came too late to be of use (a clerk's plan imports faster without it, and one 20 times as
 * long too). Set after V8 has taken the code cache (made with the default flags, which it checks),
 * never while the build makes a cache (it would carry these flags), and only for an import: a
 * build of many plans wants the compiler early.
 */
export function v8FlagsFor(argv: readonly string[], makingCache: boolean): string | undefined {
  return argv[2] === "import" && !makingCache ? "--interrupt-budget=540672" : undefined;
}

function codeCache(file: string): Buffer | undefined {
  try {
    // V8 tells a changed source only by its length: a cache older than the bundle is not used
    if (statSync(file).mtimeMs < statSync(BUNDLE).mtimeMs) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Runs the bundle as the command line (bin/kehoach.cjs) or as a build worker (its stub). */
export function boot(role: Role = "cli"): void {
  const script = bundleScript(codeCache(role === "cli" ? cacheFor(process.argv) : CODE_CACHE));
  const flags = role === "cli" ? v8FlagsFor(process.argv, Boolean(process.env.KEHOACH_CODE_CACHE_OUT)) : undefined;
  // node:v8 loaded only then: a build does not load it
  if (flags) (createRequire(BUNDLE)("node:v8") as typeof import("node:v8")).setFlagsFromString(flags);
  const module = { exports: {} as { start?(role: Role): void } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  if (!module.exports.start) throw new Error(bootMessages.brokenBundle(BUNDLE));
  module.exports.start(role);
  // the build sets this to make the cache, after a whole run has compiled what a build needs
  const out = process.env.KEHOACH_CODE_CACHE_OUT;
  if (out && role === "cli") process.once("exit", () => writeFileSync(out, script.createCachedData()));
}
