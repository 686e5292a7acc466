/**
 * Issue 9: the kinds of misreading seen on tables units really published (项目支出 and 部门整体支出,
 * several provinces), each on a grid made for it. The rebuilt tables themselves are the corpus
 * (test/fixtures/real/, npm run corpus).
 */
import { detectForms, readWorkbook } from "../../../src/engine/detect/detectForms";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf, type TestCell } from "../../helpers/gridFromRows";
import { indicatorRows, problemKeys } from "./helpers/expectations";

type Row = Array<TestCell | undefined>;

describe("1. a role word used in another sense", () => {
  it("reads a left label column headed 年度绩效指标完成情况 as no column, and the real 实际完成值 as the actual", () => {
    const sheet = sheetFromRows(
      "表",
      [
        [
          "年度绩效指标完成情况",
          "一级指标",
          "二级指标",
          "三级指标",
          "年度指标值",
          "实际完成值",
          "分值",
          "得分",
          "偏差原因分析及改进措施",
        ],
        [null, "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50],
        [null, null, "质量指标", "合格率", "≥95%", "90%", 50, 47.37, "部分学员缺考"],
      ],
      ["A1:A3", "B2:B3"]
    );
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.columns).toMatchObject({ level1: 2, actual: 6, max: 7, score: 8 });
    expect(Object.values(form.table.columns)).not.toContain(1);
    const result = scoreWorkbook(workbookOf(sheet));
    // 0.90 / 0.95 × 50 = 47.368… → 47.37, as entered: nothing to flag.
    expect(problemKeys(result)).toEqual([]);
  });

  it("does so without merge information too (the label column is then blank below its header)", () => {
    const sheet = sheetFromRows("表", [
      [
        "年度绩效指标完成情况",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
      ],
      [null, "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50],
      [null, null, "质量指标", "合格率", "≥95%", "96%", 50, 50],
    ]);
    expect(detectForms(workbookOf(sheet))[0].table.columns.actual).toBe(6);
  });

  it("does not take a rubric column 指标说明及评分标准 for the score column ahead of 自评得分", () => {
    const sheet = sheetFromRows("表", [
      ["一级指标", "二级指标", "三级指标", "分值", "指标说明及评分标准", "自评得分"],
      [
        "决策",
        "项目立项",
        "立项依据充分性",
        3,
        "1、资料是否齐全（1分）；2、程序是否规范（2分）",
        3,
      ],
      [null, "绩效目标", "绩效目标合理性", 2, "目标明确的得2分，否则酌情扣分", 1.5],
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.columns.score).toBe(6);
    expect(form.table.ignoredColumns.map((column) => column.column)).toEqual([5]);
    const result = scoreWorkbook(workbookOf(sheet));
    expect(result.problems.filter((p) => p.code === "not-a-number")).toEqual([]);
    expect(result.report.forms[0].total).toEqual({ score: 4.5, max: 5, complete: true });
  });
});

describe("2. no 分值 column: maxima in labels (湖北)", () => {
  const rows: Row[] = [
    ["2020年度某项目绩效自评表"],
    [
      "预算执行情况（万元）（20分）",
      "预算数（A）",
      "执行数（B）",
      "执行率（%）",
      "得分(20分*执行率)",
    ],
    ["年度财政资金总额", null, null, 95, 19],
    [
      "年度绩效目标1（40分）",
      "一级指标",
      "二级指标",
      "三级指标",
      "年初目标值",
      "实际完成值",
      "得分",
    ],
    [null, "产出指标（40分）", "数量指标", "补贴人数", "≥100人", "100人", 20],
    [null, null, "质量指标", "发放准确率", "100%", "100%", 20],
    [
      "年度绩效目标2（40分）",
      "一级指标",
      "二级指标",
      "三级指标",
      "年初目标值",
      "实际完成值",
      "得分",
    ],
    [null, "满意度指标（40分）", "服务对象满意度", "群众满意度", "≥90%", "95%", 38],
    ["总分", 97],
  ];
  const merges = ["A4:A6", "B5:B6", "A7:A8"];

  it("reads the form, its blocks and their maxima from the labels", () => {
    const reading = readWorkbook(workbookOf(sheetFromRows("表", rows, merges)));
    expect(reading.misses).toEqual([]);
    expect(reading.forms).toHaveLength(1);
    const table = reading.forms[0].table;
    expect(table.maxSource).toBe("labels");
    expect(table.columns.max).toBeUndefined();
    expect(indicatorRows(reading.forms[0])).toEqual([
      [5, "年度绩效目标1/产出指标/数量指标", "补贴人数"],
      [6, "年度绩效目标1/产出指标/质量指标", "发放准确率"],
      [8, "年度绩效目标2/满意度指标/服务对象满意度", "群众满意度"],
    ]);
    expect(table.groupMaxima.map((group) => [group.path.join("/"), group.max, group.cell])).toEqual(
      [
        ["年度绩效目标1", 40, "A4"],
        ["年度绩效目标1/产出指标", 40, "B5"],
        ["年度绩效目标2", 40, "A7"],
        ["年度绩效目标2/满意度指标", 40, "B8"],
      ]
    );
    expect(reading.forms[0].budget).toMatchObject({
      statedMax: { value: 20, cell: "A2" },
      ratePercent: true,
    });
  });

  it("scores the budget line from the bare 执行率 95 (95 %) and 20 points, and the groups from their scores", () => {
    const result = scoreWorkbook(workbookOf(sheetFromRows("表", rows, merges)));
    const form = result.report.forms[0];
    // 预算: no amounts; 执行率 95 in a % column → 95 % × 20 = 19 (entered 19).
    expect(form.budget && [form.budget.rate, form.budget.max, form.budget.computedScore]).toEqual([
      0.95, 20, 19,
    ]);
    // 19 + (20 + 20) + 38 = 97 of 20 + 40 + 40 = 100.
    expect(form.total).toEqual({ score: 97, max: 100, complete: true });
    // The single indicator of 满意度指标 (40) gets its 分值: 95 % ≥ 90 % met, 38 of 40 → differs.
    const satisfaction = result.report.indicators.find((i) => i.name === "群众满意度")!;
    expect([satisfaction.max, satisfaction.computedScore]).toEqual([40, 40]);
    expect(result.report.indicators.find((i) => i.name === "补贴人数")!.max).toBeNull();
    // The amounts are blank (required: flagged); the lost 2 points have no reason column to go in.
    expect(problemKeys(result)).toEqual([
      "B3 missing-value",
      "C3 missing-value",
      "G8 reason-missing",
      "G8 score-differs",
    ]);
  });

  it("reads the same without merge information (Excel 2016 gives none to an add-in)", () => {
    const reading = readWorkbook(workbookOf(sheetFromRows("表", rows)));
    expect(reading.forms).toHaveLength(1);
    expect(reading.forms[0].table.groupMaxima.map((group) => group.path.join("/"))).toEqual([
      "年度绩效目标1",
      "年度绩效目标1/产出指标",
      "年度绩效目标2",
      "年度绩效目标2/满意度指标",
    ]);
    expect(indicatorRows(reading.forms[0]).map((row) => row[0])).toEqual([5, 6, 8]);
  });

  it("flags a group whose entered scores add up to more than its label's 分值", () => {
    const over = rows.map((row) => row.slice());
    over[4][6] = 25; // 25 + 20 = 45 of 40
    const result = scoreWorkbook(workbookOf(sheetFromRows("表", over, merges)));
    expect(problemKeys(result)).toContain("B5 group-score-exceeds-max");
    expect(problemKeys(result)).toContain("A4 group-score-exceeds-max");
  });
});

describe("3. template rows left as shipped", () => {
  it("skips 指标1, 指标2：, ……, an empty 二级 row and rows of only / — 不适用, with no problem", () => {
    const sheet = sheetFromRows(
      "表",
      [
        [
          "一级指标",
          "二级指标",
          "三级指标",
          "年度指标值",
          "实际完成值",
          "分值",
          "得分",
          "偏差原因分析及改进措施",
        ],
        ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50],
        [null, null, "指标2："],
        [null, null, "……"],
        [null, "质量指标", "指标1"],
        [null, "时效指标"],
        [null, null, null, "/", "/", "—"],
        ["效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", 50, 50],
        [null, null, "不适用", "—", "—"],
        ["总分", null, null, null, null, 100, 100],
      ],
      ["A2:A7", "B2:B4", "A8:A9"]
    );
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.indicators.map((i) => i.row)).toEqual([2, 8, 9]);
    expect(form.table.indicators.filter((i) => i.notApplicable).map((i) => i.row)).toEqual([9]);
    expect(form.table.skippedRows.map((row) => [row.row, row.reason])).toEqual([
      [3, "template"],
      [4, "template"],
      [5, "template"],
      [6, "template"],
      [7, "template"],
      [9, "not-applicable"],
      [10, "total"],
    ]);
    const result = scoreWorkbook(workbookOf(sheet));
    // The row that does not apply is said once, as information (issue 10's not-applicable); no error.
    expect(problemKeys(result)).toEqual(["C9 not-applicable"]);
    expect(result.problems.map((problem) => problem.severity)).toEqual(["info"]);
    expect(result.report.forms[0].total).toMatchObject({ score: 100, max: 100, complete: true });
  });
});

