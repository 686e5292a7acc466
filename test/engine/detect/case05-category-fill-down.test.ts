/**
 * Case 5: 一级/二级 categories either merged vertically (the existing fixtures, and most layout
 * fixtures) or written only on the first row of their block with blank cells below (implicit
 * fill-down) — including a block whose 一级 changes while its 二级 is blank on its first row,
 * which must not inherit the previous block's 二级.
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { indicatorRows, problemKeys, totalRows } from "./helpers/expectations";
import { loadLayout } from "./helpers/loadFixture";

describe("case 5: categories written once with blanks below (project-fill-down.xlsx)", () => {
  it("fills categories down and starts 效益指标 with no 二级", async () => {
    const [form] = detectForms(await loadLayout("project-fill-down"));
    expect(form.table.headerTop).toBe(12);
    expect(indicatorRows(form)).toEqual([
      [13, "产出指标/数量指标", "改造老旧小区个数"],
      [14, "产出指标/数量指标", "改造惠及居民户数"], // B14, C14 blank
      [15, "产出指标/质量指标", "工程竣工验收合格率"], // B15 blank
      [16, "产出指标/时效指标", "年度开工率"],
      [17, "产出指标/成本指标", "户均改造成本"],
      [18, "效益指标", "小区居住环境改善"], // B18 效益指标, C18 blank: not …/成本指标
      [19, "效益指标/社会效益指标", "消除安全隐患处数"],
      [20, "效益指标/可持续影响指标", "长效管理机制建立"],
      [21, "满意度指标/服务对象满意度指标", "居民满意度"],
    ]);
    expect(totalRows(form)).toEqual([[22, ""]]);
  });

  it("scores it 97.83 / 优 with the 效益指标 group holding all three of its rows", async () => {
    const result = scoreWorkbook(await loadLayout("project-fill-down"));
    const form = result.report.forms[0];
    // 预算执行率: 1702 / 1850 = 92% → 0.92 × 10 = 9.2
    // 产出指标: 15 + 10 + 10 + 4.63 + 10 = 49.63 (年度开工率 0.88 / 0.95 × 5 = 4.631… → 4.63)
    // 效益指标: 9 + 10 + 10 = 29 (小区居住环境改善 达成年度指标, 9 of 10 is in the 80–100% band)
    // 满意度指标: 10
    // total 9.2 + 49.63 + 29 + 10 = 97.83 → 优
    expect(form.total).toEqual({ score: 97.83, max: 100, complete: true });
    expect(form.rating).toBe("优");
    const benefit = result.report.groups.find(
      (group) => group.path.length === 1 && group.path[0] === "效益指标"
    );
    expect(benefit && [benefit.score, benefit.max]).toEqual([29, 30]);
    expect(problemKeys(result)).toEqual([]);
  });
});

describe("case 5: merged and fill-down categories (direct grids)", () => {
  const HEADER = ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"];

  it("reads vertically merged 一级 and 二级 cells", () => {
    const sheet = sheetFromRows(
      "表",
      [
        HEADER,
        ["产出指标", "数量指标", "新增学位数", 20, "≥300个", "320个", 20],
        [undefined, undefined, "新建校舍面积", 20, "≥5000平方米", "5000平方米", 20],
        [undefined, "质量指标", "验收合格率", 10, "100%", "100%", 10],
        ["效益指标", "社会效益指标", "适龄儿童入学率", 30, "≥99%", "99.5%", 30],
      ],
      ["A2:A4", "B2:B3"]
    );
    expect(indicatorRows(detectForms(workbookOf(sheet))[0])).toEqual([
      [2, "产出指标/数量指标", "新增学位数"],
      [3, "产出指标/数量指标", "新建校舍面积"],
      [4, "产出指标/质量指标", "验收合格率"],
      [5, "效益指标/社会效益指标", "适龄儿童入学率"],
    ]);
  });

  it("does not carry a 二级 into the next 一级 whose first row leaves 二级 blank", () => {
    const sheet = sheetFromRows("表", [
      HEADER,
      ["产出指标", "数量指标", "新增学位数", 20, "≥300个", "320个", 20],
      [null, null, "新建校舍面积", 20, "≥5000平方米", "5000平方米", 20],
      [null, "成本指标", "生均建设成本", 10, "≤2万元", "1.9万元", 10],
      ["效益指标", null, "适龄儿童入学率", 30, "≥99%", "99.5%", 30],
      [null, "可持续影响指标", "校舍使用年限", 10, "≥50年", "50年", 10],
      [null, null, "学位供给保障", 10, "持续保障", "达成年度指标", 10],
    ]);
    expect(indicatorRows(detectForms(workbookOf(sheet))[0])).toEqual([
      [2, "产出指标/数量指标", "新增学位数"],
      [3, "产出指标/数量指标", "新建校舍面积"],
      [4, "产出指标/成本指标", "生均建设成本"],
      [5, "效益指标", "适龄儿童入学率"],
      [6, "效益指标/可持续影响指标", "校舍使用年限"],
      [7, "效益指标/可持续影响指标", "学位供给保障"],
    ]);
  });

  it("mixes merged 一级 with 二级 written once (blank below)", () => {
    const sheet = sheetFromRows(
      "表",
      [
        HEADER,
        ["履职效能", "重点工作", "重点任务完成率", 25, "100%", "100%", 25],
        [undefined, null, "督办事项办结率", 25, "≥95%", "97%", 25],
        ["管理效能", "预算管理", "预算执行率", 25, "≥95%", "96%", 25],
        [undefined, "资产管理", "资产盘点完成率", 25, "100%", "100%", 25],
      ],
      ["A2:A3", "A4:A5"]
    );
    expect(indicatorRows(detectForms(workbookOf(sheet))[0])).toEqual([
      [2, "履职效能/重点工作", "重点任务完成率"],
      [3, "履职效能/重点工作", "督办事项办结率"],
      [4, "管理效能/预算管理", "预算执行率"],
      [5, "管理效能/资产管理", "资产盘点完成率"],
    ]);
  });
});
