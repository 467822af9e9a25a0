// The import without its proof step, as one process: the Word reader, the recogniser and the YAML
// writer on a .docx (what `pandoc -f docx -t markdown` does with the same file). bench/run.mjs times it.
import { readFileSync, writeFileSync } from "node:fs";
import { readWordDocument } from "../dist/read/word/index.js";
import { recognize } from "../dist/read/recognize/index.js";
import { planYaml } from "../dist/format/index.js";

const [file, out] = process.argv.slice(2);
const read = await readWordDocument(file, readFileSync(file), "docx");
if (!("document" in read)) throw new Error(JSON.stringify(read.findings));
const r = recognize(read.document);
if ("refused" in r) throw new Error(r.refused);
writeFileSync(out, planYaml(r.plan, r.comments));
