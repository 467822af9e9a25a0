/**
 * --pdf: PDF/A-2b with every font embedded, text a signing client can search, the same bytes on
 * every run, one LibreOffice run for a batch, and every way it can fail said in Vietnamese with
 * the .docx kept. The real LibreOffice where it is (always in CI); a stand-in soffice on PATH for
 * the failures and for counting runs.
 */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { documentText } from "./docx.js";
import { HAS_SOFFICE, MINIMAL_PLAN, ROOT, runCli, tempDir } from "./helpers.js";

const EXAMPLES = readdirSync(join(ROOT, "examples")).filter((f) => /^\d{3}-.*\.yaml$/.test(f)).sort();
const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");
const words = (s: string): string[] => s.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}#]+/gu) ?? [];
const EPOCH = { SOURCE_DATE_EPOCH: "1741132800" }; // 2025-03-05

/** A stand-in for soffice: logs each run, makes a PDF for each input unless told to skip one or to hang. */
function fakeSoffice(opts: { version?: string; skip?: string; hang?: boolean } = {}): { env: NodeJS.ProcessEnv; runs: () => string[] } {
  const dir = tempDir("kehoach-fake-lo-");
  const log = join(dir, "runs.log");
  writeFileSync(
    join(dir, "soffice"),
    `#!/bin/sh
if [ "$1" = "--version" ]; then echo "LibreOffice ${opts.version ?? "7.4.7.2"} 40(Build:2)"; exit 0; fi
echo "$@" >> "${log}"
${opts.hang ? "sleep 600" : ""}
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
for a in "$@"; do
  case "$a" in *.docx) b=$(basename "$a" .docx); [ "$b.docx" = "${opts.skip ?? ""}" ] || printf '%%PDF-1.7 gia lap' > "$out/$b.pdf";; esac
done
`,
  );
  chmodSync(join(dir, "soffice"), 0o755);
  return {
    env: { PATH: `${dir}:${process.env.PATH}` },
    runs: () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []),
  };
}

function planFolder(n: number, dates?: string[]): string {
  const dir = tempDir();
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `p${i}.yaml`), dates ? MINIMAL_PLAN.replace('ngay: "2025-03-05"', `ngay: "${dates[i]}"`) : MINIMAL_PLAN);
  return dir;
}

