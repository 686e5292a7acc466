import ExcelJS from "exceljs";
import { fingerprintTexts } from "../../../src/engine/output/fingerprintTexts";
import { outputSheetTexts } from "../../../src/engine/output/outputSheetTexts";
import { planOutputSheets } from "../../../src/engine/output/planOutputSheets";
import type {
  CellMark,
  OutputRow,
  OutputSheet,
  PlacedOutputSheet,
  WritePlan,
} from "../../../src/engine/output/types";
import { readOwnerMarks } from "../../../src/workbook/xlsx/readOwnerMarks";
import { readXlsxGrid } from "../../../src/workbook/xlsx/readXlsxGrid";
import { writeScoredCopy } from "../../../src/workbook/xlsx/writeScoredCopy";
import { openZipPackage } from "../../../src/workbook/xlsx/zipPackage";
import {
  EXISTING_NOTE_CELL,
  MAIN_SHEET,
  MAIN_SHEET_PART,
  SECOND_SHEET,
  SECOND_SHEET_PART,
  buildHandWrittenTemplate,
} from "./handWrittenTemplate";
import {
  cellElements,
  containerCountsAgree,
  elementText,
  partText,
  resolveStyle,
  sameBytes,
  sheetParts,
  styleIndexOf,
  unzipParts,
  withoutStyle,
  type Parts,
} from "./packageInspection";

const RED = "FFFFC7CE";
const YELLOW = "FFFFEB9C";

function outputSheet(owner: OutputSheet["owner"], name: string, rows: OutputRow[]): OutputSheet {
  return {
    owner,
    preferredName: name,
    columnWidths: [16, 10, 10, 10, 10, 10, 10, 30],
    rows,
    printFitWidth: true,
    fingerprint: fingerprintTexts(outputSheetTexts(rows)),
  };
}

const RESULT_ROWS: OutputRow[] = [
  { cells: [{ text: "评分结果", style: "title" }], mergeAcross: 8 },
  {
    cells: [
      { text: "=1+1", style: "tableCell" },
      { text: "@foo", style: "tableCell" },
      { text: "-3", style: "tableCell" },
      { number: 92.5, format: "0.00", style: "tableCell" },
      { number: 0.925, format: "0.00%", style: "tableCell" },
      { number: 7.25, format: '0.0_ "分"' },
      { text: "+A1" },
      { number: 0.1 + 0.2 },
    ],
  },
  {
    cells: [
      {
        text: "本项目绩效目标基本完成，" + "资金使用规范，产出数量和质量均达到预期。".repeat(12),
        style: "body",
      },
    ],
    mergeAcross: 8,
  },
  {
    cells: [{ text: "第5行：得分超过分值", style: "error" }, null, { text: "—", style: "warning" }],
  },
  {
    cells: [
      { text: "表头", style: "tableHeader" },
      { text: "a\r\nb <b>&amp; ", style: "heading" },
    ],
  },
];

const NARRATIVE_ROWS: OutputRow[] = [
  { cells: [{ text: "某单位2024年度项目支出绩效自评表说明", style: "title" }], mergeAcross: 8 },
  { cells: [{ text: "一、总体情况", style: "heading" }], mergeAcross: 8 },
  { cells: [{ text: "自评得分95.00分，评级为优。", style: "body" }], mergeAcross: 8 },
];

const RESULTS = outputSheet("results", "评分结果", RESULT_ROWS);
const NARRATIVE = outputSheet("narrative", "自评表说明", NARRATIVE_ROWS);

