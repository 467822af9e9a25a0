/**
 * Shapes of real plans (issue 16 items 9–17, issue 19 item 5): task fields, deadlines as text,
 * sub/superscript, the Lưu line, the Phụ lục reference line, a plan issued with a Quyết định.
 * Each case asserts the OOXML the writer makes.
 */
import { describe, expect, it } from "vitest";
import { parseSource } from "../src/read/index.js";
import { normalizePlan } from "../src/normalize/index.js";
import { validateSource } from "../src/validate/index.js";
import { docxOf, paragraphs, parts } from "./docx.js";
import { spawnSync } from "node:child_process";
import { textWidth } from "../src/write/measure.js";
import { join } from "node:path";
import { CHECKER, HAS_CHECKER, MINIMAL_PLAN, runCli, tempDir } from "./helpers.js";

/** The minimal plan with its items replaced. */
const withItems = (items: string): string =>
  MINIMAL_PLAN.replace("          - Tăng cường sự lãnh đạo của cấp ủy.\n          - Huy động sự tham gia của gia đình.\n", items);

describe("task fields (truong): labelled lines in the plan's order and wording", () => {
  const plan = withItems(`          - doan: Quan trắc chất lượng nước mặt.
            truong:
              - { nhan: Nội dung thực hiện, noi_dung: Lấy mẫu tại 12 điểm }
              - { nhan: Cơ quan thực hiện, noi_dung: Sở Nông nghiệp và Môi trường }
              - { nhan: Sản phẩm, noi_dung: Báo cáo kết quả quan trắc. }
              - { nhan: "*Đơn vị chủ trì thực hiện:*", noi_dung: Sở Xây dựng, gach: false }
              - { nhan: Thời gian thực hiện, noi_dung: Định kỳ hằng năm (trước ngày 15 tháng 12), sau_cac_y: true }
            cac_y:
              - Quý IV năm 2025 và các năm tiếp theo
`);

  it("prints each field as '- Nhãn: nội dung' as typed, in order, some after the sub-items", async () => {
    const ps = paragraphs(await docxOf(plan)).map((p) => p.text);
    const at = (t: string): number => ps.indexOf(t);
    expect(at("- Nội dung thực hiện: Lấy mẫu tại 12 điểm")).toBeGreaterThan(0);
    expect(at("- Cơ quan thực hiện: Sở Nông nghiệp và Môi trường")).toBe(at("- Nội dung thực hiện: Lấy mẫu tại 12 điểm") + 1);
    expect(at("- Sản phẩm: Báo cáo kết quả quan trắc.")).toBe(at("- Cơ quan thực hiện: Sở Nông nghiệp và Môi trường") + 1);
    // no dash, the typed colon kept (none added)
    expect(at("Đơn vị chủ trì thực hiện: Sở Xây dựng")).toBe(at("- Sản phẩm: Báo cáo kết quả quan trắc.") + 1);
    expect(at("- Quý IV năm 2025 và các năm tiếp theo")).toBe(at("Đơn vị chủ trì thực hiện: Sở Xây dựng") + 1);
    expect(at("- Thời gian thực hiện: Định kỳ hằng năm (trước ngày 15 tháng 12)")).toBe(at("- Quý IV năm 2025 và các năm tiếp theo") + 1);
  });

  it("keeps the label's own style: an italic label, upright text", async () => {
    const p = paragraphs(await docxOf(plan)).find((x) => x.text.startsWith("Đơn vị chủ trì"))!;
    expect(p.runs.map((r) => [r.text, r.italic])).toEqual([
      ["Đơn vị chủ trì thực hiện:", true],
      [" Sở Xây dựng", false],
    ]);
    expect(p.xml).not.toContain("<w:t xml:space=\"preserve\">- ");
  });

  it("normalizes them into one ordered list the table layout can read", () => {
    const n = normalizePlan({ plan: parseSource("plan.yaml", withItems("          - { doan: Việc, chu_tri: Sở Y tế, truong: [{ nhan: Kinh phí, noi_dung: Ngân sách tỉnh }] }\n")) });
    const item = n.plan!.sections[0]!.items[0]!.children[0]!;
    expect(item.fields).toEqual([
      { key: "chu_tri", text: "Sở Y tế", dash: true, afterItems: false },
      { key: "truong", label: "Kinh phí", text: "Ngân sách tỉnh", dash: true, afterItems: false },
    ]);
  });

  it("rejects a field without its label or text, and a label of two paragraphs", () => {
    const errors = (items: string): string[] => {
      const src = parseSource("plan.yaml", withItems(items));
      return validateSource(src, "plan").map((f) => `${f.line}:${f.col} ${f.rule}`);
    };
    expect(errors("          - { doan: Việc, truong: [{ nhan: Sản phẩm }] }\n")).not.toEqual([]);
    expect(errors('          - { doan: Việc, truong: [{ nhan: "Sản\\n\\nphẩm", noi_dung: Báo cáo }] }\n')).not.toEqual([]);
    expect(errors("          - { doan: Việc, truong: [{ nhan: Sản phẩm, noi_dung: Báo cáo }] }\n")).toEqual([]);
  });
});

