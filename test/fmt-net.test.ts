/**
 * fmt's safety net (issue #15 item 3): whatever the layout code does, a file whose rewrite would not
 * read back as the same plan is not written, and the user is told where, as an internal error. The
 * layout is made faulty here (one changed character, then broken YAML) to see the net hold.
 */
import { describe, expect, it, vi } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./helpers.js";

let fault: (text: string) => string = (t) => t;

vi.mock("../src/format/index.js", async (original) => {
  const real = await original<typeof import("../src/format/index.js")>();
  return { ...real, formatDocument: (...args: Parameters<typeof real.formatDocument>) => fault(real.formatDocument(...args)) };
});

const { formatFile } = await import("../src/pipeline.js");
const { fmtCommand } = await import("../src/commands/fmt.js");

const PLAN = "trich_yeu: Kế hoạch thử\nnoi_dung:\n  - tieu_de: Mục một\n    doan:    Báo cáo kết quả.\n";

describe("the safety net of kehoach fmt", () => {
  it("a rewrite that changes a text is refused at the text's line:col, and the file is not written", async () => {
    fault = (t) => t.replace("Báo cáo kết quả.", "Báo cáo  kết quả.");
    const dir = tempDir("kehoach-fmt-net-");
    const file = join(dir, "p.yaml");
    writeFileSync(file, PLAN);
    const r = formatFile(file);
    expect(r.after).toBeUndefined();
    expect(r.findings.map((f) => [f.rule, f.line, f.col, f.path])).toEqual([["fmt.internal", 4, 14, "noi_dung[0].doan"]]);
    expect(r.findings[0]!.message).toContain("lỗi nội bộ của kehoach fmt");
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const code = await fmtCommand([file], { format: "text" });
    stderr.mockRestore();
    expect(code).toBe(1);
    expect(readFileSync(file, "utf8")).toBe(PLAN);
  });

  it("a rewrite that is not valid YAML is refused the same way", () => {
    fault = (t) => t + "noi_dung: [\n";
    const dir = tempDir("kehoach-fmt-net-");
    const file = join(dir, "p.yaml");
    writeFileSync(file, PLAN);
    const r = formatFile(file);
    expect(r.after).toBeUndefined();
    expect(r.findings.map((f) => f.rule)).toEqual(["fmt.internal"]);
  });

  it("without a fault the same plan is formatted", () => {
    fault = (t) => t;
    const dir = tempDir("kehoach-fmt-net-");
    const file = join(dir, "p.yaml");
    writeFileSync(file, PLAN);
    expect(formatFile(file).after).toBe("trich_yeu: Kế hoạch thử\n\nnoi_dung:\n  - tieu_de: Mục một\n    doan: Báo cáo kết quả.\n");
  });
});
