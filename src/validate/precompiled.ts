/**
 * The validators the build compiled ahead of time (dist/validate/compiled.cjs, generate.ts),
 * or undefined when running from source. The bundle puts that file inside itself instead
 * (src/bundle.ts).
 */
import type { ValidateFunction } from "ajv";
import { createRequire } from "node:module";
import type { SchemaKind } from "./schemas.js";

export function precompiledValidators(): Record<SchemaKind, ValidateFunction> | undefined {
  try {
    return createRequire(import.meta.url)("./compiled.cjs") as Record<SchemaKind, ValidateFunction>;
  } catch {
    return undefined;
  }
}
