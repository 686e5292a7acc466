/**
 * Restyles cells of a worksheet part in one pass over <sheetData>: a marked cell gets a new `s`
 * and nothing else changes — not its value, type, formula or any other attribute. A marked cell
 * that has no <c> element (or whose row has no <row>) is created empty, in column (row) order.
 */
import { MalformedXmlError } from "./malformedXml";
import { isWhitespaceCode, parseRange, scanA1, toA1 } from "../../engine";
import {
  childElements,
  elementPrefix,
  findChild,
  getAttribute,
  openElement,
  rootElement,
  setAttribute,
  splice,
  unescapeXml,
  type ElementSpan,
} from "./xmlText";

export interface CellRestyle {
  /** 1-based. */
  readonly column: number;
  /**
   * The new xf index, given the cell's current one (0 when it has none); null leaves the cell
   * exactly as it is (and does not create a missing one).
   */
  readonly restyle: (originalXf: number) => number | null;
}

export interface RowRestyles {
  /** 1-based. */
  readonly row: number;
  /** Sorted by column, no duplicates. */
  readonly cells: readonly CellRestyle[];
}

function styleIndex(attributes: string): number {
  return styleIndexOf(getAttribute(attributes, "s"));
}

/** A cell's xf index from its `s` attribute's value (null when absent): 0 unless a number ≥ 0. */
function styleIndexOf(value: string | null): number {
  const index = value === null ? 0 : parseInt(value, 10);
  return isNaN(index) || index < 0 ? 0 : index;
}

/**
 * A start tag found by nextStartTag: where it and its attributes are, and the raw (still escaped)
 * values of its first `r` and `s` attributes.
 */
export interface FoundTag {
  start: number;
  /** Just after the name; the attribute text runs to attributesEnd (before "/>" or ">"). */
  attributesStart: number;
  attributesEnd: number;
  end: number;
  empty: boolean;
  r: string | null;
  s: string | null;
}

export function foundTag(): FoundTag {
  return { start: 0, attributesStart: 0, attributesEnd: 0, end: 0, empty: false, r: null, s: null };
}

/**
 * Reads the start tag whose name (`nameLength` characters with its "<") starts at `at` into
 * `found`, exactly where startTagPattern would match there: false when it would not (the name
 * goes on, or the attributes are not name="value" pairs each after white space).
 */
