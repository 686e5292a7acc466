/**
 * The cells and merged areas of a worksheet part, in one pass over its `<sheetData>` with the
 * same start-tag patterns the writer restyles cells with (sheetCells.ts): values, formulas with
 * their cached results (shared formulas translated to each cell), number formats, dates.
 */
import { MalformedXmlError } from "./malformedXml";
import {
  type CellSource,
  type CellValue,
  type MergedArea,
  type RawCell,
  scanA1,
} from "../../engine";
import type { CellFormats } from "./cellFormats";
import { slideFormula } from "./sharedFormula";
import { stringItemReader, textContent, withoutMarkupDeclarations } from "./stringItems";
import { UnreadableWorkbookError } from "./unreadableWorkbookError";
import {
  childElements,
  elementAt,
  elementPrefix,
  escapeRegExp,
  getAttribute,
  rootElement,
  type ElementSpan,
} from "./xmlText";

/** Excel's limits: rows 1–1,048,576 and columns A–XFD. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export interface WorksheetContext {
  /** The sheet's name and part, for errors. */
  readonly sheet: string;
  readonly part: string;
  readonly sharedStrings: readonly string[];
  readonly formats: CellFormats;
  /** The workbook counts dates from 1904-01-01 (workbookPr date1904). */
  readonly date1904: boolean;
}

export interface WorksheetCells {
  /**
   * Read as they are taken, once, either way: by iterating `cells` (a new object per cell) or by
   * `eachCell`, which hands one object, refilled, for every cell (createSheetGrid keeps none of
   * them). Errors (past Excel's limits, bad XML) come as they are met.
   */
  readonly cells: Iterable<RawCell>;
  readonly eachCell: CellSource;
  readonly merges: MergedArea[];
}

/** A date cell as the engine has always seen it: "2024-01-31" (ExcelJS made it a Date). */
function dateText(serial: number, date1904: boolean): string | null {
  // Excel's 1900 system counts from 1899-12-30 (it has a 29 February 1900); 1904 is 1,462 days on.
  const time = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000);
  const date = new Date(time);
  return isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

interface SharedFormulaMaster {
  readonly formula: string;
  readonly row: number;
  readonly column: number;
}

/** Reads a worksheet part; throws UnreadableWorkbookError past Excel's limits or on bad XML. */
export function readWorksheetCells(xml: string, context: WorksheetContext): WorksheetCells {
  let root: ElementSpan;
  try {
    root = rootElement(xml);
  } catch (error) {
    throw badXml(context, error);
  }
  const p = elementPrefix(root);
  const sheetDataStart = indexOfStartTag(xml, p + "sheetData", root.startTagEnd);
  if (sheetDataStart < 0)
    return { cells: [], eachCell: () => {}, merges: readMerges(xml, root.startTagEnd, p, context) };
  let sheetData: ContentSpan;
  try {
    sheetData = sheetDataAt(xml, sheetDataStart, p + "sheetData");
  } catch (error) {
    throw badXml(context, error);
  }
  let data = xml.slice(sheetData.startTagEnd, sheetData.closeStart);
  if (/<[!?]/.test(data)) data = withoutMarkupDeclarations(data);
  let cells: SheetDataCells;
  try {
    cells = readCells(data, p, context);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw error;
    throw badXml(context, error);
  }
  // <mergeCells> follows <sheetData>: looked for after it, not through it.
  return {
    cells: cells.cells,
    eachCell: cells.eachCell,
    merges: readMerges(xml, sheetData.end, p, context),
  };
}

/** Where an element's content lies: [startTagEnd, closeStart); `end` is past its close tag. */
interface ContentSpan {
  readonly startTagEnd: number;
  readonly closeStart: number;
  readonly end: number;
}

/**
 * elementAt's answer for <sheetData>, with its close tag (and a namesake nested before it) looked
 * for by patterns: indexOf of a many-character needle over a 4 MiB sheet, which elementAt does
 * twice, takes several times as long. The start tag is read by elementAt on its text alone; a
 * nested <sheetData> or a start tag that is not plain goes to elementAt over the whole part.
 */
