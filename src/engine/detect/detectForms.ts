import type { WorkbookGrid } from "../grid/types";
import { columnLetters } from "../grid/address";
import { columnsForSheet, EMPTY_COLUMN_MAP, type ColumnMap } from "./columnMap";
import { isToolSheet } from "./isToolSheet";
import { readSheet } from "./sheetForms";
import type { ColumnMapError, DetectedForm, ReadingMiss, WorkbookReading } from "./types";

/**
 * Detection is a pipeline of small stages over one view of each sheet (see README.md):
 * find header candidates → classify rows → assign columns → read the table. This file is the
 * workbook's part: every sheet but the tool's own, and the column map's entries checked against
 * the sheets and tables they name; sheetForms.ts finds the forms on one sheet, tableAtHeader.ts
 * reads the table under one header.
 */

export interface DetectOptions {
  /** The user's column map: the roles it names override detection. */
  readonly columnMap?: ColumnMap;
}

/**
 * Finds every 绩效自评表 form in a workbook: each indicator table with the 项目资金 block above it
 * and the title facts around it. Sheets the tool wrote are skipped; sheets without a table yield
 * nothing. Never throws on any grid.
 */
export function detectForms(workbook: WorkbookGrid, options: DetectOptions = {}): DetectedForm[] {
  return readWorkbook(workbook, options).forms.slice();
}

/** Every form, with the headers that gave none and what a column map could not apply. */
export function readWorkbook(workbook: WorkbookGrid, options: DetectOptions = {}): WorkbookReading {
  const map = options.columnMap ?? EMPTY_COLUMN_MAP;
  const forms: DetectedForm[] = [];
  const misses: ReadingMiss[] = [];
  const errors: ColumnMapError[] = [];
  for (const entry of map.entries) {
    if (entry.sheet === null) continue;
    if (!workbook.sheets.some((sheet) => sameName(sheet.name, entry.sheet as string)))
      errors.push({
        entry: entry.text,
        message: "工作簿中没有名为「" + entry.sheet + "」的工作表",
      });
  }
  for (const sheet of workbook.sheets) {
    if (isToolSheet(sheet)) continue;
    const mapped = columnsForSheet(map, sheet.name);
    errors.push(...mapped.errors);
    const read = readSheet(sheet, mapped.fixed);
    forms.push(...read.forms);
    misses.push(...read.misses);
    for (const outside of read.outside) {
      const entry = mapped.entries.find((each) => each.column === outside.column);
      if (entry && !errors.some((error) => error.entry === entry.text))
        errors.push({
          entry: entry.text,
          message:
            "列" +
            columnLetters(outside.column) +
            "不在工作表「" +
            sheet.name +
            "」第" +
            outside.headerTop +
            "行起的表格内",
        });
    }
  }
  return { forms, misses, columnMapErrors: errors };
}

function sameName(a: string, b: string): boolean {
  return a.replace(/\s+/g, "") === b.replace(/\s+/g, "");
}
