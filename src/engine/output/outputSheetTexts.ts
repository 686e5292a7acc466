import type { SheetGrid } from "../grid/types";
import type { OutputRow } from "./types";

/** The texts an output sheet writes, in the order a host reads them back (rows, then columns). */
export function outputSheetTexts(rows: readonly OutputRow[]): string[] {
  const texts: string[] = [];
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell === null) continue;
      const text = "text" in cell ? cell.text : String(cell.number);
      if (text.replace(/[\s\u3000]+/g, "") !== "") texts.push(text);
    }
  }
  return texts;
}

/** The texts a sheet holds now, in the same order and form as outputSheetTexts. */
export function sheetTexts(sheet: SheetGrid): string[] {
  const texts: string[] = [];
  // The cells that exist, not the used range's rectangle (one cell at XFD1048576 spans it all).
  for (const row of sheet.usedRows()) {
    for (const cell of sheet.cellsInRow(row)) {
      if (cell.value === null) continue;
      texts.push(
        typeof cell.value === "string" || typeof cell.value === "number"
          ? String(cell.value)
          : cell.text
      );
    }
  }
  return texts;
}
