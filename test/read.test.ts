import { describe, expect, it } from "vitest";
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseSource, readSource, LIMITS } from "../src/read/index.js";
import { tempDir } from "./helpers.js";

const only = (text: string | Buffer) => {
  const s = parseSource("plan.yaml", text);
  expect(s.findings.length).toBeGreaterThan(0);
  return s.findings[0]!;
};

describe("read stage: bad input gets one clear Vietnamese message", () => {
  it("reports a YAML syntax error at its line and column", () => {
    const f = only('trich_yeu: "Thực hiện\nnoi_dung: []\n');
    expect(f.rule).toBe("yaml.syntax");
    expect(f.message).toMatch(/^lỗi cú pháp YAML: /);
    expect(f.line).toBeGreaterThanOrEqual(1);
  });

  it("explains a value with its own colon, the commonest clerk mistake", () => {
    const f = only("mo_dau:\n  loi_dan: UBND xã ban hành Kế hoạch như sau:\n");
    expect(f.line).toBe(2);
    expect(f.message).toContain("Hãy đặt cả dòng trong dấu ngoặc kép");
    // the fix shown: the line as typed, then the line with its text quoted
    expect(f.message).toContain('\n    đang viết:  loi_dan: UBND xã ban hành Kế hoạch như sau:\n    sửa thành:  loi_dan: "UBND xã ban hành Kế hoạch như sau:"');
  });

  it("reports a duplicate key at the second occurrence, naming the key", () => {
    const f = only("trich_yeu: a\nso: \"1\"\ntrich_yeu: b\n");
    expect(f).toMatchObject({ rule: "yaml.duplicate-key", line: 3, col: 1 });
    expect(f.message).toBe('khóa "trich_yeu" bị lặp lại. Xóa một trong hai hoặc gộp nội dung lại.');
  });

  it("rejects an empty file", () => {
    expect(only("  \n\n")).toMatchObject({ rule: "file.empty", line: 1, col: 1 });
  });

  it("rejects a list or a scalar at the top level", () => {
    expect(only("- a\n- b\n").message).toContain("một danh sách");
    expect(only("chỉ một câu\n").message).toContain('một giá trị đơn "chỉ một câu"');
  });

  it("rejects binary garbage and non-UTF-8 text", () => {
    expect(only(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff])).rule).toBe("file.binary");
    expect(only(Buffer.from([0x61, 0x3a, 0x20, 0xe0, 0x80, 0x0a])).rule).toBe("file.encoding");
  });

  it("stops an alias bomb (billion laughs) with a message instead of exhausting memory", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
    const f = only(lines.join("\n") + "\n");
    expect(f.rule).toBe("limit.alias");
    expect(f.message).toContain("bí danh");
  });

  it("rejects nesting deeper than the limit", () => {
    let y = "noi_dung:\n";
    let indent = "  ";
    for (let i = 0; i < LIMITS.depth + 5; i++) {
      y += `${indent}- cac_y:\n`;
      indent += "    ";
    }
    y += `${indent}- x\n`;
    expect(only(y).rule).toBe("limit.depth");
  });

  it("rejects characters XML cannot carry, at their value", () => {
    const f = only('trich_yeu: "a\\u0001b"\n');
    expect(f).toMatchObject({ rule: "text.forbidden-char", line: 1, col: 12 });
    expect(f.message).toContain("U+0001");
  });

  it("normalises text to NFC and keeps __proto__ as plain data", () => {
    const s = parseSource("plan.yaml", "trich_yeu: \"Thu\u031B\u0323c hie\u0323\u0302n\"\n__proto__: x\n");
    expect(s.findings).toEqual([]);
    const v = s.value as Record<string, unknown>;
    expect(v.trich_yeu).toBe("Thực hiện");
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toContain("__proto__");
  });

  it("reports a missing file, a folder and an oversized file", () => {
    const dir = tempDir();
    expect(readSource(join(dir, "khong-co.yaml")).findings[0]!.message).toBe("không tìm thấy tệp. Kiểm tra lại tên và đường dẫn.");
    mkdirSync(join(dir, "thu-muc.yaml"));
    expect(readSource(join(dir, "thu-muc.yaml")).findings[0]!.message).toContain("thư mục");
    const big = join(dir, "lon.yaml");
    writeFileSync(big, "a: " + "x".repeat(10 * 1024 * 1024) + "\n");
    const f = readSource(big).findings[0]!;
    expect(f.rule).toBe("file.size");
    expect(f.message).toContain("tệp quá lớn (10.0 MB");
  });
});

describe("read stage: typed lines, whatever the scalar style and where the scalar sits", () => {
  it("restores the lines of folded scalars in block and flow collections, keys kept as typed", () => {
    const s = parseSource(
      "plan.yaml",
      [
        "a: dòng một \t",
        "   dòng hai",
        "",
        "  \t ",
        "   dòng ba",
        "b: ['x  ", "   y', \"p\\", "   q\", {k: m", "   n}]",
        "c:",
        "  - >",
        "    gấp một",
        "    gấp hai",
        "  - d: 'it''s", "      here'",
        "",
      ].join("\n"),
    );
    expect(s.findings).toEqual([]);
    expect(s.value).toEqual({ a: "dòng một\ndòng hai\n\n\ndòng ba", b: ["x\ny", "pq", { k: "m\nn" }], c: ["gấp một\ngấp hai\n", { d: "it's\nhere" }] });
  });
});
