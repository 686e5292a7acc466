import { outputStyleFontSize, outputStyleWraps } from "./outputStyles";
import { wrappedLineCount } from "./textWidth";
import { EXCEL_MAX_ROW_HEIGHT } from "./cellTextLimit";
import type { OutputCell, OutputRow } from "./types";

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
 * Height in points a row needs for its wrapped text, or null when the default will do. Excel
 * does not auto-fit rows of merged cells, so this estimate is what makes paragraphs print in full.
 */
export function outputRowHeight(row: OutputRow, widths: readonly number[]): number | null {
  const height = neededRowHeight(row, widths);
  return height === null ? null : Math.min(height, EXCEL_MAX_ROW_HEIGHT);
}

/** The height a row's text needs, beyond what Excel allows if it is that long. */
export function neededRowHeight(row: OutputRow, widths: readonly number[]): number | null {
  const mergeAcross = mergeSpan(row.mergeAcross);
  let height = 0;
  let needed = false;
  row.cells.forEach((cell: OutputCell, index) => {
    if (cell === null || !("text" in cell) || !outputStyleWraps(cell.style)) return;
    const span = index === 0 && mergeAcross > 1 ? mergeAcross : 1;
    let width = 0;
    for (let k = index; k < index + span; k++) width += widths[k] || DEFAULT_COLUMN_WIDTH;
    const fontSize = outputStyleFontSize(cell.style);
    // About one unit of a column goes to cell padding; larger type fits fewer characters; and
    // CJK fonts (Noto, 宋体) set a little wider than two "0"s, so a tenth is held back.
    const usable = Math.max(1, (width - 1) * (11 / fontSize) * 0.9);
    const lines = wrappedLineCount(cell.text, usable);
    if (lines > 1 || fontSize > 11) needed = true;
    // A wrapped paragraph gets a little air below its last line.
    height = Math.max(height, lines * lineHeight(fontSize) + (lines > 1 ? 3 : 0));
  });
  return needed ? height : null;
}
