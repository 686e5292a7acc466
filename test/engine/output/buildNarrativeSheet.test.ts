import { buildNarrativeSheet } from "../../../src/engine/output/buildNarrativeSheet";
import { buildNarratives } from "../../../src/engine/narrative/buildNarrative";
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
    const output = buildNarrativeSheet(buildNarratives(result));
    const texts = output.rows.map((row) =>
      row.cells.map((cell) => (cell && "text" in cell ? cell.text : "")).join("")
    );
    const secondTitle = texts.indexOf("食堂改造项目支出绩效自评表说明");
    expect(texts.indexOf("校园安全项目支出绩效自评表说明")).toBe(0);
    expect(secondTitle).toBeGreaterThan(0);
    expect(texts[secondTitle - 1]).toBe("");
    const first = texts.slice(0, secondTitle);
    const second = texts.slice(secondTitle);
    expect(first).toContain(
      "校园安全项目支出绩效自评得分100分，评级为优。其中，产出指标分值100分，自评得分100分。全部1项绩效指标均得满分。"
    );
    expect(first).toContain("本次自评未发现扣分指标和数据填报问题。");
    expect(second.join("")).toContain("食堂改造项目支出绩效自评得分75分，评级为中。");
    expect(second.join("")).toContain(
      "一是改造食堂数未达到年度指标值（年度指标值≥40个，实际完成值30个），扣25分，未填写偏差原因分析。"
    );
    expect(first.join("")).not.toContain("改造食堂数");
  });

  it("lays the narrative out for print: merged paragraphs, bold headings, a bordered goals table", () => {
    const sheet = sheetFromRows("部门表", [
      ["2024年度部门整体支出绩效自评表"],
      ["部门名称：某区文化局"],
      DEPARTMENT_HEADER,
      ["履职效能", "文化服务", "公共文化活动场次", 60, "≥100场", "120场", 60, null],
      ["管理效能", "预算执行", "预算执行率", 40, "≥95%", "98%", 40, null],
      ["合计", null, null, 100, null, null, 100, null],
    ]);
    const output = buildNarrativeSheet(buildNarratives(scoreWorkbook(workbookOf(sheet))));
    expect(output.owner).toBe("narrative");
    expect(output.printFitWidth).toBe(true);
    expect(output.landscape).toBeFalsy();
    const span = output.columnWidths.length;
    expect(span).toBe(3);
    const styled = output.rows.map((row) => {
      const cell = row.cells[0];
      return {
        text: cell && "text" in cell ? cell.text : "",
        style: cell ? cell.style : undefined,
        row,
      };
    });
    const title = styled[0];
    expect(title.text).toBe("某区文化局2024年度部门整体支出绩效自评表说明");
    expect(title.style).toBe("title");
    for (const heading of [
      "一、绩效自评情况",
      "（二）自评结论综述",
      "二、存在的主要问题",
      "三、下一步改进措施",
    ]) {
      const found = styled.find((entry) => entry.text === heading)!;
      expect(found.style).toBe("heading");
      expect(found.row.mergeAcross).toBe(span);
    }
    const header = styled.find((entry) => entry.text === "年度主要工作任务")!;
    expect(header.row.cells.map((cell) => cell && "text" in cell && cell.text)).toEqual([
      "年度主要工作任务",
      "年度绩效目标",
      "完成情况",
    ]);
    expect(header.style).toBe("tableHeader");
    const taskRow = output.rows[output.rows.indexOf(header.row) + 1];
    expect(taskRow.cells.map((cell) => cell && "text" in cell && cell.text)).toEqual([
      "文化服务",
      "公共文化活动场次≥100场。",
      "公共文化活动场次120场。",
    ]);
    expect(taskRow.cells.every((cell) => cell !== null && cell.style === "tableCell")).toBe(true);
    const paragraphs = styled.filter((entry) => entry.style === "body");
    expect(paragraphs.length).toBeGreaterThan(3);
    expect(paragraphs.every((entry) => entry.row.mergeAcross === span)).toBe(true);
  });
});
