/**
 * A workbook "made by another tool": OOXML written by hand with JSZip, not by ExcelJS, holding
 * the things a scored copy must carry through untouched — shared and inline strings, text that
 * looks like a formula, numbers stored as text, formulas with cached results, a shared formula,
 * merges, custom styles, an existing note, data validation, conditional formatting, defined
 * names, print settings, custom XML and custom document properties.
 *
 * The sheet parts are deliberately not numbered in sheet order ("自评表" is sheet2.xml) and the
 * second sheet's name needs XML escaping.
 */
import JSZip from "jszip";

export const MAIN_SHEET = "自评表";
export const MAIN_SHEET_PART = "xl/worksheets/sheet2.xml";
export const SECOND_SHEET = "R&D 说明";
export const SECOND_SHEET_PART = "xl/worksheets/sheet1.xml";
export const EXISTING_NOTE_CELL = "F8";
export const EXISTING_NOTE_TEXT = "张三:\n请核对该项得分";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

const contentTypes =
  DECL +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
  '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
  '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
  "</Types>";

const packageRels =
  DECL +
  `<Relationships xmlns="${PKG_REL}">` +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>' +
  "</Relationships>";

const app =
  DECL +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>" +
  '<HeadingPairs><vt:vector size="4" baseType="variant">' +
  "<vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant>" +
  "<vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>" +
  "</vt:vector></HeadingPairs>" +
  '<TitlesOfParts><vt:vector size="3" baseType="lpstr">' +
  "<vt:lpstr>R&amp;D 说明</vt:lpstr><vt:lpstr>自评表</vt:lpstr><vt:lpstr>自评表!Print_Area</vt:lpstr>" +
  "</vt:vector></TitlesOfParts>" +
  "<Company>某某局</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>" +
  "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>";

const core =
  DECL +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  "<dc:creator>财务科</dc:creator><cp:lastModifiedBy>李四</cp:lastModifiedBy>" +
  '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-05T02:00:00Z</dcterms:created>' +
  '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-01T08:30:00Z</dcterms:modified>' +
  "</cp:coreProperties>";

const custom =
  DECL +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property>' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="预算年度"><vt:i4>2024</vt:i4></property>' +
  "</Properties>";

const customXmlItem =
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?>' +
  '<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="/APA.XSL" StyleName="APA"/>';
const customXmlItemProps =
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n' +
  '<ds:datastoreItem ds:itemID="{0B8F2F4A-1C2D-4E5F-8A9B-0C1D2E3F4A5B}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">' +
  '<ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/></ds:schemaRefs></ds:datastoreItem>';
const customXmlItemRels =
  DECL +
  `<Relationships xmlns="${PKG_REL}">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/>' +
  "</Relationships>";

const workbook =
  DECL +
  `<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
  '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>' +
  '<workbookPr defaultThemeVersion="166925"/>' +
  '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\财务\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>' +
  '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="1"/></bookViews>' +
  '<sheets><sheet name="R&amp;D 说明" sheetId="3" r:id="rId2"/><sheet name="自评表" sheetId="7" r:id="rId5"/></sheets>' +
  "<definedNames>" +
  '<definedName name="_xlnm.Print_Area" localSheetId="1">自评表!$A$1:$H$16</definedName>' +
  '<definedName name="预算总额">自评表!$D$4:$D$5</definedName>' +
  "</definedNames>" +
  '<calcPr calcId="191029"/>' +
  "</workbook>";

const workbookRels =
  DECL +
  `<Relationships xmlns="${PKG_REL}">` +
  '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>' +
  "</Relationships>";

