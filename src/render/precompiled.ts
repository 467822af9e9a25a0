/**
 * The standard templates the build precompiled (dist/render/standard-templates.cjs,
 * generate.ts), or undefined when running from source. The bundle puts that file inside
 * itself instead (src/bundle.ts).
 */
import { createRequire } from "node:module";
import type Handlebars from "handlebars";

export type TemplateSpec = Parameters<typeof Handlebars.template>[0];

export function precompiledTemplates(): Record<string, TemplateSpec> | undefined {
  try {
    return createRequire(import.meta.url)("./standard-templates.cjs") as Record<string, TemplateSpec>;
  } catch {
    return undefined;
  }
}
