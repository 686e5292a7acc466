/**
 * The 汇总 workbook of a batch: a new .xlsx package written part by part (no spreadsheet library):
 * 汇总表, 问题清单, 抽查建议 and 统计 with its native chart. A4 landscape, frozen headers, filters,
 * number formats, ratings in colour. Every text from a workbook goes in as an inline string.
 */
import { encodeUtf8, type RawDeflate } from "../opcPackage";
import { ZipArchive } from "../zipArchive";
import type { BatchSummary } from "../../../engine";
import { escapeXmlAttribute, escapeXmlText } from "../xmlText";
import { chartDrawingXml, columnChartXml } from "./chartParts";
import { writeProblemSheet } from "./problemSheet";
import { writeReviewSheet } from "./reviewSheet";
import { relationshipsXml, SheetWriter } from "./sheetWriter";
import { writeStatisticsSheet } from "./statisticsSheet";
import { SHEET_NAMES } from "./summaryCells";
import { writeSummarySheet } from "./summarySheet";
import { StyleBook } from "./styleBook";

export interface SummaryWorkbookOptions {
  /** The workbook's creation time (docProps); now when absent. */
  readonly createdAt?: Date;
  /** A raw deflate (the CLI passes Node's zlib); fflate's otherwise. */
  readonly deflate?: RawDeflate;
}

/** The document title of every 汇总 workbook, by which a later batch knows it for its own. */
export const SUMMARY_WORKBOOK_TITLE = "绩效自评汇总表";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/package/2006/relationships";

function quotedSheet(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}

/** "A1:T40" → "$A$1:$T$40", as defined names hold ranges. */
function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

/** Writes the 汇总 workbook of a batch as .xlsx bytes. */
export async function writeSummaryWorkbook(
  summary: BatchSummary,
  options: SummaryWorkbookOptions = {}
): Promise<Uint8Array> {
  const styles = new StyleBook();
  const sheets = [
    new SheetWriter(SHEET_NAMES.summary, styles),
    new SheetWriter(SHEET_NAMES.problems, styles),
    new SheetWriter(SHEET_NAMES.review, styles),
    new SheetWriter(SHEET_NAMES.statistics, styles),
  ];
  const [summarySheet, problemSheet, reviewSheet, statisticsSheet] = sheets;
  writeSummarySheet(summarySheet, summary);
  writeProblemSheet(problemSheet, summary);
  writeReviewSheet(reviewSheet, summary);
  const chart = writeStatisticsSheet(statisticsSheet, summary);
  statisticsSheet.addDrawing("../drawings/drawing1.xml");

  const zip = new ZipArchive();
  // Written first, as Office writes it; filled in at the end, when every part is known.
  zip.file("[Content_Types].xml", "");
  // The worksheets are most of the bytes: with Node's zlib each is compressed on the thread pool
  // as soon as it is made, all of them at once, rather than one after another while the zip is
  // generated (and while this thread waits). The same bytes either way.
  const deflate = options.deflate;
  const early = new Map<Uint8Array, Promise<Uint8Array>>();
  const codec: RawDeflate | undefined = deflate && {
    crc32: (data) => deflate.crc32(data),
    deflateRaw: (data) => early.get(data) ?? deflate.deflateRaw(data),
  };
  sheets.forEach((sheet, index) => {
    const part = sheet.toXml();
    const bytes = encodeUtf8(part.xml);
    if (deflate) {
      const compressed = deflate.deflateRaw(bytes);
      // Its failure is the zip's, when it comes to this part: not an unhandled rejection now.
      compressed.catch(() => undefined);
      early.set(bytes, compressed);
    }
    zip.file("xl/worksheets/sheet" + (index + 1) + ".xml", bytes);
    if (part.relationships.length > 0)
      zip.file(
        "xl/worksheets/_rels/sheet" + (index + 1) + ".xml.rels",
        relationshipsXml(part.relationships)
      );
  });
  zip.file(
    "xl/drawings/drawing1.xml",
    chartDrawingXml({ fromColumn: 7, fromRow: 1, toColumn: 15, toRow: 20 }, "rId1", chart.title)
  );
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    relationshipsXml([
      {
        id: "rId1",
        type: RELATIONSHIP + "/chart",
        target: "../charts/chart1.xml",
        external: false,
      },
    ])
  );
  zip.file("xl/charts/chart1.xml", columnChartXml(chart));
  zip.file("xl/styles.xml", styles.toXml());

  // Hidden filter ranges and repeated header rows on every printed page, per sheet.
  const names: string[] = [];
  sheets.forEach((sheet, index) => {
    if (sheet.filterRange)
      names.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">` +
          escapeXmlText(quotedSheet(sheet.name) + "!" + absolute(sheet.filterRange)) +
          "</definedName>"
      );
  });
  const printTitles: Array<[number, string]> = [
    [0, "$1:$1"],
    [1, "$1:$1"],
    [2, "$2:$2"],
  ];
  for (const [index, rows] of printTitles)
    names.push(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">` +
        escapeXmlText(quotedSheet(sheets[index].name) + "!" + rows) +
        "</definedName>"
    );
  zip.file(
    "xl/workbook.xml",
    XML +
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${RELATIONSHIP}">` +
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000" activeTab="0"/></bookViews>' +
      "<sheets>" +
      sheets
        .map(
          (sheet, index) =>
            `<sheet name="${escapeXmlAttribute(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`
        )
        .join("") +
      "</sheets>" +
      `<definedNames>${names.join("")}</definedNames>` +
      // The total row's formulas carry their results: nothing needs recalculating on opening.
      '<calcPr calcId="191029"/>' +
      "</workbook>"
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    relationshipsXml(
      sheets
        .map((_, index) => ({
          id: "rId" + (index + 1),
          type: RELATIONSHIP + "/worksheet",
          target: "worksheets/sheet" + (index + 1) + ".xml",
          external: false,
        }))
        .concat({
          id: "rId" + (sheets.length + 1),
          type: RELATIONSHIP + "/styles",
          target: "styles.xml",
          external: false,
        })
    )
  );
  const created = (options.createdAt || new Date()).toISOString().replace(/\.\d+Z$/, "Z");
  zip.file(
    "docProps/core.xml",
    XML +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${SUMMARY_WORKBOOK_TITLE}</dc:title><dc:creator>绩效自评助手</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
      "</cp:coreProperties>"
  );
  zip.file(
    "docProps/app.xml",
    XML +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
      "<Application>绩效自评助手</Application></Properties>"
  );
  zip.file(
    "_rels/.rels",
    relationshipsXml([
      {
        id: "rId1",
        type: RELATIONSHIP + "/officeDocument",
        target: "xl/workbook.xml",
        external: false,
      },
      {
        id: "rId2",
        type: PACKAGE_RELATIONSHIP + "/metadata/core-properties",
        target: "docProps/core.xml",
        external: false,
      },
      {
        id: "rId3",
        type: RELATIONSHIP + "/extended-properties",
        target: "docProps/app.xml",
        external: false,
      },
    ])
  );
  const overrides = [
    [
      "/xl/workbook.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ],
    ...sheets.map((_, index) => [
      "/xl/worksheets/sheet" + (index + 1) + ".xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    ]),
    ["/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"],
    ["/xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml"],
    ["/xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"],
    ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ["/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"],
  ];
  zip.file(
    "[Content_Types].xml",
    XML +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      overrides
        .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
        .join("") +
      "</Types>"
  );
  return zip.generate(codec, options.createdAt);
}
