/**
 * The one resolved layout of an output sheet, which every host writer serialises: the .xlsx
 * writer as worksheet XML, the Office.js adapter and the WPS adapter as calls on their object
 * models. Every decision about what the sheet holds is made here, once — each cell's kind, value,
 * number format and style (a merge's covered cells taking their master's), the merged areas, the
 * row heights, the column widths and the page setup — so that the three cannot drift apart (they
 * had: a number that is not finite was an error cell in the file and the text "#NUM!" in Excel).
 * What is left to a writer is how its host takes these, never what they are.
 */
import { LineCounts, mergeSpan, outputRowHeight } from "./rowHeight";
import { OUTPUT_STYLE_FORMATS } from "./outputStyles";
import type { OutputCell, OutputSheet, OutputStyle } from "./types";

/** Excel's text format: what is written into it stays text, even "=SUM(A1)", "+1" or "@x". */
export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

/**
 * What a cell is. A number that is not finite (NaN, ±Infinity: no cell can hold one) becomes the
 * error value #NUM!, as Excel itself shows a calculation that overflows: an error, unlike the
 * text "#NUM!", cannot be summed as 0 or sorted among texts without anyone noticing, and every
 * host can write one (a file as `t="e"`; Excel and WPS make one of "#NUM!" typed into a cell that
 * is not formatted as text, as they do when a user types it).
 */
export type LayoutCellKind = "text" | "number" | "error" | "blank";

export interface LayoutCell {
  readonly kind: LayoutCellKind;
  /** The text, the number, the error's text ("#NUM!"), or null for a blank cell. */
  readonly value: string | number | null;
  /** "@" for text (set before the value, so that nothing typed becomes a formula); else the number's format or General. */
  readonly format: string;
  /** The cell's style; a covered cell of a merge carries its master's, so borders and fills span the merge. */
  readonly style: OutputStyle | undefined;
}

/** A rectangle of cells, 1-based and inclusive. */
export interface CellArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface PageLayout {
  readonly paperSize: "A4";
  readonly orientation: "portrait" | "landscape";
  /** One page wide, as many tall as it takes. */
  readonly fitToPagesWide: 1;
}

export interface SheetLayout {
  /** Rows and columns the sheet spans (the widest of its cells, merges and column widths). */
  readonly rowCount: number;
  readonly columnCount: number;
  /** rowCount rows of columnCount cells. */
  readonly cells: ReadonlyArray<readonly LayoutCell[]>;
  /** One area per merged row, top to bottom. */
  readonly merges: readonly CellArea[];
  /** Points per row, null where the default height will do. */
  readonly rowHeights: ReadonlyArray<number | null>;
  /** Widths in characters of the default font, 0 where the column keeps Excel's default. */
  readonly columnWidths: readonly number[];
  /** A4 fitted to the page width; null to leave the host's default. */
  readonly page: PageLayout | null;
}

/** The error a number that is not finite becomes. */
export const NOT_FINITE_ERROR = "#NUM!";

const BLANK: LayoutCell = { kind: "blank", value: null, format: GENERAL_FORMAT, style: undefined };

function layoutCell(cell: OutputCell, coveredBy: OutputStyle | undefined): LayoutCell {
  if (cell === null) {
    return coveredBy === undefined ? BLANK : { ...BLANK, style: coveredBy };
  }
  if ("text" in cell) {
    // An empty text is a blank cell carrying its style (a bordered table cell left empty).
    if (cell.text === "") return { ...BLANK, style: cell.style };
    return { kind: "text", value: cell.text, format: TEXT_FORMAT, style: cell.style };
  }
  if (!isFinite(cell.number))
    return { kind: "error", value: NOT_FINITE_ERROR, format: GENERAL_FORMAT, style: cell.style };
  return {
    kind: "number",
    value: cell.number,
    format: cell.format || GENERAL_FORMAT,
    style: cell.style,
  };
}

/** The layout of a sheet without its cells, which layOutRow gives one row at a time. */
export type SheetFrame = Omit<SheetLayout, "cells">;

/**
 * Everything of a sheet's layout but its cells: for a writer that serialises the rows one at a
 * time (layOutRow), so that a sheet of 20,000 rows is never held as 200,000 laid-out cells.
 */
export function layOutSheetFrame(sheet: OutputSheet): SheetFrame {
  let columnCount = sheet.columnWidths.length;
  for (const row of sheet.rows)
    columnCount = Math.max(columnCount, row.cells.length, mergeSpan(row.mergeAcross));
  const merges: CellArea[] = [];
  const rowHeights: Array<number | null> = [];
  const lineCounts = new LineCounts();
  sheet.rows.forEach((row, index) => {
    const span = mergeSpan(row.mergeAcross);
    if (span > 1) merges.push({ top: index + 1, left: 1, bottom: index + 1, right: span });
    rowHeights.push(outputRowHeight(row, sheet.columnWidths, lineCounts));
  });
  const columnWidths: number[] = [];
  for (let c = 0; c < sheet.columnWidths.length; c++) {
    const width = sheet.columnWidths[c];
    columnWidths.push(width > 0 ? width : 0);
  }
  return {
    rowCount: sheet.rows.length,
    columnCount,
    merges,
    rowHeights,
    columnWidths,
    page: pageLayoutOf(sheet),
  };
}

