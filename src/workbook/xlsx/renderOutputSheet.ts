/**
 * The worksheet part of an output sheet (results, narrative): the sheet's layout (sheetLayout.ts)
 * as XML. Text is always an inline string, so that "=1+1", "@foo" or "-3" stay text whatever a
 * reader does with them; numbers are values with a number format; a number that is not finite
 * is the error #NUM!. Nothing in the part is a formula.
 */
import {
  columnLetters,
  GENERAL_FORMAT,
  type LayoutCell,
  layOutRow,
  layOutSheetFrame,
  type OutputSheet,
  type SheetFrame,
  toA1,
} from "../../engine";
import { RELATIONSHIPS_NAMESPACE, Utf8Builder, XML_DECLARATION } from "./opcPackage";
import { SPREADSHEET_NAMESPACE, type StyleSheetEditor } from "./styleSheet";
import { escapeSpreadsheetText } from "./xmlText";

export interface RenderOptions {
  /** Keep the sheet selected (when it replaces a sheet that was). */
  readonly tabSelected?: boolean;
}

/** A text cell's markup after its style attribute, up to its text. */
const INLINE_TEXT_START = ' t="inlineStr"><is><t xml:space="preserve">';
const INLINE_TEXT_END = "</t></is></c>";

/**
 * Adds a cell's markup to `out` piece by piece, never as a string of its own: the results sheet
 * has 200,000 cells, and a string made per cell (and per row) is built only to be copied again
 * when the builder encodes. `start` is `<c r="A`, `row` the row number and its closing quote,
 * `s` the style attribute (" s=\"3\"", or "" for the default format). A blank cell with no style
 * is left out by the caller.
 */
function addCellMarkup(
  out: Utf8Builder,
  start: string,
  row: string,
  s: string,
  cell: LayoutCell
): void {
  out.add(start);
  out.add(row);
  out.add(s);
  switch (cell.kind) {
    case "blank":
      out.add("/>");
      return;
    case "text":
      out.add(INLINE_TEXT_START);
      out.add(escapeSpreadsheetText(String(cell.value)));
      out.add(INLINE_TEXT_END);
      return;
    case "error":
      out.add(' t="e"><v>' + cell.value + "</v></c>");
      return;
    case "number":
      // String() gives the shortest text that reads back as the same double.
      out.add("><v>" + String(cell.value) + "</v></c>");
      return;
  }
}

/**
 * The rows' markup, each row laid out and added to `out` in turn. A sheet of 20,000 rows has
 * 200,000 cells: the column letters and the style attributes are made once, not per cell, and a
 * row's start tag is added with its first cell (a row with neither cells nor a height is left
 * out).
 */
function addSheetData(
  sheet: OutputSheet,
  layout: SheetFrame,
  styles: StyleSheetEditor,
  out: Utf8Builder
): void {
  const columnCount = layout.columnCount;
  const cellStarts: string[] = [];
  for (let c = 1; c <= columnCount; c++) cellStarts.push('<c r="' + columnLetters(c));
  const styleAttributes: string[] = [];
  let any = false;
  for (let index = 0; index < layout.rowCount; index++) {
    const r = index + 1;
    const height = layout.rowHeights[index];
    const size = height === null ? "" : ' ht="' + height + '" customHeight="1"';
    const rowReference = r + '"';
    let open = false;
    const line = layOutRow(sheet, index, columnCount);
    for (let c = 0; c < line.length; c++) {
      const cell = line[c];
      const style = styles.outputStyle(
        cell.style,
        cell.format === GENERAL_FORMAT ? undefined : cell.format
      );
      let s = styleAttributes[style];
      if (s === undefined) s = styleAttributes[style] = style === 0 ? "" : ' s="' + style + '"';
      if (cell.kind === "blank" && s === "") continue;
      if (!open) {
        out.add((any ? "" : "<sheetData>") + '<row r="' + r + '"' + size + ">");
        any = open = true;
      }
      addCellMarkup(out, cellStarts[c], rowReference, s, cell);
    }
    if (open) out.add("</row>");
    else if (height !== null) {
      out.add((any ? "" : "<sheetData>") + '<row r="' + r + '"' + size + "></row>");
      any = true;
    }
  }
  out.add(any ? "</sheetData>" : "<sheetData/>");
}

/**
 * The part as UTF-8, laid out and made row by row: the results sheet of 20,000 indicators is
 * never 200,000 laid-out cells, nor one string of several megabytes (see Utf8Builder).
 */
export function renderOutputSheet(
  sheet: OutputSheet,
  styles: StyleSheetEditor,
  options: RenderOptions = {}
): Uint8Array {
  const layout = layOutSheetFrame(sheet);
  const dimension =
    layout.rowCount === 0
      ? "A1"
      : "A1:" + columnLetters(Math.max(1, layout.columnCount)) + layout.rowCount;
  let cols = "";
  layout.columnWidths.forEach((width, index) => {
    if (width > 0)
      cols += `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`;
  });
  const mergeCells = layout.merges
    .map(
      (area) => `<mergeCell ref="${toA1(area.top, area.left)}:${toA1(area.bottom, area.right)}"/>`
    )
    .join("");
  const page = layout.page;

  // Children in CT_Worksheet order.
  const out = new Utf8Builder();
  out.add(
    XML_DECLARATION +
      `<worksheet xmlns="${SPREADSHEET_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}">` +
      (page ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
      `<dimension ref="${dimension}"/>` +
      `<sheetViews><sheetView${options.tabSelected ? ' tabSelected="1"' : ""} workbookViewId="0"/></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols ? `<cols>${cols}</cols>` : "")
  );
  addSheetData(sheet, layout, styles, out);
  out.add(
    (layout.merges.length > 0
      ? `<mergeCells count="${layout.merges.length}">${mergeCells}</mergeCells>`
      : "") +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      (page
        ? `<pageSetup paperSize="9" orientation="${page.orientation}" fitToWidth="${page.fitToPagesWide}" fitToHeight="0"/>`
        : "") +
      "</worksheet>"
  );
  return out.bytes();
}
