/**
 * Case 7: the 项目资金 block above the indicator table — the national one (年初预算数 | 全年预算数 |
 * 全年执行数 | 分值 | 执行率 | 得分, with 年度资金总额 and its 其中 rows) and a shorter one (预算数 |
 * 执行数 | 执行率 | 权重 | 得分). Its 分值/得分 columns are not the indicator table's. The 安徽 case
 * leaves 年度资金总额 at 0 while its 其中 row holds 90 / 89.974 / 89.974.
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { indicatorRows, problemKeys } from "./helpers/expectations";
import { loadLayout } from "./helpers/loadFixture";

describe("case 7: national 项目资金 block (project-anhui-budget.xlsx, 安徽 2022)", () => {
  it("finds the block on rows 5–9 and keeps its columns apart from the indicator table's", async () => {
    const [form] = detectForms(await loadLayout("project-anhui-budget"));
    expect(form.budget).toEqual({
      headerRow: 5,
      columns: { initialBudget: 3, budget: 4, executed: 5, max: 6, rate: 7, score: 8 },
      totalRow: 6, // 年度资金总额
      partRows: [7, 8, 9], // 其中：当年财政拨款, 上年结转资金, 其他资金
      label: "项目资金(万元)|年度资金总额",
      unit: "万元", // 项目资金（万元）
    });
    // The indicator table's 分值/得分 are G/H (7/8), not the block's F/H.
    expect(form.table.headerTop).toBe(12);
    expect(form.table.columns).toMatchObject({ target: 5, actual: 6, max: 7, score: 8, reason: 9 });
    expect(form.table.indicators.map((i) => i.row)).toEqual([13, 14, 15, 16, 17, 18, 19]);
    expect(form.info.year).toBe(2022);
  });

  it("reports 年度资金总额 0 against its 其中 rows, on the total row's own cells", async () => {
    const result = scoreWorkbook(await loadLayout("project-anhui-budget"));
    expect(problemKeys(result)).toEqual([
      "C6 total-mismatch", // 年初预算数: stated 0, 其中 90
      "D6 missing-value", // 全年预算数 0: no 执行率 can be computed
      "D6 total-mismatch", // 全年预算数: stated 0, 其中 89.974
      "E6 total-mismatch", // 全年执行数: stated 0, 其中 89.974
      "G6 formula-error", // 执行率 =E6/D6 shows #DIV/0!
    ]);
    const mismatch = (cell: string) =>
      result.problems.find((p) => p.cell === cell && p.code === "total-mismatch")!.facts;
    expect(mismatch("C6")).toMatchObject({ stated: 0, sum: 90, field: "initialBudget" });
    expect(mismatch("D6")).toMatchObject({ stated: 0, field: "budget" });
    expect(mismatch("E6")).toMatchObject({ stated: 0, field: "executed" });
    // The sum of 89.974 is reported to two decimals (see the report on sum2 for money).
    expect((mismatch("D6") as { sum: number }).sum).toBeCloseTo(89.974, 1);
    expect(
      result.problems.find((p) => p.cell === "D6" && p.code === "missing-value")!.facts
    ).toMatchObject({
      because: "budget-zero",
    });
  });

  it("takes the typed 得分 10 for the budget line and totals 99.89", async () => {
    const result = scoreWorkbook(await loadLayout("project-anhui-budget"));
    const form = result.report.forms[0];
    // No 执行率 (全年预算数 0), the officer's 得分 H6 = 10 stands.
    expect(form.budget && [form.budget.rate, form.budget.score, form.budget.scoreSource]).toEqual([
      null,
      10,
      "entered",
    ]);
    // Indicators: 20 + 9.89 + 10 + 10 + 15 + 15 + 10 = 89.89
    //   (户厕改造验收合格率 0.94 / 0.95 × 10 = 9.894… → 9.89, entered 9.89)
    // total 89.89 + 10 = 99.89 → 优; 总分 G20 100 = 90 + F6 10, H20 99.89 = 89.89 + H6 10.
    expect(form.total).toEqual({ score: 99.89, max: 100, complete: true });
    expect(form.rating).toBe("优");
  });
});

describe("case 7: national block with 年度总体目标 (project-yunnan-split-target.xlsx)", () => {
  it("stops the block at 年度总体目标", async () => {
    const [form] = detectForms(await loadLayout("project-yunnan-split-target"));
    expect(form.budget).toEqual({
      headerRow: 5,
      columns: { initialBudget: 3, budget: 4, executed: 5, max: 6, rate: 7, score: 8 },
      totalRow: 6,
      partRows: [7, 8],
      label: "项目资金(万元)|年度资金总额",
      unit: "万元",
    });
    // The indicator block's 分值/得分 are I/J.
    expect([form.table.columns.max, form.table.columns.score]).toEqual([9, 10]);
  });
});

describe("case 7 + 8: short block 预算数 | 执行数 | 执行率 | 权重 | 得分 (project-short-budget-weights.xlsx)", () => {
  it("finds the short block and the 权重 / 指标名称 / 未完成原因分析 table below it", async () => {
    const [form] = detectForms(await loadLayout("project-short-budget-weights"));
    expect(form.budget).toEqual({
      headerRow: 5,
      columns: { budget: 2, executed: 3, rate: 4, max: 5, score: 6 },
      totalRow: 6, // 资金总额
      partRows: [7, 8], // 其中：财政资金, 其他资金
      label: "项目资金情况(万元)|资金总额",
      unit: "万元",
    });
    expect(form.table.headerTop).toBe(10);
    expect(form.table.columns).toEqual({
      level1: 1,
      level2: 2,
      name: 3, // 指标名称
      target: 4, // 年度目标值
      actual: 5,
      max: 6, // 权重
      score: 7, // 自评得分
      reason: 8, // 未完成原因分析
    });
    // The block's 权重 (E) is the table's 实际完成值 column and its 得分 (F) the table's 权重.
    expect(form.budget!.columns.max).not.toBe(form.table.columns.max);
    expect(form.budget!.columns.score).not.toBe(form.table.columns.score);
    expect(form.table.levelColumns).toEqual([1, 2]);
    expect(form.table.nameColumn).toBe(3);
    expect(indicatorRows(form)).toEqual([
      [11, "产出指标/数量指标", "服务老年人数"],
      [12, "产出指标/数量指标", "新建社区养老服务站点"],
      [13, "产出指标/质量指标", "服务质量抽查合格率"],
      [14, "产出指标/时效指标", "补助资金发放及时率"],
      [15, "产出指标/成本指标", "人均服务补助标准"],
      [16, "效益指标/社会效益指标", "老年人生活质量"],
      [17, "效益指标/可持续影响指标", "养老服务长效机制"],
      [18, "满意度指标/服务对象满意度指标", "老年人满意度"],
    ]);
    expect(form.table.totalRows).toEqual([{ row: 19, path: [] }]);
  });

  it("scores it 90.95 / 优", async () => {
    const result = scoreWorkbook(await loadLayout("project-short-budget-weights"));
    const form = result.report.forms[0];
    // 预算执行率: 460 / 500 = 92% → 0.92 × 权重 10 = 9.2
    // 产出指标: 15 + 8.75 + 10 + 5 + 10 = 48.75 (新建站点 7 of 8个: 7 / 8 × 10 = 8.75)
    // 效益指标: 13 + 10 = 23 (达成预期指标 13/15 in 80–100%; 部分达成 10/15 in 60–80%)
    // 满意度指标: 10
    // total 9.2 + 48.75 + 23 + 10 = 90.95 → 优; 合计 F19 100 = 90 + E6 10, G19 90.95 = 81.75 + F6 9.2.
    expect(form.total).toEqual({ score: 90.95, max: 100, complete: true });
    expect(form.rating).toBe("优");
    expect(form.budget && [form.budget.max, form.budget.rate, form.budget.score]).toEqual([
      10, 0.92, 9.2,
    ]);
    expect(problemKeys(result)).toEqual([]);
  });
});

describe("case 7: block edge cases (direct grids)", () => {
  it("lists the 其中 rows first when the total comes last (合计)", () => {
    const sheet = sheetFromRows("表", [
      ["项目资金（万元）", "预算数", "执行数", "执行率", "分值", "得分"],
      ["财政资金", 80, 76, 0.95, undefined, undefined],
      ["其他资金", 20, 19, 0.95, undefined, undefined],
      ["合计", 100, 95, 0.95, 10, 9.5],
      [],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 90, 90],
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.budget).toMatchObject({ headerRow: 1, totalRow: 4, partRows: [2, 3] });
    expect(form.table.headerTop).toBe(6);
  });

  it("ignores a block header with no row under it, and still finds the table right below", () => {
    // The empty block must not swallow the indicator header as its 年度资金总额 row.
    const sheet = sheetFromRows("表", [
      ["项目资金（万元）", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 100, 100],
    ]);
    const forms = detectForms(workbookOf(sheet));
    expect(forms).toHaveLength(1);
    expect(forms[0].budget).toBeNull();
    expect(forms[0].table.headerTop).toBe(2);
    expect(indicatorRows(forms[0])).toEqual([[3, "产出指标/数量指标", "培训人次"]]);
  });

  it("gives no block for a block header on the sheet's last row", () => {
    const sheet = sheetFromRows("表", [["项目资金", "全年预算数", "全年执行数", "执行率"]]);
    expect(detectForms(workbookOf(sheet))).toEqual([]);
  });
});
