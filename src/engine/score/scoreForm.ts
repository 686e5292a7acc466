import type { GridCell, SheetGrid } from "../grid/types";
import { toA1 } from "../grid/address";
import type { DetectedForm, DetectedIndicator, GroupMaximum } from "../detect/types";
import { cellText } from "../detect/sheetView";
import { parseCell, parseText, type ParsedNumber, type ParsedValue } from "../values/parseValue";
import { normaliseText } from "../values/normaliseText";
import { givesReason } from "../values/givesReason";
import { qualitativeGradeOf, type QualitativeGrade } from "../values/qualitativeGrade";
import type { Profile } from "../rules/profile";
import { DEFAULT_RULE_SET } from "../rules/ruleSets";
import type { IndicatorRule, RuleSet } from "../rules/ruleSet";
import type { ReportBudget, ReportForm, FormGroup, FormIndicator } from "../report/schema";
import type { FieldName } from "../validate/problem";
import { ProblemCollector } from "../validate/problemCollector";
import { operatorInName } from "../values/operatorInName";
import { oneLine } from "../values/oneLine";
import { totalLabelKind } from "../detect/rowLabels";
import { indicatorMaxima, labelledGroupOf, pathKey, type IndicatorMaxima } from "./labelMaxima";
import { quantitativeRuleOf, quantitativeScore } from "./quantitativeScore";
import { applyRuleSet, type IndicatorMeasure, type RuleEffects } from "./applyRuleSet";
import { round2, sum2 } from "./round";
import { unitConversion } from "./unitScale";

/** One form, scored and checked. */
export interface ScoredForm {
  readonly detected: DetectedForm;
  readonly profile: Profile;
  /** The bureau's rules it was scored by. */
  readonly ruleSet: RuleSet;
  /** What the rule set did: caps, rescaling, deviations… */
  readonly effects: RuleEffects;
  readonly summary: ReportForm;
  readonly groups: readonly FormGroup[];
  readonly indicators: readonly FormIndicator[];
  readonly problems: ProblemCollector;
}

interface NumberReading {
  /** The number, or null when blank, not a number or an error (a problem was recorded). */
  readonly value: number | null;
  readonly parsed: ParsedValue;
}

/**
 * Scores one detected form by its profile (the kind of form) and a bureau's rule set, and
 * records every problem on its cell: each indicator, the 预算执行率 line, the sub-score of every
 * level, the total and the rating.
 */
export function scoreForm(
  sheet: SheetGrid,
  detected: DetectedForm,
  profile: Profile,
  ruleSet: RuleSet = DEFAULT_RULE_SET
): ScoredForm {
  const problems = new ProblemCollector(sheet.name);
  const table = detected.table;
  // Without a 分值 column, the labels' maxima: a first reading (problems dropped) tells which
  // scores were entered and which targets met, for what the labels let the engine infer.
  const byLabels = table.maxSource === "labels";
  const maxima = byLabels
    ? indicatorMaxima(
        detected,
        table.indicators.map((indicator) =>
          indicator.notApplicable
            ? notApplicableIndicator(sheet, detected, indicator)
            : scoreIndicator({
                sheet,
                detected,
                indicator,
                profile,
                ruleSet,
                problems: new ProblemCollector(sheet.name),
                measures: [],
              })
        ),
        profile.tolerance
      )
    : null;
  const measures: Array<IndicatorMeasure | null> = [];
  const scored = table.indicators.map((indicator) => {
    if (!indicator.notApplicable)
      return scoreIndicator({
        sheet,
        detected,
        indicator,
        profile,
        ruleSet,
        problems,
        measures,
        fromLabels: maxima ? maxima.get(indicator.row) : undefined,
      });
    measures.push(null);
    return notApplicableIndicator(sheet, detected, indicator);
  });
  const budget = detected.budget ? scoreBudget(sheet, detected, profile, problems) : null;
  const scoredApplicable = scored.filter((indicator) => indicator.kind !== "not-applicable");
  const ruled = applyRuleSet({
    sheet,
    detected,
    profile,
    ruleSet,
    indicators: scored,
    measures,
    budget,
    problems,
    // A labels-only form's total weighs its labelled groups, not its indicators' (unknown) maxima.
    indicatorMaxima: byLabels
      ? labelledTotalMaxima(table.groupMaxima, scoredApplicable)
      : undefined,
  });
  const indicators = ruled.indicators;
  // Rows that do not apply count in no score, maximum or completeness.
  const applicable = indicators.filter((indicator) => indicator.kind !== "not-applicable");
  const groups = buildGroups(
    sheet.name,
    applicable,
    budget,
    byLabels ? table.groupMaxima : null,
    maxima
  );
  const { total, rating } = ruled;

  if (table.indicators.length === 0) {
    // Only a budget line was found under a header with no indicator row: the score says so.
    const first = table.decisions.length > 0 ? table.decisions[0].column : 1;
    problems.add(toA1(table.headerTop, first), {
      code: "no-indicator-rows",
      headerRow: table.headerTop,
    });
  }
  if (byLabels) checkGroupMaxima(table.groupMaxima, applicable, profile, problems);
  else checkWeightsTotal(sheet, detected, indicators, budget, profile, problems);
  checkTotals(sheet, detected, budget, problems);
  checkStatedRating(detected, total.score, rating, ruleSet, problems);

  const summary: ReportForm = {
    sheet: sheet.name,
    profile: profile.id,
    ruleSet: ruleSet.id,
    total,
    rating,
    budget,
    title: detected.info.title,
    year: detected.info.year,
    unitName: detected.info.unitName,
    projectName: detected.info.projectName,
  };
  return {
    detected,
    profile,
    ruleSet,
    effects: ruled.effects,
    summary,
    groups,
    indicators,
    problems,
  };
}

