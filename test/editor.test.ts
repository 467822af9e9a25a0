/**
 * What a clerk's editor shows, seen through the real yaml-language-server (the engine of VS Code's
 * YAML extension) over stdio, schema store off, no network (issue #15 item 4): no false diagnostic on
 * any example, Vietnamese pattern messages (the same text the CLI prints), one line of documentation
 * per enum value, hover showing a key's own description, snippets that quote dates and numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { YamlLanguageServer } from "./lsp.js";
import { ROOT, runCli, tempDir } from "./helpers.js";
import { validateMessages } from "../src/messages/validate.js";
import { parseSource } from "../src/read/index.js";
import { validateSource } from "../src/validate/index.js";

type Schema = { [k: string]: unknown };
const SCHEMA = JSON.parse(readFileSync(join(ROOT, "schemas", "kehoach.schema.json"), "utf8")) as Schema;
const EXAMPLES = join(ROOT, "examples");
const PLANS = readdirSync(EXAMPLES).filter((f) => f.endsWith(".yaml"));
const PROFILES = readdirSync(join(EXAMPLES, "co-quan")).filter((f) => f.endsWith(".yaml"));

/** Every subschema with a pattern, with the path that leads to it. */
function patterned(node: unknown, at = "#"): { at: string; pattern: string; message?: string }[] {
  if (!node || typeof node !== "object") return [];
  const out: { at: string; pattern: string; message?: string }[] = [];
  const o = node as Schema;
  if (typeof o.pattern === "string") out.push({ at, pattern: o.pattern, message: o.patternErrorMessage as string | undefined });
  for (const [k, v] of Object.entries(o)) if (k !== "defaultSnippets" && k !== "examples") out.push(...patterned(v, `${at}/${k}`));
  return out;
}

const defs = SCHEMA.$defs as Record<string, Schema>;
const props = (s: Schema) => s.properties as Record<string, Schema>;
const itemProps = props(defs.y!);

let lsp: YamlLanguageServer;
beforeAll(async () => {
  lsp = await YamlLanguageServer.start();
}, 60_000);
afterAll(async () => {
  await lsp?.stop();
});

/** A plan opened beside the examples (its schema line resolves as theirs does); nothing is written to disk. */
const broken = (name: string, from: string, to: string): { file: string; text: string } => {
  const text = readFileSync(join(EXAMPLES, "002-bang-mac.yaml"), "utf8");
  expect(text).toContain(from);
  return { file: join(EXAMPLES, `zz-${name}.yaml`), text: text.replace(from, to) };
};

