import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { buildNarratives } from "../../../src/engine/narrative/buildNarrative";
import type { NarrativeTemplateOverride } from "../../../src/engine/narrative/narrativeTemplate";
import { loadNarrativeTemplateOverride } from "../../../src/engine/narrative/narrativeTemplateSchema";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";

/** The narrative of a small project form, its blocks' texts one per line. */
function narrativeOf(override: NarrativeTemplateOverride | null): string[] {
  const sheet = sheetFromRows("项目表", [
    ["项目支出绩效自评表"],
    ["（2024年度）"],
    ["项目名称", "农田灌溉"],
    ["主管部门", "某县农业农村局"],
    ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因"],
    ["产出指标", "数量指标", "灌溉面积", "≥5000亩", "4000亩", 20, 16, null],
    ["产出指标", "数量指标", "泵站数", "≥6个", "4个", 20, 13.33, null],
    ["产出指标", "质量指标", "工程质量", "优良", "优良", 20, 20, null],
    ["效益指标", "社会效益指标", "受益农户", "≥300户", "300户", 20, 20, null],
    ["满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "95%", 10, 10, null],
    ["满意度指标", "服务对象满意度指标", "村委满意度", "≥90%", null, 5, 5, null],
    ["满意度指标", "服务对象满意度指标", "乡镇满意度", "≥90%", null, 5, 5, null],
  ]);
  return buildNarratives(scoreWorkbook(workbookOf(sheet)), override)[0].blocks.map((block) =>
    block.kind === "table" ? block.rows.map((row) => row.join(" | ")).join("\n") : block.text
  );
}

describe("the narrative's punctuation and numbering", () => {
  it("come from the template, as the words do", () => {
    const builtIn = narrativeOf(null).join("\n");
    expect(builtIn).toContain("农田灌溉项目支出绩效自评表说明");
    expect(builtIn).toContain("（一）项目绩效目标");
    expect(builtIn).toContain("（1）数量指标");
    expect(builtIn).toContain("灌溉面积≥5000亩；泵站数≥6个。");
    expect(builtIn).toContain("工程质量：优良。");
    expect(builtIn).toContain("5项得满分，2项有扣分");
    expect(builtIn).toContain("补齐村委满意度、乡镇满意度未填写的数据");

    const override = loadNarrativeTemplateOverride(
      JSON.stringify({
        sentenceEnd: "．",
        phraseSeparator: "／",
        namesMore: "{names}诸项",
        sectionNumber: "〔{n}〕",
        itemNumber: "{n}. ",
        projectWord: "工程",
        goals: { numberEntry: "{name} {value}", wordsEntry: "{name}＝{value}" },
        limits: { namesPerItem: 1 },
      })
    );
    const own = narrativeOf(override).join("\n");
    expect(own).toContain("农田灌溉工程支出绩效自评表说明");
    expect(own).toContain("〔一〕项目绩效目标");
    expect(own).toContain("1. 数量指标");
    expect(own).toContain("灌溉面积 ≥5000亩；泵站数 ≥6个．");
    expect(own).toContain("工程质量＝优良．");
    expect(own).toContain("5项得满分／2项有扣分");
    expect(own).toContain("补齐村委满意度诸项未填写的数据");
    expect(own).not.toMatch(/（[一二三四五六七八九十\d]+）/);
  });
});
