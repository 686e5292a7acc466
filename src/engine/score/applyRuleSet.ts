/**
 * The rule set's post-pass over a scored form: what a finance bureau's rules do beyond scoring
 * each indicator by its formula — 指标偏离 deductions, a 扣分 column, not-applicable indicators
 * dropped and the total rescaled, the total capped by the 预算执行率, the rating by the set's
 * bands — and the checks its reviewers make (over-completion, score ahead of spending, a low
 * 执行率 left unexplained, 等于 indicators off their target). Pure: it reads the grid it is given.
 */
import type { SheetGrid } from "../grid/types";
import { toA1 } from "../grid/address";
import type { DetectedBudgetBlock, DetectedForm } from "../detect/types";
import { cellText, displayedCell } from "../detect/sheetView";
import { executionCapFor, ratingByBands, type RuleSet } from "../rules/ruleSet";
import type { FormIndicator, ReportBudget, ReportTotal } from "../report/schema";
import { givesReason } from "../values/givesReason";
import { normaliseText } from "../values/normaliseText";
import { parseCell } from "../values/parseValue";
import type { QuantitativeRule } from "./quantitativeScore";
import type { FormContext } from "./formContext";
import { round2, sum2 } from "./round";

/** The numbers a quantitative indicator's formula compared, kept for the rule set's checks. */
export interface IndicatorMeasure {
  readonly rule: QuantitativeRule;
  /** Target and actual in the target's unit; percentages as fractions. */
  readonly goal: number;
  readonly reached: number;
  readonly percent: boolean;
  /** The target states 等于 (=, ＝, ═). */
  readonly equals: boolean;
}

/**
 * Whether a rule set's post-pass looks at the indicators' measures at all: only its deviation,
 * over-completion and 等于 checks do. Without them a measure is never read, and none is kept.
 */
export function usesMeasures(ruleSet: RuleSet): boolean {
  return ruleSet.deviation !== null || ruleSet.overCompletion !== null || ruleSet.flagEqualMismatch;
}

/** The form's context, and what scoring its rows and budget line gave. */
export interface RuleSetInput extends FormContext {
  readonly indicators: readonly FormIndicator[];
  /** One per indicator, in the same order: null where no formula compared two numbers. */
  readonly measures: readonly (IndicatorMeasure | null)[];
  readonly budget: ReportBudget | null;
  /**
   * The maxima the indicators add to the total, when the table states them elsewhere than on
   * its rows (a labels-only form: its labelled groups'). By default each applicable indicator's.
   */
  readonly indicatorMaxima?: readonly number[];
}

/** A score the rule set changed, by the indicator's sheet row. */
export interface ScoreChange {
  readonly row: number;
  readonly before: number;
  readonly after: number;
}

/** What the rule set did to a form, for the narrative, the results sheet and the pane. */
export interface RuleEffects {
  /** 指标偏离: indicators that lost the set's deduction. */
  readonly deviations: readonly ScoreChange[];
  /** 扣分 column subtracted. */
  readonly deductions: readonly ScoreChange[];
  /** Rows of indicators that do not apply. */
  readonly notApplicable: readonly number[];
  /** Set when not-applicable indicators were dropped and the total rescaled. */
  readonly rescaled: {
    readonly unscaled: number | null;
    readonly applicableMax: number;
    readonly max: number;
  } | null;
  /** Set when the 预算执行率 falls under a cap; `uncapped` when the cap lowered the total. */
  readonly cap: {
    readonly rate: number;
    readonly cap: number;
    readonly uncapped: number | null;
  } | null;
  /** Rows of indicators flagged for over-completion. */
  readonly overCompleted: readonly number[];
  /** Set when the indicators' score rate runs ahead of the 执行率. */
  readonly scoreAhead: { readonly scoreRate: number; readonly rate: number } | null;
  /** Set when a low 执行率 is not explained. */
  readonly budgetReasonMissing: { readonly rate: number; readonly threshold: number } | null;
}

export interface RuledForm {
  readonly indicators: readonly FormIndicator[];
  readonly total: ReportTotal;
  readonly rating: string | null;
  readonly effects: RuleEffects;
}

const EPSILON = 1e-9;

/**
 * Applies a rule set to a form's scored indicators and budget line; records its problems on
 * `problems` and returns the indicators as the set scores them, the total and the rating.
 */
