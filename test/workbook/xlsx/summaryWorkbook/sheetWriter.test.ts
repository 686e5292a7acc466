import {
  CELL_TEXT_LIMIT,
  cellText,
  relationshipsXml,
  SheetWriter,
} from "../../../../src/workbook/xlsx/summaryWorkbook/sheetWriter";
import { StyleBook } from "../../../../src/workbook/xlsx/summaryWorkbook/styleBook";

describe("cellText", () => {
  it("keeps text up to Excel's 32,767 characters as it is", () => {
    const text = "字".repeat(CELL_TEXT_LIMIT);
    expect(cellText(text)).toBe(text);
  });

  it("cuts longer text with a visible mark, never inside a surrogate pair", () => {
    const cut = cellText("字".repeat(CELL_TEXT_LIMIT + 10));
    expect(cut.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    expect(cut.endsWith("…（已截断）")).toBe(true);
    const emoji = cellText("😀".repeat(CELL_TEXT_LIMIT));
    expect(emoji.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    const beforeMark = emoji.slice(0, emoji.indexOf("…"));
    expect(beforeMark.length % 2).toBe(0);
  });
});

describe("SheetWriter", () => {
  it("writes text as inline strings, escaped, never as formulas", () => {
    const sheet = new SheetWriter("表", new StyleBook());
    sheet.addRow([{ text: "=1+1" }, { text: "a<b & \u0001" }, { number: 3.5 }, null, { text: "" }]);
    const { xml } = sheet.toXml();
    expect(xml).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c>');
    expect(xml).toContain('<t xml:space="preserve">a&lt;b &amp; _x0001_</t>');
    expect(xml).toContain('<c r="C1"><v>3.5</v></c>');
    expect(xml).not.toContain('r="D1"');
    expect(xml).not.toContain("<f>");
  });

  it("writes its own formulas with their results cached", () => {
    const sheet = new SheetWriter("表", new StyleBook());
    sheet.addRow([
      { formula: "SUBTOTAL(109,A1:A2)", cached: 7 },
      { formula: 'IF(1,"","")', cached: "" },
    ]);
    const { xml } = sheet.toXml();
    expect(xml).toContain('<c r="A1"><f>SUBTOTAL(109,A1:A2)</f><v>7</v></c>');
    expect(xml).toContain('<c r="B1" t="str"><f>IF(1,"","")</f><v></v></c>');
  });

  it("freezes rows only, columns only, or both", () => {
    const pane = (row: number, column: number) => {
      const sheet = new SheetWriter("表", new StyleBook());
      sheet.freeze(row, column);
      return /<pane[^>]*\/>/.exec(sheet.toXml().xml)?.[0];
    };
    expect(pane(2, 1)).toBe(
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    );
    expect(pane(1, 3)).toBe(
      '<pane xSplit="2" topLeftCell="C1" activePane="topRight" state="frozen"/>'
    );
    expect(pane(2, 3)).toBe(
      '<pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"/>'
    );
    expect(pane(1, 1)).toBeUndefined();
  });

  it("makes a row with wrapped text tall enough for its lines", () => {
    const sheet = new SheetWriter("表", new StyleBook());
    sheet.columns([11]);
    // 30 CJK characters take 60 units; 10 fit a line of a column 11 wide → 6 lines.
    sheet.addRow([{ text: "字".repeat(30), style: { wrap: true } }]);
    sheet.addRow([{ text: "字".repeat(30) }]);
    const { xml } = sheet.toXml();
    expect(xml).toContain('<row r="1" ht="84" customHeight="1">');
    expect(xml).toContain('<row r="2">');
  });

  it("gives a drawing the first relationship and links the next ones, in cell order", () => {
    const sheet = new SheetWriter("表", new StyleBook());
    sheet.addRow([
      { text: "a", link: "x.xlsx#'S'!A1" },
      { text: "b", link: "y z.xlsx" },
    ]);
    expect(sheet.addDrawing("../drawings/drawing1.xml")).toBe("rId1");
    const { xml, relationships } = sheet.toXml();
    expect(relationships.map((r) => [r.id, r.target, r.external])).toEqual([
      ["rId1", "../drawings/drawing1.xml", false],
      ["rId2", "x.xlsx#'S'!A1", true],
      ["rId3", "y z.xlsx", true],
    ]);
    expect(xml).toContain(
      '<hyperlinks><hyperlink ref="A1" r:id="rId2"/><hyperlink ref="B1" r:id="rId3"/></hyperlinks>'
    );
    expect(xml.indexOf("<hyperlinks>")).toBeLessThan(xml.indexOf("<pageMargins"));
    expect(xml.indexOf("<drawing ")).toBeGreaterThan(xml.indexOf("<headerFooter>"));
    expect(relationshipsXml(relationships)).toContain(
      'Target="x.xlsx#\'S\'!A1" TargetMode="External"'
    );
  });
});
