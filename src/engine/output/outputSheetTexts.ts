import type { SheetGrid } from "../grid/types";
import { FNV_OFFSET, fingerprintHex, hashText } from "./fingerprintTexts";
import { isBlankText } from "../grid/whitespace";
import type { OutputCell, OutputRow } from "./types";

/** The text a written cell reads back as, or null for a cell that holds nothing, or only spaces. */
function cellText(cell: OutputCell): string | null {
  if (cell === null) return null;
  // A number's digits are never blank.
  if (!("text" in cell)) return String(cell.number);
  return isBlankText(cell.text) ? null : cell.text;
}

/** The texts an output sheet writes, in the order a host reads them back (rows, then columns). */
export function outputSheetTexts(rows: readonly OutputRow[]): string[] {
  const texts: string[] = [];
  for (const row of rows) {
    for (const cell of row.cells) {
      const text = cellText(cell);
      if (text !== null) texts.push(text);
    }
  }
  return texts;
}

/**
 * fingerprintTexts(outputSheetTexts(rows)), without the list of texts: the results sheet of
 * 20,000 indicators has some 60,000 of them.
 */
export function outputSheetFingerprint(rows: readonly OutputRow[]): string {
  let hash = FNV_OFFSET;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r].cells;
    for (let c = 0; c < cells.length; c++) {
      const text = cellText(cells[c]);
      if (text !== null) hash = hashText(hash, text);
    }
  }
  return fingerprintHex(hash);
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
