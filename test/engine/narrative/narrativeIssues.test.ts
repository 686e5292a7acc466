import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { buildNarratives } from "../../../src/engine/narrative/buildNarrative";
import type { NarrativeTemplateOverride } from "../../../src/engine/narrative/narrativeTemplate";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { DEPARTMENT_HEADER, PROJECT_HEADER } from "../../helpers/templateHeaders";

type Row = (string | number | null)[];

/** 二、存在的主要问题 and 三、下一步改进措施 of a department form with these indicator rows. */
function problemsAndMeasures(
  rows: Row[],
  override: NarrativeTemplateOverride | null = null
): { problems: string; measures: string; all: string[] } {
  const sheet = sheetFromRows("部门表", [
    ["2024年度部门整体支出绩效自评表"],
    ["部门名称：某区文化局"],
    DEPARTMENT_HEADER,
    ...rows,
  ]);
  const all = buildNarratives(scoreWorkbook(workbookOf(sheet)), override)[0].blocks.map((block) =>
    block.kind === "table" ? "" : block.text
  );
  const after = (heading: string): string => {
    const index = all.findIndex((text) => /^[二三]、/.test(text) && text.indexOf(heading) >= 0);
    return all[index + 1];
  };
  return { problems: after("问题"), measures: after("措施"), all };
}

describe("二、存在的主要问题 and 三、下一步改进措施", () => {
  it("say in one sentence each that nothing needs saying when the table is clean", () => {
    const { problems, measures } = problemsAndMeasures([
      ["履职效能", "文化服务", "公共文化活动场次", 60, "≥100场", "120场", 60, null],
      ["管理效能", "预算执行", "预算执行率", 40, "≥95%", "98%", 40, null],
    ]);
    expect(problems).toBe("本次自评未发现扣分指标和数据填报问题。");
    expect(measures).toBe("本次自评未发现需要整改的问题。");
  });

  it("flag a score that disagrees with completion, once per indicator", () => {
    const { problems, measures } = problemsAndMeasures([
      // Target met, points lost (the rule gives 60: no separate "按完成比例" entry).
      ["履职效能", "文化服务", "公共文化活动场次", 60, "≥100场", "120场", 50, "无"],
      // Target missed, full marks.
      ["管理效能", "预算执行", "预算执行率", 40, "≥95%", "90%", 40, null],
    ]);
    expect(problems).toBe(
      "一是部分指标的自评得分与完成情况不一致：公共文化活动场次年度指标值≥100场，实际完成值120场，已达到年度指标值，但自评扣10分；预算执行率年度指标值≥95%，实际完成值90%，未达到年度指标值，但自评得满分。"
    );
    expect(measures).toBe(
      "一是严格按照评分规则核定自评得分，对公共文化活动场次、预算执行率按实际完成情况重新核定，做到得分与完成情况相符。"
    );
  });

  it("treat points lost on a worded target met as a judgement, not a disagreement", () => {
    const { problems } = problemsAndMeasures([
      ["履职效能", "文化服务", "公共文化活动场次", 85, "≥100场", "120场", 85, null],
      ["管理效能", "制度建设", "管护制度", 15, "建立健全", "达成年度指标", 13.5, "培训未全覆盖"],
    ]);
    expect(problems).toBe("一是管护制度自评得分13.5分（分值15分），扣1.5分，原因是培训未全覆盖。");
  });

  it("name the first eight indicators that lost points and count the rest", () => {
    const rows: Row[] = [];
    for (let i = 1; i <= 10; i++)
      rows.push(["履职效能", "文化服务", "活动场次" + i, 10, "≥10场", "9场", 9, "场地维修"]);
    const { problems, measures } = problemsAndMeasures(rows);
    expect(problems).toContain(
      "八是活动场次8未达到年度指标值（年度指标值≥10场，实际完成值9场），扣1分，原因是场地维修。"
    );
    expect(problems).not.toContain("活动场次9未达到");
    expect(problems).toContain("九是另有2项指标有扣分，详见“评分结果”表。");
    expect(measures).toContain("九是对其余扣分指标逐项分析原因，制定针对性整改措施。");
  });

  it("choose a measure by what the indicator is about", () => {
    const { measures } = problemsAndMeasures([
      ["履职效能", "文化服务", "群众满意度", 20, "≥90%", "85%", 18, "部分场馆设施老旧"],
      ["履职效能", "文化服务", "项目按期完成率", 20, "100%", "90%", 18, "施工延误"],
      ["履职效能", "文化服务", "图书馆建设", 20, "完成", "部分完成", 15, "资金到位晚"],
    ]);
    expect(measures).toContain("一是针对群众满意度未达到年度指标值的问题，深入了解服务对象诉求");
    expect(measures).toContain(
      "二是针对项目按期完成率未达到年度指标值的问题，细化实施计划和时间节点"
    );
    expect(measures).toContain("三是针对图书馆建设未达到年度指标值的问题，深入分析偏差原因");
  });

  it("say which entries are wrong, without listing every one", () => {
    const rows: Row[] = [];
    for (let i = 1; i <= 10; i++)
      rows.push([
        "履职效能",
        "文化服务",
        "活动" + i,
        10,
        "≥10场",
        "10场",
        i <= 7 ? "十分" : 10,
        null,
      ]);
    const { problems, measures } = problemsAndMeasures(rows);
    expect(problems).toContain(
      "部分数据填报有误：活动1的自评得分“十分”不是数值；活动2的自评得分“十分”不是数值；活动3的自评得分“十分”不是数值；活动4的自评得分“十分”不是数值；活动5的自评得分“十分”不是数值等7处。"
    );
    // An official report names the indicator and the fault, not the cell.
    expect(problems).not.toMatch(/G\d/);
    expect(measures).toContain("核对并更正上述填报有误的数据后重新评分，确保自评数据准确。");
    // A score typed as words is wrong, not missing.
    expect(problems).not.toContain("未填写");
  });

  it("name an indicator without a name by its row", () => {
    const { problems } = problemsAndMeasures([
      ["履职效能", "文化服务", null, 10, "≥10场", "10场", 10, null],
    ]);
    expect(problems).toContain("第4行的指标的指标名称未填写");
  });

  it("take a finance bureau's own wording from a template override", () => {
    const { all, problems } = problemsAndMeasures(
      [["履职效能", "文化服务", "公共文化活动场次", 60, "≥100场", "80场", 48, "场馆维修"]],
      {
        sections: { problems: "二、存在的问题" },
        problems: { reason: "，主要原因：{reason}" },
      }
    );
    expect(all).toContain("二、存在的问题");
    expect(all).toContain("三、下一步改进措施");
    expect(problems).toContain("扣12分，主要原因：场馆维修。");
  });
});

