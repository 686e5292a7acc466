/** A score as the engine rounded it (2 decimals), without trailing zeros. */
export function formatPoints(value: number): string {
  return String(Math.round(value * 100) / 100);
}