/** The maxima making up a labels-only form's total: its outermost labelled groups, and the indicators outside any. */
function labelledTotalMaxima(
  groupMaxima: readonly GroupMaximum[],
  indicators: readonly FormIndicator[]
): number[] {
  const outermost = groupMaxima.filter(
    (group) =>
      !groupMaxima.some(
        (other) =>
          other !== group &&
          other.path.length < group.path.length &&
          pathKey(group.path.slice(0, other.path.length)) === pathKey(other.path)
      )
  );
  const result = outermost.map((group) => group.max);
  for (const indicator of indicators)
    if (!labelledGroupOf(groupMaxima, indicator.path) && indicator.max !== null)
      result.push(indicator.max);
  return result;
}

/**
 * The entered scores of a labelled group may not add up to more than its 分值 (财预〔2020〕10号:
 * 得分最高不能超过该指标分值): one problem on the label that states it.
 */
function checkGroupMaxima(
  groupMaxima: readonly GroupMaximum[],
  indicators: readonly FormIndicator[],
  profile: Profile,
  problems: ProblemCollector
): void {
  for (const group of groupMaxima) {
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
    if (sum > group.max + profile.tolerance)
      problems.add(group.cell, {
        code: "group-score-exceeds-max",
        group: group.path.join("/"),
        score: sum,
        max: group.max,
      });
  }
}

/** A row that says its indicator does not apply: listed, never checked, counted nowhere. */
function notApplicableIndicator(
  sheet: SheetGrid,
  detected: DetectedForm,
  indicator: DetectedIndicator
): FormIndicator {
  const columns = detected.table.columns;
  const row = indicator.row;
  const address = (column: number | undefined): string | undefined =>
    column === undefined ? undefined : toA1(row, column);
  const maxCell = columns.max !== undefined ? parseCell(sheet.cell(row, columns.max)) : null;
  const target = targetText(sheet, detected, row);
  const actual = textAt(sheet, row, columns.actual);
  const reason = textAt(sheet, row, columns.reason);
  return {
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
    cells: {
      name: address(detected.table.nameColumn),
      max: address(columns.max),
      target: targetCellAddress(detected, row),
      actual: address(columns.actual),
      score: address(columns.score),
      reason: address(columns.reason),
    },
    reason: reason === "" ? null : reason,
    kind: "not-applicable",
    rule: "not-applicable",
    targetMet: null,
  };
}

/**
 * The 自评得分 as entered, when it can be used: a number, not negative, not above 分值
 * (财预〔2020〕10号: 得分最高不能超过该指标分值), rounded to 2 decimals. An unusable one is a problem on its cell.
 */
