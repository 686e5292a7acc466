/**
 * Draws one output sheet (results, narrative) into an empty worksheet as the xlsx writer does:
 * values with their number formats, styles from OUTPUT_STYLE_FORMATS, merges, column widths,
 * row heights and A4 page setup — each only where the host's API has it.
 */
import { columnLetters, toA1 } from "../../engine/grid/address";
import { OUTPUT_STYLE_FORMATS } from "../../engine/output/outputStyles";
import { outputRowHeight } from "../../engine/output/rowHeight";
import type { OutputCell, OutputSheet, OutputStyle } from "../../engine/output/types";
import type { ApiSupport } from "./apiSupport";
import { packAreaLists } from "./paintFills";
import { OPERATION_BYTES, jsonBytes, type RequestBudget } from "./requestBudget";

/** Excel's text format: what is written into it stays text, even "=SUM(A1)", "+1" or "@x". */
export const TEXT_FORMAT = "@";

/**
 * Column width in points for a width in characters of the default font (Calibri 11: 7 pixels a
 * character plus 5 of padding; 0.75 point a pixel). Office.js sets widths in points.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** One format attribute set on a rectangle of cells. */
export interface Rectangle {
  top: number;
  bottom: number;
  readonly left: number;
  readonly right: number;
  readonly value: string;
}

export type Attribute = "bold" | "size" | "fill" | "border" | "horizontal" | "vertical" | "wrap";
export const ATTRIBUTES: readonly Attribute[] = [
  "bold",
  "size",
  "fill",
  "border",
  "horizontal",
  "vertical",
  "wrap",
];

