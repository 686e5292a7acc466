import type { FakeCell, FakeWorkbook } from "../../helpers/fakeExcel";

export interface SeedSheet {
  readonly name: string;
  readonly cells: { row: number; column: number; state: Partial<FakeCell> }[];
  readonly merges: { top: number; left: number; bottom: number; right: number }[];
}

/** The cells of a fake workbook seeded in Node, as plain data the page can rebuild it from. */
export function seedOf(book: FakeWorkbook): SeedSheet[] {
  return book.sheets.map((sheet) => ({
    name: sheet.name,
    cells: Array.from(sheet.cells.entries()).map(([key, cell]) => ({
      // The fake keys a cell by row × 16384 + column.
      row: Math.floor(key / 16384),
      column: key % 16384,
      state: { ...cell },
    })),
    merges: sheet.merges.map((merge) => ({ ...merge })),
  }));
}