describe.runIf(HAS_SOFFICE)("--pdf with LibreOffice", () => {
  const out = tempDir("kehoach-pdf-");
  const built = new Map<string, string>();
  const pdfOf = (plan: string): string => {
    if (!built.has(plan)) {
      const docx = join(out, plan.replace(/\.yaml$/, ".docx"));
      const r = runCli(["build", join("examples", plan), "-o", docx, "--pdf"], { env: EPOCH, timeout: 240_000 });
      expect(r.code, r.stderr).toBe(0);
      built.set(plan, docx.replace(/\.docx$/, ".pdf"));
    }
    return built.get(plan)!;
  };

  it("writes PDF/A-2b (XMP pdfaid part 2, conformance B) with every font embedded", () => {
    const pdf = readFileSync(pdfOf(EXAMPLES[0]!)).toString("latin1");
    expect(pdf).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(pdf).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    const fonts = spawnSync("pdffonts", [pdfOf(EXAMPLES[0]!)], { encoding: "utf8" }).stdout.split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // columns: name type encoding emb sub uni object ID; "emb" is the 4th from the end
    for (const line of fonts) expect(line.trim().split(/\s+/).at(-5), line).toBe("yes");
  }, 300_000);

  it("keeps the e-signing tokens whole, so a signing client finds them in the text", () => {
    const text = spawnSync("pdftotext", [pdfOf("000-dien-hoa.yaml"), "-"], { encoding: "utf8" }).stdout;
    const tokens = words(text);
    for (const t of ["#sokyhieuvanban", "#diadiemngaybanhanh", "#chukylanhdao"]) expect(tokens).toContain(t);
  }, 300_000);

  it.each(EXAMPLES)("extracts the Vietnamese text of %s as the .docx has it (ToUnicode)", (plan) => {
    const pdf = pdfOf(plan);
    const fromPdf = words(spawnSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" }).stdout);
    const fromDocx = words(documentText(readFileSync(pdf.replace(/\.pdf$/, ".docx"))));
    // every word of the document can be found in the PDF's text, and nothing garbled is added
    const inPdf = new Set(fromPdf);
    const missing = fromDocx.filter((w) => !inPdf.has(w) && !/^\d+$/.test(w));
    expect(missing.length / fromDocx.length, missing.slice(0, 20).join(" ")).toBeLessThan(0.01);
    const inDocx = new Set(fromDocx);
    // a footnote's reference number is set right after its word ("học²" reads "học2")
    const extra = fromPdf.filter((w) => !inDocx.has(w) && !/^\d+$/.test(w) && !inDocx.has(w.replace(/\d+$/, "")));
    expect(extra, "words in the PDF that the document does not have").toEqual([]);
  }, 300_000);

  it("gives byte-identical PDFs for the same plan and SOURCE_DATE_EPOCH, in any time zone", () => {
    const dir = tempDir();
    const a = runCli(["build", join(ROOT, "examples", EXAMPLES[1]!), "-o", join(dir, "a.docx"), "--pdf"], { env: { ...EPOCH, TZ: "UTC" }, timeout: 240_000 });
    const b = runCli(["build", join(ROOT, "examples", EXAMPLES[1]!), "-o", join(dir, "b.docx"), "--pdf"], { env: { ...EPOCH, TZ: "Pacific/Kiritimati" }, timeout: 240_000 });
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(sha(join(dir, "a.pdf"))).toBe(sha(join(dir, "b.pdf")));
    expect(readFileSync(join(dir, "a.pdf")).toString("latin1")).toMatch(/CreationDate\(D:20250305000000Z/);
  }, 300_000);

  it("uses an office's font folder: fontconfig sees its fonts", () => {
    const fonts = tempDir("kehoach-fonts-");
    const anyFont = spawnSync("fc-match", ["-f", "%{file}", "serif"], { encoding: "utf8" }).stdout.trim();
    copyFileSync(anyFont, join(fonts, "phong-co-quan.ttf"));
    const dir = planFolder(1);
    const r = runCli(["build", "p0.yaml", "--pdf", "--fonts", fonts], { cwd: dir, env: EPOCH, timeout: 240_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, "p0.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  }, 300_000);
});

describe("--pdf: runs, failures and messages (a stand-in soffice)", () => {
  it("converts a batch in one LibreOffice run per package date", () => {
    const same = fakeSoffice();
    const dir = planFolder(4);
    const r = runCli(["build", dir, "--pdf", "-j", "1"], { env: { ...same.env, ...EPOCH } });
    expect(r.code, r.stderr).toBe(0);
    expect(same.runs()).toHaveLength(1);
    expect(same.runs()[0]!.match(/\.docx/g)).toHaveLength(4);
    expect(readdirSync(dir).filter((f) => f.endsWith(".pdf")).sort()).toEqual(["p0.pdf", "p1.pdf", "p2.pdf", "p3.pdf"]);

    const dated = fakeSoffice();
    const two = planFolder(3, ["2025-03-05", "2025-03-05", "2025-04-01"]);
    expect(runCli(["build", two, "--pdf"], { env: { ...dated.env, SOURCE_DATE_EPOCH: "" } }).code).toBe(0);
    expect(dated.runs()).toHaveLength(2);
  });

  it("makes a plan whose PDF fails one failed plan: the others get theirs, its .docx stays", () => {
    const lo = fakeSoffice({ skip: "1.docx" });
    const dir = planFolder(3);
    const r = runCli(["build", dir, "--pdf", "--format", "json"], { env: { ...lo.env, ...EPOCH } });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { summary: { failed: number }; findings: { file: string; rule: string; message: string }[] };
    expect(report.summary.failed).toBe(1);
    const f = report.findings.find((x) => x.rule === "output.pdf")!;
    expect(f.file).toMatch(/p1\.yaml$/);
    expect(f.message).toContain("LibreOffice không tạo được tệp PDF");
    expect(readdirSync(dir).filter((x) => /\.(pdf|docx)$/.test(x)).sort()).toEqual(["p0.docx", "p0.pdf", "p1.docx", "p2.docx", "p2.pdf"]);
  });

  it("says in Vietnamese when LibreOffice is too old for PDF/A, keeping the .docx", () => {
    const lo = fakeSoffice({ version: "6.4.7.2" });
    const dir = planFolder(1);
    const r = runCli(["build", "p0.yaml", "--pdf"], { cwd: dir, env: lo.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("LibreOffice trên máy là bản 6.4.7.2; để xuất PDF/A cần bản 7.4 trở lên");
    expect(lo.runs()).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(["p0.docx", "p0.yaml"]);
  });

  it("stops a conversion that hangs, names the plan, and leaves no stray files or processes", () => {
    const lo = fakeSoffice({ hang: true });
    const dir = planFolder(1);
    const r = runCli(["build", "p0.yaml", "--pdf"], { cwd: dir, env: { ...lo.env, KEHOACH_PDF_TIMEOUT_MS: "1500" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/p0\.yaml:1:1  lỗi  LibreOffice không chuyển xong sang PDF trong 2 giây/);
    expect(readdirSync(dir).sort()).toEqual(["p0.docx", "p0.yaml"]);
    const left = spawnSync("pgrep", ["-f", `${lo.env.PATH!.split(":")[0]}/soffice`], { encoding: "utf8" }).stdout.trim();
    expect(left).toBe("");
  });

  it("refuses a font folder that does not exist, keeping the .docx", () => {
    const lo = fakeSoffice();
    const dir = planFolder(1);
    const r = runCli(["build", "p0.yaml", "--pdf", "--fonts", "khong-co"], { cwd: dir, env: lo.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('không có thư mục phông chữ "khong-co" (--fonts)');
    expect(readdirSync(dir).sort()).toEqual(["p0.docx", "p0.yaml"]);
  });

  it("never writes a PDF over a source file", () => {
    const lo = fakeSoffice();
    const dir = planFolder(0);
    mkdirSync(join(dir, "k"));
    writeFileSync(join(dir, "k", "plan.pdf"), MINIMAL_PLAN);
    const r = runCli(["build", "k/plan.pdf", "-o", "k/plan.docx", "--pdf"], { cwd: dir, env: lo.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("trùng với tệp nguồn");
    expect(readFileSync(join(dir, "k", "plan.pdf"), "utf8")).toBe(MINIMAL_PLAN);
  });
});
