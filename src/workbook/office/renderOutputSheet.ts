/**
 * Draws one output sheet (results, narrative) into an empty worksheet: its layout
 * (sheetLayout.ts) as Office.js calls — values with their number formats, the style attributes by
 * area, merges, column widths, row heights and A4 page setup, each only where the host's API has
 * it. Calls are per area and value, not per cell.
 */
import {
  type CellArea,
  columnLetters,
  layOutSheet,
  mergeRuns,
  type OutputSheet,
  pageLayoutOf,
  rowRangesByHeight,
  type SheetLayout,
  STYLE_ATTRIBUTES,
  styleAreas,
  type StyleAttribute,
  toA1,
  type ValuedArea,
} from "../../engine";
import type { ApiSupport } from "./apiSupport";
import { packAreaLists } from "./paintFills";
import { OPERATION_BYTES, jsonBytes, type RequestBudget } from "./requestBudget";

/**
 * Column width in points for a width in characters of the default font (Calibri 11: 7 pixels a
 * character plus 5 of padding; 0.75 point a pixel). Office.js sets widths in points.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** "A1" or "A1:H3". */
export function areaAddress(area: CellArea): string {
  return area.top === area.bottom && area.left === area.right
    ? toA1(area.top, area.left)
    : toA1(area.top, area.left) + ":" + toA1(area.bottom, area.right);
}

/** Areas grouped by value, each group as address lists short enough for one multi-area range. */
export function areaListsByValue(areas: readonly ValuedArea[]): Map<string, string[]> {
  const byValue = new Map<string, string[]>();
  for (const area of areas) {
    const list = byValue.get(area.value);
    if (list) list.push(areaAddress(area));
    else byValue.set(area.value, [areaAddress(area)]);
  }
  const packed = new Map<string, string[]>();
  byValue.forEach((addresses, value) => packed.set(value, packAreaLists(addresses)));
  return packed;
}

function applyAttribute(
  format: Excel.RangeFormat,
  attribute: StyleAttribute,
  value: string,
  area: CellArea | null
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
      if (area && area.bottom > area.top) edges.push("InsideHorizontal");
      if (area && area.right > area.left) edges.push("InsideVertical");
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

/** Rows written per `values` call, under Excel on the web's request limit for long texts. */
const ROWS_PER_RANGE = 2000;

/** Queues the whole sheet into the current batch. */
export async function renderOutputSheet(
  worksheet: Excel.Worksheet,
  sheet: OutputSheet,
  support: ApiSupport,
  budget: RequestBudget
): Promise<void> {
  const layout = layOutSheet(sheet);
  if (layout.rowCount > 0 && layout.columnCount > 0) {
    // Number formats go first: text lands in cells already formatted as text, so Excel never
    // reads "=…", "+…", "-…" or "@…" as a formula, nor "001" as a number; "#NUM!" lands in a
    // General cell and becomes the error, as when typed.
    for (let start = 0; start < layout.rowCount; start += ROWS_PER_RANGE) {
      const rows = layout.cells.slice(start, start + ROWS_PER_RANGE);
      const values = rows.map((line) =>
        line.map((cell) => (cell.value === null ? "" : cell.value))
      );
      const formats = rows.map((line) => line.map((cell) => cell.format));
      await budget.reserve(OPERATION_BYTES + jsonBytes(values) + jsonBytes(formats));
      const range = worksheet.getRange(
        "A" + (start + 1) + ":" + columnLetters(layout.columnCount) + (start + rows.length)
      );
      range.numberFormat = formats;
      range.values = values;
    }
    for (const attribute of STYLE_ATTRIBUTES)
      await applyStyleAreas(worksheet, attribute, styleAreas(layout, attribute), support, budget);
  }
  if (support.formatting) await applyLayout(worksheet, layout, support, budget);
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
  const page = pageLayoutOf(sheet);
  if (!support.rangeAreas || !page) return false;
  const layout = worksheet.pageLayout;
  layout.paperSize = page.paperSize;
  layout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
  // One page wide, as many tall as needed (0: no limit, as fitToHeight="0" in the file).
  layout.zoom = { horizontalFitToPages: page.fitToPagesWide, verticalFitToPages: 0 };
  return true;
}

async function applyStyleAreas(
  worksheet: Excel.Worksheet,
  attribute: StyleAttribute,
  areas: readonly ValuedArea[],
  support: ApiSupport,
  budget: RequestBudget
): Promise<void> {
  if (support.rangeAreas && attribute !== "border") {
    // The same value on many areas: one RangeAreas per address list.
    const lists = areaListsByValue(areas);
    const values = Array.from(lists.keys());
    for (const value of values) {
      for (const address of lists.get(value)!) {
        await budget.reserve(OPERATION_BYTES + address.length);
        applyAttribute(worksheet.getRanges(address).format, attribute, value, null);
      }
    }
    return;
  }
  // Inside borders depend on each area's own shape: one range per area.
  for (const area of areas) {
    await budget.reserve(OPERATION_BYTES);
    applyAttribute(worksheet.getRange(areaAddress(area)).format, attribute, area.value, area);
  }
}

/** Merges, column widths and row heights (ExcelApi 1.2). */
async function applyLayout(
  worksheet: Excel.Worksheet,
  layout: SheetLayout,
  support: ApiSupport,
  budget: RequestBudget
): Promise<void> {
  for (let c = 0; c < layout.columnWidths.length; c++) {
    const width = layout.columnWidths[c];
    if (!(width > 0)) continue;
    await budget.reserve(OPERATION_BYTES);
    const letters = columnLetters(c + 1);
    worksheet.getRange(letters + ":" + letters).format.columnWidth = columnWidthPoints(width);
  }
  for (const run of mergeRuns(layout)) {
    await budget.reserve(OPERATION_BYTES);
    worksheet.getRange(areaAddress(run)).merge(true);
  }
  // Rows of one height are set together: a run of rows, or (ExcelApi 1.9) all of them at once.
  const rowsByHeight = rowRangesByHeight(layout);
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
