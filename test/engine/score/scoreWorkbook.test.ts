import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf, type TestCell } from "../../helpers/gridFromRows";
import { BUDGET_HEADER, DEPARTMENT_HEADER, PROJECT_HEADER } from "../../helpers/templateHeaders";

const HEADER = DEPARTMENT_HEADER;

// Every row is worked out by hand in the comment beside it (财预〔2020〕10号 rules).
const rows: TestCell[][] = [
  ["2024年度部门整体支出绩效自评表"],
  ["填报单位：某区卫生健康局"],
  HEADER,
  // computed 10 × 9000/10000 = 9; lost 1 point, no reason → reason-missing H4
  ["履职效能", "服务", "门诊人次", 10, "≥10000人次", "9000人次", null, null],
  // "完成" against ≤30万元 → not-a-number F5; entered 8 stands
  [null, null, "成本控制数", 10, "≤30万元", "完成", 8, "部分设备采购延后"],
  // entered 12 > 10 → score-exceeds-max G6, not used; computed 10 × 0.96 = 9.6; no reason → H6
  [null, null, "投诉处理率", 10, "100%", "96%", 12, null],
  // zero target missed → 0
  [null, null, "医疗事故数", 10, "0起", "1起", null, "一起医疗纠纷已处理"],
  // quantitative actual in words → not-a-number F8; entered 9 stands; "。" is no reason → H8
  [null, "满意度", "群众满意度", 10, "≥90%", "达成预期指标", 9, "。"],
  // entered −1 → negative-value G9; computed 10 × 0.913/0.95 = 9.6105… → 9.61
  ["管理效能", "预算", "预算执行率", 10, "≥95%", "91.3%", -1, "部分项目进度款延后支付"],
  // 部分达成 allows 60%–80% of 10 = 6–8; 9 → grade-band G10
  [null, null, "制度建设", 10, "完善", "部分达成", 9, "制度修订未完成"],
  // qualitative without a score → missing-value G11 (cannot be computed)
  [null, null, "信息公开", 10, "按要求公开", "按要求公开", null, null],
  // negative indicator: −1.28% ≤ 0% → met → 10 = entered
  [null, null, "“三公”经费变动率", 10, "≤0%", "-1.28%", 10, null],
  // 250000元 = 25万元 ≤ 30万元 → met → 5, unit-mismatch F13; 分值 "5分" stored as text
  [null, null, "专项资金支出", "5分", "≤30万元", "250000元", 5, null],
  // no name → missing-value C14; no target → missing-value E14
  [null, null, null, 5, null, "3", 5, null],
  // stated totals: D15 95 ≠ 10×9 + 5 + 5 = 100 (D13 "5分" is text); G15 80 ≠ 8+12+9−1+9+10+5+5 = 57
  [
    "合计",
    null,
    null,
    { value: 95, formula: "SUM(D4:D14)" },
    null,
    null,
    { value: 80, formula: "SUM(G4:G14)" },
    null,
  ],
  [],
  ["自评等级：", "良"],
];

function scoreExample() {
  const sheet = sheetFromRows("部门自评表", rows, ["A1:H1", "A15:C15"]);
  return scoreWorkbook(workbookOf(sheet), { fileName: "example.xlsx" });
}

