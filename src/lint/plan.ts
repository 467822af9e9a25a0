/**
 * Lint of a loaded plan: its source and its profile's, with the settings the plan (or else its
 * profile) gives in `kiem_tra`. The pipeline runs it; check and build report its findings as warnings.
 */
import type { Finding } from "../model/finding.js";
import type { PlanSource, ProfileSource } from "../model/plan.js";
import type { SourceFile } from "../read/index.js";
import type { NormalizedPlan } from "../model/normalized.js";
import { append } from "../lists.js";
import { lintSource } from "./index.js";
import { sumFindings } from "./sums.js";

const DEFAULT_FUTURE_MARGIN_DAYS = 60;

/** What lint needs of a loaded plan (pipeline.ts LoadedPlan). */
export interface LintInput {
  kind: "plan" | "profile";
  /** The plan as built, for what needs its tables (sums). */
  plan?: NormalizedPlan;
  /** The plan's source, then its profile's when it has one; a profile given alone is the only one. */
  sources: SourceFile[];
}

/** Lint findings of a loaded plan and its profile, with the plan's settings. */
export function lintLoaded(loaded: LintInput, today = new Date()): Finding[] {
  // a profile given alone is linted as the profile it is, with its own settings
  const [plan, profile] = loaded.kind === "profile" ? [undefined, loaded.sources[0]] : loaded.sources;
  if (!(plan ?? profile)?.value) return [];
  const own = (plan?.value ?? {}) as PlanSource;
  const office = (profile?.value ?? {}) as ProfileSource;
  const disabled = new Set([...(office.kiem_tra?.tat ?? []), ...(own.kiem_tra?.tat ?? [])]);
  const ctx = {
    planDate: own.ngay,
    today,
    disabled,
    futureMarginDays: own.kiem_tra?.ngay_tuong_lai ?? office.kiem_tra?.ngay_tuong_lai ?? DEFAULT_FUTURE_MARGIN_DAYS,
  };
  const found = loaded.sources.filter((s) => s.value !== undefined).flatMap((s) => lintSource(s, ctx));
  // sums need the tables as built, spreadsheets read
  if (loaded.plan && !ctx.disabled.has("lint.table-sum")) append(found, sumFindings(loaded.plan));
  return found;
}

/** In check and build, lint findings never stop a plan: they are warnings there. */
export function asWarnings(findings: Finding[]): Finding[] {
  return findings.map((f) => ({ ...f, severity: "warning" as const }));
}
