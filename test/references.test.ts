/**
 * Issue #19.4: sections, items and Phụ lục carry an optional `ma`; `<ma>` in any text prints the
 * generated label ("Mục IV", "khoản 2 Mục III", "điểm a khoản 1 Mục II", "Phụ lục II"), so a
 * reference follows its target when sections are reordered; an unknown `ma` is an error at the
 * reference's own line:col.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { parseSource } from "../src/read/index.js";
import { planYaml } from "../src/format/index.js";
import { normalizePlan } from "../src/normalize/index.js";
import { checkFile } from "../src/commands/check.js";
import { lintSource } from "../src/lint/index.js";
import { CHECKER, HAS_CHECKER, MINIMAL_PLAN, ROOT, tempDir } from "./helpers.js";
import { docxOf, documentText, parts } from "./docx.js";

const EXAMPLE = join(ROOT, "examples", "dan-chieu-muong-khuong.yaml");
const exampleText = (): string => readFileSync(EXAMPLE, "utf8");

/** The example built in-process (it has its agency inline, no profile). */
const textOf = async (yaml: string): Promise<string> => documentText(await docxOf(yaml));

/** 1-based line and column of the last occurrence of `needle`. */
function at(yaml: string, needle: string): [number, number] {
  const i = yaml.lastIndexOf(needle);
  const before = yaml.slice(0, i).split("\n");
  return [before.length, before[before.length - 1]!.length + 1];
}

const errorsOf = (yaml: string) => {
  const src = parseSource("plan.yaml", yaml);
  return normalizePlan({ plan: src }).findings.filter((f) => f.severity === "error").map((f) => ({ line: f.line, col: f.col, rule: f.rule, message: f.message }));
};

