import { toA1 } from "./address";
import { MergeIndex } from "./mergeIndex";
import type { CellValue, GridCell, MergedArea, SheetGrid, SheetOwner } from "./types";

/** What an adapter knows of one cell before the engine's normalisation. */
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

/** Renders a number under a number format as the host displays it ("0.00%" → "95.00%"). */
export type NumberFormatter = (value: number, numberFormat: string) => string;

export interface SheetGridInput {
  /** For numbers whose displayed text the adapter did not give; String(value) without it. */
  formatNumber?: NumberFormatter;
  name: string;
  cells: Iterable<RawCell>;
  merges?: readonly MergedArea[];
  owner?: SheetOwner | null;
}

function normaliseValue(value: CellValue | undefined): CellValue {
  if (value === undefined || value === null) return null;
  // Blank is decided here, once for every adapter: "" and whitespace-only text are blank.
  if (typeof value === "string" && value.replace(/[\s\u3000]+/g, "") === "") return null;
  if (typeof value === "number" && !isFinite(value)) return { error: "#NUM!" };
  return value;
}

function defaultText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** A cell of the grid; its A1 address is made when asked for, not for each of 100,000 cells up front. */
class SheetCell implements GridCell {
  constructor(
    readonly row: number,
    readonly column: number,
    readonly value: CellValue,
    private readonly givenText: string | undefined,
    readonly numberFormat: string,
    readonly formula: string | null,
    readonly formulaNotCalculated: boolean,
    private readonly formatNumber: NumberFormatter | undefined
  ) {}

  get address(): string {
    return toA1(this.row, this.column);
  }

  // Made when asked for: the engine reads the displayed text of few of a sheet's numbers.
  get text(): string {
    if (this.givenText !== undefined) return this.givenText;
    if (typeof this.value === "number" && this.formatNumber)
      return this.formatNumber(this.value, this.numberFormat);
    return defaultText(this.value);
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

  const kept: SheetCell[] = [];
  let sorted = true;
  let rowCount = 0;
  let columnCount = 0;
  for (const raw of input.cells) {
    if (!(raw.row >= 1 && raw.column >= 1)) continue;
    const area = mergeIndex.size > 0 ? mergeIndex.at(raw.row, raw.column) : undefined;
    if (area && (area.top !== raw.row || area.left !== raw.column)) continue;
    const value = normaliseValue(raw.value);
    const formula = raw.formula ? raw.formula.replace(/^=/, "") : null;
    const formulaNotCalculated = Boolean(formula && raw.formulaNotCalculated);
    if (value === null && !formula) continue;
    const cell = new SheetCell(
      raw.row,
      raw.column,
      formulaNotCalculated ? null : value,
      formulaNotCalculated ? "" : value !== null ? raw.text : undefined,
      raw.numberFormat || "General",
      formula,
      formulaNotCalculated,
      input.formatNumber
    );
    const previous = kept.length > 0 ? kept[kept.length - 1] : undefined;
    if (previous && order(previous, cell) > 0) sorted = false;
    kept.push(cell);
    if (raw.row > rowCount) rowCount = raw.row;
    if (raw.column > columnCount) columnCount = raw.column;
  }
  for (const area of merges) {
    if (area.bottom > rowCount) rowCount = area.bottom;
    if (area.right > columnCount) columnCount = area.right;
  }
  // Adapters give cells row by row; a stable sort keeps the last of two cells at one address.
  if (!sorted) kept.sort(order);

  const usedRows: number[] = [];
  const cellsByRow = new Map<number, SheetCell[]>();
  // Rows of a table are narrow: their cells are also kept by column for a direct lookup.
  const byColumn = new Map<number, Array<SheetCell | undefined>>();
  for (const cell of kept) {
    let rowCells = cellsByRow.get(cell.row);
    if (!rowCells) {
      rowCells = [];
      cellsByRow.set(cell.row, rowCells);
      usedRows.push(cell.row);
    }
    const last = rowCells.length > 0 ? rowCells[rowCells.length - 1] : undefined;
    if (last && last.column === cell.column) rowCells[rowCells.length - 1] = cell;
    else rowCells.push(cell);
  }
  cellsByRow.forEach((rowCells, row) => {
    const last = rowCells[rowCells.length - 1].column;
    if (last > DIRECT_COLUMNS) return;
    const direct: Array<SheetCell | undefined> = new Array(last + 1);
    for (const cell of rowCells) direct[cell.column] = cell;
    byColumn.set(row, direct);
  });
  const noCells: readonly GridCell[] = [];

  return {
    name: input.name,
    rowCount,
    columnCount,
    merges,
    owner: input.owner ?? null,
    cell(row: number, column: number): GridCell | undefined {
      const direct = byColumn.get(row);
      if (direct) return direct[column];
      const rowCells = cellsByRow.get(row);
      return rowCells ? findColumn(rowCells, column) : undefined;
    },
    mergeAt(row: number, column: number): MergedArea | undefined {
      return mergeIndex.size > 0 ? mergeIndex.at(row, column) : undefined;
    },
    usedRows(): readonly number[] {
      return usedRows;
    },
    cellsInRow(row: number): readonly GridCell[] {
      return cellsByRow.get(row) ?? noCells;
    },
  };
}

// Rows whose cells end at or before this column get a direct lookup by column.
const DIRECT_COLUMNS = 64;

function order(a: GridCell, b: GridCell): number {
  return a.row - b.row || a.column - b.column;
}

/** The cell of a row (sorted by column) at a column, by binary search. */
function findColumn(cells: readonly SheetCell[], column: number): SheetCell | undefined {
  let low = 0;
  let high = cells.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = cells[middle].column;
    if (at === column) return cells[middle];
    if (at < column) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}