const MARKS: CellMark[] = [
  { sheet: MAIN_SHEET, cell: "D4", severity: "error", note: "【错误】得分超过分值 <8> & 更多" },
  { sheet: MAIN_SHEET, cell: "D5", severity: "warning", note: "【警告】请核对" },
  { sheet: MAIN_SHEET, cell: "D6", severity: "error", note: "【错误】合计不等于各项之和" },
  { sheet: MAIN_SHEET, cell: "E7", severity: "warning", note: "【警告】共享公式" },
  { sheet: MAIN_SHEET, cell: "B2", severity: "warning", note: '=HYPERLINK("http://x")' },
  { sheet: MAIN_SHEET, cell: "A1", severity: "warning", note: "标题" },
  { sheet: MAIN_SHEET, cell: EXISTING_NOTE_CELL, severity: "error", note: "不应出现的批注" },
  { sheet: MAIN_SHEET, cell: "G10", severity: "warning", note: "行内缺少单元格" },
  { sheet: MAIN_SHEET, cell: "C12", severity: "error", note: "整行缺失" },
  { sheet: MAIN_SHEET, cell: "C9", severity: "warning", note: "行格式" },
  { sheet: MAIN_SHEET, cell: "B15", severity: "error", note: "空行元素" },
  { sheet: MAIN_SHEET, cell: "J30", severity: "warning", note: "表外" },
  { sheet: SECOND_SHEET, cell: "B2", severity: "error", note: "第二张表" },
  { sheet: SECOND_SHEET, cell: "A3", severity: "warning", note: "多行\n批注" },
  { sheet: "不存在的表", cell: "A1", severity: "error", note: "ignored" },
];

const CREATE_PLAN: WritePlan = {
  marks: MARKS,
  sheets: [
    { sheet: RESULTS, name: "评分结果", mode: "create" },
    { sheet: NARRATIVE, name: "自评表说明", mode: "create" },
  ],
};

/** Parts the create plan may change; every other part must come out byte for byte. */
const TOUCHED = new Set([
  "[Content_Types].xml",
  "docProps/app.xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  MAIN_SHEET_PART,
  SECOND_SHEET_PART,
  "xl/comments1.xml",
  "xl/drawings/vmlDrawing1.vml",
]);

function commentsOf(commentsXml: string): Map<string, string[]> {
  const comments = new Map<string, string[]>();
  for (const element of commentsXml.match(/<comment [\s\S]*?<\/comment>/g) ?? []) {
    const ref = /ref="([^"]+)"/.exec(element)![1];
    comments.set(ref, (comments.get(ref) ?? []).concat(element));
  }
  return comments;
}

