/**
 * Rounds to 2 decimals, half away from zero, on the decimal the user sees: 7.359999999999999 → 7.36,
 * 1.005 → 1.01. Scores round to 2 decimals before they add up (财预〔2020〕10号 自评表 保留两位小数).
 */
export function round2(value: number): number {
  // × (1 + 1e-12) lifts 100.49999999999999 (1.005 × 100) to the half it stands for.
  const scaled = Math.abs(value) * 100;
  const rounded = Math.round(scaled * (1 + 1e-12)) / 100;
  return value < 0 ? -rounded : rounded;
}

/** Adds rounded scores and rounds the sum again, so that 49.36 + 49 is 98.36 and not 98.36000000000001. */
export function sum2(values: readonly number[]): number {
  // By index: a for…of over 20,000 scores, run once and so never optimised, makes an iterator
  // result object per step.
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return round2(total);
}

/** A score as Chinese reports write it: at most 2 decimals, no trailing zeros ("98", "98.36", "9.5"). */
export function formatScore(value: number): string {
  return String(round2(value));
}