describe("scoreWorkbook", () => {
  const result = scoreExample();
  const report = result.report;

  it("scores each indicator by the rules", () => {
    const byName = new Map(report.indicators.map((i) => [i.name, i]));
    expect(report.indicators).toHaveLength(11);
    expect(byName.get("门诊人次")).toMatchObject({
      score: 9,
      computedScore: 9,
      scoreSource: "computed",
    });
    expect(byName.get("成本控制数")).toMatchObject({
      score: 8,
      computedScore: null,
      scoreSource: "entered",
    });
    expect(byName.get("投诉处理率")).toMatchObject({
      score: 9.6,
      computedScore: 9.6,
      scoreSource: "computed",
    });
    expect(byName.get("医疗事故数")).toMatchObject({
      score: 0,
      scoreSource: "computed",
      targetMet: false,
    });
    expect(byName.get("预算执行率")).toMatchObject({
      score: 9.61,
      computedScore: 9.61,
      scoreSource: "computed",
    });
    expect(byName.get("制度建设")).toMatchObject({
      score: 9,
      scoreSource: "entered",
      kind: "qualitative",
    });
    expect(byName.get("信息公开")).toMatchObject({ score: null, scoreSource: null });
    expect(byName.get("“三公”经费变动率")).toMatchObject({ score: 10, computedScore: 10 });
    expect(byName.get("专项资金支出")).toMatchObject({ max: 5, score: 5, computedScore: 5 });
  });

  it("carries categories written once down their block", () => {
    expect(report.indicators.map((i) => i.path.join("/"))).toEqual([
      "履职效能/服务",
      "履职效能/服务",
      "履职效能/服务",
      "履职效能/服务",
      "履职效能/满意度",
      "管理效能/预算",
      "管理效能/预算",
      "管理效能/预算",
      "管理效能/预算",
      "管理效能/预算",
      "管理效能/预算",
    ]);
  });

  it("adds sub-scores per level and an incomplete total", () => {
    const group = (path: string) => report.groups.find((g) => g.path.join("/") === path);
    // 9 + 8 + 9.6 + 0 + 9
    expect(group("履职效能")).toMatchObject({ score: 35.6, max: 50, complete: true });
    expect(group("履职效能/满意度")).toMatchObject({ score: 9, max: 10 });
    // 9.61 + 9 + (none) + 10 + 5 + 5
    expect(group("管理效能")).toMatchObject({ score: 38.61, max: 50, complete: false });
    // 35.6 + 38.61
    expect(report.total).toEqual({ score: 74.21, max: 100, complete: false });
    expect(report.rating).toBe("中");
    expect(report.profile).toBe("department");
  });

  it("reports every problem on the cell the user must act on", () => {
    const found = report.problems.map((p) => p.code + "@" + p.cell).sort();
    expect(found).toEqual(
      [
        "reason-missing@H4",
        "not-a-number@F5",
        "score-exceeds-max@G6",
        "reason-missing@H6",
        "not-a-number@F8",
        "reason-missing@H8",
        "negative-value@G9",
        "grade-band@G10",
        "missing-value@G11",
        "unit-mismatch@F13",
        "missing-value@C14",
        "missing-value@E14",
        "total-mismatch@D15",
        "total-mismatch@G15",
        "rating-mismatch@B17",
      ].sort()
    );
    for (const problem of report.problems) {
      expect(problem.sheet).toBe("部门自评表");
      expect(problem.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it("gives each problem its severity and facts", () => {
    const problem = (code: string, cell: string) =>
      result.problems.find((p) => p.code === code && p.cell === cell)!;
    expect(problem("score-exceeds-max", "G6").severity).toBe("error");
    expect(problem("reason-missing", "H4").severity).toBe("warning");
    expect(problem("total-mismatch", "D15").facts).toMatchObject({
      stated: 95,
      sum: 100,
      partsStoredAsText: 1,
    });
    expect(problem("total-mismatch", "G15").facts).toMatchObject({ stated: 80, sum: 57 });
    expect(problem("grade-band", "G10").facts).toMatchObject({ grade: "partial", low: 6, high: 8 });
    expect(problem("rating-mismatch", "B17").facts).toMatchObject({ stated: "良", computed: "中" });
    expect(problem("not-a-number", "F5").message).toContain("完成");
    expect(problem("total-mismatch", "D15").message).toContain("文本");
  });
});

describe("the report's indicators", () => {
  it("are the form's own indicators, each with its form first, in the report's key order", () => {
    const result = scoreExample();
    const form = result.forms[0];
    expect(result.report.indicators).toHaveLength(form.indicators.length);
    result.report.indicators.forEach((entry, i) => {
      // The same object (no copy of 20,000), written in this key order in the JSON.
      expect(entry).toBe(form.indicators[i]);
      expect(Object.keys(entry)).toEqual([
        "form",
        "sheet",
        "row",
        "path",
        "name",
        "max",
        "target",
        "actual",
        "score",
        "computedScore",
        "scoreSource",
        "cells",
        "reason",
        "kind",
        "rule",
        "targetMet",
      ]);
      expect(entry.form).toBe(0);
    });
  });
});

describe("scoreWorkbook on entered scores", () => {
  // One indicator cannot weigh 100: its weights-total problem is beside the point here.
  function scoreOne(row: TestCell[]) {
    const sheet = sheetFromRows("表", [HEADER, ["产出指标", "数量指标", ...row]]);
    const result = scoreWorkbook(workbookOf(sheet));
    const problems = result.report.problems.filter((p) => p.code !== "weights-total");
    return { report: { ...result.report, problems } };
  }

  it("reports an entered score that differs from the computed one, and keeps the entered one", () => {
    // 8 × 2760/3000 = 7.36; entered 7
    const { report } = scoreOne(["新增学位数", 8, "≥3000个", "2760个", 7, "延期交付"]);
    expect(report.indicators[0]).toMatchObject({
      score: 7,
      computedScore: 7.36,
      scoreSource: "entered",
    });
    expect(report.problems.map((p) => p.code + "@" + p.cell)).toContain("score-differs@G2");
  });

  it("accepts a score equal to the computed one within rounding", () => {
    const { report } = scoreOne(["新增学位数", 8, "≥3000个", "2760个", "7.36", "延期交付"]);
    expect(report.problems).toEqual([]);
  });

  it("treats a score typed as text with its unit as a number", () => {
    const { report } = scoreOne(["完成率", "10分", "≥90%", "95%", "10分", null]);
    expect(report.indicators[0]).toMatchObject({ max: 10, score: 10, scoreSource: "entered" });
    expect(report.problems).toEqual([]);
  });

  it("reports a score that is not a number", () => {
    const { report } = scoreOne(["完成率", 10, "≥90%", "95%", "优", null]);
    // "优" is not a score; the computed 10 is used instead
    expect(report.indicators[0]).toMatchObject({ score: 10, scoreSource: "computed" });
    expect(report.problems.map((p) => p.code + "@" + p.cell)).toEqual(["not-a-number@G2"]);
  });

  it("reports a missing weight and a negative weight", () => {
    expect(
      scoreOne(["完成率", null, "≥90%", "95%", 5, null]).report.problems.map(
        (p) => p.code + "@" + p.cell
      )
    ).toContain("missing-value@D2");
    expect(
      scoreOne(["完成率", -5, "≥90%", "95%", 5, null]).report.problems.map(
        (p) => p.code + "@" + p.cell
      )
    ).toContain("negative-value@D2");
  });

  it("reports a formula error and a formula without a cached value", () => {
    const { report } = scoreOne([
      "完成率",
      10,
      "≥90%",
      { value: { error: "#DIV/0!" }, formula: "A1/0" },
      { value: null, formula: "C2*0.9", notCalculated: true },
      null,
    ]);
    const codes = report.problems.map((p) => p.code + "@" + p.cell);
    expect(codes.sort()).toEqual(["formula-error@F2", "formula-not-calculated@G2"]);
    expect(report.indicators[0].score).toBeNull();
  });

  it("asks for a reason when the target is missed even with full marks", () => {
    const { report } = scoreOne(["完成率", 10, "≥90%", "80%", 10, null]);
    // computed 10 × 0.8/0.9 = 8.89; entered 10 stands
    expect(report.indicators[0]).toMatchObject({ score: 10, computedScore: 8.89 });
    expect(report.problems.map((p) => p.code + "@" + p.cell).sort()).toEqual([
      "reason-missing@H2",
      "score-differs@G2",
    ]);
  });
});

describe("weights-total", () => {
  it("reports weights that do not add up to 100", () => {
    const sheet = sheetFromRows("表", [
      HEADER,
      ["履职效能", "服务", "门诊人次", 40, "≥100人次", "120人次", 40, null],
      ["管理效能", "预算", "预算执行率", 50, "≥95%", "96%", 50, null],
      ["合计", null, null, 90, null, null, 90, null],
    ]);
    const { report } = scoreWorkbook(workbookOf(sheet));
    expect(report.problems.map((p) => p.code + "@" + p.cell)).toEqual(["weights-total@D4"]);
  });
});

describe("targets split over 指标性质 + 指标值 + 度量单位", () => {
  it("reads a %-formatted value beside a % unit once", () => {
    const sheet = sheetFromRows("表", [
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ],
      // ≥ 0.95 shown as "95%" with unit "%": 10 × 0.88/0.95 = 9.26
      [
        "满意度指标",
        "服务对象满意度指标",
        "群众满意度",
        "≥",
        { value: 0.95, numberFormat: "0%", text: "95%" },
        "%",
        "88%",
        10,
        null,
        "宣传不够",
      ],
    ]);
    const { report } = scoreWorkbook(workbookOf(sheet));
    expect(report.indicators[0]).toMatchObject({
      target: "≥95%",
      kind: "quantitative",
      score: 9.26,
      scoreSource: "computed",
    });
  });
});

describe("qualitative actuals", () => {
  it("takes an actual that restates the target as 达成", () => {
    const sheet = sheetFromRows("表", [
      HEADER,
      // 已建立 against 建立 → 达成 → band 80%–100% of 5 = 4–5; 3 is outside
      ["管理效能", "制度", "内控制度", 5, "建立", "已建立", 3, "部分制度待完善"],
    ]);
    const { report } = scoreWorkbook(workbookOf(sheet));
    expect(report.indicators[0]).toMatchObject({ targetMet: true });
    expect(report.problems.map((p) => p.code + "@" + p.cell)).toContain("grade-band@G2");
  });
});

describe("年度资金总额", () => {
  it("compares money with every decimal it was typed with", () => {
    const sheet = sheetFromRows("项目表", [
      BUDGET_HEADER,
      [null, "年度资金总额", 90, 89.97, 89.974, 10, null, 10],
      [null, "其中：当年财政拨款", 90, 89.974, 89.974],
      PROJECT_HEADER,
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 90, 90, null],
    ]);
    const { report } = scoreWorkbook(workbookOf(sheet));
    const mismatch = report.problems.filter((p) => p.code === "total-mismatch");
    // D2 89.97 ≠ 89.974; E2 89.974 = 89.974
    expect(mismatch.map((p) => p.cell)).toEqual(["D2"]);
    expect(mismatch[0].message).toContain("89.974");
  });
});

describe("预算执行率", () => {
  function budgetOf(budget: number, executed: number) {
    const sheet = sheetFromRows("项目表", [
      BUDGET_HEADER,
      [null, "年度资金总额", 800, budget, executed, 10, null, null],
      PROJECT_HEADER,
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 90, 90, null],
    ]);
    return scoreWorkbook(workbookOf(sheet)).report;
  }

  it("scores rate × 分值, capped at 分值", () => {
    // 722 / 760 = 95% → 9.5; 760 / 700 > 100% → 10
    expect(budgetOf(760, 722).budget).toMatchObject({
      rate: 0.95,
      score: 9.5,
      scoreSource: "computed",
    });
    expect(budgetOf(700, 760).budget).toMatchObject({ score: 10 });
  });

  it("reports a budget of 0 (or too small to divide by) instead of dividing", () => {
    for (const budget of [0, 1e-320]) {
      const report = budgetOf(budget, 5);
      expect(report.budget).toMatchObject({ rate: null, score: null });
      expect(report.problems.map((p) => p.code + "@" + p.cell)).toContain("missing-value@D2");
    }
  });
});
