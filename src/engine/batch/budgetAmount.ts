import type { BatchBudget } from "./types";

/**
 * A form's 全年预算数 in 万元, the unit the national form uses (财预〔2020〕10号 附1 项目资金（万元）);
 * a form that states 元 is converted. A form that states no unit is taken to be in 万元, as the
 * national template is. Null when the form has no 项目资金 line or no budget number.
 */
export function budgetInWan(budget: BatchBudget | null): number | null {
  if (!budget || budget.budget === null) return null;
  return budget.unit === "元" ? budget.budget / 10000 : budget.budget;
}

/** Any amount of the block in 万元, by the same rule. */
export function amountInWan(amount: number | null, unit: BatchBudget["unit"]): number | null {
  if (amount === null) return null;
  return unit === "元" ? amount / 10000 : amount;
}