function readEnteredScore(
  sheet: SheetGrid,
  row: number,
  column: number | undefined,
  subject: string,
  max: number | null,
  profile: Profile,
  problems: ProblemCollector
): NumberReading {
  const entered = readNumber(sheet, row, column, "score", subject, problems, {
    required: false,
    nonNegative: true,
  });
  if (entered.value === null || column === undefined) return entered;
  if (max !== null && entered.value > max + profile.tolerance) {
    problems.add(toA1(row, column), {
      code: "score-exceeds-max",
      subject,
      score: entered.value,
      max,
    });
    return { value: null, parsed: entered.parsed };
  }
  return { value: round2(entered.value), parsed: entered.parsed };
}

function readNumber(
  sheet: SheetGrid,
  row: number,
  column: number | undefined,
  field: FieldName,
  subject: string,
  problems: ProblemCollector,
  options: { required: boolean; nonNegative: boolean }
): NumberReading {
  if (column === undefined) return { value: null, parsed: { kind: "empty" } };
  const cell = sheet.cell(row, column);
  const address = toA1(row, column);
  flagFormula(cell, problems);
  const parsed = parseCell(cell);
  switch (parsed.kind) {
    case "empty":
      if (options.required && !(cell && cell.formulaNotCalculated))
        problems.add(address, { code: "missing-value", field, subject });
      return { value: null, parsed };
    case "error":
      if (!cell || cell.formula === null)
        problems.add(address, { code: "formula-error", error: parsed.error, formula: null });
      return { value: null, parsed };
    case "words":
      problems.add(address, { code: "not-a-number", field, subject, text: cellText(cell).trim() });
      return { value: null, parsed };
    case "number":
      if (options.nonNegative && parsed.value < 0) {
        problems.add(address, { code: "negative-value", field, subject, value: parsed.value });
        return { value: null, parsed };
      }
      return { value: parsed.value, parsed };
  }
}

/** Reports a cell whose formula failed or was never calculated. */
function flagFormula(cell: GridCell | undefined, problems: ProblemCollector): void {
  if (!cell || cell.formula === null) return;
  if (cell.formulaNotCalculated)
    problems.add(cell.address, { code: "formula-not-calculated", formula: cell.formula });
  else if (cell.value !== null && typeof cell.value === "object")
    problems.add(cell.address, {
      code: "formula-error",
      error: cell.value.error,
      formula: cell.formula,
    });
}

function textAt(sheet: SheetGrid, row: number, column: number | undefined): string {
  if (column === undefined) return "";
  return cellText(sheet.cell(row, column)).trim();
}

// A 指标性质 that states a direction, not an operator: 正向 is "at least", 反向 "at most"
// (财预〔2020〕10号 附1 评分说明: 正向指标 / 反向指标); 定量/定性 say nothing of it.
const DIRECTIONS: Readonly<Record<string, string>> = {
  正向: "≥",
  正向指标: "≥",
  反向: "≤",
  反向指标: "≤",
  定量: "",
  定量指标: "",
  定性: "",
  定性指标: "",
};

/**
 * The target as the sheet states it, joining 指标性质 + 指标值 + 度量单位 when split; `toRead`
 * writes a direction (正向/反向) as the operator it means, for parsing.
 */
function targetText(sheet: SheetGrid, detected: DetectedForm, row: number, toRead = false): string {
  const columns = detected.table.columns;
  const statedNature = textAt(sheet, row, columns.nature);
  const direction = toRead ? DIRECTIONS[normaliseText(statedNature)] : undefined;
  const nature = direction !== undefined ? direction : statedNature;
  const value = textAt(sheet, row, columns.target);
  let unit = textAt(sheet, row, columns.unit);
  // A value cell formatted "95%" beside a 度量单位 of "%" states the unit once, not twice.
  if (
    unit !== "" &&
    normaliseText(value).slice(-normaliseText(unit).length) === normaliseText(unit)
  )
    unit = "";
  return (nature + value + unit).trim();
}

function targetCellAddress(detected: DetectedForm, row: number): string | undefined {
  const columns = detected.table.columns;
  const column = columns.target ?? columns.nature;
  return column === undefined ? undefined : toA1(row, column);
}

