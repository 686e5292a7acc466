import { contentCues, maxScoreCue, profileColumn } from "../../../src/engine/detect/columnContent";
import { SheetView } from "../../../src/engine/detect/sheetView";
import { sheetFromRows } from "../../helpers/gridFromRows";

const sheet = sheetFromRows("表", [
  [
    "产出指标",
    "培训人次",
    "≥",
    "≥100人次",
    "120人次",
    10,
    9.5,
    "1、资料齐全（1分）；2、程序规范（2分）",
    "%",
  ],
  ["产出指标", "合格率", "≤", "≥95%", "96%", 10, 10, "完全达到得满分，否则酌情扣分", "个"],
  ["效益指标", "知晓率", "=", "=100%", "98%", 20, 19, "每少1个百分点扣0.5分", "万元"],
]);
const view = new SheetView(sheet);
const rows = [1, 2, 3];
const profile = (column: number, covered = false) => profileColumn(view, column, rows, covered);

describe("column content (evidence for stage 3)", () => {
  it("counts what each column holds", () => {
    expect(profile(6)).toMatchObject({ filled: 3, plainNumbers: 3, numbers: [10, 10, 20] });
    expect(profile(4)).toMatchObject({ withOperator: 3 });
    expect(profile(5)).toMatchObject({ measured: 3 });
    expect(profile(3)).toMatchObject({ operators: 3 });
    expect(profile(9)).toMatchObject({ units: 3 });
    expect(profile(1)).toMatchObject({ categories: 3, distinct: 2 });
    expect(profile(8)).toMatchObject({ rubricText: 3 });
  });

  it("turns it into cues", () => {
    expect(contentCues(profile(6)).max!.weight).toBeGreaterThan(0);
    expect(contentCues(profile(6)).name!.weight).toBeLessThan(0);
    expect(contentCues(profile(4)).target!.weight).toBeGreaterThan(0);
    expect(contentCues(profile(3)).nature!.weight).toBeGreaterThanOrEqual(8);
    expect(contentCues(profile(9)).unit!.weight).toBeGreaterThan(0);
    expect(contentCues(profile(1)).level1!.weight).toBeGreaterThan(0);
    expect(contentCues(profile(8)).score!.weight).toBeLessThan(0);
    expect(contentCues(profile(2)).name!.weight).toBeGreaterThan(0);
  });

  it("says nothing of an empty column, and rules out one the header merges down over", () => {
    expect(contentCues(profileColumn(view, 12, rows, false))).toEqual({});
    const covered = contentCues(profile(6, true));
    expect(covered.max!.weight).toBeLessThan(-10);
    expect(covered.max!.why).toMatch(/合并/);
  });

  it("compares 分值 and 得分 row by row", () => {
    expect(maxScoreCue(profile(6), profile(7))!.weight).toBeGreaterThan(0);
    expect(maxScoreCue(profile(7), profile(6))!.weight).toBeLessThan(0);
  });
});
