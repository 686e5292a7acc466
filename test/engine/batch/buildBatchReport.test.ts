import { buildBatchReport } from "../../../src/engine/batch/buildBatchReport";
import { buildBatchSummary } from "../../../src/engine/batch/buildBatchSummary";
import type { NarrativeBlock } from "../../../src/engine/narrative/types";
import { batchFile, batchForm } from "./batchForms";

function paragraphs(blocks: readonly NarrativeBlock[]): string[] {
  return blocks.filter((b) => b.kind === "paragraph").map((b) => (b as { text: string }).text);
}

describe("buildBatchReport", () => {
  const files = [
    batchFile("a.xlsx", [
      batchForm({
        unitName: "某区教育局",
        projectName: "校园安全工程",
        total: { score: 88.5, max: 100, complete: true },
        rating: "良",
        errors: 2,
        problemCounts: { "missing-value": 2, "reason-missing": 1 },
        budget: { budget: 760, executed: 722, rate: 0.95, unit: "万元" },
      }),
    ]),
    batchFile("b.xlsx", [
      batchForm({
        unitName: "某区卫生健康局",
        kind: "department",
        projectName: null,
        budget: null,
        total: { score: 98.36, max: 100, complete: true },
        problemCounts: { "reason-missing": 1 },
      }),
    ]),
    batchFile("c.xlsx", [
      batchForm({
        unitName: "某区民政局",
        projectName: "养老服务补贴",
        total: { score: 91, max: 100, complete: true },
        // 1,200,000 元 = 120 万元
        budget: { budget: 1200000, executed: 1080000, rate: 0.9, unit: "元" },
      }),
    ]),
    batchFile("d.xlsx", [], { status: "failed", notes: [{ code: "encrypted" }] }),
  ];
  const report = buildBatchReport(buildBatchSummary(files, { ignored: 1 }));
  const texts = paragraphs(report.blocks);

  it("has a title from the year the forms state and the four sections", () => {
    expect(report.blocks[0]).toEqual({ kind: "title", text: "2024年度绩效自评汇总分析报告" });
    expect(
      report.blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text)
    ).toEqual(["一、基本情况", "二、自评结果", "三、存在的共性问题", "四、建议重点复核的单位"]);
  });

  it("titles a batch of forms from several years with the span of them", () => {
    const title = (years: Array<number | null>) =>
      buildBatchReport(
        buildBatchSummary(
          years.map((year, index) => batchFile(index + ".xlsx", [batchForm({ year })]))
        )
      ).blocks[0];
    expect(title([2024, 2020, 2024, 2022, null])).toEqual({
      kind: "title",
      text: "2020—2024年度绩效自评汇总分析报告",
    });
    expect(title([2023, null])).toEqual({ kind: "title", text: "2023年度绩效自评汇总分析报告" });
    expect(title([null])).toEqual({ kind: "title", text: "绩效自评汇总分析报告" });
  });

  it("says how many files and forms, and which files could not be scored", () => {
    expect(texts[0]).toBe(
      "本次共汇总绩效自评表文件4个，其中3个完成评分，1个无法打开；共评分绩效自评表3张，其中项目支出2张、部门整体支出1张。"
    );
    expect(texts[1]).toBe(
      "未能评分的文件：d.xlsx：工作簿已加密，请先取消密码再评分（Excel：文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码后保存）。"
    );
  });

  it("states the scores, ratings and money, the amounts in 万元", () => {
    // mean (88.5 + 98.36 + 91) / 3 = 92.62; deviations −4.12, 5.74, −1.62 → √(52.54 / 3) = 4.19
    expect(texts).toContain(
      "总分完整且在100分满分之内的3张表平均得分92.62分，最高98.36分，最低88.5分，标准差4.19分。"
    );
    expect(texts).toContain("评级为优的2张、良的1张。");
    // 760 + 120 = 880; 722 + 108 = 830; 830 / 880 = 94.32 %
    expect(texts).toContain(
      "全年预算数和全年执行数均已填写的2张表，全年预算数合计880万元，全年执行数合计830万元，总体预算执行率94.32%。"
    );
  });

  it("leaves out of the score statistics totals incomplete, above their 满分 or not out of 100, and says so", () => {
    const texts = paragraphs(
      buildBatchReport(
        buildBatchSummary([
          batchFile("a.xlsx", [batchForm({ total: { score: 90, max: 100, complete: true } })]),
          batchFile("b.xlsx", [batchForm({ total: { score: 80, max: 100, complete: true } })]),
          batchFile("c.xlsx", [batchForm({ total: { score: 110, max: 100, complete: true } })]),
          batchFile("d.xlsx", [batchForm({ total: { score: 40, max: 100, complete: false } })]),
          // 分值 adding up to 110: out of another 满分.
          batchFile("e.xlsx", [batchForm({ total: { score: 110, max: 110, complete: true } })]),
        ])
      ).blocks
    );
    expect(texts).toContain(
      "总分完整且在100分满分之内的2张表平均得分85分，最高90分，最低80分，标准差5分；另有3张表总分不完整、超过满分或满分不是100分，未计入。"
    );
  });

  it("counts in the overall 执行率 only forms stating both amounts, and says how many are left out", () => {
    const mixed = buildBatchReport(
      buildBatchSummary([
        batchFile("a.xlsx", [
          batchForm({ budget: { budget: 100, executed: 90, rate: 0.9, unit: "万元" } }),
        ]),
        // 塘湖镇: a budget with its 执行数 blank would make the rate 90 / 964.2 = 9.33 %.
        batchFile("b.xlsx", [
          batchForm({ budget: { budget: 864.2, executed: null, rate: null, unit: "万元" } }),
        ]),
        batchFile("c.xlsx", [batchForm({ budget: null })]),
      ])
    );
    expect(paragraphs(mixed.blocks)).toContain(
      "全年预算数和全年执行数均已填写的1张表，全年预算数合计100万元，全年执行数合计90万元，总体预算执行率90%；另有1张表的全年预算数或全年执行数未填写，未计入。"
    );
  });

  it("lists every form's score in a table", () => {
    const table = report.blocks.find((b) => b.kind === "table") as unknown as {
      header: string[];
      rows: string[][];
    };
    expect(table.header).toEqual(["序号", "单位", "项目名称", "总分", "评级", "执行率"]);
    expect(table.rows).toEqual([
      ["1", "某区教育局", "校园安全工程", "88.5", "良", "95%"],
      ["2", "某区卫生健康局", "部门整体", "98.36", "优", "—"],
      ["3", "某区民政局", "养老服务补贴", "91", "优", "90%"],
    ]);
  });

  it("names the problems most forms share, most common first", () => {
    expect(texts).toContain(
      "汇总各表的问题清单，较为普遍的问题有：一是有扣分但未填写偏差原因分析，涉及2张表；二是指标值或自评得分未填写，涉及1张表。"
    );
  });

  it("names the forms to look at first, with why", () => {
    const review = texts.find((text) => text.startsWith("综合错误"));
    expect(review).toContain(
      "某区教育局“校园安全工程”（错误 2 个，1 项扣分未说明原因，预算 760 万元，规模较大）"
    );
    expect(review).toContain("某区卫生健康局（1 项扣分未说明原因）");
    expect(texts[texts.length - 1]).toMatch(/^另按预算规模分层随机抽取20%的自评表共3张/);
  });

  it("says so when nothing could be scored", () => {
    const empty = buildBatchReport(buildBatchSummary([files[3]]));
    expect(paragraphs(empty.blocks)).toContain("本次没有可评分的绩效自评表。");
    expect(empty.blocks[0]).toEqual({ kind: "title", text: "绩效自评汇总分析报告" });
  });
});