describe("subscript and superscript: H~2~S, m^3^, in any text, tables included", () => {
  const plan = withItems(`          - "Nồng độ NH~4~^+^ và PO~4~^3-^ vượt chuẩn; H~2~S phát sinh 120 m^3^/ngày^[Theo QCVN 08:2023/BTNMT.]; 5 ~ 10 mẫu, 2^10 và \\\\~ giữ nguyên."
        bang:
          cot: [Chỉ tiêu, Đơn vị]
          dong: [["NH~4~^+^", "mg/m^3^"]]
`);

  it("writes w:vertAlign subscript/superscript runs; a mark with a space inside or without its partner stays text", async () => {
    const ps = paragraphs(await docxOf(plan));
    const p = ps.find((x) => x.text.startsWith("a) Nồng độ"))!;
    expect(p.text).toBe("a) Nồng độ NH4+ và PO43- vượt chuẩn; H2S phát sinh 120 m3/ngày; 5 ~ 10 mẫu, 2^10 và ~ giữ nguyên.");
    const vert = [...p.xml.matchAll(/<w:r>(?:<w:rPr>([\s\S]*?)<\/w:rPr>)?<w:t[^>]*>([^<]*)<\/w:t>/g)]
      .map((m) => [m[2], /w:vertAlign w:val="(\w+)"/.exec(m[1] ?? "")?.[1] ?? ""])
      .filter(([, v]) => v);
    expect(vert).toEqual([
      ["4", "subscript"],
      ["+", "superscript"],
      ["4", "subscript"],
      ["3-", "superscript"],
      ["2", "subscript"],
      ["3", "superscript"],
    ]);
    const cells = ps.filter((x) => x.inTable).map((x) => x.xml);
    expect(cells.some((x) => x.includes('<w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">3</w:t>'))).toBe(true);
    expect(cells.some((x) => x.includes('<w:vertAlign w:val="subscript"/></w:rPr><w:t xml:space="preserve">4</w:t>'))).toBe(true);
  });
});

describe("Nơi nhận as offices write it (issue 16 item 15, issue 19 item 5)", () => {
  const recipients = (lines: string): Promise<string[]> =>
    docxOf(MINIMAL_PLAN.replace(/^luu:.*\n/m, "").replace("noi_nhan:\n  - { ten: UBND huyện, ghi_chu: b/c }\n  - Các trường học\n", `noi_nhan:\n${lines}`)).then((d) =>
      paragraphs(d).filter((p) => p.inTable && p.text.startsWith("- ")).map((p) => p.text),
    );

  it("prints a note after a typed semicolon, a code in parentheses, and the Lưu line exactly as typed", async () => {
    expect(
      await recipients(`  - { ten: "Bộ Giáo dục và Đào tạo;", ghi_chu: để báo cáo }
  - VP UBND TP (3C)
  - "Lưu: VT, NC (TP, Dũng)."
`),
    ).toEqual(["- Bộ Giáo dục và Đào tạo; (để báo cáo)", "- VP UBND TP (3C);", "- Lưu: VT, NC (TP, Dũng)."]);
    expect(await recipients(`  - Sở Y tế\n  - "Lưu: VT, TH, VX"\n`)).toEqual(["- Sở Y tế;", "- Lưu: VT, TH, VX"]);
  });
});

