/**
 * True when two lists of strings hold the same strings in the same order (two paths naming the
 * same group, level by level); the same array at once.
 */
export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
