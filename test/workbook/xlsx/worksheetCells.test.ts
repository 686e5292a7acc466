import { readCellFormats } from "../../../src/workbook/xlsx/cellFormats";
import {
  readWorksheetCells,
  type WorksheetContext,
} from "../../../src/workbook/xlsx/worksheetCells";
import { UnreadableWorkbookError } from "../../../src/workbook/xlsx/unreadableWorkbookError";
import type { RawCell } from "../../../src/engine";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

const context: WorksheetContext = {
  sheet: "自评表",
  part: "xl/worksheets/sheet1.xml",
  sharedStrings: ["指标", "满意度"],
  formats: readCellFormats(
    `<styleSheet xmlns="${MAIN}"><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="14"/></cellXfs></styleSheet>`
  ),
  date1904: false,
};

function sheet(sheetData: string, after = "", prefix = ""): string {
  const p = prefix ? prefix + ":" : "";
  const ns = prefix ? "xmlns:" + prefix : "xmlns";
  return `<?xml version="1.0"?><${p}worksheet ${ns}="${MAIN}"><${p}sheetData>${sheetData}</${p}sheetData>${after}</${p}worksheet>`;
}

/** The cells, all read (they come one at a time). */
function cellsOf(xml: string) {
  return Array.from(readWorksheetCells(xml, context).cells);
}

