import fc from "fast-check";
import { cellAtColumn } from "../../../src/engine/grid/cellAtColumn";

describe("cellAtColumn", () => {
  it("finds the cell at a column in a row with or without gaps, and none where there is none", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 80 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 90 }),
        (columns, column) => {
          const cells = columns.sort((a, b) => a - b).map((c) => ({ column: c }));
          expect(cellAtColumn(cells, column)).toBe(cells.find((cell) => cell.column === column));
        }
      )
    );
  });
});
