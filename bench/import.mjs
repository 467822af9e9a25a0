// npm run bench, the import figure: `kehoach import` of a .docx, without and with its proof, against
// `pandoc -f docx -t markdown` reading the same file, as whole processes in turns (see bench/README.md).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

/** The seed imported as a clerk's Word document (the largest whose fixture the import tests pass), and its office (examples/co-quan/). */
const SEED = "000_8a4fdc4725bad7c3.txt";
const SEED_OFFICE = "dien-hoa.yaml";
/** The example's office: the largest example is 002's. */
const OFFICES = { "002": "bang-mac.yaml", "000": "dien-hoa.yaml", "001": "phu-la.yaml", "003": "ly-son.yaml", "004": "quang-nam.yaml" };

/**
 * The environment of an office's machine: this one's without NODE_EXTRA_CA_CERTS. With it set,
 * Node 20 parses its own root certificates and the file named before the first line of any
 * script runs (nodejs/node#40524; on the benchmark machine, which sets it, `node -e 0` takes 58 ms
 * instead of 23), for TLS, which kehoach never uses. pandoc pays nothing for it, so the import is
 * compared with pandoc in both environments, and its target judged in the office's.
 */
export function officeEnv(env = process.env) {
  const { NODE_EXTRA_CA_CERTS: _, ...rest } = env;
  return rest;
}

/**
 * The .docx files: the largest example as kehoach builds it (`exampleDocx`) and a seed as a clerk's
 * Word document (made by LibreOffice from hand-made HTML, as the import tests make theirs; without
 * LibreOffice, the docx library's auto-numbered plan the tests also use). Each is imported in its
 * office's folder (the profile beside it), each run into a fresh folder (import never overwrites).
 * `once(cmd, args, cwd)` times one process; medians of `runs` rounds after 2 rounds of warm-up.
 */
