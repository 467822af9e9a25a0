/** The office profile under the plan: how the two merge. */
import type { PlanSource, ProfileSource } from "../model/plan.js";

/**
 * Profile below, plan on top. co_quan merges key by key (a plan may change only the place);
 * the other keys are replaced whole (a plan signed by someone else replaces the whole stack).
 */
export function mergeProfile(profile: ProfileSource | undefined, plan: PlanSource): PlanSource {
  if (!profile) return plan;
  const merged: PlanSource = { ...profile, ...plan };
  if (profile.co_quan || plan.co_quan) merged.co_quan = { ...profile.co_quan, ...plan.co_quan };
  return merged;
}
