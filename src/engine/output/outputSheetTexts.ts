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
  for (let row = 1; row <= sheet.rowCount; row++) {
    for (let column = 1; column <= sheet.columnCount; column++) {
      const cell = sheet.cell(row, column);
      if (!cell || cell.value === null) continue;
      texts.push(
        typeof cell.value === "string" || typeof cell.value === "number"
          ? String(cell.value)
          : cell.text
      );
    }
  }
  return texts;
}
