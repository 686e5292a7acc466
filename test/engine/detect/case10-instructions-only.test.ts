/**
 * Case 10: a sheet that holds only instructions (填表说明, 评分标准) has no form; a workbook whose
 * sheets are all instructions scores to no forms.
 */
import { detectForms } from "../../../src/engine/detect/detectForms";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { loadLayout } from "./helpers/loadFixture";

describe("case 10: instructions only (instructions-only.xlsx)", () => {
  it("finds no form on the 填表说明 and 评分标准 sheets", async () => {
    const workbook = await loadLayout("instructions-only");
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(["填表说明", "评分标准"]);
    expect(detectForms(workbook)).toEqual([]);
  });

  it("scores to a report with no forms", async () => {
    const result = scoreWorkbook(await loadLayout("instructions-only"), {
      fileName: "instructions-only.xlsx",
    });
    expect(result.forms).toEqual([]);
    expect(result.report.forms).toEqual([]);
    expect(result.report.indicators).toEqual([]);
    expect(result.report.groups).toEqual([]);
    expect(result.report.total).toBeNull();
    expect(result.report.rating).toBeNull();
    expect(result.problems).toEqual([]);
  });

  it("skips the 填表说明 sheet of a workbook that also holds forms", async () => {
    const forms = detectForms(await loadLayout("multi-project-sheets"));
    expect(forms.map((form) => form.sheet)).toEqual(["营养改善计划", "校舍维修改造", "教师培训"]);
  });

  it("finds no form in a glossary whose rows each name one column", () => {
    const sheet = sheetFromRows("填表说明", [
      ["栏目", "填写要求"],
      ["一级指标", "产出指标、效益指标、满意度指标"],
      ["三级指标", "按批复的绩效目标填写"],
      ["分值", "按批复的权重填写"],
      ["年度指标值", "填写年初批复的指标值"],
      ["实际完成值", "定量指标须填写具体数值"],
      ["得分", "按评分规则计算，保留两位小数"],
      ["偏差原因分析及改进措施", "未完成指标值或扣分的须填写"],
    ]);
    expect(detectForms(workbookOf(sheet))).toEqual([]);
  });
});
