import { toA1 } from "./address";
import { cellAtColumn } from "./cellAtColumn";
import { MergeIndex } from "./mergeIndex";
import type { CellValue, GridCell, MergedArea, SheetGrid, SheetOwner } from "./types";
import { isBlankText } from "./whitespace";

/**
 * What an adapter knows of one cell before the engine's normalisation. createSheetGrid copies what
 * it needs out of each and keeps none of them: an adapter may hand the same object, refilled, for
 * every cell.
 */
export interface RawCell {
  row: number;
  column: number;
  value: CellValue | undefined;
  text?: string;
  numberFormat?: string;
  formula?: string | null;
  /** The adapter saw a formula but no cached result. */
  formulaNotCalculated?: boolean;
}

/**
 * Cells handed one at a time to `visit`, which keeps none of them: an adapter may refill one object
 * for every cell, without an iterator's result object for each.
 */
export type CellSource = (visit: (cell: RawCell) => void) => void;

/** Renders a number under a number format as the host displays it ("0.00%" → "95.00%"). */
export type NumberFormatter = (value: number, numberFormat: string) => string;

export interface SheetGridInput {
  /** For numbers whose displayed text the adapter did not give; String(value) without it. */
  formatNumber?: NumberFormatter;
  name: string;
  /** The cells as an iterable (Office.js, WPS) or as a source that calls back per cell (.xlsx). */
  cells: Iterable<RawCell> | CellSource;
  merges?: readonly MergedArea[];
  owner?: SheetOwner | null;
}

function normaliseValue(value: CellValue | undefined): CellValue {
  if (value === undefined || value === null) return null;
  // Blank is decided here, once for every adapter: "" and whitespace-only text are blank (a test,
  // not a copy of every text without its spaces). Nearly every text starts with a character
  // that is no space (a CJK character, a letter, a digit): then without the pattern.
  if (typeof value === "string" && isBlankText(value)) return null;
  if (typeof value === "number" && !isFinite(value)) return { error: "#NUM!" };
  return value;
}

function defaultText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** A number format with the grid's formatter: one object for every cell that shares the format. */
interface CellFormat {
  readonly numberFormat: string;
  readonly formatNumber: NumberFormatter | undefined;
}

/**
 * A cell of the grid. A 20,000-row sheet holds 100,000 of them for the whole run, so a cell keeps
 * four fields: its number format and formatter are shared (CellFormat), a displayed text the
 * adapter gave and a formula live in the subclasses below, and its A1 address and displayed text
 * are made when asked for.
 */
class SheetCell implements GridCell {
  constructor(
    readonly row: number,
    readonly column: number,
    readonly value: CellValue,
    protected readonly format: CellFormat
  ) {}

  get address(): string {
    return toA1(this.row, this.column);
  }

  get numberFormat(): string {
    return this.format.numberFormat;
  }

  get formula(): string | null {
    return null;
  }

  get formulaNotCalculated(): boolean {
    return false;
  }

  // Made when asked for: the engine reads the displayed text of few of a sheet's numbers.
  get text(): string {
    const formatNumber = this.format.formatNumber;
    if (typeof this.value === "number" && formatNumber)
      return formatNumber(this.value, this.format.numberFormat);
    return defaultText(this.value);
  }
}

/** A cell whose displayed text the adapter gave (Office.js gives every cell's). */
class TextCell extends SheetCell {
  constructor(
    row: number,
    column: number,
    value: CellValue,
    format: CellFormat,
    private readonly givenText: string
  ) {
    super(row, column, value, format);
  }

  override get text(): string {
    return this.givenText;
  }
}

/** A cell holding a formula. */
class FormulaCell extends SheetCell {
  constructor(
    row: number,
    column: number,
    value: CellValue,
    format: CellFormat,
    private readonly givenText: string | undefined,
    private readonly formulaText: string,
    private readonly notCalculated: boolean
  ) {
    super(row, column, value, format);
  }

  override get formula(): string | null {
    return this.formulaText;
  }

  override get formulaNotCalculated(): boolean {
    return this.notCalculated;
  }

  override get text(): string {
    return this.givenText !== undefined ? this.givenText : super.text;
  }
}

/**
 * Builds the engine's immutable view of a sheet. Cells inside a merged area other than its
 * top-left one are dropped, whatever the adapter passed (ExcelJS repeats the master's value there).
 * Merged areas stay ranges and only the cells that exist are stored: a sheet whose used range
 * reaches XFD1048576 through one cell or one merge costs what its cells cost.
 */
