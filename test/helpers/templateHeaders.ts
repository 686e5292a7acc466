/** The header row of a 部门整体支出绩效自评表 (seed layout): 分值 before the target. */
export const DEPARTMENT_HEADER = [
  "一级指标",
  "二级指标",
  "三级指标",
  "分值",
  "年度指标值",
  "实际完成值",
  "自评得分",
  "偏差原因分析及改进措施",
];

/** The indicator header of the national 项目支出绩效自评表 (附1): targets before 分值. */
export const PROJECT_HEADER = [
  "一级指标",
  "二级指标",
  "三级指标",
  "年度指标值",
  "实际完成值",
  "分值",
  "得分",
  "偏差原因分析及改进措施",
];

/** The header row of the 项目资金 block of the national 项目支出绩效自评表 (附1). */
export const BUDGET_HEADER = [
  "项目资金（万元）",
  null,
  "年初预算数",
  "全年预算数",
  "全年执行数",
  "分值",
  "执行率",
  "得分",
];
