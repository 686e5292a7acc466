/// <reference types="et-jsapi-declare/lib.et" />
/**
 * Draws one output sheet (results, narrative) into an empty worksheet of WPS 表格, as the xlsx
 * writer and the Office.js adapter do: values with their number formats, styles from
 * OUTPUT_STYLE_FORMATS, merges, column widths (ET takes characters, as the file does), row
 * heights; and, after the write has succeeded, A4 page setup. Calls are per number format,
 * style attribute and address list, not per cell.
 */
import { columnLetters, toA1 } from "../../engine/grid/address";
import { outputRowHeight } from "../../engine/output/rowHeight";
import type { OutputSheet } from "../../engine/output/types";
import { cellAreas, packAreaLists } from "../office/paintFills";
import {
  ATTRIBUTES,
  TEXT_FORMAT,
  attributeRectangles,
  cellFormat,
  cellValue,
  mergeWidth,
  rectangleAddress,
  styleGrid,
  type Attribute,
  type Rectangle,
} from "../office/renderOutputSheet";
import { hexToBgr } from "./etValues";

/** XlBordersIndex and XlHAlign/XlVAlign constants. */
const XL_EDGE_LEFT = 7;
const XL_EDGE_TOP = 8;
const XL_EDGE_BOTTOM = 9;
const XL_EDGE_RIGHT = 10;
const XL_INSIDE_VERTICAL = 11;
const XL_INSIDE_HORIZONTAL = 12;
const XL_CONTINUOUS = 1;
const XL_THIN = 2;
const XL_CENTER = -4108;
const XL_TOP = -4160;
const XL_PAPER_A4 = 9;
const XL_PORTRAIT = 1;
const XL_LANDSCAPE = 2;

/** Rows written per `Value2` call. */
const ROWS_PER_CALL = 2000;

function applyAttribute(
  range: Et.Range,
  attribute: Attribute,
  value: string,
  area: Rectangle | null
): void {
  switch (attribute) {
    case "bold":
      range.Font.Bold = true;
      return;
    case "size":
      range.Font.Size = Number(value);
      return;
    case "fill":
      range.Interior.Color = hexToBgr(value);
      return;
    case "border": {
      const edges = [XL_EDGE_TOP, XL_EDGE_BOTTOM, XL_EDGE_LEFT, XL_EDGE_RIGHT];
      if (area && area.bottom > area.top) edges.push(XL_INSIDE_HORIZONTAL);
      if (area && area.right > area.left) edges.push(XL_INSIDE_VERTICAL);
      for (const edge of edges) {
        const border = range.Borders.Item(edge);
        border.LineStyle = XL_CONTINUOUS;
        border.Weight = XL_THIN;
      }
      return;
    }
    case "horizontal":
      range.HorizontalAlignment = XL_CENTER;
      return;
    case "vertical":
      range.VerticalAlignment = value === "Top" ? XL_TOP : XL_CENTER;
      return;
    case "wrap":
      range.WrapText = true;
  }
}

/** Writes the whole sheet. */
export function renderEtOutputSheet(worksheet: Et.Worksheet, sheet: OutputSheet): void {
  let columns = sheet.columnWidths.length;
  for (const row of sheet.rows)
    columns = Math.max(columns, row.cells.length, mergeWidth(row.mergeAcross));
  if (sheet.rows.length > 0 && columns > 0) {
    // Formats first: every cell is text ("@") but the numbers, so that Excel's and WPS's input
    // parsing never turns "=…", "+…", "-…", "@…" into a formula nor "001" into a number.
    const all = "A1:" + columnLetters(columns) + sheet.rows.length;
    worksheet.Range(all).NumberFormat = TEXT_FORMAT;
    const byFormat = new Map<string, string[]>();
    sheet.rows.forEach((row, r) => {
      for (let c = 0; c < columns; c++) {
        const format = cellFormat(row.cells[c] ?? null);
        if (format === TEXT_FORMAT) continue;
        const cell = toA1(r + 1, c + 1);
        const list = byFormat.get(format);
        if (list) list.push(cell);
        else byFormat.set(format, [cell]);
      }
    });
    byFormat.forEach((cells, format) => {
      for (const address of packAreaLists(cellAreas(cells)))
        worksheet.Range(address).NumberFormat = format;
    });
    for (let start = 0; start < sheet.rows.length; start += ROWS_PER_CALL) {
      const rows = sheet.rows.slice(start, start + ROWS_PER_CALL);
      const values = rows.map((row) => {
        const line: Array<string | number> = [];
        for (let c = 0; c < columns; c++) line.push(cellValue(row.cells[c] ?? null));
        return line;
      });
      worksheet.Range(
        "A" + (start + 1) + ":" + columnLetters(columns) + (start + rows.length)
      ).Value2 = values;
    }
    const styles = styleGrid(sheet, columns);
    for (const attribute of ATTRIBUTES) {
      const rectangles = attributeRectangles(styles, attribute);
      if (attribute === "border") {
        // Inside borders depend on each rectangle's own shape: one call set per rectangle.
        for (const rectangle of rectangles)
          applyAttribute(
            worksheet.Range(rectangleAddress(rectangle)),
            attribute,
            rectangle.value,
            rectangle
          );
        continue;
      }
      const byValue = new Map<string, string[]>();
      for (const rectangle of rectangles) {
        const list = byValue.get(rectangle.value);
        if (list) list.push(rectangleAddress(rectangle));
        else byValue.set(rectangle.value, [rectangleAddress(rectangle)]);
      }
      byValue.forEach((addresses, value) => {
        for (const address of packAreaLists(addresses))
          applyAttribute(worksheet.Range(address), attribute, value, null);
      });
    }
  }
  applyLayout(worksheet, sheet);
}

/** Column widths (characters), merges and row heights. */
function applyLayout(worksheet: Et.Worksheet, sheet: OutputSheet): void {
  for (let c = 0; c < sheet.columnWidths.length; c++) {
    const width = sheet.columnWidths[c];
    if (!(width > 0)) continue;
    const letters = columnLetters(c + 1);
    worksheet.Range(letters + ":" + letters).ColumnWidth = width;
  }
  // Consecutive rows merged alike are one range merged row by row (Merge(true)).
  for (let r = 0; r < sheet.rows.length;) {
    const across = mergeWidth(sheet.rows[r].mergeAcross);
    let end = r;
    while (end + 1 < sheet.rows.length && mergeWidth(sheet.rows[end + 1].mergeAcross) === across)
      end++;
    if (across > 1) worksheet.Range(toA1(r + 1, 1) + ":" + toA1(end + 1, across)).Merge(true);
    r = end + 1;
  }
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
  rowsByHeight.forEach((runs, height) => {
    for (const address of packAreaLists(runs)) worksheet.Range(address).RowHeight = height;
  });
}

/**
 * A4, the orientation and "one page wide" for a written output sheet. Done after the write has
 * succeeded and best-effort: a build that refuses a print setting must not undo the results.
 */
export function applyPrintLayout(worksheet: Et.Worksheet, sheet: OutputSheet): void {
  if (!sheet.printFitWidth) return;
  const setup = worksheet.PageSetup;
  setup.PaperSize = XL_PAPER_A4;
  setup.Orientation = sheet.landscape ? XL_LANDSCAPE : XL_PORTRAIT;
  setup.Zoom = false;
  setup.FitToPagesWide = 1;
  setup.FitToPagesTall = false;
}
