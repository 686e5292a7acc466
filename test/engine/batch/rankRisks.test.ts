import { rankRisks, riskFactorsOf } from "../../../src/engine/batch/rankRisks";
import { riskFactorText } from "../../../src/engine/batch/batchMessages";
import { batchFile, batchForm } from "./batchForms";

describe("riskFactorsOf", () => {
  it("finds nothing in a complete, consistent form with a modest budget", () => {
    expect(riskFactorsOf(batchForm())).toEqual([]);
  });

  it("names every signal with its facts", () => {
    const factors = riskFactorsOf(
      batchForm({
        errors: 3,
        alerts: ["score-ahead-of-spending"],
        problemCounts: { "score-ahead-of-spending": 1, "reason-missing": 2, "grade-band": 1 },
        statedTotal: 95,
        statedRating: "优",
        total: { score: 88, max: 100, complete: false },
        rating: "良",
        budget: { budget: 12000000, executed: 6000000, rate: 0.5, unit: "元" },
      })
    ).map((entry) => entry.factor);
    expect(factors).toEqual([
      { code: "errors", count: 3 },
      { code: "alert", alert: "score-ahead-of-spending", count: 1 },
      { code: "reasons-missing", count: 2 },
      { code: "scores-disagree", count: 1 },
      { code: "stated-total-differs", stated: 95, computed: 88 },
      { code: "stated-rating-differs", stated: "优", computed: "良" },
      { code: "incomplete" },
      { code: "low-execution", rate: 0.5 },
      // 12,000,000 元 = 1200 万元
      { code: "large-budget", amountWan: 1200 },
    ]);
    expect(factors.map(riskFactorText)).toEqual([
      "错误 3 个",
      "预警：得分高于支出进度",
      "2 项扣分未说明原因",
      "1 处自评得分与完成情况不符",
      "表内总分 95 与核算 88 不符",
      "表内评级“优”与核算“良”不符",
      "有得分无法确定，总分不完整",
      "预算执行率 50%",
      "预算 1200 万元，规模较大",
    ]);
  });

  it("takes a stated total within half a cent as the same", () => {
    expect(riskFactorsOf(batchForm({ statedTotal: 92.004 }))).toEqual([]);
    expect(riskFactorsOf(batchForm({ statedTotal: 92.01 })).map((e) => e.factor.code)).toEqual([
      "stated-total-differs",
    ]);
  });

  it("flags 执行率 below 90 %, not at it", () => {
    const at = batchForm({ budget: { budget: 100, executed: 90, rate: 0.9, unit: "万元" } });
    const below = batchForm({ budget: { budget: 100, executed: 89, rate: 0.89, unit: "万元" } });
    expect(riskFactorsOf(at)).toEqual([]);
    expect(riskFactorsOf(below).map((e) => e.factor.code)).toEqual(["low-execution"]);
  });

  it("counts a budget of 500 万元 and more as large", () => {
    const large = (budget: number) =>
      riskFactorsOf(batchForm({ budget: { budget, executed: budget, rate: 1, unit: "万元" } }));
    expect(large(499.99)).toEqual([]);
    expect(large(500)).toEqual([{ factor: { code: "large-budget", amountWan: 500 }, weight: 2 }]);
    expect(large(1000)).toEqual([{ factor: { code: "large-budget", amountWan: 1000 }, weight: 4 }]);
  });
});

describe("rankRisks", () => {
  it("puts errors and alerts before missing reasons, and every form is ranked", () => {
    const files = [
      batchFile("a.xlsx", [batchForm({ problemCounts: { "reason-missing": 1 } })]),
      batchFile("b.xlsx", [batchForm(), batchForm({ errors: 2 })]),
      batchFile("c.xlsx", [batchForm({ alerts: ["execution-cap"] })]),
    ];
    const ranked = rankRisks(files);
    expect(ranked.map((risk) => [risk.file, risk.form])).toEqual([
      [1, 1],
      [2, 0],
      [0, 0],
      [1, 0],
    ]);
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
    expect(ranked[3]).toEqual({ file: 1, form: 0, score: 0, factors: [] });
  });

  it("breaks ties by budget, larger first, then by file order", () => {
    const withBudget = (budget: number) =>
      batchForm({ budget: { budget, executed: budget, rate: 1, unit: "万元" } });
    const files = [
      batchFile("a.xlsx", [withBudget(10)]),
      batchFile("b.xlsx", [withBudget(300)]),
      batchFile("c.xlsx", [batchForm({ budget: null })]),
      batchFile("d.xlsx", [withBudget(300)]),
    ];
    expect(rankRisks(files).map((risk) => risk.file)).toEqual([1, 3, 0, 2]);
  });
});
