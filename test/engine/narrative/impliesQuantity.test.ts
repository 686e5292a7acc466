import { impliesQuantity } from "../../../src/engine/narrative/findNarrativeIssues";
import { normaliseText } from "../../../src/engine/values/normaliseText";

/** The definition as first written: a regular expression drops the closers at the end. */
function reference(name: string, endings: readonly string[]): boolean {
  const normalised = normaliseText(name).replace(/[)）"”'’]+$/, "");
  return endings.some((ending) => normalised.slice(-ending.length) === normaliseText(ending));
}

describe("impliesQuantity", () => {
  const endings = ["率", "人次", "数", "生活质量", "数量 ", "（次）", "％"];
  it.each([
    "固定资产利用率",
    "培训人次）",
    "培训人次”’",
    "“受益人数”",
    "老年人生活质量",
    "工程质量",
    "达标率(%)",
    "完成数量",
    "完成 数 量",
    "出勤（次）)",
    "合格率％",
    "",
    ")）",
    "率）） ",
    "服务满意度",
  ])("%j says what the first definition says", (name) => {
    expect(impliesQuantity(name, endings)).toBe(reference(name, endings));
  });

  it("measures by the ending as written, as the first definition did", () => {
    // "数量 " normalises to "数量" but is cut by its own length, with the space.
    expect(impliesQuantity("完成数量", ["数量 "])).toBe(reference("完成数量", ["数量 "]));
    expect(impliesQuantity("任务数量", ["数量"])).toBe(true);
    expect(impliesQuantity("数量", [])).toBe(false);
  });
});