function parseTarget(
  sheet: SheetGrid,
  detected: DetectedForm,
  indicator: DetectedIndicator,
  problems: ProblemCollector
): ParsedValue {
  const row = indicator.row;
  const columns = detected.table.columns;
  const valueCell = columns.target !== undefined ? sheet.cell(row, columns.target) : undefined;
  flagFormula(valueCell, problems);
  let target: ParsedValue;
  if (columns.nature === undefined && columns.unit === undefined) target = parseCell(valueCell);
  else {
    // Split layout (指标性质 + 指标值 + 度量单位): read the three as the one target they state.
    const value = parseCell(valueCell);
    if (value.kind === "empty" || value.kind === "error") return value;
    target = parseText(targetText(sheet, detected, row, true));
  }
  // A bare number under a name that states the operator ("仓储用房（≥**平方米）" | 500).
  if (target.kind === "number" && target.comparator === null && target.unit === null) {
    const stated = target.percent ? null : operatorInName(indicator.name);
    if (stated)
      return {
        kind: "number",
        value: stated.percent && Math.abs(target.value) > 1.5 ? target.value / 100 : target.value,
        percent: stated.percent,
        unit: stated.unit,
        comparator: stated.comparator,
      };
  }
  return target;
}

/** What scoring one indicator row needs to know. */
interface IndicatorContext {
  readonly sheet: SheetGrid;
  readonly detected: DetectedForm;
  readonly indicator: DetectedIndicator;
  readonly profile: Profile;
  readonly ruleSet: RuleSet;
  readonly problems: ProblemCollector;
  /** Receives one entry per indicator scored: what its formula compared, for the rule set. */
  readonly measures: Array<IndicatorMeasure | null>;
  /** The maxima the labels give the row when the table has no 分值 column. */
  readonly fromLabels?: IndicatorMaxima;
}

