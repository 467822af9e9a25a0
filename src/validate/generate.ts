/**
 * Build step (npm run build): writes dist/validate/compiled.cjs, the schema validators as plain
 * CommonJS code, so the command line neither loads Ajv nor compiles the schema at every start.
 */
import { writeFileSync } from "node:fs";
import * as standaloneModule from "ajv/dist/standalone/index.js";
import { createAjv, SCHEMA_IDS } from "./schemas.js";

type Standalone = (ajv: ReturnType<typeof createAjv>, refs: Record<string, string>) => string;
const standalone = (standaloneModule as unknown as { default: Standalone }).default;
writeFileSync(new URL("./compiled.cjs", import.meta.url), standalone(createAjv(true), SCHEMA_IDS));
