import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { buildNarrative } from "../../../src/engine/narrative/buildNarrative";
import { narrativeTemplateFor } from "../../../src/engine/narrative/narrativeTemplate";
import { renderNarrativeMarkdown } from "../../../src/engine/narrative/renderNarrativeMarkdown";
import type { ScoredForm } from "../../../src/engine/score/scoreForm";
import { RULE_SETS } from "../../../src/engine/rules/ruleSets";
import type { RuleSet } from "../../../src/engine/rules/ruleSet";
import { sheetFromRows, workbookOf, type TestCell } from "../../helpers/gridFromRows";
import { BUDGET_HEADER, PROJECT_HEADER } from "../../helpers/templateHeaders";
import { withNotApplicable } from "../../helpers/notApplicable";

function scored(rows: TestCell[][], ruleSet: RuleSet) {
  const sheet = sheetFromRows("项目自评表", rows);
  const result = scoreWorkbook(workbookOf(sheet), { ruleSet });
  return { sheet, form: result.forms[0] };
}

function narrativeOf(form: ScoredForm): string {
  return renderNarrativeMarkdown([buildNarrative(form, narrativeTemplateFor(form.profile.id))]);
}

/** The paragraph after a heading of the Markdown narrative. */
function section(text: string, heading: string): string {
  const lines = text.split("\n");
  const at = lines.findIndex((line) => line.indexOf(heading) >= 0);
  return lines.slice(at + 1).find((line) => line.trim() !== "") ?? "";
}

// 65 % spent: 90 + 6.5 = 96.5, capped at 79 under yitihua; 培训人次 150 of ≥100: 指标偏离 −2.
const LOW_SPENDING: TestCell[][] = [
  ["2024年度项目支出绩效自评表"],
  ["项目名称：职业技能培训"],
  BUDGET_HEADER,
  [null, "年度资金总额", 100, 100, 65, 10, null, null],
  PROJECT_HEADER,
  ["产出指标", "数量指标", "培训人次", "≥100人次", "150人次", 50, 50, null],
  ["效益指标", "社会效益指标", "就业率", "≥80%", "85%", 30, 30, null],
  ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 10, 10, null],
];

describe("the narrative under a rule set", () => {
  const { form } = scored(LOW_SPENDING, RULE_SETS.yitihua);
  const text = narrativeOf(form);

  it("says in 自评结论综述 what the cap and the deviation did", () => {
    const conclusion = section(text, "自评结论综述");
    expect(conclusion).toContain("职业技能培训项目支出绩效自评得分79分，评级为中。");
    expect(conclusion).toContain(
      "按预算管理一体化平台规则，预算执行率为65%时自评得分最高为79分，各项得分合计94.5分，超出部分予以减分。"
    );
    expect(conclusion).toContain(
      "按预算管理一体化平台规则，培训人次的实际完成值超过年度指标值30%及以上，视为指标偏离，共扣2分。"
    );
  });

  it("names them in 存在的主要问题 with a matching measure in 三", () => {
    const problems = section(text, "二、存在的主要问题");
    const measures = section(text, "三、下一步改进措施");
    expect(problems).toContain(
      "项目资金预算执行率为65%，按预算管理一体化平台规则自评得分最高为79分，各项得分合计94.5分，超出的15.5分予以扣减"
    );
    expect(problems).toContain(
      "培训人次的实际完成值超过年度指标值30%及以上，年度指标值设置偏低，按预算管理一体化平台规则视为指标偏离，共扣2分"
    );
    expect(problems).toContain("培训人次的实际完成值大幅超过年度指标值");
    expect(measures).toContain("避免因预算执行率偏低导致自评得分受限");
    expect(measures).toContain("设定培训人次的年度指标值，避免指标值偏低造成指标偏离");
    expect(measures).toContain("结合实际完成情况合理设定培训人次的年度指标值");
    // Each problem has its measure: 一是… in both.
    const count = (s: string) => (s.match(/[一二三四五六七八九十]+是/g) ?? []).length;
    expect(count(measures)).toBe(count(problems));
  });

  it("tells the deviation apart from points lost to completion", () => {
    expect(text).toContain(
      "培训人次年度指标值≥100人次，实际完成值150人次，实际完成值超过年度指标值30%及以上，视为指标偏离，扣2分"
    );
    expect(text).not.toContain("已达到年度指标值，但自评扣");
  });

  it("is as before under national", () => {
    const plain = narrativeOf(scored(LOW_SPENDING, RULE_SETS.national).form);
    expect(plain).not.toContain("规则");
    expect(section(plain, "自评结论综述")).toContain("绩效自评得分96.5分，评级为优。");
  });

  it("asks a reason where 广西 requires it", () => {
    const rows = LOW_SPENDING.slice();
    rows[5] = ["产出指标", "数量指标", "培训人次", "≥100人次", "150人次", 50, 50, null];
    const problems = section(
      narrativeOf(scored(rows, RULE_SETS.guangxi).form),
      "二、存在的主要问题"
    );
    expect(problems).toContain(
      "培训人次的实际完成值大幅超过年度指标值，年度指标值设置不够科学，其中培训人次未按广西规则说明超计划完成的原因"
    );
  });

  it("says an unexplained low 执行率 under 四川's rules", () => {
    const text = narrativeOf(scored(LOW_SPENDING, RULE_SETS.sichuan).form);
    expect(section(text, "二、存在的主要问题")).toContain(
      "预算执行率为65%，未达到90%，未按四川规则说明原因"
    );
    expect(section(text, "三、下一步改进措施")).toContain(
      "分析预算执行率偏低的原因并在自评表中说明"
    );
  });
});

describe("the narrative of a form with indicators that do not apply", () => {
  it("rescales in 自评结论综述, names them in 二 and 三, and says so in its item", () => {
    const rows = LOW_SPENDING.slice();
    rows[3] = [null, "年度资金总额", 100, 100, 100, 10, null, null];
    rows[5] = ["产出指标", "数量指标", "培训人次", "≥100人次", "100人次", 50, 45, "部分学员未结业"];
    const { form, sheet } = scored(rows, RULE_SETS.national);
    const text = narrativeOf(withNotApplicable(form, sheet, ["就业率"]));
    // 45 + 10 + 10 = 65 of an applicable 70 → 92.86
    expect(section(text, "自评结论综述")).toContain(
      "绩效自评得分92.86分，评级为优。1项指标不适用，不予考核，适用指标得分65分（分值70分），按百分制折算为92.86分。"
    );
    expect(section(text, "自评结论综述")).toContain("全部2项绩效指标中，1项得满分，1项有扣分。");
    expect(section(text, "二、存在的主要问题")).toContain(
      "就业率不适用，未予考核，总分按适用指标得分折算为百分制"
    );
    expect(section(text, "三、下一步改进措施")).toContain("对不适用的指标及时调整");
    expect(text).toContain("（1）社会效益指标中的就业率，分值30分，不适用，不予考核。");
  });
});
