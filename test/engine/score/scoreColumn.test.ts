import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf, type TestCell } from "../../helpers/gridFromRows";

/** The trial's 农村公路养护 form, its 分值 and 得分 columns headed as `maxHeader` and `scoreHeader`. */
function roads(maxHeader: string, scoreHeader: string) {
  const rows: TestCell[][] = [
    ["项目支出绩效自评表"],
    ["项目名称", "农村公路养护"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 100, 100, 10, 1, 10],
    [
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "全年完成情况",
      maxHeader,
      scoreHeader,
      "偏差原因分析及改进措施",
    ],
    [null, "产出指标", "数量指标", "养护里程", "≥300公里", "300公里", 40, 40],
    [null, null, "质量指标", "优良路率", "≥80%", "78%", 10, 9.75, "部分路段雨季损毁"],
    [null, "效益指标", "社会效益指标", "群众出行便利度", "提高", "提高", 30, 30],
    [null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", 10, 10],
    ["总分", null, null, null, null, null, 100, 99.75],
  ];
  return scoreWorkbook(workbookOf(sheetFromRows("自评表", rows, ["A5:A9"])));
}

describe("the 自评得分 column", () => {
  it("is read under 分数 beside a 满分 column: the qualitative row keeps its entered 30 (99.75 优, was 69.75 中)", () => {
    const result = roads("满分", "分数");
    expect(result.forms[0].detected.table.columns).toMatchObject({ max: 7, score: 8 });
    expect(result.report.total).toEqual({ score: 99.75, max: 100, complete: true });
    expect(result.report.rating).toBe("优");
    expect(result.problems).toEqual([]);
  });

  it("is read under 分 too, and 分数 before a 得分 column is still the 分值", () => {
    expect(roads("满分", "分").forms[0].detected.table.columns).toMatchObject({ max: 7, score: 8 });
    expect(roads("分数", "得分").forms[0].detected.table.columns).toMatchObject({
      max: 7,
      score: 8,
    });
  });

  it("when not found, leaves no score undetermined without saying so", () => {
    const result = roads("满分", "打分情况");
    expect(result.forms[0].detected.table.columns.score).toBeUndefined();
    expect(result.report.total!.complete).toBe(false);
    const missing = result.problems.find((problem) => problem.code === "score-column-missing")!;
    expect([missing.cell, missing.severity]).toEqual(["B5", "warning"]);
    expect(missing.message).toBe(
      '表中未找到自评得分列：「群众出行便利度」的得分无法按规则计算，总分不完整。如得分填在表中某一列，请在“列对应”中指定该列（命令行：--columns "自评得分=列"）。'
    );
  });
});
