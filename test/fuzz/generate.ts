/**
 * The fuzz corpus's generator, shared by the fuzz test and the property test: seeded mutations
 * of the minimal plan and the five examples.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { MINIMAL_PLAN, ROOT, tempDir } from "../helpers.js";
import { hostileMutation } from "./hostile.js";

export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HOSTILE = [
  "{{co_quan.viet_tat}}", "{{#each x}}", "{{> partial}}", "<w:p>", "</w:t>", "]]>", "&amp;", "&", "<", "\u200B", "\u200F", "\u202E",
  "\uFEFF", "\\u0000", "\\uD800", "\\uDC00", "\\x07", "\\u0085", "\u00A0", "99999999999999999999999", "-1e309", "~", "*a", "&a", "!!js/function",
  "%YAML 1.1", "---", "...", "? ", ": ", "- ", "\t", "\r", "\"", "'", "#", "|", ">", "**", "*", "^[", "]", "\\", "ø¸µ", "e\u0301\u0301",
];
export const BASE_TEXT = "Văn bản thử";

export function mutate(src: string, rnd: () => number): string {
  const pick = <T,>(a: T[]): T => a[Math.floor(rnd() * a.length)]!;
  const pos = Math.floor(rnd() * (src.length + 1));
  switch (Math.floor(rnd() * 10)) {
    case 0: {
      const b = Buffer.from(src);
      for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      return b.toString("latin1") === src ? src : b.toString("utf8");
    }
    case 1:
      return src.slice(0, pos) + src.slice(pos + 1 + Math.floor(rnd() * 40));
    case 2:
      return src.slice(0, pos);
    case 3:
      return src.slice(0, pos) + pick(HOSTILE) + src.slice(pos);
    case 4: {
      // a hostile string as a quoted text value
      return src.replace(/: (Tăng cường[^\n]*|Thực hiện công tác[^\n]*)/, `: "${pick(HOSTILE)} ${BASE_TEXT} ${pick(HOSTILE)}"`);
    }
    case 5:
      return src.replace(/Huy động[^\n]*/, "x".repeat(1000 + Math.floor(rnd() * 100_000)));
    case 6: {
      let nest = "noi_dung:\n  - loai: noi_dung\n    cac_y:\n";
      let ind = "      ";
      const depth = 1 + Math.floor(rnd() * 60);
      for (let d = 0; d < depth; d++) {
        nest += `${ind}- tieu_de: Cấp ${d}\n${ind}  cac_y:\n`;
        ind += "    ";
      }
      return src.replace(/noi_dung:[\s\S]*?(?=nguoi_ky:)/, nest + `${ind}- Lá.\n`);
    }
    case 7: {
      // wrong types in a random field (of a text the yaml library itself can take: an earlier
      // hostile mutation may nest deeper than its parser's stack, which kehoach's reader refuses)
      let doc;
      try {
        doc = parseDocument(src);
      } catch {
        return src;
      }
      if (doc.errors.length) return src;
      const nodes: unknown[] = [];
      const walk = (v: unknown, path: (string | number)[]): void => {
        nodes.push(path);
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
        else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      };
      const js = doc.toJS();
      walk(js, []);
      const path = pick(nodes) as (string | number)[];
      if (!path.length) return src;
      const replacement = pick<unknown>([42, -1, 3.5, true, null, [], {}, ["a", 1], { x: 1 }, "", 1e21, "2025-13-45"]);
      try {
        doc.setIn(path, replacement);
      } catch {
        return src;
      }
      return doc.toString();
    }
    case 9:
      return hostileMutation(src, rnd);
    default: {
      const ch = String.fromCharCode(Math.floor(rnd() * 0x3000));
      return src.slice(0, pos) + ch + src.slice(pos);
    }
  }
}


/** The plans mutations start from: the minimal plan and the five examples. */
export function fuzzBases(): string[] {
  return [MINIMAL_PLAN, ...readdirSync(join(ROOT, "examples")).filter((f) => /^\d{3}-.*\.yaml$/.test(f)).map((f) => readFileSync(join(ROOT, "examples", f), "utf8"))];
}

/** A temporary folder holding the examples' office profiles, where mutated plans are written. */
export function fuzzWorkspace(): string {
  const dir = tempDir("kehoach-fuzz-");
  mkdirSync(join(dir, "co-quan"), { recursive: true });
  for (const f of readdirSync(join(ROOT, "examples", "co-quan"))) if (f.endsWith(".yaml")) copyFileSync(join(ROOT, "examples", "co-quan", f), join(dir, "co-quan", f));
  return dir;
}

/** The seeded corpus: `count` plans, each base mutated one to three times. */
export function* fuzzCorpus(seed: number, count: number): Generator<string> {
  const rnd = prng(seed);
  const bases = fuzzBases();
  for (let tried = 0; tried < count; tried++) {
    let text = bases[tried % bases.length]!;
    for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) text = mutate(text, rnd);
    yield text;
  }
}
