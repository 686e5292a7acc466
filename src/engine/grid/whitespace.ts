/**
 * True for the characters JavaScript's `\s` matches (tab to carriage return, space, U+00A0,
 * U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF): for scanners that test
 * a character by its code instead of running a pattern on each.
 */
export function isWhitespaceCode(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Anything but white space: a text that counts. */
const NOT_BLANK = /[^\s\u3000]/;

/**
 * True for "" and for text of white space only. Nearly every text starts with a character that
 * is no space (a CJK character, a letter, a digit): then it is known without the pattern.
 */
export function isBlankText(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first > 32 && !isWhitespaceCode(first)) return false;
  return !NOT_BLANK.test(text);
}
