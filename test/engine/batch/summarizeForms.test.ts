import {
  statedRatingOf,
  statedTotalOf,
  summarizeForms,
} from "../../../src/engine/batch/summarizeForms";
import { scoreWorkbook, type ScoreResult } from "../../../src/engine/scoreWorkbook";
import type { Problem } from "../../../src/engine/validate/problem";
import { sheetFromRows, workbookOf, type TestCell } from "../../helpers/gridFromRows";
import { BUDGET_HEADER, PROJECT_HEADER } from "../../helpers/templateHeaders";

/** A 项目支出 form with a 项目资金 block, a 合计 row and a stated rating. */
function projectRows(options: {
  moneyLabel?: string;
  statedTotal?: TestCell;
  statedRating?: string;
  /** The rating in the cell right of its label instead of after the colon. */
  ratingBeside?: boolean;
}): TestCell[][] {
  return [
    ["项目支出绩效自评表"],
    ["项目名称：校园安全工程", null, null, null, "实施单位：某区教育局"],
    [options.moneyLabel ?? BUDGET_HEADER[0], ...BUDGET_HEADER.slice(1)],
    // 90 / 100 → 9 of 10
    ["年度资金总额", null, 100, 100, 90, 10, "90%", 9],
    PROJECT_HEADER,
    // met → 45
    ["产出指标", "数量指标", "改造学校数", "≥10所", "10所", 45, 45, null],
    // 40 / 50 × 45 = 36, no reason → reason-missing
    ["效益指标", "社会效益指标", "受益学生数", "≥5000人", "4000人", 45, 36, null],
    ["合计", null, null, null, null, 100, options.statedTotal ?? 90, null],
    options.ratingBeside
      ? ["自评等级：", options.statedRating ?? "优"]
      : ["自评等级：" + (options.statedRating ?? "优")],
  ];
}

function scoreRows(rows: TestCell[][]): {
  result: ScoreResult;
  grid: ReturnType<typeof workbookOf>;
} {
  const grid = workbookOf(sheetFromRows("项目自评表", rows));
  return { result: scoreWorkbook(grid, { fileName: "x.xlsx" }), grid };
}

describe("summarizeForms", () => {
  it("takes the form's numbers from the scoring result, as selfeval score reports them", () => {
    const { result, grid } = scoreRows(projectRows({}));
    const { forms, problems } = summarizeForms(result, grid);
    expect(forms).toHaveLength(1);
    const report = result.report.forms[0];
    expect(forms[0]).toMatchObject({
      sheet: "项目自评表",
      unitName: report.unitName,
      projectName: "校园安全工程",
      kind: "project",
      total: report.total,
      rating: report.rating,
      budget: { budget: 100, executed: 90, rate: 0.9, unit: "万元" },
    });
    // 9 + 45 + 36 = 90
    expect(report.total.score).toBe(90);
    expect(forms[0].errors).toBe(result.problems.filter((p) => p.severity === "error").length);
    expect(forms[0].warnings).toBe(result.problems.filter((p) => p.severity === "warning").length);
    expect(forms[0].problemCounts["reason-missing"]).toBe(1);
    expect(problems.map((p) => [p.code, p.cell, p.subject])).toEqual(
      result.problems.map((p) => [p.code, p.cell, expect.any(String)])
    );
    expect(problems.find((p) => p.code === "reason-missing")).toMatchObject({
      form: 0,
      subject: "受益学生数",
      severity: "warning",
    });
  });

  it("reads the total and the rating the sheet states", () => {
    const { result, grid } = scoreRows(projectRows({ statedTotal: 95, statedRating: "良好" }));
    const form = summarizeForms(result, grid).forms[0];
    expect(form.statedTotal).toBe(95);
    expect(form.statedRating).toBe("良");
    expect(form.total.score).toBe(90);
  });

  it("reads a formula's cached result as the stated total, and no total from words", () => {
    const cached = scoreRows(projectRows({ statedTotal: { value: 88, formula: "SUM(G6:G7)" } }));
    expect(summarizeForms(cached.result, cached.grid).forms[0].statedTotal).toBe(88);
    const words = scoreRows(projectRows({ statedTotal: "见上" }));
    expect(summarizeForms(words.result, words.grid).forms[0].statedTotal).toBeNull();
  });

  it("keeps a stated rating that is no rating word as written", () => {
    const { result, grid } = scoreRows(projectRows({ statedRating: "待定", ratingBeside: true }));
    expect(statedRatingOf(result.forms[0].detected)).toBe("待定");
    expect(summarizeForms(result, grid).forms[0].statedRating).toBe("待定");
  });

  it("takes the money unit the block states, as detection and the report have it", () => {
    const unitOf = (scored: ReturnType<typeof scoreRows>) =>
      summarizeForms(scored.result, scored.grid).forms[0].budget!.unit;
    const wan = scoreRows(projectRows({}));
    expect(unitOf(wan)).toBe("万元");
    expect(wan.result.report.budget!.unit).toBe("万元");
    const yuan = scoreRows(projectRows({ moneyLabel: "项目资金（元）" }));
    expect(unitOf(yuan)).toBe("元");
    expect(yuan.result.forms[0].detected.budget!.unit).toBe("元");
    const none = scoreRows(projectRows({ moneyLabel: "项目资金" }));
    expect(unitOf(none)).toBeNull();
    expect(statedTotalOf(none.grid.sheets[0], none.result.forms[0].detected)).toBe(90);
  });

  it("lists the alert codes a rule set raises, each once, and counts info problems apart", () => {
    const { result, grid } = scoreRows(projectRows({}));
    const real = result.forms[0].problems.list();
    const extra = (code: string, severity: string, cell: string) =>
      ({ ...real[0], code, severity, cell, message: code }) as unknown as Problem;
    const list = [
      extra("over-completion", "warning", "E6"),
      ...real,
      extra("not-applicable", "info", "C7"),
      extra("execution-cap", "error", "G8"),
      extra("over-completion", "warning", "E7"),
    ];
    const faked = {
      ...result,
      forms: [{ ...result.forms[0], problems: { list: () => list } }],
    } as unknown as ScoreResult;
    const form = summarizeForms(faked, grid).forms[0];
    expect(form.alerts).toEqual(["over-completion", "execution-cap"]);
    expect(form.notices).toBe(1);
    expect(form.problemCounts["not-applicable"]).toBeUndefined();
    expect(form.problemCounts["over-completion"]).toBe(2);
    expect(form.errors).toBe(1);
    // Errors first, then warnings in the order found.
    expect(form.mainProblems).toEqual(["execution-cap", "over-completion", real[0].message]);
  });

  it("gives no form for a workbook without one", () => {
    const grid = workbookOf(sheetFromRows("说明", [["填表说明"]]));
    expect(summarizeForms(scoreWorkbook(grid), grid)).toEqual({ forms: [], problems: [] });
  });
});
