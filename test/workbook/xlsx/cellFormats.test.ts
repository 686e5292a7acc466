import { isDateFormat, readCellFormats } from "../../../src/workbook/xlsx/cellFormats";

describe("isDateFormat", () => {
  it.each([
    "yyyy-mm-dd",
    'yyyy"年"m"月"d"日"',
    "m/d/yy",
    "h:mm",
    "[h]:mm:ss",
    "[$-F800]dddd, mmmm dd, yyyy",
    '上午/下午h"时"mm"分"',
    "hh:mm AM/PM",
    "YYYY/MM/DD",
  ])("finds a date or time in %s", (code) => {
    expect(isDateFormat(code)).toBe(true);
  });

  it.each([
    "General",
    "0.00%",
    "#,##0.00",
    "0.00E+00",
    '0.0"分"',
    '#,##0"天"',
    "[Red]0.00",
    "0.00_);[Red]\\(0.00\\)",
    "@",
    "[DBNum1][$-804]G/通用格式",
    "0\\h",
    '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ',
  ])("finds none in %s", (code) => {
    expect(isDateFormat(code)).toBe(false);
  });
});

describe("readCellFormats", () => {
  const styles =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0&quot;分&quot;"/><numFmt numFmtId="14" formatCode="yyyy/m/d"/></numFmts>' +
    '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="43"/></cellXfs>' +
    "</styleSheet>";

  it("gives each xf its format: built-in, custom, or a built-in id the file redefines", () => {
    const formats = readCellFormats(styles);
    expect(formats(0)).toEqual({ numberFormat: "General", isDate: false });
    expect(formats(1)).toEqual({ numberFormat: "0.00%", isDate: false });
    expect(formats(2)).toEqual({ numberFormat: '0.0"分"', isDate: false });
    expect(formats(3)).toEqual({ numberFormat: "yyyy/m/d", isDate: true });
    expect(formats(4)).toEqual({ numberFormat: 'yyyy"年"m"月"d"日"', isDate: true });
    expect(formats(5).numberFormat).toBe('_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ');
  });

  it("reads an index past the list, or a package without styles, as General", () => {
    expect(readCellFormats(styles)(99)).toEqual({ numberFormat: "General", isDate: false });
    expect(readCellFormats(null)(3)).toEqual({ numberFormat: "General", isDate: false });
  });
});