describe("references to generated numbers", () => {
  it("prints the generated labels in text, tables, Phụ lục and Nơi nhận", async () => {
    const text = await textOf(exampleText());
    expect(text).toContain("được giao tại Mục IV.");
    expect(text).toContain("bám sát nhiệm vụ tại Mục II và danh mục tại Phụ lục I; báo cáo kết quả theo Mục V.");
    expect(text).toContain("kết quả rà soát tại điểm a khoản 1 Mục II là căn cứ");
    // a reference opening a text begins with a capital
    expect(text).toContain("Khoản 2 Mục II được thực hiện đồng thời với việc làm sạch dữ liệu hộ tịch (Chi tiết tại Phụ lục II).");
    expect(text).toContain("Rà soát thủ tục hành chính (điểm a khoản 1 Mục II)");
    expect(text).toContain("- Mục IV;");
    expect(text).not.toMatch(/<[a-z-]+>/);
  });

  it("follows its targets when sections and Phụ lục are reordered", async () => {
    // read as kehoach reads it (a block's single newline is a space), written back by kehoach's own YAML writer
    const plan = parseSource(EXAMPLE, exampleText()).value as { noi_dung: unknown[]; phu_luc: unknown[] };
    // Tổ chức thực hiện first, then Nhiệm vụ; the two Phụ lục swapped
    const [mucDich, nhiemVu, kinhPhi, toChuc, baoCao] = plan.noi_dung;
    plan.noi_dung = [toChuc, nhiemVu, mucDich, kinhPhi, baoCao];
    plan.phu_luc.reverse();
    const text = await textOf(planYaml(plan));
    expect(text).toContain("được giao tại Mục I.");
    expect(text).toContain("bám sát nhiệm vụ tại Mục II và danh mục tại Phụ lục II; báo cáo kết quả theo Mục V.");
    expect(text).toContain("(Chi tiết tại Phụ lục I)");
    expect(text).toContain("- Mục I;");
    expect(text).not.toContain("Mục IV");
  });

  it("an unknown ma is an error at the reference's own line:col, inside a folded block", () => {
    const yaml = exampleText().replace("báo cáo kết quả theo <bao-cao>.", "báo cáo kết quả theo <bao-coa>.");
    const line = yaml.split("\n").findIndex((l) => l.includes("<bao-coa>")) + 1;
    const col = yaml.split("\n")[line - 1]!.indexOf("<bao-coa>") + 1;
    const errors = errorsOf(yaml);
    expect(errors).toEqual([{ line, col, rule: "text.reference-unknown", message: expect.stringContaining('mã "bao-coa"') }]);
    expect(errors[0]!.message).toContain("Có phải là <bao-cao>?");
  });

  it("an unknown ma in Nơi nhận is an error there; the build stops", () => {
    const dir = tempDir("kehoach-refs-");
    const file = join(dir, "ke-hoach.yaml");
    const yaml = MINIMAL_PLAN.replace("  - Các trường học", "  - <to-chuc>");
    writeFileSync(file, yaml);
    const f = checkFile(file).filter((x) => x.severity === "error");
    expect(f.map((x) => [x.line, x.col, x.rule, x.path])).toEqual([[...at(yaml, "<to-chuc>"), "text.reference-unknown", "noi_nhan[1]"]]);
  });

  it("a ma given twice, or on an item without a number, is an error at that ma", () => {
    const twice = MINIMAL_PLAN.replace("  - loai: muc_dich_yeu_cau\n", "  - loai: muc_dich_yeu_cau\n    ma: muc-dich\n").replace(
      "      - tieu_de: Mục đích\n",
      "      - tieu_de: Mục đích\n        ma: muc-dich\n",
    );
    expect(errorsOf(twice).map((e) => [e.line, e.col, e.rule])).toEqual([[...at(twice, "muc-dich"), "text.reference-duplicate"]]);
    const dashed = MINIMAL_PLAN.replace("    cac_y:\n      - tieu_de: Mục đích\n", "    danh_dau: gach\n    cac_y:\n      - tieu_de: Mục đích\n        ma: muc-dich\n");
    expect(errorsOf(dashed).map((e) => [e.line, e.col, e.rule])).toEqual([[...at(dashed, "muc-dich"), "text.reference-unnumbered"]]);
  });

  it("\\< prints the sign itself, and <…> that is not a ma-shaped word is plain text", async () => {
    const yaml = MINIMAL_PLAN.replace("Tăng cường sự lãnh đạo của cấp ủy.", "Tỷ lệ \\<hop-le> đạt < 5% và <5%.");
    const p = [...parts(await docxOf(yaml))].find(([n]) => n === "word/document.xml")![1];
    expect(p).toContain("Tỷ lệ &lt;hop-le&gt; đạt &lt; 5% và &lt;5%.");
  });

  it.runIf(HAS_CHECKER)("the example builds with 0 errors and passes nd30check", async () => {
    expect(checkFile(EXAMPLE).filter((f) => f.severity === "error")).toEqual([]);
    const out = join(tempDir("kehoach-refs-"), "dan-chieu.docx");
    writeFileSync(out, await docxOf(exampleText()));
    const r = spawnSync("python3", [CHECKER, out], { encoding: "utf8" });
    expect(r.stdout.split("\n").filter((l) => l.startsWith("FAIL"))).toEqual([]);
  });

  it("lint warns on a hand-typed label the plan does not generate, at its line:col, and not on one it does", () => {
    const yaml = MINIMAL_PLAN.replace(
      "Tăng cường sự lãnh đạo của cấp ủy.",
      "Theo khoản 1 Mục I, khoản 2 Mục I và điểm b khoản 1 Mục I; báo cáo theo Mục III (chi tiết tại Phụ lục II); mục vi phạm.",
    );
    const warnings = lintSource(parseSource("plan.yaml", yaml), { today: new Date(Date.UTC(2025, 5, 1)), disabled: new Set(), futureMarginDays: 30, planDate: "2025-03-05" })
      .filter((f) => f.rule === "lint.stale-reference")
      .map((f) => [f.line, f.col, f.message.split(":")[0]]);
    const line = at(yaml, "Theo khoản")[0];
    const col = (needle: string): number => yaml.split("\n")[line - 1]!.indexOf(needle) + 1;
    expect(warnings).toEqual([
      [line, col("khoản 2 Mục I"), '"khoản 2 Mục I" gõ tay, nhưng kế hoạch không có khoản 2 Mục I'],
      [line, col("Mục III"), '"Mục III" gõ tay, nhưng kế hoạch không có Mục III'],
      [line, col("Phụ lục II"), '"Phụ lục II" gõ tay, nhưng kế hoạch không có Phụ lục II'],
    ]);
  });

  it("a ma that is not an id is a schema error saying how to write one", () => {
    const dir = tempDir("kehoach-refs-");
    const file = join(dir, "ke-hoach.yaml");
    const yaml = MINIMAL_PLAN.replace("  - loai: muc_dich_yeu_cau\n", "  - loai: muc_dich_yeu_cau\n    ma: Nhiệm vụ\n");
    writeFileSync(file, yaml);
    const f = checkFile(file).filter((x) => x.severity === "error");
    expect(f.map((x) => [x.line, x.col, x.path])).toEqual([[...at(yaml, "Nhiệm vụ"), "noi_dung[0].ma"]]);
    expect(f[0]!.message).toContain("ví dụ ma: nhiem-vu");
  });

  it("cites the numbers the document prints: 'a.' letters, a paragraph between items taking no number, levels set by the plan", async () => {
    const yaml = MINIMAL_PLAN.replace(
      "          - Huy động sự tham gia của gia đình.\n",
      "          - doan_chen: Lưu ý các hoạt động đông người.\n          - doan: Huy động sự tham gia của gia đình.\n            ma: huy-dong\n",
    )
      .replace("noi_dung:\n", "trinh_bay:\n  cac_cap:\n    - { danh_dau: so }\n    - { danh_dau: chu_cham }\nnoi_dung:\n")
      .concat("ket_thuc: Các đơn vị thực hiện <huy-dong> của Kế hoạch này\n");
    const text = await textOf(yaml);
    expect(text).toContain("b. Huy động sự tham gia của gia đình.");
    expect(text).toContain("Các đơn vị thực hiện điểm b khoản 1 Mục I của Kế hoạch này./.");
  });
});
