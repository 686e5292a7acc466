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
  /** Given each chunk of the part's UTF-8 as it is made (to compress it meanwhile). */
  readonly onChunk?: (chunk: Uint8Array) => void;
}

/**
 * A cell's markup; "" for a blank cell with no style, which the part leaves out. `start` is
 * `<c r="A1"` and `s` the style attribute (" s=\"3\"", or "" for the default format).
 */
function cellMarkup(start: string, s: string, cell: LayoutCell): string {
  switch (cell.kind) {
    case "blank":
      return s === "" ? "" : start + s + "/>";
    case "text":
      return (
        start +
        s +
        ' t="inlineStr"><is><t xml:space="preserve">' +
        escapeSpreadsheetText(String(cell.value)) +
        "</t></is></c>"
      );
    case "error":
      return start + s + ' t="e"><v>' + cell.value + "</v></c>";
    case "number":
      // String() gives the shortest text that reads back as the same double.
      return start + s + "><v>" + String(cell.value) + "</v></c>";
  }
}

/**
 * The rows' markup, each row laid out and added to `out` in turn. A sheet of 20,000 rows has
 * 200,000 cells: the column letters and the style attributes are made once, not per cell.
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
    let cells = "";
    const line = layOutRow(sheet, index, columnCount);
    for (let c = 0; c < line.length; c++) {
      const cell = line[c];
      const style = styles.outputStyle(
        cell.style,
        cell.format === GENERAL_FORMAT ? undefined : cell.format
      );
      let s = styleAttributes[style];
      if (s === undefined) s = styleAttributes[style] = style === 0 ? "" : ' s="' + style + '"';
      cells += cellMarkup(cellStarts[c] + r + '"', s, cell);
    }
    const height = layout.rowHeights[index];
    if (cells === "" && height === null) continue;
    const size = height === null ? "" : ' ht="' + height + '" customHeight="1"';
    out.add((any ? "" : "<sheetData>") + '<row r="' + r + '"' + size + ">" + cells + "</row>");
    any = true;
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
  const out = new Utf8Builder(options.onChunk);
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
