import type { DetectedForm } from "../../../../src/engine/detect/types";
import type { ScoreResult } from "../../../../src/engine/scoreWorkbook";

/** The indicator rows of a form as [row, path joined by "/", name], for compact assertions. */
export function indicatorRows(form: DetectedForm): Array<[number, string, string]> {
  return form.table.indicators.map((indicator) => [
    indicator.row,
    indicator.path.join("/"),
    indicator.name,
  ]);
}

/** The total rows of a form as [row, path joined by "/"] ("" for the grand total). */
export function totalRows(form: DetectedForm): Array<[number, string]> {
  return form.table.totalRows.map((total) => [total.row, total.path.join("/")]);
}

/** The problems of a scoring run as "Sheet!A1 code", sorted, for exact comparisons. */
export function problemKeys(result: ScoreResult, sheet?: string): string[] {
  return result.problems
    .filter((problem) => sheet === undefined || problem.sheet === sheet)
    .map((problem) => problem.cell + " " + problem.code)
    .sort();
}
