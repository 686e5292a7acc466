import { headerBandAt } from "../../../src/engine/detect/findHeaders";
import { SheetView } from "../../../src/engine/detect/sheetView";
import { sheetFromRows } from "../../helpers/gridFromRows";

function bandOf(rows: unknown[][], merges: string[] = [], row = 1, lenient = false) {
  return headerBandAt(new SheetView(sheetFromRows("表", rows as never, merges)), row, lenient);
}

describe("headerBandAt (stage 1: header candidates)", () => {
  it("takes a row naming three columns, with a label and a value among them", () => {
    const band = bandOf([
      ["一级指标", "三级指标", "分值", "得分"],
      ["产出指标", "培训人次", 10, 10],
    ]);
    expect(band && [band.top, band.bottom, band.columns.map((c) => c.column)]).toEqual([
      1,
      1,
      [1, 2, 3, 4],
    ]);
  });

  it("refuses rows holding a number, rows of fewer than three header words, and labels without values", () => {
    expect(bandOf([["一级指标", "分值", 10, "得分"]])).toBeNull();
    expect(bandOf([["一级指标", "分值", "说明"]])).toBeNull();
    expect(bandOf([["一级指标", "二级指标", "三级指标"]])).toBeNull();
  });

  it("accepts two header words when a column map applies (lenient)", () => {
    expect(bandOf([["三级指标", "分值"]], [], 1, true)).not.toBeNull();
  });

  it("stacks a two-row header's texts per column, the lower row leaning more", () => {
    const band = bandOf(
      [
        ["绩效指标", null, "年度指标值", null, "实际完成值", "得分"],
        ["一级指标", "三级指标", "指标性质", "指标值"],
        ["产出指标", "培训人次", "≥", 100, 120, 10],
      ],
      ["A1:B1", "C1:D1", "E1:E2", "F1:F2"]
    )!;
    expect(band.wordRows).toEqual([1, 2]);
    expect(band.columns.map((column) => column.header)).toEqual([
      "绩效指标 / 一级指标",
      "绩效指标 / 三级指标",
      "年度指标值 / 指标性质",
      "年度指标值 / 指标值",
      "实际完成值",
      "得分",
    ]);
    const nature = band.columns[2].cues;
    expect(nature.nature).toBeGreaterThan(nature.target as number);
  });

  it("takes a row of units or column numbers under the header into it", () => {
    expect(
      bandOf([
        ["一级指标", "三级指标", "分值", "得分"],
        [null, null, "（分）", "（分）"],
      ])!.bottom
    ).toBe(2);
    expect(
      bandOf([
        ["一级指标", "三级指标", "分值", "得分"],
        [1, 2, 3, 4],
      ])!.bottom
    ).toBe(2);
  });

  it("finds a goal block's title in a label column merged down, or on the row above", () => {
    const merged = bandOf(
      [
        ["年度绩效目标1（40分）", "一级指标", "三级指标", "年初目标值", "得分"],
        [null, "产出指标", "人数", "≥5人", 10],
      ],
      ["A1:A2"]
    )!;
    expect(merged.blockTitle).toMatchObject({ title: "年度绩效目标1（40分）", cell: "A1" });
    expect(merged.coveredColumns).toEqual([1]);
    const above = bandOf(
      [
        ["年度目标1:(80分)", "增强政府工作效率"],
        ["年度绩效指标", "一级指标", "三级指标", "年初目标值", "得分"],
      ],
      [],
      2
    )!;
    expect(above.blockTitle).toMatchObject({ title: "年度目标1:(80分)", cell: "A1" });
  });

  it("leaves band label columns out of the signature, so that the next goal's header is the same header", () => {
    const rows = [
      ["年度绩效目标1（40分）", "一级指标", "三级指标", "年初目标值", "得分"],
      [null, "产出指标", "人数", "≥5人", 10],
      ["年度绩效目标2（40分）", "一级指标", "三级指标", "年初目标值", "得分"],
      [null, "产出指标", "次数", "≥5次", 10],
    ];
    const view = new SheetView(sheetFromRows("表", rows as never, ["A1:A2", "A3:A4"]));
    expect(headerBandAt(view, 1)!.signature).toBe(headerBandAt(view, 3)!.signature);
  });
});
