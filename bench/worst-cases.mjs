// npm run bench:worst: the worst inputs we know for each stage, each grown to the size limit
// (2 MB), built by the real CLI in its own process; prints each case's time. Each should finish
// in under 2 s with the finding named (or a .docx when the case is valid). The generators are
// exported so that test/worst-cases.test.ts runs the same shapes at a small size (no timing there).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Just under the reader's 2 MB limit, leaving room for the plan around the repeated part. */
export const SIZE_LIMIT = 2 * 1024 * 1024 - 4096;

/** A complete valid plan (the tests' minimal plan); `{{X}}` in a case's template is replaced by the repeated part. */
const PLAN = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "test", "fixtures", "minimal-plan.yaml"), "utf8");

/** The plan with one line replaced (the line starting with `key:`) by `line`. */
function withLine(key, line) {
  const re = new RegExp(`^${key}:.*$`, "m");
  if (!re.test(PLAN)) throw new Error(`no ${key} in the plan`);
  return PLAN.replace(re, () => line);
}

/** The plan with its first item's text replaced by `text` (YAML, quoted or a block scalar). */
function inItem(text) {
  return PLAN.replace("Tăng cường sự lãnh đạo của cấp ủy.", () => text);
}

/** A comment that makes a line long: fewer nodes per byte, so that a case stays under the node limit. */
const COMMENT = "# " + "ghi chu ".repeat(5);

/** The plan with a comment line making it `size` characters long. */
function pad(plan, size) {
  return plan + "# " + "x".repeat(Math.max(0, size - plan.length - 3)) + "\n";
}

/** Lines made by line(i), i = 0, 1, …, until they are about `size` characters with the plan. */
function numbered(line, size) {
  const lines = [];
  for (let i = 0, len = PLAN.length; len < size; i++) {
    lines.push(line(i));
    len += lines[i].length;
  }
  return lines.join("");
}

/** `unit` repeated so that the whole plan is about `size` bytes. */
function fill(unit, size) {
  return unit.repeat(Math.max(1, Math.floor((size - Buffer.byteLength(PLAN)) / Buffer.byteLength(unit))));
}

/**
 * Each case: stage, name, make(size) → plan text, and what the build must end with: the rule of
 * a finding it must report, or "built". Sizes are in bytes.
 */
