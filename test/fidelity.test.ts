/**
 * Issue 13: what the user typed reaches the document exactly, or the build stops (or warns)
 * with a Vietnamese message at file:line:col. Each test is a realistic input that failed before.
 */
import { describe, expect, it } from "vitest";
import { parseSource } from "../src/read/index.js";
import { validateSource } from "../src/validate/index.js";
import { normalizePlan } from "../src/normalize/index.js";
import type { Block } from "../src/model/document.js";
import type { Finding } from "../src/model/finding.js";
import { modelOf } from "./docx.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { MINIMAL_PLAN, runCli, tempDir } from "./helpers.js";

/** Findings of the stages before render (schema, then normalize), as `check` reports them. */
export function findingsOf(yaml: string): Finding[] {
  const src = parseSource("plan.yaml", yaml);
  const schema = validateSource(src, "plan");
  if (schema.length) return schema;
  return normalizePlan({ plan: src }).findings;
}

const text = (b: Block): string => ("runs" in b ? ("label" in b && b.label ? b.label + " " : "") + b.runs.map((r) => r.text).join("") : "");
const bodyLines = (yaml: string): string[] => modelOf(yaml).body.map(text);
const withPreamble = (preamble: string): string => MINIMAL_PLAN.replace("noi_dung:\n", `${preamble}noi_dung:\n`);

describe("Số keeps its digits as typed", () => {
  it("prints 0129 in the header and in the Phụ lục's reference; a single digit takes a leading 0", () => {
    const m = modelOf(MINIMAL_PLAN.replace('so: "5"', 'so: "0129"') + "phu_luc:\n  - tieu_de: Danh sách đơn vị\n    doan: Các trường học trên địa bàn xã.\n");
    expect(m.header.numberLine).toBe("Số: 0129/KH-UBND");
    expect(m.appendices[0]!.reference).toContain("Kèm theo Kế hoạch số 0129/KH-UBND");
    expect(modelOf(MINIMAL_PLAN).header.numberLine).toBe("Số: 05/KH-UBND");
    expect(modelOf(MINIMAL_PLAN.replace('so: "5"', 'so: "05"')).header.numberLine).toBe("Số: 05/KH-UBND");
  });
});

describe("no empty paragraphs: blank texts and items with nothing of their own are rejected at line:col", () => {
  it("rejects an empty lời dẫn, đoạn and câu kết, and a text of spaces only", () => {
    const lead = findingsOf(withPreamble('mo_dau:\n  thuc_hien: Kế hoạch số 169/KH-UBND ngày 14/5/2024 của UBND huyện Chi Lăng\n  loi_dan: ""\n'));
    expect(lead).toEqual([expect.objectContaining({ line: 11, col: 12, rule: "schema.empty", path: "mo_dau.loi_dan" })]);
    expect(lead[0]!.message).toContain("không được để trống");
    const para = findingsOf(MINIMAL_PLAN.replace("  - loai: muc_dich_yeu_cau\n", '  - loai: muc_dich_yeu_cau\n    doan: "   "\n'));
    expect(para).toEqual([expect.objectContaining({ line: 11, col: 11, rule: "schema.empty", path: "noi_dung[0].doan" })]);
    const closing = findingsOf(MINIMAL_PLAN + 'ket_thuc: ""\n');
    expect(closing).toEqual([expect.objectContaining({ line: 24, col: 11, rule: "schema.empty", path: "ket_thuc" })]);
    const list = findingsOf(MINIMAL_PLAN.replace("  - loai: muc_dich_yeu_cau\n", "  - loai: muc_dich_yeu_cau\n    doan: []\n"));
    expect(list).toEqual([expect.objectContaining({ line: 11, rule: "schema.empty", path: "noi_dung[0].doan" })]);
  });

  it("rejects an item with only cac_y (it would print a lone \"1.\"), telling to add doan or tieu_de", () => {
    const fs = findingsOf(
      MINIMAL_PLAN.replace(
        "      - tieu_de: Mục đích\n        cac_y:",
        "      - cac_y:",
      ),
    );
    expect(fs).toEqual([expect.objectContaining({ line: 12, col: 9, rule: "schema.required", path: "noi_dung[0].cac_y[0]" })]);
    expect(fs[0]!.message).toContain('"doan"');
    expect(fs[0]!.message).toContain('"tieu_de"');
  });

  it("still allows a blank table cell", () => {
    const table = "    bang:\n      cot: [STT, Nội dung, Ghi chú]\n      dong:\n        - [\"1\", Tuyên truyền, \"\"]\n";
    expect(findingsOf(MINIMAL_PLAN.replace("  - loai: muc_dich_yeu_cau\n", "  - loai: muc_dich_yeu_cau\n" + table))).toEqual([]);
  });
});

