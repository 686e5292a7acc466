import type { IndicatorColumnRole } from "./types";

/** Each role by the name the national forms give its column: what the user reads and may type. */
export const ROLE_LABELS: Readonly<Record<IndicatorColumnRole, string>> = {
  level1: "一级指标",
  level2: "二级指标",
  level3: "三级指标",
  name: "指标名称",
  nature: "指标性质",
  target: "年度指标值",
  unit: "度量单位",
  actual: "实际完成值",
  max: "分值",
  score: "自评得分",
  reason: "偏差原因",
};
