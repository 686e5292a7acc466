import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { buildNarratives } from "../../../src/engine/narrative/buildNarrative";
import type { NarrativeBlock } from "../../../src/engine/narrative/types";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { DEPARTMENT_HEADER } from "../../helpers/templateHeaders";

/**
 * The table behind the 2024 seed report (广州市公安局花都区分局), rebuilt from the report's own
 * numbers: 履职效能 50 of 50, and 管理效能 as its section （四） states, 48 of 50 — 98, 优.
 */
const SEED_TABLE = [
  ["2024年度部门整体支出绩效自评表"],
  ["部门名称：广州市公安局花都区分局"],
  DEPARTMENT_HEADER,
  [
    "履职效能",
    "强化重点场所与人员管控，维护社会治安稳定",
    "重点人员监控率",
    15,
    "100%",
    "100%",
    15,
    null,
  ],
  [
    "履职效能",
    "推进公安“放管服”改革，提升服务群众水平",
    "政务热线回复办结率",
    10,
    "100%",
    "100%",
    10,
    null,
  ],
  [
    "履职效能",
    "打击整治违法犯罪案件，维护社会公共安全",
    "视频系统协助破案率",
    15,
    "≥90%",
    "96.90%",
    15,
    null,
  ],
  [
    "履职效能",
    "落实道路交通安全管理，改善交通安全环境",
    "交通信号设施设备正常率",
    10,
    "100%",
    "100%",
    10,
    null,
  ],
  [
    "管理效能",
    "预算编制",
    "新增重大项目事前绩效评估",
    3,
    "按要求开展",
    "本年度无新增二级项目",
    3,
    null,
  ],
  ["管理效能", "预算执行", "结转结余率", 4, "≤5%", "0.37%", 4, null],
  [
    "管理效能",
    "信息公开",
    "预决算及绩效信息公开",
    4,
    "按要求公开",
    "已公开，预算公开检查发现问题",
    3,
    "预算公开检查发现问题",
  ],
  ["管理效能", "绩效管理", "绩效监控与自评开展率", 15, "100%", "100%", 15, null],
  ["管理效能", "采购管理", "政府采购合规性", 5, "合法合规", "合法合规", 5, null],
  [
    "管理效能",
    "采购管理",
    "合同备案及时率",
    5,
    "按要求",
    "存在合同备案时间滞后情况",
    4,
    "合同备案时间滞后",
  ],
  ["管理效能", "资产管理", "固定资产利用率", 10, "≥95%", "99.01%", 10, null],
  ["管理效能", "运行成本", "“三公”经费控制率", 4, "≤100%", "98.72%", 4, null],
  ["合计", null, null, 100, null, null, 98, null],
];

function texts(blocks: readonly NarrativeBlock[]): string[] {
  return blocks.map((block) => (block.kind === "table" ? "" : block.text));
}

describe("the seed report's table, rebuilt", () => {
  const result = scoreWorkbook(workbookOf(sheetFromRows("部门整体支出绩效自评表", SEED_TABLE)));
  const lines = texts(buildNarratives(result)[0].blocks);

  it("scores 98, 优, as the seed states", () => {
    expect(result.report.total).toEqual({ score: 98, max: 100, complete: true });
    expect(result.report.rating).toBe("优");
    expect(lines).toContain("广州市公安局花都区分局2024年度部门整体支出绩效自评表说明");
    expect(lines.join("\n")).toContain("部门整体支出绩效自评得分98分，评级为优。");
  });

  it("states every 管理效能 item with the seed's 分值 and 自评得分, in order", () => {
    const start = lines.indexOf("（四）管理效能绩效目标完成情况");
    expect(start).toBeGreaterThan(0);
    const items = lines.slice(start + 1, start + 8);
    const expected = [
      "（1）预算编制，分值3分，自评得分3分。",
      "（2）预算执行，分值4分，自评得分4分。",
      "（3）信息公开，分值4分，自评得分3分。",
      "（4）绩效管理，分值15分，自评得分15分。",
      "（5）采购管理，分值10分，自评得分9分。",
      "（6）资产管理，分值10分，自评得分10分。",
      "（7）运行成本，分值4分，自评得分4分。",
    ];
    expected.forEach((head, index) => expect(items[index].indexOf(head)).toBe(0));
    expect(lines[start + 8]).toBe("二、存在的主要问题");
    expect(items[0]).toContain("新增重大项目事前绩效评估");
    expect(items[1]).toContain("结转结余率年度指标值≤5%，实际完成值0.37%");
  });

  it("puts 履职效能 first, with the seed's four tasks in the goals table", () => {
    expect(lines).toContain("（三）履职效能绩效目标完成情况");
    const table = buildNarratives(result)[0].blocks.find((block) => block.kind === "table");
    expect(table && table.kind === "table" && table.rows.map((row) => row[0])).toEqual([
      "强化重点场所与人员管控，维护社会治安稳定",
      "推进公安“放管服”改革，提升服务群众水平",
      "打击整治违法犯罪案件，维护社会公共安全",
      "落实道路交通安全管理，改善交通安全环境",
    ]);
  });

  it("names the items that lost points and the reasons the table gives", () => {
    const problems = lines[lines.indexOf("二、存在的主要问题") + 1];
    expect(problems).toContain(
      "一是预决算及绩效信息公开自评得分3分（分值4分），扣1分，原因是预算公开检查发现问题。"
    );
    expect(problems).toContain("二是合同备案及时率");
    expect(problems).toContain("扣1分，原因是合同备案时间滞后。");
    // The seed's own first problem: a 率 whose target is words cannot be measured.
    expect(problems).toContain(
      "部分绩效指标的指标值设置不够明确，不能有效量化：合同备案及时率的年度指标值为“按要求”。"
    );
    const measures = lines[lines.indexOf("三、下一步改进措施") + 1];
    expect(measures).toContain(
      "提高指标值设置的准确性，为合同备案及时率设置可量化、可检验、可考核的指标值。"
    );
  });
});
