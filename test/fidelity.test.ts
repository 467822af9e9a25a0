/**
 * Issue 13: what the user typed reaches the document exactly, or the build stops (or warns)
 * with a Vietnamese message at file:line:col. Each test is a realistic input that failed before.
 */
import { describe, expect, it } from "vitest";
import { parseSource } from "../src/read/index.js";
import { validateSource } from "../src/validate/index.js";
import { normalizePlan } from "../src/normalize/index.js";
import type { Block } from "../src/model/document.js";
import type { Finding } from "../src/model/finding.js";
import { modelOf } from "./docx.js";
import { MINIMAL_PLAN } from "./helpers.js";

/** Findings of the stages before render (schema, then normalize), as `check` reports them. */
export function findingsOf(yaml: string): Finding[] {
  const src = parseSource("plan.yaml", yaml);
  const schema = validateSource(src, "plan");
  if (schema.length) return schema;
  return normalizePlan({ plan: src }).findings;
}

const text = (b: Block): string => ("runs" in b ? ("label" in b && b.label ? b.label + " " : "") + b.runs.map((r) => r.text).join("") : "");
const bodyLines = (yaml: string): string[] => modelOf(yaml).body.map(text);
const withPreamble = (preamble: string): string => MINIMAL_PLAN.replace("noi_dung:\n", `${preamble}noi_dung:\n`);

describe("Số keeps its digits as typed", () => {
  it("prints 0129 in the header and in the Phụ lục's reference; a single digit takes a leading 0", () => {
    const m = modelOf(MINIMAL_PLAN.replace('so: "5"', 'so: "0129"') + "phu_luc:\n  - tieu_de: Danh sách đơn vị\n    doan: Các trường học trên địa bàn xã.\n");
    expect(m.header.numberLine).toBe("Số: 0129/KH-UBND");
    expect(m.appendices[0]!.reference).toContain("Kèm theo Kế hoạch số 0129/KH-UBND");
    expect(modelOf(MINIMAL_PLAN).header.numberLine).toBe("Số: 05/KH-UBND");
    expect(modelOf(MINIMAL_PLAN.replace('so: "5"', 'so: "05"')).header.numberLine).toBe("Số: 05/KH-UBND");
  });
});
