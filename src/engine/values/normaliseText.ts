import { isWhitespaceCode } from "../grid/whitespace";

/** What needsNormalising tells, as a regular expression (kept for the tests to compare). */
export const NEEDS_NORMALISING =
  /[\s\uff01-\uff5e\ufe66\ufe6a\u2212\ufe63\u2267\u2266\u2a7e\u2a7d\u2550\u3000\u3002\u200b\ufeff]/;

/**
 * Whether a text holds a character normaliseText changes or removes: NEEDS_NORMALISING.test, by
 * character codes. Detection asks it of every cell (234,000 times for 20,000 indicators), nearly
 * always of text that needs nothing; a loop over a few characters costs less than a match.
 */
export function needsNormalising(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xa0) {
      // White space of ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
      if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
      continue;
    }
    if (
      // The rest of \s (no-break, Ogham and ideographic spaces, U+2000–U+200A, the line and
      // paragraph separators, byte order mark…), and U+200B, zero width, removed too.
      isWhitespaceCode(code) ||
      code === 0x200b ||
      // U+180E was white space to older engines (Internet Explorer 11's \s): where it still is,
      // normaliseText removes it, as before; elsewhere its loop keeps it, and the text is unchanged.
      code === 0x180e ||
      // Full-width forms and look-alikes normaliseText maps.
      (code >= 0xff01 && code <= 0xff5e) ||
      code === 0xfe66 ||
      code === 0xfe6a ||
      code === 0x2212 ||
      code === 0xfe63 ||
      code === 0x2267 ||
      code === 0x2266 ||
      code === 0x2a7e ||
      code === 0x2a7d ||
      code === 0x2550 ||
      code === 0x3002
    )
      return true;
  }
  return false;
}

/**
 * Maps full-width and look-alike characters to their ASCII forms by code point and removes all
 * white space (templates put spaces and line breaks anywhere). String.prototype.normalize is
 * avoided on purpose: Internet Explorer 11 has none.
 */
export function normaliseText(text: string): string {
  // Most cells need no change; one test spares building a new string for them.
  if (!needsNormalising(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0);
    } else if (code === 0xfe66) {
      out += "="; // ﹦ small equals sign
    } else if (code === 0xfe6a) {
      out += "%"; // ﹪ small percent sign
    } else if (code === 0x2212 || code === 0xfe63) {
      out += "-"; // − minus sign, ﹣ small hyphen-minus
    } else if (code === 0x2267 || code === 0x2a7e) {
      out += "≥"; // ≧, ⩾ (typed for ≥ in published tables)
    } else if (code === 0x2266 || code === 0x2a7d) {
      out += "≤"; // ≦, ⩽
    } else if (code === 0x2550) {
      out += "="; // ═ box-drawing double line, typed for = ("═100%") by input methods
    } else if (
      code === 0x3002 &&
      i > 0 &&
      i < text.length - 1 &&
      isDigitCode(text.charCodeAt(i - 1))
    ) {
      out += "."; // 。 typed as a decimal point between digits
    } else if (/\s/.test(text.charAt(i)) || code === 0x3000 || code === 0x200b || code === 0xfeff) {
      continue;
    } else {
      out += text.charAt(i);
    }
  }
  return out;
}

function isDigitCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}
