import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createSheetGrid, type RawCell } from "../../engine/grid/createSheetGrid";
import type { CellValue, MergedArea, SheetGrid, WorkbookGrid } from "../../engine/grid/types";
import { formatCellText } from "./formatCellText";
import { readOwnerMarks } from "./readOwnerMarks";

/** Thrown when the bytes are not an .xlsx package ExcelJS can read. */
export class UnreadableWorkbookError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "UnreadableWorkbookError";
  }
}

export interface XlsxWorkbook {
  readonly grid: WorkbookGrid;
  /** The package, loaded once, for writing the scored copy without unzipping again. */
  readonly zip: JSZip;
}

/** Reads an .xlsx into the engine's grid. Works in Node and in the browser. */
export async function readXlsxGrid(bytes: Uint8Array): Promise<XlsxWorkbook> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new UnreadableWorkbookError("not a zip package: " + String(error));
  }
  const workbookPart = zip.file("xl/workbook.xml");
  if (!workbookPart) throw new UnreadableWorkbookError("no xl/workbook.xml");
  const owners = readOwnerMarks(await workbookPart.async("string"));

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableWorkbookError(String(error));
  }
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((worksheet) => {
    sheets.push(
      createSheetGrid({
        name: worksheet.name,
        cells: rawCells(worksheet),
        merges: mergesOf(worksheet),
        // ExcelJS gives no displayed text; numbers are formatted when the engine asks.
        formatNumber: formatCellText,
        owner: owners.get(worksheet.name) ?? null,
      })
    );
  });
  return { grid: { sheets }, zip };
}

function rawCells(worksheet: ExcelJS.Worksheet): RawCell[] {
  const raws: RawCell[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      // Merged non-master cells (ExcelJS repeats the master's value there) are dropped by createSheetGrid.
      const raw = rawCell(cell);
      if (raw) raws.push(raw);
    });
  });
  return raws;
}

function numberFormatOf(cell: ExcelJS.Cell): string {
  return (cell.numFmt as string | undefined) || "General";
}

function plainText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) {
    return (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("");
  }
  return value === null || value === undefined ? "" : String(value);
}

function fromResult(result: unknown): CellValue | undefined {
  if (result === undefined || result === null) return undefined;
  if (typeof result === "number" || typeof result === "boolean") return result;
  if (result instanceof Date) return result.toISOString().slice(0, 10);
  if (typeof result === "object" && "error" in (result as object))
    return { error: String((result as { error: unknown }).error) };
  return plainText(result);
}

function rawCell(cell: ExcelJS.Cell): RawCell | null {
  const row = Number(cell.row);
  const column = Number(cell.col);
  const numberFormat = numberFormatOf(cell);
  const value = cell.value as unknown;
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && !(value instanceof Date)) {
    const object = value as Record<string, unknown>;
    if ("formula" in object || "sharedFormula" in object) {
      return {
        row,
        column,
        value: fromResult(object.result),
        numberFormat,
        formula: String(object.formula ?? object.sharedFormula ?? ""),
        formulaNotCalculated: object.result === undefined,
      };
    }
    if ("error" in object)
      return { row, column, value: { error: String(object.error) }, numberFormat };
    if ("hyperlink" in object) return { row, column, value: plainText(object.text), numberFormat };
    if ("richText" in object) return { row, column, value: plainText(object), numberFormat };
  }
  return { row, column, value: fromResult(value), numberFormat };
}

function mergesOf(worksheet: ExcelJS.Worksheet): MergedArea[] {
  // ExcelJS keeps merges privately; its public `model` would serialise every row to get them.
  const merges =
    (worksheet as unknown as { _merges?: Record<string, { model: MergedArea }> })._merges ?? {};
  return Object.keys(merges).map((key) => {
    const area = merges[key].model;
    return { top: area.top, left: area.left, bottom: area.bottom, right: area.right };
  });
}
