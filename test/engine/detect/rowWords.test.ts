import {
  isBreakdownName,
  isGoalTitle,
  isNotApplicableText,
  isTemplateName,
  pointsInLabel,
  withoutPoints,
} from "../../../src/engine/detect/rowWords";
import { normaliseText } from "../../../src/engine/values/normaliseText";

const words = normaliseText;

describe("row words", () => {
  it.each(["指标1", "指标2：", "指标一", "三级指标1", "……", "...", "xx指标", "指标名称"])(
    "reads %s as a template's name",
    (name) => expect(isTemplateName(words(name))).toBe(true)
  );

  it.each(["指标1:完成中型灌区节水改造项目数量", "培训人次", "指标1:/", "问题整改率"])(
    "reads %s as a real name",
    (name) => expect(isTemplateName(words(name))).toBe(false)
  );

  it("tells breakdown rows", () => {
    expect(isBreakdownName(words("其中：玉米种植面积"))).toBe(true);
    expect(isBreakdownName(words("（其中）水稻"))).toBe(true);
    expect(isBreakdownName(words("其中"))).toBe(true);
    expect(isBreakdownName(words("其中央补助资金到位率"))).toBe(false);
  });

  it("tells cells that say the indicator does not apply, 无 only where allowed", () => {
    for (const text of ["/", "／", "—", "——", "-", "不适用", "N/A", "不涉及"])
      expect(isNotApplicableText(words(text))).toBe(true);
    expect(isNotApplicableText("无")).toBe(true);
    expect(isNotApplicableText("无", false)).toBe(false);
    expect(isNotApplicableText(words("无安全事故"))).toBe(false);
    expect(isNotApplicableText("0")).toBe(false);
  });

  it("tells a placeholder by its whole text, whatever character it starts with", () => {
    // The expression isNotApplicableText stands for (its first-character test only skips texts
    // it could never match): every character, alone and before each alternative's rest.
    const expected = /^([/\\／—–\-_~·]+|不适用|不涉及|本年度不适用|本项目不适用|N\/?A|无)$/i;
    const rests = ["", "/", "—", "适用", "涉及", "年度不适用", "项目不适用", "/A", "A", "a"];
    for (let code = 0; code <= 0xffff; code++) {
      const first = String.fromCharCode(code);
      for (const rest of rests) {
        const text = first + rest;
        if (isNotApplicableText(text) !== expected.test(text))
          throw new Error("isNotApplicableText differs on U+" + code.toString(16) + " " + rest);
      }
    }
  });

  it("reads the points a label gives", () => {
    expect(pointsInLabel(words("产出指标（40分）"))).toBe(40);
    expect(pointsInLabel(words("年度绩效目标1(80分)"))).toBe(80);
    expect(pointsInLabel(words("预算执行情况（万元）（20分）"))).toBe(20);
    expect(pointsInLabel(words("满意度指标（10 分）"))).toBe(10);
    expect(pointsInLabel(words("（分值：20）"))).toBe(20);
    expect(pointsInLabel(words("效益指标（分）"))).toBeNull();
    expect(pointsInLabel(words("指标(2)"))).toBeNull();
    expect(pointsInLabel(words("（2024年度）"))).toBeNull();
    expect(withoutPoints("产出指标（40分）")).toBe("产出指标");
    expect(withoutPoints("满意度指标\n(10分)")).toBe("满意度指标");
    expect(withoutPoints("（50分）")).toBe("（50分）");
    expect(withoutPoints("指标(2)")).toBe("指标(2)");
  });

  it("tells a goal block's title from the national form's 年度总体目标", () => {
    expect(isGoalTitle(words("年度绩效目标1（40分）"))).toBe(true);
    expect(isGoalTitle(words("年度目标1:(80分)"))).toBe(true);
    expect(isGoalTitle(words("年度绩效目标2"))).toBe(true);
    expect(isGoalTitle(words("年度总体目标"))).toBe(false);
    expect(isGoalTitle(words("绩效目标"))).toBe(false);
  });
});