describe("writeScoredCopy on a hand-written template", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let before: Parts;
  let after: Parts;

  beforeAll(async () => {
    input = await buildHandWrittenTemplate();
    output = await writeScoredCopy(input, CREATE_PLAN);
    before = await unzipParts(input);
    after = await unzipParts(output);
  });

  test("parts it does not need to touch come out byte-identical, and none is lost", () => {
    for (const [name, bytes] of before) {
      expect(after.has(name)).toBe(true);
      if (!TOUCHED.has(name))
        expect({ name, same: sameBytes(bytes, after.get(name)) }).toEqual({ name, same: true });
    }
  });

  test("every original cell keeps its value, type and formula; unmarked cells keep everything", () => {
    const marked = new Set(MARKS.map((mark) => mark.sheet + "!" + mark.cell));
    for (const [sheet, part] of [
      [MAIN_SHEET, MAIN_SHEET_PART],
      [SECOND_SHEET, SECOND_SHEET_PART],
    ]) {
      const original = cellElements(partText(before, part));
      const written = cellElements(partText(after, part));
      expect(original.size).toBeGreaterThanOrEqual(5);
      for (const [ref, element] of original) {
        expect(withoutStyle(written.get(ref) ?? "")).toBe(withoutStyle(element));
        if (!marked.has(sheet + "!" + ref)) expect(written.get(ref)).toBe(element);
      }
    }
  });

  test("sheet features stay exactly as they were", () => {
    const original = partText(before, MAIN_SHEET_PART);
    const written = partText(after, MAIN_SHEET_PART);
    for (const name of [
      "sheetPr",
      "sheetViews",
      "sheetFormatPr",
      "cols",
      "sheetProtection",
      "mergeCells",
      "conditionalFormatting",
      "dataValidations",
      "printOptions",
      "pageMargins",
      "pageSetup",
      "headerFooter",
      "legacyDrawing",
    ]) {
      expect(elementText(written, name)).toBe(elementText(original, name));
    }
    const second = partText(after, SECOND_SHEET_PART);
    expect(elementText(second, "extLst")).toBe(
      elementText(partText(before, SECOND_SHEET_PART), "extLst")
    );
  });

  test("marked cells get the severity's fill and keep their font, border, format, alignment, protection", () => {
    const stylesBefore = partText(before, "xl/styles.xml");
    const stylesAfter = partText(after, "xl/styles.xml");
    expect(containerCountsAgree(stylesAfter)).toBe(true);
    // The original entries are all still there, at their indices.
    expect(stylesAfter.indexOf(elementText(stylesBefore, "dxfs")!)).toBeGreaterThan(0);
    const cellsBefore = cellElements(partText(before, MAIN_SHEET_PART));
    const cellsAfter = cellElements(partText(after, MAIN_SHEET_PART));
    const expectations: Array<[string, string, number]> = [
      ["D4", RED, 1],
      ["D5", YELLOW, 1],
      ["D6", RED, 1],
      ["E7", YELLOW, 0],
      ["B2", YELLOW, 0],
      ["A1", YELLOW, 3],
      [EXISTING_NOTE_CELL, RED, 2],
    ];
    for (const [ref, colour, originalXf] of expectations) {
      expect(styleIndexOf(cellsBefore.get(ref))).toBe(originalXf);
      const was = resolveStyle(stylesBefore, originalXf);
      const now = resolveStyle(stylesAfter, styleIndexOf(cellsAfter.get(ref)));
      expect(now.fill).toContain('patternType="solid"');
      expect(now.fill).toContain('rgb="' + colour + '"');
      expect(now.xf).toContain('applyFill="1"');
      expect({ ref, font: now.font, border: now.border, numFmt: now.numFmtId }).toEqual({
        ref,
        font: was.font,
        border: was.border,
        numFmt: was.numFmtId,
      });
      expect(now.alignment).toBe(was.alignment);
      expect(now.protection).toBe(was.protection);
    }
    // Same original format and severity share one new format.
    expect(styleIndexOf(cellsAfter.get("D4"))).toBe(styleIndexOf(cellsAfter.get("D6")));
  });

  test("a marked cell without <c>, or without <row>, is created in order with the style it showed", () => {
    const sheet = partText(after, MAIN_SHEET_PART);
    expect(sheet).toContain('<row r="10" spans="1:8"><c r="A10"><v>1</v></c><c r="G10" s="');
    expect(sheet).toMatch(
      /<c r="G10" s="[0-9]+"\/><c r="H10"><v>2<\/v><\/c><\/row><row r="12"><c r="C12" s="[0-9]+"\/><\/row><row r="15"/
    );
    expect(sheet).toMatch(
      /<row r="15" spans="1:8" ht="15" customHeight="1"><c r="B15" s="[0-9]+"\/><\/row>/
    );
    expect(sheet).toMatch(/<row r="30"><c r="J30" s="[0-9]+"\/><\/row><\/sheetData>/);
    expect(elementText(sheet, "dimension")).toBe('<dimension ref="A1:J30"/>');
    const rows = (sheet.match(/<row r="([0-9]+)"/g) ?? []).map((row) =>
      Number(/[0-9]+/.exec(row)![0])
    );
    expect(rows).toEqual([...rows].sort((a, b) => a - b));

    const stylesBefore = partText(before, "xl/styles.xml");
    const stylesAfter = partText(after, "xl/styles.xml");
    const cells = cellElements(sheet);
    // C12: column C's style (2); C9: its row's style (3, customFormat); G10: none.
    expect(resolveStyle(stylesAfter, styleIndexOf(cells.get("C12"))).border).toBe(
      resolveStyle(stylesBefore, 2).border
    );
    expect(resolveStyle(stylesAfter, styleIndexOf(cells.get("C9"))).font).toBe(
      resolveStyle(stylesBefore, 3).font
    );
    expect(resolveStyle(stylesAfter, styleIndexOf(cells.get("G10"))).fill).toContain(YELLOW);
  });

  test("the existing note is unchanged and its cell gets no second comment", () => {
    const original = commentsOf(partText(before, "xl/comments1.xml"));
    const written = commentsOf(partText(after, "xl/comments1.xml"));
    expect(written.get(EXISTING_NOTE_CELL)).toEqual(original.get(EXISTING_NOTE_CELL));
    expect(partText(after, "xl/comments1.xml")).not.toContain("不应出现的批注");
    expect(partText(after, "xl/comments1.xml")).toContain(
      "<authors><author>张三</author><author>绩效自评助手</author></authors>"
    );
  });

  test("new notes carry the escaped text; the drawing gets one box per note", () => {
    const comments = commentsOf(partText(after, "xl/comments1.xml"));
    expect(comments.get("D4")![0]).toContain("【错误】得分超过分值 &lt;8&gt; &amp; 更多");
    expect(comments.get("D4")![0]).toContain('authorId="1"');
    expect(comments.get("B2")![0]).toContain('=HYPERLINK("http://x")</t>');
    for (const ref of ["D5", "D6", "E7", "A1", "G10", "C12", "C9", "B15", "J30"])
      expect(comments.get(ref)).toHaveLength(1);
    const vml = partText(after, "xl/drawings/vmlDrawing1.vml");
    const original = partText(before, "xl/drawings/vmlDrawing1.vml");
    expect(vml.startsWith(original.slice(0, original.lastIndexOf("</xml>")))).toBe(true);
    expect((vml.match(/<x:ClientData ObjectType="Note">/g) ?? []).length).toBe(1 + 11);
    const ids = (vml.match(/<v:shape id="(_x0000_s[0-9]+)"/g) ?? []).map((id) => id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(vml).toContain("<x:Row>3</x:Row><x:Column>3</x:Column>"); // D4
  });

  test("a sheet without notes gets a comments part, a drawing and a legacyDrawing in schema order", () => {
    const sheet = partText(after, SECOND_SHEET_PART);
    expect(sheet).toMatch(/<\/headerFooter><legacyDrawing r:id="rId[0-9]+"\/><extLst>/);
    expect(sheet).toMatch(
      /^<\?xml[^>]*>\r?\n?<worksheet [^>]*xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships"/
    );
    const rels = partText(after, "xl/worksheets/_rels/sheet1.xml.rels");
    expect(rels).toContain('Target="../comments2.xml"');
    expect(rels).toContain('Target="../drawings/vmlDrawing2.vml"');
    const comments = partText(after, "xl/comments2.xml");
    expect(comments).toContain("第二张表");
    expect(comments).toContain("多行\n批注");
    const vml = partText(after, "xl/drawings/vmlDrawing2.vml");
    expect(vml).toContain('<o:idmap v:ext="edit" data="2"/>');
    expect(vml).toContain('id="_x0000_s2049"');
    const types = partText(after, "[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/xl/comments2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>'
    );
    expect(types.match(/Extension="vml"/g)).toHaveLength(1);
  });

  test("workbook: sheets appended with fresh ids, defined names kept, owner marks hidden and sheet-scoped", () => {
    const original = partText(before, "xl/workbook.xml");
    const written = partText(after, "xl/workbook.xml");
    for (const name of original.match(/<definedName [\s\S]*?<\/definedName>/g)!)
      expect(written).toContain(name);
    for (const name of ["fileVersion", "workbookPr", "mc:AlternateContent", "bookViews", "calcPr"])
      expect(elementText(written, name)).toBe(elementText(original, name));
    expect(written).toContain(
      '<sheet name="R&amp;D 说明" sheetId="3" r:id="rId2"/><sheet name="自评表" sheetId="7" r:id="rId5"/>' +
        '<sheet name="评分结果" sheetId="8" r:id="rId6"/><sheet name="自评表说明" sheetId="9" r:id="rId7"/></sheets>'
    );
    expect(written).toContain(
      `<definedName name="SelfEval.Owner" localSheetId="2" hidden="1">"results:${RESULTS.fingerprint}"</definedName>`
    );
    expect(written).toContain(
      `<definedName name="SelfEval.Owner" localSheetId="3" hidden="1">"narrative:${NARRATIVE.fingerprint}"</definedName>`
    );
    const parts = sheetParts(after);
    expect(parts.get("评分结果")).toBe("xl/worksheets/sheet3.xml");
    expect(parts.get("自评表说明")).toBe("xl/worksheets/sheet4.xml");
    expect(readOwnerMarks(written)).toEqual(
      new Map([
        ["评分结果", { kind: "results", writtenFingerprint: RESULTS.fingerprint }],
        ["自评表说明", { kind: "narrative", writtenFingerprint: NARRATIVE.fingerprint }],
      ])
    );
    const types = partText(after, "[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    );
  });

  test("app.xml lists the new sheets among the worksheets", () => {
    const app = partText(after, "docProps/app.xml");
    expect(app).toContain("<vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>4</vt:i4>");
    expect(app).toContain(
      '<vt:vector size="5" baseType="lpstr"><vt:lpstr>R&amp;D 说明</vt:lpstr><vt:lpstr>自评表</vt:lpstr>' +
        "<vt:lpstr>评分结果</vt:lpstr><vt:lpstr>自评表说明</vt:lpstr><vt:lpstr>自评表!Print_Area</vt:lpstr>"
    );
  });

  test("output sheets: text always inline, numbers as values, merges, widths, A4 fitted to width", () => {
    const sheet = partText(after, "xl/worksheets/sheet3.xml");
    const cells = cellElements(sheet);
    for (const [ref, text] of [
      ["A2", "=1+1"],
      ["B2", "@foo"],
      ["C2", "-3"],
      ["G2", "+A1"],
    ]) {
      expect(cells.get(ref)).toContain(
        't="inlineStr"><is><t xml:space="preserve">' + text + "</t></is></c>"
      );
    }
    expect(sheet).not.toContain("<f>");
    expect(cells.get("D2")).toMatch(/^<c r="D2" s="[0-9]+"><v>92.5<\/v><\/c>$/);
    expect(cells.get("H2")).toBe('<c r="H2"><v>0.30000000000000004</v></c>');
    expect(cells.get("B5")).toContain(">a&#13;\nb &lt;b&gt;&amp;amp; </t>");
    const styles = partText(after, "xl/styles.xml");
    expect(resolveStyle(styles, styleIndexOf(cells.get("D2"))).numFmtId).toBe(2);
    expect(resolveStyle(styles, styleIndexOf(cells.get("E2"))).numFmtId).toBe(10);
    // The custom format already in the workbook is reused.
    expect(resolveStyle(styles, styleIndexOf(cells.get("F2"))).numFmtId).toBe(164);
    const title = resolveStyle(styles, styleIndexOf(cells.get("A1")));
    expect(title.font).toContain("<b/>");
    expect(title.font).toContain('<sz val="14"/>');
    expect(title.font).toContain('<name val="宋体"/>');
    const header = resolveStyle(styles, styleIndexOf(cells.get("A5")));
    expect(header.fill).toContain("FFD9D9D9");
    expect(header.border).toContain('style="thin"');
    expect(header.alignment).toContain('horizontal="center"');
    expect(resolveStyle(styles, styleIndexOf(cells.get("A4"))).fill).toContain(RED);
    expect(resolveStyle(styles, styleIndexOf(cells.get("C4"))).fill).toContain(YELLOW);
    expect(cells.get("B4")).toBe(undefined);
    expect(elementText(sheet, "mergeCells")).toBe(
      '<mergeCells count="2"><mergeCell ref="A1:H1"/><mergeCell ref="A3:H3"/></mergeCells>'
    );
    expect(elementText(sheet, "cols")).toContain(
      '<col min="8" max="8" width="30" customWidth="1"/>'
    );
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet).toContain(
      '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>'
    );
    // The long paragraph gets a taller row; the plain row does not.
    const paragraphRow = /<row r="3" ht="([0-9.]+)" customHeight="1">/.exec(sheet);
    expect(Number(paragraphRow![1])).toBeGreaterThanOrEqual(45);
    expect(sheet).toContain('<row r="2">');
  });

  test("ExcelJS reads the copy: values, formulas with cached results, notes, fills, fonts", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(output as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      SECOND_SHEET,
      MAIN_SHEET,
      "评分结果",
      "自评表说明",
    ]);
    const main = workbook.getWorksheet(MAIN_SHEET)!;
    expect(main.getCell("B2").value).toBe("=SUM(A1)");
    expect(main.getCell("C2").value).toBe("12.5");
    expect(main.getCell("D2").value).toBe(3.25);
    expect(main.getCell("D6").value).toEqual({ formula: "SUM(D4:D5)", result: 16 });
    expect(main.getCell("E6").value).toMatchObject({ formula: "D6*2", result: 32 });
    expect(main.getCell("E7").value).toMatchObject({ sharedFormula: "E6", result: 8 });
    expect(main.getCell("G8").value).toEqual({ error: "#DIV/0!" });
    expect(main.getCell("D4").fill).toMatchObject({ pattern: "solid", fgColor: { argb: RED } });
    expect(main.getCell("D5").fill).toMatchObject({ pattern: "solid", fgColor: { argb: YELLOW } });
    expect(main.getCell("D4").font).toMatchObject({ name: "楷体", bold: true, italic: true });
    expect(main.getCell("D4").numFmt).toBe('0.0_ "分"');
    expect(main.getCell("D4").border.left).toMatchObject({ style: "medium" });
    expect(main.getCell("C12").fill).toMatchObject({ fgColor: { argb: RED } });
    const noteText = (ref: string): string => {
      const note = main.getCell(ref).note as unknown as
        { texts: Array<{ text: string }> } | undefined;
      return note ? note.texts.map((run) => run.text).join("") : "";
    };
    expect(noteText("D4")).toBe("【错误】得分超过分值 <8> & 更多");
    expect(noteText(EXISTING_NOTE_CELL)).toBe("张三:\n请核对该项得分");
    expect(noteText("C12")).toBe("整行缺失");
    const second = workbook.getWorksheet(SECOND_SHEET)!;
    expect(second.getCell("C2").value).toEqual({ formula: "A2*B2", result: 50 });
    expect(second.getCell("A3").value).toBe("=1+1");
    const results = workbook.getWorksheet("评分结果")!;
    expect(results.getCell("A2").value).toBe("=1+1");
    expect(results.getCell("B2").value).toBe("@foo");
    expect(results.getCell("C2").value).toBe("-3");
    expect(results.getCell("D2").value).toBe(92.5);
    expect(results.getCell("D2").numFmt).toBe("0.00");
    expect(results.getCell("A1").isMerged).toBe(true);
    expect(results.getCell("H1").isMerged).toBe(true);
    expect(results.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToWidth: 1,
      fitToHeight: 0,
    });
  });

  test("the reader sees the owner marks, and an unedited copy is planned for replacement", async () => {
    const { grid } = await readXlsxGrid(output);
    const results = grid.sheets.find((sheet) => sheet.name === "评分结果")!;
    expect(results.owner).toEqual({ kind: "results", writtenFingerprint: RESULTS.fingerprint });
    const placed = planOutputSheets(grid, [RESULTS, NARRATIVE]);
    expect(placed.map((sheet) => [sheet.name, sheet.mode])).toEqual([
      ["评分结果", "replace"],
      ["自评表说明", "replace"],
    ]);
  });
});

