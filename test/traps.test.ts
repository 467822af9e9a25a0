/**
 * The YAML traps of administrative sentences typed without quotes (issue #15): each gets one
 * message that says "đặt cả dòng trong dấu ngoặc kép" and shows the line as typed and the line
 * with quotes, and none advises deleting the sentence.
 */
import { describe, expect, it } from "vitest";
import { parseSource } from "../src/read/index.js";
import { validateSource } from "../src/validate/index.js";
import { MINIMAL_PLAN } from "./helpers.js";

/** All findings of the read and validate stages for a plan. */
function findings(yaml: string) {
  const src = parseSource("plan.yaml", yaml);
  return src.findings.length ? src.findings : validateSource(src, "plan");
}

/** MINIMAL_PLAN with one more line in the first item list (cac_y of "Mục đích"), at line 16. */
const inItems = (line: string) => MINIMAL_PLAN.replace("          - Huy động sự tham gia của gia đình.\n", `          - Huy động sự tham gia của gia đình.\n          ${line}\n`);
const HOW = 'Hãy đặt cả dòng trong dấu ngoặc kép (dấu ngoặc kép bên trong viết \\"), hoặc viết văn bản bằng khối |- (xem README, "Viết văn bản dài trong YAML"):';
const shown = (typed: string, fixed: string) => `\n    đang viết:  ${typed}\n    sửa thành:  ${fixed}`;

