import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { buildNarratives } from "../../../src/engine/narrative/buildNarrative";
import { renderNarrativeMarkdown } from "../../../src/engine/narrative/renderNarrativeMarkdown";
import { sheetFromRows, workbookOf, type TestCell } from "../../helpers/gridFromRows";

function narrativeOf(rows: TestCell[][], merges: string[] = []): string {
  return renderNarrativeMarkdown(
    buildNarratives(scoreWorkbook(workbookOf(sheetFromRows("Sheet1", rows, merges))))
  );
}

/**
 * The trial's 老旧小区改造 form: no 分值 column, maxima only in the 一级 labels (湖北 style), every
 * score entered. 产出指标 20 + 15 + 10 + 8 = 53 against its 50.
 */
const LABELS_ONLY: TestCell[][] = [
  ["项目支出绩效自评表"],
  ["（2024年度）"],
  ["项目名称", "老旧小区改造项目"],
  ["项目资金（万元）（10分）", "年初预算数", "全年预算数", "全年执行数", "执行率", "得分"],
  ["年度资金总额", 1500, 1500, 1350, 0.9, 9],
  [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "得分",
    "偏差原因分析及改进措施",
  ],
  ["产出指标（50分）", "数量指标", "改造小区个数", "≥15个", "15个", 20],
  [null, "质量指标", "竣工验收合格率", "100%", "100%", 15],
  [null, "时效指标", "按期开工率", "≥90%", "85%", 10, "2个小区居民意见未统一"],
  [null, "成本指标", "户均改造成本", "≤3万元", "2.9万元", 8],
  ["效益指标（30分）", "社会效益指标", "惠及居民户数", "≥3000户", "3200户", 15],
  [null, "可持续影响指标", "长效管理机制", "建立", "已建立", 15],
  ["满意度指标（10分）", "服务对象满意度指标", "居民满意度", "≥90%", "91%", 10],
];
const LABELS_MERGES = ["A7:A10", "A11:A12"];

describe("the 自评表说明 of a form whose maxima are only in labels (湖北 style)", () => {
  const text = narrativeOf(LABELS_ONLY, LABELS_MERGES);

  it("does not call entered scores undetermined: their 分值 is what is not stated", () => {
    expect(text).not.toContain("得分尚无法确定");
    expect(text).toContain("全部7项绩效指标中，1项得满分，6项未单独列明分值，得分按表内填写计入。");
  });

  it("gives each sub-group its entered score and no 分值 it does not have", () => {
    expect(text).toContain("（1）数量指标，自评得分20分。");
    expect(text).toContain("（3）时效指标，自评得分10分。");
    expect(text).not.toMatch(/分值未填写分|分值未填写/);
  });

  it("says a missed target without claiming full marks when the 分值 is unknown", () => {
    expect(text).toContain("按期开工率年度指标值≥90%，实际完成值85%，未达到年度指标值，偏差原因");
    expect(text).not.toContain("未达到年度指标值但得满分");
  });

  it("names a group scored above its label's 分值 among the problems", () => {
    expect(text).toMatch(
      /二、存在的主要问题\n\n.*产出指标下各指标自评得分合计53分，超过其分值50分/
    );
  });
});

describe("the 自评表说明's names of a template's numbered rows (安徽: 指标1:…)", () => {
  const text = narrativeOf([
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "质量指标", "指标1:工程质量合格", "合格", "合格", 50, 50],
    ["效益指标", "生态效益指标", "指标1:/", "/", "/"],
    [null, "社会效益指标", "指标1:全市安全度汛", "安全度汛", "安全度汛", 50, 50],
  ]);

  it("leaves the template's numbering out of the name", () => {
    expect(text).toContain("工程质量合格年度指标值为合格");
    expect(text).not.toContain("指标1:");
  });

  it("names a row struck out whole by its sub-group", () => {
    expect(text).toContain("生态效益指标，不适用，不予考核。");
  });
});