describe("3. rows that do not apply, and the weights", () => {
  it("takes a struck-out row's weight with it: the rest adding up to less than 100 is no error, the total is rescaled", () => {
    const sheet = sheetFromRows("表", [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 80, 80],
      ["效益指标", "生态效益指标", "指标1:/", "/", "/", "/"],
    ]);
    const result = scoreWorkbook(workbookOf(sheet));
    // 不考核该指标，用适用指标得分汇总后按百分制折算: 80 of 80 → 100.
    expect(problemKeys(result)).toEqual(["C3 not-applicable"]);
    expect(result.report.forms[0].total).toMatchObject({ score: 100, max: 100, unscaled: 80 });
    expect(result.report.indicators[1]).toMatchObject({
      kind: "not-applicable",
      max: null,
      score: null,
    });
  });
});

describe("4. breakdown rows (其中…)", () => {
  it("reads 其中 rows under an indicator as parts of it: no 分值 or 得分 by design, no problem", () => {
    const sheet = sheetFromRows("表", [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "★补助粮食作物种植面积", "40亩", "40亩", 100, 100],
      [null, null, "其中：玉米种植面积", "12亩", "12亩"],
      [null, null, "其中：水稻种植面积", "28亩", "28亩"],
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.indicators.map((i) => i.row)).toEqual([2]);
    expect(form.table.skippedRows.map((row) => [row.row, row.reason])).toEqual([
      [3, "breakdown"],
      [4, "breakdown"],
    ]);
    expect(problemKeys(scoreWorkbook(workbookOf(sheet)))).toEqual([]);
  });
});