function sheetDataAt(xml: string, start: number, qualifiedName: string): ContentSpan {
  const tagEnd = xml.indexOf(">", start) + 1;
  const close = "</" + qualifiedName + ">";
  let head: ElementSpan | null = null;
  try {
    head = tagEnd > 0 ? elementAt(xml.slice(start, tagEnd) + close, 0) : null;
  } catch {
    head = null;
  }
  if (head === null || head.startTagEnd !== tagEnd - start) return elementAt(xml, start);
  if (head.empty) return { startTagEnd: tagEnd, closeStart: tagEnd, end: tagEnd };
  const name = escapeRegExp(qualifiedName);
  const closePattern = new RegExp("</" + name + "\\s*>", "g");
  closePattern.lastIndex = tagEnd;
  const closeMatch = closePattern.exec(xml);
  if (closeMatch === null) throw new MalformedXmlError("unclosed element <" + qualifiedName + ">");
  const openPattern = new RegExp("<" + name + "[\\s/>]", "g");
  openPattern.lastIndex = tagEnd;
  const nested = openPattern.exec(xml);
  if (nested !== null && nested.index < closeMatch.index) return elementAt(xml, start);
  return {
    startTagEnd: tagEnd,
    closeStart: closeMatch.index,
    end: closeMatch.index + closeMatch[0].length,
  };
}

function badXml(context: WorksheetContext, error: unknown): UnreadableWorkbookError {
  return new UnreadableWorkbookError("malformed", {
    malformed: "bad-xml",
    part: context.part,
    sheet: context.sheet,
    detail: error instanceof Error ? error.message : String(error),
  });
}

function indexOfStartTag(xml: string, qualifiedName: string, from: number): number {
  const pattern = new RegExp("<" + escapeRegExp(qualifiedName) + "(?=[\\s/>])", "g");
  pattern.lastIndex = from;
  const match = pattern.exec(xml);
  return match ? match.index : -1;
}

function tooManyRows(context: WorksheetContext, row: number): UnreadableWorkbookError {
  return new UnreadableWorkbookError("too-many-rows", {
    sheet: context.sheet,
    part: context.part,
    row,
  });
}

function tooManyColumns(
  context: WorksheetContext,
  row: number,
  column: number
): UnreadableWorkbookError {
  return new UnreadableWorkbookError("too-many-columns", {
    sheet: context.sheet,
    part: context.part,
    row,
    column,
  });
}

