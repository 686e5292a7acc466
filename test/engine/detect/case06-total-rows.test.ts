/**
 * Case 6: 合计 / 总分 rows (label merged across columns) and 小计 rows per 一级 — "产出指标小计"
 * merged over the label columns, a bare "小计" in the 三级 column, and "小计" merged over 二级–三级.
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { indicatorRows, problemKeys, totalRows } from "./helpers/expectations";
import { loadLayout } from "./helpers/loadFixture";

describe("case 6: 小计 and 合计 rows (project-subtotals.xlsx)", () => {
  it("tells the 小计/合计 rows from the indicators and names each 小计 by its 一级", async () => {
    const [form] = detectForms(await loadLayout("project-subtotals"));
    expect(form.table.headerTop).toBe(3);
    expect(indicatorRows(form)).toEqual([
      [4, "产出指标/数量指标", "培训基层医务人员人次"],
      [5, "产出指标/数量指标", "开展义诊活动场次"],
      [6, "产出指标/质量指标", "培训考核合格率"],
      [7, "产出指标/时效指标", "培训任务完成及时率"],
      [8, "产出指标/成本指标", "人均培训成本"],
      [10, "效益指标/社会效益指标", "基层诊疗人次增长率"],
      [11, "效益指标/社会效益指标", "群众健康知识知晓率"],
      [12, "效益指标/可持续影响指标", "基层医疗服务能力"],
      [14, "满意度指标/服务对象满意度指标", "参训人员满意度"],
    ]);
    expect(totalRows(form)).toEqual([
      [9, "产出指标"], // A9:C9 "产出指标小计"
      [13, "效益指标"], // C13 "小计", A10:A13 merged 效益指标
      [15, "满意度指标"], // B15:C15 "小计", A14:A15 merged 满意度指标
      [16, ""], // A16:E16 "合计"
    ]);
    expect(form.table.lastRow).toBe(16);
  });

  it("scores it 96.98 / 优; every 小计 and the 合计 add up", async () => {
    const result = scoreWorkbook(await loadLayout("project-subtotals"));
    const form = result.report.forms[0];
    // 产出指标: 15 + 8.33 + 10 + 5 + 10 = 48.33 (开展义诊活动场次 20 / 24 × 10 = 8.333… → 8.33)
    // 效益指标: 20 + 9.65 + 9 = 38.65 (群众健康知识知晓率 0.82 / 0.85 × 10 = 9.647… → 9.65)
    // 满意度指标: 10
    // total 48.33 + 38.65 + 10 = 96.98 → 优 (no 项目资金 block; weights 50 + 40 + 10 = 100)
    expect(form.total).toEqual({ score: 96.98, max: 100, complete: true });
    expect(form.rating).toBe("优");
    const top = result.report.groups.filter((group) => group.path.length === 1);
    expect(top.map((group) => [group.path[0], group.score, group.max])).toEqual([
      ["产出指标", 48.33, 50],
      ["效益指标", 38.65, 40],
      ["满意度指标", 10, 10],
    ]);
    // 小计 rows state 50/48.33, 40/38.65, 10/10 and 合计 100/96.98: no total-mismatch.
    expect(problemKeys(result)).toEqual([]);
  });
});

describe("case 6: total rows (direct grids)", () => {
  const HEADER = ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"];

  it.each([
    ["合计"],
    ["合  计"],
    ["总分"],
    ["总 分"],
    ["总分（满分100分）"],
    ["合计："],
    ["合计得分"],
  ])("ends the table at a %j row merged across the label columns", (label) => {
    const sheet = sheetFromRows(
      "表",
      [
        HEADER,
        ["产出指标", "数量指标", "新增学位数", 60, "≥300个", "320个", 60],
        ["效益指标", "社会效益指标", "适龄儿童入学率", 40, "≥99%", "99.5%", 40],
        [label, undefined, undefined, 100, undefined, undefined, 100],
        ["产出指标", "数量指标", "不属于本表的行", 10, "1个", "1个", 10],
      ],
      ["A4:C4"]
    );
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.indicators.map((i) => i.row)).toEqual([2, 3]);
    expect(totalRows(form)).toEqual([[4, ""]]);
    expect(form.table.lastRow).toBe(4);
  });

  it("reads a bare 小计 below fill-down rows as the subtotal of the 一级 above", () => {
    const sheet = sheetFromRows("表", [
      HEADER,
      ["产出指标", "数量指标", "新增学位数", 30, "≥300个", "320个", 30],
      [null, "质量指标", "验收合格率", 30, "100%", "100%", 30],
      [null, null, "小 计", 60, null, null, 60],
      ["效益指标", "社会效益指标", "适龄儿童入学率", 40, "≥99%", "99.5%", 40],
      ["效益指标小计", null, null, 40, null, null, 40],
      ["总计", null, null, 100, null, null, 100],
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect(indicatorRows(form)).toEqual([
      [2, "产出指标/数量指标", "新增学位数"],
      [3, "产出指标/质量指标", "验收合格率"],
      [5, "效益指标/社会效益指标", "适龄儿童入学率"],
    ]);
    expect(totalRows(form)).toEqual([
      [4, "产出指标"],
      [6, "效益指标"],
      [7, ""],
    ]);
  });

  it("reports a 小计 that does not add up on its own cell", () => {
    const sheet = sheetFromRows("表", [
      HEADER,
      ["产出指标", "数量指标", "新增学位数", 30, "≥300个", "320个", 30],
      ["产出指标", "质量指标", "验收合格率", 20, "≥98%", "97%", 19.8],
      ["产出指标小计", null, null, 50, null, null, 50],
      ["效益指标", "社会效益指标", "适龄儿童入学率", 50, "≥99%", "99.5%", 50],
      ["合计", null, null, 100, null, null, 99.8],
    ]);
    const result = scoreWorkbook(workbookOf(sheet));
    // 产出指标小计 G4 states 50 but 30 + 19.8 = 49.8 (验收合格率 0.97 / 0.98 × 20 = 19.795… → 19.8);
    // 合计 G6 99.8 = 30 + 19.8 + 50 is right.
    const mismatches = result.problems.filter((p) => p.code === "total-mismatch");
    expect(mismatches.map((p) => p.cell)).toEqual(["G4"]);
    expect(mismatches[0].facts).toMatchObject({ stated: 50, sum: 49.8 });
    expect(result.report.forms[0].total.score).toBe(99.8);
  });
});
