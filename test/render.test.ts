import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseSource } from "../src/read/index.js";
import { loadSource, renderLoaded } from "../src/pipeline.js";
import { label, letter, roman, VIETNAMESE_LETTERS } from "../src/normalize/numbering.js";
import { loadTemplates } from "../src/render/index.js";
import { paragraphs } from "../src/render/inline.js";
import type { Block, DocumentModel } from "../src/model/document.js";
import { MINIMAL_PLAN, tempDir } from "./helpers.js";

function model(yaml: string, templatesDir?: string): DocumentModel {
  const src = parseSource("plan.yaml", yaml);
  expect(src.findings).toEqual([]);
  const n = loadSource(src);
  expect(n.findings.map((f) => f.message)).toEqual([]);
  const r = renderLoaded(n.plan!, { templates: templatesDir, date: new Date(Date.UTC(2025, 2, 5)) });
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  return r.model!;
}

const text = (b: Block): string => ("runs" in b ? ("label" in b && b.label ? b.label + " " : "") + b.runs.map((r) => r.text).join("") : "");

describe("numbering", () => {
  it("letters follow the Vietnamese order: đ after d, no f j w z", () => {
    expect(VIETNAMESE_LETTERS.join("")).toBe("abcdđeghiklmnopqrstuvxy");
    expect([3, 4, 5, 6].map(letter)).toEqual(["d", "đ", "e", "g"]);
    expect(letter(23)).toBe("a1");
    expect(roman(4)).toBe("IV");
    expect(roman(9)).toBe("IX");
    expect(label("so_cap", 1, "2.")).toBe("2.2.");
    expect(label("so_cap", 0, "2.1.")).toBe("2.1.1.");
  });

  it("numbers sections, khoản and điểm from the structure, restarting in each parent", () => {
    const items = Array.from({ length: 7 }, (_, i) => `          - Điểm ${i + 1}.`).join("\n");
    const m = model(
      MINIMAL_PLAN.replace(
        "          - Tăng cường sự lãnh đạo của cấp ủy.\n          - Huy động sự tham gia của gia đình.",
        items,
      ) + "  \n",
    );
    const labels = m.body.filter((b) => b.kind === "item" || b.kind === "titled" || b.kind === "section").map((b) => ("label" in b ? b.label : ""));
    expect(labels).toEqual(["I.", "1.", "a)", "b)", "c)", "d)", "đ)", "e)", "g)"]);
  });
});

