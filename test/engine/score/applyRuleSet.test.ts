import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { detectForms } from "../../../src/engine/detect/detectForms";
import { scoreForm } from "../../../src/engine/score/scoreForm";
import { applyRuleSet } from "../../../src/engine/score/applyRuleSet";
import { PROFILES } from "../../../src/engine/rules/profile";
import { RULE_SETS, resolveRuleSet } from "../../../src/engine/rules/ruleSets";
import type { RuleSet } from "../../../src/engine/rules/ruleSet";
import type { FormIndicator } from "../../../src/engine/report/schema";
import { ProblemCollector } from "../../../src/engine/validate/problemCollector";
import { sheetFromRows, workbookOf, type TestCell } from "../../helpers/gridFromRows";
import { BUDGET_HEADER, DEPARTMENT_HEADER, PROJECT_HEADER } from "../../helpers/templateHeaders";

interface ProjectTable {
  /** 全年预算数 and 全年执行数 (万元); the budget line weighs 10. */
  readonly budget?: readonly [number, number];
  /** Extra header cells and values of the budget block (a 原因 column). */
  readonly budgetHeaderExtra?: readonly string[];
  readonly budgetExtra?: readonly TestCell[];
  /** Rows under PROJECT_HEADER: 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因. */
  readonly indicators: readonly TestCell[][];
  /** Add a 合计 row (its 得分 cell is where the total is stated). */
  readonly totalRow?: boolean;
}

// Rows: 1 budget header, 2 年度资金总额, 3 indicator header, 4… indicators, then 合计.
function projectSheet(table: ProjectTable) {
  const [budget, executed] = table.budget ?? [100, 100];
  const rows: TestCell[][] = [
    [...BUDGET_HEADER, ...(table.budgetHeaderExtra ?? [])],
    [null, "年度资金总额", budget, budget, executed, 10, null, null, ...(table.budgetExtra ?? [])],
    PROJECT_HEADER,
    ...table.indicators.map((row) => row.slice()),
  ];
  if (table.totalRow) rows.push(["合计", null, null, null, null, 100, null, null]);
  return sheetFromRows("项目表", rows);
}

function score(table: ProjectTable, ruleSet: RuleSet) {
  return scoreWorkbook(workbookOf(projectSheet(table)), { ruleSet });
}

function codesAt(report: { problems: readonly { code: string; cell: string }[] }, code: string) {
  return report.problems.filter((p) => p.code === code).map((p) => p.cell);
}

/** One indicator of 90 points with full marks: the total is 90 + the budget line's rate × 10. */
const FULL_90: TestCell[][] = [
  ["产出指标", "数量指标", "培训人次", "≥100人次", "100人次", 90, 90, null],
];