describe("a key the schema accepts has an effect there, or is rejected there", () => {
  const item = (body: string): string =>
    MINIMAL_PLAN.replace("noi_dung:\n", `noi_dung:\n  - loai: to_chuc_thuc_hien\n    cac_y:\n${body}`);
  const at = (yaml: string): { line: number; col: number; rule: string }[] => findingsOf(yaml).map(({ line, col, rule }) => ({ line, col, rule }));

  it("rejects de_nghi on a titled item (the word \"Đề nghị\" would be lost) and tieu_de with don_vi", () => {
    expect(at(item("      - tieu_de: Ủy ban Mặt trận Tổ quốc Việt Nam xã\n        de_nghi: true\n        doan: Phối hợp tuyên truyền, vận động Nhân dân.\n"))).toEqual([
      { line: 13, col: 9, rule: "schema.dependency" },
    ]);
    const both = findingsOf(item("      - tieu_de: Phòng Nội vụ\n        don_vi: Phòng Nội vụ huyện\n        doan: Chủ trì, tham mưu triển khai Kế hoạch.\n"));
    expect(both).toEqual([expect.objectContaining({ line: 13, col: 9, rule: "schema.conflict", path: "noi_dung[0].cac_y[0].don_vi" })]);
    expect(both[0]!.message).toContain("tên đơn vị (don_vi) không được in");
  });

  it("rejects han where it is not printed: on a titled or a unit item, or without doan", () => {
    expect(at(item('      - tieu_de: Báo cáo định kỳ\n        han: "2025-05-10"\n'))).toEqual([
      { line: 13, col: 9, rule: "schema.conflict" },
      { line: 13, col: 9, rule: "schema.dependency" },
    ]);
    expect(at(item('      - don_vi: Phòng Nội vụ\n        doan: Tổng hợp, báo cáo kết quả.\n        han: "2025-05-10"\n'))).toEqual([{ line: 14, col: 9, rule: "schema.conflict" }]);
  });

  it("rejects danh_dau without cac_y, loai with tieu_de, and Lưu's counts without what they follow", () => {
    expect(at(item("      - doan: Tổng hợp, báo cáo kết quả.\n        danh_dau: gach\n"))).toEqual([{ line: 13, col: 9, rule: "schema.dependency" }]);
    expect(at(MINIMAL_PLAN.replace("  - loai: muc_dich_yeu_cau\n", "  - loai: muc_dich_yeu_cau\n    tieu_de: MỤC ĐÍCH\n"))).toEqual([{ line: 10, col: 5, rule: "schema.conflict" }]);
    expect(at(MINIMAL_PLAN.replace('luu: { don_vi: VHXH, so_ban: "02" }', 'luu: { so_ban: "02" }'))).toEqual([{ line: 23, col: 8, rule: "schema.dependency" }]);
  });
});

