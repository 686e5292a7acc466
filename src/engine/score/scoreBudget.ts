/**
 * The 预算执行率 line (项目资金 / 预算执行情况 block): the rate from the amounts (财预〔2020〕10号:
 * 执行率 = 全年执行数 / 全年预算数), or as the sheet states it, and its score (执行率 × 分值, capped).
 */
import { toA1 } from "../grid/address";
import type { DetectedBudgetBlock } from "../detect/types";
import { parseCell } from "../values/parseValue";
import type { ReportBudget } from "../report/schema";
import type { FormContext } from "./formContext";
import { flagFormula, readEnteredScore, readNumber } from "./readCells";
import { round2 } from "./round";

/** Half a percentage point: a rate rounded to a whole percent still agrees. */
const RATE_TOLERANCE = 0.005 + 1e-9;

export function scoreBudget(form: FormContext, block: DetectedBudgetBlock): ReportBudget {
  const { sheet, profile, problems } = form;
  const row = block.totalRow;
  const columns = block.columns;
  const subject = "预算执行率";
  const address = (column: number | undefined): string | undefined =>
    column === undefined ? undefined : toA1(row, column);
  const cells: ReportBudget["cells"] = {
    initialBudget: address(columns.initialBudget),
    budget: address(columns.budget),
    executed: address(columns.executed),
    max: address(columns.max),
    rate: address(columns.rate),
    score: address(columns.score),
  };
  // Absent columns stay undefined, which JSON leaves out.

  const amount = { row, subject, required: true, nonNegative: true };
  // 全年预算数 is the base (财预〔2020〕10号: 执行率 = 全年执行数 / 全年预算数); a department funds
  // block that states only 年初预算数(A) and 全年执行数(B) divides by A.
  const baseField = columns.budget !== undefined ? "budget" : "initialBudget";
  const baseColumn = columns.budget !== undefined ? columns.budget : columns.initialBudget;
  const baseCell = address(baseColumn);
  const budget = readNumber(form, { ...amount, column: baseColumn, field: baseField }).value;
  const executed = readNumber(form, {
    ...amount,
    column: columns.executed,
    field: "executed",
  }).value;
  // Otherwise 年初预算数 only informs the narrative; the 年度资金总额 checks look at it elsewhere.
  const initialParsed =
    columns.initialBudget !== undefined ? parseCell(sheet.cell(row, columns.initialBudget)) : null;
  const initialBudget =
    initialParsed && initialParsed.kind === "number" ? initialParsed.value : null;
  const statedMax =
    columns.max !== undefined
      ? readNumber(form, { ...amount, column: columns.max, field: "max", required: false })
      : null;
  // A block without a 分值 cell weighs what its header says ("预算执行情况（万元）（20分）",
  // 湖北), else what the profile says (财预〔2020〕10号: 10 分).
  const max =
    statedMax && statedMax.value !== null
      ? statedMax.value
      : block.statedMax
        ? block.statedMax.value
        : profile.budget
          ? profile.budget.weight
          : null;
  const rateCell = columns.rate !== undefined ? sheet.cell(row, columns.rate) : undefined;
  if (rateCell) flagFormula(rateCell, problems);

  let rate: number | null = null;
  let computed: number | null = null;
  if (budget !== null && executed !== null) {
    // A budget too small to divide by (1e-320 万元) is as good as none.
    if (!isFinite(executed / budget)) {
      problems.add(baseCell as string, {
        code: "missing-value",
        field: baseField,
        subject,
        because: "budget-zero",
      });
    } else {
      rate = executed / budget;
      if (max !== null) computed = round2(Math.min(1, rate) * max);
    }
  }
  // The 执行率 the sheet states, a bare number in a % column being percent ("20" meaning 20 %; a
  // number formatted as a percentage is already a fraction).
  const stated = parseCell(rateCell);
  const statedRate =
    stated.kind === "number" && stated.value >= 0
      ? !stated.percent && (block.ratePercent || stated.value > 1.5)
        ? stated.value / 100
        : stated.value
      : null;
  if (rate === null && statedRate !== null) {
    // No rate from the amounts: the stated one is scored.
    rate = statedRate;
    if (max !== null) computed = round2(Math.min(1, statedRate) * max);
  } else if (rate !== null && statedRate !== null && budget !== null && executed !== null) {
    // A stated rate the amounts contradict ("95%" beside 60 / 60) is a typo or a stale number: the
    // amounts are scored (执行率 = 全年执行数 / 全年预算数), and the cell is said. Rounding to a whole
    // percent, a rate capped at 100 %, or one over 年初预算数 are no contradiction.
    const agrees = (value: number): boolean => Math.abs(value - statedRate) <= RATE_TOLERANCE;
    const overInitial =
      initialBudget !== null && initialBudget > 0 ? executed / initialBudget : null;
    if (
      !agrees(rate) &&
      !(rate > 1 && agrees(1)) &&
      !(overInitial !== null && agrees(overInitial)) &&
      cells.rate
    )
      problems.add(cells.rate, {
        code: "rate-mismatch",
        stated: statedRate,
        computed: rate,
        budget,
        executed,
      });
  }

  const entered = readEnteredScore(form, { row, column: columns.score, subject, max, computed });
  const enteredScore = entered.value;
  const score = enteredScore !== null ? enteredScore : computed;
  if (score === null && entered.parsed.kind === "empty" && cells.score && rate === null)
    problems.add(cells.score, {
      code: "missing-value",
      field: "score",
      subject,
      because: "inputs-missing",
    });

  return {
    sheet: sheet.name,
    row,
    max,
    amounts: { initialBudget, budget, executed },
    unit: block.unit ?? null,
    rate: rate === null ? null : Number(rate.toPrecision(12)),
    score,
    computedScore: computed,
    scoreSource: enteredScore !== null ? "entered" : computed !== null ? "computed" : null,
    rule: "budget",
    cells,
  };
}
