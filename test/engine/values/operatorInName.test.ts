import { operatorInName, targetInName } from "../../../src/engine/values/operatorInName";

describe("operatorInName", () => {
  it("reads the operator and unit a name states in brackets at its end", () => {
    expect(operatorInName("仓储用房（≥**平方米）")).toEqual({
      comparator: ">=",
      unit: "平方米",
      percent: false,
    });
    expect(operatorInName("培训人数(≥100人)")).toEqual({
      comparator: ">=",
      unit: "人",
      percent: false,
    });
    expect(operatorInName("群众满意度（不低于**%）")).toEqual({
      comparator: ">=",
      unit: null,
      percent: true,
    });
    expect(operatorInName("单位成本（≤**元）")).toEqual({
      comparator: "<=",
      unit: "元",
      percent: false,
    });
  });

  it("reads nothing from names without one", () => {
    expect(operatorInName("培训人数")).toBeNull();
    expect(operatorInName("发放(缴纳)覆盖率")).toBeNull();
    expect(operatorInName("（≥95%）的达标率")).toBeNull();
  });
});

describe("targetInName", () => {
  it("reads a target written at the end of the name, after its words", () => {
    expect(targetInName("指标1:年度资金支付完成率100%")).toBe("100%");
    expect(targetInName("按时开工率≥95%")).toBe("≥95%");
    expect(targetInName("培训人次不少于200人次")).toBe("不少于200人次");
    expect(targetInName("空气质量优良率达到85.5％")).toBe("达到85.5%");
  });

  it("takes no bare number with a unit, no bracketed operator and no name without a number", () => {
    for (const name of [
      "第1季度",
      "2024年",
      "完成率（%）",
      "仓储用房（≥**平方米）",
      "工程质量合格",
      "100%",
      "",
    ])
      expect([name, targetInName(name)]).toEqual([name, null]);
  });
});
