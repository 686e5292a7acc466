/**
 * One indicator row scored and checked: its 分值, target and actual read, the formula applied
 * (财预〔2020〕10号 附1 评分说明), the entered score checked against it, and a reason asked for
 * where points were lost or the target missed.
 */
import { toA1 } from "../grid/address";
import { cellText } from "../detect/sheetView";
import type { DetectedIndicator } from "../detect/types";
import { parseCell, parseText, type ParsedNumber } from "../values/parseValue";
import { targetInName } from "../values/operatorInName";
import { givesReason } from "../values/givesReason";
import { qualitativeGradeOf, type QualitativeGrade } from "../values/qualitativeGrade";
import type { IndicatorRule } from "../rules/ruleSet";
import type { FormIndicator } from "../report/schema";
import { usesMeasures, type IndicatorMeasure } from "./applyRuleSet";
import type { FormContext } from "./formContext";
import type { IndicatorMaxima } from "./labelMaxima";
import { quantitativeRuleOf, quantitativeScore } from "./quantitativeScore";
import { checkedEnteredScore, checkedNumber, flagFormula, readsBlank, textAt } from "./readCells";
import { round2 } from "./round";
import { parseTarget, restatesTarget, targetCellAddress, targetText } from "./target";
import { unitConversion } from "./unitScale";

/** The cells of a row's columns, absent columns left undefined (which JSON leaves out). */
function indicatorCells(form: FormContext, row: number): FormIndicator["cells"] {
  const table = form.detected.table;
  const { max, actual, score, reason } = table.columns;
  const name = table.nameColumn;
  return {
    name: name === undefined ? undefined : toA1(row, name),
    max: max === undefined ? undefined : toA1(row, max),
    target: targetCellAddress(form, row),
    actual: actual === undefined ? undefined : toA1(row, actual),
    score: score === undefined ? undefined : toA1(row, score),
    reason: reason === undefined ? undefined : toA1(row, reason),
  };
}

/** A row that says its indicator does not apply: listed, never checked, counted nowhere. */
export function notApplicableIndicator(
  form: FormContext,
  indicator: DetectedIndicator
): FormIndicator {
  const { sheet } = form;
  const columns = form.detected.table.columns;
  const row = indicator.row;
  const maxCell = columns.max !== undefined ? parseCell(sheet.cell(row, columns.max)) : null;
  const target = targetText(form, row);
  const actual = textAt(sheet, row, columns.actual);
  const reason = textAt(sheet, row, columns.reason);
  // Points typed on a row marked 不适用 are not counted (对于不适用部分评价对象的评价指标，不考核该
  // 指标): said on the score cell, so that a reviewer sees the row was given points it cannot earn.
  if (columns.score !== undefined) {
    const entered = parseCell(sheet.cell(row, columns.score));
    if (entered.kind === "number" && entered.value > 0)
      form.problems.add(toA1(row, columns.score), {
        code: "not-applicable-scored",
        subject: indicator.name,
        score: entered.value,
      });
  }
  return {
    form: form.index,
    sheet: sheet.name,
    row,
    path: indicator.path.slice(),
    name: indicator.name,
    max: maxCell && maxCell.kind === "number" ? maxCell.value : null,
    target: target === "" ? null : target,
    actual: actual === "" ? null : actual,
    score: null,
    computedScore: null,
    scoreSource: null,
    cells: indicatorCells(form, row),
    reason: reason === "" ? null : reason,
    kind: "not-applicable",
    rule: "not-applicable",
    targetMet: null,
  };
}

/**
 * Scores one indicator row of a form. `measures` receives its entry (what its formula compared,
 * for the rule set); `fromLabels` is what the labels give the row when the table has no 分值
 * column. The form's context is passed as it is, never copied per row.
 */
