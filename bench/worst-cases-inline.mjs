// Worst cases of the inline parser (issue #14 item 5), each at the 2 MB plan limit: prints the
// time of each; every one should stay well under 2 s. Run after `npm run build`:
//   node bench/worst-cases-inline.mjs
import { paragraphs } from "../dist/render/inline.js";

const MB2 = 2 * 1024 * 1024;
const cases = {
  "80k+ `*a` in one doan": "*a ".repeat(Math.floor(MB2 / 3)),
  "`*a*` pairs": "*a* ".repeat(Math.floor(MB2 / 4)),
  "`**a` openers": "**a ".repeat(Math.floor(MB2 / 4)),
  "unclosed `^[`": "^[".repeat(MB2 / 2),
  "a run of stars": "a" + "*".repeat(MB2 - 1),
  "hard-wrapped lines": "chữ chữ chữ\n".repeat(Math.floor(MB2 / 16)),
  "line breaks": "chữ\\\n".repeat(Math.floor(MB2 / 8)),
  "spaces": "a" + " ".repeat(MB2 - 2) + "b",
};
for (const [name, text] of Object.entries(cases)) {
  const t0 = performance.now();
  const ps = paragraphs(text);
  const ms = performance.now() - t0;
  console.log(`${name.padEnd(26)} ${(text.length / 1048576).toFixed(1)} MB  ${ms.toFixed(0).padStart(6)} ms  ${ps.length} paragraph(s)`);
}
