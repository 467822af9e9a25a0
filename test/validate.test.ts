import { describe, expect, it } from "vitest";
import { parseSource } from "../src/read/index.js";
import { validateSource } from "../src/validate/index.js";
import { MINIMAL_PLAN } from "./helpers.js";

const check = (yaml: string) => validateSource(parseSource("plan.yaml", yaml), "plan");

describe("validate stage: schema errors in Vietnamese at file:line:col", () => {
  it("accepts a complete plan", () => {
    expect(check(MINIMAL_PLAN)).toEqual([]);
  });

  it("refuses an unquoted number and tells to quote it", () => {
    const [f] = check(MINIMAL_PLAN.replace('so: "5"', "so: 012"));
    expect(f).toMatchObject({ line: 6, col: 5, rule: "schema.type", path: "so" });
    expect(f!.message).toContain('đặt trong dấu ngoặc kép, ví dụ "012"');
  });

  it("says 'a string of digits' only where the schema wants digits: a number typed as a title is quoted as text", () => {
    const [f] = check(MINIMAL_PLAN.replace("trich_yeu: Thực hiện công tác trẻ em năm 2025", "trich_yeu: 2025"));
    expect(f).toMatchObject({ rule: "schema.type", path: "trich_yeu" });
    expect(f!.message).toBe('giá trị 2025 phải là chữ (câu văn); hãy đặt trong dấu ngoặc kép: "2025".');
  });

  it("names an unknown key at the key, with a near-miss suggestion", () => {
    const [f] = check(MINIMAL_PLAN.replace("trich_yeu:", "trich_yue:"));
    expect(f).toMatchObject({ line: 8, col: 1, rule: "schema.unknown-key" });
    expect(f!.message).toBe('khóa "trich_yue" không có trong mẫu kế hoạch. Có phải ý bạn là "trich_yeu"?');
    const deep = check(MINIMAL_PLAN.replace("- tieu_de: Mục đích", "- tieu_đề: Mục đích"));
    expect(deep.find((x) => x.rule === "schema.unknown-key")).toMatchObject({ line: 12, col: 9, path: "noi_dung[0].cac_y[0].tieu_đề" });
    expect(deep[0]!.message).toContain('Có phải ý bạn là "tieu_de"?');
  });

  it("points a missing required key at the mapping that lacks it", () => {
    const fs = check("so: \"1\"\nnoi_dung:\n  - loai: kinh_phi\n");
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ line: 1, col: 1, rule: "schema.required" });
    expect(fs[0]!.message).toBe('thiếu khóa "trich_yeu" (Trích yếu). Hãy thêm "trich_yeu: …" vào đây.');
    const sec = check("trich_yeu: a\nnoi_dung:\n  - doan: x\n");
    expect(sec[0]).toMatchObject({ line: 3, col: 5, message: 'cần có một trong các khóa: "loai", "tieu_de".' });
  });

  it("reports wrong types and bad values with what is accepted", () => {
    const fs = check(MINIMAL_PLAN.replace("noi_nhan:\n  - { ten: UBND huyện, ghi_chu: b/c }\n  - Các trường học\n", "noi_nhan: Các trường học\n"));
    expect(fs[0]!.message).toContain("phải là danh sách");
    const en = check(MINIMAL_PLAN.replace("loai: muc_dich_yeu_cau", "loai: muc_dich"));
    expect(en[0]).toMatchObject({ line: 10, col: 11 });
    expect(en[0]!.message).toContain('giá trị "muc_dich" không hợp lệ.');
    const date = check(MINIMAL_PLAN.replace('ngay: "2025-03-05"', 'ngay: "05/03/2025"'));
    expect(date[0]!.message).toContain('ví dụ ngay: "2025-03-05"');
  });

  it("reports all problems in one run, in file order", () => {
    const fs = check(MINIMAL_PLAN.replace('so: "5"', "so: 5").replace("trich_yeu:", "trich_yue:").replace("kt: CHỦ TỊCH", "kt: CHỦ TỊCH\n  ky: x"));
    expect(fs.map((f) => f.line)).toEqual([6, 8, 18]);
  });
});