describe("the 预算执行率 cap (yitihua: 一体化平台绩效自评操作手册 1.4)", () => {
  // 执行率 70–80 % → at most 89; 60–70 % → 79; below 60 % → 69; below 50 % → 59.
  it.each([
    [8000, null], // at 80 %: no cap
    [8100, null], // above it
    [7999, 89], // just below 80 %
    [7000, 89], // at 70 %: still the 70–80 % band
    [6999, 79], // just below 70 %
    [6000, 79], // at 60 %
    [5999, 69], // just below 60 %
    [5000, 69], // at 50 %
    [4999, 59], // just below 50 %
    [0, 59],
  ])("executed %d of 10000 → cap %s", (executed, cap) => {
    const { report } = score(
      { budget: [10000, executed], indicators: FULL_90, totalRow: true },
      RULE_SETS.yitihua
    );
    const budgetScore = Math.round((executed / 10000) * 10 * 100) / 100;
    const sum = 90 + budgetScore;
    if (cap === null) {
      expect(report.total).toEqual({ score: sum, max: 100, complete: true });
      expect(codesAt(report, "execution-cap")).toEqual([]);
      return;
    }
    expect(report.total).toEqual({ score: cap, max: 100, complete: true, cap, uncapped: sum });
    // The error sits on the stated total (合计 row, 得分 column G).
    expect(codesAt(report, "execution-cap")).toEqual(["G5"]);
    expect(report.problems.find((p) => p.code === "execution-cap")).toMatchObject({
      severity: "error",
    });
  });

  it("rates the capped score: 98 capped at 89 is 良, not 优", () => {
    const { report } = score({ budget: [10000, 7999], indicators: FULL_90 }, RULE_SETS.yitihua);
    expect(report.total?.uncapped).toBe(98);
    expect(report.rating).toBe("良");
    expect(report.problems.find((p) => p.code === "execution-cap")!.message).toBe(
      "预算执行率为79.99%，按预算管理一体化平台规则自评总分最高为89分。各项得分合计98分，超出部分予以减分，总分计为89分。"
    );
  });

  it("states the cap without an error when the total is within it", () => {
    // 75 % → at most 89; 80 + 7.5 = 87.5
    const { report } = score(
      {
        budget: [10000, 7500],
        indicators: [["产出指标", "数量指标", "培训人次", "≥100人次", "100人次", 90, 80, "质量"]],
      },
      RULE_SETS.yitihua
    );
    expect(report.total).toEqual({ score: 87.5, max: 100, complete: true, cap: 89 });
    expect(codesAt(report, "execution-cap")).toEqual([]);
  });

  it("marks the rate cell when the sheet states no total", () => {
    const { report } = score({ budget: [10000, 4000], indicators: FULL_90 }, RULE_SETS.yitihua);
    expect(codesAt(report, "execution-cap")).toEqual(["G2"]);
  });

  it("does not apply under national, or where there is no 预算执行率", () => {
    expect(
      score({ budget: [10000, 4000], indicators: FULL_90 }, RULE_SETS.national).report.total
    ).toEqual({ score: 94, max: 100, complete: true });
    const department = sheetFromRows("部门表", [
      DEPARTMENT_HEADER,
      ["履职效能", "服务", "门诊人次", 100, "≥100人次", "100人次", 100, null],
    ]);
    const { report } = scoreWorkbook(workbookOf(department), { ruleSet: RULE_SETS.yitihua });
    expect(report.total).toEqual({ score: 100, max: 100, complete: true });
  });
});

describe("指标偏离 (yitihua: 完成值超过指标值30%及以上，减2分)", () => {
  function deviation(target: string, actual: string, entered: number | null, max = 10) {
    const { report } = score(
      {
        indicators: [
          ["产出指标", "数量指标", "培训人次", target, actual, max, entered, null],
          ["效益指标", "社会效益指标", "受益人数", "≥100人", "100人", 80, 80, null],
        ],
      },
      RULE_SETS.yitihua
    );
    return report;
  }

  it.each([
    ["129.9人次", 10, null], // just below 130 %
    ["130人次", 8, "E4"], // at 130 %
    ["131人次", 8, "E4"], // above it
  ])("≥100人次, actual %s → score %d", (actual, after, cell) => {
    const report = deviation("≥100人次", actual, null);
    expect(report.indicators[0]).toMatchObject({ score: after, computedScore: 10 });
    expect(codesAt(report, "deviation-deducted")).toEqual(cell ? [cell] : []);
    // The total and the groups follow the indicator: 10 + budget 10 + 80.
    expect(report.total!.score).toBe(after + 90);
    expect(report.groups.find((g) => g.path.join("/") === "产出指标")!.score).toBe(after);
  });

  it("deducts from an entered score and an 等于 indicator too, never below 0", () => {
    expect(deviation("=100人次", "150人次", 9).indicators[0].score).toBe(7);
    expect(deviation("≥100人次", "200人次", 1, 1).indicators[0].score).toBe(0);
    const message = deviation("≥100人次", "150人次", null).problems.find(
      (p) => p.code === "deviation-deducted"
    )!.message;
    expect(message).toBe(
      "「培训人次」实际完成值150人次超过年度指标值≥100人次的30%及以上（达到150%），按预算管理一体化平台规则视为指标偏离，扣2分：得分由10分计为8分。"
    );
  });

  it("leaves 反向 indicators alone (above a ceiling is a miss, scored as one)", () => {
    const report = deviation("≤100万元", "150万元", null);
    expect(codesAt(report, "deviation-deducted")).toEqual([]);
    expect(report.indicators[0].score).toBe(6.67);
  });

  it("does not apply under national", () => {
    const { report } = score(
      { indicators: [["产出指标", "数量指标", "培训人次", "≥100人次", "150人次", 90, null, null]] },
      RULE_SETS.national
    );
    expect(report.indicators[0].score).toBe(90);
    expect(codesAt(report, "deviation-deducted")).toEqual([]);
  });
});

