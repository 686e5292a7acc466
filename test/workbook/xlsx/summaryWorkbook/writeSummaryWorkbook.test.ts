import ExcelJS from "exceljs";
import { DOMParser } from "@xmldom/xmldom";
import { buildBatchSummary } from "../../../../src/engine/batch/buildBatchSummary";
import type { BatchFile } from "../../../../src/engine/batch/types";
import { readXlsxGrid } from "../../../../src/workbook/xlsx/readXlsxGrid";
import { writeSummaryWorkbook } from "../../../../src/workbook/xlsx/summaryWorkbook/writeSummaryWorkbook";
import { SUMMARY_HEADER } from "../../../../src/workbook/xlsx/summaryWorkbook/summarySheet";
import { PROBLEM_HEADER } from "../../../../src/workbook/xlsx/summaryWorkbook/problemSheet";
import {
  RANKING_HEADER,
  SAMPLE_HEADER,
} from "../../../../src/workbook/xlsx/summaryWorkbook/reviewSheet";
import { batchFile, batchForm } from "../../../engine/batch/batchForms";
import { partText, unzipParts } from "../packageInspection";

const files: BatchFile[] = [
  batchFile(
    "乡镇/项目一.xlsx",
    [
      batchForm({
        unitName: "某区教育局",
        projectName: '=HYPERLINK("http://x")',
        total: { score: 88.53, max: 100, complete: false },
        rating: "良",
        statedTotal: 78.75,
        errors: 2,
        warnings: 1,
        alerts: ["score-ahead-of-spending"],
        problemCounts: { "missing-value": 2, "reason-missing": 1 },
        mainProblems: ["「项目按期完成率」实际完成值未填写，请补充。"],
        budget: { budget: 760, executed: 722, rate: 0.95, unit: "万元" },
      }),
    ],
    {
      scoredCopy: "评分副本/乡镇/项目一.xlsx",
      problems: [
        {
          form: 0,
          sheet: "项目自评表",
          cell: "F14",
          subject: "项目按期完成率",
          code: "missing-value",
          severity: "error",
          message: "「项目按期完成率」实际完成值未填写，请补充。",
        },
        {
          form: 0,
          sheet: "项目自评表",
          cell: "I18",
          subject: "师生满意度",
          code: "reason-missing",
          severity: "warning",
          message: "「师生满意度」有扣分，但未填写偏差原因分析及改进措施。",
        },
      ],
    }
  ),
  batchFile("部门.xlsx", [
    batchForm({
      unitName: "某区卫生健康局",
      kind: "department",
      projectName: null,
      budget: null,
      total: { score: 98.36, max: 100, complete: true },
    }),
  ]),
  batchFile("县里/营养餐.xlsx", [
    batchForm({
      projectName: "营养改善计划",
      total: { score: 61, max: 100, complete: true },
      rating: "中",
      // 2,000,000 元 = 200 万元
      budget: { budget: 2000000, executed: 1500000, rate: 0.75, unit: "元" },
    }),
  ]),
  batchFile("加密.xlsx", [], { status: "failed", notes: [{ code: "encrypted" }] }),
];
const summary = buildBatchSummary(files, { ignored: 2, samplePercent: 50 });

async function written() {
  const bytes = await writeSummaryWorkbook(summary, { createdAt: new Date(Date.UTC(2025, 0, 2)) });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, workbook, parts: await unzipParts(bytes) };
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

function wellFormed(xml: string): void {
  const errors: string[] = [];
  new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== "warning") errors.push(message);
    },
  }).parseFromString(xml, "text/xml");
  expect(errors).toEqual([]);
}

