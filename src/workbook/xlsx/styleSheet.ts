/**
 * Additions to xl/styles.xml: fills for marked cells (each a clone of the cell's own format with
 * only the fill changed) and the formats of the output sheets. Existing entries are never
 * changed or reordered, since every cell's `s` points at them by index; new entries are appended,
 * and an entry identical to one already there (from an earlier run) is reused.
 */
import {
  MARK_FILL_COLOURS,
  OUTPUT_STYLE_FORMATS,
  type OutputStyle,
  type OutputStyleFormat,
  type Severity,
} from "../../engine";
import {
  childElements,
  elementPrefix,
  escapeXmlAttribute,
  findChild,
  getAttribute,
  insertionPoint,
  openElement,
  rootElement,
  setAttribute,
  splice,
  withPrefix,
  type ElementSpan,
} from "./xmlText";

export const SPREADSHEET_NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** CT_Stylesheet's child order. */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** Built-in number formats Excel knows by id; others need a <numFmt>. */
const BUILT_IN_NUMBER_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

/** The first id Excel leaves to custom number formats. */
const FIRST_CUSTOM_NUMBER_FORMAT = 164;

/** The <alignment> attributes of an output style. */
function alignmentAttributes(format: OutputStyleFormat): string {
  return (
    (format.horizontal ? `horizontal="${format.horizontal}" ` : "") +
    `vertical="${format.vertical}"` +
    (format.wrap ? ' wrapText="1"' : "")
  );
}

