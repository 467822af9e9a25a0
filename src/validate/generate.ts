/**
 * Build step (npm run build): writes dist/validate/compiled.js, the schema validators as plain
 * code, so the command line neither loads Ajv nor compiles the schema at every start.
 */
import { writeFileSync } from "node:fs";
import * as standaloneModule from "ajv/dist/standalone/index.js";
import { createAjv, SCHEMA_IDS } from "./schemas.js";

type Standalone = (ajv: ReturnType<typeof createAjv>, refs: Record<string, string>) => string;
const standalone = (standaloneModule as unknown as { default: Standalone }).default;
// The generated ES module still calls require() for Ajv's small runtime helpers.
const prelude = 'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\n';
writeFileSync(new URL("./compiled.js", import.meta.url), prelude + standalone(createAjv(true), SCHEMA_IDS));
