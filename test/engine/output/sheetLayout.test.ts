import {
  layOutRow,
  layOutSheet,
  layOutSheetFrame,
  mergeRuns,
  rowRangesByHeight,
  styleAreas,
  valueAreas,
} from "../../../src/engine/output/sheetLayout";
import type { OutputRow, OutputSheet } from "../../../src/engine/output/types";

function sheet(rows: OutputRow[], extra: Partial<OutputSheet> = {}): OutputSheet {
  return {
    owner: "results",
    preferredName: "评分结果",
    columnWidths: [20, 10],
    rows,
    fingerprint: "00000000",
    ...extra,
  };
}

describe("the layout every writer serialises", () => {
  test.each([
    ["text", { text: "=SUM(A1)" }, { kind: "text", value: "=SUM(A1)", format: "@" }],
    ["text of digits", { text: "001" }, { kind: "text", value: "001", format: "@" }],
    ["empty text", { text: "" }, { kind: "blank", value: null, format: "General" }],
    ["number", { number: 0.5, format: "0.00%" }, { kind: "number", value: 0.5, format: "0.00%" }],
    ["number, no format", { number: 3 }, { kind: "number", value: 3, format: "General" }],
    ["NaN", { number: NaN }, { kind: "error", value: "#NUM!", format: "General" }],
    [
      "Infinity",
      { number: -Infinity, format: "0.00" },
      { kind: "error", value: "#NUM!", format: "General" },
    ],
    ["nothing", null, { kind: "blank", value: null, format: "General" }],
  ] as const)("%s", (_label, cell, expected) => {
    const layout = layOutSheet(sheet([{ cells: [cell] }]));
    expect(layout.cells[0][0]).toEqual({ ...expected, style: undefined });
  });

  test("row by row (layOutSheetFrame, layOutRow) it is the same layout", () => {
    const output = sheet(
      [
        { cells: [{ text: "标题", style: "title" }], mergeAcross: 3 },
        { cells: [{ text: "一行很长的文字".repeat(20) }, { number: 0.5, format: "0.00%" }] },
        { cells: [] },
        { cells: [null, { number: NaN }, null, null, { text: "" }] },
      ],
      { columnWidths: [10, 10, 10, 10], printFitWidth: true }
    );
    const whole = layOutSheet(output);
    const frame = layOutSheetFrame(output);
    const rows = whole.cells.map((_line, index) => layOutRow(output, index, frame.columnCount));
    expect({ ...frame, cells: rows }).toEqual(whole);
    expect(frame.columnCount).toBe(5);
  });

  test("a merge's covered cells carry the master's style; cells beyond it do not", () => {
    const layout = layOutSheet(
      sheet([{ cells: [{ text: "标题", style: "title" }], mergeAcross: 3 }], {
        columnWidths: [10, 10, 10, 10],
      })
    );
    expect(layout.columnCount).toBe(4);
    expect(layout.cells[0].map((cell) => cell.style)).toEqual([
      "title",
      "title",
      "title",
      undefined,
    ]);
    expect(layout.cells[0][1]).toEqual({
      kind: "blank",
      value: null,
      format: "General",
      style: "title",
    });
    expect(layout.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
  });

  test("the sheet spans its widest row, merge or column widths", () => {
    expect(layOutSheet(sheet([{ cells: [null, null, null, { text: "x" }] }])).columnCount).toBe(4);
    expect(layOutSheet(sheet([{ cells: [{ text: "x" }], mergeAcross: 6 }])).columnCount).toBe(6);
    expect(layOutSheet(sheet([])).columnCount).toBe(2);
    expect(layOutSheet(sheet([{ cells: [{ text: "x" }], mergeAcross: 1 }])).merges).toEqual([]);
  });

  test("column widths: 0 keeps the default; page setup only for sheets fitted to the page", () => {
    const layout = layOutSheet(sheet([], { columnWidths: [12, 0, -1, 8] }));
    expect(layout.columnWidths).toEqual([12, 0, 0, 8]);
    expect(layout.page).toBeNull();
    expect(layOutSheet(sheet([], { printFitWidth: true, landscape: true })).page).toEqual({
      paperSize: "A4",
      orientation: "landscape",
      fitToPagesWide: 1,
    });
    expect(layOutSheet(sheet([], { printFitWidth: true })).page?.orientation).toBe("portrait");
  });

  test("row heights: null where the default will do, points where text wraps", () => {
    const layout = layOutSheet(
      sheet([
        { cells: [{ text: "短", style: "body" }] },
        { cells: [{ text: "第一行\n第二行", style: "body" }] },
        { cells: [{ text: "不换行\n的样式" }] },
      ])
    );
    expect(layout.rowHeights).toEqual([null, 33, null]);
  });

  test("areas of equal value stack down the rows and break where a row differs", () => {
    const grid = [
      ["a", "a", null],
      ["a", "a", null],
      ["a", "b", "b"],
    ];
    const areas = valueAreas(3, 3, (r, c) => grid[r - 1][c - 1]);
    expect(areas).toEqual(
      expect.arrayContaining([
        { top: 1, bottom: 2, left: 1, right: 2, value: "a" },
        { top: 3, bottom: 3, left: 1, right: 1, value: "a" },
        { top: 3, bottom: 3, left: 2, right: 3, value: "b" },
      ])
    );
    expect(areas).toHaveLength(3);
  });

  test("a bordered table is one area; the fill of problem rows one area per colour run", () => {
    const layout = layOutSheet(
      sheet([
        {
          cells: [
            { text: "问题", style: "tableHeader" },
            { text: "级别", style: "tableHeader" },
          ],
        },
        {
          cells: [
            { text: "缺值", style: "error" },
            { text: "错误", style: "error" },
          ],
        },
        {
          cells: [
            { text: "偏差", style: "warning" },
            { text: "警告", style: "warning" },
          ],
        },
      ])
    );
    expect(styleAreas(layout, "border")).toEqual([
      { top: 1, bottom: 3, left: 1, right: 2, value: "1" },
    ]);
    expect(styleAreas(layout, "fill").map((area) => [area.top, area.value])).toEqual([
      [1, "#D9D9D9"],
      [2, "#FFC7CE"],
      [3, "#FFEB9C"],
    ]);
    expect(styleAreas(layout, "bold")).toEqual([
      { top: 1, bottom: 1, left: 1, right: 2, value: "1" },
    ]);
  });

  test("merges of consecutive rows alike are one run; row heights are grouped as row ranges", () => {
    const paragraph = (text: string): OutputRow => ({
      cells: [{ text, style: "body" }],
      mergeAcross: 2,
    });
    const layout = layOutSheet(
      sheet([
        paragraph("一"),
        paragraph("二"),
        { cells: [{ text: "三" }] },
        paragraph("甲\n乙"),
        paragraph("丙\n丁"),
        paragraph("戊\n己"),
      ])
    );
    expect(mergeRuns(layout)).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 4, left: 1, bottom: 6, right: 2 },
    ]);
    expect(Array.from(rowRangesByHeight(layout).entries())).toEqual([[33, ["4:6"]]]);
  });
});
