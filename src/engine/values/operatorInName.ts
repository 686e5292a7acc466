import type { Comparator } from "./parseValue";
import { normaliseText } from "./normaliseText";

// "仓储用房（≥**平方米）", "培训人数(≥100人)", "群众满意度（不低于**%）": the name states the
// operator and unit, the 指标值 cell only the number.
const IN_BRACKETS =
  /\((≥|≤|>|<|=|不低于|不少于|不小于|大于等于|不超过|不高于|不大于|小于等于)[^)]*?([%‰]|[\u4e00-\u9fa5]{1,4})?\)$/;

const COMPARATORS: Readonly<Record<string, Comparator>> = {
  "≥": ">=",
  "≤": "<=",
  ">": ">",
  "<": "<",
  "=": "=",
  不低于: ">=",
  不少于: ">=",
  不小于: ">=",
  大于等于: ">=",
  不超过: "<=",
  不高于: "<=",
  不大于: "<=",
  小于等于: "<=",
};

/**
 * The operator (and unit) an indicator's name states in brackets at its end, for a target cell
 * that holds a bare number; null when the name states none.
 */
export function operatorInName(
  name: string
): { comparator: Comparator; unit: string | null; percent: boolean } | null {
  const match = IN_BRACKETS.exec(normaliseText(name));
  if (!match) return null;
  const unit = match[2] ?? null;
  const percent = unit === "%" || unit === "‰";
  return { comparator: COMPARATORS[match[1]], unit: percent ? null : unit, percent };
}

// "年度资金支付完成率100%", "按时开工率≥95%", "培训人次不少于200人次": a target written at the end of
// the name, after its words. A bare number with a unit ("第1季度", "2024年") is no target: it
// takes a percent or an operator before the number.
const OPERATORS = "≥|≤|>|<|=|不低于|不少于|不小于|大于等于|不超过|不高于|不大于|小于等于|达到";
const PERCENT_AT_END = new RegExp(
  "[\\u4e00-\\u9fa5A-Za-z)](\\s*(?:" + OPERATORS + ")?\\s*\\d+(?:\\.\\d+)?\\s*[%‰])$"
);
const COMPARED_AT_END = new RegExp(
  "[\\u4e00-\\u9fa5A-Za-z)](\\s*(?:" +
    OPERATORS +
    ")\\s*\\d+(?:\\.\\d+)?\\s*[\\u4e00-\\u9fa5]{0,4})$"
);

/**
 * The target an indicator's name states at its end ("年度资金支付完成率100%" → "100%"), for a row
 * whose 年度指标值 cell is blank (安徽 天长); null when the name ends in no target.
 */
export function targetInName(name: string): string | null {
  const text = normaliseText(name).trim();
  const match = PERCENT_AT_END.exec(text) ?? COMPARED_AT_END.exec(text);
  return match ? match[1].trim() : null;
}