describe("5. look-alike operators", () => {
  const HEADER = [
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
    "实际完成值",
    "分值",
    "得分",
  ];

  it.each([
    ["═", 100, "98%", 9.8],
    ["＝", 100, "98%", 9.8],
    ["≧", 95, "98%", 10],
    ["≦", 2, "3%", 6.67],
  ])("reads %s as an operator and scores on it", (operator, value, actual, computed) => {
    const sheet = sheetFromRows("表", [
      HEADER,
      ["产出指标", "质量指标", "合格率", operator, value, "%", actual, 10, 5],
    ]);
    const indicator = scoreWorkbook(workbookOf(sheet)).report.indicators[0];
    expect([indicator.kind, indicator.computedScore]).toEqual(["quantitative", computed]);
  });

  it("reads ═100% typed in one cell as =100%", () => {
    const sheet = sheetFromRows("表", [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "质量指标", "合格率", "═100%", "98%", 10, 9.8],
    ]);
    const indicator = scoreWorkbook(workbookOf(sheet)).report.indicators[0];
    expect([indicator.kind, indicator.targetMet, indicator.computedScore]).toEqual([
      "quantitative",
      false,
      9.8,
    ]);
  });

  it("takes the operator and unit from the name when the target is a bare number", () => {
    const sheet = sheetFromRows("表", [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "仓储用房（≥**平方米）", 500, "450平方米", 10, 9],
      ["产出指标", "成本指标", "单位成本（≤**元）", 20, 25, 10, 8],
    ]);
    const [storage, cost] = scoreWorkbook(workbookOf(sheet)).report.indicators;
    // ≥500 平方米, 450 → 450 / 500 × 10 = 9; ≤20 元, 25 → 20 / 25 × 10 = 8.
    expect([storage.kind, storage.targetMet, storage.computedScore]).toEqual([
      "quantitative",
      false,
      9,
    ]);
    expect([cost.kind, cost.targetMet, cost.computedScore]).toEqual(["quantitative", false, 8]);
  });
});

