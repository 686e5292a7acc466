import type { GridCell, SheetGrid } from "../grid/types";
import { showBidiControls } from "../values/bidiControls";
import { normaliseText } from "../values/normaliseText";
import { oneLine } from "../values/oneLine";

/**
 * Stage 0 of detection: one view of a sheet whose texts are read and normalised once. Every
 * later stage reads cells through it, never the grid's rectangle: the view holds the rows that
 * have cells and, in each, the cells left to right.
 */

/** Real templates are at most a few dozen columns wide; a stray value far right is no part of a form. */
export const MAX_COLUMNS = 60;

/** A cell as detection sees it. */
export class ViewCell {
  private labelText: string | undefined;

  constructor(
    readonly cell: GridCell,
    /** As typed (rich text flattened by the adapter); a number or error as displayed. */
    readonly raw: string,
    /** White space removed, full-width and look-alike characters mapped: for comparing. */
    readonly words: string
  ) {}

  get row(): number {
    return this.cell.row;
  }

  get column(): number {
    return this.cell.column;
  }

  /** On one line as the sheet shows it: for what a person reads. */
  get label(): string {
    if (this.labelText === undefined) this.labelText = oneLine(this.raw);
    return this.labelText;
  }

  /** True when the cell holds a real number (not a number typed as text). */
  get isNumber(): boolean {
    return typeof this.cell.value === "number";
  }
}

export class ViewRow {
  private textList: ViewCell[] | undefined;
  private numberSeen: boolean | undefined;

  constructor(
    readonly row: number,
    /** The row's cells within MAX_COLUMNS, left to right; blank text cells with a formula included. */
    readonly cells: readonly ViewCell[]
  ) {}

  /** The cells with text (words not empty), left to right: worked out once. */
  get texts(): readonly ViewCell[] {
    if (this.textList === undefined) this.textList = this.cells.filter((cell) => cell.words !== "");
    return this.textList;
  }

  /** True when the row holds a real number. */
  get hasNumber(): boolean {
    if (this.numberSeen === undefined) this.numberSeen = this.cells.some((cell) => cell.isNumber);
    return this.numberSeen;
  }
}

/** A text to show in a list of rows: its first 60 characters. */
export function shortText(label: string): string {
  return label.length > 60 ? label.slice(0, 60) + "…" : label;
}

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

export class SheetView {
  readonly rows: readonly ViewRow[];
  private readonly byRow = new Map<number, ViewRow>();

  constructor(readonly sheet: SheetGrid) {
    const rows: ViewRow[] = [];
    for (const row of sheet.usedRows()) {
      const cells: ViewCell[] = [];
      for (const cell of sheet.cellsInRow(row)) {
        if (cell.column > MAX_COLUMNS) break;
        const raw = cellText(cell);
        cells.push(new ViewCell(cell, raw, normaliseText(raw)));
      }
      if (cells.length === 0) continue;
      const viewRow = new ViewRow(row, cells);
      rows.push(viewRow);
      this.byRow.set(row, viewRow);
    }
    this.rows = rows;
  }

  get name(): string {
    return this.sheet.name;
  }

  /** The last row holding a cell (within MAX_COLUMNS), 0 for none. */
  get lastRow(): number {
    return this.rows.length > 0 ? this.rows[this.rows.length - 1].row : 0;
  }

  row(row: number): ViewRow | undefined {
    return this.byRow.get(row);
  }

  /** The cell stored at (row, column) itself; merged non-master cells have none. */
  own(row: number, column: number): ViewCell | undefined {
    const viewRow = this.byRow.get(row);
    if (!viewRow) return undefined;
    const cells = viewRow.cells;
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

  /** The cell whose value shows at (row, column): the merged area's top-left cell when merged. */
  shown(row: number, column: number): ViewCell | undefined {
    const own = this.own(row, column);
    if (own) return own;
    const area = this.sheet.mergeAt(row, column);
    return area ? this.own(area.top, area.left) : undefined;
  }

  /** Normalised words shown at (row, column), "" when blank. */
  shownWords(row: number, column: number): string {
    const cell = this.shown(row, column);
    return cell ? cell.words : "";
  }

  /** Normalised words stored at (row, column) itself, "" when blank. */
  ownWords(row: number, column: number): string {
    const cell = this.own(row, column);
    return cell ? cell.words : "";
  }

  /** The index in `rows` of the first row at or below `row` (rows.length when none). */
  indexFrom(row: number): number {
    let low = 0;
    let high = this.rows.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.rows[middle].row < row) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The non-blank cells of a row (words not empty), left to right. */
  textCells(row: number): readonly ViewCell[] {
    const viewRow = this.byRow.get(row);
    return viewRow ? viewRow.texts : NO_CELLS;
  }

  /** True when the row holds a real number. */
  hasNumber(row: number): boolean {
    const viewRow = this.byRow.get(row);
    return !!viewRow && viewRow.hasNumber;
  }
}

const NO_CELLS: readonly ViewCell[] = [];
