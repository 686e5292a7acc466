/// <reference types="et-jsapi-declare/lib.et" />
/**
 * What WPS 表格's ET object model gives, turned into what the rest of the adapter works with.
 * The model is COM's, reached from JavaScript: colours are BGR integers, fills have numeric
 * pattern constants, error cells come back as COM error codes (or, on some builds, as their
 * text), and a bulk read may come back as a 2-D array, a 1-D array, a scalar or an object with
 * Item(r, c). Builds differ, and none of this has been checked on a real WPS here: every read
 * goes through these functions, so a shape not seen yet is handled in one place.
 */

/** The fill pattern constants (XlPattern) and their Office.js names, which the records keep. */
const PATTERN_NAMES: ReadonlyArray<readonly [number, string]> = [
  [-4142, "None"],
  [1, "Solid"],
  [-4125, "Gray50"],
  [-4126, "Gray75"],
  [-4124, "Gray25"],
  [-4128, "Horizontal"],
  [-4166, "Vertical"],
  [-4121, "Down"],
  [-4162, "Up"],
  [9, "Checker"],
  [10, "SemiGray75"],
  [11, "LightHorizontal"],
  [12, "LightVertical"],
  [13, "LightDown"],
  [14, "LightUp"],
  [15, "Grid"],
  [16, "CrissCross"],
  [17, "Gray16"],
  [18, "Gray8"],
  [4000, "LinearGradient"],
  [4001, "RectangularGradient"],
];

export const XL_PATTERN_NONE = -4142;
export const XL_PATTERN_SOLID = 1;
/** xlPatternAutomatic: Excel's "solid, automatic colour"; read as solid. */
const XL_PATTERN_AUTOMATIC = -4105;

/** An XlPattern constant as the Office.js name the records use ("LightDown"); null if unknown. */
export function patternName(pattern: number): string | null {
  if (pattern === XL_PATTERN_AUTOMATIC) return "Solid";
  for (const [value, name] of PATTERN_NAMES) if (value === pattern) return name;
  return null;
}

/** An Office.js pattern name back to its XlPattern constant; solid when unknown. */
export function patternConstant(name: string | null | undefined): number {
  if (!name) return XL_PATTERN_SOLID;
  for (const [value, known] of PATTERN_NAMES) if (known === name) return value;
  return XL_PATTERN_SOLID;
}

/** A COM colour (0xBBGGRR) as "#RRGGBB"; null when it is not a colour. */
export function bgrToHex(value: unknown): string | null {
  const number = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== "number" || !isFinite(number) || number < 0 || number > 0xffffff)
    return null;
  const red = number & 0xff;
  const green = (number >> 8) & 0xff;
  const blue = (number >> 16) & 0xff;
  const hex = (n: number) => (n < 16 ? "0" : "") + n.toString(16).toUpperCase();
  return "#" + hex(red) + hex(green) + hex(blue);
}

/** "#RRGGBB" as a COM colour (0xBBGGRR). */
export function hexToBgr(colour: string): number {
  const hex = colour.replace(/^#/, "");
  const red = parseInt(hex.slice(0, 2), 16);
  const green = parseInt(hex.slice(2, 4), 16);
  const blue = parseInt(hex.slice(4, 6), 16);
  return red + green * 256 + blue * 65536;
}

/**
 * COM's error values (CVErr: 0x800A07D0 + the xlErr number, as a signed 32-bit integer), which a
 * Value2 read gives for error cells where the JavaScript bridge passes them on as numbers.
 */
const ERROR_CODES: Readonly<Record<string, string>> = {
  "-2146826288": "#NULL!",
  "-2146826281": "#DIV/0!",
  "-2146826273": "#VALUE!",
  "-2146826265": "#REF!",
  "-2146826259": "#NAME?",
  "-2146826252": "#NUM!",
  "-2146826246": "#N/A",
  "-2146826245": "#GETTING_DATA",
  "-2146826238": "#SPILL!",
  "-2146826229": "#CALC!",
};

/** The error text of a COM error code, or null for any other value. */
export function errorOfCode(value: unknown): string | null {
  if (typeof value !== "number") return null;
  return ERROR_CODES[String(value)] ?? null;
}

/** Error values as their text, as `Value2` gives them on builds that pass them as strings. */
export const ERROR_LITERAL =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/;

interface ItemMatrix {
  Item(row: number, column: number): unknown;
}

function hasItem(value: unknown): value is ItemMatrix {
  return (
    !!value && typeof value === "object" && typeof (value as { Item?: unknown }).Item === "function"
  );
}

/**
 * A bulk read (`Value2`, `Formula`) of a `rows` × `columns` range as a 2-D array, whatever shape
 * the build gave it in: a 2-D array, a 1-D array (one row, or one column), a scalar (one cell)
 * or an object with Item(r, c) (1-based). A missing entry reads as empty (undefined).
 */
export function normaliseMatrix(value: unknown, rows: number, columns: number): unknown[][] {
  const matrix: unknown[][] = [];
  if (Array.isArray(value) && (value.length === 0 || Array.isArray(value[0]))) {
    for (let r = 0; r < rows; r++) {
      const line = (value[r] as unknown[] | undefined) ?? [];
      const row: unknown[] = [];
      for (let c = 0; c < columns; c++) row.push(line[c]);
      matrix.push(row);
    }
    return matrix;
  }
  if (Array.isArray(value)) {
    // One row of many columns, or one column of many rows.
    for (let r = 0; r < rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < columns; c++) row.push(rows === 1 ? value[c] : value[r]);
      matrix.push(row);
    }
    return matrix;
  }
  if (hasItem(value)) {
    for (let r = 1; r <= rows; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= columns; c++) row.push(value.Item(r, c));
      matrix.push(row);
    }
    return matrix;
  }
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < columns; c++) row.push(r === 0 && c === 0 ? value : undefined);
    matrix.push(row);
  }
  return matrix;
}

/** True for what a read gives for a blank cell. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/**
 * A range's address without `$` ("F4:F9", "A1,B3:B5"). `Address` is a method in the typings and
 * in the builds the field reports describe; a property on some. Sheet prefixes are dropped.
 */
export function addressOf(range: Et.Range): string {
  const member = (range as unknown as { Address: unknown }).Address;
  const text =
    typeof member === "function"
      ? String((member as (this: Et.Range) => unknown).call(range))
      : String(member);
  return text
    .split(",")
    .map((area) => area.replace(/^.*!/, "").replace(/\$/g, "").trim())
    .join(",");
}

/** A sheet of the workbook's Worksheets collection (1-based). */
export function worksheetAt(book: Et.Workbook, index: number): Et.Worksheet {
  return book.Worksheets.Item(index) as Et.Worksheet;
}