describe("6. department funds blocks", () => {
  it("reads a block of 年初预算数(A) and 全年执行数(B): rate B/A capped, sub-rows not scored", () => {
    const sheet = sheetFromRows("表", [
      ["部门整体支出绩效自评表"],
      ["资金情况（万元）", "年初预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
      ["年度资金总额", 1000, 1050, 10, 1.05, 10],
      ["基本支出", 800, 820, 5, 1.025, 5],
      ["项目支出", 200, 230, 5, 1.15, 5],
      ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "自评得分"],
      ["履职效能", "重点工作", "任务完成率", 90, "100%", "100%", 90],
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.budget).toMatchObject({
      totalRow: 3,
      partRows: [4, 5],
      columns: { initialBudget: 2, executed: 3 },
    });
    const result = scoreWorkbook(workbookOf(sheet));
    const budget = result.report.forms[0].budget!;
    expect([budget.rate, budget.computedScore, budget.score]).toEqual([1.05, 10, 10]);
    expect(result.report.forms[0].total).toEqual({ score: 100, max: 100, complete: true });
    expect(problemKeys(result)).toEqual([]);
  });
});

describe("7. a header with no rows under it", () => {
  const HEADER = ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"];

  it("is no form: what was found is said", () => {
    const reading = readWorkbook(workbookOf(sheetFromRows("表", [["某项目绩效自评表"], HEADER])));
    expect(reading.forms).toEqual([]);
    expect(reading.misses).toMatchObject([{ sheet: "表", headerTop: 2, missing: ["rows"] }]);
  });

  it("scores the budget line alone when it can be, and says so", () => {
    const sheet = sheetFromRows("表", [
      ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 100, 90, 10, 0.9, 9],
      HEADER,
    ]);
    const result = scoreWorkbook(workbookOf(sheet));
    expect(result.report.forms[0].total).toEqual({ score: 9, max: 10, complete: true });
    expect(problemKeys(result)).toEqual(["A3 no-indicator-rows"]);
  });
});

describe("8. line breaks inside labels", () => {
  it("names indicators and groups on one line", () => {
    const sheet = sheetFromRows("表", [
      ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "自评得分"],
      ["管理\n效能", "预算\r\n管理", "预算编制\n科学性", 100, "科学", "较科学", null],
    ]);
    const result = scoreWorkbook(workbookOf(sheet));
    expect(result.report.indicators[0].name).toBe("预算编制科学性");
    expect(result.report.indicators[0].path).toEqual(["管理效能", "预算管理"]);
    expect(result.problems[0].message).toContain("「预算编制科学性」");
  });
});