export function applyRuleSet(input: RuleSetInput): RuledForm {
  const { ruleSet, problems } = input;
  const deviations: ScoreChange[] = [];
  const deductions: ScoreChange[] = [];
  const notApplicable: number[] = [];
  const overCompleted: number[] = [];

  const indicators = input.indicators.map((indicator, index) => {
    if (indicator.kind === "not-applicable") {
      notApplicable.push(indicator.row);
      const cell = indicator.cells.name ?? indicator.cells.score ?? indicator.cells.max;
      if (cell)
        problems.add(cell, {
          code: "not-applicable",
          subject: indicator.name,
          rescaled: ruleSet.rescaleNotApplicable,
        });
      return { ...indicator, rule: "not-applicable" as const };
    }
    const measure = input.measures[index] ?? null;
    let score = indicator.score;
    if (measure) {
      checkOverCompletion(input, indicator, measure, overCompleted);
      checkEqualMismatch(input, indicator, measure);
      if (score !== null) {
        const after = deviationScore(input, indicator, measure, score);
        if (after !== score) deviations.push({ row: indicator.row, before: score, after });
        score = after;
      }
    }
    if (ruleSet.deductionColumn && indicator.kind === "quantitative" && score !== null) {
      const after = deductedScore(input, indicator, score);
      if (after !== score) deductions.push({ row: indicator.row, before: score, after });
      score = after;
    }
    return score === indicator.score ? indicator : { ...indicator, score };
  });

  // The applicable rows' scores and maxima, then the budget line's, added in that order (as sum2
  // adds a list) in one pass: no list of 20,000 scores or maxima made to be added once.
  const budget = input.budget;
  let scoreCount = 0;
  let knownCount = 0;
  let knownSum = 0;
  let maxSum = 0;
  for (let i = 0; i < indicators.length; i++) {
    const indicator = indicators[i];
    if (indicator.kind === "not-applicable") continue;
    scoreCount++;
    if (indicator.score !== null) {
      knownSum += indicator.score;
      knownCount++;
    }
    if (!input.indicatorMaxima && indicator.max !== null) maxSum += indicator.max;
  }
  if (budget) {
    scoreCount++;
    if (budget.score !== null) {
      knownSum += budget.score;
      knownCount++;
    }
  }
  if (input.indicatorMaxima)
    for (let i = 0; i < input.indicatorMaxima.length; i++) maxSum += input.indicatorMaxima[i];
  if (budget && budget.max !== null) maxSum += budget.max;
  const sum = knownCount > 0 ? round2(knownSum) : null;
  const applicableMax = round2(maxSum);
  let total: ReportTotal = {
    score: sum,
    max: applicableMax,
    complete: knownCount === scoreCount && scoreCount > 0,
  };

  // "不考核该指标，用适用指标得分汇总后按百分制折算".
  let rescaled: RuleEffects["rescaled"] = null;
  if (notApplicable.length > 0 && ruleSet.rescaleNotApplicable && applicableMax > 0) {
    const max = input.profile.totalMax;
    rescaled = { unscaled: sum, applicableMax, max };
    total = {
      ...total,
      score: sum === null ? null : round2((sum / applicableMax) * max),
      max,
      ...(sum === null ? {} : { unscaled: sum }),
    };
  }

  const cap = capTotal(input, total);
  if (cap) {
    total = { ...total, cap: cap.cap };
    if (cap.uncapped !== null) total = { ...total, score: cap.cap, uncapped: cap.uncapped };
  }
  const rating = total.score !== null ? ratingByBands(total.score, ruleSet.ratingBands) : null;

  return {
    indicators,
    total,
    rating,
    effects: {
      deviations,
      deductions,
      notApplicable,
      rescaled,
      cap,
      overCompleted,
      scoreAhead: checkScoreAhead(input, indicators),
      budgetReasonMissing: checkBudgetReason(input),
    },
  };
}

/** 指标偏离 (一体化平台绩效自评操作手册 1.3): 完成值超过指标值30%及以上，减2分. */
function deviationScore(
  input: RuleSetInput,
  indicator: FormIndicator,
  measure: IndicatorMeasure,
  score: number
): number {
  const deviation = input.ruleSet.deviation;
  if (!deviation) return score;
  if (measure.rule !== "positive" && measure.rule !== "equal") return score;
  if (!(measure.goal > 0) || measure.reached < measure.goal * deviation.atRatio - EPSILON)
    return score;
  const after = Math.max(0, round2(score - deviation.deduct));
  const cell = indicator.cells.actual ?? indicator.cells.score ?? indicator.cells.name;
  if (cell)
    input.problems.add(cell, {
      code: "deviation-deducted",
      subject: indicator.name,
      target: indicator.target ?? "",
      actual: indicator.actual ?? "",
      ratio: measure.reached / measure.goal,
      atRatio: deviation.atRatio,
      deducted: round2(score - after),
      before: score,
      after,
      ruleSetName: input.ruleSet.name,
    });
  return after;
}