describe("editor: yaml-language-server with kehoach's schemas", () => {
  it("every pattern in the schemas has a Vietnamese patternErrorMessage, and the CLI prints the same hint", () => {
    const all = patterned(SCHEMA);
    expect(all.length).toBeGreaterThan(20);
    for (const p of all) {
      expect(p.message, p.at).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữự]/);
      // the blank-text hint is the CLI's "empty" message, word for word
      if (p.pattern === "\\S") expect(p.message).toBe(validateMessages.empty().replace(/^k/, "K"));
    }
    // the CLI reads its hint from the schema: one text
    const f = validateSource(parseSource("p.yaml", 'trich_yeu: a\nngay: "2025-13-01"\nnoi_dung: [{loai: noi_dung}]\n'), "plan");
    expect(f[0]!.message).toBe(`giá trị "2025-13-01" không đúng dạng của Ngày ban hành. ${(props(SCHEMA).ngay as Schema).patternErrorMessage as string}`);
  });

  it.each([...PLANS.map((f) => join(EXAMPLES, f)), ...PROFILES.map((f) => join(EXAMPLES, "co-quan", f))])("no diagnostic on %s", async (file) => {
    const d = await lsp.open(file);
    lsp.close(file);
    expect(d.map((x) => x.message)).toEqual([]);
  });

  it.each([
    ["ngay", "ngay: 2024-05", 'ngay: "2024-13"', (props(SCHEMA).ngay as Schema).patternErrorMessage],
    ["so", "ngay: 2024-05", 'ngay: "2024-05"\nso: "28a"', (props(SCHEMA).so as Schema).patternErrorMessage],
    ["trich_yeu", "trich_yeu: ", 'trich_yeu: "   "\nx_trich_yeu: ', (defs.text as Schema).patternErrorMessage],
  ])("a wrong %s shows the Vietnamese hint, not the regex", async (key, from, to, hint) => {
    const { file, text } = broken(key, from, to);
    const d = await lsp.open(file, text);
    lsp.close(file);
    const messages = d.map((x) => x.message);
    expect(messages).toContain(hint);
    expect(messages.join("\n")).not.toMatch(/does not match|\^\(|\\S/);
  });

  it("han, so_tien, luu.so_ban and nguoi_soan show their Vietnamese hints", async () => {
    const file = join(EXAMPLES, "zz-patterns.yaml");
    const text = [
      "# yaml-language-server: $schema=../schemas/kehoach.schema.json",
      'trich_yeu: "Thử"',
      "noi_dung:",
      "  - loai: kinh_phi",
      "    du_toan:",
      '      - { noi_dung: "Hội nghị", so_tien: "1,000" }',
      "    cac_y:",
      '      - { doan: "Nộp báo cáo", han: "2025-02-30" }',
      'luu: { don_vi: VHXH, so_ban: "2 bản", nguoi_soan: "đtl" }',
      "",
    ].join("\n");
    const d = (await lsp.open(file, text)).map((x) => x.message);
    lsp.close(file);
    const luu = props(defs.luu as Schema);
    for (const hint of [
      ((defs.duToanDong as Schema).properties as Record<string, Schema>).so_tien!.patternErrorMessage,
      itemProps.han!.patternErrorMessage,
      luu.so_ban!.patternErrorMessage,
      luu.nguoi_soan!.patternErrorMessage,
    ]) expect(d).toContain(hint);
    expect(d.join("\n")).not.toMatch(/does not match/);
  });

  it("completion of loai and danh_dau documents each value on its own", async () => {
    const file = join(EXAMPLES, "zz-enum.yaml");
    const text = "# yaml-language-server: $schema=../schemas/kehoach.schema.json\ntrich_yeu: a\nnoi_dung:\n  - loai: \n    cac_y: [a]\n    danh_dau: \n";
    await lsp.open(file, text);
    const doc = (d: unknown): string => (typeof d === "string" ? d : ((d as { value?: string } | undefined)?.value ?? ""));
    const loai = await lsp.completion(file, 3, 10);
    const kinhPhi = loai.find((i) => i.label === "kinh_phi");
    expect(doc(kinhPhi?.documentation)).toContain("KINH PHÍ THỰC HIỆN");
    expect(doc(kinhPhi?.documentation)).not.toContain("TỔ CHỨC THỰC HIỆN");
    const dd = await lsp.completion(file, 5, 14);
    expect(doc(dd.find((i) => i.label === "gach")?.documentation)).toBe("Gạch đầu dòng: **-**");
    lsp.close(file);
  });

  it("hover of a key shows its own description, once (no doubled title, no generic text help)", async () => {
    const file = join(EXAMPLES, "zz-hover.yaml");
    const text = [
      "# yaml-language-server: $schema=../schemas/kehoach.schema.json",
      "trich_yeu: a",
      "noi_dung:",
      "  - loai: kinh_phi",
      "    du_toan:",
      "      - noi_dung: Hội nghị",
      "        so_tien: 1000000",
      "    cac_y:",
      "      - doan: Nộp báo cáo",
      "kiem_tra:",
      "  tat: [lint.stale-year]",
      "",
    ].join("\n");
    await lsp.open(file, text);
    const soTien = await lsp.hover(file, 6, 10);
    expect(soTien).toContain("Số tiền bằng đồng");
    expect(soTien).not.toContain("||");
    // markdown escapes the underscores of key names
    const doan = (await lsp.hover(file, 8, 10)).replace(/\\(.)/g, "$1");
    expect(doan).toContain(itemProps.doan!.description as string);
    const kiemTra = (await lsp.hover(file, 9, 2)).replace(/\\(.)/g, "$1");
    expect(kiemTra).toContain((defs.kiemTra as Schema).description as string);
    lsp.close(file);
  });

  it("hover of a text-or-mapping value (mo_dau, an item, ket_thuc, a recipient) shows the key's own help, title once", async () => {
    const file = join(EXAMPLES, "zz-hover-union.yaml");
    const text = [
      "# yaml-language-server: $schema=../schemas/kehoach.schema.json",
      "trich_yeu: a",
      "mo_dau: Căn cứ Luật Trẻ em",
      "noi_dung:",
      "  - loai: noi_dung",
      "    cac_y:",
      "      - Câu một",
      "ket_thuc: false",
      "noi_nhan:",
      "  - Sở Y tế",
      "",
    ].join("\n");
    await lsp.open(file, text);
    const plain = async (line: number, col: number) => (await lsp.hover(file, line, col)).replace(/\\(.)/g, "$1");
    expect(await plain(2, 10)).toContain((defs.moDau as Schema).description as string);
    expect(await plain(6, 10)).toContain((defs.y as Schema).description as string);
    const ketThuc = await plain(7, 2);
    expect(ketThuc).toContain("#### Câu kết\n");
    expect(ketThuc).not.toContain("||");
    expect(await plain(9, 5)).toContain(((defs.noiNhan as Schema).items as Schema).description as string);
    lsp.close(file);
  });

  it("snippets insert a quoted date and a task skeleton", async () => {
    const file = join(EXAMPLES, "zz-snippets.yaml");
    const text = "# yaml-language-server: $schema=../schemas/kehoach.schema.json\ntrich_yeu: a\nngay: \nnoi_dung:\n  - loai: noi_dung\n    cac_y:\n      - \n";
    await lsp.open(file, text);
    const ngay = await lsp.completion(file, 2, 6);
    expect(ngay.map((i) => i.insertText ?? "").join("\n")).toContain('"${1:2025}-${2:03}-${3:05}"');
    const item = await lsp.completion(file, 6, 8);
    const task = item.find((i) => i.label.startsWith("nhiệm vụ"));
    expect(task?.insertText).toMatch(/doan: .*\n\s*chu_tri: /);
    lsp.close(file);
  });
});

