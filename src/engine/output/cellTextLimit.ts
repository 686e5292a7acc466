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
 * A text cut into pieces that each `fits`, at the end of a sentence or clause where one falls in
 * the last third of the piece, else where the piece is full. Nothing is dropped: the pieces
 * joined are the text.
 */
export function splitToFit(text: string, fits: (piece: string) => boolean): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 1 && !fits(rest)) {
    // The longest prefix that fits, by halving: a cell row holds at most a few thousand characters.
    let low = 1;
    let high = Math.min(rest.length - 1, 8192);
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits(rest.slice(0, middle))) low = middle;
      else high = middle - 1;
    }
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
