/**
 * Input that must never be changed silently or read from where it should not come from:
 * table shapes, profiles on the command line, office templates, files outside the plan's folder.
 */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseSource } from "../src/read/index.js";
import { validateSource } from "../src/validate/index.js";
import { MINIMAL_PLAN, runCli, tempDir } from "./helpers.js";

const check = (yaml: string) => validateSource(parseSource("plan.yaml", yaml), "plan");

/** MINIMAL_PLAN with a table in its first section. */
const withTable = (table: string): string =>
  MINIMAL_PLAN.replace("  - loai: muc_dich_yeu_cau\n", `  - loai: muc_dich_yeu_cau\n    bang:\n${table}`);

describe("tables: every row has exactly one cell per column", () => {
  it("a row with more cells than columns is an error at the row, not a dropped cell", () => {
    const fs = check(withTable("      cot: [A, B]\n      dong:\n        - [x, y]\n        - [x, y, z]\n"));
    expect(fs).toEqual([expect.objectContaining({ line: 15, col: 11, rule: "table.cells", path: "noi_dung[0].bang.dong[1]" })]);
    expect(fs[0]!.message).toContain("hàng này có 3 ô nhưng bảng có 2 cột (cot)");
    expect(fs[0]!.message).toContain("bớt 1 ô");
  });

  it("a short row is an error, not a padded row", () => {
    const fs = check(withTable("      cot: [A, B, C]\n      dong:\n        - [x]\n"));
    expect(fs).toEqual([expect.objectContaining({ line: 14, col: 11, rule: "table.cells" })]);
    expect(fs[0]!.message).toContain("thêm 2 ô");
  });

  it("do_rong of the wrong length is an error at do_rong, not ignored", () => {
    const fs = check(withTable("      cot: [A, B]\n      dong: [[x, y]]\n      do_rong: [3, 1, 1]\n"));
    expect(fs).toEqual([expect.objectContaining({ line: 14, col: 16, rule: "table.widths", path: "noi_dung[0].bang.do_rong" })]);
  });

  it("an empty row is refused by the schema", () => {
    expect(check(withTable("      cot: [A]\n      dong: [[]]\n")).map((f) => f.rule)).toContain("schema.empty");
  });

  it("tables in items and in a Phụ lục are checked too", () => {
    const item = MINIMAL_PLAN.replace(
      "          - Huy động sự tham gia của gia đình.\n",
      "          - Huy động sự tham gia của gia đình.\n          - doan: Bảng.\n            bang: { cot: [A, B], dong: [[x]] }\n",
    );
    expect(check(item).map((f) => f.path)).toEqual(["noi_dung[0].cac_y[0].cac_y[2].bang.dong[0]"]);
    const appendix = MINIMAL_PLAN + "phu_luc:\n  - tieu_de: Phụ lục\n    bang: { cot: [A], dong: [[x, y]] }\n";
    expect(check(appendix).map((f) => f.path)).toEqual(["phu_luc[0].bang.dong[0]"]);
  });

  it("check and build both stop with the row's line:col", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), withTable("      cot: [A, B]\n      dong:\n        - [x, y, z]\n"));
    for (const cmd of ["check", "build"]) {
      const r = runCli([cmd, "p.yaml"], { cwd: dir });
      expect(r.code, cmd).toBe(1);
      expect(r.stderr, cmd).toContain("p.yaml:14:11  lỗi  hàng này có 3 ô nhưng bảng có 2 cột (cot)");
    }
  });
});
