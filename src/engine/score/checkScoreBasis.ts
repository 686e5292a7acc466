/**
 * What a form's total rests on, checked: its 分值 and its 自评得分 column. A form that states no
 * 分值 at all (no 分值 column, no points in its labels) is scored out of its profile's total
 * (财预〔2020〕10号: 总分100分) and says so, since none of its scores can be checked against a
 * 分值; a total above its 满分 is an error wherever the groups' checks have not already said it;
 * and scores left undetermined for want of a 自评得分 column are said, not left blank.
 */
import { toA1 } from "../grid/address";
import type { FormIndicator, ReportTotal } from "../report/schema";
import type { FormContext } from "./formContext";

/** Where a problem with the whole total is shown: the 合计/总分 row's score cell, else the header. */
function totalCellOf(form: FormContext): string {
  const table = form.detected.table;
  const grand = table.totalRows.find((total) => total.path.length === 0);
  const column = table.columns.score;
  if (grand && column !== undefined) return toA1(grand.row, column);
  const first = table.decisions.length > 0 ? table.decisions[0].column : 1;
  return toA1(table.headerTop, first);
}

/**
 * Scores that stay undetermined because the table has no 自评得分 column at all (its header was
 * not recognised: "分数" once, "打分情况"…): each would otherwise be blank without a word, and the
 * total silently short. One problem on the header names them and how to point to the column.
 */
export function checkScoreColumn(form: FormContext, indicators: readonly FormIndicator[]): void {
  const table = form.detected.table;
  if (table.columns.score !== undefined) return;
  const undetermined = indicators.filter(
    (indicator) => indicator.kind !== "not-applicable" && indicator.score === null
  );
  if (undetermined.length === 0) return;
  const first = table.decisions.length > 0 ? table.decisions[0].column : 1;
  form.problems.add(toA1(table.headerTop, first), {
    code: "score-column-missing",
    count: undetermined.length,
    subject: undetermined[0].name,
  });
}

export function checkTotalMax(
  form: FormContext,
  total: ReportTotal,
  indicators: readonly FormIndicator[]
): void {
  const table = form.detected.table;
  if (table.maxSource === "none" && table.indicators.length > 0) {
    const first = table.decisions.length > 0 ? table.decisions[0].column : 1;
    form.problems.add(toA1(table.headerTop, first), {
      code: "maxima-unknown",
      totalMax: total.max,
    });
  }
  // The plain sum, before any rescaling or cap: what the unit's scores add up to.
  const score = total.unscaled !== undefined ? null : (total.uncapped ?? total.score);
  if (score === null || score <= total.max + form.profile.tolerance) return;
  // A 分值 left blank in a 分值 column is said on its cell; the 满分 here lacks it, so the scores,
  // each within its own 分值, would pass it without being wrong.
  const blankMax = indicators.some(
    (indicator) => indicator.kind !== "not-applicable" && indicator.max === null
  );
  if (table.maxSource === "column" && blankMax) return;
  // A labelled group above its 分值 already says where the points came from.
  if (form.problems.list().some((problem) => problem.code === "group-score-exceeds-max")) return;
  form.problems.add(totalCellOf(form), { code: "total-exceeds-max", score, max: total.max });
}
