import type { DetectedForm } from "../detect/types";
import { normaliseText } from "../values/normaliseText";
import { PROFILES, type Profile, type ProfileId } from "./profile";

/**
 * Picks the profile a form was built for, from its title, its top-level categories and whether
 * it has a 项目资金 block; `override` (the user's --profile) wins.
 */
export function chooseProfile(
  form: DetectedForm,
  topLevelNames: readonly string[],
  override?: ProfileId
): Profile {
  if (override) return PROFILES[override];
  const title = normaliseText(form.info.title ?? "");
  const seen: Record<string, true> = {};
  const names = topLevelNames
    .map(normaliseText)
    .filter((name) => (seen[name] ? false : (seen[name] = true)));
  let best: Profile = PROFILES.project;
  let bestScore = -1;
  for (const id of ["department", "project"] as const) {
    const profile = PROFILES[id];
    let score = 0;
    for (const word of profile.detection.titleWords) if (title.indexOf(word) >= 0) score += 3;
    for (const word of profile.detection.topLevelWords)
      if (names.some((name) => name.indexOf(word) >= 0)) score += 2;
    if (id === "project" && form.budget) score += 3;
    if (id === "project" && form.info.projectName) score += 2;
    if (score > bestScore) {
      best = profile;
      bestScore = score;
    }
  }
  return best;
}
