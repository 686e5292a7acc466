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

/** A cell's markup; "" for a blank cell with no style, which the part leaves out. */
function cellMarkup(reference: string, cell: LayoutCell, styles: StyleSheetEditor): string {
  const format = cell.format === GENERAL_FORMAT ? undefined : cell.format;
  const style = styles.outputStyle(cell.style, format);
  const s = style === 0 ? "" : ` s="${style}"`;
  switch (cell.kind) {
    case "blank":
      return style === 0 ? "" : `<c r="${reference}"${s}/>`;
    case "text":
      return `<c r="${reference}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeSpreadsheetText(
        String(cell.value)
      )}</t></is></c>`;
    case "error":
      return `<c r="${reference}"${s} t="e"><v>${cell.value}</v></c>`;
    case "number":
      // String() gives the shortest text that reads back as the same double.
      return `<c r="${reference}"${s}><v>${String(cell.value)}</v></c>`;
  }
}

/** The rows' markup, each row laid out and added to `out` in turn. */
function addSheetData(
  sheet: OutputSheet,
  layout: SheetFrame,
  styles: StyleSheetEditor,
  out: Utf8Builder
): void {
  let any = false;
  for (let index = 0; index < layout.rowCount; index++) {
    const r = index + 1;
    let cells = "";
    layOutRow(sheet, index, layout.columnCount).forEach(
      (cell, c) => (cells += cellMarkup(toA1(r, c + 1), cell, styles))
    );
    const height = layout.rowHeights[index];
    if (cells === "" && height === null) continue;
    const size = height === null ? "" : ` ht="${height}" customHeight="1"`;
    out.add((any ? "" : "<sheetData>") + `<row r="${r}"${size}>${cells}</row>`);
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
