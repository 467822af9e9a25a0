/**
 * Build step (npm run build): precompiles the standard templates into
 * dist/render/standard-templates.cjs, so a build starts with the small Handlebars runtime
 * and no template compilation. Offices' own templates are still compiled when used.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { TEMPLATES_DIR } from "../paths.js";
import { TEMPLATE_OPTIONS } from "./templates.js";

const entries = readdirSync(TEMPLATES_DIR)
  .filter((f) => f.endsWith(".hbs"))
  .sort()
  .map((f) => `  ${JSON.stringify(f.slice(0, -4))}: ${Handlebars.precompile(readFileSync(join(TEMPLATES_DIR, f), "utf8"), TEMPLATE_OPTIONS)}`);
writeFileSync(new URL("./standard-templates.cjs", import.meta.url), `module.exports = {\n${entries.join(",\n")}\n};\n`);