/** The office folder moved (or cloned elsewhere): its 2026 plan's schema line still finds the schema, and the editor still explains in Vietnamese. */
async function explainedAfterMove(office: string): Promise<void> {
  const moved = `${office}-moved`;
  renameSync(office, moved);
  const file = join(moved, "ke-hoach", "2026", "ke-hoach-2026.yaml");
  const d = await lsp.open(file, readFileSync(file, "utf8").replace(/^ngay: .*$/m, 'ngay: "2026-02-30"'));
  lsp.close(file);
  expect(d.map((x) => x.message)).toContain((props(SCHEMA).ngay as Schema).patternErrorMessage);
}

describe("kehoach init: the schema line survives moving and committing the office folder", () => {
  it("names the office repository's installed kehoach (node_modules/kehoach/schemas), relative to the plan", async () => {
    const office = tempDir("kehoach-office-");
    mkdirSync(join(office, "node_modules"));
    // the office repository has kehoach installed (npm install --save-dev kehoach)
    symlinkSync(ROOT, join(office, "node_modules", "kehoach"), "dir");
    const r = runCli(["init", "ke-hoach/2026", "--co-quan", "Ủy ban nhân dân/Xã Bằng Mạc", "--nguoi-ky", "Triệu Thị Diệp", "--nam", "2026"], { cwd: office });
    expect(r.code).toBe(0);
    const plan = readFileSync(join(office, "ke-hoach", "2026", "ke-hoach-2026.yaml"), "utf8");
    expect(plan.split("\n")[0]).toBe("# yaml-language-server: $schema=../../node_modules/kehoach/schemas/kehoach.schema.json");
    const profile = readFileSync(join(office, "ke-hoach", "2026", "co-quan.yaml"), "utf8");
    expect(profile.split("\n")[0]).toBe("# yaml-language-server: $schema=../../node_modules/kehoach/schemas/co-quan.schema.json");
    await explainedAfterMove(office);
  });

  it("kehoach import in the same office repository names the installed kehoach too", () => {
    const office = tempDir("kehoach-office-import-");
    mkdirSync(join(office, "node_modules"));
    symlinkSync(ROOT, join(office, "node_modules", "kehoach"), "dir");
    mkdirSync(join(office, "cu"));
    writeFileSync(join(office, "cu", "ke-hoach.txt"), OLD_PLAN);
    const r = runCli(["import", "cu/ke-hoach.txt"], { cwd: office });
    expect(r.code).toBe(0);
    expect(readFileSync(join(office, "cu", "ke-hoach.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../node_modules/kehoach/schemas/kehoach.schema.json");
    expect(readFileSync(join(office, "cu", "co-quan.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../node_modules/kehoach/schemas/co-quan.schema.json");
    expect(existsSync(join(office, ".kehoach"))).toBe(false);
  });

  it("kehoach not installed in the office repository: the schemas copied once into .kehoach/ at its root, which moves with it; import reuses the copy", async () => {
    const office = tempDir("kehoach-office-global-");
    // an office repository (git) without node_modules: kehoach installed globally, or run from a checkout elsewhere
    mkdirSync(join(office, ".git"));
    const r = runCli(["init", "ke-hoach/2026", "--co-quan", "Ủy ban nhân dân/Xã Bằng Mạc", "--nguoi-ky", "Triệu Thị Diệp", "--nam", "2026"], { cwd: office });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("đã chép lược đồ của kehoach vào .kehoach:");
    for (const name of ["kehoach.schema.json", "co-quan.schema.json"]) expect(readFileSync(join(office, ".kehoach", name), "utf8")).toBe(readFileSync(join(ROOT, "schemas", name), "utf8"));
    const plan = readFileSync(join(office, "ke-hoach", "2026", "ke-hoach-2026.yaml"), "utf8");
    expect(plan.split("\n")[0]).toBe("# yaml-language-server: $schema=../../.kehoach/kehoach.schema.json");
    expect(readFileSync(join(office, "ke-hoach", "2026", "co-quan.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../../.kehoach/co-quan.schema.json");
    // import into another folder of the repository: the same copy, no second one
    mkdirSync(join(office, "cu"));
    writeFileSync(join(office, "cu", "ke-hoach.txt"), OLD_PLAN);
    const imported = runCli(["import", "cu/ke-hoach.txt"], { cwd: office });
    expect(imported.code).toBe(0);
    expect(imported.stdout).not.toContain("đã chép lược đồ");
    expect(readFileSync(join(office, "cu", "ke-hoach.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../.kehoach/kehoach.schema.json");
    expect(readdirSync(join(office, "cu")).sort()).toEqual(["co-quan.yaml", "ke-hoach.txt", "ke-hoach.yaml"]);
    await explainedAfterMove(office);
  });

  it("a folder outside any repository gets its own copy; the line never names kehoach's folder on this machine", () => {
    const dir = tempDir("kehoach-loose-");
    const r = runCli(["import", "ke-hoach.txt"], { cwd: (writeFileSync(join(dir, "ke-hoach.txt"), OLD_PLAN), dir) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("đã chép lược đồ của kehoach vào .kehoach:");
    expect(readFileSync(join(dir, "ke-hoach.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=.kehoach/kehoach.schema.json");
    expect(readFileSync(join(dir, "co-quan.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=.kehoach/co-quan.schema.json");
  });
});

describe("kehoach init and import: a schema copy that cannot be written", () => {
  it("is said, with the reason, and the plan and profile are still written", () => {
    const dir = tempDir("kehoach-no-copy-");
    // a file where the .kehoach folder would go
    writeFileSync(join(dir, ".kehoach"), "");
    const r = runCli(["init", ".", "--co-quan", "Ủy ban nhân dân/Xã Bằng Mạc", "--nguoi-ky", "Triệu Thị Diệp", "--nam", "2026"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/không tạo được tệp \S*\.kehoach\/kehoach\.schema\.json \(/);
    expect(readFileSync(join(dir, "ke-hoach-2026.yaml"), "utf8").split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=\S+\/schemas\/kehoach\.schema\.json$/);
    // import says it too, and still writes the plan
    mkdirSync(join(dir, "cu"));
    writeFileSync(join(dir, "cu", ".kehoach"), "");
    writeFileSync(join(dir, "cu", "ke-hoach.txt"), OLD_PLAN);
    const imported = runCli(["import", "cu/ke-hoach.txt"], { cwd: dir });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/không tạo được tệp \S*\.kehoach\/kehoach\.schema\.json \(/);
    expect(existsSync(join(dir, "cu", "ke-hoach.yaml"))).toBe(true);
  });
});

/** An old plan typed as text, for kehoach import. */
const OLD_PLAN = [
  "ỦY BAN NHÂN DÂN",
  "XÃ AN BÌNH",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Số: 12/KH-UBND",
  "An Bình, ngày 15 tháng 01 năm 2025",
  "KẾ HOẠCH",
  "Thực hiện công tác trẻ em năm 2025",
  "Thực hiện Kế hoạch số 5/KH-UBND ngày 10/01/2025 của UBND huyện, Ủy ban nhân dân xã An Bình ban hành Kế hoạch như sau:",
  "I. MỤC ĐÍCH, YÊU CẦU",
  "1. Nâng cao nhận thức của gia đình và cộng đồng về bảo vệ trẻ em.",
  "II. TỔ CHỨC THỰC HIỆN",
  "1. Công chức Văn hóa - Xã hội: chủ trì, tham mưu triển khai Kế hoạch.",
  "Trên đây là Kế hoạch thực hiện công tác trẻ em năm 2025 của Ủy ban nhân dân xã An Bình./.",
  "Nơi nhận:",
  "- UBND huyện (b/c);",
  "- Lưu: VT, VHXH.",
  "KT. CHỦ TỊCH",
  "PHÓ CHỦ TỊCH",
  "Nguyễn Văn An",
].join("\n");
