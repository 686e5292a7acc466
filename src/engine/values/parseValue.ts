import type { CellValue, GridCell } from "../grid/types";
import { normaliseText } from "./normaliseText";

/** How a target compares: "≥95%" is ">=", "≤30万元" is "<=", a bare number is null (read as ">="). */
export type Comparator = ">=" | ">" | "<=" | "<" | "=";

export interface ParsedEmpty {
  readonly kind: "empty";
}

export interface ParsedError {
  readonly kind: "error";
  /** The Excel error value, e.g. "#DIV/0!". */
  readonly error: string;
}

export interface ParsedNumber {
  readonly kind: "number";
  /** Percentages are fractions: "96.90%" → 0.969. */
  readonly value: number;
  readonly percent: boolean;
  /** What followed the number ("个", "万元", "起"), null when nothing did. */
  readonly unit: string | null;
  readonly comparator: Comparator | null;
}

export interface ParsedWords {
  readonly kind: "words";
  /** The text, white space removed and full-width characters mapped. */
  readonly text: string;
}

export type ParsedValue = ParsedEmpty | ParsedError | ParsedNumber | ParsedWords;

const EMPTY: ParsedEmpty = { kind: "empty" };

// Longest first, so that "不低于" wins over "低于".
const COMPARATOR_WORDS: Array<[string, Comparator]> = [
  [">=", ">="],
  ["=>", ">="],
  ["≥", ">="],
  ["<=", "<="],
  ["=<", "<="],
  ["≤", "<="],
  ["大于等于", ">="],
  ["大于或等于", ">="],
  ["不低于", ">="],
  ["不少于", ">="],
  ["不小于", ">="],
  ["至少", ">="],
  ["达到", ">="],
  ["小于等于", "<="],
  ["小于或等于", "<="],
  ["不高于", "<="],
  ["不超过", "<="],
  ["不大于", "<="],
  ["不多于", "<="],
  ["控制在", "<="],
  ["低于", "<"],
  ["少于", "<"],
  ["小于", "<"],
  ["高于", ">"],
  ["多于", ">"],
  ["大于", ">"],
  ["超过", ">"],
  ["等于", "="],
  // ═ (box-drawing double line) is typed for 等于 in some 指标性质 columns.
  ["═", "="],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
];
const COMPARATOR_PREFIXES = COMPARATOR_WORDS.sort((a, b) => b[0].length - a[0].length);
// The characters a comparator can start with: a text starting with none of them is not tried
// against each of the 32 (most texts read are names and words: "指标12", "按要求开展").
const PREFIX_STARTS = COMPARATOR_PREFIXES.map((entry) => entry[0].charAt(0)).join("");

const COMPARATOR_SUFFIXES: ReadonlyArray<readonly [string, Comparator]> = [
  ["及以上", ">="],
  ["以上", ">="],
  ["及以下", "<="],
  ["以下", "<="],
  ["以内", "<="],
];

// Placeholders templates use for "nothing here" ("—" in the budget block's 分值/得分 cells).
const PLACEHOLDER = /^[-—–_/\\~·.。、]+$|^(N\/A|NA)$/i;

// A unit is short and names a quantity; text such as "月底前" or "年完成" makes the value words.
const UNIT_TEXT = /^[A-Za-z\u4e00-\u9fa5²³/·.]{1,6}$/;
const NOT_A_UNIT = /前|后|底|内|完成|达到|左右|约|以|为|的|和|及|或|开展|提升|下降|增长/;