describe("punctuation: added only where none was typed, never replaced; a collision is an error at line:col", () => {
  const thucHien = (v: string): string =>
    withPreamble(`mo_dau:\n  thuc_hien: "${v}"\n  loi_dan: "UBND tỉnh ban hành Kế hoạch triển khai thực hiện như sau:"\n`);

  it("rejects a \"Thực hiện\" ending in \";\" (it printed \"…1/QĐ-TTg, UBND tỉnh\"), keeps a full stop as a sentence end", () => {
    const fs = findingsOf(thucHien("Quyết định số 1/QĐ-TTg ngày 03/01/2024 của Thủ tướng Chính phủ;"));
    expect(fs).toEqual([expect.objectContaining({ line: 10, col: 14, rule: "text.punctuation", severity: "error", path: "mo_dau.thuc_hien" })]);
    expect(fs[0]!.message).toContain('xóa ";"');
    const list = findingsOf(withPreamble("mo_dau:\n  thuc_hien:\n    - Luật Việc làm năm 2013;\n    - Quyết định số 1/QĐ-TTg\n"));
    expect(list).toEqual([expect.objectContaining({ line: 11, col: 7, path: "mo_dau.thuc_hien[0]" })]);
    const stop = thucHien("Quyết định số 1/QĐ-TTg ngày 03/01/2024 của Thủ tướng Chính phủ.");
    expect(findingsOf(stop)).toEqual([]);
    expect(bodyLines(stop)[0]).toBe(
      "Thực hiện Quyết định số 1/QĐ-TTg ngày 03/01/2024 của Thủ tướng Chính phủ. UBND tỉnh ban hành Kế hoạch triển khai thực hiện như sau:",
    );
  });

  it("keeps the marks typed at the end of căn cứ and recipients, and adds none after them", () => {
    const m = modelOf(
      withPreamble("mo_dau:\n  can_cu:\n    - Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n    - Luật Trẻ em năm 2016;\n    - Nghị định số 56/2017/NĐ-CP\n").replace(
        "  - Các trường học\n",
        "  - Các trường học;\n  - Như trên.\n",
      ),
    );
    expect(m.body.slice(0, 3).map(text)).toEqual([
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
      "Căn cứ Luật Trẻ em năm 2016;",
      "Căn cứ Nghị định số 56/2017/NĐ-CP.",
    ]);
    expect(m.signOff!.recipients.slice(0, 3)).toEqual(["- UBND huyện (b/c);", "- Các trường học;", "- Như trên."]);
    // a mark typed before a note stays there, the note after it (issue 19 item 5)
    const noted = MINIMAL_PLAN.replace("{ ten: UBND huyện, ghi_chu: b/c }", '{ ten: "UBND huyện;", ghi_chu: b/c }');
    expect(findingsOf(noted)).toEqual([]);
    expect(modelOf(noted).signOff!.recipients[0]).toBe("- UBND huyện; (b/c)");
  });

  it("prints the task lines as typed: no full stop forced after \"Cơ quan chủ trì: …\"", () => {
    const lines = bodyLines(
      MINIMAL_PLAN.replace(
        "          - Huy động sự tham gia của gia đình.",
        "          - doan: Xây dựng cơ sở dữ liệu về khoa học và công nghệ.\n            chu_tri: Sở Khoa học và Công nghệ\n            thoi_gian: Năm 2025.",
      ),
    );
    expect(lines).toContain("- Cơ quan chủ trì: Sở Khoa học và Công nghệ");
    expect(lines).toContain("- Thời gian thực hiện: Năm 2025.");
  });

  it("rejects a deadline text ending in a mark (it printed \"năm: trước ngày\" after dropping the \".\")", () => {
    const fs = findingsOf(MINIMAL_PLAN.replace("          - Huy động sự tham gia của gia đình.", '          - { doan: Báo cáo kết quả 6 tháng đầu năm., han: "2025-06-15" }'));
    expect(fs).toEqual([expect.objectContaining({ line: 15, col: 21, rule: "text.punctuation", path: "noi_dung[0].cac_y[0].cac_y[1].doan" })]);
    expect(fs[0]!.message).toContain(": trước ngày");
  });

  it("merges a typed full stop into the end mark and rejects \";\" before it, in ket_thuc and with ket_thuc: false", () => {
    const closing = "Trên đây là Kế hoạch thực hiện công tác trẻ em năm 2025 của Ủy ban nhân dân xã Bằng Mạc";
    const last = (yaml: string): string => text(modelOf(yaml).body.at(-1)!);
    expect(last(MINIMAL_PLAN + `ket_thuc: ${closing}.\n`)).toBe(`${closing}./.`);
    expect(findingsOf(MINIMAL_PLAN + `ket_thuc: "${closing};"\n`)).toEqual([expect.objectContaining({ line: 24, col: 11, rule: "text.punctuation", path: "ket_thuc" })]);
    const own = MINIMAL_PLAN.replace("Huy động sự tham gia của gia đình.", "Huy động sự tham gia của gia đình;") + "ket_thuc: false\n";
    expect(findingsOf(own)).toEqual([expect.objectContaining({ line: 15, col: 13, path: "noi_dung[0].cac_y[0].cac_y[1]" })]);
    expect(findingsOf(own.replace("gia đình;", "gia đình"))).toEqual([]);
    expect(last(own.replace("gia đình;", "gia đình"))).toBe("b) Huy động sự tham gia của gia đình./.");
    const unit = MINIMAL_PLAN.replace("          - Huy động sự tham gia của gia đình.", "          - don_vi: Công chức Văn hóa - Xã hội") + "ket_thuc: false\n";
    expect(findingsOf(unit)).toEqual([expect.objectContaining({ line: 15, col: 21, rule: "text.punctuation", path: "noi_dung[0].cac_y[0].cac_y[1].don_vi" })]);
  });
});

