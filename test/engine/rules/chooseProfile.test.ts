import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf, type TestCell } from "../../helpers/gridFromRows";

const HUBEI_HEADER = [
  "年度绩效指标",
  "一级指标",
  "二级指标",
  "三级指标",
  "年初目标值(A)",
  "实际完成值(B)",
  "得分",
];
const HUBEI_ROWS: TestCell[][] = [
  [null, "产出指标", "数量指标", "办结信访案件", "168起", "168起", 40],
  [null, "效益指标", "社会效益指标", "改善人居环境", "有效改善", "有效改善", 20],
  [null, "满意度指标", "群众满意度指标", "群众满意度", "≥90%", "95%", 20],
];

/** A 湖北 form without a title: a 预算执行情况 block, a goal of 80 points, no 分值 column. */
function hubeiForm(opening: TestCell[][], fundsLabel: string): ReturnType<typeof scoreWorkbook> {
  const rows: TestCell[][] = [
    ...opening,
    ["预算执行情况(万元)(20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
    [fundsLabel, 864.2, 864.2, 1, 20],
    ["年度目标1:(80分)", "增强政府工作效率"],
    HUBEI_HEADER,
    ...HUBEI_ROWS,
  ];
  return scoreWorkbook(workbookOf(sheetFromRows("Sheet1", rows)));
}

describe("the kind of form, from what the sheet says", () => {
  it("reads a funds block totalled as 部门整体支出总额 as a department's (湖北 塘湖镇), though its 一级指标 are 产出/效益/满意度", () => {
    const result = hubeiForm(
      [
        ["单位名称", "塘湖镇人民政府"],
        ["基本支出总额", "864.2万", "项目支出总额", 0],
      ],
      "部门整体支出总额"
    );
    expect(result.report.forms[0].profile).toBe("department");
  });

  it("takes the sheet's words as evidence too: 基本支出 and 人员经费 above a plain funds block", () => {
    const result = hubeiForm(
      [
        ["单位名称", "某镇人民政府"],
        ["基本支出总额", 500, "其中：人员经费", 400, "公用经费", 100],
      ],
      "资金总额"
    );
    expect(result.report.forms[0].profile).toBe("department");
  });

  it("keeps a 湖北 project form a project: it names its project, its funds block names no kind", () => {
    const result = hubeiForm(
      [
        ["项目名称", "渔业成品油价格改革补贴"],
        ["主管部门", "某县农业农村局"],
      ],
      "年度资金总额"
    );
    expect(result.report.forms[0].profile).toBe("project");
  });

  it("keeps the national 项目支出 form a project (项目资金（万元）)", () => {
    const sheet = sheetFromRows("Sheet1", [
      ["项目支出绩效自评表"],
      ["项目名称", "农田灌溉"],
      [
        "项目资金（万元）",
        null,
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
      ],
      [null, "年度资金总额", 100, 100, 90, 10, 0.9, 9],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "灌溉面积", "≥5000亩", "5000亩", 90, 90],
    ]);
    expect(scoreWorkbook(workbookOf(sheet)).report.forms[0].profile).toBe("project");
  });
});