describe("the narrative's title and values", () => {
  it("does not repeat a year the project name already states", () => {
    const sheet = sheetFromRows("项目表", [
      ["项目支出绩效自评表"],
      ["（2024年度）"],
      ["项目名称", "2024年高标准农田建设项目"],
      ["主管部门", "某县农业农村局"],
      ["一级指标", "二级指标", "三级指标", "指标值", "度量单位", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "建设面积", "≥5000", "亩", "5200", 100, 100],
    ]);
    const blocks = buildNarratives(scoreWorkbook(workbookOf(sheet)))[0].blocks;
    expect(blocks[0]).toEqual({
      kind: "title",
      text: "某县农业农村局2024年高标准农田建设项目支出绩效自评表说明",
    });
    const texts = blocks.map((block) => (block.kind === "table" ? "" : block.text)).join("\n");
    expect(texts).toContain("建设面积年度指标值≥5000亩，实际完成值5200亩。");
  });
});

describe("a form of more than 300 indicators", () => {
  it("leaves out the sub-groups with nothing to say, counting them", () => {
    const rows: Row[] = [];
    for (let i = 1; i <= 400; i++)
      rows.push([
        "履职效能",
        "任务" + Math.ceil(i / 4),
        "活动" + i,
        0.25,
        "≥10场",
        "10场",
        0.25,
        null,
      ]);
    rows[0] = ["履职效能", "任务1", "活动1", 0.25, "≥10场", "9场", 0.2, "场地维修"];
    const { all } = problemsAndMeasures(rows);
    const section = all.slice(all.indexOf("（三）履职效能绩效目标完成情况") + 1);
    expect(section[0].indexOf("（1）任务1，分值1分，自评得分0.95分。活动1年度指标值≥10场")).toBe(0);
    expect(section[1]).toBe("其余99项所属指标均得满分。");
  });

  it("states one by one only the indicators with something to say, and counts the rest", () => {
    const rows: Row[] = [];
    for (let i = 1; i <= 400; i++)
      rows.push([
        "履职效能",
        "文化服务",
        "活动场次" + i,
        0.25,
        "≥10场",
        i === 7 ? "8场" : "10场",
        i === 7 ? 0.2 : 0.25,
        i === 7 ? "场地维修" : null,
      ]);
    const { all } = problemsAndMeasures(rows);
    expect(all).toContain(
      "2024年度本部门共有1项主要工作任务、400项绩效指标，逐项目标及完成情况详见绩效自评表，未达到年度指标值或数据不完整的指标见下文。"
    );
    const item = all.find((text) => text.indexOf("（1）文化服务") === 0)!;
    expect(item).toBe(
      "（1）文化服务，分值100分，自评得分99.95分。活动场次7年度指标值≥10场，实际完成值8场，扣0.05分，偏差原因：场地维修；其余399项指标均得满分。"
    );
  });
});

