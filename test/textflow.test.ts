/**
 * One rule for text in every flowing field (README, "Viết văn bản dài trong YAML"): a single
 * newline is a space, a blank line a new paragraph, "\" before a newline a line break, trailing
 * newlines nothing; the YAML scalar style never changes the meaning (issues #13 item 5, #19 item 1).
 */
import { describe, expect, it } from "vitest";
import { parseSource } from "../src/read/index.js";
import { normalizePlan } from "../src/normalize/index.js";
import { paragraphs, titleLines, parsedWithMarks } from "../src/render/inline.js";
import type { Block, Run } from "../src/model/document.js";
import { MINIMAL_PLAN } from "./helpers.js";
import { isBlank, isBlankOrCr, isWhite, joinLines } from "../src/lines.js";
import { modelOf } from "./docx.js";

const text = (runs: Run[]): string => runs.map((r) => (r.breakBefore ? "⏎" : "") + r.text).join("");
const blockText = (b: Block): string => ("runs" in b ? ("label" in b && b.label ? b.label + " " : "") + text(b.runs) : "");

/** The plan with its first section's content replaced by `yaml` (indented under the section). */
function withSection(yaml: string): string {
  return MINIMAL_PLAN.replace(
    /  - loai: muc_dich_yeu_cau\n(    .*\n)+/,
    `  - loai: muc_dich_yeu_cau\n${yaml.replace(/^/gm, "    ").trimEnd()}\n`,
  );
}

const body = (yaml: string): string[] => modelOf(withSection(yaml)).body.map(blockText);

describe("text flow: paragraphs of one text", () => {
  it("a single newline is a space, a blank line a paragraph, a trailing backslash a line break", () => {
    expect(paragraphs("một\nhai  \n  ba\n\nbốn\\\nnăm\n").map(text)).toEqual(["một hai ba", "bốn⏎năm"]);
  });

  it("a blank line inside a footnote is a paragraph of the footnote, not of the text", () => {
    const [p] = paragraphs("A^[ghi\n\nchú] B");
    expect(p!.map((r) => (r.footnote ? r.footnote.map(text) : r.text))).toEqual(["A", ["ghi", "chú"], " B"]);
  });

  it("emphasis does not run over a blank line", () => {
    expect(paragraphs("**a\n\nb**").map(text)).toEqual(["**a", "b**"]);
  });

  it("the trích yếu: lines at trailing backslashes, other newlines spaces, a blank line a problem", () => {
    expect(titleLines("Triển khai công tác\ntrẻ em\\\nnăm 2025\n")).toEqual({ lines: ["Triển khai công tác trẻ em", "năm 2025"], problems: [] });
    expect(titleLines("a\n\nb").problems).toEqual([{ kind: "blank-line", offset: 2 }]);
  });
});

