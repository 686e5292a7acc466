/// <reference types="et-jsapi-declare/lib.et" />
/**
 * Draws one output sheet (results, narrative) into an empty worksheet of WPS 表格: its layout
 * (sheetLayout.ts) as ET calls — values with their number formats, the style attributes by area,
 * merges, column widths (ET takes characters, as the file does), row heights; and, after the
 * write has succeeded, A4 page setup. Calls are per number format, style attribute and address
 * list, not per cell.
 */
import {
  type CellArea,
  columnLetters,
  layOutSheet,
  mergeRuns,
  type OutputSheet,
  pageLayoutOf,
  rowRangesByHeight,
  STYLE_ATTRIBUTES,
  styleAreas,
  type StyleAttribute,
  TEXT_FORMAT,
} from "../../engine";
import { areaAddress, areaListsByValue } from "../office/renderOutputSheet";
import { cellAreas, packAreaLists } from "../office/paintFills";
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
  attribute: StyleAttribute,
  value: string,
  area: CellArea | null
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
  const layout = layOutSheet(sheet);
  if (layout.rowCount > 0 && layout.columnCount > 0) {
    // Formats first, so that Excel's and WPS's input parsing never turns "=…", "+…", "-…",
    // "@…" into a formula nor "001" into a number: the whole sheet as text (most cells are),
    // then every other format on its cells, by address list.
    worksheet.Range("A1:" + columnLetters(layout.columnCount) + layout.rowCount).NumberFormat =
      TEXT_FORMAT;
    const byFormat = new Map<string, string[]>();
    layout.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell.format === TEXT_FORMAT) return;
        const address = columnLetters(c + 1) + (r + 1);
        const list = byFormat.get(cell.format);
        if (list) list.push(address);
        else byFormat.set(cell.format, [address]);
      })
    );
    byFormat.forEach((cells, format) => {
      for (const address of packAreaLists(cellAreas(cells)))
        worksheet.Range(address).NumberFormat = format;
    });
    for (let start = 0; start < layout.rowCount; start += ROWS_PER_CALL) {
      const rows = layout.cells.slice(start, start + ROWS_PER_CALL);
      worksheet.Range(
        "A" + (start + 1) + ":" + columnLetters(layout.columnCount) + (start + rows.length)
      ).Value2 = rows.map((line) => line.map((cell) => (cell.value === null ? "" : cell.value)));
    }
    for (const attribute of STYLE_ATTRIBUTES) {
      const areas = styleAreas(layout, attribute);
      if (attribute === "border") {
        // Inside borders depend on each area's own shape: one call set per area.
        for (const area of areas)
          applyAttribute(worksheet.Range(areaAddress(area)), attribute, area.value, area);
        continue;
      }
      areaListsByValue(areas).forEach((addresses, value) => {
        for (const address of addresses)
          applyAttribute(worksheet.Range(address), attribute, value, null);
      });
    }
  }
  for (let c = 0; c < layout.columnWidths.length; c++) {
    const width = layout.columnWidths[c];
    if (!(width > 0)) continue;
    const letters = columnLetters(c + 1);
    worksheet.Range(letters + ":" + letters).ColumnWidth = width;
  }
  for (const run of mergeRuns(layout)) worksheet.Range(areaAddress(run)).Merge(true);
  rowRangesByHeight(layout).forEach((runs, height) => {
    for (const address of packAreaLists(runs)) worksheet.Range(address).RowHeight = height;
  });
}

/**
 * A4, the orientation and "one page wide" for a written output sheet. Done after the write has
 * succeeded and best-effort: a build that refuses a print setting must not undo the results.
 */
export function applyPrintLayout(worksheet: Et.Worksheet, sheet: OutputSheet): void {
  const page = pageLayoutOf(sheet);
  if (!page) return;
  const setup = worksheet.PageSetup;
  setup.PaperSize = XL_PAPER_A4;
  setup.Orientation = page.orientation === "landscape" ? XL_LANDSCAPE : XL_PORTRAIT;
  setup.Zoom = false;
  setup.FitToPagesWide = page.fitToPagesWide;
  setup.FitToPagesTall = false;
}
