import {
  clause,
  cleanText,
  formatAmount,
  formatPercent,
  readsAsNumber,
  sentence,
  withTargetUnit,
} from "../../../src/engine/narrative/narrativeText";

describe("cleanText", () => {
  it("drops control characters that Word and XML refuse", () => {
    expect(cleanText("进度\u0007款\u0000未付")).toBe("进度款未付");
  });

  it("joins the lines of a cell as clauses", () => {
    expect(cleanText("1.工期延误\n2.资金未到位")).toBe("1.工期延误；2.资金未到位");
    expect(cleanText("工期延误。\r\n资金未到位")).toBe("工期延误。资金未到位");
    expect(cleanText("\n  \n")).toBe("");
  });
});

describe("clause and sentence", () => {
  it("strip closing punctuation to continue a sentence", () => {
    expect(clause("部分工程项目进度款未能按期支付。")).toBe("部分工程项目进度款未能按期支付");
    expect(clause("延期；")).toBe("延期");
  });

  it("end a sentence once", () => {
    expect(sentence("完成38所学校设施升级。")).toBe("完成38所学校设施升级。");
    expect(sentence("完成38所学校设施升级")).toBe("完成38所学校设施升级。");
    expect(sentence("是否完成？")).toBe("是否完成？");
    expect(sentence("  ")).toBe("");
  });
});

describe("readsAsNumber", () => {
  it("is true for numbers and bounds, false for words", () => {
    for (const value of ["≥95%", "0起", "100%", "≤20万元", "-1.28%", "＞90％", "１００％", "﹦8个"])
      expect(readsAsNumber(value)).toBe(true);
    for (const value of ["准确", "按要求公开", "下降", "未填写"])
      expect(readsAsNumber(value)).toBe(false);
  });
});

describe("formatPercent and formatAmount", () => {
  it("write numbers as reports do", () => {
    expect(formatPercent(0.95)).toBe("95%");
    expect(formatPercent(0.0037)).toBe("0.37%");
    expect(formatPercent(0.9690000000000001)).toBe("96.9%");
    expect(formatAmount(722)).toBe("722");
    expect(formatAmount(12.345678)).toBe("12.3457");
  });
});

describe("withTargetUnit", () => {
  it("gives a bare actual the unit its target states", () => {
    expect(withTargetUnit("5200", "≥5000亩")).toBe("5200亩");
    expect(withTargetUnit("100", "≥95%")).toBe("100%");
    expect(withTargetUnit("95.6", "≥90％以上")).toBe("95.6%");
    expect(withTargetUnit("2950", "≤3000元")).toBe("2950元");
  });

  it("leaves an actual alone that has a unit, is words, or has nothing to borrow", () => {
    expect(withTargetUnit("100%", "＝100%")).toBe("100%");
    expect(withTargetUnit("准确", "准确")).toBe("准确");
    expect(withTargetUnit("12", "按要求")).toBe("12");
    expect(withTargetUnit("12", null)).toBe("12");
    expect(withTargetUnit("3", "≥5")).toBe("3");
  });
});
