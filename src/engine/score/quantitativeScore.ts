import type { ParsedNumber } from "../values/parseValue";
import { round2 } from "./round";

export interface QuantitativeOutcome {
  /** Whether the actual reaches the target. */
  readonly met: boolean;
  /** 0 ≤ score ≤ max, rounded to 2 decimals. */
  readonly score: number;
}

/**
 * Scores a quantitative indicator (财预〔2020〕10号 附1 评分说明): reached → full marks; a positive
 * indicator (≥x, or a bare number) that misses scores actual/target × 分值, a negative one (≤x)
 * target/actual × 分值. A zero target ("0起", "≤0%") allows nothing above 0: missed → 0.
 * Never above 分值, never below 0, never a division by zero. `actualScale` converts the actual
 * into the target's unit (万元 against 元).
 */
export function quantitativeScore(
  target: ParsedNumber,
  actual: ParsedNumber,
  max: number,
  actualScale = 1
): QuantitativeOutcome {
  let goal = target.value;
  let reached = actual.value * actualScale;
  // "≥95%" against a bare "96": the actual is in percent points.
  if (target.percent && !actual.percent && Math.abs(reached) > 1.5) reached = reached / 100;
  if (!target.percent && actual.percent && Math.abs(goal) > 1.5) goal = goal / 100;

  let comparator = target.comparator;
  // A bare zero ("0起") is a ceiling, not a floor: nothing is always "at least 0".
  if (comparator === null) comparator = goal === 0 ? "<=" : ">=";

  const epsilon = 1e-9;
  let met: boolean;
  let ratio: number;
  switch (comparator) {
    case ">=":
    case ">":
      met = comparator === ">=" ? reached >= goal - epsilon : reached > goal;
      ratio = upwardRatio(goal, reached);
      break;
    case "<=":
    case "<":
      met = comparator === "<=" ? reached <= goal + epsilon : reached < goal;
      ratio = downwardRatio(goal, reached);
      break;
    default:
      met = Math.abs(reached - goal) <= epsilon;
      ratio = reached < goal ? upwardRatio(goal, reached) : downwardRatio(goal, reached);
  }
  // A ratio of tiny numbers can overflow to ±Infinity; the share earned stays within [0, 1].
  const share = isFinite(ratio) ? Math.min(1, Math.max(0, ratio)) : ratio > 0 ? 1 : 0;
  const score = met ? max : max * share;
  return { met, score: round2(score) };
}

// Share earned when more is better.
function upwardRatio(goal: number, reached: number): number {
  if (goal > 0) return reached / goal;
  if (goal < 0 && reached < 0) return goal / reached;
  return 0;
}

// Share earned when less is better.
function downwardRatio(goal: number, reached: number): number {
  if (goal > 0 && reached > 0) return goal / reached;
  if (goal < 0 && reached < 0) return reached / goal;
  return 0;
}