describe("YAML traps: the message shows the line quoted", () => {
  const cases: [string, string, string, string][] = [
    ["- *Nhóm 1:* Tuyên truyền", "câu bắt đầu bằng dấu * nên YAML hiểu là một bí danh (*…), không phải chữ (kể cả *nghiêng* hay **đậm** ở đầu câu)", "- *Nhóm 1:* Tuyên truyền", '- "*Nhóm 1:* Tuyên truyền"'],
    ["- **Nhóm 2** Kiểm tra", "câu bắt đầu bằng dấu * nên YAML hiểu là một bí danh (*…), không phải chữ (kể cả *nghiêng* hay **đậm** ở đầu câu)", "- **Nhóm 2** Kiểm tra", '- "**Nhóm 2** Kiểm tra"'],
    ["- [Dự thảo] Quy chế phối hợp", "câu bắt đầu bằng dấu [ nên YAML hiểu phần trong ngoặc là một danh sách [ ], không phải chữ", "- [Dự thảo] Quy chế phối hợp", '- "[Dự thảo] Quy chế phối hợp"'],
    ["- {Mới} Tổ chức hội nghị", "câu bắt đầu bằng dấu { nên YAML hiểu phần trong ngoặc là một bảng { }, không phải chữ", "- {Mới} Tổ chức hội nghị", '- "{Mới} Tổ chức hội nghị"'],
    ["- @Sở Y tế tổng hợp", "YAML không cho một câu chưa đặt trong dấu ngoặc kép bắt đầu bằng ký tự @", "- @Sở Y tế tổng hợp", '- "@Sở Y tế tổng hợp"'],
    ["- % hộ nghèo giảm 2", "YAML không cho một câu chưa đặt trong dấu ngoặc kép bắt đầu bằng ký tự %", "- % hộ nghèo giảm 2", '- "% hộ nghèo giảm 2"'],
    ["- `Mã` hồ sơ", "YAML không cho một câu chưa đặt trong dấu ngoặc kép bắt đầu bằng ký tự `", "- `Mã` hồ sơ", '- "`Mã` hồ sơ"'],
    ["- | Ghi chú: tổng hợp", "dấu | ở đầu giá trị mở một khối văn bản nhiều dòng, nên chữ phải viết từ dòng sau", "- | Ghi chú: tổng hợp", '- "| Ghi chú: tổng hợp"'],
    ["- > 50% số hộ", "dấu > ở đầu giá trị mở một khối văn bản nhiều dòng, nên chữ phải viết từ dòng sau", "- > 50% số hộ", '- "> 50% số hộ"'],
    ['- "Ngày hội" được tổ chức', "câu bắt đầu bằng dấu ngoặc kép nhưng còn chữ sau dấu ngoặc đóng, nên YAML chỉ lấy phần trong ngoặc", '- "Ngày hội" được tổ chức', '- "\\"Ngày hội\\" được tổ chức"'],
    ["- Dự án 1: Xây dựng: trường học", 'câu có dấu hai chấm và dấu cách (": ") nên YAML hiểu phần đứng trước là một khóa', "- Dự án 1: Xây dựng: trường học", '- "Dự án 1: Xây dựng: trường học"'],
    // the read stage refuses tags and stops at them: a sentence's first word gets the quoting hint there
    ["- !Quan trọng: nộp đúng hạn", 'câu bắt đầu bằng dấu ! nên YAML hiểu "!Quan" là một thẻ (!…), không phải chữ', "- !Quan trọng: nộp đúng hạn", '- "!Quan trọng: nộp đúng hạn"'],
    // an anchor silently took the first word away
    ["- &Nhóm nội dung", 'câu bắt đầu bằng dấu & nên YAML hiểu "&Nhóm" là một neo (&…) và bỏ nó khỏi văn bản', "- &Nhóm nội dung", '- "&Nhóm nội dung"'],
    ["- # Ghi chú quan trọng", "dấu # sau dấu cách bắt đầu một chú thích nên YAML bỏ qua cả phần sau, ở đây không còn chữ nào", "- # Ghi chú quan trọng", '- "# Ghi chú quan trọng"'],
    ["- Cơ quan thực hiện: Sở Nội vụ", 'câu "Cơ quan thực hiện: Sở Nội vụ" có dấu hai chấm nên YAML hiểu phần đứng trước dấu hai chấm là một khóa, không phải chữ', "- Cơ quan thực hiện: Sở Nội vụ", '- "Cơ quan thực hiện: Sở Nội vụ"'],
  ];
  for (const [line, why, typed, fixed] of cases) {
    it(`cac_y: ${line}`, () => {
      const f = findings(inItems(line));
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ line: 16, col: 13 });
      expect(f[0]!.message).toBe(`${why}. ${HOW}${shown(typed, fixed)}`);
      expect(f[0]!.message).not.toMatch(/Xóa|xóa/);
    });
  }

  it("the fixed line reads back as the sentence typed", () => {
    for (const [, , , fixed] of cases) {
      const f = findings(inItems(fixed));
      expect(f).toEqual([]);
    }
  });

  it("doan: a list of paragraphs with a 'Nhãn: nội dung' line", () => {
    const yaml = MINIMAL_PLAN.replace("  - loai: muc_dich_yeu_cau\n", "  - loai: muc_dich_yeu_cau\n    doan:\n      - Dự án 1: Xây dựng trường học\n");
    const f = findings(yaml);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 12, col: 9, rule: "schema.quote", path: "noi_dung[0].doan[0]" });
    expect(f[0]!.message).toBe(`câu "Dự án 1: Xây dựng trường học" có dấu hai chấm nên YAML hiểu phần đứng trước dấu hai chấm là một khóa, không phải chữ. ${HOW}${shown("- Dự án 1: Xây dựng trường học", '- "Dự án 1: Xây dựng trường học"')}`);
  });

  it("noi_nhan: '- Các Sở: XD, TC' is a recipient line, not a mapping missing 'ten'", () => {
    const f = findings(MINIMAL_PLAN.replace("  - Các trường học\n", "  - Các trường học\n  - Các Sở: XD, TC\n"));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 23, col: 5, path: "noi_nhan[2]" });
    expect(f[0]!.message).toBe(`câu "Các Sở: XD, TC" có dấu hai chấm nên YAML hiểu phần đứng trước dấu hai chấm là một khóa, không phải chữ. ${HOW}${shown("- Các Sở: XD, TC", '- "Các Sở: XD, TC"')}`);
    expect(f[0]!.message).not.toContain('thiếu khóa "ten"');
  });

  it("du_toan: a spending line with its own colon", () => {
    const yaml = MINIMAL_PLAN.replace("  - loai: muc_dich_yeu_cau\n", "  - loai: muc_dich_yeu_cau\n    du_toan:\n      - noi_dung: Hội nghị tập huấn: 2 lớp\n        so_tien: 1000000\n");
    const f = findings(yaml);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 12, col: 19 });
    expect(f[0]!.message).toBe(`câu có dấu hai chấm và dấu cách (": ") nên YAML hiểu phần đứng trước là một khóa. ${HOW}${shown("- noi_dung: Hội nghị tập huấn: 2 lớp", '- noi_dung: "Hội nghị tập huấn: 2 lớp"')}`);
  });

  it("bang.dong: a cell 'Nhãn: nội dung' in a flow row and in a block row", () => {
    const yaml = MINIMAL_PLAN.replace(
      "  - loai: muc_dich_yeu_cau\n",
      "  - loai: muc_dich_yeu_cau\n    bang:\n      cot: [Nội dung, Chủ trì]\n      dong:\n        - [Tuyên truyền: cấp xã, Sở Tư pháp]\n        - - Kiểm tra: định kỳ\n          - Sở Nội vụ\n",
    );
    const f = findings(yaml);
    expect(f.map((x) => [x.line, x.col, x.path])).toEqual([
      [14, 12, "noi_dung[0].bang.dong[0][0]"],
      [15, 13, "noi_dung[0].bang.dong[1][0]"],
    ]);
    expect(f[0]!.message).toContain(shown("- [Tuyên truyền: cấp xã, Sở Tư pháp]", '- ["Tuyên truyền: cấp xã", Sở Tư pháp]'));
    expect(f[1]!.message).toContain(shown("- - Kiểm tra: định kỳ", '- - "Kiểm tra: định kỳ"'));
  });

  it("a sentence key beside real keys is content: the message shows it quoted, never 'Xóa khóa này'", () => {
    const yaml = MINIMAL_PLAN.replace("      - tieu_de: Mục đích\n", "      - tieu_de: Mục đích\n        Cơ quan thực hiện: Sở Nội vụ\n");
    const f = findings(yaml);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 13, col: 9, rule: "schema.unknown-key" });
    expect(f[0]!.message).toContain(shown("Cơ quan thực hiện: Sở Nội vụ", '"Cơ quan thực hiện: Sở Nội vụ"'));
    expect(f[0]!.message).not.toContain("Xóa khóa này");
  });

  it("anchors that took a sentence's first word: one finding per line, however many on it", () => {
    const f = findings(MINIMAL_PLAN.replace("  - loai: muc_dich_yeu_cau\n", "  - loai: muc_dich_yeu_cau\n    doan: [&a Một câu, &b Hai câu, &c Ba câu]\n"));
    expect(f.map((x) => [x.rule, x.line, x.col])).toEqual([["yaml.anchor", 11, 12]]);
    expect(f[0]!.message).toContain(shown("doan: [&a Một câu, &b Hai câu, &c Ba câu]", 'doan: ["&a Một câu", &b Hai câu, &c Ba câu]'));
  });

  it("what YAML means on purpose keeps its own message (a tag before a number, a misspelt key)", () => {
    expect(findings(MINIMAL_PLAN.replace('so: "5"', "so: !!str 5"))[0]!.message).toBe('kehoach không dùng thẻ YAML (!!str). Hãy xóa "!!str" và chỉ ghi giá trị.');
    expect(findings(MINIMAL_PLAN.replace("trich_yeu:", "trich_yue:"))[0]!.message).toContain('Có phải ý bạn là "trich_yeu"?');
  });
});