describe("over-completion", () => {
  function overCompletion(ruleSet: RuleSet, target: string, actual: string, reason: string | null) {
    return score(
      { indicators: [["产出指标", "数量指标", "培训人次", target, actual, 90, null, reason]] },
      ruleSet
    ).report;
  }

  describe("the platform's warning at 120 % (yitihua)", () => {
    it.each([
      ["119.9人次", []], // just below
      ["120人次", ["E4"]], // at 120 %
      ["121人次", ["E4"]], // above
    ])("≥100人次, actual %s → flagged at %j", (actual, cells) => {
      const report = overCompletion(RULE_SETS.yitihua, "≥100人次", actual, null);
      expect(codesAt(report, "over-completion")).toEqual(cells);
      report.problems
        .filter((p) => p.code === "over-completion")
        .forEach((p) => expect(p.severity).toBe("warning"));
    });

    it("does not flag 反向 indicators or zero targets", () => {
      expect(
        codesAt(overCompletion(RULE_SETS.yitihua, "≤100万元", "150万元", "超支"), "over-completion")
      ).toEqual([]);
      expect(
        codesAt(overCompletion(RULE_SETS.yitihua, "0起", "40起", "已处理"), "over-completion")
      ).toEqual([]);
    });
  });

  describe("广西: 实际完成值 ≥ 130 % of the target (≥ 30 where it is 0) needs a 偏差原因", () => {
    it.each([
      ["129.9人次", null, "warning", "E4"], // the 120 % warning only
      ["130人次", null, "error", "H4"], // at 130 %, no reason: an error on the reason cell
      ["131人次", null, "error", "H4"],
      ["130人次", "实际完成情况超计划较大", "warning", "E4"], // a reason given: still flagged
      ["130人次", "无", "error", "H4"], // "无" gives no reason
    ])("≥100人次, actual %s, reason %s → %s at %s", (actual, reason, severity, cell) => {
      const report = overCompletion(RULE_SETS.guangxi, "≥100人次", actual, reason);
      const problems = report.problems.filter((p) => p.code === "over-completion");
      expect(problems.map((p) => p.severity + "@" + p.cell)).toEqual([severity + "@" + cell]);
    });

    it.each([
      ["29.9起", []],
      ["30起", ["H4"]],
      ["31起", ["H4"]],
    ])("target 0起, actual %s → reason required at %j", (actual, cells) => {
      const report = overCompletion(RULE_SETS.guangxi, "0起", actual, null);
      expect(codesAt(report, "over-completion")).toEqual(cells);
    });

    it("asks it of 反向 indicators too (any quantitative indicator)", () => {
      const report = overCompletion(RULE_SETS.guangxi, "≤20万元", "26万元", null);
      expect(report.problems.find((p) => p.code === "over-completion")).toMatchObject({
        severity: "error",
        cell: "H4",
        message:
          "「培训人次」实际完成值26万元达到年度指标值≤20万元的130%，实际完成情况超计划较大，按广西规则须在偏差原因分析及改进措施中说明原因，目前未填写。",
      });
    });

    it("makes the run end with errors", () => {
      const report = overCompletion(RULE_SETS.guangxi, "≥100人次", "140人次", null);
      expect(report.problems.some((p) => p.severity === "error")).toBe(true);
    });
  });
});

