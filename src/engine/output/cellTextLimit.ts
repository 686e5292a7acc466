/**
 * Excel's limits on what one cell holds: 32,767 characters of text (a longer one makes Excel
 * repair or truncate the file, and Office.js refuses it), and a row at most 409 points high.
 */

/** The most characters Excel keeps in one cell (and in one note). */
export const EXCEL_CELL_TEXT_LIMIT = 32767;

/** Said where a text had to be shortened to fit a cell. */
export const SHORTENED_NOTE = "……（原文超过 Excel 单元格 32767 个字符的上限，其余部分从略）";

/** The highest row Excel allows, in points. */
export const EXCEL_MAX_ROW_HEIGHT = 409;

/** Where a cut may fall: never between the two halves of a surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return at > 1 && code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/** A text that fits one cell: as it is when it does, else shortened, saying so at its end. */
export function fitCellText(text: string, limit: number = EXCEL_CELL_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  return text.slice(0, safeCut(text, limit - SHORTENED_NOTE.length)) + SHORTENED_NOTE;
}

const CLAUSE_END = /[。；！？;!?\n]/;

/**
 * A text cut into pieces that each fit, at the end of a sentence or clause where one falls in
 * the last third of the piece, else where the piece is full. Nothing is dropped: the pieces
 * joined are the text. `longest` says how much fits: the length of the longest prefix of a text,
 * up to `most`, that fits (0 when none does: a piece then takes one character); every prefix of
 * a piece that fits must fit too (a shorter text never needs a taller row).
 */
export function splitToFit(
  text: string,
  longest: (text: string, most: number) => number
): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 1) {
    // One pass says both whether all of the rest fits and where a piece of it is full: a cell
    // row holds at most a few thousand characters.
    const reach = longest(rest, rest.length);
    if (reach >= rest.length) break;
    const low = Math.min(rest.length - 1, 8192, Math.max(1, reach));
    let cut = low;
    for (let i = low - 1; i >= Math.floor((low * 2) / 3) && i > 0; i--) {
      if (CLAUSE_END.test(rest.charAt(i))) {
        cut = i + 1;
        break;
      }
    }
    cut = safeCut(rest, cut);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}
