import type { GridCell, SheetGrid } from "../grid/types";
import { showBidiControls } from "../values/bidiControls";
import { normaliseText } from "../values/normaliseText";

/**
 * The cell's value as text as typed (rich text already flattened by the adapter), "" when blank.
 * This is where cell text enters every output (report, notes, sheets, narrative), so a
 * bidirectional control character in it is made visible here (values are parsed from the cell
 * itself, not from this text).
 */
export function cellText(cell: GridCell | undefined): string {
  if (!cell || cell.value === null) return "";
  return showBidiControls(typeof cell.value === "string" ? cell.value : cell.text);
}

/** The cell that holds the value shown at (row, column): the merged area's top-left cell when merged. */
export function displayedCell(sheet: SheetGrid, row: number, column: number): GridCell | undefined {
  const area = sheet.mergeAt(row, column);
  return area ? sheet.cell(area.top, area.left) : sheet.cell(row, column);
}

/** Normalised text shown at (row, column), reading through merged areas. */
export function displayedWords(sheet: SheetGrid, row: number, column: number): string {
  return normaliseText(cellText(displayedCell(sheet, row, column)));
}

/**
 * A category label as the sheet shows it, for the report and the narrative: trimmed, with the
 * line breaks and spaces that templates put between Chinese characters taken out, but full-width
 * punctuation kept ("维护社会治安稳定，…" stays as typed). Compare labels with normaliseText.
 */
export function displayedLabel(sheet: SheetGrid, row: number, column: number): string {
  const text = cellText(displayedCell(sheet, row, column));
  // Most labels hold no space at all; they need no rewriting.
  if (!/[\s\u3000]/.test(text)) return text;
  return text
    .replace(/([\u0080-\uffff])[\s\u3000]+(?=[\u0080-\uffff])/g, "$1")
    .replace(/[\s\u3000]+/g, " ")
    .trim();
}

/** Normalised text stored at (row, column) itself; merged non-master cells read "". */
export function ownWords(sheet: SheetGrid, row: number, column: number): string {
  return normaliseText(cellText(sheet.cell(row, column)));
}
