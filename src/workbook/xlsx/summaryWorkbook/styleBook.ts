/**
 * The styles of the 汇总 workbook, made as they are asked for: each distinct combination of font,
 * fill, border, number format and alignment gets one cellXfs entry, and styles.xml lists them.
 */
import { MARK_FILL_COLOURS } from "../../../engine";
import { escapeXmlAttribute } from "../xmlText";

/** Fonts by role; all in the one typeface, so Excel and LibreOffice set them alike. */
export type FontRole = "body" | "bold" | "title" | "link";
/** Fills by role, RGB without alpha. */
export const FILL_COLOURS = {
  header: "D9E1F2",
  total: "F2F2F2",
  error: MARK_FILL_COLOURS.error,
  warning: MARK_FILL_COLOURS.warning,
  // The rating colours follow Excel's own Good / Neutral / Bad cell styles, with a light blue
  // for 良 between 优 and 中.
  ratingExcellent: "C6EFCE",
  ratingGood: "DDEBF7",
  ratingFair: "FFEB9C",
  ratingPoor: "FFC7CE",
} as const;
export type FillRole = keyof typeof FILL_COLOURS;

export interface CellStyle {
  readonly font?: FontRole;
  readonly fill?: FillRole;
  readonly border?: boolean;
  /** An Excel number format code; General when absent. */
  readonly numberFormat?: string;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "center";
  readonly wrap?: boolean;
}

const FONT_NAME = "宋体";
const BODY_SIZE = 10;

const FONTS: Readonly<Record<FontRole, string>> = {
  body: `<font><sz val="${BODY_SIZE}"/><name val="${FONT_NAME}"/><family val="3"/><charset val="134"/></font>`,
  bold: `<font><b/><sz val="${BODY_SIZE}"/><name val="${FONT_NAME}"/><family val="3"/><charset val="134"/></font>`,
  title: `<font><b/><sz val="14"/><name val="${FONT_NAME}"/><family val="3"/><charset val="134"/></font>`,
  link: `<font><u/><sz val="${BODY_SIZE}"/><color rgb="FF0563C1"/><name val="${FONT_NAME}"/><family val="3"/><charset val="134"/></font>`,
};
const FONT_ORDER: readonly FontRole[] = ["body", "bold", "title", "link"];
const FILL_ORDER = Object.keys(FILL_COLOURS) as FillRole[];

/** Formats Excel knows by id; others are declared from 164 up. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

export class StyleBook {
  private readonly xfs: string[] = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ];
  private readonly byKey = new Map<string, number>([["", 0]]);
  private readonly customFormats: string[] = [];

  /** Styles seen before, by identity: most cells share a few style objects. */
  private readonly byStyle = new WeakMap<CellStyle, number>();

  /** The cellXfs index of a style. */
  index(style: CellStyle): number {
    const seen = this.byStyle.get(style);
    if (seen !== undefined) return seen;
    const found = this.indexOf(style);
    this.byStyle.set(style, found);
    return found;
  }

  private indexOf(style: CellStyle): number {
    const key = JSON.stringify([
      style.font || "body",
      style.fill || "",
      style.border ? 1 : 0,
      style.numberFormat || "General",
      style.horizontal || "",
      style.vertical || "",
      style.wrap ? 1 : 0,
    ]);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const numFmtId = this.formatId(style.numberFormat || "General");
    const fontId = FONT_ORDER.indexOf(style.font || "body");
    // Fills 0 and 1 are the two Excel requires (none, gray125).
    const fillId = style.fill ? 2 + FILL_ORDER.indexOf(style.fill) : 0;
    const borderId = style.border ? 1 : 0;
    let xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId !== 0) xf += ' applyNumberFormat="1"';
    if (fontId !== 0) xf += ' applyFont="1"';
    if (fillId !== 0) xf += ' applyFill="1"';
    if (borderId !== 0) xf += ' applyBorder="1"';
    if (style.horizontal || style.vertical || style.wrap) {
      xf += ' applyAlignment="1"><alignment';
      if (style.horizontal) xf += ` horizontal="${style.horizontal}"`;
      xf += ` vertical="${style.vertical || "center"}"`;
      if (style.wrap) xf += ' wrapText="1"';
      xf += "/></xf>";
    } else xf += "/>";
    this.xfs.push(xf);
    this.byKey.set(key, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const index = this.customFormats.indexOf(code);
    if (index >= 0) return 164 + index;
    this.customFormats.push(code);
    return 164 + this.customFormats.length - 1;
  }

  /** xl/styles.xml with every style asked for so far. */
  toXml(): string {
    const numFmts =
      this.customFormats.length === 0
        ? ""
        : `<numFmts count="${this.customFormats.length}">` +
          this.customFormats
            .map(
              (code, index) =>
                `<numFmt numFmtId="${164 + index}" formatCode="${escapeXmlAttribute(code)}"/>`
            )
            .join("") +
          "</numFmts>";
    const fills =
      '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      FILL_ORDER.map(
        (role) =>
          `<fill><patternFill patternType="solid"><fgColor rgb="FF${FILL_COLOURS[role]}"/><bgColor indexed="64"/></patternFill></fill>`
      ).join("");
    const thin = '<left style="thin"><color rgb="FF808080"/></left>';
    const border =
      thin +
      thin.replace(/left/g, "right") +
      thin.replace(/left/g, "top") +
      thin.replace(/left/g, "bottom") +
      "<diagonal/>";
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      numFmts +
      `<fonts count="${FONT_ORDER.length}">${FONT_ORDER.map((role) => FONTS[role]).join("")}</fonts>` +
      `<fills count="${2 + FILL_ORDER.length}">${fills}</fills>` +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${border}</border></borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/>' +
      "</styleSheet>"
    );
  }
}
