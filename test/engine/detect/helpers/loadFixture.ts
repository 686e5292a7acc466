import * as path from "path";
import ExcelJS from "exceljs";
import { createSheetGrid, type RawCell } from "../../../../src/engine/grid/createSheetGrid";
import type {
  CellValue,
  MergedArea,
  SheetGrid,
  WorkbookGrid,
} from "../../../../src/engine/grid/types";
import { formatCellText } from "../../../../src/workbook/xlsx/formatCellText";

export const LAYOUTS_DIR = path.join(__dirname, "..", "..", "..", "fixtures", "layouts");
export const FIXTURES_DIR = path.join(__dirname, "..", "..", "..", "fixtures");

function plainText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) {
    return (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("");
  }
  return value === null || value === undefined ? "" : String(value);
}

function fromValue(value: unknown, numberFormat: string): { value: CellValue; text?: string } {
  if (value === undefined || value === null) return { value: null };
  if (typeof value === "number") return { value, text: formatCellText(value, numberFormat) };
  if (typeof value === "boolean") return { value };
  if (value instanceof Date) return { value: value.toISOString().slice(0, 10) };
  if (typeof value === "object" && "error" in (value as object))
    return { value: { error: String((value as { error: unknown }).error) } };
  return { value: plainText(value) };
}

/** One ExcelJS cell as the adapter hands it to createSheetGrid (rich text flattened, formula results kept). */
function rawCell(cell: ExcelJS.Cell): RawCell | null {
  const row = Number(cell.row);
  const column = Number(cell.col);
  const numberFormat = (cell.numFmt as string | undefined) || "General";
  const value = cell.value as unknown;
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && !(value instanceof Date)) {
    const object = value as Record<string, unknown>;
    if ("formula" in object || "sharedFormula" in object) {
      const result = fromValue(object.result, numberFormat);
      return {
        row,
        column,
        value: result.value,
        text: result.text,
        numberFormat,
        formula: String(object.formula ?? object.sharedFormula ?? ""),
        formulaNotCalculated: object.result === undefined,
      };
    }
    if ("richText" in object) return { row, column, value: plainText(object), numberFormat };
  }
  const result = fromValue(value, numberFormat);
  return { row, column, value: result.value, text: result.text, numberFormat };
}

function mergesOf(worksheet: ExcelJS.Worksheet): MergedArea[] {
  const merges =
    (worksheet as unknown as { _merges?: Record<string, { model: MergedArea }> })._merges ?? {};
  return Object.keys(merges).map((key) => {
    const area = merges[key].model;
    return { top: area.top, left: area.left, bottom: area.bottom, right: area.right };
  });
}

/** Reads an .xlsx with ExcelJS and turns every sheet into the engine's grid. */
export async function loadWorkbookGrid(file: string): Promise<WorkbookGrid> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((worksheet) => {
    const cells: RawCell[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const raw = rawCell(cell);
        if (raw) cells.push(raw);
      });
    });
    sheets.push(createSheetGrid({ name: worksheet.name, cells, merges: mergesOf(worksheet) }));
  });
  return { sheets };
}

/** A fixture of test/fixtures/layouts by its base name. */
export function loadLayout(name: string): Promise<WorkbookGrid> {
  return loadWorkbookGrid(path.join(LAYOUTS_DIR, name + ".xlsx"));
}