/** Where one attribute of a start tag lies; `next` is where the scan goes on. */
interface AttributeSpan {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
  /** After the attribute; after the whole tag once `ended` is set. */
  next: number;
  ended: boolean;
  /** The element is empty (`/>`). */
  empty: boolean;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/**
 * Reads the next attribute of a start tag from `at` into `span`; false (with `ended`, `empty`
 * and `next` past the tag) at the tag's end. Hand-written: a sheet has 100,000 cells, and a
 * regular expression's match arrays and substrings for each cost more than the scan itself.
 */
function nextAttribute(data: string, at: number, span: AttributeSpan): boolean {
  let i = at;
  let code = data.charCodeAt(i);
  while (isSpace(code)) code = data.charCodeAt(++i);
  if (code === 62 /* > */ || code === 47 /* / */) {
    const close = data.indexOf(">", i);
    if (close < 0) throw new MalformedXmlError("unclosed start tag");
    span.ended = true;
    span.empty = code === 47;
    span.next = close + 1;
    return false;
  }
  span.nameStart = i;
  while (code === code /* not NaN */ && code !== 61 /* = */ && !isSpace(code) && code !== 62)
    code = data.charCodeAt(++i);
  span.nameEnd = i;
  while (isSpace(code)) code = data.charCodeAt(++i);
  if (code !== 61) throw new MalformedXmlError("attribute without a value");
  code = data.charCodeAt(++i);
  while (isSpace(code)) code = data.charCodeAt(++i);
  if (code !== 34 && code !== 39) throw new MalformedXmlError("attribute value without quotes");
  span.valueStart = i + 1;
  span.valueEnd = data.indexOf(code === 34 ? '"' : "'", i + 1);
  if (span.valueEnd < 0) throw new MalformedXmlError("unclosed attribute value");
  span.next = span.valueEnd + 1;
  return true;
}

/** Whether the one-letter attribute name at the span is `letter` (a char code). */
function isName(data: string, span: AttributeSpan, letter: number): boolean {
  return span.nameEnd - span.nameStart === 1 && data.charCodeAt(span.nameStart) === letter;
}

/** Digits at [start, end) as a number; NaN when there are none or something else. */
function digitsAt(data: string, start: number, end: number): number {
  if (start >= end) return NaN;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = data.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** Whether data[a, a + length) and data[b, b + length) hold the same characters. */
function sameText(data: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++)
    if (data.charCodeAt(a + i) !== data.charCodeAt(b + i)) return false;
  return true;
}

/** Whether `name` stands at `at` as a whole element name. */
function nameAt(data: string, at: number, name: string): boolean {
  return data.startsWith(name, at) && isNameEnd(data.charCodeAt(at + name.length));
}

interface SheetDataCells {
  readonly cells: Iterable<RawCell>;
  readonly eachCell: CellSource;
}

/**
 * The cells of sheet data, one at a time as they are asked for: createSheetGrid takes each as it
 * comes, so 100,000 cells are never held twice (as read and as the grid's). A cell sharing a
 * formula gets its master's, moved; the master stands before it (it is the first cell of the
 * range), and one without a master reads as a constant.
 */
function readCells(data: string, p: string, context: WorksheetContext): SheetDataCells {
  const rowName = p + "row";
  const cellName = p + "c";
  const valueName = p + "v";
  const formulaName = p + "f";
  const inlineName = p + "is";
  const cellClose = "</" + cellName;
  // Made once: a string joined for each of 100,000 values would be 100,000 strings.
  const valueClose = "</" + valueName;
  const formulaClose = "</" + formulaName;
  const inlineClose = "</" + inlineName;
  const readInline = stringItemReader(p);

  refuseLastRowPastLimit(data, p, context);

  const masters = new Map<string, SharedFormulaMaster>();
  const span: AttributeSpan = {
    nameStart: 0,
    nameEnd: 0,
    valueStart: 0,
    valueEnd: 0,
    next: 0,
    ended: false,
    empty: false,
  };
  let row = 0;
  let column = 0;
  let position = 0;
  // The last number read, and where its text lies.
  let lastNumber = 0;
  let lastNumberStart = -1;
  let lastNumberEnd = -1;
  let done = false;
  // Fills `cell` with the next cell; false past the last. Every field is set each time, so that
  // one object can serve for all cells.
  const produce = (cell: RawCell): boolean => {
    for (;;) {
      const open = data.indexOf("<", position);
      if (open < 0) return false;
      const isRow = nameAt(data, open + 1, rowName);
      if (!isRow && !nameAt(data, open + 1, cellName)) {
        position = open + 1; // a close tag, or an element rows and cells do not need
        continue;
      }
      let at = open + 1 + (isRow ? rowName.length : cellName.length);

      if (isRow) {
        let number = NaN;
        while (nextAttribute(data, at, span)) {
          if (isName(data, span, 114 /* r */))
            number = digitsAt(data, span.valueStart, span.valueEnd);
          at = span.next;
        }
        position = span.next;
        // A row without r follows the one before it.
        row = number > 0 ? number : row + 1;
        if (row > MAX_ROWS) throw tooManyRows(context, row);
        column = 0;
        continue;
      }

      // A cell: its own reference, else the next column of its row.
      let cellRow = row;
      let referenced = false;
      let styleIndex = 0;
      let type: string | null = null;
      while (nextAttribute(data, at, span)) {
        if (isName(data, span, 114 /* r */)) {
          let letters = 0;
          let i = span.valueStart;
          for (; i < span.valueEnd; i++) {
            const code = data.charCodeAt(i) & ~0x20; // upper case
            if (code < 65 || code > 90) break;
            letters = letters * 26 + (code - 64);
          }
          const number = digitsAt(data, i, span.valueEnd);
          if (letters > 0 && number >= 0) {
            referenced = true;
            column = letters;
            cellRow = number;
          }
        } else if (isName(data, span, 115 /* s */)) {
          styleIndex = digitsAt(data, span.valueStart, span.valueEnd) || 0;
        } else if (isName(data, span, 116 /* t */)) {
          type = data.slice(span.valueStart, span.valueEnd);
        }
        at = span.next;
      }
      position = span.next;
      if (!referenced) column++;
      if (cellRow > MAX_ROWS) throw tooManyRows(context, cellRow);
      if (column > MAX_COLUMNS) throw tooManyColumns(context, cellRow, column);
      if (span.empty) continue; // <c r="B2" s="3"/>: formatted, empty

      // The cell's children, in order, up to its close tag. The value is kept as where its text
      // lies, [valueStart, valueEnd) (-1: none), and made a string only when the cell needs it:
      // a shared string's index is read from the characters.
      let valueStart = -1;
      let valueEnd = -1;
      let formulaText: string | null = null;
      let formulaType: string | null = null;
      let sharedIndex: string | null = null;
      let inline: string | null = null;
      for (;;) {
        const child = data.indexOf("<", position);
        if (child < 0) throw new MalformedXmlError("unclosed <c>");
        if (data.charCodeAt(child + 1) === 47 /* / */) {
          position = data.indexOf(">", child) + 1;
          if (position === 0) throw new MalformedXmlError("unclosed close tag");
          if (nameAt(data, child, cellClose)) break;
          continue;
        }
        const isValue = nameAt(data, child + 1, valueName);
        const isFormula = !isValue && nameAt(data, child + 1, formulaName);
        const isInline = !isValue && !isFormula && nameAt(data, child + 1, inlineName);
        let tagAt = child + 1 + (isValue ? valueName.length : isFormula ? formulaName.length : 0);
        if (isInline) tagAt = child + 1 + inlineName.length;
        if (!isValue && !isFormula && !isInline) {
          position = skipElement(data, child);
          continue;
        }
        while (nextAttribute(data, tagAt, span)) {
          if (isFormula) {
            if (isName(data, span, 116 /* t */))
              formulaType = data.slice(span.valueStart, span.valueEnd);
            else if (span.nameEnd - span.nameStart === 2 && data.startsWith("si", span.nameStart))
              sharedIndex = data.slice(span.valueStart, span.valueEnd);
          }
          tagAt = span.next;
        }
        const contentStart = span.next;
        if (span.empty) {
          position = contentStart;
          if (isValue) {
            valueStart = contentStart;
            valueEnd = contentStart;
          } else if (isFormula) formulaText = "";
          else inline = "";
          continue;
        }
        const closeName = isValue ? valueClose : isFormula ? formulaClose : inlineClose;
        const contentEnd = indexOfClose(data, closeName, contentStart);
        if (contentEnd < 0) throw new MalformedXmlError("unclosed <" + closeName.slice(2) + ">");
        position = data.indexOf(">", contentEnd) + 1;
        if (isInline) inline = detached(readInline(data, contentStart, contentEnd));
        else if (isValue) {
          valueStart = contentStart;
          valueEnd = contentEnd;
        } else formulaText = detached(textContent(data.slice(contentStart, contentEnd)));
      }
      const value =
        valueStart < 0
          ? null
          : valueEnd === valueStart
            ? ""
            : formulaText === null && (type === "s" || type === null || type === "n")
              ? null // read below from the characters: a shared string's index, or a number
              : detached(textContent(data.slice(valueStart, valueEnd)));

      const format = context.formats(styleIndex);
      let formula: string | null = null;
      let shared: string | null = null;
      if (formulaText !== null) {
        if (formulaType === "shared" && sharedIndex !== null) {
          if (formulaText !== "") {
            masters.set(sharedIndex, { formula: formulaText, row: cellRow, column });
            formula = formulaText;
          } else shared = sharedIndex;
        } else if (formulaType !== "dataTable" && formulaText !== "") {
          // A what-if table's cells hold values the table computed; they read as constants.
          formula = formulaText;
        }
      }

      let cellValue: CellValue | undefined;
      if (formula !== null || shared !== null) {
        cellValue =
          value === null || (value === "" && type !== "str") ? undefined : typed(value, type);
      } else if (type === "inlineStr") {
        cellValue = inline !== null ? inline : value !== null ? value : undefined;
      } else if (type === "s" && valueEnd > valueStart) {
        // Plain digits (nearly always): the index from the characters, no text for each of
        // 60,000 cells; else the text's, as parseInt reads it.
        const digits = valueEnd - valueStart <= 9 ? digitsAt(data, valueStart, valueEnd) : NaN;
        const text = digits >= 0 ? "" : textContent(data.slice(valueStart, valueEnd));
        const index = digits >= 0 ? digits : parseInt(text, 10);
        if (!(index >= 0 && index < context.sharedStrings.length))
          throw new UnreadableWorkbookError("malformed", {
            malformed: "bad-shared-string",
            part: context.part,
            sheet: context.sheet,
            row: cellRow,
            column,
            detail: "shared string " + textContent(data.slice(valueStart, valueEnd)),
          });
        cellValue = context.sharedStrings[index];
      } else if ((type === null || type === "n") && valueEnd > valueStart) {
        // A number written as the number before it (a column of weights, of scores) is that
        // number again, without its text: compared in place, character by character.
        const length = valueEnd - valueStart;
        if (
          length !== lastNumberEnd - lastNumberStart ||
          !sameText(data, valueStart, lastNumberStart, length)
        ) {
          lastNumber = parseFloat(textContent(data.slice(valueStart, valueEnd)));
          lastNumberStart = valueStart;
          lastNumberEnd = valueEnd;
        }
        cellValue = lastNumber;
      } else if (value !== null && value !== "") {
        cellValue = typed(value, type);
      }
      if (typeof cellValue === "number" && format.isDate) {
        const date = dateText(cellValue, context.date1904);
        if (date !== null) cellValue = date;
      }
      if (cellValue === undefined && formula === null && shared === null) continue;

      if (shared !== null) {
        const master = masters.get(shared);
        if (master)
          formula = slideFormula(master.formula, cellRow - master.row, column - master.column);
        else if (cellValue === undefined) continue;
      }
      cell.row = cellRow;
      cell.column = column;
      cell.value = cellValue;
      cell.numberFormat = format.numberFormat;
      cell.formula = formula;
      cell.formulaNotCalculated = formula !== null && cellValue === undefined;
      return true;
    }
  };
  /** The next cell into `cell`; false at the end, and after an error. */
  const take = (cell: RawCell): boolean => {
    if (done) return false;
    try {
      if (produce(cell)) return true;
    } catch (error) {
      done = true;
      if (error instanceof UnreadableWorkbookError) throw error;
      throw badXml(context, error);
    }
    done = true;
    return false;
  };
  const cells: IterableIterator<RawCell> = {
    next(): IteratorResult<RawCell> {
      const read: RawCell = { row: 0, column: 0, value: undefined };
      if (!take(read)) return { done: true, value: undefined };
      // Its own object, as an iterator's caller may keep it; formula fields only on formulas.
      const cell: RawCell = {
        row: read.row,
        column: read.column,
        value: read.value,
        numberFormat: read.numberFormat,
      };
      if (typeof read.formula === "string") {
        cell.formula = read.formula;
        cell.formulaNotCalculated = read.formulaNotCalculated;
      }
      return { done: false, value: cell };
    },
    [Symbol.iterator]() {
      return this;
    },
  };
  const eachCell: CellSource = (visit) => {
    const cell: RawCell = {
      row: 0,
      column: 0,
      value: undefined,
      numberFormat: "General",
      formula: null,
      formulaNotCalculated: false,
    };
    while (take(cell)) visit(cell);
  };
  return { cells, eachCell };
}

/** Past an element the cell does not need (an extLst): its end, found by its close tag. */
function skipElement(data: string, start: number): number {
  const tagEnd = data.indexOf(">", start);
  if (tagEnd < 0) throw new MalformedXmlError("unclosed start tag");
  if (data.charCodeAt(tagEnd - 1) === 47 /* / */) return tagEnd + 1;
  let nameEnd = start + 1;
  while (!isNameEnd(data.charCodeAt(nameEnd)) && nameEnd < tagEnd) nameEnd++;
  const close = indexOfClose(data, "</" + data.slice(start + 1, nameEnd), tagEnd);
  if (close < 0) throw new MalformedXmlError("unclosed element");
  return data.indexOf(">", close) + 1;
}

/**
 * A value as its cell type says: `s` has been resolved before; `str` is text; `b` a boolean;
 * `e` an error; `d` an ISO 8601 date (kept as its date); anything else a number.
 */
function typed(text: string, type: string | null): CellValue {
  switch (type) {
    case "str":
    case "inlineStr":
      return text;
    case "b":
      // ExcelJS read any text that is not 0 as TRUE.
      return parseInt(text, 10) !== 0;
    case "e":
      return { error: text };
    case "d": {
      const date = /^\d{4}-\d{2}-\d{2}/.exec(text);
      return date ? date[0] : text;
    }
    default:
      return parseFloat(text);
  }
}

/**
 * A string that does not keep the sheet's text alive. V8 makes a substring of 13 characters or
 * more a view into its parent, so one formula read from a 4 MiB sheet would keep all 4 MiB for
 * as long as the grid lives; joined to a space and cut again, it is copied into a string of its own.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

function isNameEnd(code: number): boolean {
  // ">", "/", or white space: the whole name, not the start of a longer one.
  return code === 62 || code === 47 || code === 32 || code === 9 || code === 10 || code === 13;
}

/** Where a close tag (given as "</x:c") starts from `from`, or -1 (not "</x:color"). */
function indexOfClose(text: string, close: string, from: number): number {
  let index = text.indexOf(close, from);
  while (index >= 0) {
    const next = text.charCodeAt(index + close.length);
    if (next === 62 || next === 32 || next === 9 || next === 10 || next === 13) return index;
    index = text.indexOf(close, index + 1);
  }
  return -1;
}

/**
 * Refuses a sheet past Excel's 1,048,576 rows before any of its cells is read (and so before the
 * grid holds a million of them). Rows come in order, so the last row's `r` is the sheet's highest;
 * when the last row has none, the rows are counted as the reader numbers them (each without `r`
 * follows the one before), one light pass over the start tags.
 */
function refuseLastRowPastLimit(data: string, p: string, context: WorksheetContext): void {
  const open = "<" + p + "row";
  const rowNumberAt = (index: number): number => {
    const row = getAttribute(data.slice(index, data.indexOf(">", index) + 1), "r");
    return row === null ? NaN : parseInt(row, 10);
  };
  let index = data.lastIndexOf(open);
  while (index >= 0 && !isNameEnd(data.charCodeAt(index + open.length)))
    index = data.lastIndexOf(open, index - 1);
  if (index < 0) return;
  let last = rowNumberAt(index);
  if (!(last > 0)) {
    last = 0;
    for (let at = data.indexOf(open); at >= 0; at = data.indexOf(open, at + open.length)) {
      if (!isNameEnd(data.charCodeAt(at + open.length))) continue;
      const tagEnd = data.indexOf(">", at);
      // Only a tag that has an r (" r=") pays for reading it.
      const number = /\sr\s*=/.test(data.slice(at, tagEnd)) ? rowNumberAt(at) : NaN;
      last = number > 0 ? number : last + 1;
    }
  }
  if (last > MAX_ROWS) throw tooManyRows(context, last);
}

/** The merged areas (`<mergeCells>`); refs past Excel's limits refuse the sheet. */
function readMerges(xml: string, from: number, p: string, context: WorksheetContext): MergedArea[] {
  const start = indexOfStartTag(xml, p + "mergeCells", from);
  if (start < 0) return [];
  let mergeCells: ElementSpan;
  try {
    mergeCells = elementAt(xml, start);
  } catch (error) {
    throw badXml(context, error);
  }
  const merges: MergedArea[] = [];
  const seen = new Set<string>();
  for (const mergeCell of childElements(xml, mergeCells)) {
    if (mergeCell.localName !== "mergeCell") continue;
    const ref = getAttribute(mergeCell.attributes, "ref");
    if (ref === null) continue;
    const corners = ref.split(":");
    const first = scanA1(corners[0].replace(/\$/g, ""));
    const second = corners.length > 1 ? scanA1(corners[1].replace(/\$/g, "")) : first;
    if (!first || !second || corners.length > 2) continue;
    for (const corner of [first, second]) {
      if (corner.row > MAX_ROWS) throw tooManyRows(context, corner.row);
      if (corner.column > MAX_COLUMNS) throw tooManyColumns(context, corner.row, corner.column);
    }
    const area = {
      top: Math.min(first.row, second.row),
      left: Math.min(first.column, second.column),
      bottom: Math.max(first.row, second.row),
      right: Math.max(first.column, second.column),
    };
    if (area.top < 1 || area.left < 1) continue;
    const key = area.top + ":" + area.left + ":" + area.bottom + ":" + area.right;
    if (seen.has(key)) continue;
    seen.add(key);
    merges.push(area);
  }
  return merges;
}
