import { oneLine } from "../../../src/engine/values/oneLine";

describe("oneLine", () => {
  it("takes the line breaks and spaces between Chinese characters out", () => {
    expect(oneLine("预算编制\n科学性")).toBe("预算编制科学性");
    expect(oneLine("可持续影\r\n响指标")).toBe("可持续影响指标");
    expect(oneLine(" 合　计 ")).toBe("合计");
  });

  it("keeps one space where words of other scripts meet, and full-width punctuation", () => {
    expect(oneLine("PM2.5  浓度\n下降")).toBe("PM2.5 浓度下降");
    expect(oneLine("维护社会治安稳定，\n保障安全")).toBe("维护社会治安稳定，保障安全");
    expect(oneLine("无空白")).toBe("无空白");
    expect(oneLine("a\u200bb")).toBe("ab");
  });
});
