/**
 * Turns what Office.js gives for a block of cells into the engine's raw cells, the same way the
 * xlsx adapter reads the file: formula text without "=", dates as ISO dates, errors as errors.
 */
import type { CellValue, RawCell } from "../../engine";

/** Excel's error values, as `formulas` and `values` give them (as plain strings). */
const ERROR_LITERAL =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/;

/** A block of cells as loaded: 1-based position of its top-left cell and its arrays. */
export interface LoadedBlock {
  readonly top: number;
  readonly left: number;
  readonly formulas: unknown[][];
  readonly texts: string[][];
  readonly numberFormats: unknown[][];
}

/** A cell whose value needs `values` and `valueTypes` (a formula, or what may be an error). */
export interface PendingCell {
  readonly raw: RawCell;
  readonly isFormula: boolean;
}

/** The same test as ExcelJS's, so a number is a date in Excel exactly when it is in a file. */
export function isDateFormat(numberFormat: string): boolean {
  const bare = numberFormat.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** A date serial (1900 system) as ExcelJS reads it: the ISO date. */
function serialToIsoDate(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86400000)).toISOString().slice(0, 10);
}

/** A constant's value; a date-formatted number becomes its ISO date, as from a file. */
export function constantValue(value: unknown, numberFormat: string): CellValue | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "number") {
    return numberFormat !== "General" && isDateFormat(numberFormat)
      ? serialToIsoDate(value)
      : value;
  }
  if (typeof value === "boolean") return value;
  return String(value);
}

/** The text Excel shows; "####" (a number wider than its column) says nothing, so none is given. */
function shownText(text: string | undefined, value: CellValue | undefined): string | undefined {
  if (typeof value === "number" && text !== undefined && /^#+$/.test(text)) return undefined;
  return text;
}

/**
 * Adds a block's cells to `cells`; cells whose value only `values`/`valueTypes` can give —
 * formulas, and constants that read like error values — are also listed in `pending`.
 */
export function collectBlockCells(
  block: LoadedBlock,
  cells: RawCell[],
  pending: PendingCell[]
): void {
  for (let r = 0; r < block.formulas.length; r++) {
    const formulaRow = block.formulas[r];
    for (let c = 0; c < formulaRow.length; c++) {
      const entry = formulaRow[c];
      if (entry === "" || entry === null || entry === undefined) continue;
      const numberFormat = String(block.numberFormats[r][c] || "General");
      const text = block.texts[r][c];
      const row = block.top + r;
      const column = block.left + c;
      if (typeof entry === "string" && entry.length > 1 && entry.charAt(0) === "=") {
        const raw: RawCell = { row, column, value: undefined, text, numberFormat, formula: entry };
        cells.push(raw);
        pending.push({ raw, isFormula: true });
        continue;
      }
      const value = constantValue(entry, numberFormat);
      const raw: RawCell = { row, column, value, text: shownText(text, value), numberFormat };
      cells.push(raw);
      if (typeof entry === "string" && ERROR_LITERAL.test(entry))
        pending.push({ raw, isFormula: false });
    }
  }
}

/** Settles a pending cell from its `values` and `valueTypes` entries. */
export function settlePendingCell(cell: PendingCell, value: unknown, valueType: string): void {
  const raw = cell.raw;
  if (valueType === "Error") {
    raw.value = { error: String(value) };
    return;
  }
  if (!cell.isFormula) return; // text that only reads like an error value
  // Text typed with a leading apostrophe, or into a text-formatted cell, that starts with "=":
  // Excel's `formulas` gives such a cell's text as it is, so it only looked like a formula. A
  // formula's own value is its result, which equals the formula's text only by coincidence.
  if (valueType === "String" && value === raw.formula) {
    raw.formula = null;
    raw.value = constantValue(value, raw.numberFormat || "General");
    return;
  }
  raw.value = valueType === "Empty" ? null : constantValue(value, raw.numberFormat || "General");
  raw.text = shownText(raw.text, raw.value ?? undefined);
}
