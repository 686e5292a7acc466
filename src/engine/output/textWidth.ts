/**
 * Rough text widths in Excel's column units (the width of "0"), for sizing rows and note boxes
 * the way Excel would not do by itself: merged wrapped cells never auto-fit their row height.
 */

/** East Asian wide and full-width characters take about two units; everything else one. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0xd800 && code <= 0xdbff) // supplementary planes: mostly CJK extensions and emoji
  );
}

export function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // the second half of a pair counted above
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/**
 * True when a text is one line at `width` units whatever its characters: two units a character
 * at most, and no line break (most cells of a 20,000-row results sheet), known without measuring
 * it character by character.
 */
export function fitsOneLine(text: string, width: number): boolean {
  return text.length * 2 <= width && text.indexOf("\n") < 0 && text.indexOf("\r") < 0;
}

/**
 * Lines a text takes when wrapped at `width` units, counting its own line breaks (\r\n, \r or
 * \n): each line's width measured in place, the text never cut into lines.
 */
export function wrappedLineCount(text: string, width: number): number {
  const usable = Math.max(1, width);
  if (fitsOneLine(text, usable)) return 1;
  let lines = 0;
  let lineWidth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) {
      lines += Math.max(1, Math.ceil(lineWidth / usable));
      lineWidth = 0;
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue; // the second half of a pair counted above
    lineWidth += isWide(code) ? 2 : 1;
  }
  return lines + Math.max(1, Math.ceil(lineWidth / usable));
}

/**
 * The greatest length k, from 0 to `most`, such that the first k characters of `text` take at
 * most `lines` lines at `width` units (wrappedLineCount(text.slice(0, k), width) <= lines), found
 * in one pass: a prefix never takes fewer lines than a shorter one. 0 when even one character is
 * too many (an empty text is one line).
 */
export function longestPrefixWithinLines(
  text: string,
  width: number,
  lines: number,
  most: number
): number {
  const usable = Math.max(1, width);
  const end = Math.min(most, text.length);
  // Lines of the line breaks passed, and the width of the line after the last.
  let done = 0;
  let lineWidth = 0;
  let longest = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a && i > 0 && text.charCodeAt(i - 1) === 0x0d) {
      // \r\n is one break, counted at its \r.
    } else if (code === 0x0a || code === 0x0d) {
      done += Math.max(1, Math.ceil(lineWidth / usable));
      lineWidth = 0;
    } else if (code < 0xdc00 || code > 0xdfff) {
      lineWidth += isWide(code) ? 2 : 1;
    }
    if (done + Math.max(1, Math.ceil(lineWidth / usable)) > lines) break;
    longest = i + 1;
  }
  return longest;
}
