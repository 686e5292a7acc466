/**
 * A 32-bit FNV-1a hash of a text: the seed of a sample, so the same file list always draws the
 * same forms. Character codes are hashed as UTF-16 units, which is stable across hosts.
 */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * Mulberry32: a small, fast generator of numbers in [0, 1) from a 32-bit seed. Not for secrets;
 * enough to draw a sample that anyone can draw again from the same seed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