describe("text flow in the document, whatever the scalar style", () => {
  const hardWrapped = "doan: |\n  Tăng cường sự lãnh đạo\n  của cấp ủy.\n\n  Đoạn hai.\n";
  it("a hard-wrapped | block is one paragraph per blank-line part, with no line break", () => {
    expect(body(hardWrapped)).toContain("Tăng cường sự lãnh đạo của cấp ủy.");
    expect(body(hardWrapped)).toContain("Đoạn hai.");
  });

  it.each([
    ["|", "doan: |\n  Một\n  hai.\n\n  Ba\\\n  bốn.\n"],
    [">", "doan: >-\n  Một\n  hai.\n\n  Ba\\\n  bốn.\n"],
    ["plain", "doan: Một\n  hai.\n\n  Ba\\\n  bốn.\n"],
    ["single-quoted", "doan: 'Một\n  hai.\n\n  Ba\\\n  bốn.'\n"],
    ["double-quoted", 'doan: "Một\n  hai.\n\n  Ba\\\\\n  bốn."\n'],
  ])("%s: the same two paragraphs, the second with a line break", (_style, yaml) => {
    const b = body(yaml);
    expect(b).toContain("Một hai.");
    expect(b).toContain("Ba⏎bốn.");
  });

  it("a file with Windows line ends (CRLF) reads the same", () => {
    for (const yaml of ["doan: Một\n  hai.\n\n  Ba\\\n  bốn.\n", "doan: |\n  Một\n  hai.\n\n  Ba\\\n  bốn.\n"]) {
      const m = modelOf(withSection(yaml).replace(/\n/g, "\r\n"));
      expect(m.body.map(blockText)).toEqual(expect.arrayContaining(["Một hai.", "Ba⏎bốn."]));
    }
  });

  it("a literal \\n typed in a > block is text (lint warns about it), not a line break", () => {
    expect(body("doan: >-\n  hết.\\nĐể\n")).toContain("hết.\\nĐể");
  });

  it("doan: | with ket_thuc: false puts ./. on the last line, not alone on a new line", () => {
    const m = modelOf(withSection("doan: |\n  Đoạn cuối.\n") + "ket_thuc: false\n");
    const last = m.body[m.body.length - 1]!;
    expect("runs" in last && last.runs.map((r) => ({ text: r.text, br: !!r.breakBefore }))).toEqual([{ text: "Đoạn cuối./.", br: false }]);
  });

  it("in an item, the extra paragraphs are unnumbered body paragraphs under it", () => {
    const m = modelOf(withSection("cac_y:\n  - |\n    Ý một.\n\n    Tiếp ý một.\n  - Ý hai.\n"));
    const kinds = m.body.map((b) => `${b.kind}:${blockText(b)}`);
    expect(kinds).toEqual(expect.arrayContaining(["item:1. Ý một.", "paragraph:Tiếp ý một.", "item:2. Ý hai."]));
    expect(kinds.indexOf("paragraph:Tiếp ý một.")).toBe(kinds.indexOf("item:1. Ý một.") + 1);
  });

  it("mo_dau, ket_thuc, footnotes and table cells follow the same rule", () => {
    const m = modelOf(
      withSection("bang:\n  cot: [A, B]\n  dong:\n    - [\"x\\n\\ny\", \"z\"]\ndoan: \"Đoạn^[chú\\nthích\\n\\nhai].\"\n") +
        "mo_dau: |\n  Mở\n  đầu.\n\n  Hai.\nket_thuc: |\n  Kết\n  thúc.\n",
    );
    const texts = m.body.map(blockText);
    expect(texts.slice(0, 2)).toEqual(["Mở đầu.", "Hai."]);
    expect(texts[texts.length - 1]).toBe("Kết thúc./.");
    const table = m.body.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.rows[0]!.cells[0]!.content.map(text)).toEqual(["x", "y"]);
    const note = m.body.flatMap((b) => ("runs" in b ? b.runs : [])).find((r) => r.footnote);
    expect(note?.footnote?.map(text)).toEqual(["chú thích", "hai"]);
  });

  it("the trích yếu's lines come from trailing backslashes; its running-text form has none", () => {
    const m = modelOf(MINIMAL_PLAN.replace("trich_yeu: Thực hiện công tác trẻ em năm 2025", "trich_yeu: |\n  Thực hiện công tác\n  trẻ em\\\n  năm 2025\n"));
    expect(m.title.summary).toEqual(["Thực hiện công tác trẻ em", "năm 2025"]);
    expect(m.meta.title).toBe("KẾ HOẠCH Thực hiện công tác trẻ em năm 2025");
  });
});

describe("text errors at their line:col", () => {
  const findings = (yaml: string) => {
    const src = parseSource("plan.yaml", yaml);
    expect(src.findings).toEqual([]);
    return normalizePlan({ plan: src }).findings.map((f) => `${f.line}:${f.col} ${f.rule}`);
  };

  it("a blank line in the trích yếu is an error at the blank line", () => {
    const yaml = MINIMAL_PLAN.replace("trich_yeu: Thực hiện công tác trẻ em năm 2025", "trich_yeu: |\n  Thực hiện\n\n  công tác\n");
    const line = yaml.split("\n").indexOf("trich_yeu: |") + 1;
    expect(findings(yaml)).toEqual([`${line + 2}:1 text.title-paragraph`]);
  });

  it("a blank line in a section's or an item's tieu_de is an error too (a title is one paragraph)", () => {
    const yaml = withSection("tieu_de: |\n  Mục\n\n  đích\n");
    const line = yaml.split("\n").indexOf("    tieu_de: |") + 1;
    expect(findings(yaml)).toEqual([`${line + 2}:1 text.title-paragraph`]);
  });

  it("nested footnotes A^[B^[C^[D]]] E are an error at the inner ^[ (Word has no notes in notes)", () => {
    const yaml = withSection("doan: A^[B^[C^[D]]] E\n");
    const lineNo = yaml.split("\n").findIndex((l) => l.includes("A^[B")) + 1;
    const col = yaml.split("\n")[lineNo - 1]!.indexOf("^[C") + 1;
    expect(findings(yaml)).toEqual([`${lineNo}:${col} text.nested-footnote`]);
  });

  it.each([
    ["|", "doan: |\n  Dòng một\n  có A^[b ^[c]] ở đây.\n"],
    [">", "doan: >-\n  Dòng một\n  có A^[b ^[c]] ở đây.\n"],
    ["plain", "doan: Dòng một\n  có A^[b ^[c]] ở đây.\n"],
    ["single-quoted", "doan: 'Dòng một\n  có A^[b ^[c]] ở đây.'\n"],
  ])("the position is exact in a %s scalar over several lines", (_style, text) => {
    const yaml = withSection(text);
    const lineNo = yaml.split("\n").findIndex((l) => l.includes("có A^[b")) + 1;
    const col = yaml.split("\n")[lineNo - 1]!.indexOf("^[c") + 1;
    expect(findings(yaml)).toEqual([`${lineNo}:${col} text.nested-footnote`]);
  });
});