/** Row `index` (0-based) of the layout, `columnCount` cells: SheetLayout.cells[index]. */
export function layOutRow(sheet: OutputSheet, index: number, columnCount: number): LayoutCell[] {
  const row = sheet.rows[index];
  const span = mergeSpan(row.mergeAcross);
  const first = row.cells[0] ?? null;
  const master = first === null ? undefined : first.style;
  const line: LayoutCell[] = [];
  for (let c = 0; c < columnCount; c++) {
    const covered = c > 0 && c < span ? master : undefined;
    line.push(layoutCell(row.cells[c] ?? null, covered));
  }
  return line;
}

/** Resolves an output sheet into the layout every writer serialises. */
export function layOutSheet(sheet: OutputSheet): SheetLayout {
  const frame = layOutSheetFrame(sheet);
  const cells: LayoutCell[][] = [];
  for (let index = 0; index < frame.rowCount; index++)
    cells.push(layOutRow(sheet, index, frame.columnCount));
  return {
    rowCount: frame.rowCount,
    columnCount: frame.columnCount,
    cells,
    merges: frame.merges,
    rowHeights: frame.rowHeights,
    columnWidths: frame.columnWidths,
    page: frame.page,
  };
}

/** An output sheet's page setup (what layOutSheet gives as `page`), without laying out its cells. */
export function pageLayoutOf(sheet: OutputSheet): PageLayout | null {
  return sheet.printFitWidth
    ? {
        paperSize: "A4",
        orientation: sheet.landscape ? "landscape" : "portrait",
        fitToPagesWide: 1,
      }
    : null;
}

/** A style attribute the object-model writers set on ranges. */
export type StyleAttribute =
  "bold" | "size" | "fill" | "border" | "horizontal" | "vertical" | "wrap";

export const STYLE_ATTRIBUTES: readonly StyleAttribute[] = [
  "bold",
  "size",
  "fill",
  "border",
  "horizontal",
  "vertical",
  "wrap",
];

/**
 * An attribute's value for a style, as a key ("1", "14", "#D9D9D9", "Center", "Top"); null where
 * the host's default stands. Every styled cell gets a vertical alignment, as every styled cell
 * of the file has one.
 */
export function styleAttributeValue(
  style: OutputStyle | undefined,
  attribute: StyleAttribute
): string | null {
  if (style === undefined) return null;
  const format = OUTPUT_STYLE_FORMATS[style];
  switch (attribute) {
    case "bold":
      return format.bold ? "1" : null;
    case "size":
      return format.fontSize ? String(format.fontSize) : null;
    case "fill":
      return format.fill ? "#" + format.fill : null;
    case "border":
      return format.border ? "1" : null;
    case "horizontal":
      return format.horizontal === "center" ? "Center" : null;
    case "vertical":
      return format.vertical === "top" ? "Top" : "Center";
    case "wrap":
      return format.wrap ? "1" : null;
  }
}

/** An area of cells sharing one value (of an attribute, a format, a height). */
export interface ValuedArea extends CellArea {
  readonly value: string;
}

/**
 * Areas of equal value, from a value per cell: runs along each row, stacked while the next row
 * has the same run — so a table's borders are one range, not one per row. Cells whose value is
 * null get none.
 */
export function valueAreas(
  rows: number,
  columns: number,
  valueAt: (row: number, column: number) => string | null
): ValuedArea[] {
  type Open = { top: number; bottom: number; left: number; right: number; value: string };
  const done: Open[] = [];
  let open = new Map<string, Open>();
  for (let r = 1; r <= rows; r++) {
    const next = new Map<string, Open>();
    for (let c = 1; c <= columns;) {
      const value = valueAt(r, c);
      let end = c;
      while (end + 1 <= columns && valueAt(r, end + 1) === value) end++;
      if (value !== null) {
        const key = c + ":" + end + ":" + value;
        const above = open.get(key);
        if (above) {
          above.bottom = r;
          open.delete(key);
          next.set(key, above);
        } else next.set(key, { top: r, bottom: r, left: c, right: end, value });
      }
      c = end + 1;
    }
    open.forEach((area) => done.push(area));
    open = next;
  }
  open.forEach((area) => done.push(area));
  return done;
}

/** The areas of one style attribute's values over a layout. */
export function styleAreas(layout: SheetLayout, attribute: StyleAttribute): ValuedArea[] {
  return valueAreas(layout.rowCount, layout.columnCount, (r, c) =>
    styleAttributeValue(layout.cells[r - 1][c - 1].style, attribute)
  );
}

/** Consecutive rows merged alike, as one area each (merged row by row: Merge(true) / merge(true)). */
export function mergeRuns(layout: SheetLayout): CellArea[] {
  const runs: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  for (const merge of layout.merges) {
    const last = runs[runs.length - 1];
    if (
      last &&
      last.bottom + 1 === merge.top &&
      last.left === merge.left &&
      last.right === merge.right
    )
      last.bottom = merge.bottom;
    else runs.push({ ...merge });
  }
  return runs;
}

/**
 * Row ranges ("3:5": consecutive rows of one height) grouped by height, in order of first
 * appearance; rows keeping the default height are left out. A host sets each group at once.
 */
export function rowRangesByHeight(layout: SheetLayout): Map<number, string[]> {
  const byHeight = new Map<number, string[]>();
  const heights = layout.rowHeights;
  for (let index = 0; index < heights.length;) {
    const height = heights[index];
    let end = index;
    while (end + 1 < heights.length && heights[end + 1] === height) end++;
    if (height !== null) {
      const rows = index + 1 + ":" + (end + 1);
      const list = byHeight.get(height);
      if (list) list.push(rows);
      else byHeight.set(height, [rows]);
    }
    index = end + 1;
  }
  return byHeight;
}
