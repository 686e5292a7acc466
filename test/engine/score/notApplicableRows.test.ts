import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf, type TestCell } from "../../helpers/gridFromRows";
import { BUDGET_HEADER, PROJECT_HEADER } from "../../helpers/templateHeaders";

/**
 * The trial's 城乡居民医疗救助资金 form: 生态效益 does not apply. Applicable: budget 10 + 20 + 10 +
 * 9.68 + 10 + 20 + 10 = 89.68 of 90; rescaled (template note: 对于不适用部分评价对象的评价指标，不考核
 * 该指标) 89.68 / 90 × 100 = 99.64 → 优.
 */
function medicalAid(
  notApplicableRow: TestCell[],
  total: TestCell[] = []
): ReturnType<typeof scoreWorkbook> {
  const rows: TestCell[][] = [
    ["项目支出绩效自评表"],
    ["（2024年度）"],
    ["项目名称", "城乡居民医疗救助资金"],
    BUDGET_HEADER,
    [null, "年度资金总额", 500, 480, 480, 10, 1, 10],
    PROJECT_HEADER,
    ["产出指标", "数量指标", "救助人次", "≥3000人次", "3120人次", 20, 20, null],
    [null, "质量指标", "救助对象识别准确率", "100%", "100%", 10, 10, null],
    [null, "时效指标", "救助资金发放及时率", "≥95%", "92%", 10, 9.68, "个别乡镇审核流程较长"],
    [null, "成本指标", "人均救助标准", "≤1600元", "1538元", 10, 10, null],
    ["效益指标", "社会效益指标", "困难群众因病致贫返贫率", "≤1%", "0.6%", 20, 20, null],
    notApplicableRow,
    ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "95%", 10, 10, null],
  ];
  if (total.length > 0) rows.push(total);
  return scoreWorkbook(workbookOf(sheetFromRows("Sheet1", rows)));
}

const problemKeys = (result: ReturnType<typeof scoreWorkbook>) =>
  result.problems.map((problem) => problem.cell + " " + problem.code);

describe("a row marked 不适用 (对于不适用部分评价对象的评价指标，不考核该指标)", () => {
  it("is not assessed when its score is 0: no miss, no grade band, the total rescaled", () => {
    const result = medicalAid([
      null,
      "生态效益指标",
      "生态环境改善",
      "不适用",
      "不适用",
      10,
      0,
      null,
    ]);
    const row = result.report.indicators.find((indicator) => indicator.name === "生态环境改善")!;
    expect([row.kind, row.score, row.max]).toEqual(["not-applicable", null, 10]);
    expect(result.report.total).toMatchObject({ score: 99.64, max: 100, unscaled: 89.68 });
    expect(result.report.rating).toBe("优");
    expect(problemKeys(result)).toEqual(["C12 not-applicable"]);
  });

  it("earns nothing when given full marks, and the score cell says so (a warning)", () => {
    const result = medicalAid([
      null,
      "生态效益指标",
      "生态环境改善",
      "不适用",
      "不适用",
      10,
      10,
      "不涉及，按满分计",
    ]);
    expect(result.report.total).toMatchObject({ score: 99.64, unscaled: 89.68 });
    expect(problemKeys(result)).toEqual(["G12 not-applicable-scored", "C12 not-applicable"]);
    const warning = result.problems.find((problem) => problem.code === "not-applicable-scored")!;
    expect(warning.severity).toBe("warning");
    expect(warning.message).toBe(
      "「生态环境改善」标为不适用，不考核该指标，填写的得分10分不计入总分。如该指标适用，请填写年度指标值和实际完成值；如不适用，得分栏可填“/”。"
    );
  });

  it("is struck out with / as target and actual, a score beside them", () => {
    const result = medicalAid([null, "生态效益指标", "生态环境改善", "/", "/", 10, 10, null]);
    expect(result.report.indicators[5].kind).toBe("not-applicable");
    expect(result.report.total!.score).toBe(99.64);
  });

  it("stays an indicator when 无 answers its target (无安全事故: 无), a score beside it", () => {
    const result = medicalAid([null, "生态效益指标", "安全事故", "无", "无", 10, 10, null]);
    expect(result.report.indicators[5]).toMatchObject({ kind: "qualitative", score: 10 });
    expect(result.report.total).toMatchObject({ score: 99.68, max: 100 });
  });

  it("takes its weight with it when its 分值 is struck out: 90 for the rest is no weights error", () => {
    const result = medicalAid(
      [null, "生态效益指标", "生态环境改善", "/", "/", "/", "/", null],
      [
        "总分",
        null,
        null,
        null,
        null,
        { value: 90, formula: "SUM(F7:F13)+F5" },
        { value: 89.68, formula: "SUM(G7:G13)+H5" },
      ]
    );
    expect(result.report.total).toMatchObject({ score: 99.64, max: 100 });
    expect(problemKeys(result)).toEqual(["C12 not-applicable"]);
  });

  it("lets the 总分 row state the rescaled figures instead: 分值 100, 得分 as rescaled", () => {
    const result = medicalAid(
      [null, "生态效益指标", "生态环境改善", "/", "/", "/", "/", null],
      ["总分", null, null, null, null, 100, 99.64]
    );
    expect(result.report.total).toMatchObject({ score: 99.64, max: 100 });
    expect(problemKeys(result)).toEqual(["C12 not-applicable"]);
  });

  it("still says a 总分 row that is neither the sum nor the rescaled total", () => {
    const result = medicalAid(
      [null, "生态效益指标", "生态环境改善", "/", "/", "/", "/", null],
      ["总分", null, null, null, null, 95, 95]
    );
    expect(problemKeys(result)).toEqual([
      "C12 not-applicable",
      "F14 total-mismatch",
      "G14 total-mismatch",
    ]);
  });

  it("still has the rest's weights checked for more than 100", () => {
    const heavy = scoreWorkbook(
      workbookOf(
        sheetFromRows("Sheet1", [
          PROJECT_HEADER,
          ["产出指标", "数量指标", "救助人次", "≥3000人次", "3120人次", 60, 60, null],
          [null, "质量指标", "识别准确率", "100%", "100%", 50, 50, null],
          [null, "生态效益指标", "生态环境改善", "/", "/", "/", "/", null],
        ])
      )
    );
    // 60 + 50 = 110 > 100, with or without the struck-out row.
    expect(problemKeys(heavy)).toContain("F1 weights-total");
  });
});
