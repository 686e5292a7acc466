import JSZip from "jszip";
import { renderNarrativeDocx, tableColumnWidths } from "../../src/docx/renderNarrativeDocx";
import type { NarrativeDocument } from "../../src/engine/narrative/types";

const DOCUMENT: NarrativeDocument = {
  blocks: [
    { kind: "title", text: "某区教育局2024年度部门整体支出绩效自评表说明" },
    { kind: "heading", level: 1, text: "一、绩效自评情况" },
    { kind: "heading", level: 2, text: "（一）部门整体支出绩效目标" },
    {
      kind: "table",
      header: ["年度主要工作任务", "年度绩效目标", "完成情况"],
      rows: [["教育事业发展", "学前教育毛入园率≥95%。", "学前教育毛入园率97.2%。"]],
    },
    { kind: "paragraph", text: "（1）预算编制，分值3分，自评得分3分。" },
    // Cell text that Word or Excel could read as a field, a formula or markup.
    { kind: "paragraph", text: '=HYPERLINK("http://x") { PAGE } <w:t>&amp;' },
  ],
};

async function documentXml(documents: readonly NarrativeDocument[]): Promise<string> {
  const bytes = await renderNarrativeDocx(documents);
  const zip = await JSZip.loadAsync(bytes);
  return zip.file("word/document.xml")!.async("string");
}

function paragraphTexts(xml: string): string[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((paragraph) =>
    (paragraph.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? [])
      .map((run) => run.replace(/<[^>]+>/g, ""))
      .join("")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
  );
}

describe("renderNarrativeDocx", () => {
  it("writes a .docx whose document.xml holds every paragraph and table cell", async () => {
    const texts = paragraphTexts(await documentXml([DOCUMENT]));
    for (const text of [
      "某区教育局2024年度部门整体支出绩效自评表说明",
      "一、绩效自评情况",
      "（一）部门整体支出绩效目标",
      "年度主要工作任务",
      "学前教育毛入园率97.2%。",
      "（1）预算编制，分值3分，自评得分3分。",
    ])
      expect(texts).toContain(text);
  });

  it("has the 公文 look: A4 with its margins, centred title, 黑体/楷体 headings, 仿宋 body", async () => {
    const xml = await documentXml([DOCUMENT]);
    expect(xml).toMatch(/<w:pgSz w:w="11907" w:h="16840"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"/);
    const paragraphOf = (text: string): string =>
      (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).find((p) => p.indexOf(text) >= 0)!;
    expect(paragraphOf("自评表说明")).toContain('<w:jc w:val="center"/>');
    expect(paragraphOf("一、绩效自评情况")).toContain('w:eastAsia="黑体"');
    expect(paragraphOf("（一）部门整体支出绩效目标")).toContain('w:eastAsia="楷体"');
    const body = paragraphOf("（1）预算编制");
    expect(body).toContain('w:eastAsia="仿宋"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toMatch(/w:firstLine="640"/);
  });

  it("writes cell text as plain text: no field, hyperlink or formula comes of it", async () => {
    const xml = await documentXml([DOCUMENT]);
    expect(paragraphTexts(xml)).toContain('=HYPERLINK("http://x") { PAGE } <w:t>&amp;');
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText|<w:hyperlink|<w:fldChar/);
  });

  it("starts each further form on a new page", async () => {
    const xml = await documentXml([DOCUMENT, DOCUMENT]);
    expect(xml.match(/<w:pageBreakBefore\/>/g) ?? []).toHaveLength(1);
  });
});

describe("tableColumnWidths", () => {
  it("gives short columns what they need and the long ones the rest, by their need", () => {
    const widths = tableColumnWidths(
      ["序号", "单位", "项目名称", "总分", "评级", "执行率"],
      [
        ["1", "永德县教育体育局", "农村义务教育学生营养改善计划补助资金", "99.75", "优", "100%"],
        ["2", "塘湖镇人民政府", "部门整体", "—", "—", "—"],
      ]
    );
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(100);
    const [serial, unit, project, score, rating, rate] = widths;
    // 单位 and 项目名称 hold 8 and 15+ 汉字: they are the wide ones.
    expect(project).toBeGreaterThan(unit);
    expect(unit).toBeGreaterThan(rate);
    for (const narrow of [serial, score, rating, rate]) expect(narrow).toBeLessThan(14);
    // "99.75" (5 units) and 3 of padding, of the page's 73: never wrapped for a share by need.
    expect(score).toBeCloseTo((8 / 73) * 100);
  });

  it("writes the widths into the table's cells", async () => {
    const xml = await documentXml([
      {
        blocks: [
          {
            kind: "table",
            header: ["序号", "项目名称"],
            rows: [["1", "农村义务教育学生营养改善计划补助资金"]],
          },
        ],
      },
    ]);
    const cellWidths = (xml.match(/<w:tcW w:type="pct" w:w="(\d+)"/g) ?? []).map((m) =>
      Number(/w:w="(\d+)"/.exec(m)![1])
    );
    // 序号 needs 7 units, 项目名称 33: 7/40 and 33/40 of the width, in fiftieths of a percent.
    expect(cellWidths.slice(0, 2)).toEqual([
      Math.round((7 / 40) * 5000),
      Math.round((33 / 40) * 5000),
    ]);
  });
});
