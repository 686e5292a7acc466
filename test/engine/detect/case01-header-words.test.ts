/**
 * Case 1: header cells as people type them — spaces and line breaks inside the words ("一级\n指标",
 * "分 值", "自评\r\n得分"), full-width and ideographic characters, and rich-text cells (which the
 * adapter flattens to their text).
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { indicatorRows, problemKeys, totalRows } from "./helpers/expectations";
import { loadLayout } from "./helpers/loadFixture";

describe("case 1: messy header words (department-messy-header.xlsx)", () => {
  it("finds the header on row 4 and every column despite line breaks, spaces and rich text", async () => {
    const forms = detectForms(await loadLayout("department-messy-header"));
    expect(forms).toHaveLength(1);
    const table = forms[0].table;
    expect(table.headerTop).toBe(4);
    expect(table.headerBottom).toBe(4);
    // A4 rich text "一级"+"\n指标", B4 "二级 指标", C4 rich "三级指标", D4 "分<ideographic space>值\n（分）",
    // E4 "年度\n指标值", F4 rich "实际"+"\n"+"完成值", G4 "自评\n得分", H4 "偏差原因分析\n及改进措施".
    expect(table.columns).toEqual({
      level1: 1,
      level2: 2,
      level3: 3,
      max: 4,
      target: 5,
      actual: 6,
      score: 7,
      reason: 8,
    });
    expect(table.levelColumns).toEqual([1, 2]);
    expect(table.nameColumn).toBe(3);
  });

  it("reads the 13 indicators under their merged 一级/二级 and the 合计 row", async () => {
    const [form] = detectForms(await loadLayout("department-messy-header"));
    expect(indicatorRows(form)).toEqual([
      [5, "履职效能/交通基础设施建设", "农村公路新改建里程"],
      [6, "履职效能/交通基础设施建设", "公路养护工程完工率"],
      [7, "履职效能/交通基础设施建设", "危桥改造座数"],
      [8, "履职效能/运输服务保障", "城乡公交线路通达率"],
      [9, "履职效能/运输服务保障", "重大道路运输安全事故起数"],
      [10, "履职效能/社会满意度", "群众出行满意度"],
      [11, "管理效能/预算编制", "预算编制准确性"],
      [12, "管理效能/预算执行", "预算执行率"],
      [13, "管理效能/信息公开", "预决算信息公开及时性"],
      [14, "管理效能/绩效管理", "绩效目标编报覆盖率"],
      [15, "管理效能/采购管理", "政府采购执行率"],
      [16, "管理效能/资产管理", "固定资产利用率"],
      [17, "管理效能/运行成本", "“三公”经费控制率"],
    ]);
    // "合  计" merged A18:C18.
    expect(totalRows(form)).toEqual([[18, ""]]);
    expect(form.table.lastRow).toBe(18);
    expect(form.budget).toBeNull();
  });

  it("scores it 99.6 / 优 with no problem", async () => {
    const result = scoreWorkbook(await loadLayout("department-messy-header"));
    const form = result.report.forms[0];
    expect(form.profile).toBe("department");
    // 履职效能: 10 + 9.79 + 8 + 12 + 5 + 5 = 49.79
    //   (公路养护工程完工率 93% of ≥95%: 0.93 / 0.95 × 10 = 9.789… → 9.79, entered 9.79)
    // 管理效能: 3 + 3.81 + 4 + 15 + 10 + 10 + 4 = 49.81
    //   (预算执行率 90.4% of ≥95%: 0.904 / 0.95 × 4 = 3.806… → 3.81, entered 3.81)
    // total 49.79 + 49.81 = 99.6 ≥ 90 → 优; weights 50 + 50 = 100.
    expect(form.total).toEqual({ score: 99.6, max: 100, complete: true });
    expect(form.rating).toBe("优");
    const top = result.report.groups.filter((group) => group.path.length === 1);
    expect(top.map((group) => [group.path[0], group.score, group.max])).toEqual([
      ["履职效能", 49.79, 50],
      ["管理效能", 49.81, 50],
    ]);
    // 固定资产利用率 "≥９５％" / "９８.２％" (full-width) read as ≥95% / 98.2%: met, full marks.
    const assets = result.report.indicators.find((i) => i.name === "固定资产利用率");
    expect(assets && [assets.kind, assets.targetMet, assets.computedScore]).toEqual([
      "quantitative",
      true,
      10,
    ]);
    // 合计 D18 = 100 and G18 = 99.6 match their parts; stated 优 matches.
    expect(problemKeys(result)).toEqual([]);
  });
});

describe("case 1: header words typed every which way (direct grids)", () => {
  const data = ["产出指标", "数量指标", "培训人次", 10, "≥100人次", "120人次", 10, null];

  it.each([
    [
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "分值",
        "年度指标值",
        "实际完成值",
        "得分",
        "偏差原因分析及改进措施",
      ],
    ],
    [
      [
        "一级\n指标",
        "二级\r\n指标",
        "三级 指标",
        "分 值",
        "年度\n指标值",
        "实际\r\n完成值",
        "自评\r\n得分",
        "偏差原因分析\n及改进措施",
      ],
    ],
    [
      [
        "一级\u3000指标",
        " 二级指标 ",
        "三\u200b级指标",
        "分值（分）",
        "年度指标值（A）",
        "实际完成值（B）",
        "得\u3000分",
        "偏差原因分析及改进措施",
      ],
    ],
    [
      [
        "一级\t指标",
        "二级指标\n",
        "三级指标",
        "分\u3000值\n（分）",
        "指标值",
        "全年实际完成值",
        "自评得分（分）",
        "未完成原因分析",
      ],
    ],
  ])("reads %j as the same eight columns", (header) => {
    const sheet = sheetFromRows("表", [header, data]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.columns).toEqual({
      level1: 1,
      level2: 2,
      level3: 3,
      max: 4,
      target: 5,
      actual: 6,
      score: 7,
      reason: 8,
    });
    expect(indicatorRows(form)).toEqual([[2, "产出指标/数量指标", "培训人次"]]);
  });

  it("does not take a 评分标准 column for the score column", () => {
    const sheet = sheetFromRows("表", [
      ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "年度指标值", "实际完成值", "得分"],
      [
        "产出指标",
        "数量指标",
        "培训人次",
        10,
        "完成得满分，未完成按比例得分",
        "≥100人次",
        "120人次",
        10,
      ],
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.columns.score).toBe(8);
    expect(form.table.columns.target).toBe(6);
  });

  it("takes 扣分原因 for the reason column", () => {
    const sheet = sheetFromRows("表", [
      ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分", "扣分原因"],
      data,
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.columns.reason).toBe(8);
  });
});
