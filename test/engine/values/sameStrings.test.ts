import { sameStrings } from "../../../src/engine/values/sameStrings";

describe("sameStrings", () => {
  it("is true for the same strings in the same order, and for one array with itself", () => {
    const path = ["产出指标", "数量指标"];
    expect(sameStrings(path, path)).toBe(true);
    expect(sameStrings(path, ["产出指标", "数量指标"])).toBe(true);
    expect(sameStrings([], [])).toBe(true);
  });

  it("is false for another order, another string or another length", () => {
    expect(sameStrings(["a", "b"], ["b", "a"])).toBe(false);
    expect(sameStrings(["a", "b"], ["a", "c"])).toBe(false);
    expect(sameStrings(["a"], ["a", "b"])).toBe(false);
    expect(sameStrings(["a", "b"], ["a"])).toBe(false);
  });
});
