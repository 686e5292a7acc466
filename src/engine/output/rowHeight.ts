import { outputStyleFontSize, outputStyleWraps } from "./outputStyles";
import { fitsOneLine, longestPrefixWithinLines, wrappedLineCount } from "./textWidth";
import { EXCEL_MAX_ROW_HEIGHT } from "./cellTextLimit";
import type { OutputCell, OutputRow, OutputStyle } from "./types";

/** How many columns a row's first cell spans: 1 unless merged across more. */
export function mergeSpan(mergeAcross: number | undefined): number {
  return mergeAcross !== undefined && mergeAcross > 1 ? Math.floor(mergeAcross) : 1;
}

/** Excel's width of a column that has none set. */
const DEFAULT_COLUMN_WIDTH = 8.43;
/** Row height per line of 11-point text. */
const LINE_HEIGHT = 15;

function lineHeight(fontSize: number): number {
  return fontSize <= 11 ? LINE_HEIGHT : Math.round(fontSize * 1.35 * 4) / 4;
}

/**
 * Line counts of short texts already measured, by width then text: a sheet of many rows repeats
 * its texts (the sheet's name, a group's names, "≥95%", "是") down a column, each measured once.
 */
export class LineCounts {
  private readonly byWidth = new Map<number, Map<string, number>>();
  private size = 0;

  count(text: string, width: number): number {
    // Most of a results sheet's cells: one line, with no lookup.
    if (fitsOneLine(text, width)) return 1;
    if (text.length > LINE_COUNTS_TEXT || this.size >= LINE_COUNTS_KEPT)
      return wrappedLineCount(text, width);
    let known = this.byWidth.get(width);
    if (known === undefined) this.byWidth.set(width, (known = new Map()));
    let lines = known.get(text);
    if (lines === undefined) {
      lines = wrappedLineCount(text, width);
      known.set(text, lines);
      this.size++;
    }
    return lines;
  }
}

/** Texts longer than this are measured each time (a paragraph is seldom repeated). */
const LINE_COUNTS_TEXT = 64;
/** Texts kept at most, over all widths. */
const LINE_COUNTS_KEPT = 20000;

/**
 * Height in points a row needs for its wrapped text, or null when the default will do. Excel
 * does not auto-fit rows of merged cells, so this estimate is what makes paragraphs print in full.
 * `lineCounts` keeps what was measured for the next rows of the same sheet.
 */
export function outputRowHeight(
  row: OutputRow,
  widths: readonly number[],
  lineCounts?: LineCounts
): number | null {
  const height = neededRowHeight(row, widths, lineCounts);
  return height === null ? null : Math.min(height, EXCEL_MAX_ROW_HEIGHT);
}

/** The height of `lines` lines of a cell's text: a wrapped paragraph gets a little air below. */
function linesHeight(lines: number, fontSize: number): number {
  return lines * lineHeight(fontSize) + (lines > 1 ? 3 : 0);
}

/** The units of text a wrapping cell's line holds, the cell spanning `span` columns from `index`. */
function usableWidth(
  widths: readonly number[],
  index: number,
  span: number,
  fontSize: number
): number {
  let width = 0;
  for (let k = index; k < index + span; k++) width += widths[k] || DEFAULT_COLUMN_WIDTH;
  // About one unit of a column goes to cell padding; larger type fits fewer characters; and
  // CJK fonts (Noto, 宋体) set a little wider than two "0"s, so a tenth is held back.
  return Math.max(1, (width - 1) * (11 / fontSize) * 0.9);
}

/** The height a row's text needs, beyond what Excel allows if it is that long. */
export function neededRowHeight(
  row: OutputRow,
  widths: readonly number[],
  lineCounts?: LineCounts
): number | null {
  const mergeAcross = mergeSpan(row.mergeAcross);
  let height = 0;
  let needed = false;
  for (let index = 0; index < row.cells.length; index++) {
    const cell: OutputCell = row.cells[index];
    if (cell === null || !("text" in cell) || !outputStyleWraps(cell.style)) continue;
    const span = index === 0 && mergeAcross > 1 ? mergeAcross : 1;
    const fontSize = outputStyleFontSize(cell.style);
    const width = usableWidth(widths, index, span, fontSize);
    const lines =
      lineCounts !== undefined
        ? lineCounts.count(cell.text, width)
        : wrappedLineCount(cell.text, width);
    if (lines > 1 || fontSize > 11) needed = true;
    height = Math.max(height, linesHeight(lines, fontSize));
  }
  return needed ? height : null;
}

/**
 * The most lines of a cell's text within `maxHeight`, at least one (whether one line of large
 * type is itself too high is asked apart).
 */
function mostLines(fontSize: number, maxHeight: number): number {
  let most = maxHeight === Infinity ? Infinity : 1;
  while (most < Infinity && linesHeight(most + 1, fontSize) <= maxHeight) most++;
  return most;
}

/**
 * The length of the longest prefix of `text`, up to `most` characters, that a row of `maxHeight`
 * holds as its one cell, in `style` and spanning `span` columns from the first
 * ((neededRowHeight(row, widths) ?? 0) <= maxHeight); 0 when none does. One pass over the text:
 * the 自评表说明's long paragraphs are cut into rows by it.
 */
export function longestTextFittingHeight(
  text: string,
  style: OutputStyle,
  widths: readonly number[],
  span: number,
  maxHeight: number,
  most: number
): number {
  // A cell that does not wrap asks for no height: any length fits.
  if (!outputStyleWraps(style)) return maxHeight >= 0 ? Math.min(most, text.length) : 0;
  const fontSize = outputStyleFontSize(style);
  // One line of large type is "needed" too: when even that is too high, nothing fits.
  if (fontSize > 11 && linesHeight(1, fontSize) > maxHeight) return 0;
  if (fontSize <= 11 && maxHeight < 0) return 0;
  const width = usableWidth(widths, 0, mergeSpan(span), fontSize);
  return longestPrefixWithinLines(text, width, mostLines(fontSize, maxHeight), most);
}