describe("a plan issued with a Quyết định, and the Phụ lục's Kèm theo line (issue 16 items 16, 17)", () => {
  const decreePlan = (more = ""): string =>
    MINIMAL_PLAN.replace(/^so: .*\n/m, "")
      .replace(/^ngay: .*\n/m, `quyet_dinh: { so: "3961", ngay: "2025-11-18" }\n${more}`)
      .replace(/^nguoi_ky:[\s\S]*$/m, "phu_luc:\n  - { tieu_de: Danh mục điểm quan trắc, doan: Cầu Bình Phước. }\n");

  it("prints '(Ban hành kèm theo Quyết định số …)' italic under the trích yếu; no Số, date line, Nơi nhận or signature", async () => {
    const docx = await docxOf(decreePlan());
    const ps = paragraphs(docx);
    const i = ps.findIndex((p) => p.text === "Thực hiện công tác trẻ em năm 2025");
    // split before "của" as the Phụ lục's Kèm theo line is
    expect(ps.slice(i + 1, i + 3).map((p) => [p.text, p.jc])).toEqual([
      ["(Ban hành kèm theo Quyết định số 3961/QĐ-UBND ngày 18 tháng 11 năm 2025", "center"],
      ["của Ủy ban nhân dân xã Bằng Mạc)", "center"],
    ]);
    expect(ps.slice(i + 1, i + 3).every((p) => p.runs.every((r) => r.italic && !r.bold))).toBe(true);
    const texts = ps.map((p) => p.text);
    expect(texts.filter((t) => /^Số:|ngày .* tháng .* năm|^Nơi nhận|^KT\./.test(t) && !t.startsWith("(")).length).toBe(0);
    expect(texts).toContain("(Kèm theo Quyết định số 3961/QĐ-UBND ngày 18 tháng 11 năm 2025");
  });

  it("rejects the plan's own Số, date, signature or Nơi nhận beside quyet_dinh, at their keys", () => {
    const src = parseSource("plan.yaml", decreePlan().replace("quyet_dinh:", 'so: "12"\nquyet_dinh:'));
    expect(normalizePlan({ plan: src }).findings.map((f) => [f.line, f.col, f.rule, f.path])).toEqual([[6, 1, "plan.unused-key", "so"]]);
  });

  it("writes the Kèm theo line with the issuer's short form and a numeric date, or as typed", async () => {
    const plan = MINIMAL_PLAN + "kem_theo: { cua: UBND xã Bằng Mạc, ngay: so }\nphu_luc:\n  - { tieu_de: Danh sách, doan: Trường Mầm non. }\n  - { tieu_de: Kinh phí, doan: Ngân sách xã., kem_theo: (Kèm theo Kế hoạch số 05/KH-UBND ngày 05/3/2025 của UBND xã) }\n";
    const texts = paragraphs(await docxOf(plan)).map((p) => p.text);
    expect(texts).toContain("(Kèm theo Kế hoạch số 05/KH-UBND ngày 5/3/2025 của UBND xã Bằng Mạc)");
    expect(texts).toContain("(Kèm theo Kế hoạch số 05/KH-UBND ngày 05/3/2025 của UBND xã)");
  });
});

describe("example tp-hcm-quan-trac (Thành phố Hồ Chí Minh, issued with a Quyết định)", () => {
  it.runIf(HAS_CHECKER)("builds with 0 errors; nd30check fails only what a plan issued with a Quyết định must not have", () => {
    const out = join(tempDir(), "005.docx");
    const r = runCli(["build", "examples/tp-hcm-quan-trac.yaml", "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/ lỗi  /);
    const check = spawnSync("python3", [CHECKER, out], { encoding: "utf8" });
    const failed = check.stdout.split("\n").filter((l) => l.startsWith("FAIL")).map((l) => l.split(/\s+/)[1]);
    // the checker expects every plan to carry its own Số, date line and Nơi nhận, and the rule within two
    // paragraphs of the trích yếu; a plan issued with a Quyết định has none of the first three (the
    // Quyết định does) and its "(Ban hành kèm theo …)" lines stand between the trích yếu and the rule
    expect(failed.sort()).toEqual(["ngay", "noi-nhan", "so-ky-hieu", "trich-yeu.line"]);
  });
});

describe("long agency names and places stay on one line (issue 16 item 14)", () => {
  const hcm = MINIMAL_PLAN.replace("ten: [ỦY BAN NHÂN DÂN, XÃ BẰNG MẠC]", "ten: [ỦY BAN NHÂN DÂN, THÀNH PHỐ HỒ CHÍ MINH]").replace("dia_danh: Bằng Mạc", "dia_danh: Thành phố Hồ Chí Minh");
  const grid = (xml: string): string[] => [.../<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(xml)![1]!.matchAll(/w:w="(\d+)"/g)].map((m) => m[1]!);
  const indent = (xml: string): string => /<w:tblInd w:type="dxa" w:w="(-?\d+)"\/>/.exec(xml)![1]!;

  it("widens the header columns from the measured text, into the margins, and keeps the standard ones otherwise", async () => {
    const wide = parts(await docxOf(hcm)).get("word/document.xml")!;
    // each column 5 % wider than its longest line as measured, plus the cells' padding
    const date = textWidth("Thành phố Hồ Chí Minh, ngày 05 tháng 3 năm 2025", 14, false);
    expect(grid(wide).map(Number)).toEqual([Math.ceil(textWidth("THÀNH PHỐ HỒ CHÍ MINH", 13, true) * 1.05) + 216, Math.ceil(date * 1.05) + 216]);
    // 15 mm from the left edge of the page at most (left margin 1701 twips)
    expect(indent(wide)).toBe("-851");
    const standard = parts(await docxOf(MINIMAL_PLAN)).get("word/document.xml")!;
    expect([grid(standard), indent(standard)]).toEqual([["3600", "5700"], "-150"]);
  });

  it("centres the rules under their text in the widened cells", async () => {
    const ps = paragraphs(await docxOf(hcm)).filter((p) => p.inTable && /w:top w:val="single"/.test(p.xml));
    // agency rule: 40 % of the name, centred in the 3796 − 216 twips of the cell; motto rule under the motto
    const sides = ps.slice(0, 2).map((p) => [/w:left="(\d+)"/.exec(p.xml)![1], /w:right="(\d+)"/.exec(p.xml)![1]]);
    expect(sides[0]![0]).toBe(sides[0]![1]);
    expect(sides[1]![0]).toBe(sides[1]![1]);
  });
});
