/**
 * Build step (npm run build): bundles the command line into dist/bundle/kehoach.cjs, one
 * CommonJS file with the ahead-of-time compiled validators and templates inside, then makes
 * its V8 code cache from a real build of an example (src/boot.ts). A clerk's `kehoach build`
 * then loads one file, already compiled, instead of hundreds.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions, type Plugin } from "esbuild";

const dist = fileURLToPath(new URL("./", import.meta.url));
const root = dirname(dist.replace(/[\\/]$/, ""));
const out = join(dist, "bundle");
// a fresh folder: no stale file, and above all no stale code cache, stays behind
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** What each stage's precompiled.js loads: files the build wrote beside it (generate.ts). */
const AHEAD_OF_TIME: Record<string, [string, string]> = {
  validate: ["precompiledValidators", "./compiled.cjs"],
  render: ["precompiledTemplates", "./standard-templates.cjs"],
  write: ["precompiledSharedParts", "./shared-parts.cjs"],
};

/** The validators, templates and shared parts made by the build go inside the bundle; Ajv's compiler stays out. */
const aheadOfTime: Plugin = {
  name: "ahead-of-time",
  setup(b) {
    b.onResolve({ filter: /^\.\/precompiled\.js$/ }, (a) => ({ path: join(a.resolveDir, "precompiled.js"), namespace: "aot" }));
    b.onLoad({ filter: /.*/, namespace: "aot" }, (a) => {
      const stage = basename(dirname(a.path));
      const [name, file] = AHEAD_OF_TIME[stage] ?? [];
      if (!name) throw new Error(`bundle: no ahead-of-time file for ${a.path}`);
      return { contents: `export const ${name} = () => require(${JSON.stringify(file)});`, resolveDir: dirname(a.path), loader: "js" };
    });
    // commander loads node:child_process for executable subcommands, which kehoach has none of, and
    // kehoach only to run LibreOffice (--pdf, .doc and .odt): a stand-in that loads it on first use
    // spares every start 5 ms, and an import of a .docx as much again
    b.onResolve({ filter: /^node:child_process$/ }, (a) =>
      a.namespace === "on-first-use" ? undefined : { path: a.importer.includes(`${sep}commander${sep}`) ? "commander" : "kehoach", namespace: "on-first-use" },
    );
    b.onLoad({ filter: /.*/, namespace: "on-first-use" }, (a) => ({
      // commander's require() gets an object; kehoach's modules import names (another name fails the bundle)
      contents:
        a.path === "commander"
          ? 'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });'
          : 'const cp = () => require("node:child_process");\nexport const spawn = (...a) => cp().spawn(...a);\nexport const spawnSync = (...a) => cp().spawnSync(...a);',
      loader: "js",
    }));
    b.onResolve({ filter: /^\.\/schemas\.js$/ }, (a) => (a.importer.endsWith(`${sep}validate${sep}index.js`) ? { path: "schemas", namespace: "no-compiler" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "no-compiler" }, () => ({
      contents: 'export const compileValidators = () => { throw new Error("kehoach: compiled validators missing from the bundle"); };',
      loader: "js",
    }));
  },
};

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular expressions: escaped
 * there too (`\uXXXX` means the same character in a pattern, with or without the u flag), the
 * bundle is ASCII and the launcher reads it as latin1, in half the time UTF-8 takes (src/boot.ts).
 */
function asciiOnly(file: string): void {
  const source = readFileSync(file, "utf8");
  const ascii = source.replace(/[^\x00-\x7f]/g, (c, at: number) => {
    let slashes = 0;
    while (source[at - 1 - slashes] === "\\") slashes++;
    // `\é` is the character itself in a pattern; escaped once more it would be a backslash and "u…"
    if (slashes % 2) throw new Error(`bundle: a backslash before a non-ASCII character at ${at}: write the character without it`);
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
  writeFileSync(file, ascii);
}

/** One CommonJS file for Node 20 from an ES module of dist; import.meta.url becomes the file's own URL. */
async function commonJs(entry: string, outfile: string, options: Partial<BuildOptions> = {}): Promise<void> {
  await build({
    entryPoints: [join(dist, entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
    define: { "import.meta.url": "__kehoach_url" },
    // the bundle runs in a vm.Script, which has no import(): Node's modules are required; and
    // Node 20 reads \p{…} in a pattern, which esbuild would otherwise turn into a new RegExp()
    // made and looked up again at every call (the recogniser tests every line and run with them)
    supported: { "dynamic-import": false, "regexp-unicode-property-escapes": true },
    banner: { js: 'var __kehoach_url = require("node:url").pathToFileURL(__filename).href;' },
    ...options,
  });
}

/**
 * The import's own bundle (src/boot.ts bundleFor): the same entry, with every module a command
 * loads when it runs (import()) left out but the import's and its Word reader, so without the
 * other commands, the proof's build (validators, templates, docx) and init's handlebars. What is
 * left out throws if ever loaded, which an import without the proof never does.
 */
const IMPORT_MODULES = new Set(["./cli.js", "./commands/import.js", "../read/word/index.js", "./soffice.js"]);
const importOnly: Plugin = {
  name: "import-only",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (a) => (a.kind === "dynamic-import" && !IMPORT_MODULES.has(a.path) ? { path: a.path, namespace: "not-in-import" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "not-in-import" }, (a) => ({ contents: `throw new Error(${JSON.stringify(`kehoach: ${a.path} is not in the import's bundle`)});`, loader: "js" }));
  },
};

const bundleOptions = { minifySyntax: true, minifyWhitespace: true, legalComments: "none" } as const;
await commonJs("main.js", join(out, "kehoach.cjs"), { ...bundleOptions, plugins: [aheadOfTime] });
asciiOnly(join(out, "kehoach.cjs"));
await commonJs("main.js", join(out, "kehoach-import.cjs"), { ...bundleOptions, plugins: [importOnly, aheadOfTime] });
asciiOnly(join(out, "kehoach-import.cjs"));
// the launcher as CommonJS too (bin/kehoach.cjs): Node starts a CommonJS entry faster than a module
await commonJs("boot.js", join(dist, "boot.cjs"));
// build workers start from the same bundle and cache (src/main.ts picks the worker's part)
writeFileSync(join(out, "build-worker.js"), 'import launcher from "../boot.cjs";\nlauncher.boot("worker");\n');

// the code caches: the whole bundle's, from a real build of the example with footnotes and an
// office profile; the import's bundle's, from one import without the proof of three .docx (that
// example's, and two other provinces' with tables), beside the example's office profile, which it
// reads: the functions a document's tables and styles need are in the cache too (a clerk's .docx
// imports 2 ms sooner than with the first example's alone)
const example = join(root, "examples", "004-quang-nam.yaml");
const more = ["nghe-an-nuoc-sach.yaml", "dan-chieu-muong-khuong.yaml"].map((f) => join(root, "examples", f));
const office = join(root, "examples", "co-quan", "quang-nam.yaml");
if ([example, ...more, office].every((f) => existsSync(f))) {
  const tmp = mkdtempSync(join(tmpdir(), "kehoach-cache-"));
  const run = (args: string[], cache?: string): void => {
    const env = cache ? { ...process.env, KEHOACH_CODE_CACHE_OUT: cache } : process.env;
    const r = spawnSync(process.execPath, [join(root, "bin", "kehoach.cjs"), ...args], { env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`bundle: ${args.join(" ")} failed:\n${r.stderr}`);
  };
  try {
    run(["build", example, "-o", join(tmp, "p.docx")], join(out, "kehoach.cjs.cache"));
    const docs = [join(tmp, "p.docx")];
    more.forEach((plan, i) => {
      docs.push(join(tmp, `m${i}.docx`));
      run(["build", plan, "-o", docs[docs.length - 1]!]);
    });
    copyFileSync(office, join(tmp, "co-quan.yaml"));
    run(["import", ...docs, "--no-proof", "--out-dir", join(tmp, "import")], join(out, "kehoach-import.cjs.cache"));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
