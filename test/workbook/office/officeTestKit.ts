/**
 * Shared by the Office.js adapter's tests: the two hosts every behaviour is checked on, a fake
 * workbook seeded from an .xlsx fixture (read with ExcelJS) or generated at any size, and a
 * digest of a grid to compare what two reads gave.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import path from "path";
import { DEPARTMENT_HEADER } from "../../helpers/templateHeaders";
import type { WorkbookGrid } from "../../../src/engine/grid/types";
import { OfficeWorkbookPort } from "../../../src/workbook/office/officeWorkbookPort";
import {
  FakeSettings,
  FakeWorkbook,
  setCell,
  setRows,
  type FakeSheetState,
} from "../../helpers/fakeExcel";

export const FIXTURES = ["department-education-2024", "project-school-safety-2024"] as const;

export function fixturePath(name: string): string {
  return path.join(__dirname, "../../fixtures/" + name + ".xlsx");
}

/** Every behaviour is checked on a host with every API set, and on one with ExcelApi 1.1 only. */
export const HOSTS = [
  { label: "every API set", maxApi: undefined },
  { label: "ExcelApi 1.1 only", maxApi: "1.1" },
] as const;

export interface FakeHost {
  readonly book: FakeWorkbook;
  readonly settings: FakeSettings;
  readonly port: OfficeWorkbookPort;
}

export function fakeHost(maxApi?: string): FakeHost {
  const book = new FakeWorkbook({ maxApi });
  const settings = new FakeSettings();
  const port = new OfficeWorkbookPort(book.run, { isSetSupported: book.isSetSupported }, settings);
  return { book, settings, port };
}

function excelError(value: unknown): string | null {
  return value && typeof value === "object" && "error" in value
    ? String((value as { error: unknown }).error)
    : null;
}

/** Copies an .xlsx fixture's cells (values, formulas with results, formats) and merges into the fake. */
export async function seedFromXlsx(book: FakeWorkbook, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  workbook.eachSheet((worksheet) => {
    const sheet = book.addSheet(worksheet.name);
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const numberFormat = (cell.numFmt as string | undefined) || "General";
        const value = cell.value as unknown;
        if (value && typeof value === "object" && "formula" in (value as object)) {
          const { formula, result } = value as { formula: string; result?: unknown };
          const error = excelError(result);
          setCell(sheet, Number(cell.row), Number(cell.col), {
            formula: "=" + formula,
            value: error ?? (result as number | string | boolean | undefined) ?? null,
            error: error !== null,
            numberFormat,
          });
          return;
        }
        const error = excelError(value);
        const plain =
          value && typeof value === "object" && "richText" in (value as object)
            ? (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("")
            : value;
        setCell(sheet, Number(cell.row), Number(cell.col), {
          value: error ?? (plain as number | string | boolean),
          error: error !== null,
          numberFormat,
        });
      });
    });
    const merges =
      (worksheet as unknown as { _merges?: Record<string, { model: FakeSheetState["merges"][0] }> })
        ._merges ?? {};
    for (const name of Object.keys(merges)) {
      const { top, left, bottom, right } = merges[name].model;
      sheet.merges.push({ top, left, bottom, right });
    }
  });
}

/**
 * A 部门整体支出绩效自评表 of `indicators` rows, one in ten with a problem (as the benchmark's),
 * and a SUM in its total row.
 */
export function seedLargeDepartmentTable(book: FakeWorkbook, indicators: number): FakeSheetState {
  const sheet = book.addSheet("部门整体支出绩效自评表");
  const rows: Array<Array<string | number | null>> = [
    ["2024年度部门整体支出绩效自评表"],
    ["部门名称：基准测试局"],
    DEPARTMENT_HEADER,
  ];
  const weight = 100 / indicators;
  for (let i = 0; i < indicators; i++) {
    const level1 = i === 0 ? "履职效能" : i === indicators / 2 ? "管理效能" : null;
    const level2 = i % 10 === 0 ? "工作任务" + Math.floor(i / 10) : null;
    const kind = i % 20;
    let tail: Array<string | number | null>;
    if (kind === 3) tail = ["指标" + i, weight, "≥95%", null, null, null];
    else if (kind === 7) tail = ["指标" + i, weight, "≥100个", "完成", weight, null];
    else tail = ["指标" + i, weight, "≥95%", 96 + (i % 4) + "%", weight, null];
    rows.push([level1, level2, ...tail]);
  }
  setRows(sheet, rows);
  sheet.merges.push({ top: 1, left: 1, bottom: 1, right: 8 });
  const last = indicators + 3;
  setRows(sheet, []);
  setCell(sheet, last + 1, 1, { value: "合计" });
  setCell(sheet, last + 1, 4, { value: 100, formula: "=SUM(D4:D" + last + ")" });
  setCell(sheet, last + 1, 7, { value: 100, formula: "=SUM(G4:G" + last + ")" });
  return sheet;
}

/** What the engine can see of a grid, as plain data. */
export function gridDigest(grid: WorkbookGrid, options: { merges?: boolean } = {}): unknown {
  return grid.sheets.map((sheet) => {
    const cells: unknown[] = [];
    for (let row = 1; row <= sheet.rowCount; row++) {
      for (let column = 1; column <= sheet.columnCount; column++) {
        const cell = sheet.cell(row, column);
        if (cell)
          cells.push([cell.address, cell.value, cell.formula, cell.numberFormat, cell.text]);
      }
    }
    return {
      name: sheet.name,
      owner: sheet.owner,
      cells,
      merges:
        options.merges === false
          ? null
          : sheet.merges.map((m) => [m.top, m.left, m.bottom, m.right]),
    };
  });
}
