/**
 * The grid keeps merged areas as ranges and stores only the cells that exist (issue 15, items 3
 * and 4): a 7.5 KB file merging A30:XFD1048576, or one cell at XFD1048576, must cost what its
 * cells cost. These tests make such grids and check what they hold; `npm run bench` measures.
 */
import { createSheetGrid, type RawCell } from "../../../src/engine/grid/createSheetGrid";
import { parseRange } from "../../../src/engine/grid/address";

describe("createSheetGrid", () => {
  it("keeps a merged area of 17 billion cells as one range", () => {
    const area = parseRange("A30:XFD1048576")!;
    const cells: RawCell[] = [
      { row: 1, column: 1, value: "标题" },
      { row: 30, column: 1, value: "备注" },
      // Adapters may repeat the master's value inside the area: dropped.
      { row: 31, column: 1, value: "备注" },
      { row: 1048576, column: 16384, value: "备注" },
    ];
    const sheet = createSheetGrid({ name: "表", cells, merges: [area] });
    expect(sheet.merges).toEqual([area]);
    expect([sheet.rowCount, sheet.columnCount]).toEqual([1048576, 16384]);
    expect(sheet.usedRows()).toEqual([1, 30]);
    expect(sheet.cell(31, 1)).toBeUndefined();
    expect(sheet.mergeAt(1048576, 16384)).toBe(area);
    expect(sheet.mergeAt(500000, 7000)).toBe(area);
    expect(sheet.mergeAt(29, 1)).toBeUndefined();
  });

  it("stores only the cells that exist, a row's cells left to right", () => {
    const sheet = createSheetGrid({
      name: "表",
      cells: [
        { row: 1048576, column: 16384, value: "远处" },
        { row: 2, column: 3, value: 3 },
        { row: 2, column: 1, value: "一" },
        { row: 2, column: 1, value: "后写的" },
        { row: 5, column: 2, value: "   " },
      ],
    });
    expect(sheet.usedRows()).toEqual([2, 1048576]);
    expect(sheet.cellsInRow(2).map((cell) => cell.address)).toEqual(["A2", "C2"]);
    // The later of two cells at one address wins, as before.
    expect(sheet.cell(2, 1)!.value).toBe("后写的");
    expect(sheet.cell(1048576, 16384)!.address).toBe("XFD1048576");
    expect(sheet.cellsInRow(3)).toEqual([]);
    expect(sheet.cell(5, 2)).toBeUndefined();
  });

  it("finds the area covering a cell among many, the last listed winning where they overlap", () => {
    const merges = [];
    for (let row = 1; row <= 2000; row += 2) merges.push(parseRange("A" + row + ":C" + (row + 1))!);
    merges.push(parseRange("B100:B103")!);
    const sheet = createSheetGrid({ name: "表", cells: [], merges });
    expect(sheet.mergeAt(1000, 2)).toBe(merges[499]);
    expect(sheet.mergeAt(101, 2)).toBe(merges[merges.length - 1]);
    expect(sheet.mergeAt(101, 1)).toBe(merges[50]);
    expect(sheet.mergeAt(2001, 1)).toBeUndefined();
    expect(sheet.mergeAt(10, 4)).toBeUndefined();
  });
  it("finds each cell of a row with gaps, and keeps what each cell was given", () => {
    const format = (value: number, numberFormat: string): string => numberFormat + ":" + value;
    const sheet = createSheetGrid({
      name: "表",
      formatNumber: format,
      cells: [
        { row: 3, column: 2, value: 0.5, numberFormat: "0%" },
        { row: 3, column: 5, value: "文字", text: "显示的文字" },
        { row: 3, column: 9, value: 2, formula: "=B3*4", numberFormat: "0.0" },
        { row: 3, column: 10, value: undefined, formula: "SUM(A1)", formulaNotCalculated: true },
        { row: 4, column: 1, value: 1 },
        { row: 4, column: 2, value: 2 },
        { row: 4, column: 3, value: "　 \n" },
      ],
    });
    expect([1, 2, 3, 4, 5, 6, 9, 10, 11].map((column) => sheet.cell(3, column)?.address)).toEqual([
      undefined,
      "B3",
      undefined,
      undefined,
      "E3",
      undefined,
      "I3",
      "J3",
      undefined,
    ]);
    expect(sheet.cell(3, 2)).toMatchObject({ value: 0.5, text: "0%:0.5", numberFormat: "0%" });
    expect(sheet.cell(3, 2)).toMatchObject({ formula: null, formulaNotCalculated: false });
    expect(sheet.cell(3, 5)).toMatchObject({ text: "显示的文字", numberFormat: "General" });
    expect(sheet.cell(3, 9)).toMatchObject({ value: 2, text: "0.0:2", formula: "B3*4" });
    expect(sheet.cell(3, 9)!.formulaNotCalculated).toBe(false);
    expect(sheet.cell(3, 10)).toMatchObject({ value: null, text: "", formula: "SUM(A1)" });
    expect(sheet.cell(3, 10)!.formulaNotCalculated).toBe(true);
    expect(sheet.cellsInRow(4).map((cell) => cell.value)).toEqual([1, 2]);
    expect(sheet.cell(4, 2)!.value).toBe(2);
    expect(sheet.cell(4, 3)).toBeUndefined();
    expect(sheet.cell(5, 1)).toBeUndefined();
    expect(sheet.usedRows()).toEqual([3, 4]);
  });
  it("keeps the later of two cells at one address, in order or not", () => {
    const inOrder = createSheetGrid({
      name: "表",
      cells: [
        { row: 1, column: 1, value: "a" },
        { row: 1, column: 1, value: "b" },
        { row: 1, column: 2, value: "c" },
        { row: 3, column: 1, value: "d" },
      ],
    });
    expect(inOrder.usedRows()).toEqual([1, 3]);
    expect(inOrder.cellsInRow(1).map((cell) => cell.value)).toEqual(["b", "c"]);
    const mixed = createSheetGrid({
      name: "表",
      cells: [
        { row: 1, column: 1, value: "a" },
        { row: 1, column: 1, value: "b" },
        { row: 2, column: 1, value: "c" },
        { row: 1, column: 2, value: "d" },
        { row: 2, column: 1, value: "e" },
        { row: 1, column: 1, value: "f" },
        { row: 1, column: 3, value: "g" },
      ],
    });
    expect(mixed.usedRows()).toEqual([1, 2]);
    expect(mixed.cellsInRow(1).map((cell) => cell.value)).toEqual(["f", "d", "g"]);
    expect(mixed.cellsInRow(2).map((cell) => cell.value)).toEqual(["e"]);
    expect(mixed.cell(1, 3)!.value).toBe("g");
  });

  it("takes cells from a source that calls back per cell, one object refilled, as from an iterable", () => {
    const raws: RawCell[] = [
      { row: 1, column: 1, value: "标题", numberFormat: "General" },
      { row: 1, column: 3, value: 0.5, numberFormat: "0.00%" },
      { row: 2, column: 1, value: "  ", numberFormat: "General" },
      { row: 2, column: 2, value: "\u3000 甲", numberFormat: "General" },
      { row: 2, column: 3, value: undefined, formula: "=A1*2", formulaNotCalculated: true },
      { row: 3, column: 2, value: 4, formula: "B2*2", formulaNotCalculated: false },
    ];
    const formatNumber = (value: number, format: string) => format + ":" + value;
    const fromIterable = createSheetGrid({ name: "表", cells: raws, formatNumber });
    const reused: RawCell = { row: 0, column: 0, value: undefined };
    const fromSource = createSheetGrid({
      name: "表",
      formatNumber,
      cells: (visit) => {
        for (const raw of raws) {
          reused.row = raw.row;
          reused.column = raw.column;
          reused.value = raw.value;
          reused.numberFormat = raw.numberFormat;
          reused.formula = raw.formula ?? null;
          reused.formulaNotCalculated = raw.formulaNotCalculated ?? false;
          visit(reused);
        }
      },
    });
    const view = (sheet: typeof fromSource) =>
      sheet
        .usedRows()
        .map((row) =>
          sheet
            .cellsInRow(row)
            .map((cell) => [cell.address, cell.value, cell.text, cell.formula, cell.numberFormat])
        );
    expect(view(fromSource)).toEqual(view(fromIterable));
    expect(view(fromSource)).toEqual([
      [
        ["A1", "标题", "标题", null, "General"],
        ["C1", 0.5, "0.00%:0.5", null, "0.00%"],
      ],
      [
        ["B2", "\u3000 甲", "\u3000 甲", null, "General"],
        ["C2", null, "", "A1*2", "General"],
      ],
      [["B3", 4, "General:4", "B2*2", "General"]],
    ]);
    expect([fromSource.rowCount, fromSource.columnCount]).toEqual([3, 3]);
  });

  it("reads text of spaces only as blank, whichever space it starts with", () => {
    const spaces: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const character = String.fromCharCode(code);
      if (/^[\s\u3000]$/.test(character)) spaces.push(character);
    }
    expect(spaces.length).toBeGreaterThan(20);
    const texts = spaces
      .map((space) => space + " " + space)
      .concat(["", "\u3000", "　甲", "\u00a0乙"]);
    const sheet = createSheetGrid({
      name: "表",
      cells: texts.map((value, index) => ({ row: index + 1, column: 1, value })),
    });
    expect(sheet.usedRows().map((row) => sheet.cell(row, 1)!.value)).toEqual(["　甲", "\u00a0乙"]);
  });
});
