/**
 * Build step (npm run build): writes dist/write/shared-parts.cjs, the parts every plan shares
 * (styles, numbering, settings, fonts, theme, …) as docx's Packer writes them, and how many list
 * instances docx's numbering part has, so no build writes them again. A test checks them against
 * docx's output for a real plan.
 */
import { writeFileSync } from "node:fs";
import { Document } from "docx";
import { sharedParts } from "./compile.js";
import { STYLES } from "./styles.js";

const doc = new Document({ styles: STYLES, sections: [{ children: [] }] });
const parts = await sharedParts(doc);
for (const [path, data] of parts) if (typeof data !== "string") throw new Error(`generate: ${path} is not text`);
writeFileSync(new URL("./shared-parts.cjs", import.meta.url), `module.exports = ${JSON.stringify({ parts: Object.fromEntries(parts), lists: doc.Numbering.ConcreteNumbering.length })};\n`);
