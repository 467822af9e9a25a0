/** The glossary lists every key of both schemas, and no key they do not have. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { YAML_KEYS } from "../src/glossary.js";
import { ROOT } from "./helpers.js";

/** Every property name anywhere in a schema (properties of objects, in $defs too). */
function schemaKeys(file: string): Set<string> {
  const keys = new Set<string>();
  const walk = (n: unknown): void => {
    if (!n || typeof n !== "object") return;
    if (Array.isArray(n)) return n.forEach(walk);
    for (const [k, v] of Object.entries(n)) {
      if (k === "properties" && v && typeof v === "object" && !Array.isArray(v)) for (const p of Object.keys(v)) keys.add(p);
      walk(v);
    }
  };
  walk(JSON.parse(readFileSync(join(ROOT, "schemas", file), "utf8")));
  return keys;
}

describe("glossary", () => {
  const plan = schemaKeys("kehoach.schema.json");
  const profile = schemaKeys("co-quan.schema.json");

  it.each([["kehoach.schema.json", plan], ["co-quan.schema.json", profile]] as const)("names every key of %s", (_file, keys) => {
    expect([...keys].filter((k) => !(k in YAML_KEYS))).toEqual([]);
  });

  it("lists no key that neither schema has", () => {
    expect(Object.keys(YAML_KEYS).filter((k) => !plan.has(k) && !profile.has(k))).toEqual([]);
  });
});
