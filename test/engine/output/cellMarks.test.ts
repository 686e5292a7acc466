import { marksBySheet, mergeCellMarks } from "../../../src/engine/output/cellMarks";
import { EXCEL_CELL_TEXT_LIMIT, SHORTENED_NOTE } from "../../../src/engine/output/cellTextLimit";
import type { CellMark, Severity } from "../../../src/engine/output/types";
import { normaliseA1 } from "../../../src/engine/grid/address";

function mark(cell: string, severity: Severity, note: string, sheet = "表1"): CellMark {
  return { sheet, cell, severity, note };
}

describe("marks, one per cell", () => {
  test.each([
    [["info", "warning"], "warning"],
    [["warning", "info"], "warning"],
    [["info", "error", "warning"], "error"],
    [["info", "info"], "info"],
  ] as const)("%j on one cell: %s", (severities, expected) => {
    const merged = mergeCellMarks(severities.map((s, i) => mark("F14", s, "第" + i + "条")));
    expect(merged).toHaveLength(1);
    expect(merged[0].severity).toBe(expected);
  });

  test("addresses are compared as cells and written one way", () => {
    const merged = mergeCellMarks([
      mark("f14", "warning", "甲"),
      mark("$F$14", "error", "乙"),
      mark("F14", "info", "甲"),
    ]);
    expect(merged).toEqual([{ sheet: "表1", cell: "F14", severity: "error", note: "甲\n乙" }]);
  });

  test("an address taken as it is is one normaliseA1 gives back unchanged", () => {
    for (const cell of ["A1", "F14", "XFD1048576", "AB1234567", "F014", "f14", "$F14", "A0"])
      expect(mergeCellMarks([mark(cell, "info", "甲")])[0].cell).toBe(normaliseA1(cell));
  });

  test("the same cell on two sheets stays two marks, in the order first seen", () => {
    const merged = mergeCellMarks([mark("A1", "info", "x", "乙"), mark("A1", "info", "y", "甲")]);
    expect(merged.map((m) => m.sheet)).toEqual(["乙", "甲"]);
  });

  test("a joined note is kept within what a note holds", () => {
    const long = "长".repeat(EXCEL_CELL_TEXT_LIMIT - 2);
    const [merged] = mergeCellMarks([mark("A1", "error", long), mark("A1", "error", "再一条")]);
    expect(merged.note.length).toBe(EXCEL_CELL_TEXT_LIMIT);
    expect(merged.note.endsWith(SHORTENED_NOTE)).toBe(true);
  });

  test("by sheet, in reading order, with positions; no address, no mark", () => {
    const bySheet = marksBySheet([
      mark("B3", "info", "c"),
      mark("A3", "info", "b"),
      mark("C1", "info", "a"),
      mark("合计", "error", "不是单元格"),
      mark("A1", "warning", "d", "表2"),
    ]);
    expect(Array.from(bySheet.keys())).toEqual(["表1", "表2"]);
    expect(bySheet.get("表1")!.map((m) => [m.cell, m.row, m.column])).toEqual([
      ["C1", 1, 3],
      ["A3", 3, 1],
      ["B3", 3, 2],
    ]);
  });
});
