/**
 * A short fingerprint (FNV-1a, 32-bit, hex) of a sheet's texts in row order. The tool stores it
 * when it writes a sheet, and compares it on the next run to tell whether the user edited that sheet.
 */
export function fingerprintTexts(texts: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t] + "\u0001";
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return ("0000000" + hash.toString(16)).slice(-8);
}
