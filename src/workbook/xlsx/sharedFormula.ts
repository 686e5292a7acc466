/**
 * The formula of a cell that shares its master's (`<f t="shared" si="0"/>`): the master's text
 * with every relative reference moved by the distance between the two cells, as Excel does.
 */
import { columnLetters } from "../../engine";

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;

/**
 * Tokens, left to right: string literals, quoted sheet names and bracketed parts (structured or
 * external references) are copied as they are; a name followed by "(" is a function; numbers
 * (1E10 is not cell E10) stand alone; what remains may be a reference: A1, $A$1, A:A, 1:1.
 */
const TOKEN = new RegExp(
  [
    '"(?:[^"]|"")*"', // a string literal
    "'(?:[^']|'')*'", // a quoted sheet name
    "\\[[^\\]]*\\]", // [structured] or [external] part
    "(\\$?)([A-Za-z]{1,3}):(\\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(!])", // a column range A:C
    "(\\$?)(\\d{1,7}):(\\$?)(\\d{1,7})(?![A-Za-z0-9_.(!:])", // a row range 1:3
    // A cell A1. No lookbehind (Internet Explorer 11 has none): names are taken whole by the
    // last alternative, so a reference is never found inside one.
    "(\\$?)([A-Za-z]{1,3})(\\$?)(\\d{1,7})(?![A-Za-z0-9_.(!])",
    "\\d+(?:\\.\\d*)?(?:[Ee][+-]?\\d+)?", // a number
    "[A-Za-z_\\\\][A-Za-z0-9_.\\\\]*\\(?", // a name, a function or a sheet name before "!"
  ].join("|"),
  "g"
);

function columnNumber(letters: string): number {
  let column = 0;
  for (let i = 0; i < letters.length; i++)
    column = column * 26 + (letters.charCodeAt(i) & ~0x20) - 64;
  return column;
}

/**
 * `formula` as it reads in a cell `rows` rows below and `columns` columns right of the cell it
 * was written for. A reference moved off the sheet becomes #REF!, as in Excel.
 */
export function slideFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  const moveColumn = (fixed: string, letters: string): string | null => {
    const column = columnNumber(letters) + (fixed ? 0 : columns);
    return column < 1 || column > MAX_COLUMN ? null : fixed + columnLetters(column);
  };
  const moveRow = (fixed: string, digits: string): string | null => {
    const row = Number(digits) + (fixed ? 0 : rows);
    return row < 1 || row > MAX_ROW ? null : fixed + row;
  };
  return formula.replace(TOKEN, (token: string, ...groups: Array<string | undefined>) => {
    if (groups[1] !== undefined) {
      // A:C
      if (columnNumber(groups[1]) > MAX_COLUMN || columnNumber(groups[3] as string) > MAX_COLUMN)
        return token;
      const from = moveColumn(groups[0] as string, groups[1]);
      const to = moveColumn(groups[2] as string, groups[3] as string);
      return from === null || to === null ? "#REF!" : from + ":" + to;
    }
    if (groups[5] !== undefined) {
      // 1:3
      const from = moveRow(groups[4] as string, groups[5]);
      const to = moveRow(groups[6] as string, groups[7] as string);
      return from === null || to === null ? "#REF!" : from + ":" + to;
    }
    if (groups[9] !== undefined) {
      // A1; a name such as TAXRATE1 has more letters than a column may.
      if (columnNumber(groups[9]) > MAX_COLUMN || Number(groups[11]) > MAX_ROW) return token;
      const column = moveColumn(groups[8] as string, groups[9]);
      const row = moveRow(groups[10] as string, groups[11] as string);
      return column === null || row === null ? "#REF!" : column + row;
    }
    return token;
  });
}
