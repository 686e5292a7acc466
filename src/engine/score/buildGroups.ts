/** Every level's sub-score, and the maxima a labels-only form's total is made of. */
import type { GroupMaximum } from "../detect/types";
import type { FormGroup, FormIndicator, ReportBudget } from "../report/schema";
import { labelledGroupOf, pathKey, type IndicatorMaxima } from "./labelMaxima";
import { round2 } from "./round";

/** A level's sums as its indicators are added, in their order (as sum2 adds them). */
interface GroupSums {
  readonly path: string[];
  scoreSum: number;
  scoresKnown: number;
  members: number;
  maxSum: number;
  /** Every member's maximum is known (from the 分值 column, or stated or inferred from labels). */
  maximaKnown: boolean;
}

/** The levels under a level (or under the form), by name. */
interface Level {
  children: Map<string, GroupNode> | null;
}

/** A level in the tree of paths, with its sums. */
interface GroupNode extends Level {
  readonly sums: GroupSums;
}

/** Every level's sub-score: the sum of its indicators' scores, those that do not apply left out. */
export function buildGroups(
  sheetName: string,
  indicators: readonly FormIndicator[],
  budget: ReportBudget | null,
  groupMaxima: readonly GroupMaximum[] | null = null,
  maxima: ReadonlyMap<number, IndicatorMaxima> | null = null
): FormGroup[] {
  // In the order each level is first met.
  const groups: GroupSums[] = [];
  if (budget)
    groups.push({
      path: ["预算执行率"],
      scoreSum: budget.score !== null ? budget.score : 0,
      scoresKnown: budget.score !== null ? 1 : 0,
      members: 1,
      maxSum: budget.max !== null ? budget.max : 0,
      maximaKnown: true,
    });
  // Levels are found by name under their parent, never by a key string made per row and level;
  // rows of one group follow each other, so the previous row's levels are tried first.
  const root: Level = { children: null };
  const chain: GroupNode[] = [];
  let previous: readonly string[] = [];
  for (let i = 0; i < indicators.length; i++) {
    const indicator = indicators[i];
    // Not applicable: 不考核该指标, in no group's sum.
    if (indicator.kind === "not-applicable") continue;
    let max = indicator.max;
    if (max === null && maxima) {
      const fromLabels = maxima.get(indicator.row);
      if (fromLabels) max = fromLabels.stated ?? fromLabels.implied;
    }
    const path = indicator.path;
    const score = indicator.score;
    let parent: Level = root;
    let same = true;
    for (let depth = 0; depth < path.length; depth++) {
      let node: GroupNode | undefined;
      if (same && depth < previous.length && previous[depth] === path[depth]) node = chain[depth];
      else {
        same = false;
        const children = parent.children ?? (parent.children = new Map());
        node = children.get(path[depth]);
        if (!node) {
          node = {
            sums: {
              path: path.slice(0, depth + 1),
              scoreSum: 0,
              scoresKnown: 0,
              members: 0,
              maxSum: 0,
              maximaKnown: true,
            },
            children: null,
          };
          children.set(path[depth], node);
          groups.push(node.sums);
        }
        chain[depth] = node;
      }
      const sums = node.sums;
      sums.members++;
      if (score !== null) {
        sums.scoreSum += score;
        sums.scoresKnown++;
      }
      if (max !== null) sums.maxSum += max;
      else sums.maximaKnown = false;
      parent = node;
    }
    previous = path;
  }
  const labelled = new Map<string, number>();
  if (groupMaxima) for (const group of groupMaxima) labelled.set(pathKey(group.path), group.max);
  const listed = groupMaxima
    ? // Forms without a 分值 column list the groups whose 分值 is known: from a label, or
      // because every member's maximum is known.
      groups.filter((group) => labelled.has(pathKey(group.path)) || group.maximaKnown)
    : groups;
  return listed.map((group) => {
    const fromLabel = groupMaxima ? labelled.get(pathKey(group.path)) : undefined;
    return {
      sheet: sheetName,
      path: group.path,
      score: group.scoresKnown > 0 ? round2(group.scoreSum) : null,
      max: fromLabel !== undefined ? fromLabel : round2(group.maxSum),
      complete: group.scoresKnown === group.members,
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
