/** The normalize stage on its own: profile merged under the plan, shapes, numbers; it builds only complete plans. */
import { describe, expect, it } from "vitest";
import { parseSource } from "../src/read/index.js";
import { normalizePlan } from "../src/normalize/index.js";
import { completenessFindings } from "../src/validate/complete.js";
import { MINIMAL_PLAN } from "./helpers.js";

const source = (yaml: string, file = "plan.yaml") => {
  const src = parseSource(file, yaml);
  expect(src.findings).toEqual([]);
  return src;
};

describe("normalize", () => {
  it("merges the profile under the plan: co_quan key by key, the other keys whole", () => {
    const plan = source(MINIMAL_PLAN.replace(/^co_quan:\n(  .*\n)+/, "co_quan:\n  dia_danh: Phú La\n").replace(/^nguoi_ky:\n(  .*\n)+/m, ""));
    const profile = source("co_quan:\n  ten: [ỦY BAN NHÂN DÂN, XÃ BẰNG MẠC]\n  viet_tat: UBND\n  dia_danh: Bằng Mạc\nnguoi_ky:\n  chuc_vu: CHỦ TỊCH\n  ho_ten: Nguyễn Văn A\n", "co-quan.yaml");
    const n = normalizePlan({ plan, profile });
    expect(n.findings).toEqual([]);
    expect(n.plan!.agency).toMatchObject({ lines: ["ỦY BAN NHÂN DÂN", "XÃ BẰNG MẠC"], abbreviation: "UBND", place: "Phú La" });
    expect(n.plan!.signer).toMatchObject({ title: "CHỦ TỊCH", name: "Nguyễn Văn A", deputyOf: undefined });
  });

  it("numbers sections and items, pads a one-digit số and keeps typed digits", () => {
    const n = normalizePlan({ plan: source(MINIMAL_PLAN) });
    expect(n.plan!.number).toBe("05");
    expect(n.plan!.sections[0]!.label).toBe("I.");
    expect(n.plan!.sections[0]!.items.map((i) => [i.label, i.title, i.children.map((c) => c.label)])).toEqual([["1.", "Mục đích", ["a)", "b)"]]]);
    expect(normalizePlan({ plan: source(MINIMAL_PLAN.replace('so: "5"', 'so: "0129"')) }).plan!.number).toBe("0129");
  });

  it("takes a recipient typed as a Lưu line as the archive line, not as a recipient", () => {
    const typed = MINIMAL_PLAN.replace("  - Các trường học\n", "  - Các trường học\n  - \"Lưu: VT, VHXH.\"\n").replace(/^luu:.*\n/m, "");
    const n = normalizePlan({ plan: source(typed) });
    expect(n.findings).toEqual([]);
    expect(n.plan!.recipients.map((r) => r.name)).toEqual(["UBND huyện", "Các trường học"]);
    expect(n.plan!.typedArchive).toBe("Lưu: VT, VHXH.");
  });

  it("builds no plan without the parts a plan needs, and leaves saying which to validate", () => {
    const plan = source(MINIMAL_PLAN.replace(/^noi_nhan:\n(  .*\n)+/m, ""));
    const n = normalizePlan({ plan });
    expect(n.plan).toBeUndefined();
    expect(n.findings.filter((f) => f.rule === "plan.incomplete")).toEqual([]);
    expect(completenessFindings(plan, undefined).map((f) => `${f.line}:${f.col} ${f.rule} ${f.path}`)).toEqual(["1:1 plan.incomplete noi_nhan"]);
  });
});
