/**
 * The two original fixtures (test/fixtures/*.xlsx) must keep their results while the detector
 * learns new layouts.
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { indicatorRows, totalRows } from "./helpers/expectations";
import { FIXTURES_DIR, loadWorkbookGrid } from "./helpers/loadFixture";

describe("existing fixtures keep their results", () => {
  it("department-education-2024.xlsx: 98.36 / 优", async () => {
    const workbook = await loadWorkbookGrid(FIXTURES_DIR + "/department-education-2024.xlsx");
    const [form] = detectForms(workbook);
    expect(form.table.headerTop).toBe(3);
    expect(form.table.indicators.map((i) => i.row)).toEqual([
      4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
    ]);
    expect(totalRows(form)).toEqual([[17, ""]]);
    const result = scoreWorkbook(workbook);
    // 履职效能: 8 + 8 + 7.36 + 8 + 8 + 10 = 49.36; 管理效能: 3 + 3 + 4 + 15 + 10 + 10 + 4 = 49
    // total 98.36 → 优
    expect(result.report.total).toEqual({ score: 98.36, max: 100, complete: true });
    expect(result.report.rating).toBe("优");
  });

  it("project-school-safety-2024.xlsx: budget 9.5, 师生满意度 9.78 computed, F14 missing", async () => {
    const workbook = await loadWorkbookGrid(FIXTURES_DIR + "/project-school-safety-2024.xlsx");
    const [form] = detectForms(workbook);
    expect(form.budget).toMatchObject({ headerRow: 5, totalRow: 6, partRows: [7, 8] });
    expect(indicatorRows(form).map(([row, path]) => [row, path])).toEqual([
      [12, "产出指标/数量指标"],
      [13, "产出指标/质量指标"],
      [14, "产出指标/时效指标"],
      [15, "产出指标/成本指标"],
      [16, "效益指标/社会效益指标"],
      [17, "效益指标/可持续影响指标"],
      [18, "满意度指标/服务对象满意度指标"],
    ]);
    expect(totalRows(form)).toEqual([[19, ""]]);
    const result = scoreWorkbook(workbook);
    // 预算执行率 722 / 760 = 95% → 9.5 (entered 9.5)
    expect(result.report.budget && result.report.budget.score).toBe(9.5);
    // 师生满意度 88% of ≥90%, no 得分: 0.88 / 0.9 × 10 = 9.777… → 9.78
    const satisfaction = result.report.indicators.find((i) => i.name === "师生满意度")!;
    expect([satisfaction.score, satisfaction.scoreSource]).toEqual([9.78, "computed"]);
    // 项目按期完成率 has no 实际完成值.
    expect(result.problems.some((p) => p.cell === "F14" && p.code === "missing-value")).toBe(true);
  });
});