describe("cell texts quoted in the narrative", () => {
  it("drop a reason's own label and keep a numbered reason one clause", () => {
    const { problems, all } = problemsAndMeasures([
      ["履职效能", "文化服务", "活动场次", 50, "≥10场", "8场", 40, "偏差原因：场馆维修。"],
      [
        "管理效能",
        "预算执行",
        "预算执行率",
        50,
        "≥95%",
        "90%",
        47.37,
        "1.部分单位未及时提交支付申请；\n2.系统升级暂停支付一周。\n3.年底集中退回资金。",
      ],
    ]);
    expect(problems).toContain("扣10分，原因是场馆维修。二是");
    expect(problems).toContain(
      "原因是1.部分单位未及时提交支付申请；2.系统升级暂停支付一周；3.年底集中退回资金。"
    );
    expect(all.join("")).toContain("偏差原因：场馆维修。");
    expect(all.join("")).not.toContain("原因：偏差原因");
  });

  it("print numbers half-width and bounds in words without a colon", () => {
    const { all } = problemsAndMeasures([
      ["履职效能", "供水保障", "水质检测合格率", 50, "≥９５％", "９６．９０％", 50, null],
      ["履职效能", "供水保障", "受益人口", 30, "不低于12,000人", "12,450人", 30, null],
      ["管理效能", "工程建设", "新建供水工程处数", 20, "﹦8个", "8个", 20, null],
    ]);
    const text = all.join("\n");
    expect(text).toContain("水质检测合格率年度指标值≥95%，实际完成值96.90%");
    expect(text).toContain("受益人口年度指标值不低于12,000人，实际完成值12,450人");
    expect(text).toContain("新建供水工程处数年度指标值8个，实际完成值8个");
  });
});

describe("worded targets", () => {
  it("lead a measure in by the points lost when the target was met, and by its 二级指标", () => {
    const sheet = sheetFromRows("项目表", [
      ["项目支出绩效自评表"],
      ["项目名称", "养老服务提升项目"],
      PROJECT_HEADER,
      [
        "效益指标",
        "社会效益指标",
        "老年人生活质量",
        "有效提升",
        "达成年度指标",
        100,
        90,
        "部分服务未覆盖",
      ],
    ]);
    const texts = buildNarratives(scoreWorkbook(workbookOf(sheet)))[0].blocks.map((block) =>
      block.kind === "table" ? "" : block.text
    );
    const problems = texts[texts.indexOf("二、存在的主要问题") + 1];
    const measures = texts[texts.indexOf("三、下一步改进措施") + 1];
    // 生活质量 ends in 量 but is not a quantity: no "不能有效量化".
    expect(problems).toBe(
      "一是老年人生活质量自评得分90分（分值100分），扣10分，原因是部分服务未覆盖。"
    );
    expect(measures).toBe(
      "一是针对老年人生活质量扣分的问题，跟踪评估项目实施效果，巩固提升效益，确保效益目标落到实处。"
    );
  });

  it("set a grade that disagrees with the score beside the other disagreements", () => {
    const { problems, all } = problemsAndMeasures([
      ["履职效能", "文化服务", "活动场次", 80, "≥10场", "10场", 80, null],
      ["管理效能", "资产管理", "资产管理规范性", 20, "规范", "部分达成", 20, null],
    ]);
    expect(problems).toContain(
      "部分指标的自评得分与完成情况不一致：资产管理规范性实际完成值部分达成，自评得分20分，按完成程度应在12至16分之间。"
    );
    expect(all.join("")).toContain(
      "资产管理规范性年度指标值为规范，实际完成值为部分达成，未达到年度指标值但得满分，未填写偏差原因分析。"
    );
  });
});
