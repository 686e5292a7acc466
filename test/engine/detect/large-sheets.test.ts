/**
 * Detection runs on 20,000-row sheets: it must stay linear (no per-row scan of the whole sheet).
 * The bounds are loose on purpose — a quadratic detector takes minutes here, a linear one well
 * under a second.
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { createSheetGrid, type RawCell } from "../../../src/engine/grid/createSheetGrid";
import type { MergedArea } from "../../../src/engine/grid/types";

const ROWS = 20000;

function largeTable(withTotal: boolean) {
  const cells: RawCell[] = [];
  const merges: MergedArea[] = [];
  const header = [
    "一级指标",
    "二级指标",
    "三级指标",
    "分值",
    "年度指标值",
    "实际完成值",
    "得分",
    "偏差原因分析及改进措施",
  ];
  header.forEach((value, i) => cells.push({ row: 1, column: i + 1, value }));
  for (let row = 2; row <= ROWS + 1; row++) {
    if ((row - 2) % 50 === 0) {
      cells.push({ row, column: 1, value: "产出指标" + row });
      merges.push({ top: row, left: 1, bottom: Math.min(row + 49, ROWS + 1), right: 1 });
    }
    if ((row - 2) % 10 === 0) cells.push({ row, column: 2, value: "数量指标" + row });
    cells.push({ row, column: 3, value: "指标" + row });
    cells.push({ row, column: 4, value: 0.005 });
    cells.push({ row, column: 5, value: "≥95%" });
    cells.push({ row, column: 6, value: "96.90%" });
    cells.push({ row, column: 7, value: 0.005 });
  }
  if (withTotal) {
    cells.push({ row: ROWS + 2, column: 1, value: "合计" });
    cells.push({ row: ROWS + 2, column: 4, value: 100 });
    merges.push({ top: ROWS + 2, left: 1, bottom: ROWS + 2, right: 3 });
  }
  return createSheetGrid({ name: "大表", cells, merges });
}

// Speed is measured by `npm run bench`; these pin what is found on sheets of that size.
describe("detection on 20,000-row sheets", () => {
  it("reads a 20,000-indicator table ", () => {
    const sheet = largeTable(true);
    const forms = detectForms({ sheets: [sheet] });
    expect(forms).toHaveLength(1);
    expect(forms[0].table.indicators).toHaveLength(ROWS);
    expect(forms[0].table.totalRows).toEqual([{ row: ROWS + 2, path: [] }]);
  });

  it("reads a table without a total row ", () => {
    const sheet = largeTable(false);
    const forms = detectForms({ sheets: [sheet] });
    expect(forms[0].table.lastRow).toBe(ROWS + 1);
  });

  it("scans a 20,000-row sheet with no table ", () => {
    const cells: RawCell[] = [];
    for (let row = 1; row <= ROWS; row++) {
      for (let column = 1; column <= 12; column++) {
        cells.push({ row, column, value: column === 1 ? "说明" + row : row * column });
      }
    }
    const sheet = createSheetGrid({ name: "数据", cells });
    const forms = detectForms({ sheets: [sheet] });
    expect(forms).toEqual([]);
  });
});
