import { buildNarrativeSheet } from "../../../src/engine/output/buildNarrativeSheet";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { DEPARTMENT_HEADER } from "../../helpers/templateHeaders";

const HEADER = DEPARTMENT_HEADER;

describe("buildNarrativeSheet", () => {
  it("counts each form's own problems when two forms share a sheet", () => {
    const sheet = sheetFromRows("项目表", [
      ["项目支出绩效自评表"],
      ["项目名称：校园安全"],
      HEADER,
      ["产出指标", "数量指标", "改造学校数", 100, "≥40所", "40所", 100, null],
      ["总分", null, null, 100, null, null, 100, null],
      [],
      ["项目支出绩效自评表"],
      ["项目名称：食堂改造"],
      HEADER,
      // 100 × 30/40 = 75, no reason → one warning, in the second form only
      ["产出指标", "数量指标", "改造食堂数", 100, "≥40个", "30个", null, null],
      ["总分", null, null, 100, null, null, null, null],
    ]);
    const result = scoreWorkbook(workbookOf(sheet));
    expect(result.forms).toHaveLength(2);
    const texts = buildNarrativeSheet(result).rows.map((row) =>
      row.cells.map((cell) => (cell && "text" in cell ? cell.text : "")).join("")
    );
    const first = texts.find((text) => text.indexOf("“校园安全”项目支出绩效自评得分100分") >= 0)!;
    const second = texts.find((text) => text.indexOf("“食堂改造”项目支出绩效自评得分75分") >= 0)!;
    expect(first).toContain("共1项绩效指标，均得满分。");
    expect(first).not.toContain("发现问题");
    expect(second).toContain("共1项绩效指标，其中1项有扣分。");
    expect(second).toContain("评分时发现问题1个，详见");
    expect(texts).toContain("“校园安全”项目支出绩效自评表说明");
  });
});
