/**
 * Case 9: text rows after the table — 存在问题 / 改进措施 / 评价结论 merged across, numbered
 * ("一、", "（二）"), joined ("存在的问题及改进措施"), and the signature line whose cells fall into
 * the table's 三级 and 分值 columns — must not become indicators.
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf, type TestCell } from "../../helpers/gridFromRows";
import { indicatorRows, problemKeys } from "./helpers/expectations";
import { loadLayout } from "./helpers/loadFixture";

describe("case 9: trailing text rows (project-trailing-text.xlsx)", () => {
  it("ends the table at the last indicator (row 11), before the text rows 12–15", async () => {
    const [form] = detectForms(await loadLayout("project-trailing-text"));
    expect(form.table.headerTop).toBe(4);
    expect(form.table.columns).toMatchObject({ level1: 2, level2: 3, level3: 4, max: 7, score: 8 });
    expect(indicatorRows(form)).toEqual([
      [5, "产出指标/数量指标", "扶持特色产业基地个数"],
      [6, "产出指标/质量指标", "产业基地验收合格率"],
      [7, "产出指标/时效指标", "资金拨付及时率"],
      [8, "产出指标/成本指标", "单个基地补助标准"],
      [9, "效益指标/经济效益指标", "带动脱贫户户均增收"],
      [10, "效益指标/社会效益指标", "带动脱贫人口就业人数"],
      [11, "满意度指标/服务对象满意度指标", "受益群众满意度"],
    ]);
    expect(form.table.totalRows).toEqual([]);
    expect(form.table.lastRow).toBe(11);
  });

  it("scores it 98.5 / 优 with no problem (the signature line is not an indicator)", async () => {
    const result = scoreWorkbook(await loadLayout("project-trailing-text"));
    // 产出指标: 20 + 15 + 10 + 15 = 60
    // 效益指标: 13.5 + 15 = 28.5 (户均增收 1800 of ≥2000元: 1800 / 2000 × 15 = 13.5)
    // 满意度指标: 10
    // total 60 + 28.5 + 10 = 98.5 → 优 (no 项目资金 block; weights 60 + 30 + 10 = 100)
    expect(result.report.forms[0].total).toEqual({ score: 98.5, max: 100, complete: true });
    expect(result.report.forms[0].rating).toBe("优");
    expect(problemKeys(result)).toEqual([]);
  });
});

describe("case 9: trailing text rows (direct grids)", () => {
  const HEADER = [
    "一级指标",
    "二级指标",
    "三级指标",
    "分值",
    "年度指标值",
    "实际完成值",
    "得分",
    "偏差原因分析及改进措施",
  ];
  const ROWS: TestCell[][] = [
    ["产出指标", "数量指标", "新增学位数", 60, "≥300个", "320个", 60],
    ["效益指标", "社会效益指标", "适龄儿童入学率", 40, "≥99%", "99.5%", 40],
  ];

  function detectWithTail(tail: Array<Array<TestCell | undefined>>, merges: string[] = []) {
    const sheet = sheetFromRows("表", [HEADER, ...ROWS, ...tail], merges);
    const forms = detectForms(workbookOf(sheet));
    expect(forms).toHaveLength(1);
    return forms[0];
  }

  it.each([
    ["评价结论：项目完成年度绩效目标。"],
    ["三、存在的问题及改进措施：一是资金拨付偏慢；二是宣传不足。"],
    ["（一）主要经验及做法：建立了周调度机制。"],
    ["2.下一步改进措施：加快资金拨付进度。"],
    ["备注：本表金额单位为万元。"],
    ["说明"],
  ])("stops before %j merged across the row", (text) => {
    const form = detectWithTail([[text]], ["A4:H4"]);
    expect(form.table.indicators.map((i) => i.row)).toEqual([2, 3]);
    expect(form.table.lastRow).toBe(3);
  });

  it("stops before a label with its text in the next cells", () => {
    const form = detectWithTail(
      [
        ["存在问题", "部分学校建设进度滞后，学位供给存在阶段性缺口。"],
        ["改进措施", "加快项目建设，统筹调配学位。"],
      ],
      ["B4:H4", "B5:H5"]
    );
    expect(form.table.lastRow).toBe(3);
  });

  it("stops before the signature line even where its cells fall into the name and 分值 columns", () => {
    const form = detectWithTail([
      [
        "单位负责人（签字）：",
        undefined,
        "财务负责人（签字）：",
        "填表人：王丽",
        undefined,
        undefined,
        "联系电话：0874-3125678",
      ],
    ]);
    expect(form.table.indicators.map((i) => i.row)).toEqual([2, 3]);
  });

  it("stops before a 填报日期 line whose date falls into the 得分 column", () => {
    const form = detectWithTail([
      ["填表人：李明", undefined, undefined, undefined, "填报日期：", undefined, "2025-03-15"],
    ]);
    expect(form.table.lastRow).toBe(3);
    expect(form.table.indicators.map((i) => i.row)).toEqual([2, 3]);
  });

  it("keeps indicators whose names merely start like a label", () => {
    const form = detectWithTail([
      [null, null, "问题整改完成率", 10, "100%", "100%", 10],
      [null, null, "说明书编制及时率", 10, "100%", "100%", 10],
      [null, null, "注册志愿者人数", 10, "≥200人", "260人", 10],
    ]);
    expect(indicatorRows(form).slice(2)).toEqual([
      [4, "效益指标/社会效益指标", "问题整改完成率"],
      [5, "效益指标/社会效益指标", "说明书编制及时率"],
      [6, "效益指标/社会效益指标", "注册志愿者人数"],
    ]);
  });

  it("keeps a row labelled like a text row when it scores like an indicator", () => {
    // A (badly named) indicator row "存在问题整改" with a 分值 and 得分 stays an indicator.
    const form = detectWithTail([
      ["存在问题：整改", "整改指标", "问题整改率", 10, "100%", "100%", 10],
    ]);
    expect(form.table.indicators.map((i) => i.row)).toEqual([2, 3, 4]);
  });
});
