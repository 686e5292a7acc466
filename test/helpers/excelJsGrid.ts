/**
 * The test oracle: a workbook's grid as ExcelJS reads it — the reader this project used before
 * it read the package itself — in a plain form two grids can be compared in with toEqual.
 *
 * Where ExcelJS is wrong, the oracle corrects it rather than the reader copying the mistake:
 * - a formula's cached result of 0, "" or FALSE: ExcelJS's `value` drops falsy results, so the old
 *   reader took such a formula for one never calculated; the oracle reads `cell.result`;
 * - a cell sharing a formula: ExcelJS's `value` names the master's address; the oracle takes the
 *   translated formula from `cell.formula`.
 * What the oracle cannot correct (ExcelJS does not decode `_xHHHH_` in inline strings, decodes
 * entities twice in text results, reads the phonetic guide of an inline string into its text,
 * takes a formula whose cached result is "" for one never calculated, drops the backslashes of
 * a number format's escapes, refuses overlapping merges, knows no locale date formats) the
 * generated workbooks avoid; readXlsxGrid.test.ts pins the reader's behaviour there.
 */
import ExcelJS from "exceljs";
import type { CellValue, MergedArea, SheetGrid, WorkbookGrid } from "../../src/engine/grid/types";
import { createSheetGrid, type RawCell } from "../../src/engine/grid/createSheetGrid";
import { formatCellText } from "../../src/workbook/xlsx/formatCellText";

export interface PlainCell {
  readonly address: string;
  readonly value: CellValue;
  readonly text: string;
  readonly numberFormat: string;
  readonly formula: string | null;
  readonly formulaNotCalculated: boolean;
}

export interface PlainSheet {
  readonly name: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly merges: readonly MergedArea[];
  readonly owner: SheetGrid["owner"];
  readonly cells: readonly PlainCell[];
}

export interface PlainWorkbook {
  readonly sheets: readonly PlainSheet[];
  readonly otherSheetNames: readonly string[];
}

/** Every cell of a sheet grid, row by row, with merges sorted: comparable with toEqual. */
export function plainSheet(sheet: SheetGrid): PlainSheet {
  const cells: PlainCell[] = [];
  for (let row = 1; row <= sheet.rowCount; row++) {
    for (let column = 1; column <= sheet.columnCount; column++) {
      const cell = sheet.cell(row, column);
      if (!cell) continue;
      cells.push({
        address: cell.address,
        value: cell.value,
        text: cell.text,
        numberFormat: cell.numberFormat,
        formula: cell.formula,
        formulaNotCalculated: cell.formulaNotCalculated,
      });
    }
  }
  const merges = sheet.merges
    .slice()
    .sort((a, b) => a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right);
  return {
    name: sheet.name,
    rowCount: sheet.rowCount,
    columnCount: sheet.columnCount,
    merges,
    owner: sheet.owner,
    cells,
  };
}

export function plainWorkbook(grid: WorkbookGrid): PlainWorkbook {
  return {
    sheets: grid.sheets.map(plainSheet),
    otherSheetNames: (grid.otherSheetNames ?? []).slice(),
  };
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
  const numberFormat = (cell.numFmt as string | undefined) || "General";
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result = (cell as unknown as { result: unknown }).result;
    return {
      row,
      column,
      value: fromResult(result),
      numberFormat,
      formula: cell.formula,
      formulaNotCalculated: result === undefined,
    };
  }
  const value = cell.value as unknown;
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && !(value instanceof Date)) {
    const object = value as Record<string, unknown>;
    if ("error" in object)
      return { row, column, value: { error: String(object.error) }, numberFormat };
    if ("richText" in object) return { row, column, value: plainText(object), numberFormat };
  }
  return { row, column, value: fromResult(value), numberFormat };
}

function mergesOf(worksheet: ExcelJS.Worksheet): MergedArea[] {
  const merges =
    (worksheet as unknown as { _merges?: Record<string, { model: MergedArea }> })._merges ?? {};
  return Object.keys(merges).map((key) => {
    const area = merges[key].model;
    return { top: area.top, left: area.left, bottom: area.bottom, right: area.right };
  });
}

/** The worksheets of a workbook as ExcelJS reads them (sheets ExcelJS skips are not listed). */
export async function excelJsSheets(bytes: Uint8Array): Promise<PlainSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets: PlainSheet[] = [];
  workbook.eachSheet((worksheet) => {
    const cells: RawCell[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const raw = rawCell(cell);
        if (raw) cells.push(raw);
      });
    });
    sheets.push(
      plainSheet(
        createSheetGrid({
          name: worksheet.name,
          cells,
          merges: mergesOf(worksheet),
          formatNumber: formatCellText,
        })
      )
    );
  });
  return sheets;
}
