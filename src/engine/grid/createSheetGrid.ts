import { toA1 } from "./address";
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

// Excel has at most 16,384 columns: row and column fit one number without a string key.
function cellKey(row: number, column: number): number {
  return row * 16384 + column;
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
 */
export function createSheetGrid(input: SheetGridInput): SheetGrid {
  const merges = (input.merges ?? []).slice();
  const mergeByCell = new Map<number, MergedArea>();
  for (const area of merges) {
    for (let row = area.top; row <= area.bottom; row++) {
      for (let column = area.left; column <= area.right; column++) {
        mergeByCell.set(cellKey(row, column), area);
      }
    }
  }

  const rows: Array<Array<GridCell | undefined> | undefined> = [];
  let rowCount = 0;
  let columnCount = 0;
  for (const raw of input.cells) {
    if (raw.row < 1 || raw.column < 1) continue;
    const area = mergeByCell.size > 0 ? mergeByCell.get(cellKey(raw.row, raw.column)) : undefined;
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
    let rowCells = rows[raw.row];
    if (!rowCells) rowCells = rows[raw.row] = [];
    rowCells[raw.column] = cell;
    if (raw.row > rowCount) rowCount = raw.row;
    if (raw.column > columnCount) columnCount = raw.column;
  }
  for (const area of merges) {
    if (area.bottom > rowCount) rowCount = area.bottom;
    if (area.right > columnCount) columnCount = area.right;
  }

  return {
    name: input.name,
    rowCount,
    columnCount,
    merges,
    owner: input.owner ?? null,
    cell(row: number, column: number): GridCell | undefined {
      const rowCells = rows[row];
      return rowCells ? rowCells[column] : undefined;
    },
    mergeAt(row: number, column: number): MergedArea | undefined {
      return mergeByCell.size > 0 ? mergeByCell.get(cellKey(row, column)) : undefined;
    },
  };
}
