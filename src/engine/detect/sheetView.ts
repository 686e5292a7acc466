import type { GridCell, SheetGrid } from "../grid/types";
import { cellAtColumn } from "../grid/cellAtColumn";
import { BIDI_CONTROL, showBidiControls } from "../values/bidiControls";
import { NEEDS_NORMALISING, normaliseText } from "../values/normaliseText";
import { oneLine } from "../values/oneLine";

/**
 * Stage 0 of detection: one view of a sheet whose texts are read and normalised once. Every
 * later stage reads cells through it, never the grid's rectangle: the view holds the rows that
 * have cells and, in each, the cells left to right.
 */

/**
 * The characters cellText (bidirectional controls) or normaliseText (white space, full-width and
 * look-alike characters, 。) would change, as one pattern made of theirs: text without any is its
 * own raw text and words. A test checks every character against both.
 */
export const CHANGED_BY_VIEW = new RegExp(
  "[" + NEEDS_NORMALISING.source.slice(1, -1) + BIDI_CONTROL.source.slice(1, -1) + "]"
);

/** Real templates are at most a few dozen columns wide; a stray value far right is no part of a form. */
export const MAX_COLUMNS = 60;

/**
 * A cell as detection sees it. Most cells hold text that neither cellText nor normaliseText
 * changes (CHANGED_BY_VIEW finds nothing in it): their raw text is also their words and their
 * label (oneLine changes only what CHANGED_BY_VIEW finds), so such a cell keeps three fields, not
 * five — a 20,000-indicator sheet has some 140,000 of them, kept through detection and scoring.
 * A cell whose text changes is a ChangedViewCell.
 */
export class ViewCell {
  constructor(
    readonly cell: GridCell,
    /** The cell's column, kept here: every lookup in a row compares it. */
    readonly column: number,
    /** As typed (rich text flattened by the adapter); a number or error as displayed. */
    readonly raw: string
  ) {}

  get row(): number {
    return this.cell.row;
  }

  /** White space removed, full-width and look-alike characters mapped: for comparing. */
  get words(): string {
    return this.raw;
  }

  /** On one line as the sheet shows it: for what a person reads. */
  get label(): string {
    return this.raw;
  }

  /** True when the cell holds a real number (not a number typed as text). */
  get isNumber(): boolean {
    return typeof this.cell.value === "number";
  }
}

/** A cell whose text cellText or normaliseText changes: its words and label kept apart. */
class ChangedViewCell extends ViewCell {
  private labelText: string | undefined = undefined;

  constructor(
    cell: GridCell,
    column: number,
    raw: string,
    private readonly normalised: string
  ) {
    super(cell, column, raw);
  }

  override get words(): string {
    return this.normalised;
  }

  override get label(): string {
    if (this.labelText === undefined) this.labelText = oneLine(this.raw);
    return this.labelText;
  }
}

export class ViewRow {
  private textList: readonly ViewCell[] | undefined;

  constructor(
    readonly row: number,
    /** The row's cells within MAX_COLUMNS, left to right; blank text cells with a formula included. */
    readonly cells: readonly ViewCell[],
    /** True when the row holds a real number. */
    readonly hasNumber: boolean
  ) {}

  /** The cells with text (words not empty), left to right: worked out once. */
  get texts(): readonly ViewCell[] {
    if (this.textList === undefined) {
      // Most rows have no blank cell: their cells are their texts, without a copy.
      let blank = false;
      const cells = this.cells;
      for (let i = 0; i < cells.length; i++) if (cells[i].words === "") blank = true;
      this.textList = blank ? this.cells.filter((cell) => cell.words !== "") : this.cells;
    }
    return this.textList;
  }

  /** The cell stored in a column itself; merged non-master cells have none. */
  own(column: number): ViewCell | undefined {
    return cellAtColumn(this.cells, column);
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
  /** The rows by number: in an array when the sheet's rows are mostly used, else in a map. */
  private readonly dense: Array<ViewRow | undefined> | null = null;
  private readonly sparse: Map<number, ViewRow> | null = null;

  constructor(readonly sheet: SheetGrid) {
    const rows: ViewRow[] = [];
    const usedRows = sheet.usedRows();
    for (let r = 0; r < usedRows.length; r++) {
      const row = usedRows[r];
      const gridCells = sheet.cellsInRow(row);
      let count = 0;
      while (count < gridCells.length && gridCells[count].column <= MAX_COLUMNS) count++;
      if (count === 0) continue;
      // Exactly as many cells as the row keeps (a pushed array holds 17 slots).
      const cells: ViewCell[] = new Array(count);
      let hasNumber = false;
      for (let i = 0; i < count; i++) {
        const cell = gridCells[i];
        const value = cell.value;
        if (typeof value === "number") hasNumber = true;
        // cellText and normaliseText, with one test for the text that neither changes (most).
        const text = value === null ? "" : typeof value === "string" ? value : cell.text;
        if (!CHANGED_BY_VIEW.test(text)) cells[i] = new ViewCell(cell, cell.column, text);
        else {
          const raw = showBidiControls(text);
          cells[i] = new ChangedViewCell(cell, cell.column, raw, normaliseText(raw));
        }
      }
      rows.push(new ViewRow(row, cells, hasNumber));
    }
    this.rows = rows;
    const last = rows.length > 0 ? rows[rows.length - 1].row : 0;
    if (last <= 4 * rows.length + 64) {
      const byRow: Array<ViewRow | undefined> = new Array(last + 1);
      for (let i = 0; i < rows.length; i++) byRow[rows[i].row] = rows[i];
      this.dense = byRow;
    } else {
      const byRow = new Map<number, ViewRow>();
      for (const viewRow of rows) byRow.set(viewRow.row, viewRow);
      this.sparse = byRow;
    }
  }

  get name(): string {
    return this.sheet.name;
  }

  /** The last row holding a cell (within MAX_COLUMNS), 0 for none. */
  get lastRow(): number {
    return this.rows.length > 0 ? this.rows[this.rows.length - 1].row : 0;
  }

  row(row: number): ViewRow | undefined {
    const dense = this.dense;
    if (dense !== null) return dense[row];
    return (this.sparse as Map<number, ViewRow>).get(row);
  }

  /** The cell stored at (row, column) itself; merged non-master cells have none. */
  own(row: number, column: number): ViewCell | undefined {
    const viewRow = this.row(row);
    return viewRow ? viewRow.own(column) : undefined;
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
    const viewRow = this.row(row);
    return viewRow ? viewRow.texts : NO_CELLS;
  }

  /** True when the row holds a real number. */
  hasNumber(row: number): boolean {
    const viewRow = this.row(row);
    return !!viewRow && viewRow.hasNumber;
  }
}

const NO_CELLS: readonly ViewCell[] = [];
