import { classifyRows, tableColumns } from "../../../src/engine/detect/classifyRows";
import { headerBandAt } from "../../../src/engine/detect/findHeaders";
import { SheetView } from "../../../src/engine/detect/sheetView";
import { sheetFromRows } from "../../helpers/gridFromRows";
import { PROJECT_HEADER } from "../../helpers/templateHeaders";

// 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因
const columns = tableColumns({
  level1: 1,
  level2: 2,
  level3: 3,
  target: 4,
  actual: 5,
  max: 6,
  score: 7,
  reason: 8,
});

function classes(body: unknown[][], merges: string[] = []) {
  const view = new SheetView(sheetFromRows("表", [PROJECT_HEADER, ...body] as never, merges));
  const result = classifyRows(view, headerBandAt(view, 1)!, columns);
  return { kinds: result.rows.map((row) => [row.row, row.kind]), lastRow: result.lastRow };
}

describe("classifyRows (stage 4)", () => {
  it("tells indicators, not-applicable rows, template rows, breakdowns, categories and totals", () => {
    const { kinds, lastRow } = classes([
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 20, 20],
      [null, null, "其中：线上培训", "50人次", "60人次"],
      [null, null, "指标2："],
      [null, null, "……"],
      [null, "时效指标"],
      [null, "质量指标", "合格率", "/", "/", 10],
      [null, null, "知晓率", "≥90%", "无", 10],
      [null, null, null, "/", "—"],
      ["产出指标小计", null, null, 40, null, null, 30],
      ["合计", null, null, 100, null, null, 90],
      ["不属于本表的行", null, "x", "1", "1", 1, 1],
    ]);
    expect(kinds).toEqual([
      [2, "indicator"],
      [3, "breakdown"],
      [4, "template"],
      [5, "template"],
      [6, "group"],
      [7, "not-applicable"],
      // "无" in an actual answers a target; it does not say "does not apply".
      [8, "indicator"],
      [9, "template"],
      [10, "subtotal"],
      [11, "grand-total"],
    ]);
    expect(lastRow).toBe(11);
  });

  it("reads a 总分 written beside a text row as the grand total (永德)", () => {
    const { kinds } = classes([
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 90, 90],
      ["其他需要说明事项", "无", null, null, "总分", 100, 90],
    ]);
    expect(kinds).toEqual([
      [2, "indicator"],
      [3, "grand-total"],
    ]);
  });

  it("ends the table after five blank rows, unless a merged category covers them", () => {
    expect(
      classes([
        ["产出指标", "数量指标", "培训人次", "≥1", "1", 10, 10],
        [],
        [],
        [],
        [],
        [],
        [null, null, "远处", "1", "1", 1, 1],
      ]).lastRow
    ).toBe(2);
    const covered = classes(
      [
        ["产出指标", "数量指标", "培训人次", "≥1", "1", 10, 10],
        [],
        [],
        [],
        [],
        [],
        [null, null, "远处", "1", "1", 1, 1],
      ],
      ["A2:A8"]
    );
    expect(covered.kinds).toEqual([
      [2, "indicator"],
      [8, "indicator"],
    ]);
  });

  it("continues over the header repeated, and stops at another header or a text row", () => {
    const { kinds } = classes([
      ["产出指标", "数量指标", "培训人次", "≥1", "1", 10, 10],
      PROJECT_HEADER,
      ["效益指标", "社会效益指标", "知晓率", "≥90%", "95%", 10, 10],
      ["评价结论：完成年度目标。"],
      ["效益指标", "社会效益指标", "不读", "≥90%", "95%", 10, 10],
    ]);
    expect(kinds).toEqual([
      [2, "indicator"],
      [3, "header"],
      [4, "indicator"],
    ]);
  });

  it("opens a goal block at its title row, merged across the table", () => {
    const { kinds } = classes(
      [
        ["年度绩效目标2（40分）"],
        ["产出指标", "数量指标", "培训人次", "≥1", "1", 40, 40],
        ["说明文字写在表格中间，合并整行"],
      ],
      ["A2:H2", "A4:H4"]
    );
    expect(kinds).toEqual([
      [2, "block"],
      [3, "indicator"],
      [4, "text"],
    ]);
  });
});
