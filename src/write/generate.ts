/**
 * Build step (npm run build): writes dist/write/shared-parts.cjs, the parts every plan shares
 * (styles, numbering, settings, fonts, theme, …) as docx's compiler writes them, so no build
 * runs that compiler. A test checks them against docx's output for real plans.
 */
import { writeFileSync } from "node:fs";
import { Document } from "docx";
import { sharedParts } from "./compile.js";
import { COMPATIBILITY, STYLES } from "./styles.js";

const { parts, lists } = sharedParts(new Document({ styles: STYLES, compatibility: COMPATIBILITY, sections: [{ children: [] }] }));
for (const [path, data] of parts) if (typeof data !== "string") throw new Error(`generate: ${path} is not text`);
writeFileSync(new URL("./shared-parts.cjs", import.meta.url), `module.exports = ${JSON.stringify({ parts: Object.fromEntries(parts), lists })};\n`);
