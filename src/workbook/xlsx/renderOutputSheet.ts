/**
 * The worksheet part of an output sheet (results, narrative). Text is always an inline string,
 * so that "=1+1", "@foo" or "-3" stay text whatever a reader does with them; numbers are values
 * with a number format. Nothing in the part is a formula.
 */
import { columnLetters, toA1 } from "../../engine/grid/address";
import type { OutputCell, OutputSheet, OutputStyle } from "../../engine/output/types";
import { RELATIONSHIPS_NAMESPACE, XML_DECLARATION } from "./opcPackage";
import { outputRowHeight } from "../../engine/output/rowHeight";
import { SPREADSHEET_NAMESPACE, type StyleSheetEditor } from "./styleSheet";
import { escapeSpreadsheetText } from "./xmlText";

export interface RenderOptions {
  /** Keep the sheet selected (when it replaces a sheet that was). */
  readonly tabSelected?: boolean;
}

function styleOf(cell: OutputCell): OutputStyle | undefined {
  return cell === null ? undefined : cell.style;
}

function cellMarkup(
  reference: string,
  cell: Exclude<OutputCell, null>,
  styles: StyleSheetEditor
): string {
  const format = "text" in cell ? undefined : cell.format;
  const style = styles.outputStyle(cell.style, format);
  const s = style === 0 ? "" : ` s="${style}"`;
  if ("text" in cell) {
    if (cell.text === "") return style === 0 ? "" : `<c r="${reference}"${s}/>`;
    const text = escapeSpreadsheetText(cell.text);
    return `<c r="${reference}"${s} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
  }
  if (!isFinite(cell.number)) return `<c r="${reference}"${s} t="e"><v>#NUM!</v></c>`;
  // String() gives the shortest text that reads back as the same double.
  return `<c r="${reference}"${s}><v>${String(cell.number)}</v></c>`;
}

export function renderOutputSheet(
  sheet: OutputSheet,
  styles: StyleSheetEditor,
  options: RenderOptions = {}
): string {
  const rows: string[] = [];
  const merges: string[] = [];
  let lastColumn = 1;
  sheet.rows.forEach((row, rowIndex) => {
    const r = rowIndex + 1;
    const mergeAcross =
      row.mergeAcross !== undefined && row.mergeAcross > 1 ? Math.floor(row.mergeAcross) : 1;
    if (mergeAcross > 1) merges.push(toA1(r, 1) + ":" + toA1(r, mergeAcross));
    const masterStyle = styleOf(row.cells[0] ?? null);
    let cells = "";
    const columns = Math.max(row.cells.length, mergeAcross);
    for (let index = 0; index < columns; index++) {
      const cell = row.cells[index] ?? null;
      const reference = toA1(r, index + 1);
      let markup = "";
      if (cell !== null) markup = cellMarkup(reference, cell, styles);
      else if (index > 0 && index < mergeAcross && masterStyle !== undefined) {
        // Covered cells of a merge carry the master's format, so borders and fills span it.
        markup = `<c r="${reference}" s="${styles.outputStyle(masterStyle, undefined)}"/>`;
      }
      if (markup !== "") {
        cells += markup;
        lastColumn = Math.max(lastColumn, index + 1);
      }
    }
    const height = outputRowHeight(row, sheet.columnWidths);
    if (cells === "" && height === null) return;
    const size = height === null ? "" : ` ht="${height}" customHeight="1"`;
    rows.push(`<row r="${r}"${size}>${cells}</row>`);
  });

  const columnCount = Math.max(lastColumn, sheet.columnWidths.length);
  const dimension =
    sheet.rows.length === 0 ? "A1" : "A1:" + columnLetters(columnCount) + sheet.rows.length;
  let cols = "";
  sheet.columnWidths.forEach((width, index) => {
    if (width > 0)
      cols += `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`;
  });
  const mergeCells = merges.map((ref) => `<mergeCell ref="${ref}"/>`).join("");

  // Children in CT_Worksheet order.
  return (
    XML_DECLARATION +
    `<worksheet xmlns="${SPREADSHEET_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}">` +
    (sheet.printFitWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView${options.tabSelected ? ' tabSelected="1"' : ""} workbookViewId="0"/></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    (rows.length > 0 ? `<sheetData>${rows.join("")}</sheetData>` : "<sheetData/>") +
    (merges.length > 0 ? `<mergeCells count="${merges.length}">${mergeCells}</mergeCells>` : "") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (sheet.printFitWidth
      ? `<pageSetup paperSize="9" orientation="${sheet.landscape ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"/>`
      : "") +
    "</worksheet>"
  );
}
