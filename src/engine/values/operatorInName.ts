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
