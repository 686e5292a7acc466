/**
 * The weights a form sets, checked: its 分值 add up to the profile's total (财预〔2020〕10号: 总分
 * 100), and on a form whose maxima are only in labels, no labelled group scores above its 分值.
 */
import { toA1 } from "../grid/address";
import type { FormIndicator, ReportBudget } from "../report/schema";
import type { FormContext } from "./formContext";
import { pathKey } from "./labelMaxima";
import { round2, sum2 } from "./round";

/** The 分值 of the rows and the 预算执行率 line add up to the profile's total. */
export function checkWeightsTotal(
  form: FormContext,
  indicators: readonly FormIndicator[],
  budget: ReportBudget | null
): void {
  const { sheet, profile } = form;
  // The weights as the table sets them: a row that does not apply keeps the 分值 it states (a
  // "/" there states none). A row struck out as not applicable ("/" as its 分值) takes its weight
  // with it: the rest then add up to less than 100 by design, and the total is rescaled (不考核该
  // 指标，用适用指标得分汇总后按百分制折算). Only more than 100 is still wrong.
  let struckOut = false;
  let weighted = 0;
  // Added in the rows' order, then the budget line's (as sum2 adds a list), in one pass.
  let total = 0;
  for (let i = 0; i < indicators.length; i++) {
    const indicator = indicators[i];
    if (indicator.kind === "not-applicable" && indicator.max === null) {
      struckOut = true;
      continue;
    }
    // Only a full set of weights can be checked; a missing one is already its own problem.
    if (indicator.max === null) return;
    weighted++;
    total += indicator.max;
  }
  if (weighted === 0) return;
  if (budget && budget.max === null) return;
  if (budget) total += budget.max as number;
  const sum = round2(total);
  if (
    struckOut
      ? sum <= profile.totalMax + profile.tolerance
      : Math.abs(sum - profile.totalMax) <= profile.tolerance
  )
    return;
  const table = form.detected.table;
  const maxColumn = table.columns.max as number;
  const grand = table.totalRows.find((total) => total.path.length === 0);
  const cell =
    grand && sheet.cell(grand.row, maxColumn)
      ? toA1(grand.row, maxColumn)
      : toA1(table.headerTop, maxColumn);
  form.problems.add(cell, { code: "weights-total", sum, expected: profile.totalMax });
}

/**
 * The entered scores of a labelled group may not add up to more than its 分值 (财预〔2020〕10号:
 * 得分最高不能超过该指标分值): one problem on the label that states it.
 */
export function checkGroupMaxima(form: FormContext, indicators: readonly FormIndicator[]): void {
  for (const group of form.detected.table.groupMaxima) {
    const members = indicators.filter(
      (indicator) =>
        indicator.path.length >= group.path.length &&
        pathKey(indicator.path.slice(0, group.path.length)) === pathKey(group.path)
    );
    const scores = members
      .map((indicator) => indicator.score)
      .filter((s): s is number => s !== null);
    if (scores.length === 0) continue;
    const sum = sum2(scores);
    if (sum > group.max + form.profile.tolerance)
      form.problems.add(group.cell, {
        code: "group-score-exceeds-max",
        group: group.path.join("/"),
        score: sum,
        max: group.max,
      });
  }
}