describe("writeScoredCopy in replace mode", () => {
  test("overwrites the tool's sheet in place: same part, same sheetId, one owner mark, old notes gone", async () => {
    const input = await buildHandWrittenTemplate();
    const first = await writeScoredCopy(input, CREATE_PLAN);
    // Give the results sheet a note of its own, as if the user had added one.
    const noted = await writeScoredCopy(first, {
      marks: [{ sheet: "评分结果", cell: "A2", severity: "warning", note: "用户批注" }],
      sheets: [],
    });
    const notedParts = await unzipParts(noted);
    expect(notedParts.has("xl/worksheets/_rels/sheet3.xml.rels")).toBe(true);

    const rows: OutputRow[] = [{ cells: [{ text: "第二次评分", style: "title" }], mergeAcross: 4 }];
    const replacement = outputSheet("results", "评分结果", rows);
    const placed: PlacedOutputSheet[] = [{ sheet: replacement, name: "评分结果", mode: "replace" }];
    const second = await writeScoredCopy(noted, { marks: [], sheets: placed });
    const parts = await unzipParts(second);
    const workbook = partText(parts, "xl/workbook.xml");
    expect(workbook.match(/<sheet /g)).toHaveLength(4);
    expect(workbook).toContain('<sheet name="评分结果" sheetId="8" r:id="rId6"/>');
    expect(workbook.match(/SelfEval.Owner" localSheetId="2"/g)).toHaveLength(1);
    expect(workbook).toContain(`"results:${replacement.fingerprint}"`);
    expect(workbook).toContain(`"narrative:${NARRATIVE.fingerprint}"`);
    const sheet = partText(parts, "xl/worksheets/sheet3.xml");
    expect(sheet).toContain("第二次评分");
    expect(sheet).not.toContain("=1+1");
    expect(sheet).not.toContain("legacyDrawing");
    expect(parts.has("xl/worksheets/_rels/sheet3.xml.rels")).toBe(false);
    // The removed notes leave no dangling content type.
    const types = partText(parts, "[Content_Types].xml");
    for (const name of parts.keys()) expect(name).not.toBe("xl/comments3.xml");
    expect(types).not.toContain("/xl/comments3.xml");
    // Unrelated parts untouched by the replacement.
    for (const name of [
      "xl/comments1.xml",
      "xl/comments2.xml",
      MAIN_SHEET_PART,
      "docProps/app.xml",
    ])
      expect(sameBytes(parts.get(name), notedParts.get(name))).toBe(true);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load(second as unknown as ArrayBuffer);
    expect(excel.getWorksheet("评分结果")!.getCell("A1").value).toBe("第二次评分");
    expect(readOwnerMarks(workbook).get("评分结果")).toEqual({
      kind: "results",
      writtenFingerprint: replacement.fingerprint,
    });
  });
});

describe("writeScoredCopy escaping", () => {
  test("text Excel must not decode or execute stays literal text", async () => {
    const rows: OutputRow[] = [
      {
        cells: [
          { text: "bell\u0007 and _x0041_ and _x00a0_ and _X00A0_" },
          { text: "lone \ud800 surrogate, pair \ud83d\ude00" },
          { text: "=cmd|' /C calc'!A0" },
          { text: "  spaces kept  " },
          { text: "" },
          { number: Infinity },
        ],
      },
    ];
    const hostile = "]]><script>alert(1)</script>\u0000<!-- &lt; _x0000_";
    const output = await writeScoredCopy(await buildHandWrittenTemplate(), {
      marks: [{ sheet: SECOND_SHEET, cell: "A1", severity: "error", note: hostile }],
      sheets: [
        { sheet: outputSheet("results", "结果", rows), name: '<结果> & "引号"', mode: "create" },
      ],
    });
    const parts = await unzipParts(output);
    const workbook = partText(parts, "xl/workbook.xml");
    expect(workbook).toContain('<sheet name="&lt;结果&gt; &amp; &quot;引号&quot;" sheetId="8"');
    const cells = cellElements(partText(parts, "xl/worksheets/sheet3.xml"));
    expect(cells.get("A1")).toContain(
      ">bell_x0007_ and _x005F_x0041_ and _x005F_x00a0_ and _X00A0_</t>"
    );
    expect(cells.get("B1")).toContain(">lone \ufffd surrogate, pair \ud83d\ude00</t>");
    expect(cells.get("C1")).toContain(
      't="inlineStr"><is><t xml:space="preserve">=cmd|\' /C calc\'!A0</t>'
    );
    expect(cells.get("D1")).toContain('<t xml:space="preserve">  spaces kept  </t>');
    expect(cells.get("E1")).toBe(undefined);
    expect(cells.get("F1")).toBe('<c r="F1" t="e"><v>#NUM!</v></c>');
    const comments = partText(parts, "xl/comments2.xml");
    expect(comments).toContain(
      "]]&gt;&lt;script&gt;alert(1)&lt;/script&gt;_x0000_&lt;!-- &amp;lt; _x005F_x0000_"
    );
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load(output as unknown as ArrayBuffer);
    expect(excel.getWorksheet('<结果> & "引号"')!.getCell("C1").value).toBe("=cmd|' /C calc'!A0");
  });
});

describe("writeScoredCopy with a lent package", () => {
  test("uses the package and leaves it as it was, so the same result comes out twice", async () => {
    const input = await buildHandWrittenTemplate();
    const zip = await openZipPackage(input.slice());
    const namesBefore = zip.partNames().sort();
    const workbookBefore = zip.readText("xl/workbook.xml");
    const once = await writeScoredCopy(input, CREATE_PLAN, { zip });
    expect(zip.partNames().sort()).toEqual(namesBefore);
    expect(zip.readText("xl/workbook.xml")).toBe(workbookBefore);
    expect(sameBytes(zip.bytes, input)).toBe(true);
    const twice = await writeScoredCopy(input, CREATE_PLAN, { zip });
    const a = await unzipParts(once);
    const b = await unzipParts(twice);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, bytes] of a) expect(sameBytes(bytes, b.get(name))).toBe(true);
  });

  test("an empty plan changes no part", async () => {
    const input = await buildHandWrittenTemplate();
    const before = await unzipParts(input);
    const after = await unzipParts(
      await writeScoredCopy(input.buffer.slice(0) as ArrayBuffer, { marks: [], sheets: [] })
    );
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(sameBytes(bytes, after.get(name))).toBe(true);
  });
});