/** Styles: xf 1 has a custom font (楷体 bold italic red 12), a medium border and numFmt 164. */
const styles =
  DECL +
  `<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0_ &quot;分&quot;"/></numFmts>' +
  '<fonts count="2" x14ac:knownFonts="1">' +
  '<font><sz val="11"/><color theme="1"/><name val="宋体"/><family val="3"/><charset val="134"/><scheme val="minor"/></font>' +
  '<font><b/><i/><sz val="12"/><color rgb="FFC00000"/><name val="楷体"/><family val="3"/><charset val="134"/></font>' +
  "</fonts>" +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="medium"><color rgb="FF0070C0"/></left><right style="medium"><color rgb="FF0070C0"/></right>' +
  '<top style="medium"><color rgb="FF0070C0"/></top><bottom style="medium"><color rgb="FF0070C0"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
  '<cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="164" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment horizontal="right" vertical="center"/><protection locked="0"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  "</cellXfs>" +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

/** Shared strings; index 1 is text that looks like a formula, index 2 a number stored as text. */
export const SHARED_STRINGS = [
  "2024年度项目支出绩效自评表",
  "=SUM(A1)",
  "12.5",
  "指标",
  "分值",
  "得分",
  "R&D <说明>",
];

const sharedStrings =
  DECL +
  `<sst xmlns="${MAIN}" count="${SHARED_STRINGS.length}" uniqueCount="${SHARED_STRINGS.length}">` +
  SHARED_STRINGS.map(
    (text) =>
      "<si><t>" +
      text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") +
      "</t></si>"
  ).join("") +
  "</sst>";

/**
 * The main sheet. Row 12 is missing, row 10 has no G cell, row 15 is an empty element, so marks
 * there must create cells. Row 9 has a row format (s=3, customFormat).
 */
const mainSheet =
  DECL +
  `<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
  '<dimension ref="A1:H15"/>' +
  '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="D4" sqref="D4"/></sheetView></sheetViews>' +
  '<sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.15"/>' +
  '<cols><col min="1" max="1" width="12" customWidth="1"/><col min="2" max="6" width="10.5" style="2" customWidth="1"/></cols>' +
  "<sheetData>" +
  '<row r="1" spans="1:8" ht="24" customHeight="1" x14ac:dyDescent="0.15"><c r="A1" s="3" t="s"><v>0</v></c></row>' +
  '<row r="2" spans="1:8"><c r="A2" t="inlineStr"><is><t>内联文本 &amp; 符号</t></is></c><c r="B2" t="s"><v>1</v></c><c r="C2" s="2" t="s"><v>2</v></c><c r="D2"><v>3.25</v></c></row>' +
  '<row r="3" spans="1:8"><c r="A3" t="s"><v>3</v></c><c r="D3" t="s"><v>4</v></c><c r="G3" t="s"><v>5</v></c></row>' +
  '<row r="4" spans="1:8"><c r="A4" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t>产出</t></r><r><t xml:space="preserve"> 数量</t></r></is></c><c r="D4" s="1"><v>8</v></c><c r="G4" s="1"><v>7.5</v></c></row>' +
  '<row r="5" spans="1:8"><c r="D5" s="1"><v>8</v></c><c r="G5" s="1"><v>8</v></c></row>' +
  '<row r="6" spans="1:8"><c r="C6" t="str"><f>"合计"&amp;""</f><v>合计</v></c><c r="D6" s="1"><f>SUM(D4:D5)</f><v>16</v></c><c r="E6"><f t="shared" ref="E6:E7" si="0">D6*2</f><v>32</v></c></row>' +
  '<row r="7" spans="1:8"><c r="D7"><v>4</v></c><c r="E7"><f t="shared" si="0"/><v>8</v></c></row>' +
  '<row r="8" spans="1:8"><c r="F8" s="2" t="s"><v>5</v></c><c r="G8" t="e"><v>#DIV/0!</v></c><c r="H8" t="b"><v>1</v></c></row>' +
  '<row r="9" spans="1:8" s="3" customFormat="1"><c r="A9" t="s"><v>3</v></c></row>' +
  '<row r="10" spans="1:8"><c r="A10"><v>1</v></c><c r="H10"><v>2</v></c></row>' +
  '<row r="15" spans="1:8" ht="15" customHeight="1"/>' +
  "</sheetData>" +
  '<sheetProtection sheet="0" objects="1" scenarios="1"/>' +
  '<mergeCells count="2"><mergeCell ref="A1:H1"/><mergeCell ref="A4:A5"/></mergeCells>' +
  '<conditionalFormatting sqref="G4:G7"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>D4</formula></cfRule></conditionalFormatting>' +
  '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="输入错误" error="得分不能超过分值" sqref="G4:G7"><formula1>0</formula1><formula2>D4</formula2></dataValidation></dataValidations>' +
  '<printOptions horizontalCentered="1"/>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '<pageSetup paperSize="9" orientation="landscape" fitToHeight="0" r:id="rId1"/>' +
  "<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>" +
  '<legacyDrawing r:id="rId3"/>' +
  "</worksheet>";

const mainSheetRels =
  DECL +
  `<Relationships xmlns="${PKG_REL}">` +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/>' +
  "</Relationships>";

