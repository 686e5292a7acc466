import { CHANGED_BY_VIEW, SheetView } from "../../../src/engine/detect/sheetView";
import { showBidiControls } from "../../../src/engine/values/bidiControls";
import { normaliseText } from "../../../src/engine/values/normaliseText";
import { createSheetGrid } from "../../../src/engine/grid/createSheetGrid";
import { sheetFromRows } from "../../helpers/gridFromRows";

describe("SheetView (stage 0: one normalised view of a sheet)", () => {
  const sheet = sheetFromRows("表", [
    ["一级\n指标", "分　值（分）", { value: 0.95, numberFormat: "0.00%", text: "95.00%" }],
    [],
    [null, "预算编制\n科学性", "≥９５％"],
    ["产出指标"],
  ]);
  const view = new SheetView(sheet);

  it("holds the rows that have cells, each cell's text normalised once and on one line", () => {
    expect(view.rows.map((row) => row.row)).toEqual([1, 3, 4]);
    const [level, max, rate] = view.rows[0].cells;
    expect([level.words, level.label]).toEqual(["一级指标", "一级指标"]);
    expect([max.words, max.label]).toEqual(["分值(分)", "分值（分）"]);
    expect([rate.raw, rate.isNumber]).toEqual(["95.00%", true]);
    expect(view.own(3, 2)!.label).toBe("预算编制科学性");
    expect(view.own(3, 3)!.words).toBe("≥95%");
  });

  it("reads through merged areas only where asked", () => {
    expect(view.own(4, 1)!.words).toBe("产出指标");
    expect(view.shownWords(3, 1)).toBe("");
    expect(view.shownWords(3, 3)).toBe("≥95%");
    const merged = sheetFromRows("表", [["产出指标"], [null, "x"]], ["A1:A2"]);
    const mergedView = new SheetView(merged);
    expect(mergedView.own(2, 1)).toBeUndefined();
    expect(mergedView.shown(2, 1)!.words).toBe("产出指标");
  });

  it("finds rows from a row number, and the last row", () => {
    expect(view.indexFrom(2)).toBe(1);
    expect(view.indexFrom(5)).toBe(3);
    expect(view.lastRow).toBe(4);
    expect(view.hasNumber(1)).toBe(true);
    expect(view.hasNumber(3)).toBe(false);
  });
  it("finds each cell of a row with gaps, in a sheet whose rows are far apart too", () => {
    const sparse = createSheetGrid({
      name: "表",
      cells: [
        { row: 2, column: 2, value: "乙" },
        { row: 2, column: 5, value: 5 },
        { row: 2, column: 7, value: " " },
        { row: 2, column: 9, value: "　丙 " },
        { row: 900000, column: 1, value: "远处" },
      ],
    });
    const sparseView = new SheetView(sparse);
    expect([1, 2, 3, 5, 6, 9, 10].map((column) => sparseView.ownWords(2, column))).toEqual([
      "",
      "乙",
      "",
      "5",
      "",
      "丙",
      "",
    ]);
    expect(sparseView.textCells(2).map((cell) => cell.column)).toEqual([2, 5, 9]);
    expect(sparseView.hasNumber(2)).toBe(true);
    expect(sparseView.own(900000, 1)!.words).toBe("远处");
    expect(sparseView.row(899999)).toBeUndefined();
    expect(sparseView.lastRow).toBe(900000);
  });
  it("treats text as already normalised only when neither cellText nor normaliseText would change it", () => {
    const missed: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      if (CHANGED_BY_VIEW.test(character)) continue;
      const between = "1" + character + "1";
      if (
        showBidiControls(character) !== character ||
        normaliseText(character) !== character ||
        normaliseText(between) !== between
      )
        missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
    const view = new SheetView(
      sheetFromRows("表", [["\u202e１０ 分", "9。5", "合计", { value: 0.5, text: "５０ %" }]])
    );
    expect(view.rows[0].cells.map((cell) => [cell.raw, cell.words])).toEqual([
      ["[U+202E]１０ 分", "[U+202E]10分"],
      ["9。5", "9.5"],
      ["合计", "合计"],
      ["５０ %", "50%"],
    ]);
  });
});
