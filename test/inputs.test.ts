/**
 * Input that must never be changed silently or read from where it should not come from:
 * table shapes, profiles on the command line, office templates, files outside the plan's folder.
 */
import { describe, expect, it } from "vitest";
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { parseSource } from "../src/read/index.js";
import { validateSource } from "../src/validate/index.js";
import { OutputError, writeAtomic, type WriteMode } from "../src/commands/atomic.js";
import { PROFILE_KEYS } from "../src/model/plan.js";
import { MINIMAL_PLAN, ROOT, runCli, tempDir } from "./helpers.js";

const check = (yaml: string) => validateSource(parseSource("plan.yaml", yaml), "plan");

/** MINIMAL_PLAN with a table in its first section. */
const withTable = (table: string): string =>
  MINIMAL_PLAN.replace("  - loai: muc_dich_yeu_cau\n", `  - loai: muc_dich_yeu_cau\n    bang:\n${table}`);

describe("tables: every row has exactly one cell per column", () => {
  it("a row with more cells than columns is an error at the row, not a dropped cell", () => {
    const fs = check(withTable("      cot: [A, B]\n      dong:\n        - [x, y]\n        - [x, y, z]\n"));
    expect(fs).toEqual([expect.objectContaining({ line: 15, col: 11, rule: "table.cells", path: "noi_dung[0].bang.dong[1]" })]);
    expect(fs[0]!.message).toContain("hàng này có 3 ô nhưng bảng có 2 cột (cot)");
    expect(fs[0]!.message).toContain("bớt 1 ô");
  });

  it("a short row is an error, not a padded row", () => {
    const fs = check(withTable("      cot: [A, B, C]\n      dong:\n        - [x]\n"));
    expect(fs).toEqual([expect.objectContaining({ line: 14, col: 11, rule: "table.cells" })]);
    expect(fs[0]!.message).toContain("thêm 2 ô");
  });

  it("do_rong of the wrong length is an error at do_rong, not ignored", () => {
    const fs = check(withTable("      cot: [A, B]\n      dong: [[x, y]]\n      do_rong: [3, 1, 1]\n"));
    expect(fs).toEqual([expect.objectContaining({ line: 14, col: 16, rule: "table.widths", path: "noi_dung[0].bang.do_rong" })]);
  });

  it("an empty row is refused by the schema", () => {
    expect(check(withTable("      cot: [A]\n      dong: [[]]\n")).map((f) => f.rule)).toContain("schema.empty");
  });

  it("tables in items and in a Phụ lục are checked too", () => {
    const item = MINIMAL_PLAN.replace(
      "          - Huy động sự tham gia của gia đình.\n",
      "          - Huy động sự tham gia của gia đình.\n          - doan: Bảng.\n            bang: { cot: [A, B], dong: [[x]] }\n",
    );
    expect(check(item).map((f) => f.path)).toEqual(["noi_dung[0].cac_y[0].cac_y[2].bang.dong[0]"]);
    const appendix = MINIMAL_PLAN + "phu_luc:\n  - tieu_de: Phụ lục\n    bang: { cot: [A], dong: [[x, y]] }\n";
    expect(check(appendix).map((f) => f.path)).toEqual(["phu_luc[0].bang.dong[0]"]);
  });

  it("check and build both stop with the row's line:col", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), withTable("      cot: [A, B]\n      dong:\n        - [x, y, z]\n"));
    for (const cmd of ["check", "build"]) {
      const r = runCli([cmd, "p.yaml"], { cwd: dir });
      expect(r.code, cmd).toBe(1);
      expect(r.stderr, cmd).toContain("p.yaml:14:11  lỗi  hàng này có 3 ô nhưng bảng có 2 cột (cot)");
    }
  });
});

