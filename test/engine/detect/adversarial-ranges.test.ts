/**
 * Issue 15, items 3 and 4: a merged area reaching XFD1048576, and one cell there, on sheets that
 * also hold a form. Detection must follow the cells that exist: these count the cells it looks
 * at (the old detector looked at every cell of the used range: 17 billion).
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { createSheetGrid, type RawCell } from "../../../src/engine/grid/createSheetGrid";
import { parseRange } from "../../../src/engine/grid/address";
import type { SheetGrid, WorkbookGrid } from "../../../src/engine/grid/types";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { DEPARTMENT_HEADER } from "../../helpers/templateHeaders";

function formCells(): RawCell[] {
  const rows = [
    ["2024年度部门整体支出绩效自评表"],
    DEPARTMENT_HEADER,
    ["履职效能", "重点工作", "任务完成率", 50, "100%", "100%", 50],
    ["管理效能", "预算管理", "预算执行率", 50, "≥95%", "96%", 50],
    ["合计", null, null, 100, null, null, 100],
  ];
  const cells: RawCell[] = [];
  rows.forEach((values, r) =>
    values.forEach((value, c) => cells.push({ row: r + 1, column: c + 1, value: value as never }))
  );
  return cells;
}

/** A sheet that counts the cells asked of it. */
function counting(sheet: SheetGrid, counter: { lookups: number }): SheetGrid {
  return {
    name: sheet.name,
    rowCount: sheet.rowCount,
    columnCount: sheet.columnCount,
    merges: sheet.merges,
    owner: sheet.owner,
    cell: (row, column) => {
      counter.lookups++;
      return sheet.cell(row, column);
    },
    mergeAt: (row, column) => {
      counter.lookups++;
      return sheet.mergeAt(row, column);
    },
    usedRows: () => sheet.usedRows(),
    cellsInRow: (row) => {
      counter.lookups += sheet.cellsInRow(row).length;
      return sheet.cellsInRow(row);
    },
  };
}

describe("sheets whose used range reaches XFD1048576", () => {
  it("reads the form above a note merged over A30:XFD1048576, looking at a few hundred cells", () => {
    const cells = formCells().concat([{ row: 30, column: 1, value: "备注：本表金额单位为万元。" }]);
    const sheet = createSheetGrid({ name: "表", cells, merges: [parseRange("A30:XFD1048576")!] });
    const counter = { lookups: 0 };
    const result = scoreWorkbook({ sheets: [counting(sheet, counter)] });
    expect(result.report.forms).toHaveLength(1);
    expect(result.report.forms[0].total).toEqual({ score: 100, max: 100, complete: true });
    expect(result.problems).toEqual([]);
    expect(counter.lookups).toBeLessThan(5000);
  });

  it("reads the forms of sixteen sheets each with one cell at XFD1048576", () => {
    const sheets: SheetGrid[] = [];
    for (let i = 0; i < 16; i++)
      sheets.push(
        createSheetGrid({
          name: "表" + i,
          cells: formCells().concat([{ row: 1048576, column: 16384, value: "x" }]),
        })
      );
    const counter = { lookups: 0 };
    const workbook: WorkbookGrid = { sheets: sheets.map((sheet) => counting(sheet, counter)) };
    const forms = detectForms(workbook);
    expect(
      forms.map((form) => [form.sheet, form.table.indicators.length, form.table.lastRow])
    ).toEqual(sheets.map((sheet) => [sheet.name, 2, 5]));
    const result = scoreWorkbook(workbook);
    expect(result.report.forms.map((form) => form.total.score)).toEqual(sheets.map(() => 100));
    expect(counter.lookups).toBeLessThan(16 * 5000);
  });

  it("does not stretch a table over a category merged down to row 1048576", () => {
    // 一级 "管理效能" merged from row 4 to the last row of the sheet: the table still ends.
    const sheet = createSheetGrid({
      name: "表",
      cells: formCells().filter((cell) => cell.row < 5),
      merges: [parseRange("A4:A1048576")!],
    });
    const [form] = detectForms({ sheets: [sheet] });
    expect(form.table.indicators.map((indicator) => indicator.row)).toEqual([3, 4]);
    expect(form.table.lastRow).toBe(4);
  });
});