/**
 * Over-completion: at `warnAtRatio` × target a positive or 等于 indicator is flagged (a vendor's
 * default 1.2); at `reasonAtRatio` × target, or `reasonAtZeroTarget` where the target is 0, any
 * quantitative indicator needs a 偏差原因 (广西: 实际完成情况超计划较大).
 */
function checkOverCompletion(
  input: RuleSetInput,
  indicator: FormIndicator,
  measure: IndicatorMeasure,
  flagged: number[]
): void {
  const rules = input.ruleSet.overCompletion;
  if (!rules) return;
  const { goal, reached } = measure;
  const upward = measure.rule === "positive" || measure.rule === "equal";
  // An 等于 indicator the set already flags for being off its target is not flagged twice.
  const mismatchFlagged = measure.equals && input.ruleSet.flagEqualMismatch;
  const warn =
    rules.warnAtRatio !== null &&
    upward &&
    !mismatchFlagged &&
    goal > 0 &&
    reached >= goal * rules.warnAtRatio - EPSILON;
  // The vendor compares the numbers as typed: 30 of the target's unit, "30%" being 30.
  const typedReached = measure.percent ? reached * 100 : reached;
  const reasonRequired =
    (rules.reasonAtRatio !== null && goal > 0 && reached >= goal * rules.reasonAtRatio - EPSILON) ||
    (rules.reasonAtZeroTarget !== null &&
      goal === 0 &&
      typedReached >= rules.reasonAtZeroTarget - EPSILON);
  if (!warn && !reasonRequired) return;
  const reasonGiven = indicator.reason !== null && givesReason(indicator.reason);
  const cell =
    reasonRequired && !reasonGiven
      ? (indicator.cells.reason ?? indicator.cells.actual)
      : (indicator.cells.actual ?? indicator.cells.reason);
  if (!cell) return;
  flagged.push(indicator.row);
  input.problems.add(cell, {
    code: "over-completion",
    subject: indicator.name,
    target: indicator.target ?? "",
    actual: indicator.actual ?? "",
    ratio: goal > 0 ? reached / goal : null,
    reasonRequired,
    reasonGiven,
    ruleSetName: input.ruleSet.name,
  });
}

/** 天津: 计算符号为等于的指标，实际完成值如果不等于指标值，得分标红可修改. */
function checkEqualMismatch(
  input: RuleSetInput,
  indicator: FormIndicator,
  measure: IndicatorMeasure
): void {
  if (!input.ruleSet.flagEqualMismatch || !measure.equals) return;
  const scale = Math.max(1, Math.abs(measure.goal));
  if (Math.abs(measure.reached - measure.goal) <= EPSILON * scale) return;
  const cell = indicator.cells.actual ?? indicator.cells.score;
  if (!cell) return;
  input.problems.add(cell, {
    code: "equal-mismatch",
    subject: indicator.name,
    target: indicator.target ?? "",
    actual: indicator.actual ?? "",
    ruleSetName: input.ruleSet.name,
  });
}

/**
 * The 扣分 column detection will name "deduction" (广西 deduct_score): a positive number there is
 * subtracted from a quantitative indicator's score, never below 0.
 */
function deductedScore(input: RuleSetInput, indicator: FormIndicator, score: number): number {
  const column = deductionColumnOf(input.detected);
  if (column === undefined) return score;
  const parsed = parseCell(input.sheet.cell(indicator.row, column));
  if (parsed.kind !== "number" || !(parsed.value > 0)) return score;
  const after = Math.max(0, round2(score - parsed.value));
  input.problems.add(toA1(indicator.row, column), {
    code: "deduction-applied",
    subject: indicator.name,
    deduction: parsed.value,
    before: score,
    after,
    ruleSetName: input.ruleSet.name,
  });
  return after;
}

/**
 * Where a 扣分 column is, once detection reports one under the role "deduction"; until then
 * undefined (IndicatorColumnRole has no such role yet).
 */
export function deductionColumnOf(detected: DetectedForm): number | undefined {
  return (detected.table.columns as Readonly<Partial<Record<string, number>>>)["deduction"];
}

/** The cell the total is stated in (合计 row, 得分 column), else the best cell of the budget line. */
function totalCell(input: RuleSetInput): string | undefined {
  const table = input.detected.table;
  const grand = table.totalRows.find((total) => total.path.length === 0);
  if (grand && table.columns.score !== undefined) return toA1(grand.row, table.columns.score);
  return budgetCell(input.budget);
}

