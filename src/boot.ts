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
 * An import without the proof starts from a bundle of its own (src/bundle.ts): the command line
 * with only the import's modules, a quarter of the size (no validators, templates, docx,
 * handlebars), and its code cache made by the build from such an import. V8 reads, hashes and
 * deserialises a quarter as much before the first line runs.
 */
export const IMPORT_BUNDLE = fileURLToPath(new URL("./bundle/kehoach-import.cjs", import.meta.url));
export const IMPORT_CODE_CACHE = `${IMPORT_BUNDLE}.cache`;

/** The bundle a run like this one starts from: an import without the proof's, or the whole one (every other command). */
export function bundleFor(argv: readonly string[]): string {
  return argv[2] === "import" && argv.includes("--no-proof") ? IMPORT_BUNDLE : BUNDLE;
}

/** The bundle as a CommonJS function, as Node itself wraps a module. */
export function bundleScript(cachedData?: Buffer, bundle = BUNDLE): Script {
  // ASCII (src/bundle.ts asciiOnly): latin1 reads it as UTF-8 would, in half the time
  const source = readFileSync(bundle, "latin1");
  return new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
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

function codeCache(bundle: string): Buffer | undefined {
  try {
    const file = `${bundle}.cache`;
    // V8 tells a changed source only by its length: a cache older than the bundle is not used
    if (statSync(file).mtimeMs < statSync(bundle).mtimeMs) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Runs the bundle as the command line (bin/kehoach.cjs) or as a build worker (its stub). */
export function boot(role: Role = "cli"): void {
  const bundle = role === "cli" ? bundleFor(process.argv) : BUNDLE;
  const script = bundleScript(codeCache(bundle), bundle);
  const flags = role === "cli" ? v8FlagsFor(process.argv, Boolean(process.env.KEHOACH_CODE_CACHE_OUT)) : undefined;
  // node:v8 loaded only then: a build does not load it
  if (flags) (createRequire(bundle)("node:v8") as typeof import("node:v8")).setFlagsFromString(flags);
  const module = { exports: {} as { start?(role: Role): void } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  if (!module.exports.start) throw new Error(bootMessages.brokenBundle(bundle));
  module.exports.start(role);
  // the build sets this to make the cache, after a whole run has compiled what a build needs
  const out = process.env.KEHOACH_CODE_CACHE_OUT;
  if (out && role === "cli") process.once("exit", () => writeFileSync(out, script.createCachedData()));
}
