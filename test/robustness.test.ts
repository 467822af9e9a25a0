/** One concrete hostile input for each protection the tool promises (issue: robustness). */
import { describe, expect, it } from "vitest";
import { mkdirSync, symlinkSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSource } from "../src/read/index.js";
import { readZip } from "../src/pack/index.js";
import { xmlProblem } from "./fuzz/xml.js";
import { docxOf } from "./docx.js";
import { MINIMAL_PLAN, runCli, tempDir } from "./helpers.js";

describe("robustness", () => {
  it("the fuzz test's XML check does reject malformed XML", () => {
    expect(xmlProblem('<?xml version="1.0"?><a><b>x</b></a>')).toBeUndefined();
    expect(xmlProblem("<a><b></a></b>")).toMatch(/mismatched/);
    expect(xmlProblem("<a>x & y</a>")).toMatch(/entity/);
    expect(xmlProblem("<a>\u0001</a>")).toMatch(/forbids/);
    expect(xmlProblem("<a>")).toMatch(/unclosed/);
  });

  it("rejects characters XML 1.0 forbids at their line and column, never writing them", () => {
    for (const [escape, code] of [["\\u0007", "U+0007"], ["\\uFFFE", "U+FFFE"], ["\\uD800", "U+D800"]]) {
      const f = parseSource("p.yaml", MINIMAL_PLAN.replace("Thực hiện công tác trẻ em năm 2025", `"Thực hiện ${escape} công tác"`)).findings;
      expect(f[0]).toMatchObject({ rule: "text.forbidden-char", line: 8, col: 12 });
      expect(f[0]!.message).toContain(code);
    }
  });

  it("prints {{…}}, <w:p> and XML specials in the plan literally", async () => {
    const docx = await docxOf(MINIMAL_PLAN.replace("Tăng cường sự lãnh đạo của cấp ủy.", '"{{co_quan.viet_tat}} <w:p><w:r> ]]> & {{#each noi_dung}}x{{/each}}"'));
    const doc = readZip(docx).find((e) => e.name === "word/document.xml")!.data.toString("utf8");
    expect(doc).toContain("{{co_quan.viet_tat}} &lt;w:p&gt;&lt;w:r&gt; ]]&gt; &amp; {{#each noi_dung}}x{{/each}}");
    expect(xmlProblem(doc)).toBeUndefined();
  });

  it("runs office templates without prototype access", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "mau"));
    writeFileSync(join(dir, "mau", "ket-thuc.hbs"), "A{{constructor.name}}B{{__proto__.toString}}C{{lookup this \"constructor\"}}D");
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN + "mau: mau\n");
    const r = runCli(["build", "p.yaml", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = readZip(readFileSync(join(dir, "p.docx"))).find((e) => e.name === "word/document.xml")!.data.toString("utf8");
    expect(doc).toContain("ABCD./.");
    expect(doc).not.toMatch(/function|Object/);
  });

  it("keeps profiles and template folders inside the folder of the file naming them", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "plans"));
    writeFileSync(join(dir, "secret.yaml"), "co_quan: { viet_tat: UBND }\n");
    const check = (plan: string): string => {
      writeFileSync(join(dir, "plans", "p.yaml"), plan);
      const r = runCli(["check", "plans/p.yaml"], { cwd: dir });
      expect(r.code).toBe(1);
      return r.stderr;
    };
    expect(check("ho_so: /etc/passwd\n" + MINIMAL_PLAN)).toContain("nằm ngoài thư mục của kế hoạch");
    expect(check("ho_so: ../../../../etc/passwd\n" + MINIMAL_PLAN)).toContain("nằm ngoài thư mục của kế hoạch");
    symlinkSync(join(dir, "secret.yaml"), join(dir, "plans", "link.yaml"));
    expect(check("ho_so: link.yaml\n" + MINIMAL_PLAN)).toContain("nằm ngoài thư mục của kế hoạch");
    expect(check(MINIMAL_PLAN + "mau: ../\n")).toContain('thư mục mẫu "../" nằm ngoài thư mục');
    expect(check(MINIMAL_PLAN + "mau: /tmp\n")).toContain("nằm ngoài thư mục");
  });

  it("limits the number of items, with a clear message", () => {
    const many = MINIMAL_PLAN.replace("          - Huy động sự tham gia của gia đình.", Array.from({ length: 60_000 }, () => "          - x").join("\n"));
    const f = parseSource("p.yaml", many).findings;
    expect(f[0]!.rule).toBe("limit.nodes");
    expect(f[0]!.message).toContain("quá nhiều mục");
  });

  it("answers garbage on the command line with one Vietnamese message and a non-zero exit", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "rac.yaml"), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x50, 0x4b]));
    const r = runCli(["build", "rac.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("rac.yaml:1:1  lỗi  tệp không phải văn bản");
    expect(r.stderr).not.toMatch(/at |Error/);
  });
});
