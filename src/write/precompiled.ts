/**
 * The parts every plan shares, written by the build (dist/write/shared-parts.cjs, generate.ts),
 * or undefined when running from source. The bundle puts that file inside itself instead
 * (src/bundle.ts).
 */
import { createRequire } from "node:module";

export function precompiledSharedParts(): { parts: Record<string, string>; lists: number } | undefined {
  try {
    return createRequire(import.meta.url)("./shared-parts.cjs") as { parts: Record<string, string>; lists: number };
  } catch {
    return undefined;
  }
}
