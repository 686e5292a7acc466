import { headerCues, isHeaderWord, HEADER_WORD, type HeaderCues } from "./headerLexicon";
import { isGoalTitle } from "./rowWords";
import { MAX_COLUMNS, type SheetView, type ViewCell } from "./sheetView";
import type { IndicatorColumnRole } from "./types";

/**
 * Stage 1: header candidates. A row whose cells name at least three columns of an indicator table
 * (two when the user maps columns on this sheet) — with the row under it when that row only names
 * columns too (a two-row header with group cells such as 年度指标值 over 指标性质 | 指标值 | 度量单位),
 * and a row of units or column numbers under it. Each column gets its header text and the cues
 * of its words; which role it plays is decided later, with its content.
 */

export interface ColumnHeader {
  readonly column: number;
  /** The header text on one line; two header rows' texts joined by " / ". */
  readonly header: string;
  readonly cues: HeaderCues;
}

export interface HeaderBand {
  readonly top: number;
  /** The last header row, a note row under the header included. */
  readonly bottom: number;
  /** The rows naming the columns (without the note row). */
  readonly wordRows: readonly number[];
  readonly columns: readonly ColumnHeader[];
  /** The header's texts by column, to recognise the same header repeated further down. */
  readonly signature: string;
  /**
   * A goal block's title heading the header's left column and merged down over the block's rows
   * ("年度绩效目标1（40分）", 湖北): the indicators below belong to that block.
   */
  readonly blockTitle: {
    readonly title: string;
    readonly words: string;
    readonly cell: string;
  } | null;
  /** Columns whose header cell is merged down over the body: band labels, not data columns. */
  readonly coveredColumns: readonly number[];
}

// An upper header row's words are a group name over the lower one's: they lean less.
const UPPER_ROW_SHARE = 0.6;
const LABEL_ROLES: readonly IndicatorColumnRole[] = ["level1", "level2", "level3", "name"];
const VALUE_ROLES: readonly IndicatorColumnRole[] = ["max", "score", "target", "actual"];

/**
 * The header starting on a row, or null. `lenient` (a column map applies to the sheet) accepts two
 * header words and a header naming only labels or only values: the map supplies the rest.
 */
export function headerBandAt(view: SheetView, row: number, lenient = false): HeaderBand | null {
  // Header cells are words; a row holding a real number is data. This keeps the test cheap on
  // 20,000-row tables.
  if (view.hasNumber(row)) return null;
  const own = view.textCells(row);
  let words = 0;
  for (const cell of own) if (isHeaderWord(cell.words)) words++;
  if (words < (lenient ? 2 : 3)) return null;

  const wordRows = [row];
  if (isHeaderContinuation(view, row + 1)) wordRows.push(row + 1);
  const columns = headerColumns(view, wordRows);
  if (!lenient && !namesLabelsAndValues(columns)) return null;
  const lastWordRow = wordRows[wordRows.length - 1];
  let bottom = lastWordRow;
  if (isHeaderNoteRow(view, bottom + 1)) bottom++;
  const coveredColumns: number[] = [];
  let blockTitle: HeaderBand["blockTitle"] = null;
  for (const column of columns) {
    const area = view.sheet.mergeAt(lastWordRow, column.column);
    if (!area || area.bottom <= bottom || area.top > lastWordRow) continue;
    const master = view.own(area.top, area.left);
    if (!master || master.words === "") continue;
    coveredColumns.push(column.column);
    if (blockTitle === null && isGoalTitle(master.words))
      blockTitle = { title: master.label, words: master.words, cell: master.cell.address };
  }
  // A goal's title heading a header column without a merge (a host that gives no merged areas,
  // Excel 2016): the same block title, and no part of the header's signature.
  const titleColumns = coveredColumns.slice();
  for (const column of columns) {
    const cell = view.shown(lastWordRow, column.column);
    if (!cell || !isGoalTitle(cell.words) || titleColumns.indexOf(column.column) >= 0) continue;
    titleColumns.push(column.column);
    if (blockTitle === null)
      blockTitle = { title: cell.label, words: cell.words, cell: cell.cell.address };
  }
  // Or on the row just above the header ("年度目标1:(80分) | 增强政府工作效率…").
  if (blockTitle === null) {
    const above = view.textCells(row - 1);
    if (above.length > 0 && above.length <= 2 && isGoalTitle(above[0].words))
      blockTitle = { title: above[0].label, words: above[0].words, cell: above[0].cell.address };
  }
  // A repeated header may name another goal in its band label column: it is the same header.
  const signature = columns
    .filter((column) => titleColumns.indexOf(column.column) < 0)
    .map((column) => column.column + ":" + column.header.replace(/[\s\u3000]+/g, ""))
    .join("|");
  return { top: row, bottom, wordRows, columns, signature, blockTitle, coveredColumns };
}

