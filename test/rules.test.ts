/** One registry of rule ids (src/model/rules.ts): every id the code uses is in it, each spelled stage.kebab-case, none unused. */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES, schemaRule } from "../src/model/rules.js";
import { ROOT } from "./helpers.js";

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
const code = sources(join(ROOT, "src"))
  .filter((f) => !f.endsWith(join("model", "rules.ts")))
  .map((f) => readFileSync(f, "utf8"))
  .join("\n");
const STAGES = [...new Set(Object.keys(RULES).map((id) => id.split(".")[0]!))];
const used = new Set([...code.matchAll(new RegExp(`"((?:${STAGES.join("|")})\\.[A-Za-z-]+)"`, "g"))].map((m) => m[1]!));
/** The ajv keywords of both schemas: their findings are schema.<keyword in kebab case>. */
const keywords = new Set<string>();
for (const file of ["kehoach.schema.json", "co-quan.schema.json"]) {
  const walk = (n: unknown): void => {
    if (!n || typeof n !== "object") return;
    for (const [k, v] of Object.entries(n)) {
      if (!Array.isArray(n)) keywords.add(k);
      walk(v);
    }
  };
  walk(JSON.parse(readFileSync(join(ROOT, "schemas", file), "utf8")));
}

describe("rule ids", () => {
  it("every id in the code is registered, with a severity", () => {
    expect([...used].filter((id) => !(id in RULES))).toEqual([]);
  });

  it("are stage.kebab-case, schema keywords too", () => {
    expect(Object.keys(RULES).filter((id) => !/^[a-z]+\.[a-z]+(-[a-z]+)*$/.test(id))).toEqual([]);
    expect(schemaRule("maxLength")).toBe("schema.max-length");
  });

  it("registers no id nothing can report", () => {
    const schemaIds = new Set<string>([...keywords].map(schemaRule));
    expect(Object.keys(RULES).filter((id) => !used.has(id) && !schemaIds.has(id))).toEqual([]);
  });
});