function scoreIndicator(context: IndicatorContext): FormIndicator {
  const { sheet, detected, indicator, profile, ruleSet, problems, measures, fromLabels } = context;
  const columns = detected.table.columns;
  const row = indicator.row;
  const subject = indicator.name;
  const address = (column: number | undefined): string | undefined =>
    column === undefined ? undefined : toA1(row, column);
  const cells: FormIndicator["cells"] = {
    name: address(detected.table.nameColumn),
    max: address(columns.max),
    target: targetCellAddress(detected, row),
    actual: address(columns.actual),
    score: address(columns.score),
    reason: address(columns.reason),
  };
  // Absent columns stay undefined, which JSON leaves out.

  if (indicator.name === "" && cells.name)
    problems.add(cells.name, { code: "missing-value", field: "name", subject: "" });

  // Without a 分值 column the labels may give one: the group's own (reported), or one inferred
  // for the checks only (see labelMaxima).
  const statedMax =
    columns.max !== undefined
      ? readNumber(sheet, row, columns.max, "max", subject, problems, {
          required: true,
          nonNegative: true,
        }).value
      : fromLabels
        ? fromLabels.stated
        : null;
  const max = statedMax !== null ? statedMax : fromLabels ? fromLabels.implied : null;

  const target = parseTarget(sheet, detected, indicator, problems);
  const targetString = targetText(sheet, detected, row);
  if (target.kind === "empty" && cells.target)
    problems.add(cells.target, { code: "missing-value", field: "target", subject });
  if (target.kind === "error" && cells.target)
    problems.add(cells.target, { code: "formula-error", error: target.error, formula: null });

  const actualCell = columns.actual !== undefined ? sheet.cell(row, columns.actual) : undefined;
  flagFormula(actualCell, problems);
  const actual = parseCell(actualCell);
  const actualString = textAt(sheet, row, columns.actual);
  if (actual.kind === "empty" && cells.actual && !(actualCell && actualCell.formulaNotCalculated))
    problems.add(cells.actual, { code: "missing-value", field: "actual", subject });

  const kind =
    target.kind === "number" ? "quantitative" : target.kind === "words" ? "qualitative" : null;
  let computed: number | null = null;
  let targetMet: boolean | null = null;
  let grade: QualitativeGrade | null = null;
  const formula = { negativeFormula: ruleSet.negativeFormula };
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

  const entered = readEnteredScore(sheet, row, columns.score, subject, max, profile, problems);
  const enteredScore = entered.value;

  let score: number | null = enteredScore !== null ? enteredScore : computed;
  const scoreSource = enteredScore !== null ? "entered" : computed !== null ? "computed" : null;
  const scoreCell = columns.score !== undefined ? sheet.cell(row, columns.score) : undefined;
  if (
    score === null &&
    entered.parsed.kind === "empty" &&
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
  if (
    enteredScore !== null &&
    computed !== null &&
    Math.abs(enteredScore - computed) > profile.tolerance
  ) {
    problems.add(cells.score as string, {
      code: "score-differs",
      subject,
      entered: enteredScore,
      computed,
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

/** "按要求公开" against "按要求公开", or "已建立" against "建立": the actual says the target was done. */
function restatesTarget(actual: string, target: string): boolean {
  const done = normaliseText(actual).replace(/^(已|已经|均已|全部)/, "");
  return done !== "" && done === normaliseText(target);
}

function scoreBudget(
  sheet: SheetGrid,
  detected: DetectedForm,
  profile: Profile,
  problems: ProblemCollector
): ReportBudget {
  const block = detected.budget!;
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

  const options = { required: true, nonNegative: true };
  // 全年预算数 is the base (财预〔2020〕10号: 执行率 = 全年执行数 / 全年预算数); a department funds
  // block that states only 年初预算数(A) and 全年执行数(B) divides by A.
  const baseField = columns.budget !== undefined ? "budget" : "initialBudget";
  const baseColumn = columns.budget !== undefined ? columns.budget : columns.initialBudget;
  const baseCell = address(baseColumn);
  const budget = readNumber(sheet, row, baseColumn, baseField, subject, problems, options).value;
  const executed = readNumber(
    sheet,
    row,
    columns.executed,
    "executed",
    subject,
    problems,
    options
  ).value;
  // Otherwise 年初预算数 only informs the narrative; the 年度资金总额 checks look at it elsewhere.
  const initialParsed =
    columns.initialBudget !== undefined ? parseCell(sheet.cell(row, columns.initialBudget)) : null;
  const initialBudget =
    initialParsed && initialParsed.kind === "number" ? initialParsed.value : null;
  const statedMax =
    columns.max !== undefined
      ? readNumber(sheet, row, columns.max, "max", subject, problems, {
          required: false,
          nonNegative: true,
        })
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
  if (rate === null) {
    // No rate from the amounts: the 执行率 the sheet states, a bare number in a % column being
    // percent ("20" meaning 20 %; a number formatted as a percentage is already a fraction).
    const stated = parseCell(rateCell);
    if (stated.kind === "number" && stated.value >= 0) {
      const value =
        !stated.percent && (block.ratePercent || stated.value > 1.5)
          ? stated.value / 100
          : stated.value;
      rate = value;
      if (max !== null) computed = round2(Math.min(1, value) * max);
    }
  }

  const entered = readEnteredScore(sheet, row, columns.score, subject, max, profile, problems);
  const enteredScore = entered.value;
  if (
    enteredScore !== null &&
    computed !== null &&
    Math.abs(enteredScore - computed) > profile.tolerance
  )
    problems.add(cells.score as string, {
      code: "score-differs",
      subject,
      entered: enteredScore,
      computed,
    });
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
    rate: rate === null ? null : Number(rate.toPrecision(12)),
    score,
    computedScore: computed,
    scoreSource: enteredScore !== null ? "entered" : computed !== null ? "computed" : null,
    rule: "budget",
    cells,
  };
}

/** Every level's sub-score: the sum of its indicators' scores, those that do not apply left out. */
export function buildGroups(
  sheetName: string,
  indicators: readonly FormIndicator[],
  budget: ReportBudget | null,
  groupMaxima: readonly GroupMaximum[] | null = null,
  maxima: ReadonlyMap<number, IndicatorMaxima> | null = null
): FormGroup[] {
  const groups: Array<{
    path: string[];
    scores: Array<number | null>;
    maxima: number[];
    /** Every member's maximum is known (from the 分值 column, or stated or inferred from labels). */
    maximaKnown: boolean;
  }> = [];
  const byKey = new Map<string, (typeof groups)[number]>();
  if (budget)
    groups.push({
      path: ["预算执行率"],
      scores: [budget.score],
      maxima: budget.max !== null ? [budget.max] : [],
      maximaKnown: true,
    });
  for (const indicator of indicators) {
    // Not applicable: 不考核该指标, in no group's sum.
    if (indicator.kind === "not-applicable") continue;
    let max = indicator.max;
    if (max === null && maxima) {
      const fromLabels = maxima.get(indicator.row);
      if (fromLabels) max = fromLabels.stated ?? fromLabels.implied;
    }
    for (let depth = 1; depth <= indicator.path.length; depth++) {
      const path = indicator.path.slice(0, depth);
      const key = path.join("\u0000");
      let group = byKey.get(key);
      if (!group) {
        group = { path, scores: [], maxima: [], maximaKnown: true };
        byKey.set(key, group);
        groups.push(group);
      }
      group.scores.push(indicator.score);
      if (max !== null) group.maxima.push(max);
      else group.maximaKnown = false;
    }
  }
  const labelled = new Map<string, number>();
  if (groupMaxima) for (const group of groupMaxima) labelled.set(pathKey(group.path), group.max);
  const listed = groupMaxima
    ? // Forms without a 分值 column list the groups whose 分值 is known: from a label, or
      // because every member's maximum is known.
      groups.filter((group) => labelled.has(pathKey(group.path)) || group.maximaKnown)
    : groups;
  return listed.map((group) => {
    const known = group.scores.filter((s): s is number => s !== null);
    const fromLabel = labelled.get(pathKey(group.path));
    return {
      sheet: sheetName,
      path: group.path,
      score: known.length > 0 ? sum2(known) : null,
      max: fromLabel !== undefined ? fromLabel : sum2(group.maxima),
      complete: known.length === group.scores.length,
    };
  });
}

interface StatedNumber {
  value: number;
  storedAsText: boolean;
}

function statedNumber(cell: GridCell | undefined): StatedNumber | null {
  const parsed = parseCell(cell);
  if (parsed.kind !== "number") return null;
  return { value: parsed.value, storedAsText: !!cell && typeof cell.value === "string" };
}

function exactSum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return Number(total.toPrecision(12));
}

function checkTotal(
  sheet: SheetGrid,
  row: number,
  column: number,
  parts: ReadonlyArray<GridCell | undefined>,
  budgetLine: GridCell | undefined,
  label: string,
  field: FieldName,
  problems: ProblemCollector
): void {
  const stated = sheet.cell(row, column);
  flagFormula(stated, problems);
  const statedValue = statedNumber(stated);
  if (!stated || statedValue === null) return;
  const readings = parts.map(statedNumber).filter((n): n is StatedNumber => n !== null);
  // Scores carry 2 decimals; money keeps every decimal it was typed with (89.974 万元).
  const isMoney = field === "initialBudget" || field === "budget" || field === "executed";
  const add = isMoney ? exactSum : sum2;
  const tolerance = isMoney ? 1e-6 * Math.max(1, Math.abs(statedValue.value)) : 0.005;
  const sum = add(readings.map((n) => n.value));
  // The form's 总分 holds the 预算执行率 line with the indicators (财预〔2020〕10号 附1: 总分 100 =
  // 预算执行率 10 + 指标 90): with a budget line, the parts are the indicators and that line.
  const extra = statedNumber(budgetLine);
  const sums = extra ? [add([sum, extra.value])] : [sum];
  if (sums.some((candidate) => Math.abs(candidate - statedValue.value) <= tolerance)) return;
  const closest = sums[sums.length - 1];
  problems.add(stated.address, {
    code: "total-mismatch",
    label,
    field,
    stated: statedValue.value,
    sum: closest,
    partsStoredAsText:
      readings.filter((n) => n.storedAsText).length + (extra && extra.storedAsText ? 1 : 0),
  });
}

/** 合计/总分 and 小计 rows, and 年度资金总额 against its 其中 rows, as the sheet holds them. */
function checkTotals(
  sheet: SheetGrid,
  detected: DetectedForm,
  budget: ReportBudget | null,
  problems: ProblemCollector
): void {
  const table = detected.table;
  for (const total of table.totalRows) {
    const members = table.indicators.filter((indicator) =>
      total.path.every(
        (name, i) =>
          indicator.path[i] !== undefined &&
          normaliseText(indicator.path[i]) === normaliseText(name)
      )
    );
    const label =
      total.path.length === 0 ? grandTotalLabel(sheet, total.row) : total.path.join("/") + "小计";
    for (const field of ["max", "score"] as const) {
      const column = table.columns[field];
      if (column === undefined) continue;
      // 分值 that do not add up to the profile's total are said once, by weights-total, on this cell.
      if (
        field === "max" &&
        problems
          .list()
          .some((p) => p.code === "weights-total" && p.cell === toA1(total.row, column))
      )
        continue;
      const parts = members.map((indicator) => sheet.cell(indicator.row, column));
      let extra: GridCell | undefined;
      if (total.path.length === 0 && detected.budget && budget) {
        const budgetColumn = detected.budget.columns[field];
        if (budgetColumn !== undefined) extra = sheet.cell(detected.budget.totalRow, budgetColumn);
      }
      checkTotal(sheet, total.row, column, parts, extra, label, field, problems);
    }
  }
  const block = detected.budget;
  if (block && block.partRows.length > 0) {
    const label =
      textAt(sheet, block.totalRow, firstLabelColumn(sheet, block.totalRow)) || "年度资金总额";
    for (const field of ["initialBudget", "budget", "executed"] as const) {
      const column = block.columns[field];
      if (column === undefined) continue;
      const parts = block.partRows.map((row) => sheet.cell(row, column));
      if (!parts.some((cell) => statedNumber(cell) !== null)) continue;
      checkTotal(sheet, block.totalRow, column, parts, undefined, label, field, problems);
    }
  }
}

/** The 合计/总分 label of a grand total row, on one line ("总分" beside 其他需要说明事项 too). */
function grandTotalLabel(sheet: SheetGrid, row: number): string {
  for (const cell of sheet.cellsInRow(row)) {
    if (typeof cell.value === "string" && totalLabelKind(cell.value) === "grand")
      return oneLine(cell.value);
  }
  return textAt(sheet, row, firstLabelColumn(sheet, row)) || "合计";
}

function firstLabelColumn(sheet: SheetGrid, row: number): number {
  for (let column = 1; column <= Math.min(sheet.columnCount, 60); column++) {
    const cell = sheet.cell(row, column);
    if (cell && typeof cell.value === "string") return column;
  }
  return 1;
}

function checkWeightsTotal(
  sheet: SheetGrid,
  detected: DetectedForm,
  indicators: readonly FormIndicator[],
  budget: ReportBudget | null,
  profile: Profile,
  problems: ProblemCollector
): void {
  // The weights as the table sets them: a row that does not apply keeps the 分值 it states (a
  // "/" there states none).
  const weighted = indicators.filter(
    (indicator) => !(indicator.kind === "not-applicable" && indicator.max === null)
  );
  // Only a full set of weights can be checked; a missing one is already its own problem.
  if (weighted.length === 0 || weighted.some((indicator) => indicator.max === null)) return;
  if (budget && budget.max === null) return;
  const maxima = weighted.map((indicator) => indicator.max as number);
  if (budget) maxima.push(budget.max as number);
  const sum = sum2(maxima);
  if (Math.abs(sum - profile.totalMax) <= profile.tolerance) return;
  const table = detected.table;
  const maxColumn = table.columns.max as number;
  const grand = table.totalRows.find((total) => total.path.length === 0);
  const cell =
    grand && sheet.cell(grand.row, maxColumn)
      ? toA1(grand.row, maxColumn)
      : toA1(table.headerTop, maxColumn);
  problems.add(cell, { code: "weights-total", sum, expected: profile.totalMax });
}

const RATING_WORDS: Readonly<Record<string, string>> = {
  优: "优",
  优秀: "优",
  良: "良",
  良好: "良",
  中: "中",
  中等: "中",
  合格: "中",
  差: "差",
  不合格: "差",
};

function checkStatedRating(
  detected: DetectedForm,
  total: number | null,
  rating: string | null,
  ruleSet: RuleSet,
  problems: ProblemCollector
): void {
  const stated = detected.info.statedRating;
  if (!stated || total === null || rating === null) return;
  const words = normaliseText(stated.text).replace(/^.*[:：]/, "");
  // The set's own labels (好/较好/一般/差) first; 优秀/良好… are read as 优/良… only where the set uses those.
  const labels = ruleSet.ratingBands.map((band) => band.label);
  const named = labels.indexOf(words) >= 0 ? words : RATING_WORDS[words];
  const statedRating = named !== undefined && labels.indexOf(named) >= 0 ? named : undefined;
  if (statedRating && statedRating !== rating)
    problems.add(stated.cell, {
      code: "rating-mismatch",
      stated: statedRating,
      computed: rating,
      total,
    });
}
