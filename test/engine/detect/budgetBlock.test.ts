import {
  budgetHeaderAt,
  budgetRoleOf,
  readBudgetBlock,
} from "../../../src/engine/detect/budgetBlock";
import { SheetView } from "../../../src/engine/detect/sheetView";
import { normaliseText } from "../../../src/engine/values/normaliseText";
import { sheetFromRows } from "../../helpers/gridFromRows";
import { BUDGET_HEADER } from "../../helpers/templateHeaders";

function block(rows: unknown[][]) {
  const view = new SheetView(sheetFromRows("表", rows as never));
  const header = budgetHeaderAt(view, 1);
  return header ? readBudgetBlock(view, header, () => false) : null;
}

describe("the 项目资金 / 预算执行情况 block", () => {
  it("reads 得分(20分*执行率) as the score, whatever it mentions", () => {
    expect(budgetRoleOf(normaliseText("得分（20分*执行率）"))).toBe("score");
    expect(budgetRoleOf(normaliseText("执行率（B/A）"))).toBe("rate");
    expect(budgetRoleOf(normaliseText("预算数（A）"))).toBe("budget");
    expect(budgetRoleOf(normaliseText("年初预算数（A）"))).toBe("initialBudget");
  });

  it("takes its 分值 from its header's label and knows a % 执行率 column (湖北)", () => {
    expect(
      block([
        [
          "预算执行情况（万元）（20分）",
          "预算数（A）",
          "执行数（B）",
          "执行率（%）",
          "得分(20分*执行率)",
        ],
        ["年度财政资金总额", 10, 10, 100, 20],
      ])
    ).toEqual({
      headerRow: 1,
      columns: { budget: 2, executed: 3, rate: 4, score: 5 },
      totalRow: 2,
      partRows: [],
      label: "预算执行情况(万元)(20分)|年度财政资金总额",
      unit: "万元", // 预算执行情况（万元）
      statedMax: { value: 20, cell: "A1" },
      ratePercent: true,
    });
  });

  it("takes the column of amounts when two headers name the budget (四川: 年度预算数 over the row labels)", () => {
    const read = block([
      [
        "预算执行情况(10分)",
        "年度预算数(万元)",
        "年初预算",
        "调整后预算数",
        "预算执行数",
        "预算执行率",
        "权重",
        "得分",
      ],
      [null, "总额", 238.93, 251.89, 251.89, 1, 10, null],
      [null, "其中:财政资金", 238.93, 251.89, 251.89, 1, "/", "/"],
    ]);
    expect(read!.columns).toEqual({
      budget: 4,
      initialBudget: 3,
      executed: 5,
      rate: 6,
      max: 7,
      score: 8,
    });
    expect(read!.partRows).toEqual([3]);
  });

  it("reads a department block of 年初预算数(A) and 全年执行数(B) only", () => {
    expect(
      block([
        ["资金", "年初预算数（A）", "全年执行数（B）"],
        ["合计", 10, 9],
      ])!.columns
    ).toEqual({
      initialBudget: 2,
      executed: 3,
    });
  });

  it("needs an executed amount and something to divide it by", () => {
    expect(
      block([
        ["资金", "全年执行数"],
        ["合计", 9],
      ])
    ).toBeNull();
    expect(
      block([
        ["资金", "全年预算数", "分值"],
        ["合计", 9, 10],
      ])
    ).toBeNull();
  });
});

describe("the unit the block states its amounts in", () => {
  const header = ["项目资金（元）", ...BUDGET_HEADER.slice(1)];
  const total = ["年度资金总额", null, 900000, 900000, 810000, 10, 0.9, 9];
  const unitOf = (rows: unknown[][]) => {
    const view = new SheetView(sheetFromRows("表", rows as never));
    const at = budgetHeaderAt(view, 2);
    return at ? readBudgetBlock(view, at, () => false)?.unit : undefined;
  };

  it("is the block's own (元) over a form-wide 单位：万元 above it", () => {
    expect(unitOf([["单位：万元"], header, total])).toBe("元");
  });

  it("is the row above's when the block states none", () => {
    const plain = ["项目资金", ...BUDGET_HEADER.slice(1)];
    expect(unitOf([["单位：元"], plain, total])).toBe("元");
    expect(unitOf([["单位：万元"], plain, total])).toBe("万元");
  });
});
