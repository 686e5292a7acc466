/**
 * Case 3: a two-row header with merged group cells — "绩效指标" over 一级/二级/三级 and "年度指标值"
 * over 指标性质 | 指标值 | 度量单位 (云南/四川 style), with 实际完成值/分值/得分/偏差原因 merged down
 * both header rows.
 * Case 4: the target split into 指标性质 (=, ≥, ≤) + 指标值 (a real number) + 度量单位.
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { indicatorRows, problemKeys, totalRows } from "./helpers/expectations";
import { loadLayout } from "./helpers/loadFixture";

describe("case 3: two-row header with merged group cells (project-yunnan-split-target.xlsx)", () => {
  it("spans the header over rows 11–12 and takes each column from the row that names it", async () => {
    const forms = detectForms(await loadLayout("project-yunnan-split-target"));
    expect(forms).toHaveLength(1);
    const table = forms[0].table;
    expect(table.headerTop).toBe(11);
    expect(table.headerBottom).toBe(12);
    // Row 11: A11:A12 序号, B11:D11 绩效指标, E11:G11 年度指标值, H–K merged down 实际完成值/分值/得分/偏差原因.
    // Row 12: 一级/二级/三级 in B–D and 指标性质/指标值/度量单位 in E–G.
    expect(table.columns).toEqual({
      level1: 2,
      level2: 3,
      level3: 4,
      nature: 5,
      target: 6,
      unit: 7,
      actual: 8,
      max: 9,
      score: 10,
      reason: 11,
    });
    expect(table.levelColumns).toEqual([2, 3]);
    expect(table.nameColumn).toBe(4);
  });

  it("reads nine indicators (rows 13–21) and the 总分 row 22", async () => {
    const [form] = detectForms(await loadLayout("project-yunnan-split-target"));
    expect(indicatorRows(form)).toEqual([
      [13, "产出指标/数量指标", "完成高标准农田建设面积"],
      [14, "产出指标/数量指标", "新建机耕道路长度"],
      [15, "产出指标/质量指标", "工程验收合格率"],
      [16, "产出指标/时效指标", "项目按期完工率"],
      [17, "产出指标/成本指标", "亩均建设成本"],
      [18, "效益指标/经济效益指标", "项目区粮食亩均增产"],
      [19, "效益指标/社会效益指标", "受益农户数"],
      [20, "效益指标/可持续影响指标", "工程设施设计使用年限"],
      [21, "满意度指标/服务对象满意度指标", "受益群众满意度"],
    ]);
    expect(totalRows(form)).toEqual([[22, ""]]);
    expect(form.table.lastRow).toBe(22);
  });

  it("reads '一级/二级/三级' written short under a '指标' group cell", () => {
    const sheet = sheetFromRows(
      "表",
      [
        ["指标", undefined, undefined, "分值", "年度指标值", "实际完成值", "得分"],
        ["一级", "二级", "三级"],
        ["产出指标", "数量指标", "新增学位数", 10, "≥300个", "320个", 10],
      ],
      ["A1:C1", "D1:D2", "E1:E2", "F1:F2", "G1:G2"]
    );
    const [form] = detectForms(workbookOf(sheet));
    expect([form.table.headerTop, form.table.headerBottom]).toEqual([1, 2]);
    expect(form.table.levelColumns).toEqual([1, 2]);
    expect(form.table.nameColumn).toBe(3);
    expect(indicatorRows(form)).toEqual([[3, "产出指标/数量指标", "新增学位数"]]);
  });
});

describe("case 4: target split into 指标性质 + 指标值 + 度量单位", () => {
  it("joins the three cells into one target and scores on it (all targets met)", async () => {
    const result = scoreWorkbook(await loadLayout("project-yunnan-split-target"));
    const byName = new Map(result.report.indicators.map((i) => [i.name, i]));
    // E13 "≥" + F13 5000 (a real number) + G13 "亩"; actual H13 5200 ≥ 5000.
    const area = byName.get("完成高标准农田建设面积")!;
    expect([area.target, area.kind, area.targetMet, area.computedScore]).toEqual([
      "≥5000亩",
      "quantitative",
      true,
      15,
    ]);
    // E15 "＝" (full width) + 100 + "%": =100%, actual "100%" → met, 10 of 10.
    const quality = byName.get("工程验收合格率")!;
    expect([quality.target, quality.targetMet, quality.computedScore]).toEqual([
      "＝100%",
      true,
      10,
    ]);
    // "≥" 95 "%" against the bare 100 → 100% ≥ 95%: met, 5 of 5.
    expect(byName.get("项目按期完工率")!.computedScore).toBe(5);
    // "≤" 3000 "元" against 2950: a negative indicator, met, 10 of 10.
    const cost = byName.get("亩均建设成本")!;
    expect([cost.target, cost.targetMet, cost.computedScore]).toEqual(["≤3000元", true, 10]);
  });

  it("totals 96.5 / 优 and flags the two rows that lost points with no reason (云南 case)", async () => {
    const result = scoreWorkbook(await loadLayout("project-yunnan-split-target"));
    const form = result.report.forms[0];
    // 预算执行率: 1406 / 1480 = 95% → 0.95 × 10 = 9.5 (entered 9.5)
    // 产出指标: 15 + 10 + 9 + 5 + 10 = 49 (工程验收合格率 entered 9 though met)
    // 效益指标: 10 + 8 + 10 = 28 (受益农户数 1236 ≥ 1200, entered 8)
    // 满意度指标: 10 (95.6 against ≥90%: 95.6% met)
    // total 9.5 + 49 + 28 + 10 = 96.5 → 优; 总分 I22 100 = 90 + F6 10, J22 96.5 = 87 + H6 9.5.
    expect(form.total).toEqual({ score: 96.5, max: 100, complete: true });
    expect(form.rating).toBe("优");
    expect(form.budget && [form.budget.rate, form.budget.score]).toEqual([0.95, 9.5]);
    expect(problemKeys(result)).toEqual([
      "J15 score-differs", // entered 9, computed 10
      "J19 score-differs", // entered 8, computed 10
      "K15 reason-missing",
      "K19 reason-missing",
    ]);
  });

  it("flags a quantitative target met with the word 完成 (四川 case)", () => {
    const sheet = sheetFromRows("表", [
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "实际完成值",
        "分值",
        "得分",
      ],
      ["产出指标", "成本指标", "成本控制数", "≤", 30, "万元", "完成", 10, 10],
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.columns).toMatchObject({ nature: 4, target: 5, unit: 6, actual: 7 });
    const result = scoreWorkbook(workbookOf(sheet));
    expect(result.report.indicators[0].target).toBe("≤30万元");
    expect(result.report.indicators[0].kind).toBe("quantitative");
    expect(problemKeys(result)).toContain("G2 not-a-number");
  });
});

describe("case 3: rows that continue a header (direct grids)", () => {
  const HEADER = ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"];
  const ROW_A = ["履职效能", "重点工作", "重点任务完成率", 50, "100%", "100%", 50];
  const ROW_B = ["管理效能", "预算管理", "预算执行率", 50, "≥95%", "96%", 50];

  it("takes a row of units in brackets under the header as part of it", () => {
    const sheet = sheetFromRows("表", [
      HEADER,
      [null, null, null, "（分）", null, null, "（分）"],
      ROW_A,
      ROW_B,
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect([form.table.headerTop, form.table.headerBottom]).toEqual([1, 2]);
    expect(form.table.indicators.map((i) => i.row)).toEqual([3, 4]);
  });

  it("takes a row of column numbers (栏次 1 2 3 …) under the header as part of it", () => {
    const sheet = sheetFromRows("表", [HEADER, [1, 2, 3, 4, 5, 6, 7], ROW_A, ROW_B]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.headerBottom).toBe(2);
    expect(indicatorRows(form)).toEqual([
      [3, "履职效能/重点工作", "重点任务完成率"],
      [4, "管理效能/预算管理", "预算执行率"],
    ]);
  });

  it("reads a table printed over two pages (续表, header repeated) as one form", () => {
    const sheet = sheetFromRows("表", [
      HEADER,
      ROW_A,
      ["续表"],
      HEADER,
      ROW_B,
      ["合计", null, null, 100, null, null, 100],
    ]);
    const forms = detectForms(workbookOf(sheet));
    expect(forms).toHaveLength(1);
    expect(forms[0].table.indicators.map((i) => i.row)).toEqual([2, 5]);
    expect(totalRows(forms[0])).toEqual([[6, ""]]);
  });

  it("does not start an empty form at a repeated header that ends the sheet", () => {
    const sheet = sheetFromRows("表", [HEADER, ROW_A, ROW_B, HEADER]);
    const forms = detectForms(workbookOf(sheet));
    expect(forms).toHaveLength(1);
    expect(forms[0].table.indicators.map((i) => i.row)).toEqual([2, 3]);
    expect(forms[0].table.lastRow).toBe(4);
  });

  it("starts another form at a header that names other columns", () => {
    const sheet = sheetFromRows("表", [
      HEADER,
      ROW_A,
      [
        "一级指标",
        "二级指标",
        "指标名称",
        "权重",
        "指标值",
        "完成值",
        "自评得分",
        "未完成原因分析",
      ],
      ["产出指标", "数量指标", "培训人次", 100, "≥100人次", "120人次", 100],
    ]);
    const forms = detectForms(workbookOf(sheet));
    expect(
      forms.map((form) => [form.table.headerTop, form.table.indicators.map((i) => i.row)])
    ).toEqual([
      [1, [2]],
      [3, [4]],
    ]);
  });
});
