/**
 * What 二、存在的主要问题 is about, found in the scored form: facts only, worded elsewhere. Every
 * issue comes from the table (points lost, values missing, targets that cannot be measured,
 * scores that disagree with completion), never from a list of stock phrases.
 */
import type { ScoredForm } from "../score/scoreForm";
import type { FormIndicator, ReportBudget } from "../report/schema";
import type { FieldName, Problem, ProblemCode } from "../validate/problem";
import { round2 } from "../score/round";
import { normaliseText } from "../values/normaliseText";

export interface DisagreementEntry {
  readonly kind: "met-but-lost" | "missed-but-full" | "differs" | "grade-band";
  readonly indicator: FormIndicator | null;
  readonly name: string;
  readonly lost?: number;
  readonly entered?: number;
  readonly computed?: number;
  /** grade-band: the score, and the band the grade of completion allows. */
  readonly score?: number;
  readonly low?: number;
  readonly high?: number;
}

export interface MissingEntry {
  readonly name: string;
  /** The sheet row, for naming an indicator whose name is blank. */
  readonly row: number;
  readonly fields: readonly FieldName[];
}

export type NarrativeIssue =
  | { readonly kind: "lost-points"; readonly indicator: FormIndicator; readonly lost: number }
  | { readonly kind: "more-lost"; readonly count: number }
  | { readonly kind: "budget"; readonly budget: ReportBudget; readonly lost: number }
  // ---- what the rule set did or flagged ----
  | {
      readonly kind: "execution-cap";
      readonly rate: number;
      readonly cap: number;
      readonly uncapped: number;
    }
  | {
      readonly kind: "deviation";
      readonly indicators: readonly FormIndicator[];
      /** Points the deviations took, in all. */
      readonly lost: number;
      /** How far above the target a deviation starts: 0.3 is "30%". */
      readonly excess: number;
    }
  | {
      readonly kind: "over-completion";
      readonly indicators: readonly FormIndicator[];
      /** Those the set asks a reason of that give none. */
      readonly reasonMissing: readonly FormIndicator[];
    }
  | { readonly kind: "score-ahead"; readonly scoreRate: number; readonly rate: number }
  | { readonly kind: "budget-reason"; readonly rate: number; readonly threshold: number }
  | { readonly kind: "not-applicable"; readonly indicators: readonly FormIndicator[] }
  | { readonly kind: "disagreement"; readonly entries: readonly DisagreementEntry[] }
  | {
      readonly kind: "missing";
      readonly entries: readonly MissingEntry[];
      readonly computed: readonly FormIndicator[];
    }
  | { readonly kind: "vague"; readonly indicators: readonly FormIndicator[] }
  /** Entries the tool could not use or that contradict the sheet, with their facts. */
  | { readonly kind: "input-errors"; readonly faults: readonly Problem[] };

export interface IssueSettings {
  readonly tolerance: number;
  readonly measurableNameEndings: readonly string[];
  /** Endings that look like a quantity but are not one (生活质量). */
  readonly unmeasurableNameEndings: readonly string[];
  readonly lostPointsItems: number;
  /** computedForBlankScore(form), when the caller has it already. */
  readonly computedForBlankScore?: readonly FormIndicator[];
}

/** Points an indicator lost, or 0 when it has full marks or no score to compare. */
export function pointsLost(score: number | null, max: number | null, tolerance: number): number {
  if (score === null || max === null || score >= max - tolerance) return 0;
  return round2(max - score);
}

const ROW = /(\d+)$/;

function rowOf(cell: string): number {
  const match = ROW.exec(cell);
  return match ? Number(match[1]) : 0;
}

/** Problems that are wrong entries rather than missing ones; each is named in 二 by its fault. */
export const FAULT_CODES: readonly ProblemCode[] = [
  "not-a-number",
  "negative-value",
  "score-exceeds-max",
  "formula-error",
  "total-mismatch",
  "weights-total",
  "group-score-exceeds-max",
  "total-exceeds-max",
  "maxima-unknown",
  "rate-mismatch",
  "unit-mismatch",
  "rating-mismatch",
];

/** The kinds of wrong entry a template words (problems.faults): the codes, and a 全年预算数 of 0. */
export const FAULT_KINDS: readonly string[] = [...FAULT_CODES, "budget-zero"];

