/** The office profile under the plan: how the two merge. */
import type { PlanSource, ProfileSource } from "../model/plan.js";

/**
 * Profile below, plan on top. co_quan and trinh_bay merge key by key (a plan may change only the place);
 * the other keys are replaced whole (a plan signed by someone else replaces the whole stack).
 */
export function mergeProfile(profile: ProfileSource | undefined, plan: PlanSource): PlanSource {
  if (!profile) return plan;
  const merged: PlanSource = { ...profile, ...plan };
  if (profile.co_quan || plan.co_quan) merged.co_quan = { ...profile.co_quan, ...plan.co_quan };
  // presentation choices too: a plan may print its căn cứ upright and keep the office's levels
  if (profile.trinh_bay || plan.trinh_bay) merged.trinh_bay = { ...profile.trinh_bay, ...plan.trinh_bay };
  return merged;
}
