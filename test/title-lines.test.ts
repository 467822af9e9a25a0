/**
 * Issue #19.3 / #16.13: the trích yếu is one paragraph. Typed without breaks, a trích yếu wider than
 * the text column is broken into balanced lines by measured width (14 pt bold Times New Roman), the
 * space at each break printed as a line break; typed with `\` breaks, its lines are kept and lint
 * warns on a line wider than the column.
 */
import { describe, expect, it } from "vitest";
import { balancedLines, textWidth } from "../src/write/measure.js";
import { SIZE, TEXT_WIDTH } from "../src/write/layout.js";
import { parseSource } from "../src/read/index.js";
import { lintSource } from "../src/lint/index.js";
import { docxOf, paragraphs } from "./docx.js";
import { MINIMAL_PLAN } from "./helpers.js";

const measure = (s: string): number => textWidth(s, SIZE.title / 2, true);
const titles = (xml: { style?: string; xml: string }[]) => xml.filter((p) => p.style === "KHTitle");

/** Real trích yếu of provincial plans, none typed with breaks. */
const LONG = [
  "Thực hiện công tác bảo vệ, chăm sóc trẻ em trên địa bàn xã Bằng Mạc năm 2024",
  "Triển khai thực hiện Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia trên địa bàn huyện Mường Khương năm 2025",
  "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới trên địa bàn tỉnh Hà Tĩnh giai đoạn 2021 - 2025, định hướng đến năm 2030",
  "Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025",
];

describe("trích yếu lines", () => {
  it("a trích yếu that fits stays one line; a wider one takes the fewest lines, each within the column, as equal as possible", () => {
    expect(balancedLines(LONG[3]!, TEXT_WIDTH, measure)).toEqual([LONG[3]]);
    for (const t of LONG.slice(0, 3)) {
      const lines = balancedLines(t, TEXT_WIDTH, measure);
      expect(lines.join(" ")).toBe(t);
      expect(lines.length).toBe(Math.ceil(measure(t) / TEXT_WIDTH));
      const widths = lines.map(measure);
      expect(Math.max(...widths)).toBeLessThanOrEqual(TEXT_WIDTH);
      // balanced: no line is shorter than the others by more than a long word or two
      expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(TEXT_WIDTH / 4);
      expect(lines[lines.length - 1]!.split(" ").length).toBeGreaterThan(1);
    }
    expect(balancedLines(LONG[0]!, TEXT_WIDTH, measure)).toEqual(["Thực hiện công tác bảo vệ, chăm sóc trẻ", "em trên địa bàn xã Bằng Mạc năm 2024"]);
  });

  it("never leaves one word alone on the last line when another split fits", () => {
    const len = (s: string): number => s.length;
    // the least squared difference alone would leave "cccccccc" alone on the last line
    expect(balancedLines("aaaa bbbb cccccccc", 14, len)).toEqual(["aaaa", "bbbb cccccccc"]);
    // one long word and one short: the only split there is, nothing lost
    expect(balancedLines("aaaaaaaaaa b", 11, len)).toEqual(["aaaaaaaaaa", "b"]);
  });

  it("prints the balanced lines as one paragraph with line breaks (seed 002's title no longer leaves '2024' alone)", async () => {
    const yaml = MINIMAL_PLAN.replace("trich_yeu: Thực hiện công tác trẻ em năm 2025", `trich_yeu: ${LONG[0]}`);
    const [kind, summary, ...rest] = titles(paragraphs(await docxOf(yaml)));
    expect(kind!.xml).toContain("KẾ HOẠCH");
    expect(rest).toEqual([]);
    expect(summary!.xml).toMatch(/<w:t(?: [^>]*)?>Thực hiện công tác bảo vệ, chăm sóc trẻ<\/w:t><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t(?: [^>]*)?>em trên địa bàn xã Bằng Mạc năm 2024<\/w:t>/);
  });

  it("the user's own breaks are line breaks inside the one title paragraph (seed 000)", async () => {
    const plan = MINIMAL_PLAN.replace("trich_yeu: Thực hiện công tác trẻ em năm 2025", "trich_yeu: |-\n  Triển khai thực hiện công tác trẻ em trên địa bàn\\\n  xã Điện Hòa năm 2025");
    const [, summary, ...rest] = titles(paragraphs(await docxOf(plan)));
    expect(rest).toEqual([]);
    expect(summary!.xml.replace(/<[^>]*>/g, "")).toBe("Triển khai thực hiện công tác trẻ em trên địa bànxã Điện Hòa năm 2025");
    expect(summary!.xml).toMatch(/>Triển khai thực hiện công tác trẻ em trên địa bàn<\/w:t><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t(?: [^>]*)?>xã Điện Hòa năm 2025</);
  });

  it("lint warns at its line:col when a line the user broke is wider than the column", () => {
    const wide = "Triển khai thực hiện Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử";
    const yaml = MINIMAL_PLAN.replace("trich_yeu: Thực hiện công tác trẻ em năm 2025", `trich_yeu: |-\n  Kế hoạch năm 2025\\\n  ${wide}\\\n  trên địa bàn huyện`);
    const lint = (text: string) =>
      lintSource(parseSource("plan.yaml", text), { today: new Date(Date.UTC(2025, 5, 1)), disabled: new Set(), futureMarginDays: 30, planDate: "2025-03-05" }).filter((f) => f.rule === "lint.title-width");
    const lines = yaml.split("\n");
    const line = lines.findIndex((l) => l.includes(wide)) + 1;
    const found = lint(yaml);
    expect(found.map((f) => [f.line, f.col, f.severity])).toEqual([[line, 3, "warning"]]);
    expect(found[0]!.message).toContain("rộng 20,2 cm, hơn khổ chữ (16,0 cm)");
    // the same text without breaks is balanced by kehoach: nothing to warn
    expect(lint(MINIMAL_PLAN.replace("trich_yeu: Thực hiện công tác trẻ em năm 2025", `trich_yeu: ${wide}`))).toEqual([]);
  });
});
