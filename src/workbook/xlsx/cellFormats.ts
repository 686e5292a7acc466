/**
 * The number format of each cell format (xf) in xl/styles.xml, and whether it shows a date:
 * what a cell's `s` attribute means to the reader.
 */
import { childElements, findChild, getAttribute, rootElement } from "./xmlText";

/**
 * Formats Excel knows by id and does not write into styles.xml. Where ExcelJS (the reader this
 * one replaced, and the tests' oracle) has an entry, its text is used as it is, so that the grid
 * keeps the formats it had; the ids it lacks are given as Excel shows them in a Chinese locale
 * (ECMA-376 Part 1, 18.8.30: 27–36 and 50–58 are locale-dependent dates and times, 41–44 the
 * accounting formats).
 */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  41: '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ',
  42: '_ ￥* #,##0_ ;_ ￥* \\-#,##0_ ;_ ￥* "-"_ ;_ @_ ',
  43: '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ',
  44: '_ ￥* #,##0.00_ ;_ ￥* \\-#,##0.00_ ;_ ￥* "-"??_ ;_ @_ ',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/**
 * Whether a format code shows a date or time: a y, m, d, h, s (or b, the Buddhist year) outside
 * quoted text, escapes, fill and padding characters, colours and conditions, or AM/PM.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/General|G\/通用格式/gi, "")
    .replace(/E[+-]/g, "");
  return /[ymdhsb]/i.test(bare) || /AM\/PM|A\/P|上午\/下午/i.test(bare);
}

export interface CellFormat {
  /** The format code, "General" when none. */
  readonly numberFormat: string;
  readonly isDate: boolean;
}

const GENERAL: CellFormat = { numberFormat: "General", isDate: false };

/** Cell formats by xf index (a cell's `s`); an index the list lacks reads as General. */
export type CellFormats = (styleIndex: number) => CellFormat;

/** Reads the cell formats of a styles part (null: the package has none). */
export function readCellFormats(xml: string | null): CellFormats {
  if (xml === null) return () => GENERAL;
  const root = rootElement(xml);
  const custom = new Map<number, string>();
  const numFmts = findChild(xml, root, "numFmts");
  if (numFmts) {
    for (const numFmt of childElements(xml, numFmts)) {
      if (numFmt.localName !== "numFmt") continue;
      const id = Number(getAttribute(numFmt.attributes, "numFmtId"));
      const code = getAttribute(numFmt.attributes, "formatCode");
      if (code !== null && id >= 0) custom.set(id, code);
    }
  }
  const byCode = new Map<string, CellFormat>();
  const formats: CellFormat[] = [];
  const cellXfs = findChild(xml, root, "cellXfs");
  if (cellXfs) {
    for (const xf of childElements(xml, cellXfs)) {
      if (xf.localName !== "xf") continue;
      const id = parseInt(getAttribute(xf.attributes, "numFmtId") ?? "0", 10) || 0;
      const code = id === 0 ? "General" : (custom.get(id) ?? BUILT_IN_FORMATS[id] ?? "General");
      let format = byCode.get(code);
      if (!format) {
        format = code === "General" ? GENERAL : { numberFormat: code, isDate: isDateFormat(code) };
        byCode.set(code, format);
      }
      formats.push(format);
    }
  }
  return (styleIndex) => formats[styleIndex] ?? GENERAL;
}
