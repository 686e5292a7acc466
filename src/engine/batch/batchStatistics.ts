import { RATINGS } from "../rules/profile";
import { amountInWan } from "./budgetAmount";
import type { BatchFile, BatchForm, BatchFunds, BatchStatistics, Spread } from "./types";

/** Count, mean, population standard deviation, least and greatest of some numbers. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0)
    return { count: 0, mean: null, standardDeviation: null, min: null, max: null };
  let sum = 0;
  let min = values[0];
  let max = values[0];
  for (const value of values) {
    sum += value;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const mean = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) * (value - mean);
  return {
    count: values.length,
    mean,
    standardDeviation: Math.sqrt(squares / values.length),
    min,
    max,
  };
}

/** Counts in a fixed order: the known ones first as listed, then the others as first met. */
function ordered(
  counts: Map<string, number>,
  known: readonly string[]
): Array<{ key: string; count: number }> {
  const keys = known
    .filter((key) => counts.has(key))
    .concat(Array.from(counts.keys()).filter((key) => known.indexOf(key) < 0));
  return keys.map((key) => ({ key, count: counts.get(key) as number }));
}

/** Whether a form's 全年预算数 and 全年执行数 are both stated: the overall 执行率 counts only these. */
export function statesBothAmounts(form: BatchForm): boolean {
  return !!form.budget && form.budget.budget !== null && form.budget.executed !== null;
}

/** The batch's amounts in 万元 and its overall 执行率, over the forms stating both amounts. */
export function batchFunds(forms: readonly BatchForm[]): BatchFunds {
  let counted = 0;
  let leftOut = 0;
  let budget = 0;
  let executed = 0;
  for (const form of forms) {
    const line = form.budget;
    if (!line || (line.budget === null && line.executed === null)) continue;
    if (!statesBothAmounts(form)) {
      leftOut++;
      continue;
    }
    counted++;
    budget += amountInWan(line.budget, line.unit) as number;
    executed += amountInWan(line.executed, line.unit) as number;
  }
  return {
    forms: counted,
    leftOut,
    budget,
    executed,
    rate: counted > 0 && budget > 0 ? executed / budget : null,
  };
}

/** The 百分制 the 评级 bands are set on (财预〔2020〕10号: 优 90–100 …): totals compare on it. */
const FULL_MARKS = 100;

/**
 * A 总分 to count in the statistics: complete, out of 100 and not above it. 110 of 110 (分值
 * adding up to 110) or 102 of 100 is no score to average with the others.
 */
export function hasSoundTotal(form: BatchForm): boolean {
  const { score, max, complete } = form.total;
  return (
    score !== null &&
    complete &&
    max !== null &&
    Math.abs(max - FULL_MARKS) < 0.005 &&
    score <= FULL_MARKS + 0.005
  );
}

/** The 统计 sheet's figures over every scored form. */
export function batchStatistics(files: readonly BatchFile[]): BatchStatistics {
  const ratings = new Map<string, number>();
  const kinds = new Map<string, number>();
  const scores: number[] = [];
  const rates: number[] = [];
  let unrated = 0;
  let scoreLeftOut = 0;
  for (const file of files)
    for (const form of file.forms) {
      if (form.rating === null) unrated++;
      else ratings.set(form.rating, (ratings.get(form.rating) || 0) + 1);
      kinds.set(form.kind, (kinds.get(form.kind) || 0) + 1);
      if (form.total.score !== null) {
        if (hasSoundTotal(form)) scores.push(form.total.score);
        else scoreLeftOut++;
      }
      if (form.budget && form.budget.rate !== null) rates.push(form.budget.rate);
    }
  // The national ratings are all listed, even with no form, so the chart always shows the four
  // bands; a rule set with labels of its own (好/较好/一般/差) shows those it met.
  const national = Array.from(ratings.keys()).every(
    (rating) => (RATINGS as readonly string[]).indexOf(rating) >= 0
  );
  if (national) for (const rating of RATINGS) if (!ratings.has(rating)) ratings.set(rating, 0);
  return {
    byRating: ordered(ratings, RATINGS).map((entry) => ({ rating: entry.key, count: entry.count })),
    unrated,
    byKind: ordered(kinds, ["project", "department"]).map((entry) => ({
      kind: entry.key,
      count: entry.count,
    })),
    score: spreadOf(scores),
    scoreLeftOut,
    rate: spreadOf(rates),
    funds: batchFunds(files.reduce<BatchForm[]>((all, file) => all.concat(file.forms), [])),
  };
}