export function createSheetGrid(input: SheetGridInput): SheetGrid {
  const merges = (input.merges ?? []).slice();
  const mergeIndex = new MergeIndex(merges);
  const formatNumber = input.formatNumber;
  const formats = new Map<string, CellFormat>();
  let lastFormat: CellFormat | undefined;

  const rows = new RowCollector();
  let rowCount = 0;
  let columnCount = 0;
  const take = (raw: RawCell): void => {
    if (!(raw.row >= 1 && raw.column >= 1)) return;
    const area = mergeIndex.size > 0 ? mergeIndex.at(raw.row, raw.column) : undefined;
    if (area && (area.top !== raw.row || area.left !== raw.column)) return;
    const value = normaliseValue(raw.value);
    const formula = raw.formula ? raw.formula.replace(/^=/, "") : null;
    const formulaNotCalculated = Boolean(formula && raw.formulaNotCalculated);
    if (value === null && !formula) return;
    const numberFormat = raw.numberFormat || "General";
    // Cells come row by row, most in the format of the cell before.
    let format =
      lastFormat !== undefined && lastFormat.numberFormat === numberFormat
        ? lastFormat
        : formats.get(numberFormat);
    if (format === undefined) {
      format = { numberFormat, formatNumber };
      formats.set(numberFormat, format);
    }
    lastFormat = format;
    const cellValue = formulaNotCalculated ? null : value;
    const givenText = formulaNotCalculated ? "" : value !== null ? raw.text : undefined;
    const cell = formula
      ? new FormulaCell(
          raw.row,
          raw.column,
          cellValue,
          format,
          givenText,
          formula,
          formulaNotCalculated
        )
      : givenText !== undefined
        ? new TextCell(raw.row, raw.column, cellValue, format, givenText)
        : new SheetCell(raw.row, raw.column, cellValue, format);
    rows.add(cell);
    if (raw.row > rowCount) rowCount = raw.row;
    if (raw.column > columnCount) columnCount = raw.column;
  };
  const cells = input.cells;
  if (typeof cells === "function") cells(take);
  else for (const raw of cells) take(raw);
  const lastCellRow = rowCount;
  for (const area of merges) {
    if (area.bottom > rowCount) rowCount = area.bottom;
    if (area.right > columnCount) columnCount = area.right;
  }
  // Each row's cells in an array of its own, no longer than they are; rows found by number in
  // an array when the sheet's rows are mostly used, else in a map (one cell at row 1,048,576).
  const { usedRows, rowArrays } = rows.finish();
  const dense = lastCellRow <= 4 * usedRows.length + 64;
  const byRow: Array<SheetCell[] | undefined> = dense ? new Array(lastCellRow + 1) : [];
  const sparse = new Map<number, SheetCell[]>();
  for (let i = 0; i < usedRows.length; i++) {
    if (dense) byRow[usedRows[i]] = rowArrays[i];
    else sparse.set(usedRows[i], rowArrays[i]);
  }
  const rowCells = dense
    ? (row: number): SheetCell[] | undefined => byRow[row]
    : (row: number): SheetCell[] | undefined => sparse.get(row);
  const noCells: readonly GridCell[] = [];

  return {
    name: input.name,
    rowCount,
    columnCount,
    merges,
    owner: input.owner ?? null,
    cell(row: number, column: number): GridCell | undefined {
      const cells = rowCells(row);
      return cells === undefined ? undefined : cellAtColumn(cells, column);
    },
    mergeAt(row: number, column: number): MergedArea | undefined {
      return mergeIndex.size > 0 ? mergeIndex.at(row, column) : undefined;
    },
    usedRows(): readonly number[] {
      return usedRows;
    },
    cellsInRow(row: number): readonly GridCell[] {
      return rowCells(row) ?? noCells;
    },
  };
}

/**
 * Gathers the cells into rows as they come. Adapters give cells row by row, left to right: each
 * row is copied once from one reused buffer, exactly as long as it is, and the sheet's cells are
 * never all in one array (whose growing copies, each past 128 KB, go straight to the old
 * generation). Cells out of that order are all kept and sorted at the end. Of two cells at one
 * address the later stays.
 */
class RowCollector {
  private readonly usedRows: number[] = [];
  private readonly rowArrays: SheetCell[][] = [];
  private readonly buffer: SheetCell[] = [];
  private buffered = 0;
  private unordered: SheetCell[] | null = null;

  add(cell: SheetCell): void {
    if (this.unordered !== null) {
      this.unordered.push(cell);
      return;
    }
    const count = this.buffered;
    if (count === 0) {
      this.buffer[0] = cell;
      this.buffered = 1;
      return;
    }
    const last = this.buffer[count - 1];
    if (cell.row === last.row && cell.column > last.column) {
      this.buffer[count] = cell;
      this.buffered = count + 1;
    } else if (cell.row === last.row && cell.column === last.column) {
      this.buffer[count - 1] = cell;
    } else if (cell.row > last.row) {
      this.flush();
      this.buffer[0] = cell;
      this.buffered = 1;
    } else {
      // Out of order: every cell so far, in the order kept, then this one and all after it.
      const all: SheetCell[] = [];
      for (const rowCells of this.rowArrays) for (const each of rowCells) all.push(each);
      for (let i = 0; i < count; i++) all.push(this.buffer[i]);
      all.push(cell);
      this.unordered = all;
      this.buffered = 0;
      this.usedRows.length = 0;
      this.rowArrays.length = 0;
    }
  }

  finish(): { usedRows: number[]; rowArrays: SheetCell[][] } {
    const all = this.unordered;
    if (all === null) {
      if (this.buffered > 0) this.flush();
      return { usedRows: this.usedRows, rowArrays: this.rowArrays };
    }
    // A stable sort keeps the later of two cells at one address after the earlier.
    all.sort(order);
    this.unordered = null;
    for (const cell of all) this.add(cell);
    return this.finish();
  }

  private flush(): void {
    this.usedRows.push(this.buffer[0].row);
    this.rowArrays.push(this.buffer.slice(0, this.buffered));
    this.buffered = 0;
  }
}

function order(a: GridCell, b: GridCell): number {
  return a.row - b.row || a.column - b.column;
}