export async function importFigures({ root, cli, work, runs, pandoc, soffice, exampleDocx, exampleName, once, median }) {
  const files = [{ key: "example", file: exampleName, docx: exampleDocx, office: OFFICES[exampleName.replace(/^examples\//, "").slice(0, 3)] }];
  if (soffice) files.push({ key: "seed", file: `test/fixtures/seeds/${SEED} as a clerk's .docx (LibreOffice from seed-html.ts)`, docx: await seedDocx(root, work, SEED, 0), office: SEED_OFFICE });
  else files.push({ key: "seed", file: "test/fixtures/word/numbered.ts (docx library, Word auto-numbering; LibreOffice not found)", docx: await numberedDocx(root, work) });
  for (const f of files) {
    f.dir = join(work, "import", f.key);
    mkdirSync(f.dir, { recursive: true });
    if (f.office) copyFileSync(join(root, "examples", "co-quan", f.office), join(f.dir, "co-quan.yaml"));
  }
  const office = officeEnv();
  const both = "NODE_EXTRA_CA_CERTS" in process.env;
  // [figure, folder, command(round), environment]; every one in the office's environment, the import without the proof in this machine's too
  const commands = files.flatMap((f) => [
    [`${f.key}.kehoach_no_proof`, f.dir, (r) => [process.execPath, [cli, "import", f.docx, "--no-proof", "--out-dir", join(f.dir, `n${r}`)]], office],
    ...(both ? [[`${f.key}.kehoach_no_proof_machine_env`, f.dir, (r) => [process.execPath, [cli, "import", f.docx, "--no-proof", "--out-dir", join(f.dir, `m${r}`)]], process.env]] : []),
    [`${f.key}.kehoach_proof`, f.dir, (r) => [process.execPath, [cli, "import", f.docx, "--out-dir", join(f.dir, `p${r}`)]], office],
    ...(pandoc ? [[`${f.key}.pandoc`, f.dir, (r) => ["pandoc", ["-f", "docx", "-t", "markdown", f.docx, "-o", join(f.dir, `${r}.md`)]], office]] : []),
  ]);
  commands.push(["node.office_env", work, () => [process.execPath, ["-e", "0"]], office]);
  if (both) commands.push(["node.machine_env", work, () => [process.execPath, ["-e", "0"]], process.env]);
  const times = commands.map(() => []);
  for (let round = -2; round < runs; round++) {
    commands.forEach(([, dir, make, env], i) => {
      const [cmd, args] = make(round + 2);
      const t = once(cmd, args, dir, env);
      if (round >= 0) times[i].push(t);
    });
  }
  const out = { runs, node_extra_ca_certs: both, files: {}, node: {} };
  for (const f of files) out.files[f.key] = { file: f.file, bytes: statSync(f.docx).size };
  commands.forEach(([figure], i) => {
    const [key, what] = figure.split(".");
    const o = key === "node" ? out.node : out.files[key];
    o[`${what}_ms`] = median(times[i].map((t) => t.ms));
    o[`${what}_rss_mb`] = Math.max(...times[i].map((t) => t.rss));
  });
  for (const o of Object.values(out.files)) {
    if (!o.pandoc_ms) continue;
    o.no_proof_vs_pandoc = o.kehoach_no_proof_ms / o.pandoc_ms;
    if (both) o.no_proof_vs_pandoc_machine_env = o.kehoach_no_proof_machine_env_ms / o.pandoc_ms;
  }
  return out;
}

/** A module of test/fixtures/word/ (TypeScript), compiled by esbuild beside node_modules and loaded. */
async function fixture(root, name) {
  const tmp = join(root, "bench", `.${name}.mjs`);
  await build({ entryPoints: [join(root, "test", "fixtures", "word", `${name}.ts`)], bundle: true, format: "esm", platform: "node", packages: "external", outfile: tmp, logLevel: "warning" });
  try {
    return await import(pathToFileURL(tmp).href);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** A seed as a clerk's Word document, as test/fixtures/word/make.ts makes it: its hand-made HTML converted by LibreOffice. */
async function seedDocx(root, work, name, variant) {
  const { seedHtml } = await fixture(root, "seed-html");
  const base = name.replace(/\.txt$/, "");
  const html = join(work, `${base}.html`);
  writeFileSync(html, seedHtml(readFileSync(join(root, "test", "fixtures", "seeds", name), "utf8"), variant));
  const profile = pathToFileURL(join(work, ".profile")).href;
  const r = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", work, html], { encoding: "utf8", timeout: 180_000 });
  if (r.status !== 0) throw new Error(`soffice → docx: ${r.status} ${r.stderr}`);
  return join(work, `${base}.docx`);
}

/** The docx library's auto-numbered plan (test/fixtures/word/numbered.ts). */
async function numberedDocx(root, work) {
  const file = join(work, "numbered.docx");
  writeFileSync(file, await (await fixture(root, "numbered")).numberedDocx());
  return file;
}

/** The table rows of the import figures. */
export function importRows(imp, fmt, ok, pandoc) {
  const rows = pandoc ? [] : [["pandoc -f docx -t markdown", "not measured: pandoc not found (apt-get install pandoc)", "", ""]];
  const office = imp.node_extra_ca_certs ? " (without NODE_EXTRA_CA_CERTS)" : "";
  for (const [key, o] of Object.entries(imp.files)) {
    const what = key === "example" ? "the largest example's .docx" : "a clerk's .docx (seed 000)";
    rows.push([`import of ${what}, --no-proof${office}`, `${fmt(o.kehoach_no_proof_ms)} ms, ${fmt(o.kehoach_no_proof_rss_mb)} MB`, "", ""]);
    if (imp.node_extra_ca_certs) rows.push([`the same, with this machine's NODE_EXTRA_CA_CERTS`, `${fmt(o.kehoach_no_proof_machine_env_ms)} ms, ${fmt(o.kehoach_no_proof_machine_env_rss_mb)} MB`, "", ""]);
    rows.push([`import of ${what}, with the proof${office}`, `${fmt(o.kehoach_proof_ms)} ms, ${fmt(o.kehoach_proof_rss_mb)} MB`, "", ""]);
    if (o.pandoc_ms === undefined) continue;
    rows.push([`pandoc -f docx -t markdown, same .docx`, `${fmt(o.pandoc_ms)} ms, ${fmt(o.pandoc_rss_mb)} MB`, "", ""]);
    rows.push([`import --no-proof / pandoc${office}`, fmt(o.no_proof_vs_pandoc, 2), "≤ 1", ok(o.no_proof_vs_pandoc <= 1)]);
    if (imp.node_extra_ca_certs) rows.push([`the same, with NODE_EXTRA_CA_CERTS`, fmt(o.no_proof_vs_pandoc_machine_env, 2), "", ""]);
  }
  rows.push([`node -e 0${office}`, `${fmt(imp.node.office_env_ms)} ms`, "", ""]);
  if (imp.node_extra_ca_certs) rows.push([`node -e 0 with NODE_EXTRA_CA_CERTS`, `${fmt(imp.node.machine_env_ms)} ms`, "", ""]);
  return rows;
}