export const CASES = [
  // read: shapes the YAML library or the position reader could spend memory or time on
  { stage: "read", name: "complex keys nested ({{{…}}})", expect: "yaml.complex-key", make: (n) => pad(withLine("trich_yeu", `trich_yeu: ${"{".repeat(40)}${"}".repeat(40)}`), n) },
  { stage: "read", name: "complex keys nested (? ? ? …)", expect: "yaml.complex-key", make: (n) => withLine("trich_yeu", `trich_yeu:\n  ${fill("? ", n)}a`) },
  { stage: "read", name: "flow sequences nested ([[[…]]])", expect: "limit.depth", make: (n) => withLine("trich_yeu", `trich_yeu: ${"[".repeat(n / 2 - 20)}${"]".repeat(n / 2 - 20)}`) },
  { stage: "read", name: "sequences nested (- - - …)", expect: "limit.depth", make: (n) => withLine("noi_nhan", `noi_nhan:\n  ${fill("- ", n)}a`) },
  { stage: "read", name: "duplicate keys", expect: "yaml.duplicate-key", make: (n) => PLAN + fill(`so: '5' ${COMMENT}\n`, n) },
  { stage: "read", name: "distinct keys", expect: "limit.nodes", testSize: SIZE_LIMIT, make: (n) => PLAN + numbered((i) => `k${i}: 1\n`, n) },
  { stage: "read", name: "anchors on one node", expect: "yaml.syntax", make: (n) => withLine("so", `so: ${fill("&a ", n)}"5"`) },
  { stage: "read", name: "tags on one node", expect: "yaml.tag", make: (n) => withLine("so", `so: ${fill("!t ", n)}"5"`) },
  { stage: "read", name: "one tag on many nodes", expect: "yaml.tag", make: (n) => withLine("noi_nhan", `noi_nhan:\n${fill("  - !!str a\n", n)}`) },
  { stage: "read", name: "aliases of one anchor", expect: "limit.alias", make: (n) => withLine("noi_nhan", `noi_nhan:\n  - &a Các trường\n${fill(`  - *a ${COMMENT}\n`, n)}`) },
  { stage: "read", name: "syntax errors on every line", expect: "yaml.syntax", make: (n) => PLAN + fill(`a: b: c ${COMMENT}${COMMENT}\n`, n) },
  { stage: "read", name: "list items past the node limit", expect: "limit.nodes", testSize: SIZE_LIMIT, make: (n) => withLine("noi_nhan", `noi_nhan:\n${fill("  -\n", n)}`) },
  { stage: "read", name: "integers past 2^53", expect: "yaml.inexact-number", make: (n) => withLine("noi_nhan", `noi_nhan:\n${fill(`  - 99999999999999999999 ${COMMENT}\n`, n)}`) },
  // validate
  { stage: "validate", name: "wrong types in a long list", expect: "schema.type", make: (n) => withLine("trich_yeu", `trich_yeu: [${fill("1, ", Math.min(n, 45_000 * 3))}1]`) },
  { stage: "validate", name: "unknown keys", expect: "schema.unknown-key", make: (n) => PLAN + numbered((i) => `khoa_la_${i}: 1 ${COMMENT}\n`, n) },
  // lint: long texts of the shapes its patterns try hardest
  { stage: "lint", name: "citation over long spaces", expect: "built", make: (n) => inItem(`"Kế hoạch số 1${" ".repeat(n - PLAN.length)}x"`) },
  { stage: "lint", name: "citation word then spaces", expect: "built", make: (n) => inItem(`"Kế hoạch${" ".repeat(n - PLAN.length)}số 1"`) },
  { stage: "lint", name: "citation with a long ký hiệu", expect: "lint.citation", make: (n) => inItem(`"Kế hoạch số 1/KH${fill("1", n)}x ngày 1/1/2025"`) },
  { stage: "lint", name: "typed Lưu line ending in marks", expect: "lint.archive", make: (n) => withLine("noi_nhan", `noi_nhan:\n  - "Lưu${fill(";.", n)}x"`).replace(/^luu:.*\n/m, "") },
  { stage: "lint", name: "./. repeated", expect: "lint.end-mark", make: (n) => inItem(`"${fill("./.", n)} a"`) },
  { stage: "lint", name: "impossible dates", expect: "lint.date-invalid", make: (n) => inItem(`"${fill("31/4/2025 ", n)}"`) },
  { stage: "lint", name: "stale years", expect: "lint.stale-year", make: (n) => inItem(`"${fill("năm 2019 ", n)}"`) },
  { stage: "lint", name: "stale years beside citations and past events", expect: "lint.citation", make: (n) => inItem(`"${fill("Hội nghị năm 2019 Kế hoạch số 1/KH-UBND ngày 1 tháng 12 năm 2026 của UBND năm 2019 đã ", n)}"`) },
  { stage: "lint", name: "unmatched brackets of every kind", expect: "lint.brackets", make: (n) => inItem(`"${fill('a) ( [ “ \\" ', n)}"`) },
  { stage: "lint", name: "opening brackets in a recipient", expect: "lint.brackets", make: (n) => withLine("noi_nhan", `noi_nhan:\n  - "${fill("(", n)}"`) },
  { stage: "lint", name: "decomposed accents on every line", expect: "lint.text-nfd", make: (n) => inItem(`>-\n${fill("            Vie\u0302\u0323t\n", n)}`) },
  { stage: "lint", name: "double spaces", expect: "lint.double-space", make: (n) => inItem(`"a${fill("  a", n)}"`) },
  // render and write
  { stage: "render", name: "line breaks in the trích yếu", expect: "schema.max-length", make: (n) => withLine("trich_yeu", `trich_yeu: |-\n${fill("  a\\\n", n)}  a`) },
  // past the plan's 20,000 paragraphs (normalize/text.ts TEXT_LIMITS): refused where crossed
  { stage: "render", name: "blank-line paragraphs in one text", expect: "limit.text", make: (n) => PLAN.replace("          - Tăng cường sự lãnh đạo của cấp ủy.", () => `          - |-\n${fill("            a\n\n", n)}            a`) },
  // each finding placed costs its text's length: at most 10 of a kind are placed in one text
  { stage: "render", name: "references naming nothing", expect: "text.reference-unknown", make: (n) => inItem(`"${fill("<khong-co> ", n)}"`) },
  // a footnote cited again is a field of five runs: past 5,000 citations (as past 5,000 footnotes) refused where crossed
  { stage: "render", name: "citations of one footnote", expect: "limit.text", make: (n) => inItem(`"Tăng cường^[Chỉ thị.]{#ct}${fill("<ct> ", n)}"`) },
  { stage: "render", name: "a long paragraph", expect: "built", make: (n) => PLAN.replace("Tăng cường sự lãnh đạo của cấp ủy.", () => fill("Kế hoạch ", n)) },
  { stage: "render", name: "amounts of 24 digits", expect: "built", make: (n) => withLine("noi_dung", `noi_dung:\n  - loai: kinh_phi\n    cac_y:\n      - tieu_de: Dự toán\n        du_toan:\n${fill('          - { noi_dung: Chi, so_tien: "999.999.999.999.999.999.999.999" }\n', Math.min(n, 600_000))}`).replace(/^ {2}- loai: muc_dich[\s\S]*?(?=nguoi_ky)/m, "") },
];

const CLI = join(import.meta.dirname, "..", "bin", "kehoach.cjs");

/** Builds one case in its own process; returns seconds, exit code and the rules of its findings. */
function run(c, dir) {
  const file = join(dir, `${c.stage}-${CASES.indexOf(c)}.yaml`);
  writeFileSync(file, c.make(SIZE_LIMIT));
  const t = performance.now();
  const r = spawnSync(process.execPath, ["--max-old-space-size=1024", CLI, "build", file, "-o", file.replace(/yaml$/, "docx"), "--format", "json"], {
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - t) / 1000;
  let rules = [];
  try {
    const report = JSON.parse(r.stdout);
    rules = [...new Set(report.findings.map((f) => f.rule))];
    if (report.outputs.length) rules.push("built");
  } catch {
    rules = [`(no JSON: ${r.signal ?? "exit " + r.status} ${r.stderr.split("\n")[0].slice(0, 80)})`];
  }
  return { seconds, code: r.status, rules };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const only = process.argv[2];
  const dir = mkdtempSync(join(tmpdir(), "kehoach-worst-"));
  let slow = 0;
  for (const c of CASES) {
    if (only && !`${c.stage} ${c.name}`.includes(only)) continue;
    const r = run(c, dir);
    const ok = r.rules.includes(c.expect) && r.seconds < 2;
    if (!ok) slow++;
    console.log(`${ok ? "ok  " : "FAIL"} ${r.seconds.toFixed(2).padStart(6)} s  ${c.stage.padEnd(8)} ${c.name.padEnd(36)} expect ${c.expect}; got ${r.rules.join(", ")}`);
  }
  console.log(slow ? `${slow} case(s) slower than 2 s or without the expected finding` : "every case under 2 s with the expected finding");
  process.exitCode = slow ? 1 : 0;
}