const comments =
  DECL +
  `<comments xmlns="${MAIN}"><authors><author>张三</author></authors><commentList>` +
  '<comment ref="F8" authorId="0"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t>张三:</t></r>' +
  '<r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">\n请核对该项得分</t></r></text></comment>' +
  "</commentList></comments>";

/** Excel-style VML: no XML declaration, CRLF line breaks, single-quoted attributes. */
const vmlDrawing =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n' +
  ' <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="1"/>\r\n </o:shapelayout>' +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n' +
  '  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>' +
  '<v:shape id="_x0000_s1025" type="#_x0000_t202" style=\'position:absolute;\r\n  margin-left:339pt;margin-top:93pt;width:108pt;height:59.25pt;z-index:1;\r\n  visibility:hidden\' fillcolor="#ffffe1" o:insetmode="auto">\r\n' +
  '  <v:fill color2="#ffffe1"/>\r\n  <v:shadow on="t" color="black" obscured="t"/>\r\n  <v:path o:connecttype="none"/>\r\n' +
  "  <v:textbox style='mso-direction-alt:auto'>\r\n   <div style='text-align:left'></div>\r\n  </v:textbox>\r\n" +
  '  <x:ClientData ObjectType="Note">\r\n   <x:MoveWithCells/>\r\n   <x:SizeWithCells/>\r\n' +
  "   <x:Anchor>\r\n    6, 15, 6, 10, 8, 15, 10, 4</x:Anchor>\r\n   <x:AutoFill>False</x:AutoFill>\r\n" +
  "   <x:Row>7</x:Row>\r\n   <x:Column>5</x:Column>\r\n  </x:ClientData>\r\n </v:shape></xml>";

/** The second sheet: no r: namespace on its root, an extLst at the end, rows without spans. */
const secondSheet =
  DECL +
  `<worksheet xmlns="${MAIN}">` +
  '<dimension ref="A1:C3"/>' +
  '<sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
  '<sheetFormatPr defaultRowHeight="13.5"/>' +
  "<sheetData>" +
  '<row r="1"><c r="A1" t="s"><v>6</v></c></row>' +
  '<row r="2"><c r="A2"><v>100</v></c><c r="B2" s="1"><v>0.5</v></c><c r="C2"><f>A2*B2</f><v>50</v></c></row>' +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>=1+1</t></is></c></row>' +
  "</sheetData>" +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '<pageSetup paperSize="9" orientation="portrait"/>' +
  "<headerFooter><oddHeader>&amp;L机密</oddHeader></headerFooter>" +
  '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">' +
  "<x14:formula1><xm:f>自评表!$D$3:$D$5</xm:f></x14:formula1><xm:sqref>B3:B5</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>" +
  "</worksheet>";

/** Some bytes that are not text at all, to prove binary parts pass through untouched. */
function printerSettings(): Uint8Array {
  const bytes = new Uint8Array(256);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) & 0xff;
  return bytes;
}

/** The parts of the template, by name. */
export function handWrittenParts(): Record<string, string | Uint8Array> {
  return {
    "[Content_Types].xml": contentTypes,
    "_rels/.rels": packageRels,
    "docProps/app.xml": app,
    "docProps/core.xml": core,
    "docProps/custom.xml": custom,
    "customXml/item1.xml": customXmlItem,
    "customXml/itemProps1.xml": customXmlItemProps,
    "customXml/_rels/item1.xml.rels": customXmlItemRels,
    "xl/workbook.xml": workbook,
    "xl/_rels/workbook.xml.rels": workbookRels,
    "xl/styles.xml": styles,
    "xl/sharedStrings.xml": sharedStrings,
    [MAIN_SHEET_PART]: mainSheet,
    "xl/worksheets/_rels/sheet2.xml.rels": mainSheetRels,
    [SECOND_SHEET_PART]: secondSheet,
    "xl/comments1.xml": comments,
    "xl/drawings/vmlDrawing1.vml": vmlDrawing,
    "xl/printerSettings/printerSettings1.bin": printerSettings(),
  };
}

/** The template as .xlsx bytes. Deterministic: fixed entry dates. */
export async function buildHandWrittenTemplate(
  overrides: Record<string, string | Uint8Array | null> = {}
): Promise<Uint8Array> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2024, 2, 1, 8, 30, 0));
  const parts: Record<string, string | Uint8Array | null> = { ...handWrittenParts(), ...overrides };
  for (const name of Object.keys(parts)) {
    const content = parts[name];
    if (content !== null) zip.file(name, content, { date, createFolders: false });
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
