/**
 * Shapes left over from issues 16 and 17: a Phụ lục's own level defaults (cac_cap), a footnote cited
 * again (bookmark + NOTEREF), the TT numbered by structure (1, 1.1, 1.1.1, a), budget lines with
 * sub-lines and subtotals. Each case reads the OOXML back.
 */
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { docxOf, paragraphs } from "./docx.js";
import { MINIMAL_PLAN } from "./helpers.js";

type Obj = Record<string, unknown>;

/** The minimal plan with some keys replaced. */
const plan = (changes: Obj): string => stringify({ ...(parse(MINIMAL_PLAN) as Obj), ...changes });

describe("a Phụ lục's own level defaults (cac_cap)", () => {
  const annex = (more: Obj): Obj => ({
    phu_luc: [{ tieu_de: "Danh mục nhiệm vụ", cac_y: [{ tieu_de: "Quan trắc nước", cac_y: [{ tieu_de: "Nước mặt" }, "Nước dưới đất."] }], ...more }],
  });
  const annexParagraphs = async (changes: Obj): Promise<{ text: string; italic: boolean; bold: boolean }[]> => {
    const ps = paragraphs(await docxOf(plan(changes)));
    const from = ps.findIndex((p) => p.text === "DANH MỤC NHIỆM VỤ");
    return ps
      .slice(from + 1)
      .filter((p) => p.style !== "KHRule" && p.style !== "KHAppendix" && p.text)
      .map((p) => ({ text: p.text, italic: p.runs[0]!.italic, bold: p.runs[0]!.bold }));
  };

  it("win over the plan's trinh_bay.cac_cap, level by level and key by key, in the Phụ lục only", async () => {
    const planLevels = { trinh_bay: { cac_cap: [{ danh_dau: "so" }, { danh_dau: "chu_cham", kieu_tieu_de: "nghieng" }] } };
    const own = await annexParagraphs({ ...planLevels, ...annex({ cac_cap: [{ danh_dau: "so_cap" }, { danh_dau: "gach" }] }) });
    // level 2: the Phụ lục's marker, the plan's heading style
    expect(own).toEqual([
      { text: "1. Quan trắc nước", italic: false, bold: true },
      { text: "- Nước mặt", italic: true, bold: false },
      { text: "- Nước dưới đất.", italic: false, bold: false },
    ]);
    const plans = await annexParagraphs({ ...planLevels, ...annex({}) });
    expect(plans.map((p) => p.text)).toEqual(["1. Quan trắc nước", "a. Nước mặt", "b. Nước dưới đất."]);
    // the body keeps the plan's levels
    const body = paragraphs(await docxOf(plan({ ...planLevels, ...annex({ cac_cap: [{ danh_dau: "gach" }] }) }))).map((p) => p.text);
    expect(body).toContain("a. Tăng cường sự lãnh đạo của cấp ủy.");
  });
});
