/**
 * The engine's view of a workbook: plain data that every adapter (xlsx, Office.js) fills,
 * so the engine never sees ExcelJS or Office types.
 */

/** An Excel error value such as `#DIV/0!` or `#N/A`. */
export interface CellError {
  readonly error: string;
}

/**
 * A cell's value as the workbook stores it. Blank is `null` — never `""` or whitespace:
 * adapters decide that once, through `createSheetGrid`.
 */
export type CellValue = number | string | boolean | CellError | null;

export interface GridCell {
  /** 1-based. */
  readonly row: number;
  /** 1-based. */
  readonly column: number;
  readonly address: string;
  readonly value: CellValue;
  /** The text Excel displays (number format applied). */
  readonly text: string;
  /** The number format code, "General" when none. */
  readonly numberFormat: string;
  /** The formula without its leading "=", or null for a constant. */
  readonly formula: string | null;
  /** True when the cell holds a formula whose result was never calculated: its value reads as blank. */
  readonly formulaNotCalculated: boolean;
}

/** A merged area, 1-based and inclusive. Its value lives in its top-left cell only. */
export interface MergedArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** What the tool wrote a sheet as; sheets it owns are never read as input. */
export type SheetOwnerKind = "results" | "narrative";

export interface SheetOwner {
  readonly kind: SheetOwnerKind;
  /** Fingerprint of the cell texts as the tool wrote them, to tell whether the user edited the sheet since. */
  readonly writtenFingerprint: string | null;
}

export interface SheetGrid {
  readonly name: string;
  /** Highest row holding a cell, 0 for an empty sheet. */
  readonly rowCount: number;
  readonly columnCount: number;
  readonly merges: readonly MergedArea[];
  /** Set when the tool wrote this sheet. */
  readonly owner: SheetOwner | null;
  /** The cell at a 1-based row and column; undefined when blank (merged non-master cells are blank). */
  cell(row: number, column: number): GridCell | undefined;
  /** The merged area covering a cell, if any. */
  mergeAt(row: number, column: number): MergedArea | undefined;
  /**
   * The rows that hold at least one cell, top to bottom. Work over a sheet follows these and
   * cellsInRow, never 1..rowCount × 1..columnCount: one cell at XFD1048576 makes that rectangle
   * 17 billion cells.
   */
  usedRows(): readonly number[];
  /** A row's cells, left to right (blank and merged non-master cells are not there). */
  cellsInRow(row: number): readonly GridCell[];
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
  /** Sheets the engine does not read (chart sheets, dialog sheets): their names are taken all the same. */
  readonly otherSheetNames?: readonly string[];
}