/** The issues of one form, in the order the report lists them. */
export function findNarrativeIssues(form: ScoredForm, settings: IssueSettings): NarrativeIssue[] {
  const issues: NarrativeIssue[] = [];
  const tolerance = settings.tolerance;
  const problems = form.problems.list();

  const lostIndicators: Array<{ indicator: FormIndicator; lost: number }> = [];
  const disagreements: DisagreementEntry[] = [];
  const deviated = scoresBeforeDeviation(form);
  // Points a 扣分 column took were the bureau's to take: lost, not a disagreement.
  const deducted = form.effects.deductions.map((change) => change.row);
  form.indicators.forEach((indicator) => {
    // Points a 指标偏离 took are the deviation issue's, not a shortfall of completion.
    const before = deviated.get(indicator.row);
    const lost = pointsLost(before ?? indicator.score, indicator.max, tolerance);
    // A worded target met still earns 80–100 % of its points (财预〔2020〕10号 附1): points lost
    // there are a judgement, not a disagreement; the grade-band check covers the rest.
    const measured = indicator.kind === "quantitative";
    if (lost > 0 && measured && indicator.targetMet === true && deducted.indexOf(indicator.row) < 0)
      disagreements.push({ kind: "met-but-lost", indicator, name: indicator.name, lost });
    else if (lost > 0) lostIndicators.push({ indicator, lost });
    else if (
      measured &&
      indicator.targetMet === false &&
      indicator.score !== null &&
      indicator.max !== null
    )
      disagreements.push({ kind: "missed-but-full", indicator, name: indicator.name });
  });
  lostIndicators
    .slice(0, settings.lostPointsItems)
    .forEach((entry) =>
      issues.push({ kind: "lost-points", indicator: entry.indicator, lost: entry.lost })
    );
  if (lostIndicators.length > settings.lostPointsItems)
    issues.push({ kind: "more-lost", count: lostIndicators.length - settings.lostPointsItems });

  const budget = form.summary.budget;
  if (budget) {
    const lost = pointsLost(budget.score, budget.max, tolerance);
    if (lost > 0) issues.push({ kind: "budget", budget, lost });
  }
  ruleSetIssues(form).forEach((issue) => issues.push(issue));

  // Made when a problem first needs it: most forms have no disagreement to name.
  let byNameMap: Map<string, FormIndicator> | null = null;
  const byName = (): Map<string, FormIndicator> => {
    if (byNameMap === null) {
      const map = new Map<string, FormIndicator>();
      form.indicators.forEach((indicator) => {
        if (!map.has(indicator.name)) map.set(indicator.name, indicator);
      });
      byNameMap = map;
    }
    return byNameMap;
  };
  const disagreeing = new Set(disagreements.map((entry) => entry.name));
  problems.forEach((problem) => {
    if (problem.facts.code === "grade-band") {
      const facts = problem.facts;
      if (disagreeing.has(facts.subject)) return;
      disagreeing.add(facts.subject);
      disagreements.push({
        kind: "grade-band",
        indicator: byName().get(facts.subject) ?? null,
        name: facts.subject,
        score: facts.score,
        low: facts.low,
        high: facts.high,
      });
      return;
    }
    if (problem.facts.code !== "score-differs") return;
    const subject = problem.facts.subject;
    // "Met but lost points" already says the score is off; the rule's number adds nothing.
    if (disagreeing.has(subject)) return;
    disagreeing.add(subject);
    disagreements.push({
      kind: "differs",
      indicator: byName().get(subject) ?? null,
      name: subject,
      entered: problem.facts.entered,
      computed: problem.facts.computed,
    });
  });
  if (disagreements.length > 0) issues.push({ kind: "disagreement", entries: disagreements });

  const missing: MissingEntry[] = [];
  // An indicator's entry by its name, or by its row when it has none (thousands of values
  // missing on a large form: never each looked for in the list).
  const missingByName = new Map<string, MissingEntry>();
  const missingByRow = new Map<number, MissingEntry>();
  problems.forEach((problem) => {
    if (problem.facts.code !== "missing-value" || problem.facts.because === "budget-zero") return;
    const facts = problem.facts;
    const row = rowOf(problem.cell);
    const existing =
      facts.subject !== "" ? missingByName.get(facts.subject) : missingByRow.get(row);
    if (existing) {
      if (existing.fields.indexOf(facts.field) < 0)
        (existing.fields as FieldName[]).push(facts.field);
      return;
    }
    const entry: MissingEntry = { name: facts.subject, row, fields: [facts.field] };
    missing.push(entry);
    if (facts.subject !== "") missingByName.set(facts.subject, entry);
    else missingByRow.set(row, entry);
  });
  const computed = settings.computedForBlankScore ?? computedForBlankScore(form);
  if (missing.length > 0 || computed.length > 0)
    issues.push({ kind: "missing", entries: missing, computed });

  const measurable = endingsOf(settings.measurableNameEndings);
  const unmeasurable = endingsOf(settings.unmeasurableNameEndings);
  const vague = form.indicators.filter((indicator) => {
    if (indicator.kind !== "qualitative") return false;
    const name = nameForEndings(indicator.name);
    return endsWithAny(name, measurable) && !endsWithAny(name, unmeasurable);
  });
  if (vague.length > 0) issues.push({ kind: "vague", indicators: vague });

  const faults = problems.filter(
    (problem) =>
      FAULT_CODES.indexOf(problem.code) >= 0 ||
      (problem.facts.code === "missing-value" && problem.facts.because === "budget-zero")
  );
  if (faults.length > 0) issues.push({ kind: "input-errors", faults });
  return issues;
}

