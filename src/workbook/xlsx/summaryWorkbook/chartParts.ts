/**
 * A native column chart (DrawingML chart part, not a picture) and the drawing part that anchors it
 * on a sheet. The series points at the sheet's cells and carries their values in its caches, so
 * Excel and LibreOffice draw it on opening without recalculating.
 */
import { escapeXmlAttribute, escapeXmlText } from "../xmlText";

export interface ColumnChart {
  readonly title: string;
  /** The sheet the categories and values are on. */
  readonly sheet: string;
  /** A1 ranges on that sheet, e.g. "$A$4:$A$7". */
  readonly categoriesRange: string;
  readonly valuesRange: string;
  /** The series name's cell, e.g. "$B$3". */
  readonly seriesNameCell: string;
  readonly seriesName: string;
  readonly categories: readonly string[];
  readonly values: readonly number[];
  /** One RGB colour (no alpha) per point, or none for the series colour. */
  readonly pointColours?: readonly (string | null)[];
}

/** Where the chart sits: 0-based column and row of its top-left and bottom-right corners. */
export interface ChartAnchor {
  readonly fromColumn: number;
  readonly fromRow: number;
  readonly toColumn: number;
  readonly toRow: number;
}

const CHART_NAMESPACES =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A sheet-qualified reference, the sheet name always quoted (a quote inside doubled). */
function reference(sheet: string, range: string): string {
  return "'" + sheet.replace(/'/g, "''") + "'!" + range;
}

function solidFill(rgb: string): string {
  return `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    "<c:rich><a:bodyPr/><a:lstStyle/><a:p>" +
    `<a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXmlText(text)}</a:t></a:r>` +
    "</a:p></c:rich>"
  );
}

const CATEGORY_AXIS = 50010;
const VALUE_AXIS = 50020;

/** The chart part (xl/charts/chartN.xml). */
export function columnChartXml(chart: ColumnChart): string {
  const count = chart.categories.length;
  const strPoints = chart.categories
    .map((text, index) => `<c:pt idx="${index}"><c:v>${escapeXmlText(text)}</c:v></c:pt>`)
    .join("");
  const numPoints = chart.values
    .map((value, index) => `<c:pt idx="${index}"><c:v>${String(value)}</c:v></c:pt>`)
    .join("");
  const dataPoints = (chart.pointColours || [])
    .map((colour, index) =>
      colour
        ? `<c:dPt><c:idx val="${index}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>` +
          `<c:spPr>${solidFill(colour)}</c:spPr></c:dPt>`
        : ""
    )
    .join("");
  const largest = chart.values.reduce((max, value) => Math.max(max, value), 0);
  // Whole forms only: a unit of 1 up to ten forms, else Excel's own choice.
  const majorUnit = largest <= 10 ? '<c:majorUnit val="1"/>' : "";
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace ${CHART_NAMESPACES}>` +
    '<c:roundedCorners val="0"/>' +
    "<c:chart>" +
    `<c:title><c:tx>${richText(chart.title, 1400, true)}</c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    "<c:plotArea><c:layout/>" +
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    '<c:ser><c:idx val="0"/><c:order val="0"/>' +
    `<c:tx><c:strRef><c:f>${escapeXmlText(reference(chart.sheet, chart.seriesNameCell))}</c:f>` +
    `<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXmlText(chart.seriesName)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    `<c:spPr>${solidFill("4472C4")}</c:spPr>` +
    '<c:invertIfNegative val="0"/>' +
    dataPoints +
    '<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>' +
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
    `<c:cat><c:strRef><c:f>${escapeXmlText(reference(chart.sheet, chart.categoriesRange))}</c:f>` +
    `<c:strCache><c:ptCount val="${count}"/>${strPoints}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXmlText(reference(chart.sheet, chart.valuesRange))}</c:f>` +
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${count}"/>${numPoints}</c:numCache></c:numRef></c:val>` +
    "</c:ser>" +
    `<c:gapWidth val="80"/><c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>` +
    "</c:barChart>" +
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    '<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>' +
    '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>` +
    '<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>' +
    `<c:title><c:tx>${richText(chart.seriesName, 1000, false)}</c:tx><c:overlay val="0"/></c:title>` +
    '<c:numFmt formatCode="0" sourceLinked="0"/>' +
    '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>` +
    majorUnit +
    "</c:valAx>" +
    "</c:plotArea>" +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    "</c:chart>" +
    "</c:chartSpace>"
  );
}

/** The drawing part (xl/drawings/drawingN.xml) holding one chart by its relationship id. */
export function chartDrawingXml(
  anchor: ChartAnchor,
  chartRelationshipId: string,
  name: string
): string {
  const marker = (column: number, row: number) =>
    `<xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    '<xdr:twoCellAnchor editAs="oneCell">' +
    `<xdr:from>${marker(anchor.fromColumn, anchor.fromRow)}</xdr:from>` +
    `<xdr:to>${marker(anchor.toColumn, anchor.toRow)}</xdr:to>` +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXmlAttribute(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    `r:id="${chartRelationshipId}"/>` +
    "</a:graphicData></a:graphic></xdr:graphicFrame>" +
    "<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
  );
}
