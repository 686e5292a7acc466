import { operatorInName } from "../../../src/engine/values/operatorInName";

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
