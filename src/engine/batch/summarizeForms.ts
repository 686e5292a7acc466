import type { SheetGrid, WorkbookGrid } from "../grid/types";
import type { DetectedForm } from "../detect/types";
import { parseCell } from "../values/parseValue";
import type { ScoreResult } from "../scoreWorkbook";
import type { ScoredForm } from "../score/scoreForm";
import type { Problem } from "../validate/problem";
import { RATING_WORDS, statedRatingWords } from "../score/statedRating";
import { ALERT_CODES } from "./alertCodes";
import type { BatchBudget, BatchForm, BatchProblem } from "./types";

/** How many problems the 汇总表 spells out per form; the 问题清单 has them all. */
const MAIN_PROBLEMS = 3;

const SEVERITY_ORDER: Readonly<Record<string, number>> = { error: 0, warning: 1, info: 2 };

/**
 * A workbook's forms and problems as the batch lists them, from its scoring result and the grid
 * it was scored from (for what the sheet itself states: its 合计, its 评级, its money unit). The
 * numbers are the scoring result's own, so they equal what `selfeval score` reports for the file.
 */
export function summarizeForms(
  result: ScoreResult,
  grid: WorkbookGrid
): { forms: BatchForm[]; problems: BatchProblem[] } {
  const sheets = new Map(grid.sheets.map((sheet) => [sheet.name, sheet]));
  const forms: BatchForm[] = [];
  const problems: BatchProblem[] = [];
  result.forms.forEach((form, index) => {
    const sheet = sheets.get(form.summary.sheet);
    const list = form.problems.list();
    forms.push(summarizeForm(form, sheet, list));
    for (const problem of list)
      problems.push({
        form: index,
        sheet: problem.sheet,
        cell: problem.cell,
        subject: subjectOf(problem),
        code: problem.code,
        severity: problem.severity,
        message: problem.message,
      });
  });
  return { forms, problems };
}

function summarizeForm(form: ScoredForm, sheet: SheetGrid | undefined, list: Problem[]): BatchForm {
  const summary = form.summary;
  const counts: Record<string, number> = {};
  const alerts: string[] = [];
  let errors = 0;
  let warnings = 0;
  let notices = 0;
  for (const problem of list) {
    // Severity is read as a string: rule sets add "info", which is no fault and is only counted.
    const severity: string = problem.severity;
    if (severity === "error") errors++;
    else if (severity === "warning") warnings++;
    else {
      notices++;
      continue;
    }
    counts[problem.code] = (counts[problem.code] || 0) + 1;
    if (ALERT_CODES.indexOf(problem.code) >= 0 && alerts.indexOf(problem.code) < 0)
      alerts.push(problem.code);
  }
  const mainProblems = list
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => severityRank(a.problem) - severityRank(b.problem) || a.order - b.order)
    .slice(0, MAIN_PROBLEMS)
    .map((entry) => entry.problem.message);
  const budget: BatchBudget | null = summary.budget
    ? {
        budget: summary.budget.amounts.budget,
        executed: summary.budget.amounts.executed,
        rate: summary.budget.rate,
        unit: summary.budget.unit,
      }
    : null;
  return {
    sheet: summary.sheet,
    title: summary.title,
    unitName: summary.unitName,
    projectName: summary.projectName,
    kind: summary.profile,
    year: summary.year,
    budget,
    total: { score: summary.total.score, max: summary.total.max, complete: summary.total.complete },
    rating: summary.rating,
    statedTotal: sheet ? statedTotalOf(sheet, form.detected) : null,
    statedRating: statedRatingOf(form.detected),
    errors,
    warnings,
    notices,
    alerts,
    problemCounts: counts,
    mainProblems,
  };
}

function severityRank(problem: Problem): number {
  const rank = SEVERITY_ORDER[problem.severity as string];
  return rank === undefined ? 3 : rank;
}

/** The indicator or line a problem is about, from its facts; "" when about the whole form. */
function subjectOf(problem: Problem): string {
  const facts = problem.facts as unknown as { subject?: unknown; label?: unknown };
  if (typeof facts.subject === "string") return facts.subject;
  if (typeof facts.label === "string") return facts.label;
  return "";
}

/** The number in the 合计/总分 row's score cell, as the sheet holds it (a formula's cached result). */
export function statedTotalOf(sheet: SheetGrid, detected: DetectedForm): number | null {
  const column = detected.table.columns.score;
  const grand = detected.table.totalRows.find((total) => total.path.length === 0);
  if (column === undefined || !grand) return null;
  const parsed = parseCell(sheet.cell(grand.row, column));
  return parsed.kind === "number" && !parsed.percent ? parsed.value : null;
}

/** The 评级 the sheet states, as a rating word when it reads as one, else as written. */
export function statedRatingOf(detected: DetectedForm): string | null {
  const stated = detected.info.statedRating;
  if (!stated) return null;
  const words = statedRatingWords(stated.text);
  if (words === "") return null;
  return RATING_WORDS[words] || stated.text.trim();
}
