import { normaliseText } from "../values/normaliseText";
import type { BudgetColumnRole, IndicatorColumnRole } from "./types";

// Checked in order: the specific words first, so that "自评得分" is a score and not a weight,
// and "实际完成值" an actual and not a target.
const INDICATOR_HEADER_WORDS: ReadonlyArray<readonly [IndicatorColumnRole, RegExp]> = [
  // "一级" alone under a "绩效指标" group cell.
  ["level1", /一级指标|^一级$/],
  ["level2", /二级指标|^二级$/],
  ["level3", /三级指标|^三级$/],
  ["nature", /^指标性质$|^性质$|^符号$/],
  ["unit", /^(度量|计量)单位|^单位$/],
  // "扣分原因", "原因说明" as well as "偏差原因分析及改进措施" and "未完成原因分析".
  ["reason", /偏差|原因|改进措施|情况说明/],
  ["score", /得分|评分/],
  ["max", /分值|权重|满分|标准分/],
  ["actual", /实际完成|完成值|实际值|实际执行值|完成情况|全年实际/],
  ["target", /指标值|目标值|预期值|计划值|年度目标|绩效目标值|指标标准/],
  ["name", /^指标名称|^绩效指标名称|^具体指标|^指标内容|^指标$/],
];

// Columns that describe how to score ("评分标准", "评分依据"…) hold text, never the score.
const NOT_A_ROLE = /^(评分|计分|打分)(标准|依据|方法|办法|细则|说明|规则)/;

/** The role a header cell names in an indicator table, or null. */
export function indicatorRoleOf(text: string): IndicatorColumnRole | null {
  const words = normaliseText(text);
  if (words === "" || words.length > 20) return null;
  if (NOT_A_ROLE.test(words)) return null;
  for (const [role, pattern] of INDICATOR_HEADER_WORDS) {
    if (pattern.test(words)) return role;
  }
  return null;
}

const BUDGET_HEADER_WORDS: ReadonlyArray<readonly [BudgetColumnRole, RegExp]> = [
  ["initialBudget", /年初预算/],
  ["rate", /执行率/],
  ["executed", /执行数|实际支出|执行金额|支出数/],
  ["budget", /预算数|调整后预算|全年预算/],
  ["max", /分值|权重/],
  ["score", /得分/],
];

/** The role a header cell names in a 项目资金 block, or null. */
export function budgetRoleOf(text: string): BudgetColumnRole | null {
  const words = normaliseText(text);
  if (words === "" || words.length > 20) return null;
  for (const [role, pattern] of BUDGET_HEADER_WORDS) {
    if (pattern.test(words)) return role;
  }
  return null;
}

// "总分（满分100分）", "合计(分)" and "合计：" too.
const GRAND_TOTAL =
  /^(合计|总计|总分|总得分|合计得分|得分合计|分值合计|总体得分|综合得分|综合评分)(\([^)]*\))?[:：]?$/;
const SUBTOTAL = /小计/;

/** "grand" for a 合计/总分 label, "subtotal" for a 小计 label, null otherwise. */
export function totalLabelKind(text: string): "grand" | "subtotal" | null {
  const words = normaliseText(text);
  if (GRAND_TOTAL.test(words)) return "grand";
  if (words.length <= 12 && SUBTOTAL.test(words)) return "subtotal";
  return null;
}

// Numbering in front of a text row's label: "一、", "（二）", "3.", "①".
const NUMBERING = "(\\(?[一二三四五六七八九十]{1,3}[)、.]|\\(?\\d{1,2}[)、.]|[\\u2460-\\u2473])?";
const TRAILING_WORDS =
  "评价结论|自评结论|结论|总体评价|综合评价|存在问题|主要问题|存在的问题|存在的主要问题|" +
  "改进措施|整改措施|下一步改进措施|下一步工作|下一步工作计划|改进建议|意见建议|工作建议|主要经验|经验做法|" +
  "主要经验及做法|说明|备注|其他说明|其他需要说明的问题|其他需要说明的事项|注|附注|填表说明|" +
  "填表人|填报人|制表人|联系人|联系电话|审核人|复核人|负责人|单位负责人|财务负责人|部门负责人|项目负责人|" +
  "分管领导|填报日期|填表日期|日期";
// The label, an optional "（签字）", then the end, a colon, or "及/和/与/、" joining a second
// label ("存在的主要问题及原因分析：…"). A word that merely starts with a label ("说明书编制")
// is not one.
const TRAILING_LABEL = new RegExp(
  "^" + NUMBERING + "(" + TRAILING_WORDS + ")(\\([^)]{0,10}\\))?($|[:：]|[及和与、])"
);

/** True for the labels of text rows that follow a table (评价结论, 存在问题, 填表人…). */
export function isTrailingLabel(text: string): boolean {
  return TRAILING_LABEL.test(normaliseText(text));
}

// What opens a form: its title, its "（2024年度）" line, and the labels of the lines above the
// indicator table (项目名称, 主管部门, 项目资金（万元）, 年度总体目标…).
const FORM_TITLE = /(自评|评价)(情况)?表/;
const YEAR_LINE = /^\(?20\d{2}年度?\)?$/;
const FORM_INFO_LABEL =
  /^(项目名称|主管部门|实施单位|填报单位|部门名称|单位名称|预算单位|部门\(单位\)名称|项目资金|年度(总体|整体)(绩效)?目标)(\([^)]{0,10}\))?($|[:：])/;

/**
 * True when the own texts of a row open a form (a title or year line standing alone, or a form
 * info label first): a table above it has ended.
 */
export function isFormOpening(texts: readonly string[]): boolean {
  if (texts.length === 0) return false;
  const first = normaliseText(texts[0]);
  if (FORM_INFO_LABEL.test(first)) return true;
  if (texts.length !== 1 || first.length > 40) return false;
  return FORM_TITLE.test(first) || YEAR_LINE.test(first);
}

/** True for a form's title text ("2024年度部门整体支出绩效自评表"). */
export function isFormTitle(text: string): boolean {
  return FORM_TITLE.test(normaliseText(text));
}
