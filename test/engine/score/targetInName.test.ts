import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf, type TestCell } from "../../helpers/gridFromRows";
import { PROJECT_HEADER } from "../../helpers/templateHeaders";

// 安徽 天长: the target written in the name, the 年度指标值 cell left blank.
const rows: TestCell[][] = [
  PROJECT_HEADER,
  // 100% stated in the name; 96% reached → 50 × 0.96 = 48
  ["产出指标", "时效指标", "指标1:年度资金支付完成率100%", null, "96%", 50, 48, "个别款项延后支付"],
  // no target anywhere → still missing
  [null, "数量指标", "培训场次", null, "12场", 40, 40, null],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10, null],
];

describe("a target written in the indicator's name", () => {
  const result = scoreWorkbook(workbookOf(sheetFromRows("项目自评表", rows)));
  const report = result.report;

  it("is read when the 年度指标值 cell is blank, with a note on that cell, not an error", () => {
    const paid = report.indicators[0];
    expect(paid).toMatchObject({ target: "100%", kind: "quantitative", computedScore: 48 });
    expect(report.problems.filter((problem) => problem.cell === "D2")).toEqual([
      expect.objectContaining({
        code: "target-in-name",
        severity: "info",
        message:
          "「指标1:年度资金支付完成率100%」的年度指标值未单独填写，已按指标名称中的“100%”核对；如有不同，请在年度指标值栏填写。",
      }),
    ]);
  });

  it("leaves a blank target under a name that states none missing", () => {
    expect(report.problems.find((problem) => problem.cell === "D3")).toMatchObject({
      code: "missing-value",
      severity: "error",
    });
  });
});