describe("writeSummaryWorkbook", () => {
  it("writes four sheets, every part well-formed", async () => {
    const { workbook, parts } = await written();
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "汇总表",
      "问题清单",
      "抽查建议",
      "统计",
    ]);
    for (const name of parts.keys())
      if (/\.(xml|rels)$/.test(name)) wellFormed(partText(parts, name));
  });

  describe("汇总表", () => {
    it("has one row per form and one per file without a form, then a total row", async () => {
      const { workbook } = await written();
      const sheet = workbook.getWorksheet("汇总表")!;
      expect(rowValues(sheet, 1)).toEqual([...SUMMARY_HEADER]);
      const row = (header: (typeof SUMMARY_HEADER)[number], r: number) =>
        sheet.getRow(r).getCell(SUMMARY_HEADER.indexOf(header) + 1);
      expect(row("文件", 2).value).toMatchObject({ text: "乡镇/项目一.xlsx" });
      expect(row("单位", 2).value).toBe("某区教育局");
      // Text from a cell stays text, whatever it looks like.
      expect(row("项目名称", 2).value).toBe('=HYPERLINK("http://x")');
      expect(row("项目名称", 2).formula).toBeUndefined();
      expect(row("全年预算数（万元）", 2).value).toBe(760);
      expect(row("全年预算数（万元）", 2).numFmt).toBe("#,##0.00");
      expect(row("执行率", 2).value).toBe(0.95);
      expect(row("执行率", 2).numFmt).toBe("0.00%");
      expect(row("总分", 2).value).toBe(88.53);
      expect(row("评级", 2).value).toBe("良");
      expect(row("表内填写的总分/评级", 2).value).toBe("总分 78.75");
      expect(row("是否完整", 2).value).toBe("否");
      expect(row("错误", 2).value).toBe(2);
      expect(row("预警", 2).value).toBe("得分高于支出进度");
      expect(row("主要问题", 2).value).toBe("「项目按期完成率」实际完成值未填写，请补充。");
      expect(row("项目名称", 3).value).toBe("部门整体");
      expect(row("类型", 3).value).toBe("部门整体支出");
      expect(row("全年预算数（万元）", 3).value).toBeNull();
      // 元 are shown in 万元
      expect(row("全年预算数（万元）", 4).value).toBe(200);
      expect(row("全年执行数（万元）", 4).value).toBe(150);
      expect(row("状态", 5).value).toBe("无法打开");
      expect(row("主要问题", 5).value).toBe(
        "工作簿已加密，请先取消密码再评分（Excel：文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码后保存）。"
      );
      expect(row("序号", 6).value).toBe("合计");
      // Only the rows stating both amounts, the visible ones: the 汇总分析报告's figures.
      expect(row("全年预算数（万元）", 6).value).toMatchObject({
        formula: "SUMPRODUCT(SUBTOTAL(109,OFFSET(I2,ROW(I2:I5)-ROW(I2),0)),--ISNUMBER(J2:J5))",
        result: 960,
      });
      expect(row("执行率", 6).value).toMatchObject({ result: (722 + 150) / 960 });
      expect(row("主要问题", 6).value).toBe(
        "全年预算数、全年执行数合计及执行率只计两项均已填写的表（2张）。"
      );
      expect(row("错误", 6).value).toMatchObject({ formula: "SUBTOTAL(109,Q2:Q5)", result: 2 });
      expect(sheet.rowCount).toBe(6);
    });

    it("leaves out of the 合计 a form whose 执行数 is blank, as the report does, and says so", async () => {
      const bytes = await writeSummaryWorkbook(
        buildBatchSummary([
          batchFile("a.xlsx", [
            batchForm({ budget: { budget: 100, executed: 90, rate: 0.9, unit: "万元" } }),
          ]),
          batchFile("b.xlsx", [
            batchForm({ budget: { budget: 864.2, executed: null, rate: null, unit: "万元" } }),
          ]),
        ]),
        { createdAt: new Date(Date.UTC(2025, 0, 2)) }
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet("汇总表")!;
      const cell = (header: (typeof SUMMARY_HEADER)[number]) =>
        sheet.getRow(4).getCell(SUMMARY_HEADER.indexOf(header) + 1).value;
      expect(cell("全年预算数（万元）")).toMatchObject({ result: 100 });
      expect(cell("全年执行数（万元）")).toMatchObject({ result: 90 });
      expect(cell("执行率")).toMatchObject({ result: 0.9 });
      expect(cell("主要问题")).toBe(
        "全年预算数、全年执行数合计及执行率只计两项均已填写的表（1张；另有1张只填写了其中一项，未计入）。"
      );
    });

    it("colours the ratings, freezes the header and file columns, and filters the rows", async () => {
      const { workbook, parts } = await written();
      const sheet = workbook.getWorksheet("汇总表")!;
      const fill = (r: number) =>
        ((sheet.getRow(r).getCell(14).fill as ExcelJS.FillPattern).fgColor as { argb: string })
          .argb;
      expect(fill(2)).toBe("FFDDEBF7"); // 良
      expect(fill(3)).toBe("FFC6EFCE"); // 优
      expect(fill(4)).toBe("FFFFEB9C"); // 中
      expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1 });
      expect(sheet.autoFilter).toBe("A1:T5");
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToWidth: 1,
      });
      const workbookXml = partText(parts, "xl/workbook.xml");
      expect(workbookXml).toContain(
        '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'汇总表\'!$A$1:$T$5</definedName>'
      );
      expect(workbookXml).toContain(
        '<definedName name="_xlnm.Print_Titles" localSheetId="0">\'汇总表\'!$1:$1</definedName>'
      );
    });

    it("links a file to its scored copy", async () => {
      const { workbook } = await written();
      const cell = workbook.getWorksheet("汇总表")!.getCell("B2");
      expect(cell.value).toEqual({
        text: "乡镇/项目一.xlsx",
        hyperlink: "评分副本/乡镇/项目一.xlsx",
      });
    });
  });

  describe("问题清单", () => {
    it("lists every problem, the cell linked into the scored copy, and the files not scored", async () => {
      const { workbook, parts } = await written();
      const sheet = workbook.getWorksheet("问题清单")!;
      expect(rowValues(sheet, 1)).toEqual([...PROBLEM_HEADER]);
      expect(rowValues(sheet, 2)).toEqual([
        1,
        "乡镇/项目一.xlsx",
        "项目自评表",
        { text: "F14", hyperlink: "评分副本/乡镇/项目一.xlsx#'项目自评表'!F14" },
        "项目按期完成率",
        "错误",
        "「项目按期完成率」实际完成值未填写，请补充。",
      ]);
      expect(rowValues(sheet, 3)[5]).toBe("警告");
      expect(rowValues(sheet, 4)).toEqual([
        3,
        "加密.xlsx",
        undefined,
        undefined,
        "无法打开",
        "错误",
        "工作簿已加密，请先取消密码再评分（Excel：文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码后保存）。",
      ]);
      expect(sheet.rowCount).toBe(4);
      const rels = partText(parts, "xl/worksheets/_rels/sheet2.xml.rels");
      expect(rels).toContain(
        'Target="评分副本/乡镇/项目一.xlsx#\'项目自评表\'!F14" TargetMode="External"'
      );
    });
  });

  describe("抽查建议", () => {
    it("ranks every form by risk with its reasons, then draws the sample by budget band", async () => {
      const { workbook } = await written();
      const sheet = workbook.getWorksheet("抽查建议")!;
      expect(String(sheet.getCell("A1").value)).toMatch(/^一、按风险排序/);
      expect(rowValues(sheet, 2)).toEqual([...RANKING_HEADER]);
      expect(rowValues(sheet, 3).slice(0, 2)).toEqual([1, "乡镇/项目一.xlsx"]);
      expect(String(rowValues(sheet, 3)[9])).toContain("错误 2 个");
      expect(String(rowValues(sheet, 3)[9])).toContain("预警：得分高于支出进度");
      // 营养餐: 75 % executed, and 中 → low execution; 部门 has nothing to flag.
      expect(rowValues(sheet, 4).slice(1, 2)).toEqual(["县里/营养餐.xlsx"]);
      expect(rowValues(sheet, 5)[9]).toBe("未发现需重点关注的问题");
      const titles = sheet
        .getColumn(1)
        .values.filter((value) => typeof value === "string" && value.startsWith("二、"));
      expect(titles).toHaveLength(1);
      expect(titles[0]).toContain("每档抽取 50%");
      expect(titles[0]).toContain("随机种子 " + summary.sample.seed);
      let headerRow = 0;
      sheet.eachRow((row, number) => {
        if (row.getCell(10).value === "预算规模") headerRow = number;
      });
      expect(rowValues(sheet, headerRow)).toEqual([...SAMPLE_HEADER]);
      const drawn = summary.sample.bands.reduce((sum, band) => sum + band.picked.length, 0);
      expect(sheet.rowCount).toBe(headerRow + drawn);
      expect(sheet.autoFilter).toBe("A2:J5");
    });
  });

  describe("统计", () => {
    it("counts forms by rating and kind, and spreads the totals and rates", async () => {
      const { workbook } = await written();
      const sheet = workbook.getWorksheet("统计")!;
      expect(rowValues(sheet, 3)).toEqual(["评级", "表数", "占比"]);
      expect(rowValues(sheet, 4)).toEqual(["优", 1, 1 / 3]);
      expect(rowValues(sheet, 5)).toEqual(["良", 1, 1 / 3]);
      expect(rowValues(sheet, 6)).toEqual(["中", 1, 1 / 3]);
      expect(rowValues(sheet, 7)).toEqual(["差", 0, 0]);
      expect(rowValues(sheet, 8)).toEqual(["合计", 3, 1]);
      const values = sheet.getSheetValues().map((row) => (row ? (row as unknown[]).slice(1) : row));
      const find = (label: string) => values.find((row) => row && row[0] === label) as unknown[];
      expect(find("项目支出")).toEqual(["项目支出", 2]);
      expect(find("部门整体支出")).toEqual(["部门整体支出", 1]);
      // 项目一's 88.53 is incomplete: it is no total to average, and said to be left out.
      expect(find("总分").slice(0, 2)).toEqual(["总分", 2]);
      expect(find("总分")[2]).toBeCloseTo((98.36 + 61) / 2, 10);
      expect(find("总分不完整、超过满分或满分不是100分（未计入总分统计）")).toEqual([
        "总分不完整、超过满分或满分不是100分（未计入总分统计）",
        1,
      ]);
      expect(find("预算执行率").slice(0, 2)).toEqual(["预算执行率", 2]);
      expect(find("非表格文件（已忽略）")).toEqual(["非表格文件（已忽略）", 2]);
      expect(find("无法打开")).toEqual(["无法打开", 1]);
    });

    it("draws the 评级 distribution as a native chart part over those cells", async () => {
      const { parts } = await written();
      const sheetRels = partText(parts, "xl/worksheets/_rels/sheet4.xml.rels");
      expect(sheetRels).toContain('Target="../drawings/drawing1.xml"');
      expect(partText(parts, "xl/worksheets/sheet4.xml")).toContain('<drawing r:id="rId1"/>');
      expect(partText(parts, "xl/drawings/_rels/drawing1.xml.rels")).toContain(
        'Target="../charts/chart1.xml"'
      );
      expect(partText(parts, "xl/drawings/drawing1.xml")).toContain("<c:chart xmlns:c=");
      const chart = partText(parts, "xl/charts/chart1.xml");
      expect(chart).toContain('<c:barChart><c:barDir val="col"/>');
      expect(chart).toContain("<c:f>'统计'!$A$4:$A$7</c:f>");
      expect(chart).toContain("<c:f>'统计'!$B$4:$B$7</c:f>");
      expect(chart).toContain('<c:pt idx="0"><c:v>优</c:v></c:pt>');
      expect(chart).toContain('<c:pt idx="2"><c:v>1</c:v></c:pt>');
      expect(chart).toContain("<a:t>评级分布</a:t>");
      const types = partText(parts, "[Content_Types].xml");
      expect(types).toContain(
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>'
      );
      expect(types).toContain(
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'
      );
      expect(Array.from(parts.keys())[0]).toBe("[Content_Types].xml");
    });
  });

  it("reads back with the project's own reader: the same cells", async () => {
    const { bytes } = await written();
    const { grid } = await readXlsxGrid(bytes);
    const sheet = grid.sheets.find((candidate) => candidate.name === "汇总表")!;
    expect(sheet.cell(1, 1)!.value).toBe("序号");
    expect(sheet.cell(2, 6)!.value).toBe('=HYPERLINK("http://x")');
    expect(sheet.cell(2, 6)!.formula).toBeNull();
    expect(sheet.cell(2, 11)!.text).toBe("95.00%");
    expect(sheet.cell(6, 9)!.formula).toBe(
      "SUMPRODUCT(SUBTOTAL(109,OFFSET(I2,ROW(I2:I5)-ROW(I2),0)),--ISNUMBER(J2:J5))"
    );
    expect(sheet.cell(6, 9)!.value).toBe(960);
    expect(grid.sheets.map((candidate) => candidate.name)).toEqual([
      "汇总表",
      "问题清单",
      "抽查建议",
      "统计",
    ]);
  });

  it("writes no file link when no scored copy was made", async () => {
    const plain = buildBatchSummary([files[1]]);
    const parts = await unzipParts(await writeSummaryWorkbook(plain));
    expect(parts.has("xl/worksheets/_rels/sheet1.xml.rels")).toBe(false);
    expect(partText(parts, "xl/worksheets/sheet1.xml")).not.toContain("<hyperlinks>");
  });
});
