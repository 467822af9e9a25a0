// npm run lint:precision: precision and recall of each lint rule on the labelled corpus of real
// sentences (test/fixtures/lint-corpus.yaml). Precision first: a warning a clerk learns to ignore
// is worse than one not given. `--misses` also lists every false positive and false negative.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readCorpus, scoreCorpus } from "../dist/lint/measure.js";

const fixture = (name) => readFileSync(fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url)), "utf8");
const corpus = readCorpus(fixture("lint-corpus.yaml"));
const { scores, misses } = scoreCorpus(corpus, fixture("minimal-plan.yaml"));
const pct = (x) => `${(x * 100).toFixed(0)}%`;
console.log(`${corpus.length} câu (sentences), ${corpus.filter((l) => l.dung.length).length} with a true problem\n`);
console.log("| rule | TP | FP | FN | precision | recall |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const s of scores) console.log(`| ${s.rule} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(s.precision)} | ${pct(s.recall)} |`);
if (process.argv.includes("--misses")) for (const m of misses) console.log(`${m.kind} ${m.rule}: ${m.text}`);
if (scores.some((s) => s.precision < 0.9)) process.exitCode = 1;
