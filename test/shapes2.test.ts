/**
 * Shapes of real plans (issue 16 items 9–17, issue 19 item 5): task fields, deadlines as text,
 * sub/superscript, the Lưu line, the Phụ lục reference line, a plan issued with a Quyết định.
 * Each case asserts the OOXML the writer makes.
 */
import { describe, expect, it } from "vitest";
import { parseSource } from "../src/read/index.js";
import { normalizePlan } from "../src/normalize/index.js";
import { validateSource } from "../src/validate/index.js";
import { docxOf, paragraphs } from "./docx.js";
import { MINIMAL_PLAN } from "./helpers.js";

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