function namesLabelsAndValues(columns: readonly ColumnHeader[]): boolean {
  const strong = (roles: readonly IndicatorColumnRole[]): boolean =>
    columns.some((column) => roles.some((role) => (column.cues[role] ?? 0) >= HEADER_WORD));
  return strong(LABEL_ROLES) && strong(VALUE_ROLES);
}

/** A row whose every own non-blank cell is a header word: the second row of a two-row header. */
function isHeaderContinuation(view: SheetView, row: number): boolean {
  if (!view.row(row) || view.hasNumber(row)) return false;
  const cells = view.textCells(row);
  return cells.length > 0 && cells.every((cell) => isHeaderWord(cell.words));
}

/**
 * A row under a header that only annotates its columns: units in brackets ("（分）", "（万元）"),
 * or the columns' numbers or letters in order ("1 2 3 4", "A B C").
 */
function isHeaderNoteRow(view: SheetView, row: number): boolean {
  const viewRow = view.row(row);
  if (!viewRow) return false;
  const notes: string[] = [];
  for (const cell of viewRow.cells) {
    const value = cell.cell.value;
    if (value === null) continue;
    if (typeof value === "object" || typeof value === "boolean") return false;
    notes.push(cell.words);
  }
  if (notes.length === 0) return false;
  if (notes.every((note) => /^\([^)]{1,8}\)$/.test(note))) return true;
  if (notes.length < 3) return false;
  const codes = notes.map((note) =>
    /^\d{1,2}$/.test(note) ? Number(note) : /^[A-Z]$/.test(note) ? note.charCodeAt(0) : NaN
  );
  for (let i = 1; i < codes.length; i++) {
    if (!(codes[i] === codes[i - 1] + 1)) return false;
  }
  return !isNaN(codes[0]);
}

/**
 * Every column the header spans: the columns of its cells and those their merged areas cover
 * ("绩效指标" over B:D). Each column's texts are read top to bottom through merged areas.
 */
function headerColumns(view: SheetView, wordRows: readonly number[]): ColumnHeader[] {
  const columnSet = new Set<number>();
  for (const row of wordRows) {
    for (const cell of view.textCells(row)) {
      columnSet.add(cell.column);
      const area = view.sheet.mergeAt(row, cell.column);
      if (area && area.top === row && area.left === cell.column)
        for (let column = area.left + 1; column <= Math.min(area.right, MAX_COLUMNS); column++)
          columnSet.add(column);
    }
  }
  const columns = Array.from(columnSet).sort((a, b) => a - b);
  return columns.map((column) => {
    const stack: ViewCell[] = [];
    for (const row of wordRows) {
      const cell = view.shown(row, column);
      if (cell && cell.words !== "" && stack.indexOf(cell) < 0) stack.push(cell);
    }
    const cues: HeaderCues = {};
    stack.forEach((cell, index) => {
      const lowest = index === stack.length - 1;
      const own = headerCues(cell.words);
      for (const role of Object.keys(own) as IndicatorColumnRole[]) {
        const weight = own[role] as number;
        const leaned = weight > 0 && !lowest ? weight * UPPER_ROW_SHARE : weight;
        const current = cues[role];
        // A rubric word anywhere pulls down; otherwise the strongest word counts.
        if (current === undefined || (leaned < 0 ? true : current >= 0 && leaned > current))
          cues[role] = leaned;
      }
    });
    return { column, header: stack.map((cell) => cell.label).join(" / "), cues };
  });
}
