import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf, type TestCell } from "../../helpers/gridFromRows";

/** The trial's 老旧小区改造 form with no 分值 anywhere: no column, no points in the labels. */
function noMaxima(scores: readonly number[], labels = ["产出指标", "效益指标", "满意度指标"]) {
  const rows: TestCell[][] = [
    ["项目支出绩效自评表"],
    ["项目资金（万元）（10分）", "年初预算数", "全年预算数", "全年执行数", "执行率", "得分"],
    ["年度资金总额", 1500, 1500, 1350, 0.9, 9],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"],
    [labels[0], "数量指标", "改造小区个数", "≥15个", "15个", scores[0]],
    [null, "质量指标", "竣工验收合格率", "100%", "100%", scores[1]],
    [labels[1], "社会效益指标", "惠及居民户数", "≥3000户", "3200户", scores[2]],
    [labels[2], "服务对象满意度指标", "居民满意度", "≥90%", "91%", scores[3]],
    ["总分", null, null, null, null, 9 + scores.reduce((a, b) => a + b, 0)],
  ];
  return scoreWorkbook(workbookOf(sheetFromRows("Sheet1", rows, ["A5:A6"])));
}

const problemKeys = (result: ReturnType<typeof scoreWorkbook>) =>
  result.problems.map((problem) => problem.cell + " " + problem.code + " " + problem.severity);

describe("a form that states no 分值 anywhere", () => {
  it("is scored out of the profile's 100, not the budget line's 10, and says its scores cannot be checked", () => {
    const result = noMaxima([40, 20, 20, 10]);
    expect(result.report.total).toEqual({ score: 99, max: 100, complete: true });
    expect(problemKeys(result)).toEqual(["A4 maxima-unknown warning"]);
    expect(result.problems[0].message).toBe(
      "表中未列明各指标的分值（没有分值列，指标类别中也未注明分值），无法核对各项得分是否超过分值；总分按满分100分计，评级仅供参考。请补充各指标分值。"
    );
  });

  it("makes a total above 100 an error on the 总分 row (102 / 10 and 优 with no problem before)", () => {
    const result = noMaxima([40, 25, 20, 8]);
    expect(result.report.total).toEqual({ score: 102, max: 100, complete: true });
    expect(problemKeys(result)).toEqual([
      "A4 maxima-unknown warning",
      "F9 total-exceeds-max error",
    ]);
    expect(result.problems[1].message).toBe(
      "各项得分合计102分，超过满分100分，总分不能超过满分。请核对各项得分。"
    );
  });
});

describe("a total above its 满分 where the labels state the maxima", () => {
  it("is said once, by the labelled group it comes from", () => {
    // 产出 30 + 25 = 55 of its 50; 效益 30 of 30, 满意度 10 of 10; with the budget's 9: 104.
    const result = noMaxima(
      [30, 25, 30, 10],
      ["产出指标（50分）", "效益指标（30分）", "满意度指标（10分）"]
    );
    expect(result.report.total).toMatchObject({ score: 104, max: 100 });
    expect(problemKeys(result)).toEqual(["A5 group-score-exceeds-max error"]);
  });
});

describe("a total above its 满分 because a 分值 was left blank in the 分值 column", () => {
  it("is said once, on the blank 分值, not again as a total over a 满分 that lacks it", () => {
    const result = scoreWorkbook(
      workbookOf(
        sheetFromRows("Sheet1", [
          ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
          ["产出指标", "数量指标", "改造小区个数", "≥15个", "15个", 50, 50],
          [null, "质量指标", "竣工验收合格率", "100%", "100%", null, 20],
          ["效益指标", "社会效益指标", "惠及居民户数", "≥3000户", "3200户", 30, 30],
        ])
      )
    );
    expect(result.report.total).toMatchObject({ score: 100, max: 80 });
    expect(problemKeys(result).filter((key) => /total-exceeds-max/.test(key))).toEqual([]);
    expect(problemKeys(result)).toContain("F3 missing-value error");
  });
});