describe("files read for a plan stay inside its folder, file by file", () => {
  const SECRET = "BÍ-MẬT-NGOÀI-THƯ-MỤC";
  /** A plan folder `plan/` beside a secret file it must never read. */
  const setup = (): { root: string; dir: string; secret: string } => {
    const root = tempDir();
    const dir = join(root, "plan");
    mkdirSync(dir);
    const secret = join(root, "secret.txt");
    writeFileSync(secret, `${SECRET}\nroot:x:0:0:root:/root:/bin/bash\n`);
    return { root, dir, secret };
  };

  it("a template symlinked to a file outside is refused at its path; nothing of it reaches the output", () => {
    const { dir, secret } = setup();
    mkdirSync(join(dir, "mau"));
    symlinkSync(secret, join(dir, "mau", "ket-thuc.hbs"));
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN + "mau: mau\n");
    const r = runCli(["build", "p.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('mau/ket-thuc.hbs:1:1  lỗi  tệp mẫu "mau/ket-thuc.hbs" dẫn ra ngoài thư mục được phép');
    expect(r.stderr).not.toContain(SECRET);
    expect(existsSync(join(dir, "p.docx"))).toBe(false);
    expect(runCli(["check", "p.yaml"], { cwd: dir }).code).toBe(1);
  });

  it("an auto-found co-quan.yaml symlinked to outside is refused, its lines never echoed", () => {
    const { dir, secret } = setup();
    symlinkSync(secret, join(dir, "co-quan.yaml"));
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    const r = runCli(["check", "p.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('co-quan.yaml:1:1  lỗi  hồ sơ cơ quan "co-quan.yaml" dẫn ra ngoài thư mục được phép');
    expect(r.stderr).not.toContain(SECRET);
    expect(r.stderr).not.toContain("root:x");
  });

  it("a FIFO named co-quan.yaml is refused, not read (it would hang) nor passed over", () => {
    const { dir } = setup();
    execFileSync("mkfifo", [join(dir, "co-quan.yaml")]);
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    const r = runCli(["check", "p.yaml"], { cwd: dir, timeout: 20_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('co-quan.yaml:1:1  lỗi  hồ sơ cơ quan "co-quan.yaml" là một thư mục (hoặc tệp đặc biệt), không phải tệp thường');
  });

  it("--templates may name a folder outside the plan's (the user typed it), but not a symlink leading out of it", () => {
    const { root, dir, secret } = setup();
    const office = join(root, "mau-so");
    mkdirSync(office);
    writeFileSync(join(office, "ket-thuc.hbs"), "Kết thúc của sở.");
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    const ok = runCli(["build", "p.yaml", "--templates", office], { cwd: dir });
    expect(ok.stderr).not.toContain("  lỗi  ");
    expect(ok.code).toBe(0);
    symlinkSync(secret, join(office, "tieu-ngu.hbs"));
    const r = runCli(["build", "p.yaml", "-o", "q.docx", "--templates", office], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("tieu-ngu.hbs:1:1  lỗi  tệp mẫu");
    expect(r.stderr).not.toContain(SECRET);
    expect(existsSync(join(dir, "q.docx"))).toBe(false);
  });

  it("a symlink to a template inside the same folder is fine", () => {
    const { dir } = setup();
    mkdirSync(join(dir, "mau"));
    writeFileSync(join(dir, "mau", "that.txt"), "Kết thúc riêng.");
    symlinkSync("that.txt", join(dir, "mau", "ket-thuc.hbs"));
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN + "mau: mau\n");
    const r = runCli(["build", "p.yaml"], { cwd: dir });
    expect(r.stderr).not.toContain("lỗi  ");
    expect(r.code).toBe(0);
  });
});

describe("messages quote a short, escaped excerpt of a file, never the file", () => {
  it("a long unknown key is cut to 40 characters; control and direction characters are escaped", () => {
    const key = "root:x:0:0:root:/root:/bin/bash".repeat(10);
    const [f] = check(`${JSON.stringify(key)}: 1\n` + MINIMAL_PLAN);
    expect(f!.rule).toBe("schema.unknown-key");
    expect(f!.message).toContain(`khóa "${key.slice(0, 40)}…"`);
    expect(f!.message).not.toContain(key.slice(0, 41));
    const [g] = check(`"a\\u202Eb\\u0007c": 1\n` + MINIMAL_PLAN);
    expect(g!.message).toContain('khóa "a\\u202Eb\\u0007c"');
  });

  it("lint messages quote a short excerpt too", () => {
    const dir = tempDir();
    const name = "Ủy ban nhân dân ".repeat(20).trim();
    writeFileSync(join(dir, "co-quan.yaml"), `noi_nhan:\n  - ${name}\n  - ${name}\n`);
    const r = runCli(["lint", "co-quan.yaml"], { cwd: dir });
    expect(r.stderr).toContain(`nơi nhận "${name.slice(0, 40)}…" bị ghi hai lần`);
  });

  it("a long value in a pattern or enum message is cut too", () => {
    const long = "9".repeat(500);
    const [f] = check(MINIMAL_PLAN.replace('so: "5"', `so: "x${long}"`));
    expect(f!.message.length).toBeLessThan(200);
  });
});

describe("office templates: Vietnamese errors at the real line:col, nothing printed", () => {
  /** A plan using the office templates given (file name → source) in mau/. */
  const office = (templates: Record<string, string>): string => {
    const dir = tempDir();
    mkdirSync(join(dir, "mau"));
    for (const [name, source] of Object.entries(templates)) writeFileSync(join(dir, "mau", name), source);
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN + "mau: mau\n");
    return dir;
  };

  it("a single } is reported where it stands, with what is expected there, in Vietnamese", () => {
    const dir = office({ "can-cu.hbs": "Căn cứ {{noi_dung};" });
    const r = runCli(["check", "p.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('mau/can-cu.hbs:1:18  lỗi  mẫu Handlebars không hợp lệ: chỗ này cần đóng bằng }} nhưng gặp "}"');
    expect(r.stderr).not.toMatch(/Parse error|Expecting/);
  });

  it("on a later line, the line and column are that line's, not of the text with its line breaks removed", () => {
    const dir = office({ "ket-thuc.hbs": "Trên đây là\n  kế hoạch {{co_quan.ten_goi x;}}\n" });
    const r = runCli(["check", "p.yaml"], { cwd: dir });
    expect(r.stderr).toContain('mau/ket-thuc.hbs:2:30  lỗi  mẫu Handlebars không hợp lệ: chỗ này cần đóng bằng }} nhưng gặp "x;"');
    const dir2 = office({ "ket-thuc.hbs": "a\n{{#each co_quan}}\n{{/if}}" });
    expect(runCli(["check", "p.yaml"], { cwd: dir2 }).stderr).toContain("khối {{#each}} lại đóng bằng {{/if}}; hãy đóng bằng {{/each}}");
  });

  it("a helper failing while filling is reported at its line:col", () => {
    const dir = office({ "ket-thuc.hbs": "x\n  {{#if co_quan}}{{#with}}{{/with}}{{/if}}\n" });
    const r = runCli(["build", "p.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("mau/ket-thuc.hbs:2:18  lỗi  mẫu Handlebars lỗi khi điền nội dung: {{#with}} cần đúng một tham số");
  });

  it("a partial is refused when the template is loaded, at its line:col (it failed at 1:1 while filling)", () => {
    const dir = office({ "ket-thuc.hbs": "Trên đây là\n  {{> chan}}" });
    const r = runCli(["check", "p.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("mau/ket-thuc.hbs:2:3  lỗi  mẫu Handlebars không hợp lệ: mẫu con {{> chan}}");
  });

  it("{{log}} cannot print: --format json's stdout stays one JSON document", () => {
    const dir = office({ "ket-thuc.hbs": 'Trên đây là kế hoạch {{log "RÒ-RỈ"}}.' });
    const r = runCli(["build", "--format", "json", "p.yaml"], { cwd: dir });
    expect(r.stdout).not.toContain("RÒ-RỈ");
    const doc = JSON.parse(r.stdout);
    expect(doc.findings[0]).toMatchObject({ file: "mau/ket-thuc.hbs", line: 1, rule: "templates.syntax" });
    expect(doc.findings[0].message).toContain('"log" không phải hàm có sẵn');
  });
});

describe("a profile given on the command line is checked as a profile", () => {
  const PROFILE = "co_quan:\n  ten: [ỦY BAN NHÂN DÂN, XÃ BẰNG MẠC]\n  viet_tat: UBND\n  dia_danh: Bằng Mạc\nnoi_nhan:\n  - Các trường học\n";

  it("PROFILE_KEYS are the profile schema's keys", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schemas", "co-quan.schema.json"), "utf8")) as { properties: object };
    expect([...PROFILE_KEYS].sort()).toEqual(Object.keys(schema.properties).sort());
  });

  it("check co-quan.yaml: no false 'missing trich_yeu/noi_dung'; an unknown key is 'not in the profile'", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "co-quan.yaml"), PROFILE);
    const ok = runCli(["check", "co-quan.yaml"], { cwd: dir });
    expect(ok.stderr).not.toContain("trich_yeu");
    expect(ok.code).toBe(0);
    writeFileSync(join(dir, "co-quan.yaml"), PROFILE + "trich_yeu: Kế hoạch\n");
    const bad = runCli(["check", "co-quan.yaml"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('co-quan.yaml:7:1  lỗi  khóa "trich_yeu" không có trong mẫu hồ sơ cơ quan.');
  });

  it("a file of another name with only profile keys is a profile too; one with `so` is a plan", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bang-mac.yaml"), PROFILE);
    expect(runCli(["check", "bang-mac.yaml"], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, "nhap.yaml"), PROFILE + 'so: "5"\n');
    expect(runCli(["check", "nhap.yaml"], { cwd: dir }).stderr).toContain('thiếu khóa "trich_yeu"');
  });

  it("check of a profile checks its templates folder too", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "co-quan.yaml"), PROFILE + "mau: mau\n");
    const missing = runCli(["check", "co-quan.yaml"], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('co-quan.yaml:7:6  lỗi  không tìm thấy thư mục mẫu "mau"');
    mkdirSync(join(dir, "mau"));
    writeFileSync(join(dir, "mau", "can-cu.hbs"), "Căn cứ {{noi_dung};");
    expect(runCli(["check", "co-quan.yaml"], { cwd: dir }).stderr).toContain("mau/can-cu.hbs:1:18  lỗi  mẫu Handlebars không hợp lệ");
    expect(runCli(["check", "examples/co-quan/ly-son.yaml"], { cwd: ROOT }).code).toBe(0);
  });

  it("build of a profile: nothing to build, a Vietnamese error, exit 1", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "co-quan.yaml"), PROFILE);
    const r = runCli(["build", "co-quan.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('co-quan.yaml:1:1  lỗi  "co-quan.yaml" là hồ sơ cơ quan');
    expect(existsSync(join(dir, "co-quan.docx"))).toBe(false);
  });

  it("lint of a profile lints it as a profile", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "co-quan.yaml"), PROFILE + "  - Các trường học\n");
    const r = runCli(["lint", "co-quan.yaml"], { cwd: dir });
    expect(r.stderr).toContain('co-quan.yaml:7:5');
    expect(r.stderr).toContain('nơi nhận "Các trường học" bị ghi hai lần');
    expect(r.stderr).not.toContain("trich_yeu");
  });
});

describe("dates and the year of init", () => {
  it.each([
    ['"0000"', 7, 7],
    ['"2025-13-05"', 7, 7],
    ['"2025-03-40"', 7, 7],
    ['"2025-02-30"', 7, 7],
    ['"2025-04-31"', 7, 7],
  ])("ngay: %s is an error at its line:col", (value, line, col) => {
    const fs = check(MINIMAL_PLAN.replace('ngay: "2025-03-05"', `ngay: ${value}`));
    expect(fs).toEqual([expect.objectContaining({ line, col, rule: "schema.pattern", path: "ngay" })]);
    expect(fs[0]!.message).toContain("năm khác 0000");
  });

  it("real dates pass (29 February, a 31st, a year alone)", () => {
    for (const v of ['"2024-02-29"', '"2025-12-31"', '"2025"', '"2025-11"']) expect(check(MINIMAL_PLAN.replace('ngay: "2025-03-05"', `ngay: ${v}`)), v).toEqual([]);
  });

  it("init --nam takes a year only: a path is a usage error and nothing is written", () => {
    const dir = tempDir();
    const r = runCli(["init", "d", "--nam", "/../../x", "--co-quan", "ỦY BAN NHÂN DÂN/XÃ A", "--nguoi-ky", "Nguyễn Văn A"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--nam cần một năm gồm 4 chữ số, ví dụ --nam 2025, không phải "/../../x"');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("file-system problems end in Vietnamese, with the path, exit 1 or 2, nothing left behind", () => {
  const INIT = ["--co-quan", "ỦY BAN NHÂN DÂN/XÃ A", "--nguoi-ky", "Nguyễn Văn A", "--nam", "2025"];

  it("init into a path that is a file, or under one", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "f"), "x");
    for (const target of ["f", "f/con"]) {
      const r = runCli(["init", target, ...INIT], { cwd: dir });
      expect(r.code, target).toBe(1);
      expect(r.stderr, target).toContain(`không tạo được thư mục ${target} (đã có một tệp trùng tên`);
    }
  });

  it("init where a folder has the plan's name", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "ke-hoach-2025.yaml"));
    const r = runCli(["init", ".", ...INIT], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("đã có thư mục tên ke-hoach-2025.yaml");
  });

  /** A plan with `mau: mau` and what the test puts in mau. */
  const withMau = (make: (mau: string) => void): string => {
    const dir = tempDir();
    make(join(dir, "mau"));
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN + "mau: mau\n");
    return dir;
  };
  const noLeftovers = (dir: string): void => expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);

  it("mau naming a file, not a folder (was ENOTDIR, exit 70)", () => {
    const dir = withMau((mau) => writeFileSync(mau, "x"));
    const r = runCli(["build", "p.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('p.yaml:24:6  lỗi  thư mục mẫu "mau" là một tệp, không phải thư mục.');
    noLeftovers(dir);
  });

  it("a .hbs that is a folder (was EISDIR, exit 70)", () => {
    const dir = withMau((mau) => mkdirSync(join(mau, "ket-thuc.hbs"), { recursive: true }));
    const r = runCli(["build", "p.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('mau/ket-thuc.hbs:1:1  lỗi  tệp mẫu "mau/ket-thuc.hbs" là một thư mục');
  });

  it("a dangling template symlink (was ENOENT, exit 70)", () => {
    const dir = withMau((mau) => {
      mkdirSync(mau);
      symlinkSync("khong-co.txt", join(mau, "ket-thuc.hbs"));
    });
    const r = runCli(["check", "p.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('mau/ket-thuc.hbs:1:1  lỗi  tệp mẫu "mau/ket-thuc.hbs" là liên kết tượng trưng trỏ tới một tệp không còn tồn tại');
  });

  it("--templates naming no folder is a usage error (exit 2)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    for (const cmd of ["check", "build"]) {
      const r = runCli([cmd, "p.yaml", "--templates", "/khong-co-thu-muc-nay"], { cwd: dir });
      expect(r.code, cmd).toBe(2);
      expect(r.stderr, cmd).toContain('--templates "/khong-co-thu-muc-nay" không phải một thư mục có sẵn');
    }
    expect(runCli(["build", "p.yaml", "--templates", "p.yaml"], { cwd: dir }).code).toBe(2);
  });

  it("a .pdf output blocked by a folder: Vietnamese, exit 1, no .tmp left", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN);
    mkdirSync(join(dir, "p.pdf"));
    const r = runCli(["build", "--pdf", "p.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    // refused before anything is written (the batch's check of every output path)
    expect(r.stderr).toContain('p.yaml:1:1  lỗi  "p.pdf" không phải tệp thường (là thiết bị, ống FIFO hoặc thư mục');
    expect(r.stderr).not.toMatch(/EISDIR|illegal operation/);
    noLeftovers(dir);
  });

  it("lint --fix keeps the file's permissions", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN.replace("Huy động sự", "Huy  động sự"), { mode: 0o600 });
    chmodSync(join(dir, "p.yaml"), 0o600);
    const r = runCli(["lint", "--fix", "p.yaml"], { cwd: dir });
    expect(r.stderr).toContain("đã sửa 1 chỗ trong p.yaml");
    expect(statSync(join(dir, "p.yaml")).mode & 0o777).toBe(0o600);
  });

  it("lint --fix fixes a symlinked plan's target in place, and refuses one leading out of the folder", () => {
    const root = tempDir();
    const dir = join(root, "plan");
    mkdirSync(dir);
    writeFileSync(join(dir, "that.yaml"), MINIMAL_PLAN.replace("Huy động sự", "Huy  động sự"));
    symlinkSync("that.yaml", join(dir, "p.yaml"));
    expect(runCli(["lint", "--fix", "p.yaml"], { cwd: dir }).stderr).toContain("đã sửa 1 chỗ trong p.yaml");
    expect(lstatSync(join(dir, "p.yaml")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "that.yaml"), "utf8")).toContain("Huy động sự");
    const outside = join(root, "ngoai.yaml");
    const text = MINIMAL_PLAN.replace("Huy động sự", "Huy  động sự");
    writeFileSync(outside, text);
    symlinkSync(outside, join(dir, "q.yaml"));
    const r = runCli(["lint", "--fix", "q.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("q.yaml:1:1  lỗi  không sửa q.yaml: đây là liên kết tượng trưng tới một tệp ngoài thư mục");
    expect(readFileSync(outside, "utf8")).toBe(text);
    expect(lstatSync(join(dir, "q.yaml")).isSymbolicLink()).toBe(true);
  });

  it("lint --fix that cannot write says so in Vietnamese and leaves the file and no .tmp", () => {
    // CI runs as root, which a read-only folder does not stop: a name so long that the
    // temporary file beside it cannot be created (ENAMETOOLONG) fails for root too
    const dir = tempDir();
    const name = "k".repeat(240) + ".yaml";
    const text = MINIMAL_PLAN.replace("Huy động sự", "Huy  động sự");
    writeFileSync(join(dir, name), text);
    const r = runCli(["lint", "--fix", name], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`không ghi được bản đã sửa của ${name} (đường dẫn quá dài, ENAMETOOLONG); tệp vẫn như cũ`);
    expect(readFileSync(join(dir, name), "utf8")).toBe(text);
    expect(readdirSync(dir)).toEqual([name]);
  });
});

describe("writeAtomic, through the thread pool (build) and in place (the other commands)", () => {
  for (const how of ["pool", "direct"] as WriteMode[]) {
    it(`${how}: writes the bytes, replaces a symlink instead of following it, and fails with the reason and no .tmp`, async () => {
      const dir = tempDir();
      const data = Buffer.from("Kế hoạch ".repeat(50_000));
      await writeAtomic(join(dir, "a.yaml"), data, [], undefined, how);
      expect(readFileSync(join(dir, "a.yaml")).equals(data)).toBe(true);
      writeFileSync(join(dir, "target.yaml"), "giữ nguyên");
      symlinkSync("target.yaml", join(dir, "link.yaml"));
      await writeAtomic(join(dir, "link.yaml"), Buffer.from("mới"), [], 0o600, how);
      expect(readFileSync(join(dir, "target.yaml"), "utf8")).toBe("giữ nguyên");
      expect(lstatSync(join(dir, "link.yaml")).isSymbolicLink()).toBe(false);
      expect(statSync(join(dir, "link.yaml")).mode & 0o777).toBe(0o600);
      // a name so long that the temporary file beside it cannot be created, for root too
      const long = join(dir, "k".repeat(240) + ".yaml");
      const e = await writeAtomic(long, data, [], undefined, how).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(OutputError);
      expect((e as OutputError).reason).toBe("ENAMETOOLONG");
      expect(readdirSync(dir).sort()).toEqual(["a.yaml", "link.yaml", "target.yaml"]);
    });
  }
});

describe("lint findings about the plan's date", () => {
  it("are reported at the plan's ngay, once, not at co-quan.yaml:1:1", () => {
    const dir = tempDir();
    const profile = "co_quan:\n  ten: [ỦY BAN NHÂN DÂN, XÃ BẰNG MẠC]\n  viet_tat: UBND\n  dia_danh: Bằng Mạc\n";
    writeFileSync(join(dir, "co-quan.yaml"), profile);
    writeFileSync(join(dir, "p.yaml"), MINIMAL_PLAN.replace('ngay: "2025-03-05"', 'ngay: "2999-03-05"'));
    const r = runCli(["lint", "--format", "json", "p.yaml"], { cwd: dir });
    const future = (JSON.parse(r.stdout) as { findings: { file: string; line: number; column: number; rule: string }[] }).findings.filter((f) => f.rule === "lint.date-future");
    expect(future).toEqual([expect.objectContaining({ file: "p.yaml", line: 7, column: 7 })]);
  });
});