describe("line-list fields: agency names and a Phụ lục's title", () => {
  it("each typed line is a line, whatever the scalar style; a trailing backslash is the same line end", () => {
    const m = modelOf(
      MINIMAL_PLAN.replace("  ten: [ỦY BAN NHÂN DÂN, XÃ BẰNG MẠC]", "  ten: >-\n    ỦY BAN NHÂN DÂN\\\n    XÃ BẰNG MẠC") +
        "phu_luc:\n  - tieu_de: |\n      Danh sách\n      các đơn vị\n    doan: Nội dung.\n",
    );
    expect(m.header.agency).toEqual(["ỦY BAN NHÂN DÂN", "XÃ BẰNG MẠC"]);
    expect(m.appendices[0]!.title).toEqual(["DANH SÁCH", "CÁC ĐƠN VỊ"]);
  });
});

describe("inline parsing stays O(n log n) at the 2 MB limit (#14 item 5)", () => {
  const MB2 = 2 * 1024 * 1024;
  it("80k and more `*a` in one text: no emphasis closes, the text is kept literally", () => {
    const text = "*a ".repeat(Math.floor(MB2 / 3)).trim();
    expect(paragraphs(text)).toEqual([[{ text }]]);
  });

  it("unclosed footnotes and a long run of stars: kept literally", () => {
    const notes = "^[".repeat(MB2 / 2);
    expect(paragraphs(notes)).toEqual([[{ text: notes }]]);
    const stars = "a" + "*".repeat(MB2 - 1);
    expect(paragraphs(stars)).toEqual([[{ text: stars }]]);
  });

  it("sub/superscript marks all the way, and unclosed ones: matched pairs, the rest kept literally", () => {
    const ps = paragraphs("H~2~O ".repeat(Math.floor(MB2 / 6)).trim());
    expect(ps[0]!.filter((r) => r.vertical === "sub")).toHaveLength(Math.floor(MB2 / 6));
    const open = "^a ".repeat(Math.floor(MB2 / 3)).trim();
    expect(paragraphs(open)).toEqual([[{ text: open }]]);
  });

  it("hard-wrapped lines: one paragraph, each newline a space", () => {
    const text = "chữ chữ chữ\n".repeat(Math.floor(MB2 / 16));
    expect(paragraphs(text)).toEqual([[{ text: text.trim().replace(/\n/g, " ") }]]);
  });

  it("emphasis pairs all the way: every pair is matched", () => {
    const ps = paragraphs("*a* ".repeat(100_000).trim());
    const italic = ps[0]!.filter((r) => r.italic);
    expect(italic).toHaveLength(100_000);
    expect(italic.every((r) => r.text === "a")).toBe(true);
  });
});

describe("one-line fields: names, codes, signature, recipients, luu", () => {
  it("a newline typed in them, whatever the scalar style, is a space", () => {
    const m = modelOf(
      MINIMAL_PLAN.replace("  chuc_vu: PHÓ CHỦ TỊCH", "  chuc_vu: PHÓ\n    CHỦ TỊCH")
        .replace("  ho_ten: Triệu Thị Diệp", "  ho_ten: |-\n    Triệu\n    Thị Diệp")
        .replace("  - Các trường học", "  - Các trường\n    học"),
    );
    expect(m.signOff!.authority).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(m.signOff!.signer).toBe("Triệu Thị Diệp");
    expect(m.signOff!.recipients).toContain("- Các trường học;");
  });
});

describe("a text without marks takes the short way, with the parser's result", () => {
  it("gives the same paragraphs and runs as the full parser on thousands of texts of lines and blanks", () => {
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pieces = ["a", "Kế hoạch", " ", "  ", "\t", "\r", "\n", "\n\n", "\n \n", " \n ", "\u00a0", ".", "x y"];
    for (let n = 0; n < 3000; n++) {
      let text = "";
      for (let k = Math.floor(rnd() * 12); k >= 0; k--) text += pieces[Math.floor(rnd() * pieces.length)];
      expect(paragraphs(text), JSON.stringify(text)).toEqual(parsedWithMarks(text));
    }
  });
});

describe("line ends joined with the blanks around them (src/lines.ts), as the patterns they replace", () => {
  it("gives what /[ \\t]*\\n[ \\t]*/g, /[ \\t]*\\n\\s*/g and /[ \\t\\r]*\\n[ \\t\\r]*/g give, on random texts", () => {
    const alphabet = ["a", "ư", " ", " ", "\t", "\n", "\n", "\r", "\v", "\u00a0", "\u3000", "\u2028", "\u200a", "\u200b", "\ufeff", "\u180e", "\u0085", "\\"];
    let seed = 5;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let i = 0; i < 3000; i++) {
      let s = "";
      for (let k = rnd(30); k > 0; k--) s += alphabet[rnd(alphabet.length)];
      expect(joinLines(s, "\n", isBlank, isBlank)).toBe(s.replace(/[ \t]*\n[ \t]*/g, "\n"));
      expect(joinLines(s, " ", isBlank, isWhite)).toBe(s.replace(/[ \t]*\n\s*/g, " "));
      expect(joinLines(s, " ", isBlankOrCr, isBlankOrCr)).toBe(s.replace(/[ \t\r]*\n[ \t\r]*/g, " "));
    }
  });
});