/** Each deviated indicator's score before the 指标偏离 deduction, by its row. */
export function scoresBeforeDeviation(form: ScoredForm): Map<number, number> {
  const before = new Map<number, number>();
  form.effects.deviations.forEach((change) => before.set(change.row, change.before));
  return before;
}

/** The cap, 指标偏离, over-completion, score ahead of spending, an unexplained 执行率, rescaling. */
function ruleSetIssues(form: ScoredForm): NarrativeIssue[] {
  const issues: NarrativeIssue[] = [];
  const effects = form.effects;
  // Made when a list of rows first needs it: most forms have no rule-set effect to name.
  let byRow: Map<number, FormIndicator> | null = null;
  const rows = (list: readonly number[]): FormIndicator[] => {
    if (byRow === null) {
      const map = new Map<number, FormIndicator>();
      form.indicators.forEach((indicator) => map.set(indicator.row, indicator));
      byRow = map;
    }
    const found = byRow;
    return list.map((row) => found.get(row)).filter((i): i is FormIndicator => i !== undefined);
  };

  if (effects.cap && effects.cap.uncapped !== null)
    issues.push({
      kind: "execution-cap",
      rate: effects.cap.rate,
      cap: effects.cap.cap,
      uncapped: effects.cap.uncapped,
    });
  if (effects.deviations.length > 0 && form.ruleSet.deviation)
    issues.push({
      kind: "deviation",
      indicators: rows(effects.deviations.map((change) => change.row)),
      lost: round2(
        effects.deviations.reduce((sum, change) => sum + change.before - change.after, 0)
      ),
      excess: round2(form.ruleSet.deviation.atRatio - 1),
    });
  if (effects.overCompleted.length > 0) {
    const missing = form.problems
      .list()
      .filter(
        (problem) =>
          problem.facts.code === "over-completion" &&
          problem.facts.reasonRequired &&
          !problem.facts.reasonGiven
      )
      .map((problem) => rowOf(problem.cell));
    const indicators = rows(effects.overCompleted);
    issues.push({
      kind: "over-completion",
      indicators,
      reasonMissing: indicators.filter((indicator) => missing.indexOf(indicator.row) >= 0),
    });
  }
  if (effects.scoreAhead) issues.push({ kind: "score-ahead", ...effects.scoreAhead });
  if (effects.budgetReasonMissing)
    issues.push({ kind: "budget-reason", ...effects.budgetReasonMissing });
  if (effects.notApplicable.length > 0)
    issues.push({ kind: "not-applicable", indicators: rows(effects.notApplicable) });
  return issues;
}

/** "固定资产利用率", "培训人次": a name that states a quantity, which a worded target cannot measure. */
export function impliesQuantity(name: string, endings: readonly string[]): boolean {
  return endsWithAny(nameForEndings(name), endingsOf(endings));
}

/** An ending as names are compared with it: normalised once, cut by its length as written. */
interface Ending {
  readonly length: number;
  readonly text: string;
}

function endingsOf(endings: readonly string[]): Ending[] {
  return endings.map((ending) => ({ length: ending.length, text: normaliseText(ending) }));
}

/** What may close a name after its ending: brackets and quotes. */
const CLOSERS = ")）\"”'’";

/**
 * A name as its ending is compared: normalised, the closing brackets and quotes at its end
 * dropped (looked at from the end: most names have none, and a regular expression anchored at
 * the end still tries every position).
 */
function nameForEndings(name: string): string {
  const text = normaliseText(name);
  let end = text.length;
  while (end > 0 && CLOSERS.indexOf(text.charAt(end - 1)) >= 0) end--;
  return end === text.length ? text : text.slice(0, end);
}

function endsWithAny(name: string, endings: readonly Ending[]): boolean {
  return endings.some((ending) => name.slice(-ending.length) === ending.text);
}

const UNUSABLE_SCORE_CODES = [
  "not-a-number",
  "negative-value",
  "score-exceeds-max",
  "formula-error",
];

/**
 * Indicators whose score the engine computed because the 自评得分 cell is blank — not those whose
 * entry was unusable ("十分", above 分值): that is a wrong entry, reported as one.
 */
export function computedForBlankScore(form: ScoredForm): FormIndicator[] {
  const unusable = new Set<string>();
  form.problems.list().forEach((problem) => {
    if (UNUSABLE_SCORE_CODES.indexOf(problem.code) >= 0) unusable.add(problem.cell);
  });
  return form.indicators.filter(
    (indicator) =>
      indicator.scoreSource === "computed" &&
      !(indicator.cells.score !== undefined && unusable.has(indicator.cells.score))
  );
}
