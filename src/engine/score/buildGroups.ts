/** Every level's sub-score, and the maxima a labels-only form's total is made of. */
import type { GroupMaximum } from "../detect/types";
import type { FormGroup, FormIndicator, ReportBudget } from "../report/schema";
import { labelledGroupOf, pathKey, type IndicatorMaxima } from "./labelMaxima";
import { sum2 } from "./round";

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

/** The maxima making up a labels-only form's total: its outermost labelled groups, and the indicators outside any. */
export function labelledTotalMaxima(
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