function budgetCell(budget: ReportBudget | null): string | undefined {
  if (!budget) return undefined;
  return budget.cells.rate ?? budget.cells.score ?? budget.cells.executed ?? budget.cells.budget;
}

/** 一体化平台 1.4: 自评得分超出执行率所允许最高得分的部分，予以减分处理. */
function capTotal(input: RuleSetInput, total: ReportTotal): RuleEffects["cap"] {
  const budget = input.budget;
  if (input.ruleSet.executionCaps.length === 0 || !budget || budget.rate === null) return null;
  const cap = executionCapFor(budget.rate, input.ruleSet.executionCaps);
  if (cap === null) return null;
  if (total.score === null || total.score <= cap + input.profile.tolerance)
    return { rate: budget.rate, cap, uncapped: null };
  const cell = totalCell(input);
  if (cell)
    input.problems.add(cell, {
      code: "execution-cap",
      rate: budget.rate,
      cap,
      uncapped: total.score,
      ruleSetName: input.ruleSet.name,
    });
  return { rate: budget.rate, cap, uncapped: total.score };
}

/**
 * 自评预警 (a vendor's selfwarnproject): red when (得分/90 − 执行率) / (得分/90) > 5 %, 得分 being
 * the indicators' scores without the budget line and 90 their 分值; here their own 分值.
 */
function checkScoreAhead(
  input: RuleSetInput,
  indicators: readonly FormIndicator[]
): RuleEffects["scoreAhead"] {
  const rule = input.ruleSet.scoreAheadOfSpending;
  const budget = input.budget;
  if (!rule || !budget || budget.rate === null) return null;
  const applicable = indicators.filter((indicator) => indicator.kind !== "not-applicable");
  const maxima = applicable.map((i) => i.max).filter((m): m is number => m !== null);
  const maxSum = sum2(maxima);
  // Unknown scores count as 0, as the vendor's nvl(score, 0) does.
  const scoreSum = sum2(applicable.map((i) => i.score ?? 0));
  if (!(maxSum > 0) || !(scoreSum > 0)) return null;
  const scoreRate = scoreSum / maxSum;
  if ((scoreRate - budget.rate) / scoreRate <= rule.margin + EPSILON) return null;
  const cell = budgetCell(budget) ?? totalCell(input);
  if (cell)
    input.problems.add(cell, {
      code: "score-ahead-of-spending",
      scoreRate,
      rate: budget.rate,
      margin: rule.margin,
      ruleSetName: input.ruleSet.name,
    });
  return { scoreRate, rate: budget.rate };
}

// The template's own instruction in the 原因 cell ("…预算执行率未达到90%的需说明原因…") is no reason.
const INSTRUCTION = /需说明|应单独说明|预算执行率=|字以内/;

/** The 原因/说明 cell of the budget block's total row, read through merges; null when it has none. */
export function budgetReasonCell(
  sheet: SheetGrid,
  block: DetectedBudgetBlock
): { readonly address: string; readonly text: string } | null {
  const known = Object.keys(block.columns).map(
    (role) => block.columns[role as keyof DetectedBudgetBlock["columns"]] as number
  );
  for (let column = 1; column <= sheet.columnCount; column++) {
    if (known.indexOf(column) >= 0) continue;
    const header = normaliseText(cellText(displayedCell(sheet, block.headerRow, column)));
    if (!/原因|说明/.test(header)) continue;
    const cell = displayedCell(sheet, block.totalRow, column);
    return {
      address: cell ? cell.address : toA1(block.totalRow, column),
      text: cellText(cell).trim(),
    };
  }
  return null;
}

/** 四川 510000_0013zp: 预算执行率未达到90%的需说明原因. */
function checkBudgetReason(input: RuleSetInput): RuleEffects["budgetReasonMissing"] {
  const threshold = input.ruleSet.budgetReasonBelow;
  const budget = input.budget;
  const block = input.detected.budget;
  if (threshold === null || !budget || !block || budget.rate === null) return null;
  if (budget.rate >= threshold - EPSILON) return null;
  const reason = budgetReasonCell(input.sheet, block);
  if (reason && givesReason(reason.text) && !INSTRUCTION.test(normaliseText(reason.text)))
    return null;
  const cell = reason ? reason.address : (budgetCell(budget) ?? totalCell(input));
  if (cell)
    input.problems.add(cell, {
      code: "budget-reason-missing",
      rate: budget.rate,
      threshold,
      ruleSetName: input.ruleSet.name,
    });
  return { rate: budget.rate, threshold };
}