function readStartTag(text: string, at: number, nameLength: number, found: FoundTag): boolean {
  let i = at + nameLength;
  let code = text.charCodeAt(i);
  if (!(code === 47 || code === 62 || isWhitespaceCode(code))) return false;
  found.start = at;
  found.attributesStart = i;
  found.r = null;
  found.s = null;
  for (;;) {
    let j = i;
    while (isWhitespaceCode(text.charCodeAt(j))) j++;
    code = text.charCodeAt(j);
    if (code === 62 || (code === 47 && text.charCodeAt(j + 1) === 62)) {
      found.attributesEnd = j;
      found.empty = code === 47;
      found.end = code === 47 ? j + 2 : j + 1;
      return true;
    }
    if (j === i) return false; // an attribute must follow white space
    const nameStart = j;
    while (j < text.length) {
      code = text.charCodeAt(j);
      if (code === 61 || code === 47 || code === 62 || isWhitespaceCode(code)) break;
      j++;
    }
    const nameEnd = j;
    if (nameEnd === nameStart) return false;
    while (isWhitespaceCode(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 61 /* = */) return false;
    j++;
    while (isWhitespaceCode(text.charCodeAt(j))) j++;
    const quote = text.charCodeAt(j);
    if (quote !== 34 && quote !== 39) return false;
    const valueEnd = text.indexOf(quote === 34 ? '"' : "'", j + 1);
    if (valueEnd < 0) return false;
    if (nameEnd - nameStart === 1) {
      const name = text.charCodeAt(nameStart);
      if (name === 114 /* r */ && found.r === null) found.r = text.slice(j + 1, valueEnd);
      else if (name === 115 /* s */ && found.s === null) found.s = text.slice(j + 1, valueEnd);
    }
    i = valueEnd + 1;
  }
}

/**
 * The next start tag `open` ("<row", "<x:c") at or after `from` that starts before `limit`, as
 * startTagPattern's exec would find it, read by character codes: the marked sheet is scanned
 * row by row up to its last mark, and a pattern's match, attribute text and attribute lookup for
 * each of 20,000 rows cost more than the scan. False when there is none.
 */
export function nextStartTag(
  text: string,
  open: string,
  from: number,
  limit: number,
  found: FoundTag
): boolean {
  for (let at = text.indexOf(open, from); at >= 0 && at < limit; at = text.indexOf(open, at + 1))
    if (readStartTag(text, at, open.length, found)) return true;
  return false;
}

/**
 * Past the rows before row `before` that state their number first (`<row r="12"`, as Excel and
 * the libraries we know write them), from `from`: each found by indexOf and its number read from
 * its digits, its start tag not read (a 20,000-row sheet with a few thousand marked rows is
 * mostly rows passed by). Stops at the first row it cannot pass so (the row wanted, a row later
 * than it, one written otherwise), for nextStartTag to read; gives where to look from, and sets
 * `skipped.row` to the last row passed. An attribute value holds no "<", so no "<row" found is
 * inside a tag.
 */
function skipRowsBefore(
  text: string,
  rowTag: string,
  from: number,
  limit: number,
  before: number,
  skipped: { row: number }
): number {
  const numberAt = rowTag.length + 4; // after ' r="'
  for (;;) {
    const at = text.indexOf(rowTag, from);
    if (at < 0 || at >= limit) return from;
    if (!text.startsWith(' r="', at + rowTag.length)) return at;
    let number = 0;
    let i = at + numberAt;
    for (; i < at + numberAt + 8; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      number = number * 10 + digit;
    }
    if (i === at + numberAt || text.charCodeAt(i) !== 34 /* " */ || number < 1 || number >= before)
      return at;
    skipped.row = number;
    from = at + rowTag.length;
  }
}

/** The style a missing cell shows: its row's (when the row is formatted), else its column's. */
type DefaultStyle = (rowAttributes: string | null, column: number) => number;

function defaultStyleOf(xml: string, sheetData: ElementSpan): DefaultStyle {
  const root = rootElement(xml);
  const cols = findChild(xml, root, "cols", sheetData);
  const columnStyles: Array<{ min: number; max: number; style: number }> = [];
  if (cols) {
    for (const col of childElements(xml, cols)) {
      if (col.localName !== "col") continue;
      const style = getAttribute(col.attributes, "style");
      if (style === null) continue;
      columnStyles.push({
        min: Number(getAttribute(col.attributes, "min")),
        max: Number(getAttribute(col.attributes, "max")),
        style: parseInt(style, 10) || 0,
      });
    }
  }
  return (rowAttributes, column) => {
    if (rowAttributes !== null) {
      const customFormat = getAttribute(rowAttributes, "customFormat");
      if (customFormat === "1" || customFormat === "true") return styleIndex(rowAttributes);
    }
    for (const range of columnStyles) {
      if (column >= range.min && column <= range.max) return range.style;
    }
    return 0;
  };
}

/** Bounds of the cells we create, to widen <dimension> and row spans. */
class Bounds {
  top = Infinity;
  left = Infinity;
  bottom = 0;
  right = 0;
  add(row: number, column: number): void {
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (column < this.left) this.left = column;
    if (column > this.right) this.right = column;
  }
  get empty(): boolean {
    return this.bottom === 0;
  }
}

/** Applies the restyles to a worksheet part's XML. `rows` must be sorted by row. */
export function restyleCells(xml: string, rows: readonly RowRestyles[]): string {
  return rows.length === 0 ? xml : restyleCellPieces(xml, rows).join("");
}

/**
 * The restyled part as pieces whose concatenation is restyleCells' result, most of them slices
 * of `xml`: a sheet of several megabytes is then encoded piece by piece (encodeUtf8Pieces), never
 * made one string again.
 */
export function restyleCellPieces(xml: string, rows: readonly RowRestyles[]): string[] {
  if (rows.length === 0) return [xml];
  let text = xml;
  let root = rootElement(text);
  const p = elementPrefix(root);
  let sheetData = findChild(text, root, "sheetData");
  if (!sheetData) throw new MalformedXmlError("worksheet without <sheetData>");
  if (sheetData.empty) {
    text = openElement(text, sheetData).xml;
    root = rootElement(text);
    sheetData = findChild(text, root, "sheetData");
    if (!sheetData) throw new MalformedXmlError("worksheet without <sheetData>");
  }
  const defaultStyle = defaultStyleOf(text, sheetData);
  const created = new Bounds();
  const rowTag = "<" + p + "row";
  const cellTag = "<" + p + "c";
  const rowClose = "</" + p + "row";
  const cellClose = "</" + p + "c";

  const newCell = (row: number, cell: CellRestyle, rowAttributes: string | null): string => {
    const style = cell.restyle(defaultStyle(rowAttributes, cell.column));
    if (style === null) return "";
    created.add(row, cell.column);
    return cellTag + ' r="' + toA1(row, cell.column) + '" s="' + style + '"/>';
  };
  const newRow = (target: RowRestyles): string => {
    let cells = "";
    for (const cell of target.cells) cells += newCell(target.row, cell, null);
    return cells === "" ? "" : rowTag + ' r="' + target.row + '">' + cells + rowClose + ">";
  };

  const contentStart = sheetData.startTagEnd;
  const contentEnd = sheetData.closeStart;
  const pieces: string[] = [text.slice(0, contentStart)];
  let cursor = contentStart;
  let next = 0; // index into rows
  let previousRow = 0;
  const rowFound = foundTag();
  const cellFound = foundTag();
  let rowFrom = contentStart;
  const skipped = { row: 0 };
  while (next < rows.length) {
    skipped.row = previousRow;
    rowFrom = skipRowsBefore(text, rowTag, rowFrom, contentEnd, rows[next].row, skipped);
    previousRow = skipped.row;
    if (!nextStartTag(text, rowTag, rowFrom, contentEnd, rowFound)) break;
    const rowStart = rowFound.start;
    const rowTagEnd = rowFound.end;
    rowFrom = rowTagEnd;
    const rowNumberText = rowFound.r === null ? null : unescapeXml(rowFound.r);
    const rowNumber = rowNumberText === null ? previousRow + 1 : parseInt(rowNumberText, 10);
    previousRow = rowNumber;
    while (next < rows.length && rows[next].row < rowNumber) {
      pieces.push(text.slice(cursor, rowStart), newRow(rows[next]));
      cursor = rowStart;
      next++;
    }
    if (next >= rows.length || rows[next].row !== rowNumber) continue;

    // A marked row: walk its cells.
    const target = rows[next++];
    const rowAttributes = text.slice(rowFound.attributesStart, rowFound.attributesEnd);
    const rowEmpty = rowFound.empty;
    const rowCloseStart = rowEmpty ? rowTagEnd : text.indexOf(rowClose, rowTagEnd);
    const rowEnd = rowEmpty ? rowTagEnd : text.indexOf(">", rowCloseStart) + 1;
    const rowPieces: string[] = [];
    let rowCursor = rowTagEnd;
    let lastCellEnd = rowTagEnd;
    let wanted = 0;
    let previousColumn = 0;
    const insertedColumns: number[] = [];
    let cellFrom = rowTagEnd;
    while (
      wanted < target.cells.length &&
      nextStartTag(text, cellTag, cellFrom, rowCloseStart, cellFound)
    ) {
      const cellStart = cellFound.start;
      const reference = cellFound.r === null ? null : unescapeXml(cellFound.r);
      const column = reference === null ? previousColumn + 1 : (scanA1(reference)?.column ?? 0);
      previousColumn = column;
      const cellTagEnd = cellFound.end;
      const cellEnd = cellFound.empty
        ? cellTagEnd
        : text.indexOf(">", text.indexOf(cellClose, cellTagEnd)) + 1;
      cellFrom = cellEnd;
      lastCellEnd = cellEnd;
      while (wanted < target.cells.length && target.cells[wanted].column < column) {
        const inserted = newCell(rowNumber, target.cells[wanted], rowAttributes);
        rowPieces.push(text.slice(rowCursor, cellStart), inserted);
        if (inserted !== "") insertedColumns.push(target.cells[wanted].column);
        rowCursor = cellStart;
        wanted++;
      }
      if (wanted < target.cells.length && target.cells[wanted].column === column) {
        const style = target.cells[wanted].restyle(
          styleIndexOf(cellFound.s === null ? null : unescapeXml(cellFound.s))
        );
        if (style !== null) {
          const startTag = text.slice(cellStart, cellTagEnd);
          rowPieces.push(
            text.slice(rowCursor, cellStart),
            setAttribute(startTag, "s", String(style))
          );
          rowCursor = cellTagEnd;
        }
        wanted++;
      }
    }
    if (wanted < target.cells.length) {
      // The rest go after the row's last cell (before any <extLst> of the row).
      const at = lastCellEnd > rowCursor ? lastCellEnd : rowCursor;
      rowPieces.push(text.slice(rowCursor, at));
      for (; wanted < target.cells.length; wanted++) {
        const inserted = newCell(rowNumber, target.cells[wanted], rowAttributes);
        rowPieces.push(inserted);
        if (inserted !== "") insertedColumns.push(target.cells[wanted].column);
      }
      rowCursor = at;
    }
    let startTag = text.slice(rowStart, rowTagEnd);
    if (insertedColumns.length > 0) startTag = widenSpans(startTag, insertedColumns);
    pieces.push(text.slice(cursor, rowStart));
    if (rowEmpty && insertedColumns.length > 0) {
      pieces.push(
        startTag.slice(0, -2).replace(/\s+$/, "") + ">",
        rowPieces.join(""),
        rowClose + ">"
      );
    } else {
      pieces.push(startTag, rowPieces.join(""), text.slice(rowCursor, rowEnd));
    }
    cursor = rowEnd;
    rowFrom = rowEnd;
  }
  pieces.push(text.slice(cursor, contentEnd));
  for (; next < rows.length; next++) pieces.push(newRow(rows[next]));
  pieces.push(text.slice(contentEnd));
  if (created.empty) return pieces;
  // <dimension> comes before <sheetData>, in the first piece (the part up to <sheetData>'s
  // content, as it was): widened there, the part is not joined for it.
  const widened = widenedDimension(text, created, sheetData);
  if (widened === null) return pieces;
  if (widened.end <= contentStart) {
    pieces[0] = splice(pieces[0], widened.start, widened.end, widened.startTag);
    return pieces;
  }
  return [widenDimension(pieces.join(""), created)];
}

/** Widens a row's `spans` hint ("1:8") to cover the columns of cells we created in it. */
function widenSpans(startTag: string, columns: readonly number[]): string {
  const spans = getAttribute(startTag, "spans");
  if (spans === null) return startTag;
  const numbers = spans
    .split(/[\s:]+/)
    .map(Number)
    .filter((n) => n > 0);
  if (numbers.length === 0) return startTag;
  const low = Math.min(...numbers, ...columns);
  const high = Math.max(...numbers, ...columns);
  if (low === Math.min(...numbers) && high === Math.max(...numbers)) return startTag;
  return setAttribute(startTag, "spans", low + ":" + high);
}

/**
 * The <dimension> start tag widened to cover the cells we created, and where it is; null when
 * there is none to widen or it covers them already. `measured`: <sheetData> as measured in `xml`.
 */
function widenedDimension(
  xml: string,
  created: Bounds,
  measured: ElementSpan | null
): { start: number; end: number; startTag: string } | null {
  const root = rootElement(xml);
  const dimension = findChild(xml, root, "dimension", measured);
  if (!dimension) return null;
  const ref = getAttribute(dimension.attributes, "ref");
  const range = ref === null ? null : parseRange(ref);
  if (!range) return null;
  const top = Math.min(range.top, created.top);
  const left = Math.min(range.left, created.left);
  const bottom = Math.max(range.bottom, created.bottom);
  const right = Math.max(range.right, created.right);
  if (top === range.top && left === range.left && bottom === range.bottom && right === range.right)
    return null;
  const startTag = xml.slice(dimension.start, dimension.startTagEnd);
  const widened = toA1(top, left) + ":" + toA1(bottom, right);
  return {
    start: dimension.start,
    end: dimension.startTagEnd,
    startTag: setAttribute(startTag, "ref", widened),
  };
}

/** Widens <dimension ref> to cover the cells we created. */
function widenDimension(xml: string, created: Bounds): string {
  const widened = widenedDimension(xml, created, null);
  return widened === null ? xml : splice(xml, widened.start, widened.end, widened.startTag);
}
