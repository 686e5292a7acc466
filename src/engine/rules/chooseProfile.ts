import type { DetectedForm } from "../detect/types";
import { normaliseText } from "../values/normaliseText";
import { PROFILES, type Profile, type ProfileId } from "./profile";

/** How much each kind of evidence weighs. */
const TITLE_WORD = 3;
const TOP_LEVEL_WORD = 2;
/** The funds block names its kind ("部门整体支出总额", "项目资金（万元）"): the strongest sign. */
const FUNDS_WORD = 6;
/** A funds block that names no kind: the national 项目支出 form has one, department forms seldom. */
const ANY_FUNDS_BLOCK = 3;
const SHEET_WORD = 2;
const PROJECT_NAME = 2;

/**
 * Picks the profile a form was built for, from what the sheet says: its title, its top-level
 * categories, the labels of its funds block (湖北's 部门整体支出绩效自评表 has a 预算执行情况 block
 * whose total is "部门整体支出总额"), the other words of its opening lines ("基本支出总额") and
 * whether it names a project; `override` (the user's --profile) wins. 产出/效益/满意度 指标 are
 * weak evidence: 湖北's department forms use them too.
 */
export function chooseProfile(
  form: DetectedForm,
  topLevelNames: readonly string[],
  override?: ProfileId
): Profile {
  if (override) return PROFILES[override];
  const title = normaliseText(form.info.title ?? "");
  const opening = form.info.openingText;
  const funds = form.budget ? form.budget.label : "";
  const seen: Record<string, true> = {};
  const names = topLevelNames
    .map(normaliseText)
    .filter((name) => (seen[name] ? false : (seen[name] = true)));
  const ids = ["department", "project"] as const;
  const fundsNamed = ids.some((id) =>
    (PROFILES[id].detection.fundsWords ?? []).some((word) => funds.indexOf(word) >= 0)
  );
  let best: Profile = PROFILES.project;
  let bestScore = -1;
  for (const id of ids) {
    const profile = PROFILES[id];
    const detection = profile.detection;
    let score = 0;
    for (const word of detection.titleWords) if (title.indexOf(word) >= 0) score += TITLE_WORD;
    for (const word of detection.topLevelWords)
      if (names.some((name) => name.indexOf(word) >= 0)) score += TOP_LEVEL_WORD;
    if ((detection.fundsWords ?? []).some((word) => funds.indexOf(word) >= 0)) score += FUNDS_WORD;
    for (const word of detection.sheetWords ?? [])
      if (opening.indexOf(word) >= 0) score += SHEET_WORD;
    if (id === "project" && form.budget && !fundsNamed) score += ANY_FUNDS_BLOCK;
    if (id === "project" && form.info.projectName) score += PROJECT_NAME;
    if (score > bestScore) {
      best = profile;
      bestScore = score;
    }
  }
  return best;
}
