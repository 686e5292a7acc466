/**
 * Case 8: 权重 instead of 分值, "未完成原因分析" instead of 偏差原因分析及改进措施, 指标名称 instead of
 * 三级指标. (The fixture project-short-budget-weights.xlsx is checked in case07-budget-block.)
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { indicatorRows } from "./helpers/expectations";

describe("case 8: header variants (direct grids)", () => {
  it("reads 权重 / 指标名称 / 未完成原因分析 and scores against 权重", () => {
    const sheet = sheetFromRows(
      "表",
      [
        [
          "一级指标",
          "二级指标",
          "指标名称",
          "权重",
          "年度指标值",
          "实际完成值",
          "得分",
          "未完成原因分析",
        ],
        ["产出指标", "数量指标", "发放助学金人数", 40, "≥500人", "450人", 36, "部分学生转学"],
        [undefined, "质量指标", "资助对象认定准确率", 30, "100%", "100%", 30],
        ["满意度指标", "服务对象满意度指标", "受助学生满意度", 30, "≥90%", "95%", 30],
      ],
      ["A2:A3"]
    );
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.columns).toEqual({
      level1: 1,
      level2: 2,
      name: 3,
      max: 4,
      target: 5,
      actual: 6,
      score: 7,
      reason: 8,
    });
    expect(form.table.levelColumns).toEqual([1, 2]);
    expect(form.table.nameColumn).toBe(3);
    expect(indicatorRows(form)).toEqual([
      [2, "产出指标/数量指标", "发放助学金人数"],
      [3, "产出指标/质量指标", "资助对象认定准确率"],
      [4, "满意度指标/服务对象满意度指标", "受助学生满意度"],
    ]);
    const result = scoreWorkbook(workbookOf(sheet));
    // 发放助学金人数 450 of ≥500: 450 / 500 × 40 = 36 (entered 36, reason given); 30; 30.
    // total 36 + 30 + 30 = 96 → 优
    expect(result.report.forms[0].total).toEqual({ score: 96, max: 100, complete: true });
    expect(result.report.indicators[0].computedScore).toBe(36);
    expect(result.report.indicators[0].reason).toBe("部分学生转学");
  });

  it("reads a table named only by 指标名称 (no 一级/二级)", () => {
    const sheet = sheetFromRows("表", [
      ["序号", "指标名称", "权重（%）", "目标值", "完成值", "自评分"],
      [1, "项目完成率", 50, "100%", "100%", 50],
      [2, "群众满意度", 50, "≥90%", "92%", 50],
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.columns).toEqual({ name: 2, max: 3, target: 4, actual: 5, score: 6 });
    expect(form.table.levelColumns).toEqual([]);
    expect(indicatorRows(form)).toEqual([
      [2, "", "项目完成率"],
      [3, "", "群众满意度"],
    ]);
  });
});
