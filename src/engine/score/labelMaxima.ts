import type { DetectedForm, GroupMaximum } from "../detect/types";
import type { FormIndicator } from "../report/schema";
import { normaliseText } from "../values/normaliseText";
import { sum2 } from "./round";

/**
 * Forms without a 分值 column (湖北) state maxima only in labels: "年度绩效目标1（40分）",
 * "产出指标（40分）". The indicators' own maxima are then unknown; the engine uses only what the
 * labels say: a group of one indicator gives it the group's 分值, and the entered scores of a
 * group are checked against the group's 分值. Where every indicator of a group met its target
 * and the whole-point ceilings of the scores add up to the group's 分值 exactly (10 + 10 + 19.6
 * of 40 → 10, 10, 20), those ceilings are the maxima the unit had in mind: the score that fell
 * short of its own is then checked like any other. That is an inference, never reported as a
 * 分值: the indicators' `max` stays null.
 */

export interface IndicatorMaxima {
  /** A 分值 the labels give the indicator itself (a group of one): reported as its max. */
  readonly stated: number | null;
  /** A maximum inferred for checks only. */
  readonly implied: number | null;
}

/** The key of a path, to compare paths as the sheet's labels compare. */
export function pathKey(path: readonly string[]): string {
  return path.map(normaliseText).join("\u0000");
}

/** The nearest labelled group holding an indicator path (the longest prefix), or null. */
export function labelledGroupOf(
  maxima: readonly GroupMaximum[],
  path: readonly string[]
): GroupMaximum | null {
  let best: GroupMaximum | null = null;
  for (const group of maxima) {
    if (group.path.length > path.length) continue;
    if (!group.path.every((name, i) => normaliseText(name) === normaliseText(path[i]))) continue;
    if (!best || group.path.length > best.path.length) best = group;
  }
  return best;
}

/**
 * Each indicator's maximum from the labels, given a first reading of the indicators (their
 * entered scores and whether they met their targets, read without maxima).
 */
export function indicatorMaxima(
  detected: DetectedForm,
  firstReading: readonly FormIndicator[],
  tolerance: number
): Map<number, IndicatorMaxima> {
  const result = new Map<number, IndicatorMaxima>();
  const maxima = detected.table.groupMaxima;
  const members = new Map<GroupMaximum, FormIndicator[]>();
  for (const indicator of firstReading) {
    if (indicator.kind === "not-applicable") continue;
    const group = labelledGroupOf(maxima, indicator.path);
    if (!group) continue;
    const list = members.get(group) ?? [];
    list.push(indicator);
    members.set(group, list);
  }
  members.forEach((list, group) => {
    if (list.length === 1) {
      result.set(list[0].row, { stated: group.max, implied: null });
      return;
    }
    if (list.some((indicator) => indicator.score === null || indicator.scoreSource !== "entered"))
      return;
    const ceiling = (score: number): number => Math.ceil(score - 1e-9);
    const met = list.filter((indicator) => indicator.targetMet === true);
    const others = list.filter((indicator) => indicator.targetMet !== true);
    const metTotal = sum2(met.map((indicator) => ceiling(indicator.score as number)));
    let rest: number | null = null;
    if (others.length === 0) {
      if (Math.abs(metTotal - group.max) > tolerance) return;
    } else if (others.length === 1) {
      rest = group.max - metTotal;
      if (!(rest > 0) || rest < (others[0].score as number) - tolerance) return;
    } else return;
    for (const indicator of met)
      result.set(indicator.row, { stated: null, implied: ceiling(indicator.score as number) });
    if (rest !== null) result.set(others[0].row, { stated: null, implied: rest });
  });
  return result;
}
