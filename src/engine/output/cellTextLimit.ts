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
 * The length of the longest prefix of `text`, from 1 to `most`, that `fits` (1 when none does):
 * what halving [1, most] finds, since every prefix of a piece that fits fits too. The search
 * starts at `hint`, the last piece's length (a paragraph of like clauses is cut into pieces of
 * about one length), and widens from there by doubling steps before halving: a few measures of a
 * piece instead of some thirteen.
 */
function longestFitting(
  text: string,
  fits: (piece: string) => boolean,
  most: number,
  hint: number
): number {
  let low = 1;
  let high = most;
  if (hint > 1 && hint < most) {
    if (fits(text.slice(0, hint))) {
      low = hint;
      for (let step = 16; low < high; step *= 2) {
        const probe = Math.min(high, low + step);
        if (!fits(text.slice(0, probe))) {
          high = probe - 1;
          break;
        }
        low = probe;
      }
    } else {
      high = hint - 1;
      for (let step = 16; low < high; step *= 2) {
        const probe = Math.max(low, high - step);
        if (fits(text.slice(0, probe))) {
          low = probe;
          break;
        }
        high = probe - 1;
      }
    }
  }
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(text.slice(0, middle))) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * A text cut into pieces that each `fits`, at the end of a sentence or clause where one falls in
 * the last third of the piece, else where the piece is full. Nothing is dropped: the pieces
 * joined are the text. `fits` must hold for every prefix of a piece it holds for (a shorter text
 * never needs a taller row). `longest`, when given, is what searching with `fits` would find,
 * worked out at once: the length of the longest prefix of a text, up to `most`, that fits (0 or
 * 1 when none does).
 */
export function splitToFit(
  text: string,
  fits: (piece: string) => boolean,
  longest?: (text: string, most: number) => number
): string[] {
  const pieces: string[] = [];
  let rest = text;
  let hint = 0;
  while (rest.length > 1) {
    // The longest prefix that fits: a cell row holds at most a few thousand characters. With
    // `longest`, one pass says both whether all of the rest fits and where it is full.
    const most = Math.min(rest.length - 1, 8192);
    let low: number;
    if (longest !== undefined) {
      const reach = longest(rest, rest.length);
      if (reach >= rest.length) break;
      low = Math.min(most, Math.max(1, reach));
    } else {
      if (fits(rest)) break;
      low = longestFitting(rest, fits, most, hint);
    }
    hint = low;
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