describe("score ahead of spending (a vendor's 自评预警: (得分率 − 执行率)/得分率 > 5 %)", () => {
  const withWarning = resolveRuleSet({ id: "warn", scoreAheadOfSpending: { margin: 0.05 } });

  it.each([
    [9600, []], // 96 %: (1 − 0.96)/1 = 4 %
    [9500, []], // 95 %: exactly 5 %, not more
    [9499, ["G2"]], // just below: 5.01 %
    [5000, ["G2"]],
  ])("indicators at 100 %%, executed %d of 10000 → warned at %j", (executed, cells) => {
    const { report } = score({ budget: [10000, executed], indicators: FULL_90 }, withWarning);
    expect(codesAt(report, "score-ahead-of-spending")).toEqual(cells);
  });

  it("compares the indicators' own score rate, the budget line left out", () => {
    // 72/90 = 80 %; 执行率 76 %: (0.8 − 0.76)/0.8 = 5 % → no warning; 75.9 % → warning
    const indicators: TestCell[][] = [
      ["产出指标", "数量指标", "培训人次", "≥100人次", "80人次", 90, 72, "进度滞后"],
    ];
    expect(
      codesAt(
        score({ budget: [1000, 760], indicators }, withWarning).report,
        "score-ahead-of-spending"
      )
    ).toEqual([]);
    expect(
      codesAt(
        score({ budget: [1000, 759], indicators }, withWarning).report,
        "score-ahead-of-spending"
      )
    ).toEqual(["G2"]);
  });

  it("is in no bundled set but a bureau's own", () => {
    const { report } = score({ budget: [10000, 5000], indicators: FULL_90 }, RULE_SETS.yitihua);
    expect(codesAt(report, "score-ahead-of-spending")).toEqual([]);
  });
});

describe("a 预算执行率 below 90 % must be explained (四川 510000_0013zp)", () => {
  const withReasonColumn = (executed: number, reason: string | null) =>
    score(
      {
        budget: [1000, executed],
        budgetHeaderExtra: ["原因"],
        budgetExtra: [reason],
        indicators: FULL_90,
      },
      RULE_SETS.sichuan
    ).report;

  it.each([
    [910, []],
    [900, []], // at 90 %
    [899, ["I2"]], // just below
  ])("executed %d of 1000, no reason → warned at %j", (executed, cells) => {
    expect(codesAt(withReasonColumn(executed, null), "budget-reason-missing")).toEqual(cells);
  });

  it("accepts a reason written in the 原因 cell, not the template's own instruction", () => {
    expect(
      codesAt(withReasonColumn(800, "部分工程款待结算，次年支付"), "budget-reason-missing")
    ).toEqual([]);
    const instruction =
      "1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）";
    expect(codesAt(withReasonColumn(800, instruction), "budget-reason-missing")).toEqual(["I2"]);
    expect(
      withReasonColumn(800, null).problems.find((p) => p.code === "budget-reason-missing")
    ).toMatchObject({
      severity: "warning",
      message: "预算执行率为80%，未达到90%，按四川规则须说明原因，目前未填写。",
    });
  });

  it("marks the rate cell when the block has no 原因 column", () => {
    const { report } = score({ budget: [1000, 800], indicators: FULL_90 }, RULE_SETS.sichuan);
    expect(codesAt(report, "budget-reason-missing")).toEqual(["G2"]);
  });
});

describe("等于 indicators off their target (tianjin)", () => {
  it.each([
    ["100%", []],
    ["99.9%", ["E4"]], // just below
    ["100.1%", ["E4"]], // just above
    ["130%", ["E4"]], // far above: flagged once, not also as over-completion
  ])("=100%, actual %s → flagged at %j", (actual, cells) => {
    const { report } = score(
      { indicators: [["产出指标", "质量指标", "验收合格率", "=100%", actual, 90, null, "见说明"]] },
      RULE_SETS.tianjin
    );
    expect(codesAt(report, "equal-mismatch")).toEqual(cells);
    expect(codesAt(report, "over-completion")).toEqual([]);
  });

  it("is not flagged under national, where 等于 scores as positive", () => {
    const { report } = score(
      { indicators: [["产出指标", "质量指标", "发放人数", "=100人", "120人", 90, null, null]] },
      RULE_SETS.national
    );
    expect(report.indicators[0]).toMatchObject({ rule: "equal", score: 90, targetMet: true });
    expect(codesAt(report, "equal-mismatch")).toEqual([]);
  });
});

