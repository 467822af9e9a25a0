/**
 * Build step (npm run build): bundles the command line into dist/bundle/, one file for the
 * command and one for the build workers, with the ahead-of-time compiled validators and
 * templates beside them. A clerk's `kehoach build` then loads one file instead of hundreds.
 */
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const dist = fileURLToPath(new URL("./", import.meta.url));
const out = fileURLToPath(new URL("./bundle/", import.meta.url));
// chunk names carry hashes: start empty so no stale chunk stays behind
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { kehoach: `${dist}cli.js`, "build-worker": `${dist}commands/build-worker.js` },
  outdir: out,
  outExtension: { ".js": ".js" },
  bundle: true,
  platform: "node",
  format: "esm",
  // check and lint do not load the docx library: the commands are separate chunks
  splitting: true,
  chunkNames: "chunk-[hash]",
  target: "node20",
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: "none",
  logLevel: "warning",
  // the CommonJS dependencies (handlebars, ajv's runtime) call require()
  banner: { js: 'import { createRequire as __kehoachRequire } from "node:module"; const require = __kehoachRequire(import.meta.url);' },
});
// loaded by the bundle with import("./…"), next to it
copyFileSync(`${dist}validate/compiled.js`, `${out}compiled.js`);
copyFileSync(`${dist}render/standard-templates.js`, `${out}standard-templates.js`);
