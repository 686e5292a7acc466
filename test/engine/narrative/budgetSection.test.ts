import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { buildNarratives } from "../../../src/engine/narrative/buildNarrative";
import { renderNarrativeMarkdown } from "../../../src/engine/narrative/renderNarrativeMarkdown";
import type { ProfileId } from "../../../src/engine/rules/profile";
import { sheetFromRows, workbookOf, type TestCell } from "../../helpers/gridFromRows";
import { PROJECT_HEADER } from "../../helpers/templateHeaders";

/** A national 项目支出 form whose 项目资金 block is labelled `moneyLabel`. */
function projectForm(moneyLabel: string, amounts: [number, number, number]): TestCell[][] {
  return [
    ["项目支出绩效自评表"],
    ["（2024年度）"],
    ["项目名称", "村卫生室运行补助"],
    ["主管部门", "某县卫生健康局"],
    [moneyLabel, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", ...amounts, 10, null, 9],
    PROJECT_HEADER,
    ["产出指标", "数量指标", "补助村卫生室数", "≥120个", "120个", 50, 50, null],
    ["效益指标", "社会效益指标", "村民就近就医率", "≥90%", "92%", 30, 30, null],
    ["满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "95%", 10, 10, null],
  ];
}

function narrativeText(rows: TestCell[][], profile?: ProfileId): string {
  const sheet = sheetFromRows("Sheet1", rows);
  return renderNarrativeMarkdown(buildNarratives(scoreWorkbook(workbookOf(sheet), { profile })));
}

describe("the 自评表说明's funds section", () => {
  it("states amounts in 元 where the block states 元, never as 万元 (云南永德: 项目资金（元）)", () => {
    const text = narrativeText(projectForm("项目资金（元）", [900000, 900000, 810000]));
    expect(text).toContain(
      "项目年度资金总额年初预算数900000元，全年预算数900000元，全年执行数810000元，预算执行率90%"
    );
    expect(text).not.toContain("900000万元");
  });

  it("states amounts in 万元 where the block says 万元, and where it states no unit (the national form's)", () => {
    expect(narrativeText(projectForm("项目资金（万元）", [90, 90, 81]))).toContain(
      "年初预算数90万元，全年预算数90万元，全年执行数81万元"
    );
    expect(narrativeText(projectForm("项目资金", [90, 90, 81]))).toContain(
      "年初预算数90万元，全年预算数90万元，全年执行数81万元"
    );
  });

  it("words a department's funds section for a department, not a project", () => {
    const text = narrativeText(projectForm("预算执行情况（万元）", [90, 90, 81]), "department");
    expect(text).toContain("（三）部门预算执行情况");
    expect(text).toContain("部门整体支出年度资金总额年初预算数90万元");
    expect(text).toContain("部门预算资金未全部执行，预算执行率90%，扣1分");
    expect(text).not.toMatch(/项目资金|项目年度资金/);
  });
});
