import { normaliseText } from "../values/normaliseText";

// 财预〔2020〕10号 附1 项目支出绩效自评表: each 一级指标 and the 二级指标 under it.
const FIRST_LEVEL_OF: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(数量|质量|时效|成本)(指标)?/, "产出指标"],
  [/^(经济效益|社会效益|生态效益|可持续影响)(指标)?/, "效益指标"],
  [/^(服务对象满意度|社会公众满意度|满意度)(指标)?/, "满意度指标"],
];

/**
 * The 一级指标 of the national project form that a 二级指标 belongs to ("质量指标" → "产出指标"),
 * or null. For a 一级 cell that shows only its points ("（50分）", 安徽).
 */
export function firstLevelOf(secondLevel: string): string | null {
  const words = normaliseText(secondLevel);
  for (const [pattern, name] of FIRST_LEVEL_OF) if (pattern.test(words)) return name;
  return null;
}

/** True for a label that states only points: "（50分）", "(30分)". */
export function isPointsOnly(label: string): boolean {
  return /^\(\d{1,3}(\.\d{1,2})?分\)$/.test(normaliseText(label));
}