describe("9. a department table of 指标分值 | 指标解释 | 评分标准 | 自评得分", () => {
  it("reads the entered scores, checks them against 分值 and adds them up", () => {
    const sheet = sheetFromRows("表", [
      ["一级指标", "二级指标", "三级指标", "指标分值", "指标解释", "评分标准", "自评得分"],
      [
        "部门决策",
        "目标设定",
        "绩效目标合理性",
        5,
        "部门整体绩效目标是否符合要求",
        "完全符合得5分，基本符合得3分",
        5,
      ],
      [null, "预算配置", "在职人员控制率", 5, "在职人数与编制数之比", "≤100%得5分，超出不得分", 5],
      ["部门管理", "资金管理", "资金使用合规性", 10, "资金使用是否合规", "每发现一项违规扣2分", 12],
      ["合计", null, null, 20, null, null, 22],
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.columns).toEqual({ level1: 1, level2: 2, level3: 3, max: 4, score: 7 });
    const result = scoreWorkbook(workbookOf(sheet));
    // 12 > 10: invalid, and nothing computes it (no target/actual): 5 + 5 = 10 known, incomplete.
    // The 合计 adds up the cells as the sheet holds them (5 + 5 + 12 = 22): no mismatch there.
    expect(problemKeys(result)).toEqual(["D5 weights-total", "G4 score-exceeds-max"]);
    expect(result.report.forms[0].total).toEqual({ score: 10, max: 20, complete: false });
  });
});

describe("more published variants", () => {
  it("takes 指标方向 written as words over a 指标性质 of 正向/反向 (内蒙古), and reads 正向 as ≥", () => {
    const sheet = sheetFromRows("表", [
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标方向",
        "指标值",
        "度量单位",
        "实际完成值",
        "分值",
        "得分",
      ],
      ["产出指标", "数量指标", "培训人次", "正向", "大于等于", 100, "人次", 90, 50, 45],
      ["产出指标", "成本指标", "人均成本", "反向", "小于等于", 200, "元", 250, 50, 40],
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.columns.nature).toBe(5);
    const result = scoreWorkbook(workbookOf(sheet));
    expect(result.report.indicators.map((i) => [i.target, i.computedScore])).toEqual([
      ["大于等于100人次", 45],
      ["小于等于200元", 40],
    ]);
    const directionOnly = sheetFromRows("表", [
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
      ["产出指标", "数量指标", "培训人次", "正向", 100, "人次", 90, 50, 45],
      ["产出指标", "成本指标", "人均成本", "反向", 200, "元", 250, 50, 40],
    ]);
    const read = scoreWorkbook(workbookOf(directionOnly)).report.indicators;
    // Shown as the sheet states it, scored as ≥100 人次 and ≤200 元.
    expect(read.map((i) => [i.target, i.kind, i.computedScore])).toEqual([
      ["正向100人次", "quantitative", 45],
      ["反向200元", "quantitative", 40],
    ]);
  });

  it("does not take 得分系数 for the score (重庆: 指标权重 | 指标得分 | 得分系数)", () => {
    const sheet = sheetFromRows("表", [
      ["一级指标", "二级指标", "三级指标", "指标权重", "指标得分", "得分系数"],
      ["产出", "数量", "公益林管护面积", 50, 47.5, 0.95],
      ["效益", "生态", "森林覆盖率", 50, 50, 1],
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect([form.table.columns.max, form.table.columns.score]).toEqual([4, 5]);
  });

  it("reads the 三级 columns of a table giving each level its own 分值 and 得分 (湖南)", () => {
    const sheet = sheetFromRows("表", [
      [
        "一级指标",
        "分值",
        "得分",
        "二级指标",
        "分值",
        "得分",
        "三级指标",
        "分值",
        "评价标准",
        "指标说明",
        "得分",
      ],
      ["投入", 20, 18, "目标设定", 10, 9, "绩效目标合理性", 5, "符合得5分", "是否符合", 5],
      [null, null, null, null, null, null, "绩效指标明确性", 5, "明确得5分", "是否明确", 4],
      [null, null, null, "预算配置", 10, 9, "在职人员控制率", 5, "≤100%得5分", "在职/编制", 5],
      [null, null, null, null, null, null, "三公经费变动率", 5, "≤0得5分", "变动", 4],
    ]);
    const [form] = detectForms(workbookOf(sheet));
    expect(form.table.columns).toEqual({ level1: 1, level2: 4, level3: 7, max: 8, score: 11 });
    expect(indicatorRows(form).map((row) => row[1])).toEqual([
      "投入/目标设定",
      "投入/目标设定",
      "投入/预算配置",
      "投入/预算配置",
    ]);
  });
});
