/**
 * A short fingerprint (FNV-1a, 32-bit, hex) of a sheet's texts in row order. The tool stores it
 * when it writes a sheet, and compares it on the next run to tell whether the user edited that sheet.
 */
export function fingerprintTexts(texts: readonly string[]): string {
  let hash = FNV_OFFSET;
  for (let t = 0; t < texts.length; t++) hash = hashText(hash, texts[t]);
  return fingerprintHex(hash);
}

/**
 * FNV-1a's starting value. The hash is carried as a signed 32-bit integer (what Math.imul gives,
 * the same bits) and read as unsigned only at the end: V8 keeps it a small integer throughout.
 */
export const FNV_OFFSET = 0x811c9dc5 | 0;

/**
 * The hash carried on over one text and the U+0001 that ends it, as if the two were one string
 * (never made: a sheet's texts would each be copied once more only to be hashed).
 */
export function hashText(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(hash ^ 1, 0x01000193);
}

/** A hash as the fingerprint states it: eight hex digits. */
export function fingerprintHex(hash: number): string {
  return ("0000000" + (hash >>> 0).toString(16)).slice(-8);
}
