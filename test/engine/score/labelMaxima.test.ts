import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";

/** A 湖北-style goal block of 40 points, no 分值 column. */
function goal(rows: unknown[][]) {
  const sheet = sheetFromRows(
    "表",
    [
      [
        "年度绩效目标1（40分）",
        "一级指标",
        "二级指标",
        "三级指标",
        "年初目标值",
        "实际完成值",
        "得分",
      ],
      ...rows,
    ] as never,
    ["A1:A" + (rows.length + 1)]
  );
  return scoreWorkbook(workbookOf(sheet));
}

describe("maxima from labels", () => {
  it("infers the maxima a unit had in mind when every target was met and the ceilings add up (黄冈)", () => {
    const result = goal([
      [null, "产出指标", "质量指标", "监测数据合格", "100%", "100%", 10],
      [null, null, "进度指标", "取得监测资料", "100%", "100%", 10],
      [null, "满意度指标", "服务对象满意度指标", "整编资料审核", "98%", "98%", 19.6],
    ]);
    const audit = result.report.indicators[2];
    // 10 + 10 + 20 = 40: this row was worth 20; met, so 20 — entered 19.6.
    expect([audit.max, audit.computedScore, audit.score]).toEqual([null, 20, 19.6]);
    expect(result.problems.map((p) => p.cell + " " + p.code)).toEqual([
      "G4 score-differs",
      "G4 reason-missing",
    ]);
    expect(result.report.forms[0].total).toEqual({ score: 39.6, max: 40, complete: true });
  });

  it("infers the one unmet indicator's maximum from the rest", () => {
    const result = goal([
      [null, "产出指标", "数量指标", "培训人次", "≥100人次", "100人次", 20],
      [null, null, "质量指标", "合格率", "≥95%", "76%", 16],
    ]);
    // 40 − 20 = 20 for 合格率; 0.76 / 0.95 × 20 = 16: as entered.
    expect(result.report.indicators[1].computedScore).toBe(16);
    expect(result.problems.map((p) => p.cell + " " + p.code)).toEqual(["G3 reason-missing"]);
  });

  it("infers nothing when the ceilings do not add up", () => {
    const result = goal([
      [null, "产出指标", "数量指标", "培训人次", "≥100人次", "100人次", 19],
      [null, null, "质量指标", "合格率", "100%", "100%", 19],
    ]);
    expect(result.report.indicators.map((i) => i.computedScore)).toEqual([null, null]);
    expect(result.problems).toEqual([]);
    expect(
      result.report.groups.map((group) => [group.path.join("/"), group.score, group.max])
    ).toEqual([["年度绩效目标1", 38, 40]]);
  });

  it("gives a group of one indicator the group's 分值", () => {
    const result = goal([[null, "满意度指标", "服务对象满意度", "满意度", "≥90%", "80%", 40]]);
    const only = result.report.indicators[0];
    expect([only.max, only.computedScore]).toEqual([40, 35.56]);
    expect(result.problems.map((p) => p.cell + " " + p.code)).toEqual([
      "G2 score-differs",
      "G2 reason-missing",
    ]);
  });
});