describe("render: every fixed word from a template", () => {
  it("fills the header, title, closing and recipients", () => {
    const m = model(MINIMAL_PLAN);
    expect(m.header).toEqual({
      parentAgency: [],
      agency: ["ỦY BAN NHÂN DÂN", "XÃ BẰNG MẠC"],
      numberLine: "Số: 05/KH-UBND",
      nationalTitle: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      motto: "Độc lập - Tự do - Hạnh phúc",
      placeDate: "Bằng Mạc, ngày 05 tháng 3 năm 2025",
    });
    expect(m.title).toEqual({ kind: "KẾ HOẠCH", summary: ["Thực hiện công tác trẻ em năm 2025"] });
    expect(m.signOff).toEqual({
      recipientsLabel: "Nơi nhận:",
      recipients: ["- UBND huyện (b/c);", "- Các trường học;", "- Lưu: VT, VHXH (02)."],
      authority: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
      signaturePlaceholder: undefined,
      signer: "Triệu Thị Diệp",
    });
    const last = m.body[m.body.length - 1]!;
    expect(text(last)).toBe(
      "Trên đây là Kế hoạch thực hiện công tác trẻ em năm 2025 của Ủy ban nhân dân xã Bằng Mạc; đề nghị các cơ quan, đơn vị liên quan triển khai thực hiện./.",
    );
  });

  it("prints blank forms and e-signing placeholders", () => {
    const blank = model(MINIMAL_PLAN.replace('so: "5"\n', "").replace('ngay: "2025-03-05"', 'ngay: "2024-05"'));
    expect(blank.header.numberLine).toBe("Số:       /KH-UBND");
    expect(blank.header.placeDate).toBe("Bằng Mạc, ngày       tháng 5 năm 2024");
    const jan = model(MINIMAL_PLAN.replace('ngay: "2025-03-05"', 'ngay: "2025-01-09"'));
    expect(jan.header.placeDate).toBe("Bằng Mạc, ngày 09 tháng 01 năm 2025");
    const e = model(MINIMAL_PLAN + "ky_so: true\n");
    expect([e.header.numberLine, e.header.placeDate, e.signOff!.signaturePlaceholder]).toEqual(["#SoKyHieuVanBan", "#DiaDiemNgayBanHanh", "#ChuKyLanhDao"]);
  });

  it("prints tasks, units, deadlines, budgets and the preamble formulas", () => {
    const m = model(
      MINIMAL_PLAN.replace(
        "noi_dung:\n",
        `mo_dau:
  can_cu: [Luật Trẻ em năm 2016, Nghị định số 56/2017/NĐ-CP;]
  thuc_hien: [Quyết định số 23/QĐ-TTg, Quyết định số 1175/QĐ-UBND]
  loi_dan: "UBND xã ban hành Kế hoạch như sau:"
noi_dung:
  - loai: nhiem_vu
    cac_y:
      - { doan: Truyền thông về quyền trẻ em, chu_tri: Công an xã, phoi_hop: Các trường, thoi_gian: Quý II }
      - { don_vi: Ủy ban MTTQ xã, de_nghi: true, doan: Phối hợp tuyên truyền. }
      - { doan: Báo cáo 6 tháng, han: "2025-05-10" }
  - loai: kinh_phi
    du_toan: [{ noi_dung: Tuyên truyền, so_tien: 5000000 }, { noi_dung: Tập huấn, so_tien: "3.000.000" }]
`,
      ),
    );
    const lines = m.body.map(text);
    expect(lines.slice(0, 3)).toEqual([
      "Căn cứ Luật Trẻ em năm 2016;",
      "Căn cứ Nghị định số 56/2017/NĐ-CP;", // the typed ";" is kept (no "." added)
      "Thực hiện Quyết định số 23/QĐ-TTg; Quyết định số 1175/QĐ-UBND, UBND xã ban hành Kế hoạch như sau:",
    ]);
    expect(lines).toContain("- Cơ quan chủ trì: Công an xã");
    expect(lines).toContain("- Thời gian thực hiện: Quý II");
    expect(lines).toContain("2. Đề nghị Ủy ban MTTQ xã: Phối hợp tuyên truyền.");
    expect(lines).toContain("3. Báo cáo 6 tháng: trước ngày 10/5/2025");
    const table = m.body.find((b) => b.kind === "table");
    // "Tổng cộng" is merged over the TT and text columns
    const total = table && table.kind === "table" ? table.rows[table.rows.length - 1]! : undefined;
    expect(total?.cells.map((c) => [c.colSpan, c.content.flat().map((r) => r.text).join("")])).toEqual([[2, "Tổng cộng"], [1, "8.000.000"]]);
    expect(total?.bold).toBe(true);
  });

  it("starts the lead as a new sentence when Thực hiện ends with a full stop", () => {
    const m = model(MINIMAL_PLAN.replace("noi_dung:\n", 'mo_dau:\n  thuc_hien: Kế hoạch số 169/KH-UBND ngày 14/5/2024 của UBND huyện.\n  loi_dan: "UBND xã xây dựng kế hoạch như sau:"\nnoi_dung:\n'));
    expect(text(m.body[0]!)).toBe("Thực hiện Kế hoạch số 169/KH-UBND ngày 14/5/2024 của UBND huyện. UBND xã xây dựng kế hoạch như sau:");
  });

  it("prints the user's {{…}} and <w:p> literally: user text is data, never template", () => {
    const m = model(MINIMAL_PLAN.replace("Tăng cường sự lãnh đạo của cấp ủy.", '"{{co_quan.viet_tat}} <w:p> {{#each x}}"'));
    expect(m.body.map(text)).toContain("a) {{co_quan.viet_tat}} <w:p> {{#each x}}");
  });

  it("gives a template wrapping a text that text as {{loi_van}}, and as {{noi_dung}} for office templates written before", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "mau"));
    writeFileSync(join(dir, "mau", "han.hbs"), "{{loi_van}} (hạn {{han}}) / {{noi_dung}}");
    const m = model(MINIMAL_PLAN.replace("- Tăng cường sự lãnh đạo của cấp ủy.", '- { doan: "Báo cáo", han: "2025-06-30" }'), join(dir, "mau"));
    expect(m.body.map(text)).toContain("a) Báo cáo (hạn 30/6/2025) / Báo cáo");
  });

  it("uses an office's own template and reports a broken one at its file and line", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "mau"));
    writeFileSync(join(dir, "mau", "nhiem-vu-phoi-hop.hbs"), "Cơ quan, đơn vị phối hợp thực hiện: {{noi_dung}}");
    const m = model(MINIMAL_PLAN.replace("- Tăng cường sự lãnh đạo của cấp ủy.", "- { doan: Việc, phoi_hop: Các phòng. }"), join(dir, "mau"));
    expect(m.body.map(text)).toContain("- Cơ quan, đơn vị phối hợp thực hiện: Các phòng.");
    writeFileSync(join(dir, "mau", "ket-thuc.hbs"), "Trên đây\n{{#if co_quan}}là Kế hoạch");
    writeFileSync(join(dir, "mau", "ket-thuk.hbs"), "x");
    const broken = loadTemplates(join(dir, "mau")).findings;
    expect(broken.find((f) => f.rule === "templates.syntax")).toMatchObject({ file: join(dir, "mau", "ket-thuc.hbs"), line: 2, severity: "error" });
    expect(broken.find((f) => f.rule === "templates.unknown")?.message).toContain('Có phải ý bạn là "ket-thuc"?');
  });
});

describe("inline marks", () => {
  const inline = (t: string) => paragraphs(t)[0];
  it("parses bold, italic, footnotes and line breaks; unmatched marks stay literal", () => {
    expect(inline("a **b** *c* d")).toEqual([{ text: "a " }, { text: "b", bold: true }, { text: " " }, { text: "c", italic: true }, { text: " d" }]);
    expect(inline("x^[ghi **chú**] y")).toEqual([{ text: "x" }, { text: "", footnote: [[{ text: "ghi " }, { text: "chú", bold: true }]] }, { text: " y" }]);
    expect(inline("2 * 3 = 6 and (*)")).toEqual([{ text: "2 * 3 = 6 and (*)" }]);
    expect(inline("một\\\nhai")).toEqual([{ text: "một" }, { text: "hai", breakBefore: true }]);
    expect(inline("\\*\\*không đậm\\*\\*")).toEqual([{ text: "**không đậm**" }]);
  });
});
