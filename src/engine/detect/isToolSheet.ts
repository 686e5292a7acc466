import type { SheetGrid } from "../grid/types";
import { normaliseText } from "../values/normaliseText";
import { cellText } from "./sheetView";

/** The first line of every results sheet the tool writes. */
export const RESULTS_SHEET_TITLE = "绩效自评评分结果";

/**
 * True for a sheet the tool wrote: marked as its own, or — when a program that drops defined
 * names (ExcelJS, some converters) lost the mark — a results sheet recognised by its title.
 * Reading it as input would score the tool's own tables.
 */
export function isToolSheet(sheet: SheetGrid): boolean {
  if (sheet.owner) return true;
  for (let row = 1; row <= Math.min(sheet.rowCount, 3); row++) {
    for (let column = 1; column <= Math.min(sheet.columnCount, 3); column++) {
      const words = normaliseText(cellText(sheet.cell(row, column)));
      if (words !== "") return words === RESULTS_SHEET_TITLE;
    }
  }
  return false;
}