export function scoreIndicator(
  form: FormContext,
  indicator: DetectedIndicator,
  measures: Array<IndicatorMeasure | null>,
  fromLabels?: IndicatorMaxima
): FormIndicator {
  const { sheet, detected, profile, ruleSet, problems } = form;
  const columns = detected.table.columns;
  const row = indicator.row;
  const subject = indicator.name;
  const cells = indicatorCells(form, row);

  if (indicator.name === "" && cells.name)
    problems.add(cells.name, { code: "missing-value", field: "name", subject: "" });

  // Without a 分值 column the labels may give one: the group's own (reported), or one inferred
  // for the checks only (see labelMaxima).
  let statedMax: number | null;
  if (columns.max !== undefined) {
    const maxCell = sheet.cell(row, columns.max);
    statedMax = checkedNumber(problems, maxCell, cells.max as string, "max", subject, true, true);
  } else statedMax = fromLabels ? fromLabels.stated : null;
  const max = statedMax !== null ? statedMax : fromLabels ? fromLabels.implied : null;

  const targetCell = columns.target !== undefined ? sheet.cell(row, columns.target) : undefined;
  let target = parseTarget(form, indicator, targetCell);
  // One 指标值 cell states the target as it shows (what targetText gives without 指标性质 or 度量单位).
  let targetString =
    columns.nature === undefined && columns.unit === undefined
      ? cellText(targetCell).trim()
      : targetText(form, row);
  // A blank 年度指标值 under a name that ends with one ("年度资金支付完成率100%", 安徽 天长) is
  // not missing: the name states it, and the row is checked against it, with a note saying so.
  const named = target.kind === "empty" && cells.target ? targetInName(indicator.name) : null;
  const namedTarget = named !== null ? parseText(named) : null;
  if (named !== null && namedTarget !== null && namedTarget.kind === "number" && cells.target) {
    target = namedTarget;
    targetString = named;
    problems.add(cells.target, { code: "target-in-name", subject, target: named });
  } else if (target.kind === "empty" && cells.target)
    problems.add(cells.target, { code: "missing-value", field: "target", subject });
  if (target.kind === "error" && cells.target)
    problems.add(cells.target, { code: "formula-error", error: target.error, formula: null });

  const actualCell = columns.actual !== undefined ? sheet.cell(row, columns.actual) : undefined;
  flagFormula(actualCell, problems);
  const actual = parseCell(actualCell);
  const actualString = actualCell ? cellText(actualCell).trim() : "";
  if (actual.kind === "empty" && cells.actual && !(actualCell && actualCell.formulaNotCalculated))
    problems.add(cells.actual, { code: "missing-value", field: "actual", subject });

  const kind =
    target.kind === "number" ? "quantitative" : target.kind === "words" ? "qualitative" : null;
  let computed: number | null = null;
  let targetMet: boolean | null = null;
  let grade: QualitativeGrade | null = null;
  // The rule set is the formula's options (its negativeFormula): no object made per row.
  const formula = ruleSet;
  const rule: IndicatorRule | null =
    kind === "quantitative"
      ? quantitativeRuleOf(target as ParsedNumber, formula)
      : kind === "qualitative"
        ? "qualitative"
        : null;
  let measure: IndicatorMeasure | null = null;

  if (kind === "quantitative" && actual.kind === "words" && cells.actual) {
    problems.add(cells.actual, {
      code: "not-a-number",
      field: "actual",
      subject,
      text: actualString,
      target: targetString,
    });
  }
  if (kind === "quantitative" && actual.kind === "number") {
    const targetNumber = target as ParsedNumber;
    const scale = unitConversion(targetNumber.unit, actual.unit);
    if (scale !== null && cells.actual)
      problems.add(cells.actual, {
        code: "unit-mismatch",
        subject,
        targetUnit: targetNumber.unit as string,
        actualUnit: actual.unit as string,
      });
    const outcome = quantitativeScore(targetNumber, actual, max ?? 0, scale ?? 1, formula);
    targetMet = outcome.met;
    // Kept only for a rule set whose post-pass looks at it (the national set's does not).
    if (usesMeasures(ruleSet))
      measure = {
        rule: outcome.rule,
        goal: outcome.goal,
        reached: outcome.reached,
        percent: targetNumber.percent,
        equals: targetNumber.comparator === "=",
      };
    if (max !== null) computed = outcome.score;
  }
  if (kind === "qualitative" && actual.kind !== "empty" && actual.kind !== "error") {
    grade =
      qualitativeGradeOf(actualString) ??
      (restatesTarget(actualString, targetString) ? "achieved" : null);
    if (grade !== null) targetMet = grade === "achieved";
  }

  const scoreCell = columns.score !== undefined ? sheet.cell(row, columns.score) : undefined;
  const enteredScore =
    columns.score !== undefined
      ? checkedEnteredScore(form, scoreCell, cells.score as string, subject, max, computed)
      : null;

  let score: number | null = enteredScore !== null ? enteredScore : computed;
  const scoreSource = enteredScore !== null ? "entered" : computed !== null ? "computed" : null;
  if (
    score === null &&
    readsBlank(scoreCell) &&
    cells.score &&
    !(scoreCell && scoreCell.formulaNotCalculated)
  ) {
    problems.add(cells.score, {
      code: "missing-value",
      field: "score",
      subject,
      because: kind === "qualitative" && actual.kind !== "empty" ? "qualitative" : "inputs-missing",
    });
  }
  if (enteredScore !== null && grade !== null && max !== null && max > 0) {
    const band = profile.qualitativeBands[grade];
    const share = enteredScore / max;
    const inBand = share >= band.min - 1e-9 && (share < band.max - 1e-9 || band.max >= 1);
    if (!inBand)
      problems.add(cells.score as string, {
        code: "grade-band",
        subject,
        grade,
        score: enteredScore,
        low: round2(band.min * max),
        high: round2(band.max * max),
      });
  }

  // A form without a reason column may give one reason row for all (湖北: 偏差大或目标未完成原因分析).
  const reasonRow = columns.reason === undefined ? detected.table.reasonRow : undefined;
  const reason = reasonRow ? reasonRow.text : textAt(sheet, row, columns.reason);
  const lostPoints = score !== null && max !== null && score < max - profile.tolerance;
  if ((lostPoints || targetMet === false) && !givesReason(reason)) {
    const reasonCell =
      cells.reason ?? (reasonRow ? reasonRow.cell : undefined) ?? cells.score ?? cells.name;
    if (reasonCell)
      problems.add(reasonCell, {
        code: "reason-missing",
        subject,
        score,
        max,
        targetMissed: targetMet === false,
      });
  }
  if (score !== null) score = round2(score);
  measures.push(measure);

  return {
    form: form.index,
    sheet: sheet.name,
    row,
    path: indicator.path.slice(),
    name: indicator.name,
    max: statedMax,
    target: targetString === "" ? null : targetString,
    actual: actualString === "" ? null : actualString,
    score,
    computedScore: computed,
    scoreSource,
    cells,
    reason: reason === "" ? null : reason,
    kind,
    rule,
    targetMet,
  };
}
