import { normaliseText } from "../values/normaliseText";

/** The kinds of label a row of a form states: totals, the text rows after a table, a form's opening lines. */

// "总分（满分100分）", "合计(分)" and "合计：" too.
const GRAND_TOTAL =
  /^(合计|总计|总分|总得分|合计得分|得分合计|分值合计|总体得分|综合得分|综合评分)(\([^)]*\))?[:：]?$/;
const SUBTOTAL = /小计/;

/** "grand" for a 合计/总分 label, "subtotal" for a 小计 label, null otherwise. */
export function totalLabelKind(text: string): "grand" | "subtotal" | null {
  // Every such label holds 计 or 分, and normalising makes neither: most cells are passed over
  // without normalising them again or trying the patterns.
  if (text.indexOf("计") < 0 && text.indexOf("分") < 0) return null;
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
  "主要经验及做法|说明|备注|其他说明|其他需要说明的问题|其他需要说明的事项|其他需要说明事项|其他说明事项|注|附注|填表说明|" +
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
 * info label first): a table above it has ended. Takes the row's texts' normalised words.
 */
export function isFormOpening(words: readonly string[]): boolean {
  if (words.length === 0) return false;
  return opensForm(words[0], words.length === 1);
}

/** isFormOpening for a row whose first text's words are `first`, `alone` when it is its only text. */
export function opensForm(first: string, alone: boolean): boolean {
  if (FORM_INFO_LABEL.test(first)) return true;
  if (!alone || first.length > 40) return false;
  return FORM_TITLE.test(first) || YEAR_LINE.test(first);
}

/** True for a form's title text ("2024年度部门整体支出绩效自评表"). */
export function isFormTitle(text: string): boolean {
  return FORM_TITLE.test(normaliseText(text));
}
