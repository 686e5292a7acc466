import type { Comparator, ParsedNumber } from "../values/parseValue";
import { round2 } from "./round";

/** The formula a quantitative indicator is scored by (the report's `indicators[].rule`). */
export type QuantitativeRule =
  "positive" | "negative-ratio" | "negative-linear" | "equal" | "zero-target";

export interface QuantitativeOptions {
  /**
   * How a 反向 (≤) indicator that misses is scored: "ratio" target/actual × 分值, "linear"
   * (1 − (actual − target)/target) × 分值. @default "ratio"
   */
  readonly negativeFormula?: "ratio" | "linear";
}

export interface QuantitativeOutcome {
  /** Whether the actual reaches the target. */
  readonly met: boolean;
  /** 0 ≤ score ≤ max, rounded to 2 decimals. */
  readonly score: number;
  readonly rule: QuantitativeRule;
  /** The target and the actual in the same unit and scale (fractions for percentages). */
  readonly goal: number;
  readonly reached: number;
}

// The comparator a target states, a bare number being read as ">=" — or, when it is 0
// ("0起"), as "<=": nothing is always "at least 0", so a bare zero is a ceiling.
function effectiveComparator(comparator: Comparator | null, goal: number): Comparator {
  if (comparator !== null) return comparator;
  return goal === 0 ? "<=" : ">=";
}

/**
 * The formula a quantitative target calls for, known from the target alone (so an indicator
 * whose actual is missing still names it).
 */
export function quantitativeRuleOf(
  target: ParsedNumber,
  options: QuantitativeOptions = {}
): QuantitativeRule {
  const comparator = effectiveComparator(target.comparator, target.value);
  switch (comparator) {
    case ">=":
    case ">":
      return "positive";
    case "<=":
    case "<":
      if (target.value === 0) return "zero-target";
      return options.negativeFormula === "linear" ? "negative-linear" : "negative-ratio";
    default:
      return target.value === 0 ? "zero-target" : "equal";
  }
}

/**
 * Scores a quantitative indicator: reached → full marks; otherwise by its rule —
 * - positive (≥x, or a bare number; 财预〔2020〕10号 附1): actual/target × 分值;
 * - negative-ratio (≤x): target/actual × 分值;
 * - negative-linear (≤x; a vendor's selfreverseindex): (1 − (actual − target)/target) × 分值,
 *   0 from twice the target;
 * - equal (=x; selfequalindex): as a positive indicator — at or above the target full marks;
 * - zero-target (0起, ≤0%, =0): nothing above 0 allowed, so missed → 0.
 * Never above 分值, never below 0, never a division by zero. `actualScale` converts the actual
 * into the target's unit (万元 against 元).
 */
export function quantitativeScore(
  target: ParsedNumber,
  actual: ParsedNumber,
  max: number,
  actualScale = 1,
  options: QuantitativeOptions = {}
): QuantitativeOutcome {
  let goal = target.value;
  let reached = actual.value * actualScale;
  // "≥95%" against a bare "96": the actual is in percent points.
  if (target.percent && !actual.percent && Math.abs(reached) > 1.5) reached = reached / 100;
  if (!target.percent && actual.percent && Math.abs(goal) > 1.5) goal = goal / 100;

  const rule = quantitativeRuleOf(target, options);
  const comparator = effectiveComparator(target.comparator, target.value);
  const epsilon = 1e-9;
  let met: boolean;
  let ratio: number;
  switch (rule) {
    case "positive":
      met = comparator === ">" ? reached > goal : reached >= goal - epsilon;
      ratio = upwardRatio(goal, reached);
      break;
    case "equal":
      // selfequalindex: at or above the target scores as met; below it, as a positive indicator.
      met = reached >= goal - epsilon;
      ratio = upwardRatio(goal, reached);
      break;
    case "zero-target":
      met = comparator === "<" ? reached < goal : reached <= goal + epsilon;
      ratio = 0;
      break;
    case "negative-linear":
      met = comparator === "<" ? reached < goal : reached <= goal + epsilon;
      ratio = linearDownwardShare(goal, reached);
      break;
    default:
      met = comparator === "<" ? reached < goal : reached <= goal + epsilon;
      ratio = downwardRatio(goal, reached);
  }
  // A ratio of tiny numbers can overflow to ±Infinity; the share earned stays within [0, 1].
  const share = isFinite(ratio) ? Math.min(1, Math.max(0, ratio)) : ratio > 0 ? 1 : 0;
  const score = met ? max : max * share;
  return { met, score: round2(score), rule, goal, reached };
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

// selfreverseindex: t < a < 2t → 1 − (a − t)/t; a ≥ 2t → 0. A negative target has no such band
// (2t < t), so any miss scores 0, as the vendor's formula gives.
function linearDownwardShare(goal: number, reached: number): number {
  if (goal <= 0 || reached >= 2 * goal) return 0;
  return 1 - (reached - goal) / goal;
}