function refusal(xml: string): UnreadableWorkbookError {
  try {
    cellsOf(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    return error as UnreadableWorkbookError;
  }
  throw new Error("not refused");
}

describe("readWorksheetCells", () => {
  it.each([
    ["1", "满意度"],
    ["00", "指标"], // leading zeros
    [" 1", "满意度"], // as parseInt reads it
    ["&#49;", "满意度"], // a reference
    ["1x", "满意度"],
  ])("reads a shared string whose index is written %j", (index, text) => {
    const cells = cellsOf(sheet(`<row r="1"><c r="A1" t="s"><v>${index}</v></c></row>`));
    expect(cells).toEqual([{ row: 1, column: 1, value: text, numberFormat: "General" }]);
  });

  it.each(["2", "000000002", "0000000002", "12345678901"])(
    "refuses a shared string index %j past the strings, naming it as written",
    (index) => {
      const error = refusal(sheet(`<row r="1"><c r="A1" t="s"><v>${index}</v></c></row>`));
      expect(error.facts).toMatchObject({
        malformed: "bad-shared-string",
        detail: "shared string " + index,
      });
    }
  );

  it("reads each type of cell with its number format", () => {
    const cells = cellsOf(
      sheet(
        '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" s="1"><v>0.969</v></c><c r="C1" t="b"><v>1</v></c>' +
          '<c r="D1" t="e"><v>#DIV/0!</v></c><c r="E1" t="str"><v>文本</v></c><c r="F1" t="inlineStr"><is><t>行内</t></is></c>' +
          '<c r="G1" s="2"><v>45322</v></c><c r="H1" t="d"><v>2024-01-31T00:00:00</v></c><c r="I1" s="1"/></row>'
      )
    );
    expect(cells).toEqual([
      { row: 1, column: 1, value: "满意度", numberFormat: "General" },
      { row: 1, column: 2, value: 0.969, numberFormat: "0.00%" },
      { row: 1, column: 3, value: true, numberFormat: "General" },
      { row: 1, column: 4, value: { error: "#DIV/0!" }, numberFormat: "General" },
      { row: 1, column: 5, value: "文本", numberFormat: "General" },
      { row: 1, column: 6, value: "行内", numberFormat: "General" },
      { row: 1, column: 7, value: "2024-01-31", numberFormat: "mm-dd-yy" },
      { row: 1, column: 8, value: "2024-01-31", numberFormat: "General" },
    ]);
  });

  it("reads formulas with and without cached results", () => {
    const cells = cellsOf(
      sheet(
        '<row r="2"><c r="A2"><f>SUM(B2:C2)</f><v>3</v></c><c r="B2"><f>1/0</f></c>' +
          '<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D2"><f t="array" ref="D2:D3">A2*2</f><v>6</v></c></row>'
      )
    );
    expect(cells.map((cell) => [cell.value, cell.formula, cell.formulaNotCalculated])).toEqual([
      [3, "SUM(B2:C2)", false],
      [undefined, "1/0", true],
      [{ error: "#DIV/0!" }, "1/0", false],
      [6, "A2*2", false],
    ]);
  });

  it("places rows and cells without r after the ones before them", () => {
    const cells = cellsOf(
      sheet(
        '<row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>'
      )
    );
    expect(cells.map((cell) => [cell.row, cell.column, cell.value])).toEqual([
      [1, 1, 1],
      [1, 2, 2],
      [5, 3, 3],
      [5, 4, 4],
      [6, 1, 5],
    ]);
  });

  it("reads a prefixed namespace, reordered and single-quoted attributes, and comments among cells", () => {
    const xml = sheet(
      "<x:row r='1' spans='1:2'><!-- <x:c r=\"A1\"><x:v>9</x:v></x:c> --><x:c t='s' r='A1' s='1'><x:v>0</x:v></x:c>" +
        "<x:c\n r = 'B1'><x:v><![CDATA[12]]></x:v></x:c></x:row>",
      "",
      "x"
    );
    expect(cellsOf(xml)).toEqual([
      { row: 1, column: 1, value: "指标", numberFormat: "0.00%" },
      { row: 1, column: 2, value: 12, numberFormat: "General" },
    ]);
  });

  it("reads merged areas, once each, as ranges however large", () => {
    const { merges } = readWorksheetCells(
      sheet(
        "",
        '<mergeCells count="3"><mergeCell ref="A1:H1"/><mergeCell ref="A1:H1"/><mergeCell ref="A30:XFD1048576"/></mergeCells>'
      ),
      context
    );
    expect(merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 8 },
      { top: 30, left: 1, bottom: 1048576, right: 16384 },
    ]);
  });

  it("refuses a row past 1,048,576, a cell past XFD and a merge past either", () => {
    expect(
      refusal(sheet('<row r="1048577"><c r="A1048577"><v>1</v></c></row>')).facts
    ).toMatchObject({
      sheet: "自评表",
      row: 1048577,
    });
    expect(refusal(sheet('<row r="3"><c r="XFE3"><v>1</v></c></row>')).reason).toBe(
      "too-many-columns"
    );
    expect(refusal(sheet("", '<mergeCells><mergeCell ref="A1:XFE2"/></mergeCells>')).reason).toBe(
      "too-many-columns"
    );
    expect(refusal(sheet('<row r="1"><c r="A1048577"><v>1</v></c></row>')).reason).toBe(
      "too-many-rows"
    );
  });

  it("refuses a sheet past 1,048,576 rows before reading any cell, rows numbered or not", () => {
    const rows = '<row><c><v>1</v></c></row><row r="5"/>' + "<row/>".repeat(1048576 - 5 + 1);
    expect(() => readWorksheetCells(sheet(rows), context)).toThrow(UnreadableWorkbookError);
    const atLimit = '<row><c><v>1</v></c></row><row r="5"/>' + "<row/>".repeat(1048576 - 5);
    expect(() => readWorksheetCells(sheet(atLimit), context)).not.toThrow();
  });

  it("reads each number from its own text, a repeated one as well", () => {
    const cells = cellsOf(
      sheet(
        '<row r="1"><c r="A1"><v>0.5</v></c><c r="B1"><v>0.5</v></c><c r="C1"><v>0.7</v></c>' +
          '<c r="D1" t="n"><v>0.7</v></c><c r="E1"><v>12</v></c><c r="F1" s="2"><v>12</v></c>' +
          '<c r="G1"><v>1&#50;</v></c><c r="H1"><v>1e3</v></c><c r="I1"><v/></c><c r="J1"><v>1e3</v></c></row>'
      )
    );
    expect(cells.map((cell) => cell.value)).toEqual([
      0.5,
      0.5,
      0.7,
      0.7,
      12,
      "1900-01-11",
      12,
      1000,
      1000,
    ]);
  });

  it("hands the same cells to eachCell as to the iterator, in one object refilled", () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" s="1"><v>0.5</v></c><c r="C1"/></row>' +
        '<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">B2*2</f><v>4</v></c>' +
        '<c r="B2"><f>1/0</f></c><c r="C2" t="inlineStr"><is><t>内联</t></is></c></row>' +
        '<row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c><c r="B3" t="str"><v>文本</v></c></row>'
    );
    const seen: RawCell[] = [];
    const objects = new Set<RawCell>();
    readWorksheetCells(xml, context).eachCell((cell) => {
      objects.add(cell);
      const copy: RawCell = {
        row: cell.row,
        column: cell.column,
        value: cell.value,
        numberFormat: cell.numberFormat,
      };
      if (cell.formula !== null && cell.formula !== undefined) {
        copy.formula = cell.formula;
        copy.formulaNotCalculated = cell.formulaNotCalculated;
      } else expect(cell.formulaNotCalculated).toBe(false);
      seen.push(copy);
    });
    expect(objects.size).toBe(1);
    expect(seen).toEqual(cellsOf(xml));
    expect(seen.map((cell) => [cell.value, cell.formula])).toEqual([
      ["满意度", undefined],
      [0.5, undefined],
      [4, "B2*2"],
      [undefined, "1/0"],
      ["内联", undefined],
      [6, "B3*2"],
      ["文本", undefined],
    ]);
  });

  it("refuses through eachCell as through the iterator", () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>1</v></c></row>');
    const visited: number[] = [];
    expect(() =>
      readWorksheetCells(xml, context).eachCell((cell) => visited.push(cell.column))
    ).toThrow(UnreadableWorkbookError);
    expect(visited).toEqual([1]);
    expect(refusal(xml).reason).toBe("too-many-columns");
  });

  it("finds the sheet data's end however its tags are written", () => {
    const row = '<row r="1"><c r="A1"><v>1</v></c></row>';
    const merges = '<mergeCells><mergeCell ref="B2:C3"/></mergeCells>';
    const open = `<?xml version="1.0"?><worksheet xmlns="${MAIN}">`;
    const read = (xml: string) => {
      const { cells, merges: areas } = readWorksheetCells(xml, context);
      return [Array.from(cells).map((cell) => cell.value), areas.length];
    };
    // A ">" in an attribute, white space in the close tag, a namesake nested and one empty.
    expect(read(`${open}<sheetData a="x>y">${row}</sheetData>${merges}</worksheet>`)).toEqual([
      [1],
      1,
    ]);
    expect(read(`${open}<sheetData>${row}</sheetData\n >${merges}</worksheet>`)).toEqual([[1], 1]);
    expect(
      read(`${open}<sheetData>${row}<sheetData></sheetData>${row}</sheetData>${merges}</worksheet>`)
    ).toEqual([[1, 1], 1]);
    expect(read(`${open}<sheetData/>${merges}</worksheet>`)).toEqual([[], 1]);
    expect(read(`${open}<sheetData>${row}<sheetDataX/></sheetData>${merges}</worksheet>`)).toEqual([
      [1],
      1,
    ]);
    const unclosed = () => readWorksheetCells(`${open}<sheetData>${row}</worksheet>`, context);
    expect(unclosed).toThrow(UnreadableWorkbookError);
    expect(unclosed).toThrow("unclosed element <sheetData>");
  });

  it("refuses an unclosed cell as malformed XML, naming the sheet", () => {
    const failure = refusal(sheet('<row r="1"><c r="A1"><v>1</v>'));
    expect(failure.reason).toBe("malformed");
    expect(failure.facts).toMatchObject({ malformed: "bad-xml", sheet: "自评表" });
  });
});
