/**
 * The total against its 满分: a form that states no 分值 at all (no 分值 column, no points in its
 * labels) is scored out of its profile's total (财预〔2020〕10号: 总分100分) and says so, since none of
 * its scores can be checked against a 分值; and a total above its 满分 is an error wherever the
 * groups' checks have not already said it.
 */
import { toA1 } from "../grid/address";
import type { ReportTotal } from "../report/schema";
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

export function checkTotalMax(form: FormContext, total: ReportTotal): void {
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
  // A labelled group above its 分值 already says where the points came from.
  if (form.problems.list().some((problem) => problem.code === "group-score-exceeds-max")) return;
  form.problems.add(totalCellOf(form), { code: "total-exceeds-max", score, max: total.max });
}