/** An attribute's value for a style, null where Excel's default stands. */
export function attributeValue(
  style: OutputStyle | undefined,
  attribute: Attribute
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

/** The style of every cell, covered cells of a merge taking the master's (as in the xlsx writer). */
export function styleGrid(
  sheet: OutputSheet,
  columns: number
): Array<Array<OutputStyle | undefined>> {
  return sheet.rows.map((row) => {
    const mergeAcross = mergeWidth(row.mergeAcross);
    const master = row.cells[0] ? row.cells[0].style : undefined;
    const styles: Array<OutputStyle | undefined> = [];
    for (let c = 0; c < columns; c++) {
      const cell = row.cells[c] ?? null;
      styles.push(cell !== null ? cell.style : c > 0 && c < mergeAcross ? master : undefined);
    }
    return styles;
  });
}

export function mergeWidth(mergeAcross: number | undefined): number {
  return mergeAcross !== undefined && mergeAcross > 1 ? Math.floor(mergeAcross) : 1;
}

/**
 * Rectangles of equal attribute value: runs along each row, stacked while the next row has the
 * same run — so a table's borders are one range, not one per row.
 */
export function attributeRectangles(
  styles: ReadonlyArray<ReadonlyArray<OutputStyle | undefined>>,
  attribute: Attribute
): Rectangle[] {
  const done: Rectangle[] = [];
  let open = new Map<string, Rectangle>();
  styles.forEach((row, r) => {
    const next = new Map<string, Rectangle>();
    for (let c = 0; c < row.length;) {
      const value = attributeValue(row[c], attribute);
      let end = c;
      while (end + 1 < row.length && attributeValue(row[end + 1], attribute) === value) end++;
      if (value !== null) {
        const key = c + ":" + end + ":" + value;
        const above = open.get(key);
        if (above) {
          above.bottom = r + 1;
          open.delete(key);
          next.set(key, above);
        } else {
          next.set(key, { top: r + 1, bottom: r + 1, left: c + 1, right: end + 1, value });
        }
      }
      c = end + 1;
    }
    open.forEach((rectangle) => done.push(rectangle));
    open = next;
  });
  open.forEach((rectangle) => done.push(rectangle));
  return done;
}

export function rectangleAddress(rectangle: Rectangle): string {
  return rectangle.top === rectangle.bottom && rectangle.left === rectangle.right
    ? toA1(rectangle.top, rectangle.left)
    : toA1(rectangle.top, rectangle.left) + ":" + toA1(rectangle.bottom, rectangle.right);
}

function applyAttribute(
  format: Excel.RangeFormat,
  attribute: Attribute,
  value: string,
  multiRow: boolean,
  multiColumn: boolean
): void {
  switch (attribute) {
    case "bold":
      format.font.bold = true;
      return;
    case "size":
      format.font.size = Number(value);
      return;
    case "fill":
      format.fill.color = value;
      return;
    case "border": {
      const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
      if (multiRow) edges.push("InsideHorizontal");
      if (multiColumn) edges.push("InsideVertical");
      for (const edge of edges) {
        const border = format.borders.getItem(edge as Excel.BorderIndex);
        border.style = "Continuous";
        border.weight = "Thin";
      }
      return;
    }
    case "horizontal":
      format.horizontalAlignment = value as Excel.HorizontalAlignment;
      return;
    case "vertical":
      format.verticalAlignment = value as Excel.VerticalAlignment;
      return;
    case "wrap":
      format.wrapText = true;
  }
}

export function cellValue(cell: OutputCell): string | number {
  if (cell === null) return "";
  if ("text" in cell) return cell.text;
  return isFinite(cell.number) ? cell.number : "#NUM!";
}

export function cellFormat(cell: OutputCell): string {
  if (cell === null) return "General";
  if ("text" in cell || !isFinite(cell.number)) return TEXT_FORMAT;
  return cell.format || "General";
}

/** Queues the whole sheet into the current batch. */
export async function renderOutputSheet(
  worksheet: Excel.Worksheet,
  sheet: OutputSheet,
  support: ApiSupport,
  budget: RequestBudget
): Promise<void> {
  let columns = sheet.columnWidths.length;
  for (const row of sheet.rows) {
    columns = Math.max(columns, row.cells.length, mergeWidth(row.mergeAcross));
  }
  if (sheet.rows.length > 0 && columns > 0) {
    // Number formats go first: text lands in cells already formatted as text, so Excel never
    // reads "=…", "+…", "-…" or "@…" as a formula, nor "001" as a number.
    const rowsPerRange = 2000;
    for (let start = 0; start < sheet.rows.length; start += rowsPerRange) {
      const rows = sheet.rows.slice(start, start + rowsPerRange);
      const values = rows.map((row) => {
        const line: Array<string | number> = [];
        for (let c = 0; c < columns; c++) line.push(cellValue(row.cells[c] ?? null));
        return line;
      });
      const formats = rows.map((row) => {
        const line: string[] = [];
        for (let c = 0; c < columns; c++) line.push(cellFormat(row.cells[c] ?? null));
        return line;
      });
      await budget.reserve(OPERATION_BYTES + jsonBytes(values) + jsonBytes(formats));
      const range = worksheet.getRange(
        "A" + (start + 1) + ":" + columnLetters(columns) + (start + rows.length)
      );
      range.numberFormat = formats;
      range.values = values;
    }
    const styles = styleGrid(sheet, columns);
    for (const attribute of ATTRIBUTES) {
      await applyRectangles(
        worksheet,
        attribute,
        attributeRectangles(styles, attribute),
        support,
        budget
      );
    }
  }
  if (support.formatting) await applyLayout(worksheet, sheet, support, budget);
}

/**
 * Queues A4, the orientation and "one page wide" for a written output sheet (ExcelApi 1.9).
 * Sent after the write has succeeded, on its own: a host that refuses a print setting must not
 * undo the results themselves.
 */
export function queuePrintLayout(
  worksheet: Excel.Worksheet,
  sheet: OutputSheet,
  support: ApiSupport
): boolean {
  if (!support.rangeAreas || !sheet.printFitWidth) return false;
  const layout = worksheet.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = sheet.landscape ? "Landscape" : "Portrait";
  // One page wide, as many tall as needed (0: no limit, as fitToHeight="0" in the file).
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  return true;
}

async function applyRectangles(
  worksheet: Excel.Worksheet,
  attribute: Attribute,
  rectangles: readonly Rectangle[],
  support: ApiSupport,
  budget: RequestBudget
): Promise<void> {
  if (support.rangeAreas && attribute !== "border") {
    // The same value on many rectangles: one RangeAreas per address list.
    const byValue = new Map<string, string[]>();
    for (const rectangle of rectangles) {
      const list = byValue.get(rectangle.value);
      if (list) list.push(rectangleAddress(rectangle));
      else byValue.set(rectangle.value, [rectangleAddress(rectangle)]);
    }
    const values = Array.from(byValue.keys());
    for (const value of values) {
      for (const address of packAreaLists(byValue.get(value)!)) {
        await budget.reserve(OPERATION_BYTES + address.length);
        applyAttribute(worksheet.getRanges(address).format, attribute, value, false, false);
      }
    }
    return;
  }
  for (const rectangle of rectangles) {
    await budget.reserve(OPERATION_BYTES);
    applyAttribute(
      worksheet.getRange(rectangleAddress(rectangle)).format,
      attribute,
      rectangle.value,
      rectangle.bottom > rectangle.top,
      rectangle.right > rectangle.left
    );
  }
}

/** Merges, column widths and row heights (ExcelApi 1.2). */
async function applyLayout(
  worksheet: Excel.Worksheet,
  sheet: OutputSheet,
  support: ApiSupport,
  budget: RequestBudget
): Promise<void> {
  for (let c = 0; c < sheet.columnWidths.length; c++) {
    const width = sheet.columnWidths[c];
    if (!(width > 0)) continue;
    await budget.reserve(OPERATION_BYTES);
    const letters = columnLetters(c + 1);
    worksheet.getRange(letters + ":" + letters).format.columnWidth = columnWidthPoints(width);
  }
  // Consecutive rows merged alike are one range merged row by row (merge(true)).
  for (let r = 0; r < sheet.rows.length;) {
    const across = mergeWidth(sheet.rows[r].mergeAcross);
    let end = r;
    while (end + 1 < sheet.rows.length && mergeWidth(sheet.rows[end + 1].mergeAcross) === across)
      end++;
    if (across > 1) {
      await budget.reserve(OPERATION_BYTES);
      worksheet.getRange(toA1(r + 1, 1) + ":" + toA1(end + 1, across)).merge(true);
    }
    r = end + 1;
  }
  // Rows of one height are set together: a run of rows, or (ExcelApi 1.9) all of them at once.
  const rowsByHeight = new Map<number, string[]>();
  for (let r = 0; r < sheet.rows.length;) {
    const height = outputRowHeight(sheet.rows[r], sheet.columnWidths);
    let end = r;
    while (
      end + 1 < sheet.rows.length &&
      outputRowHeight(sheet.rows[end + 1], sheet.columnWidths) === height
    )
      end++;
    if (height !== null) {
      const rows = r + 1 + ":" + (end + 1);
      const list = rowsByHeight.get(height);
      if (list) list.push(rows);
      else rowsByHeight.set(height, [rows]);
    }
    r = end + 1;
  }
  const heights = Array.from(rowsByHeight.keys());
  for (const height of heights) {
    const runs = rowsByHeight.get(height)!;
    const addresses = support.rangeAreas ? packAreaLists(runs) : runs;
    for (const address of addresses) {
      await budget.reserve(OPERATION_BYTES + address.length);
      const rows = support.rangeAreas ? worksheet.getRanges(address) : worksheet.getRange(address);
      rows.format.rowHeight = height;
    }
  }
}