describe("the 扣分 column (广西 deduct_score), once detection names it", () => {
  function withDeductionColumn(deduction: TestCell, target = "≥100人次", actual = "100人次") {
    const sheet = sheetFromRows("项目表", [
      BUDGET_HEADER,
      [null, "年度资金总额", 100, 100, 100, 10, null, null],
      [...PROJECT_HEADER, "扣分"],
      ["产出指标", "数量指标", "培训人次", target, actual, 90, null, null, deduction],
    ]);
    const detected = detectForms(workbookOf(sheet))[0];
    // Detection has no 扣分 role yet; this is what it will hand over.
    const withRole = {
      ...detected,
      table: { ...detected.table, columns: { ...detected.table.columns, deduction: 9 } },
    };
    return scoreForm(sheet, withRole, PROFILES.project, RULE_SETS.guangxi);
  }

  it("subtracts a positive deduction from a quantitative indicator, never below 0", () => {
    const form = withDeductionColumn(5);
    expect(form.indicators[0].score).toBe(85);
    expect(form.summary.total.score).toBe(95);
    expect(form.problems.list().map((p) => p.code + "@" + p.cell + ":" + p.severity)).toEqual([
      "deduction-applied@I4:info",
    ]);
    expect(withDeductionColumn(120).indicators[0].score).toBe(0);
  });

  it("ignores a blank, zero or worded deduction, and qualitative indicators", () => {
    expect(withDeductionColumn(null).indicators[0].score).toBe(90);
    expect(withDeductionColumn(0).indicators[0].score).toBe(90);
    expect(withDeductionColumn("无").indicators[0].score).toBe(90);
    const qualitative = withDeductionColumn(5, "按要求完成", "按要求完成");
    expect(qualitative.indicators[0].kind).toBe("qualitative");
    expect(qualitative.effects.deductions).toEqual([]);
  });

  it("is read only under a set that has it", () => {
    const sheet = sheetFromRows("项目表", [
      [...PROJECT_HEADER, "扣分"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "100人次", 100, null, null, 5],
    ]);
    const detected = detectForms(workbookOf(sheet))[0];
    const withRole = {
      ...detected,
      table: { ...detected.table, columns: { ...detected.table.columns, deduction: 9 } },
    };
    expect(
      scoreForm(sheet, withRole, PROFILES.project, RULE_SETS.national).indicators[0].score
    ).toBe(100);
  });
});

