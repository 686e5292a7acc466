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
  form.indicators.forEach((indicator) => {
    const lost = pointsLost(indicator.score, indicator.max, tolerance);
    // A worded target met still earns 80–100 % of its points (财预〔2020〕10号 附1): points lost
    // there are a judgement, not a disagreement; the grade-band check covers the rest.
    const measured = indicator.kind === "quantitative";
    if (lost > 0 && measured && indicator.targetMet === true)
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

  const byName = new Map<string, FormIndicator>();
  form.indicators.forEach((indicator) => {
    if (!byName.has(indicator.name)) byName.set(indicator.name, indicator);
  });
  const disagreeing = new Set(disagreements.map((entry) => entry.name));
  problems.forEach((problem) => {
    if (problem.facts.code === "grade-band") {
      const facts = problem.facts;
      if (disagreeing.has(facts.subject)) return;
      disagreeing.add(facts.subject);
      disagreements.push({
        kind: "grade-band",
        indicator: byName.get(facts.subject) ?? null,
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
      indicator: byName.get(subject) ?? null,
      name: subject,
      entered: problem.facts.entered,
      computed: problem.facts.computed,
    });
  });
  if (disagreements.length > 0) issues.push({ kind: "disagreement", entries: disagreements });

  const missing: MissingEntry[] = [];
  problems.forEach((problem) => {
    if (problem.facts.code !== "missing-value" || problem.facts.because === "budget-zero") return;
    const facts = problem.facts;
    const existing = missing.find(
      (entry) =>
        entry.name === facts.subject && (facts.subject !== "" || entry.row === rowOf(problem.cell))
    );
    if (existing) {
      if (existing.fields.indexOf(facts.field) < 0)
        (existing.fields as FieldName[]).push(facts.field);
    } else missing.push({ name: facts.subject, row: rowOf(problem.cell), fields: [facts.field] });
  });
  const computed = computedForBlankScore(form);
  if (missing.length > 0 || computed.length > 0)
    issues.push({ kind: "missing", entries: missing, computed });

  const vague = form.indicators.filter(
    (indicator) =>
      indicator.kind === "qualitative" &&
      impliesQuantity(indicator.name, settings.measurableNameEndings) &&
      !impliesQuantity(indicator.name, settings.unmeasurableNameEndings)
  );
  if (vague.length > 0) issues.push({ kind: "vague", indicators: vague });

  const faults = problems.filter(
    (problem) =>
      FAULT_CODES.indexOf(problem.code) >= 0 ||
      (problem.facts.code === "missing-value" && problem.facts.because === "budget-zero")
  );
  if (faults.length > 0) issues.push({ kind: "input-errors", faults });
  return issues;
}

/** "固定资产利用率", "培训人次": a name that states a quantity, which a worded target cannot measure. */
export function impliesQuantity(name: string, endings: readonly string[]): boolean {
  const normalised = normaliseText(name).replace(/[)）"”'’]+$/, "");
  return endings.some((ending) => normalised.slice(-ending.length) === normaliseText(ending));
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
  const unusable = form.problems
    .list()
    .filter((problem) => UNUSABLE_SCORE_CODES.indexOf(problem.code) >= 0)
    .map((problem) => problem.cell);
  return form.indicators.filter(
    (indicator) =>
      indicator.scoreSource === "computed" &&
      !(indicator.cells.score !== undefined && unusable.indexOf(indicator.cells.score) >= 0)
  );
}
