/**
 * Case 13: numbers typed as text throughout (1,000 / 96.90% / ≥95% / 5分 / １００％ / ﹦8个 /
 * 不低于95% / 12,450人) and Excel error values (#DIV/0! from a formula, #N/A typed).
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { indicatorRows, problemKeys, totalRows } from "./helpers/expectations";
import { loadLayout } from "./helpers/loadFixture";

describe("case 13: numbers as text (project-text-numbers.xlsx)", () => {
  it("detects the block and the table as usual", async () => {
    const [form] = detectForms(await loadLayout("project-text-numbers"));
    expect(form.budget).toEqual({
      headerRow: 5,
      columns: { initialBudget: 3, budget: 4, executed: 5, max: 6, rate: 7, score: 8 },
      totalRow: 6,
      partRows: [7, 8],
      label: "项目资金(万元)|年度资金总额",
      unit: "万元",
    });
    expect(form.table.headerTop).toBe(9);
    expect(indicatorRows(form)).toEqual([
      [10, "产出指标/数量指标", "新建集中供水工程处数"],
      [11, "产出指标/数量指标", "巩固提升受益人口"],
      [12, "产出指标/质量指标", "水质检测合格率"],
      [13, "产出指标/质量指标", "工程验收合格率"],
      [14, "产出指标/时效指标", "工程完工及时率"],
      [15, "产出指标/成本指标", "工程建设成本"],
      [16, "效益指标/社会效益指标", "农村自来水普及率"],
      [17, "效益指标/可持续影响指标", "工程运行管护制度"],
      [18, "满意度指标/服务对象满意度指标", "受益群众满意度"],
    ]);
    expect(totalRows(form)).toEqual([[19, ""]]);
  });

  it("reads the text numbers, scores around the #DIV/0! and totals 97.93 / 优", async () => {
    const result = scoreWorkbook(await loadLayout("project-text-numbers"));
    const form = result.report.forms[0];
    // 预算执行率: "969" / "1,000" = 96.9% → 0.969 × "10分" = 9.69 (entered "9.69")
    // 产出指标: 10 ("﹦8个" vs "8个" met) + 10 ("不低于12,000人" vs "12,450人") + 10 ("≥95%" vs
    //   "96.90%") + 10 ("１００％" vs "１００％") + 4.74 + 5 ("≤980万元" vs "969万元") = 49.74
    //   工程完工及时率: 得分 H14 is #DIV/0!, so computed: 0.90 / 0.95 × 5 = 4.736… → 4.74
    // 效益指标: 15 + 13.5 (达成年度指标, 13.5/15 = 90% in the 80–100% band) = 28.5
    // 满意度指标: 10
    // total 9.69 + 49.74 + 28.5 + 10 = 97.93 → 优
    expect(form.total).toEqual({ score: 97.93, max: 100, complete: true });
    expect(form.rating).toBe("优");
    expect(form.budget && [form.budget.max, form.budget.rate, form.budget.score]).toEqual([
      10, 0.969, 9.69,
    ]);
    const late = result.report.indicators.find((i) => i.name === "工程完工及时率")!;
    expect([late.max, late.score, late.scoreSource, late.targetMet]).toEqual([
      5,
      4.74,
      "computed",
      false,
    ]);
    // The two formulas showing #DIV/0! (H14's ROUND(…) and the 总分 H19) and nothing else: the
    // text 分值 "10分"… add up to the stated "100分", the text 其中 rows to "1,000" / "969".
    expect(problemKeys(result)).toEqual(["H14 formula-error", "H19 formula-error"]);
    expect(result.problems.map((p) => p.facts)).toEqual([
      { code: "formula-error", error: "#DIV/0!", formula: "ROUND(F14/E14*G14,2)" },
      { code: "formula-error", error: "#DIV/0!", formula: "SUM(H10:H18)+H6" },
    ]);
  });
});

describe("case 13: error values in cells (direct grids)", () => {
  it("still detects every row when targets, weights and scores hold errors", () => {
    const sheet = sheetFromRows("表", [
      ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"],
      ["产出指标", "数量指标", "培训人次", { error: "#VALUE!" }, "≥100人次", "120人次", 30],
      ["产出指标", "质量指标", "考核合格率", 30, { error: "#N/A" }, "96%", 30],
      [
        "效益指标",
        "社会效益指标",
        "满意度",
        40,
        "≥90%",
        "95%",
        { value: { error: "#DIV/0!" }, formula: "F4/E4*D4" },
      ],
      ["合计", null, null, { value: { error: "#VALUE!" }, formula: "SUM(D2:D4)" }, null, null, 100],
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.indicators.map((i) => i.row)).toEqual([2, 3, 4]);
    expect(totalRows(form)).toEqual([[5, ""]]);
  });

  it("does not merge a first data row of text-typed numbers into the header", () => {
    // The first data row holds only text ("5分", "≥95%"…) and must not be merged into the header.
    const sheet = sheetFromRows("表", [
      ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"],
      ["产出指标", "数量指标", "培训人次", "5分", "≥100人次", "120人次", "5分"],
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.headerBottom).toBe(1);
    expect(indicatorRows(form)).toEqual([[2, "产出指标/数量指标", "培训人次"]]);
  });
});