describe("not-applicable indicators (不考核该指标，用适用指标得分汇总后按百分制折算)", () => {
  // Detection will mark the rows; here the scored indicators are built as it will hand them over.
  function indicator(
    name: string,
    row: number,
    max: number | null,
    score: number | null
  ): FormIndicator {
    return {
      form: 0,
      sheet: "部门表",
      row,
      path: ["履职效能"],
      name,
      max,
      target: "≥1",
      actual: "1",
      score,
      computedScore: score,
      scoreSource: score === null ? null : "entered",
      cells: { name: "C" + row, max: "D" + row, score: "G" + row },
      reason: null,
      kind: "quantitative",
      rule: "positive",
      targetMet: true,
    };
  }
  function notApplicable(name: string, row: number, max: number | null): FormIndicator {
    return {
      ...indicator(name, row, max, null),
      kind: "not-applicable",
      rule: null,
      computedScore: null,
      scoreSource: null,
    };
  }
  function apply(indicators: FormIndicator[], ruleSet: RuleSet = RULE_SETS.national) {
    const sheet = sheetFromRows("部门表", [
      DEPARTMENT_HEADER,
      ["履职效能", "服务", "x", 100, "≥1", "1", 100, null],
    ]);
    const detected = detectForms(workbookOf(sheet))[0];
    const problems = new ProblemCollector("部门表");
    const ruled = applyRuleSet({
      sheet,
      detected,
      profile: PROFILES.department,
      ruleSet,
      index: 0,
      indicators,
      measures: indicators.map(() => null),
      budget: null,
      problems,
    });
    return { ...ruled, problems: problems.list() };
  }

  it("drops them and rescales the applicable scores to 100", () => {
    // 18 + 63 = 81 of an applicable 90 → 81/90 × 100 = 90 → 优
    const result = apply([
      indicator("A", 4, 20, 18),
      notApplicable("B", 5, 10),
      indicator("C", 6, 70, 63),
    ]);
    expect(result.total).toEqual({ score: 90, max: 100, complete: true, unscaled: 81 });
    expect(result.rating).toBe("优");
    expect(result.indicators[1]).toMatchObject({ rule: "not-applicable", score: null });
    expect(result.problems.map((p) => p.code + "@" + p.cell + ":" + p.severity)).toEqual([
      "not-applicable@C5:info",
    ]);
    expect(result.problems[0].message).toBe(
      "「B」不适用，不考核该指标，总分用适用指标得分汇总后按百分制折算。"
    );
    expect(result.effects.rescaled).toEqual({ unscaled: 81, applicableMax: 90, max: 100 });
  });

  it.each([
    [71.99, 89.99, "良"], // just below 90 after rescaling
    [72, 90, "优"], // at 90
    [72.01, 90.01, "优"],
  ])("rates the rescaled score: %d of 80 → %d (%s)", (applicableScore, rescaled, rating) => {
    const result = apply([indicator("A", 4, 80, applicableScore), notApplicable("B", 5, 20)]);
    expect(result.total.score).toBe(rescaled);
    expect(result.rating).toBe(rating);
  });

  it("keeps the plain sum, out of the applicable 分值, when the set does not rescale", () => {
    const noRescale = resolveRuleSet({ id: "plain", rescaleNotApplicable: false });
    const result = apply(
      [indicator("A", 4, 20, 18), notApplicable("B", 5, null), indicator("C", 6, 70, 63)],
      noRescale
    );
    expect(result.total).toEqual({ score: 81, max: 90, complete: true });
    expect(result.problems[0].message).toBe("「B」不适用，不考核该指标，不计入总分。");
  });

  it("leaves a form without them exactly as it was", () => {
    const result = apply([indicator("A", 4, 20, 18), indicator("C", 6, 80, 63)]);
    expect(result.total).toEqual({ score: 81, max: 100, complete: true });
    expect(result.effects.rescaled).toBeNull();
  });
});

describe("rating bands and labels as data", () => {
  // 80/70/60 (a vendor's alternative configuration) with 好/较好/一般/差 (another system's labels).
  const bands = resolveRuleSet({
    id: "bands",
    ratingBands: [
      { label: "好", min: 80 },
      { label: "较好", min: 70 },
      { label: "一般", min: 60 },
      { label: "差", min: 0 },
    ],
  });

  it.each([
    [80, "好"],
    [79.99, "较好"],
    [70, "较好"],
    [69.99, "一般"],
    [60, "一般"],
    [59.99, "差"],
  ])("rates %d as %s", (total, label) => {
    const { report } = score(
      {
        budget: [100, 0],
        indicators: [
          ["产出指标", "数量指标", "培训人次", "≥100人次", "100人次", 90, total, "部分"],
        ],
      },
      bands
    );
    expect(report.total!.score).toBe(total);
    expect(report.rating).toBe(label);
  });

  it("checks a stated rating against the set's labels", () => {
    const sheet = sheetFromRows("部门表", [
      DEPARTMENT_HEADER,
      ["履职效能", "服务", "门诊人次", 100, "≥100人次", "100人次", 75, "部分"],
      [],
      ["自评等级：", "好"],
    ]);
    const { report } = scoreWorkbook(workbookOf(sheet), { ruleSet: bands });
    expect(report.rating).toBe("较好");
    expect(report.problems.find((p) => p.code === "rating-mismatch")).toMatchObject({
      message: "表中填写的评级为“好”，但总分75分对应的评级为“较好”。",
    });
  });
});
