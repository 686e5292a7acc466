import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { BUDGET_HEADER, PROJECT_HEADER } from "../../helpers/templateHeaders";

export const PROJECT_SHEET = "项目自评表";

/**
 * A small 项目支出绩效自评表 whose 预算执行率 is 65 % (65 of 100 万元), worked out by hand:
 * - 预算执行率 65 % × 10 = 6.5 (row 3);
 * - 培训人次 100 of ≥100 → 50 (row 5); 满意度 95 % of ≥90 % → 30 (row 6);
 * - 新增就业岗位 "/" does not apply (row 7, 分值 10): dropped, the rest rescaled —
 *   6.5 + 50 + 30 = 86.5 of an applicable 90 → 86.5 / 90 × 100 = 96.11;
 * - national: 96.11 → 优;
 * - yitihua (预算管理一体化平台): a rate of 60–70 % allows at most 79 → 79 (uncapped 96.11) → 中,
 *   an execution-cap error on the 执行率 cell G3.
 */
export const LOW_EXECUTION_ROWS: ReadonlyArray<ReadonlyArray<string | number | null>> = [
  ["2024年度项目支出绩效自评表"],
  BUDGET_HEADER,
  [null, "年度资金总额", 100, 100, 65, 10, "65%", 6.5],
  PROJECT_HEADER,
  ["产出指标", "数量指标", "培训人次", "≥100人次", "100人次", 50, 50, null],
  ["效益指标", "满意度指标", "满意度", "≥90%", "95%", 30, 30, null],
  ["效益指标", "经济效益指标", "新增就业岗位", "/", "/", 10, null, null],
];

export function lowExecutionWorkbook() {
  return workbookOf(sheetFromRows(PROJECT_SHEET, LOW_EXECUTION_ROWS));
}

export const UNREAD_SHEET = "自评表";

/**
 * A table whose 分值 and 得分 are headed in words the tool does not know (权数, 结果): the header
 * is found (一级指标=A … 实际完成值=E) but it has no 得分 and no 分值 column, so no form is read
 * until the user names them (分值=F, 自评得分=G). Then, by hand: 培训人次 80 of ≥100 entered 40 of
 * 50; 满意度 95 % of ≥90 % 50 of 50 → 90 → 优.
 */
export const UNREADABLE_ROWS: ReadonlyArray<ReadonlyArray<string | number | null>> = [
  ["2024年度项目支出绩效自评表"],
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "权数", "结果", "说明"],
  ["产出指标", "数量指标", "培训人次", "≥100人次", "80人次", 50, 40, "疫情影响"],
  ["效益指标", "满意度指标", "满意度", "≥90%", "95%", 50, 50, null],
];

export function unreadableWorkbook() {
  return workbookOf(sheetFromRows(UNREAD_SHEET, UNREADABLE_ROWS));
}
