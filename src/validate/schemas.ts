/**
 * The Ajv setup for schemas/, shared by the build step that compiles the validators ahead of
 * time (generate.ts) and the fallback that compiles them when running from source (tests).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import AjvModule, { type ValidateFunction } from "ajv";
import { SCHEMAS_DIR } from "../paths.js";

export type SchemaKind = "plan" | "profile";

export const SCHEMA_IDS: Record<SchemaKind, string> = {
  plan: "https://kehoach.local/schemas/kehoach.schema.json",
  profile: "https://kehoach.local/schemas/co-quan.schema.json",
};

export function createAjv(standalone: boolean): InstanceType<typeof AjvModule.default> {
  const Ajv = AjvModule.default ?? AjvModule;
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: standalone, esm: false } });
  for (const f of ["kehoach.schema.json", "co-quan.schema.json"]) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS_DIR, f), "utf8")));
  return ajv;
}

export function compileValidators(): Record<SchemaKind, ValidateFunction> {
  const ajv = createAjv(false);
  return { plan: ajv.getSchema(SCHEMA_IDS.plan)!, profile: ajv.getSchema(SCHEMA_IDS.profile)! };
}