/** A minimal stylesheet for a package that has none. */
export function emptyStyleSheet(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${SPREADSHEET_NAMESPACE}">` +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
    `<fills count="2">${DEFAULT_FILLS}</fills>` +
    `<borders count="1">${DEFAULT_BORDER}</borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

const DEFAULT_FILLS =
  '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>';
const DEFAULT_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>";

/** What a stylesheet container holds when we must create it: Excel's defaults. */
const DEFAULT_CONTAINER_CONTENT: Readonly<Record<string, { markup: string; count: number }>> = {
  fonts: { markup: '<font><sz val="11"/><name val="Calibri"/></font>', count: 1 },
  fills: { markup: DEFAULT_FILLS, count: 2 },
  borders: { markup: DEFAULT_BORDER, count: 1 },
  cellStyleXfs: { markup: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>', count: 1 },
  cellXfs: { markup: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', count: 1 },
};

function solidFill(rgb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
}

function thinBorder(): string {
  const side = (name: string): string => `<${name} style="thin"><color indexed="64"/></${name}>`;
  return `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`;
}

export class StyleSheetEditor {
  private xml: string;
  /** The prefix styles.xml uses for its elements ("" almost always). */
  private readonly prefix: string;
  private readonly markedCache = new Map<string, number>();
  /** Output styles by style, then number format ("" for none): asked for every output cell. */
  private readonly outputCache = new Map<OutputStyle | undefined, Map<string, number>>();
  private readonly fillCache = new Map<number, string | null>();

  constructor(xml: string) {
    this.xml = xml;
    this.prefix = elementPrefix(rootElement(xml));
  }

  get text(): string {
    return this.xml;
  }

  /** The xf index for a marked cell: its original format with the severity's fill. */
  markedStyle(originalXf: number, severity: Severity): number {
    const key = originalXf + ":" + severity;
    const cached = this.markedCache.get(key);
    if (cached !== undefined) return cached;
    const fillId = this.appendChild("fills", solidFill("FF" + MARK_FILL_COLOURS[severity]));
    const index = this.withFillId(originalXf, fillId);
    this.markedCache.set(key, index);
    return index;
  }

  /** The <fill> an xf shows, as unprefixed markup; null when the xf or its fill is missing. */
  fillOf(xf: number): string | null {
    // Entries are only ever appended, so an xf's fill never changes: asked once per xf.
    const cached = this.fillCache.get(xf);
    if (cached !== undefined) return cached;
    const fill = this.findFill(xf);
    this.fillCache.set(xf, fill);
    return fill;
  }

  private findFill(xf: number): string | null {
    const source = this.children("cellXfs")[xf];
    if (!source) return null;
    const fillId = parseInt(getAttribute(source.attributes, "fillId") ?? "0", 10);
    const fill = this.children("fills")[isNaN(fillId) ? 0 : fillId];
    if (!fill) return null;
    const markup = this.xml.slice(fill.start, fill.end);
    return this.prefix === ""
      ? markup
      : markup
          .split("<" + this.prefix)
          .join("<")
          .split("</" + this.prefix)
          .join("</");
  }

  /** The <xf> of cellXfs at this index, as it stands in the part; null past the end. */
  xfMarkup(xf: number): string | null {
    const source = this.children("cellXfs")[xf];
    return source ? this.xml.slice(source.start, source.end) : null;
  }

  /** An xf like `xf` but showing `fillMarkup` (unprefixed <fill>), appended unless one is identical. */
  withFill(xf: number, fillMarkup: string): number {
    return this.withFillId(xf, this.appendChild("fills", fillMarkup));
  }

  private withFillId(originalXf: number, fillId: number): number {
    const xfs = this.children("cellXfs");
    // An index past the end (a damaged file) shows as the default format, so clone that.
    const source = xfs[originalXf] ?? xfs[0];
    const original = source
      ? this.xml.slice(source.start, source.end)
      : this.prefixed('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    const startTagLength = source ? source.startTagEnd - source.start : original.length;
    let startTag = original.slice(0, startTagLength);
    startTag = setAttribute(startTag, "fillId", String(fillId));
    startTag = setAttribute(startTag, "applyFill", "1");
    return this.appendChild("cellXfs", startTag + original.slice(startTagLength), false);
  }

  /** The xf index for an output cell; 0 (the default format) when it has no style or format. */
  outputStyle(style: OutputStyle | undefined, numberFormat: string | undefined): number {
    if (style === undefined && (numberFormat === undefined || numberFormat === "General")) return 0;
    let byFormat = this.outputCache.get(style);
    if (byFormat === undefined) this.outputCache.set(style, (byFormat = new Map()));
    const cached = byFormat.get(numberFormat ?? "");
    if (cached !== undefined) return cached;
    const format = style ? OUTPUT_STYLE_FORMATS[style] : undefined;
    const numFmtId = numberFormat === undefined ? 0 : this.numberFormatId(numberFormat);
    const fontId = format && (format.bold || format.fontSize) ? this.derivedFont(format) : 0;
    const fillId =
      format && format.fill ? this.appendChild("fills", solidFill("FF" + format.fill)) : 0;
    const borderId = format && format.border ? this.appendChild("borders", thinBorder()) : 0;
    let xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId !== 0) xf += ' applyNumberFormat="1"';
    if (fontId !== 0) xf += ' applyFont="1"';
    if (fillId !== 0) xf += ' applyFill="1"';
    if (borderId !== 0) xf += ' applyBorder="1"';
    xf += format ? ` applyAlignment="1"><alignment ${alignmentAttributes(format)}/></xf>` : "/>";
    const index = this.appendChild("cellXfs", xf);
    byFormat.set(numberFormat ?? "", index);
    return index;
  }

  private prefixed(markup: string): string {
    return withPrefix(this.prefix, markup);
  }

  /** The workbook's default font (fonts[0]) made bold and/or resized, so it keeps its typeface. */
  private derivedFont(format: OutputStyleFormat): number {
    const p = this.prefix;
    const base = this.children("fonts")[0];
    let inner = base && !base.empty ? this.xml.slice(base.startTagEnd, base.closeStart) : "";
    const element = (name: string): RegExp =>
      new RegExp(`<${p}${name}(?=[\\s/>])[^>]*?(?:/>|>[^<]*</${p}${name}>)`, "g");
    if (format.bold) inner = this.prefixed("<b/>") + inner.replace(element("b"), "");
    if (format.fontSize) {
      const size = this.prefixed(`<sz val="${format.fontSize}"/>`);
      inner = element("sz").test(inner) ? inner.replace(element("sz"), size) : size + inner;
    }
    // CT_Font is an unordered choice, so the children may stand in any order.
    return this.appendChild(
      "fonts",
      this.prefixed("<font>") + inner + this.prefixed("</font>"),
      false
    );
  }

  private numberFormatId(formatCode: string): number {
    const builtIn = BUILT_IN_NUMBER_FORMATS[formatCode];
    if (builtIn !== undefined) return builtIn;
    let highest = FIRST_CUSTOM_NUMBER_FORMAT - 1;
    for (const numFmt of this.children("numFmts")) {
      const id = Number(getAttribute(numFmt.attributes, "numFmtId"));
      if (getAttribute(numFmt.attributes, "formatCode") === formatCode) return id;
      if (id > highest) highest = id;
    }
    const id = highest + 1;
    this.appendChild(
      "numFmts",
      `<numFmt numFmtId="${id}" formatCode="${escapeXmlAttribute(formatCode)}"/>`
    );
    return id;
  }

  /** A top-level container (fonts, fills, cellXfs…), created with Excel's defaults when absent. */
  private container(localName: string): ElementSpan {
    const root = rootElement(this.xml);
    const existing = findChild(this.xml, root, localName);
    if (existing) return existing;
    const content = DEFAULT_CONTAINER_CONTENT[localName] ?? { markup: "", count: 0 };
    const markup = this.prefixed(
      `<${localName} count="${content.count}">${content.markup}</${localName}>`
    );
    const at = insertionPoint(this.xml, root, STYLESHEET_ORDER, localName);
    this.xml = splice(this.xml, at, at, markup);
    // Our xfs refer to cell style 0, so a stylesheet without cellStyleXfs gets the default one.
    if (localName === "cellXfs") this.container("cellStyleXfs");
    return this.container(localName);
  }

  private children(containerName: string): ElementSpan[] {
    const container = findChild(this.xml, rootElement(this.xml), containerName);
    return container ? childElements(this.xml, container) : [];
  }

  /**
   * Appends a child to a container and returns its index. Markup written unprefixed gets the
   * part's prefix; an identical child already there (from an earlier run) is reused instead.
   */
  private appendChild(containerName: string, markup: string, needsPrefix = true): number {
    const child = needsPrefix ? this.prefixed(markup) : markup;
    let container = this.container(containerName);
    const children = childElements(this.xml, container);
    for (let i = 0; i < children.length; i++) {
      if (this.xml.slice(children[i].start, children[i].end) === child) return i;
    }
    const opened = openElement(this.xml, container);
    this.xml = splice(opened.xml, opened.appendAt, opened.appendAt, child);
    container = this.container(containerName);
    const startTag = this.xml.slice(container.start, container.startTagEnd);
    const counted = setAttribute(startTag, "count", String(children.length + 1));
    this.xml = splice(this.xml, container.start, container.startTagEnd, counted);
    return children.length;
  }
}