describe("a trích yếu in capitals is never garbled in the default lời dẫn and closing", () => {
  const capitals = MINIMAL_PLAN.replace("trich_yeu: Thực hiện công tác trẻ em năm 2025", "trich_yeu: TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM");

  it("prints it as typed (never \"tRIỂN\") and warns at the trích yếu, naming trich_yeu_trong_cau", () => {
    const lines = bodyLines(capitals);
    expect(lines[0]).toBe("Ủy ban nhân dân xã Bằng Mạc ban hành Kế hoạch TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM như sau:");
    expect(lines.at(-1)).toContain("Trên đây là Kế hoạch TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM của");
    const fs = findingsOf(capitals);
    expect(fs).toEqual([expect.objectContaining({ line: 8, col: 12, severity: "warning", rule: "text.summary-capitals", path: "trich_yeu" })]);
    expect(fs[0]!.message).toContain("trich_yeu_trong_cau");
  });

  it("uses the sentence form the user gives, and then does not warn", () => {
    const given = capitals.replace("noi_dung:\n", "trich_yeu_trong_cau: triển khai thi hành Luật Việc làm\nnoi_dung:\n");
    expect(findingsOf(given)).toEqual([]);
    const lines = bodyLines(given);
    expect(lines[0]).toBe("Ủy ban nhân dân xã Bằng Mạc ban hành Kế hoạch triển khai thi hành Luật Việc làm như sau:");
    expect(lines.at(-1)).toContain("Trên đây là Kế hoạch triển khai thi hành Luật Việc làm của");
  });

  it("does not warn when the user wrote both sentences, and then rejects an unused sentence form", () => {
    const own = capitals.replace("noi_dung:\n", 'mo_dau:\n  loi_dan: "UBND xã ban hành Kế hoạch triển khai thi hành Luật Việc làm như sau:"\nnoi_dung:\n') + "ket_thuc: Trên đây là Kế hoạch của UBND xã\n";
    expect(findingsOf(own)).toEqual([]);
    const unused = own.replace("noi_dung:\n", "trich_yeu_trong_cau: triển khai thi hành Luật Việc làm\nnoi_dung:\n");
    expect(findingsOf(unused)).toEqual([expect.objectContaining({ line: 11, col: 1, severity: "error", path: "trich_yeu_trong_cau" })]);
  });

  it("is a warning in check and build, and fails them with --strict", () => {
    const dir = tempDir();
    const file = join(dir, "ke-hoach.yaml");
    writeFileSync(file, capitals);
    const check = runCli(["check", file]);
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/ke-hoach\.yaml:8:12 {2}cảnh báo {2}trích yếu viết in hoa/);
    expect(runCli(["check", "--strict", file]).code).toBe(1);
    const build = runCli(["build", file]);
    expect(build.code).toBe(0);
    expect(build.stderr).toContain("8:12  cảnh báo");
    expect(runCli(["build", "--strict", file, "-o", join(dir, "strict.docx")]).code).toBe(1);
  });
});

describe("keys another key makes useless", () => {
  it("rejects luu when the plan's recipients type their own Lưu line (luu would be ignored)", () => {
    const typed = MINIMAL_PLAN.replace("  - Các trường học\n", '  - Các trường học\n  - "Lưu: VT, VHXH."\n');
    expect(findingsOf(typed)).toEqual([expect.objectContaining({ line: 24, col: 1, rule: "plan.unused-key", path: "luu" })]);
    expect(findingsOf(typed.replace('luu: { don_vi: VHXH, so_ban: "02" }\n', ""))).toEqual([]);
  });

  it("rejects a note on a typed Lưu line (it was not printed)", () => {
    const note = MINIMAL_PLAN.replace("  - Các trường học\n", '  - Các trường học\n  - { ten: "Lưu: VT, VHXH", ghi_chu: "02 bản" }\n').replace('luu: { don_vi: VHXH, so_ban: "02" }\n', "");
    expect(findingsOf(note)).toEqual([expect.objectContaining({ line: 23, col: 29, rule: "plan.unused-key", path: "noi_nhan[2].ghi_chu" })]);
  });
});
