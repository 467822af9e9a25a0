import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseSource, readSource } from "../src/read/index.js";
import { lintSource, fixText, LINT_RULES } from "../src/lint/index.js";
import { fromTcvn3, fromVni, TCVN3 } from "../src/text/encoding.js";
import { MINIMAL_PLAN, ROOT, runCli, tempDir } from "./helpers.js";

const TODAY = new Date(Date.UTC(2025, 5, 1));
const lint = (yaml: string, planDate = "2025-03-05", disabled: string[] = []) =>
  lintSource(parseSource("plan.yaml", yaml), { planDate, today: TODAY, disabled: new Set(disabled), futureMarginDays: 60 });
const only = (yaml: string, rule: string, planDate?: string) => lint(yaml, planDate).filter((f) => f.rule === rule);
const item = (text: string) => MINIMAL_PLAN.replace("Tăng cường sự lãnh đạo của cấp ủy.", text);

describe("lint rules, each on a minimal plan", () => {
  it("rules read a hard-wrapped text as it prints: its lines joined by spaces, whatever the scalar style", () => {
    for (const text of ["Tổ chức Tháng hành động năm\n            2023.", "|\n            Tổ chức Tháng hành động năm\n            2023."]) {
      expect(only(item(text), "lint.stale-year")).toHaveLength(1);
    }
  });

  it("a literal \\n left in a folded or plain text is a warning at its line:col; a quoted \"\\n\" is YAML's escape", () => {
    const folded = MINIMAL_PLAN.replace("          - Tăng cường sự lãnh đạo của cấp ủy.", "          - >-\n            Tăng cường hết.\\nĐể lãnh đạo.");
    expect(only(folded, "lint.literal-newline").map((f) => [f.line, f.col, f.severity])).toEqual([[15, 28, "warning"]]);
    expect(only(item("Tăng cường hết.\\nĐể lãnh đạo."), "lint.literal-newline").map((f) => [f.line, f.col])).toEqual([[14, 28]]);
    expect(only(item('"Tăng cường hết.\\nĐể lãnh đạo."'), "lint.literal-newline")).toEqual([]);
  });

  it("passes the minimal plan", () => {
    expect(lint(MINIMAL_PLAN)).toEqual([]);
  });

  it("stale years: a year of the plan's own activities, not citations, laws, periods or comparisons", () => {
    const [f, ...rest] = only(item("Tổ chức Tháng hành động vì trẻ em năm 2023."), "lint.stale-year");
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ line: 14, col: 47, severity: "warning" });
    expect(f!.message).toContain('hãy sửa thành "năm 2025"');
    for (const ok of [
      "Tuyên truyền Luật Trẻ em năm 2016.",
      "Giảm 10% so với năm 2024.",
      "Chương trình giai đoạn 2021-2025, định hướng đến năm 2030.",
      "Thực hiện Kế hoạch số 204-KH/TWĐTN ngày 29/3/2024 triển khai Đề án năm 2024.",
      "Nghị quyết số 121/2020/QH14 ngày 19/6/2020 của Quốc hội.",
    ]) expect(only(item(JSON.stringify(ok)), "lint.stale-year"), ok).toEqual([]);
  });

  it("impossible dates are errors at the date", () => {
    const [f] = only(item("Báo cáo trước ngày 31/4/2025."), "lint.date-invalid");
    expect(f).toMatchObject({ severity: "error", line: 14, col: 32 });
    expect(f!.message).toBe("ngày 31/4/2025 không có thật. Kiểm tra lại ngày và tháng.");
    expect(only(item("Ngày 29/02/2024 và 28/02/2025."), "lint.date-invalid")).toEqual([]);
    expect(only(MINIMAL_PLAN, "lint.date-invalid", "2025-02-30")).toHaveLength(1);
  });

  it("deadlines before the plan or outside its year; plan dates far in the future", () => {
    expect(only(item("{ doan: Báo cáo quý I, han: \"2025-02-10\" }"), "lint.deadline")[0]!.message).toContain("sớm hơn ngày ban hành");
    expect(only(item("Báo cáo trước ngày 10/11/2026."), "lint.deadline")[0]!.message).toContain("không thuộc năm 2025");
    expect(only(item("Báo cáo trước ngày 10/11/2025."), "lint.deadline")).toEqual([]);
    // the year's report is due early the next year: not a deadline outside the plan's year
    expect(only(item("Báo cáo tổng kết năm trước ngày 15/01/2026."), "lint.deadline")).toEqual([]);
    expect(only(MINIMAL_PLAN, "lint.date-future", "2025-12-01")[0]).toMatchObject({ severity: "warning", line: 7 });
    expect(only(MINIMAL_PLAN, "lint.date-future", "2025-07-01")).toEqual([]);
  });

  it("citations: type ↔ abbreviation, year in the number, spaces, issuer", () => {
    const type = only(item("Thực hiện Kế hoạch số 12/QĐ-UBND ngày 17/02/2025 của UBND huyện."), "lint.citation");
    expect(type[0]!.message).toContain("phải có chữ viết tắt KH");
    expect(type[0]).toMatchObject({ line: 14, col: 35 });
    expect(only(item("Nghị định số 56/2016/NĐ-CP ngày 09/5/2017."), "lint.citation")[0]!.message).toContain("năm 2016 trong số hiệu nhưng ngày ban hành năm 2017");
    expect(only(item("Thông tư số 28/2019/TT BLĐTBXH ngày 26/12/2019."), "lint.citation")[0]!.message).toContain('"TT BLĐTBXH" có dấu cách');
    expect(only(item("Kế hoạch số 68/KH-SLĐTBXH ngày 08/02/2025 của UBND quận Hà Đông."), "lint.citation")[0]!.message).toContain("…-UBND");
    for (const ok of [
      "Kế hoạch số 74/KH-UBND ngày 17/02/2025 của UBND thị xã.",
      "Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị.",
      "Nghị quyết số 121/2020/QH14 ngày 19/6/2020.",
      "Công văn số 9183/UBND-KGVX ngày 21/12/2021 của UBND tỉnh.",
      "Quyết định số 23/QĐ-TTg ngày 07/01/2021.",
    ]) expect(only(item(JSON.stringify(ok)), "lint.citation"), ok).toEqual([]);
  });

  it("stale years pass over cited documents' dates, ranges, later years and past events; 'Năm' opening a sentence is 'năm'", () => {
    for (const ok of [
      "Thực hiện Chỉ thị số 27/CT-TTg ngày 15 tháng 8 năm 2024 của Thủ tướng Chính phủ.",
      "Từ năm 2024 đến hết năm 2030, mỗi năm giảm 5% số trẻ em bị tai nạn.",
      "Thực hiện Chương trình giai đoạn 2021–2025 và năm 2021 - 2025, năm 2021 đến năm 2025.",
      "Duy trì trong năm 2026 và các năm tiếp theo.",
      "Tổ chức Hội nghị tổng kết công tác trẻ em năm 2024.",
      "Phát huy kết quả năm 2024, tiếp tục tuyên truyền.",
      "Năm 2024 toàn xã đã tổ chức 12 lớp tập huấn.",
      "Thực hiện Quyết định số 1437/QĐ-UBND của UBND tỉnh về công tác trẻ em năm 2024.",
    ]) expect(only(item(JSON.stringify(ok)), "lint.stale-year"), ok).toEqual([]);
    const [f] = only(item("Năm 2023, tổ chức Tháng hành động vì trẻ em."), "lint.stale-year");
    expect(f).toMatchObject({ line: 14, col: 13 });
    // the hint asks to change the year only when it is the plan's own work, and says to keep a citation's
    expect(f!.message).toContain("nếu là năm của một văn bản được trích dẫn hay của một việc đã qua thì giữ nguyên");
  });

  it("citations: one finding per problem; long-form dates read; a document dated after the plan; impossible dates once", () => {
    const spaced = only(item("Thực hiện Kế hoạch số 68/KH- UBND ngày 08/02/2025 của UBND huyện."), "lint.citation");
    expect(spaced.map((f) => f.message)).toEqual([expect.stringContaining('ký hiệu "KH- UBND" có dấu cách')]);
    const long = only(item("Thực hiện Nghị định số 56/2016/NĐ-CP ngày 09 tháng 5 năm 2017."), "lint.citation");
    expect(long[0]!.message).toContain("năm 2016 trong số hiệu nhưng ngày ban hành năm 2017");
    const later = only(item("Thực hiện Kế hoạch số 74/KH-UBND ngày 17 tháng 3 năm 2025 của UBND tỉnh."), "lint.citation");
    expect(later).toMatchObject([{ line: 14, col: 46, severity: "warning" }]);
    expect(later[0]!.message).toContain("ngày 17 tháng 3 năm 2025, muộn hơn ngày ban hành kế hoạch (5/3/2025)");
    expect(only(item("Thực hiện Kế hoạch số 74/KH-UBND ngày 17/3/2025 của UBND tỉnh."), "lint.citation", "2025-03")).toEqual([]);
    expect(only(item("Thực hiện Kế hoạch số 74/KH-UBND ngày 17/3/2025 của UBND tỉnh."), "lint.citation", "2025-02")).toHaveLength(1);
    const impossible = lint(item("Thực hiện Chỉ thị số 27/CT-TTg ngày 31 tháng 4 năm 2024."));
    expect(impossible.map((f) => f.rule)).toEqual(["lint.date-invalid"]);
  });

  it("brackets: the finding is at the unmatched bracket; a typed 'a)' or an inline 'a)' list marker is not a bracket", () => {
    const [open] = only(item("Tuyên truyền (phát thanh, tờ rơi. Tập huấn (02 lớp)."), "lint.brackets");
    expect(open).toMatchObject({ line: 14, col: 26 });
    expect(open!.message).toContain('dấu "(" ở đây không có dấu ")" đóng lại');
    const [close] = only(item("Tuyên truyền phát thanh), tờ rơi."), "lint.brackets");
    expect(close).toMatchObject({ line: 14, col: 36 });
    expect(lint(item('"a) Tuyên truyền."')).map((f) => f.rule)).toEqual(["lint.hand-numbering"]);
    expect(only(item("Gồm: a) tuyên truyền; b) tập huấn."), "lint.brackets")).toEqual([]);
    const [q] = only(item(`'Tổ chức "Tết Trung thu" và "Ngày hội.'`), "lint.brackets");
    expect(q).toMatchObject({ line: 14, col: 41 });
  });

  it("recipients: duplicates and a hand-typed archive line", () => {
    const dup = only(MINIMAL_PLAN.replace("  - Các trường học\n", "  - Các trường học\n  - các trường học;\n"), "lint.recipient-duplicate");
    expect(dup[0]).toMatchObject({ line: 23, col: 5 });
    // what offices write after "Lưu:" passes; a missing final full stop is printed as typed and noted
    for (const line of ["Lưu: VT, TH (Ta).", "Lưu: VT, ĐTQH (Tùng).", "Lưu: VT, NC (TP, Dũng)."]) {
      expect(only(MINIMAL_PLAN.replace("  - Các trường học\n", `  - Các trường học\n  - "${line}"\n`), "lint.archive"), line).toEqual([]);
    }
    const typed = only(MINIMAL_PLAN.replace("  - Các trường học\n", '  - Các trường học\n  - "Lưu: VT, TH, VX"\n'), "lint.archive");
    expect(typed.map((f) => [f.line, f.col, f.message])).toEqual([[23, 5, expect.stringContaining("Nghị định 30/2020/NĐ-CP")]]);
    const noColon = only(MINIMAL_PLAN.replace("  - Các trường học\n", "  - Lưu VT\n  - Các trường học\n"), "lint.archive").map((f) => f.message);
    expect(noColon).toEqual(expect.arrayContaining([expect.stringContaining("dòng cuối cùng"), expect.stringContaining('"Lưu: VT, …"')]));
  });

  it("signature: TM. names a collective, KT. is signed by a deputy, no academic titles", () => {
    expect(only(MINIMAL_PLAN.replace("  kt: CHỦ TỊCH\n", "  tm: CHỦ TỊCH\n"), "lint.signature")[0]!.message).toContain("TM. (thay mặt) đứng trước tên tập thể");
    expect(only(MINIMAL_PLAN.replace("chuc_vu: PHÓ CHỦ TỊCH", "chuc_vu: CHỦ TỊCH"), "lint.signature")[0]).toMatchObject({ severity: "error", line: 18 });
    expect(only(MINIMAL_PLAN.replace("ho_ten: Triệu Thị Diệp", "ho_ten: TS. Triệu Thị Diệp"), "lint.signature")[0]!.message).toContain('"TS."');
    expect(only(MINIMAL_PLAN.replace("  kt: CHỦ TỊCH\n", "  tuq: CHỦ TỊCH\n  kt: CHÁNH VĂN PHÒNG\n"), "lint.signature")[0]!.message).toContain("TUQ.");
  });

  it("text hygiene: hand numbering, ./. in the middle, double spaces, unbalanced brackets", () => {
    expect(only(item('"a) Tăng cường."'), "lint.hand-numbering")[0]!.message).toContain('"a)"');
    expect(only(item('"- Tăng cường."'), "lint.hand-numbering")).toHaveLength(1);
    expect(only(item("Tăng cường./. Tiếp tục."), "lint.end-mark")).toHaveLength(1);
    expect(only(MINIMAL_PLAN + "ket_thuc: Trên đây là Kế hoạch./.\n", "lint.end-mark")).toEqual([]);
    expect(only(item("Tăng  cường."), "lint.double-space")[0]).toMatchObject({ line: 14, col: 17 });
    expect(only(item("Tăng cường (phối hợp."), "lint.brackets")).toHaveLength(1);
    expect(only(item("Tăng cường (phối hợp)."), "lint.brackets")).toEqual([]);
  });

  it("rules can be switched off, and an unknown rule id is reported with a suggestion", () => {
    expect(lint(item("Tăng  cường."), "2025-03-05", ["lint.double-space"])).toEqual([]);
    const f = only(MINIMAL_PLAN + "kiem_tra: { tat: [lint.stale-yaer] }\n", "lint.unknown-rule");
    expect(f[0]!.message).toContain('Có phải ý bạn là "lint.stale-year"?');
    expect(Object.keys(LINT_RULES)).toContain("lint.legacy-encoding");
  });

  it("lists every rule with what it finds in kehoach lint --help, where the unknown-rule message points", () => {
    const help = runCli(["lint", "--help"]).stdout;
    for (const [id, what] of Object.entries(LINT_RULES)) expect(help).toMatch(new RegExp(`^  ${id.replace(/\./g, "\\.")} +${what.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
  });
});

describe("legacy encodings and --fix", () => {
  const sentence = "Thực hiện Kế hoạch số 74/KH-UBND ngày 17/3/2025 của Ủy ban nhân dân thị xã Điện Bàn về triển khai thực hiện công tác trẻ em năm 2025, bảo đảm quyền được tham gia của trẻ em";
  const toTcvn3 = (s: string): string => {
    const back = new Map(Object.entries(TCVN3).map(([k, v]) => [v, k]));
    return [...s].map((c) => back.get(c) ?? (back.get(c.toLowerCase()) ?? c)).join("");
  };
  const VNI_TONE: Record<string, string> = { "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0301": "ù", "\u0323": "ï" };
  const VNI_HAT_TONE: Record<string, string> = { "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0301": "á", "\u0323": "ä" };
  const VNI_BREVE_TONE: Record<string, string> = { "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0301": "é", "\u0323": "ë" };
  const toVni = (s: string): string =>
    [...s]
      .map((ch) => {
        if (ch === "đ") return "ñ";
        if (ch === "Đ") return "Ñ";
        const d = ch.normalize("NFD");
        let base = d[0]!;
        const marks = d.slice(1);
        const tone = [...marks].find((x) => x in VNI_TONE);
        if (marks.includes("\u0302")) return base + (tone ? VNI_HAT_TONE[tone] : "â");
        if (marks.includes("\u0306")) return base + (tone ? VNI_BREVE_TONE[tone] : "ê");
        if (marks.includes("\u031B")) base = base === "o" ? "ô" : base === "u" ? "ö" : base === "O" ? "Ô" : "Ö";
        return base + (tone ? VNI_TONE[tone] : "");
      })
      .join("");

  it("converts TCVN3 and VNI back to the exact Unicode text", () => {
    const lower = sentence.toLowerCase();
    expect(toTcvn3(lower)).toContain("thùc hiÖn");
    expect(fromTcvn3(toTcvn3(lower))).toBe(lower);
    expect(toVni(sentence)).toContain("Thöïc hieän");
    expect(fromVni(toVni(sentence))).toBe(sentence);
    for (const seed of ["001_34fad88f9b602965.txt", "004_bf664f25c1a0038a.txt"]) {
      const line = readFileSync(join(ROOT, "test", "fixtures", "seeds", seed), "utf8").split("\n").find((l) => l.length > 60)!.trim().normalize("NFC");
      expect(fromVni(toVni(line))).toBe(line);
    }
  });

  it("flags a plan pasted in TCVN3 and --fix turns it into correct Unicode", () => {
    const dir = tempDir();
    const pasted = MINIMAL_PLAN.replace("Tăng cường sự lãnh đạo của cấp ủy.", toTcvn3("tăng cường sự lãnh đạo của cấp ủy."));
    writeFileSync(join(dir, "p.yaml"), pasted);
    const before = lint(pasted).filter((f) => f.rule === "lint.legacy-encoding");
    expect(before[0]).toMatchObject({ line: 14, col: 11, severity: "error" });
    expect(before[0]!.message).toContain("TCVN3");
    expect(runCli(["lint", "p.yaml"], { cwd: dir }).code).toBe(1);
    const fixed = runCli(["lint", "--fix", "p.yaml"], { cwd: dir });
    expect(fixed.stderr).toContain("đã sửa 1 chỗ trong p.yaml");
    expect(fixed.code).toBe(0);
    expect(readFileSync(join(dir, "p.yaml"), "utf8")).toBe(MINIMAL_PLAN.replace("Tăng cường sự lãnh đạo của cấp ủy.", "tăng cường sự lãnh đạo của cấp ủy."));
  });

  it("fixes VNI, decomposed Unicode and double spaces line by line", () => {
    const r = fixText(`a: ${toVni("Thực hiện năm 2025")}\nb: ${"Điện Hòa".normalize("NFD")}\nc: x  y\n  - z\n`);
    expect(r.text).toBe("a: Thực hiện năm 2025\nb: Điện Hòa\nc: x y\n  - z\n");
    expect(r.changes.map((c) => c.rule)).toEqual(["lint.legacy-encoding", "lint.text-nfd", "lint.double-space"]);
    expect(lintSource(parseSource("p.yaml", `trich_yeu: "${"Điện Hòa".normalize("NFD")}"\nnoi_dung: []\n`), { today: TODAY, disabled: new Set(), futureMarginDays: 60 })[0]!.rule).toBe("lint.text-nfd");
  });
});

describe("lint on the seed examples", () => {
  const run = (name: string) => {
    const src = readSource(join("examples", name));
    return lintSource(src, { planDate: (src.value as { ngay: string }).ngay, today: new Date(Date.UTC(2026, 10, 22)), disabled: new Set(), futureMarginDays: 60 });
  };
  const lineOf = (name: string, needle: string): number => readFileSync(join(ROOT, "examples", name), "utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;

  it("finds the stale years of 000 and 002 at their lines, and no other", () => {
    const f000 = run("000-dien-hoa.yaml").filter((f) => f.rule === "lint.stale-year");
    expect(f000.map((f) => f.line)).toEqual([lineOf("000-dien-hoa.yaml", "công tác trẻ em năm 2023")]);
    const f002 = run("002-bang-mac.yaml").filter((f) => f.rule === "lint.stale-year");
    expect(f002.map((f) => f.line)).toEqual([
      lineOf("002-bang-mac.yaml", "Tháng hành động vì trẻ em năm 2023"),
      lineOf("002-bang-mac.yaml", "Tháng hành động vì trẻ em năm 2023"),
      lineOf("002-bang-mac.yaml", "kế hoạch bảo vệ chăm sóc trẻ em năm 2023"),
    ]);
    for (const name of ["001-phu-la.yaml", "003-ly-son.yaml", "004-quang-nam.yaml"]) expect(run(name).filter((f) => f.rule === "lint.stale-year"), name).toEqual([]);
  });

  it("accepts 002's archive line as its office writes it, flags 001's citation issuer and 000's spaced ký hiệu", () => {
    expect(run("002-bang-mac.yaml").filter((f) => f.rule === "lint.archive")).toEqual([]);
    expect(run("001-phu-la.yaml").filter((f) => f.rule === "lint.citation").map((f) => f.message)).toEqual([expect.stringContaining("KH-SLĐTBXH")]);
    expect(run("000-dien-hoa.yaml").filter((f) => f.rule === "lint.citation").map((f) => f.message)).toEqual([expect.stringContaining("TT BLĐTBXH")]);
  });

  it("reports lint findings as warnings in check, and --strict makes them fail", () => {
    const r = runCli(["check", "examples/002-bang-mac.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/002-bang-mac\.yaml:\d+:\d+  cảnh báo  năm 2023/);
    expect(runCli(["check", "--strict", "examples/002-bang-mac.yaml"]).code).toBe(1);
    expect(runCli(["lint", "--strict", "examples/003-ly-son.yaml"]).code).toBe(0);
  });
});
