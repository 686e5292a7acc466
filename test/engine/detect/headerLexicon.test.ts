import {
  CLEAR,
  headerCues,
  isHeaderWord,
  isRubricHeader,
  strongestCue,
} from "../../../src/engine/detect/headerLexicon";
import { normaliseText } from "../../../src/engine/values/normaliseText";

const cues = (text: string) => headerCues(normaliseText(text));

describe("headerCues", () => {
  it.each([
    ["一级指标", "level1"],
    ["二级", "level2"],
    ["三级指标", "level3"],
    ["指标名称", "name"],
    ["指标性质", "nature"],
    ["度量单位", "unit"],
    ["年度指标值", "target"],
    ["年初目标值(A)", "target"],
    ["实际完成值（B）", "actual"],
    ["全年实际值", "actual"],
    ["分值（分）", "max"],
    ["权重（%）", "max"],
    ["指标分值", "max"],
    ["自评得分", "score"],
    ["得分", "score"],
    ["偏差原因分析及改进措施", "reason"],
    ["未完成原因及拟采取的改进措施", "reason"],
  ])("reads %s as %s", (text, role) => {
    expect(strongestCue(cues(text))!.role).toBe(role);
    expect(isHeaderWord(normaliseText(text))).toBe(true);
  });

  it("gives the whole-word forms full strength", () => {
    expect(cues("实际完成值").actual).toBe(CLEAR);
  });

  it("only leans on a label column headed 年度绩效指标完成情况", () => {
    const leaning = cues("年度绩效指标完成情况");
    expect(leaning.actual).toBeLessThan(cues("实际完成值").actual as number);
    expect(isHeaderWord(normaliseText("年度绩效指标完成情况"))).toBe(false);
  });

  it("pulls a rubric column down for every value role", () => {
    for (const text of ["指标说明及评分标准", "评分标准", "指标解释", "计分方法"]) {
      const rubric = cues(text);
      expect(rubric.score).toBeLessThan(0);
      expect(rubric.max).toBeLessThan(0);
      expect(isRubricHeader(normaliseText(text))).toBe(true);
    }
  });

  it("gives no cue to words of no column", () => {
    expect(cues("序号")).toEqual({});
    expect(cues("")).toEqual({});
    expect(strongestCue(cues("项目资金（万元）"))).toBeNull();
  });
});