function readText(text: string): ParsedValue {
  const normalised = normaliseText(text);
  let rest = normalised;
  if (rest === "") return EMPTY;
  if (PLACEHOLDER.test(rest)) return EMPTY;
  const error = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA)$/i.exec(
    rest
  );
  if (error) return { kind: "error", error: rest.toUpperCase() };

  let comparator: Comparator | null = null;
  const startsWithNumber = /^[-+.\d]/.test(rest);
  // By index, not for…of with destructuring: parsing runs for each distinct text of a sheet,
  // mostly before it is optimised, where each step of such a loop makes iterator objects.
  if (!startsWithNumber && PREFIX_STARTS.indexOf(rest.charAt(0)) >= 0)
    for (let i = 0; i < COMPARATOR_PREFIXES.length; i++) {
      const prefix = COMPARATOR_PREFIXES[i][0];
      if (rest.indexOf(prefix) === 0) {
        comparator = COMPARATOR_PREFIXES[i][1];
        rest = rest.slice(prefix.length);
        break;
      }
    }
  for (let i = 0; i < COMPARATOR_SUFFIXES.length; i++) {
    const suffix = COMPARATOR_SUFFIXES[i][0];
    const at = rest.length - suffix.length;
    if (at > 0 && rest.lastIndexOf(suffix) === at && comparator === null) {
      comparator = COMPARATOR_SUFFIXES[i][1];
      rest = rest.slice(0, at);
      break;
    }
  }

  // A number starts with a sign, a digit or a point: anything else is words, without a match.
  const number = /^[-+.\d]/.test(rest)
    ? /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?/.exec(rest)
    : null;
  if (!number || (number[2] === undefined && number[3] === undefined)) {
    return { kind: "words", text: normalised };
  }
  let value = Number(
    (number[2] || "0").replace(/,/g, "") + (number[3] !== undefined ? "." + number[3] : "")
  );
  if (number[1] === "-") value = -value;
  let unitText = rest.slice(number[0].length);

  let percent = false;
  if (unitText.indexOf("%") === 0) {
    percent = true;
    unitText = unitText.slice(1);
  } else if (unitText.indexOf("‰") === 0) {
    percent = true;
    value = value / 10; // ‰ as a fraction of percent points, scaled below
    unitText = unitText.slice(1);
  } else if (unitText.indexOf("百分比") === 0 || unitText.indexOf("百分点") === 0) {
    percent = true;
    unitText = unitText.slice(3);
  }
  if (percent) value = value / 100;

  if (unitText !== "" && (!UNIT_TEXT.test(unitText) || NOT_A_UNIT.test(unitText))) {
    return { kind: "words", text: normalised };
  }
  if (!isFinite(value)) return { kind: "words", text: normalised };
  return {
    kind: "number",
    value: percent ? tidy(value) : value,
    percent,
    unit: unitText === "" ? null : unitText,
    comparator,
  };
}

// Templates repeat the same few targets and actuals ("≥95%", "100%") down thousands of rows;
// parsed values are immutable, so one reading serves them all.
const PARSED_TEXTS = new Map<string, ParsedValue>();
const PARSED_TEXTS_LIMIT = 5000;

/**
 * Reads a target, actual, weight or score as typed: numbers stored as text, "%", full-width
 * digits and signs, units, comparators and thousands separators. Never throws: what it cannot
 * read as a number is words.
 */
export function parseText(text: string): ParsedValue {
  const known = PARSED_TEXTS.get(text);
  if (known) return known;
  const parsed = readText(text);
  if (PARSED_TEXTS.size >= PARSED_TEXTS_LIMIT) PARSED_TEXTS.clear();
  PARSED_TEXTS.set(text, parsed);
  return parsed;
}

/** Reads a cell: its stored value first (a real number keeps its % format), its text otherwise. */
export function parseCell(cell: GridCell | undefined): ParsedValue {
  if (!cell) return EMPTY;
  return parseCellValue(cell.value, cell.numberFormat);
}

/** Like parseCell, for a value and number format. */
export function parseCellValue(value: CellValue, numberFormat: string): ParsedValue {
  if (value === null) return EMPTY;
  if (typeof value === "number") {
    return {
      kind: "number",
      value,
      percent: isPercentFormat(numberFormat),
      unit: null,
      comparator: null,
    };
  }
  if (typeof value === "boolean") return { kind: "words", text: value ? "TRUE" : "FALSE" };
  if (typeof value === "object") return { kind: "error", error: value.error };
  return parseText(value);
}

// A sheet uses a handful of number formats for thousands of numbers: each is read once.
const PERCENT_FORMATS = new Map<string, boolean>();
const PERCENT_FORMATS_LIMIT = 1000;

/** True when a number format shows a percentage ("0.00%"), ignoring quoted text and escapes. */
export function isPercentFormat(numberFormat: string): boolean {
  const known = PERCENT_FORMATS.get(numberFormat);
  if (known !== undefined) return known;
  const percent = /%/.test(numberFormat.replace(/"[^"]*"|\\./g, ""));
  if (PERCENT_FORMATS.size >= PERCENT_FORMATS_LIMIT) PERCENT_FORMATS.clear();
  PERCENT_FORMATS.set(numberFormat, percent);
  return percent;
}

// 2760 / 3000 * 8 should print as 7.36, not 7.359999999999999.
function tidy(value: number): number {
  return Number(value.toPrecision(15));
}
