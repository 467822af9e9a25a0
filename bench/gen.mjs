// Generates N plan variations from the examples into a folder (bench only): other numbers,
// dates and sentences, items shuffled; every plan valid, with its office profile beside it.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";

function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(root, outDir, n, seed = 7) {
  const rnd = prng(seed);
  const ex = join(root, "examples");
  mkdirSync(join(outDir, "co-quan"), { recursive: true });
  for (const f of readdirSync(join(ex, "co-quan"))) {
    if (f.endsWith(".yaml")) copyFileSync(join(ex, "co-quan", f), join(outDir, "co-quan", f));
  }
  mkdirSync(join(outDir, "co-quan", "mau-ly-son"), { recursive: true });
  for (const f of readdirSync(join(ex, "co-quan", "mau-ly-son"))) copyFileSync(join(ex, "co-quan", "mau-ly-son", f), join(outDir, "co-quan", "mau-ly-son", f));
  const bases = readdirSync(ex).filter((f) => /^\d{3}-.*\.yaml$/.test(f)).map((f) => readFileSync(join(ex, f), "utf8"));
  const files = [];
  for (let i = 0; i < n; i++) {
    const doc = parseDocument(bases[i % bases.length]);
    const year = 2024 + Math.floor(rnd() * 3);
    doc.set("so", String(1 + Math.floor(rnd() * 300)));
    doc.set("ngay", `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`);
    doc.set("trich_yeu", `${doc.get("trich_yeu")} (bản ${i + 1})`);
    const sections = doc.get("noi_dung");
    for (const s of sections.items) {
      const items = s.get("cac_y");
      if (items && items.items.length > 1 && rnd() < 0.5) items.items.reverse();
    }
    const file = join(outDir, `ke-hoach-${String(i + 1).padStart(4, "0")}.yaml`);
    writeFileSync(file, doc.toString());
    files.push(file);
  }
  return files;
}
