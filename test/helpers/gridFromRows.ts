import { createSheetGrid, type RawCell } from "../../src/engine/grid/createSheetGrid";
import { parseRange } from "../../src/engine/grid/address";
import type { CellValue, SheetGrid, SheetOwner, WorkbookGrid } from "../../src/engine/grid/types";

/** A cell in a test table: a plain value, or a value with its number format / formula. */
export type TestCell =
  | CellValue
  | {
      value: CellValue;
      numberFormat?: string;
      text?: string;
      formula?: string;
      notCalculated?: boolean;
    };

/** Builds a sheet from rows of values (row 1 first, column A first); merges as "A1:C1". */
export function sheetFromRows(
  name: string,
  rows: ReadonlyArray<ReadonlyArray<TestCell | undefined>>,
  merges: readonly string[] = [],
  owner: SheetOwner | null = null
): SheetGrid {
  const cells: RawCell[] = [];
  rows.forEach((values, r) => {
    values.forEach((entry, c) => {
      if (entry === undefined) return;
      if (entry !== null && typeof entry === "object" && "value" in entry) {
        cells.push({
          row: r + 1,
          column: c + 1,
          value: entry.value,
          numberFormat: entry.numberFormat,
          text: entry.text,
          formula: entry.formula ?? null,
          formulaNotCalculated: entry.notCalculated,
        });
      } else {
        cells.push({ row: r + 1, column: c + 1, value: entry });
      }
    });
  });
  return createSheetGrid({ name, cells, merges: merges.map((m) => parseRange(m)!), owner });
}

export function workbookOf(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}
