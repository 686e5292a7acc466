import type { SheetGrid, WorkbookGrid } from "../grid/types";
import { toA1 } from "../grid/address";
import { normaliseText } from "../values/normaliseText";
import {
  budgetRoleOf,
  indicatorRoleOf,
  isFormOpening,
  isFormTitle,
  isTrailingLabel,
  totalLabelKind,
} from "./headerRoles";
import { isToolSheet } from "./isToolSheet";
import { cellText, displayedCell, displayedLabel, displayedWords, ownWords } from "./sheetText";
import type {
  BudgetColumnRole,
  DetectedBudgetBlock,
  DetectedForm,
  DetectedIndicator,
  DetectedIndicatorTable,
  DetectedTotalRow,
  FormInfo,
  IndicatorColumnRole,
} from "./types";

// Real templates are at most a few dozen columns wide; a stray value far right is not a header.
const MAX_COLUMNS = 60;
// A table ends after this many rows without anything in its columns.
const BLANK_ROWS_ENDING_A_TABLE = 5;

interface HeaderMatch {
  top: number;
  bottom: number;
  columns: Partial<Record<IndicatorColumnRole, number>>;
}

/**
 * Finds every 绩效自评表 form in a workbook: each indicator table with the 项目资金 block above it
 * and the title facts around it. Sheets the tool wrote are skipped; sheets without a table yield
 * nothing. Never throws on any grid.
 */
export function detectForms(workbook: WorkbookGrid): DetectedForm[] {
  const forms: DetectedForm[] = [];
  for (const sheet of workbook.sheets) {
    if (isToolSheet(sheet)) continue;
    forms.push(...detectFormsInSheet(sheet));
  }
  return forms;
}

interface FoundTable {
  table: DetectedIndicatorTable;
  budget: DetectedBudgetBlock | null;
  /** The first row after the previous form's table (1 for the first form). */
  searchFrom: number;
}

/** The forms on one sheet, top to bottom. */
export function detectFormsInSheet(sheet: SheetGrid): DetectedForm[] {
  const found: FoundTable[] = [];
  let budget: DetectedBudgetBlock | null = null;
  let searchFrom = 1;
  let row = 1;
  while (row <= sheet.rowCount) {
    const budgetColumns = budgetHeaderAt(sheet, row);
    if (budgetColumns) {
      const block = readBudgetBlock(sheet, row, budgetColumns);
      if (block) {
        budget = block;
        row = Math.max(block.totalRow, ...block.partRows) + 1;
      } else row++;
      continue;
    }
    const header = indicatorHeaderAt(sheet, row);
    if (header) {
      const table = readIndicatorTable(sheet, header);
      found.push({ table, budget, searchFrom });
      budget = null;
      row = table.lastRow + 1;
      searchFrom = row;
      continue;
    }
    row++;
  }

  // A form's text facts come from its own rows: from the line that opens it (its title) down to
  // its table, and after its table up to where the next form opens. Rows between two tables
  // that come before the next title (自评等级, 填表人…) belong to the form above.
  const starts = found.map((form, i) =>
    i === 0 ? 1 : formOpeningRow(sheet, form.searchFrom, form.table.headerTop)
  );
  return found.map((form, i) => {
    const trailingEnd = i + 1 < found.length ? starts[i + 1] - 1 : sheet.rowCount;
    const info = readFormInfo(
      sheet,
      starts[i],
      form.table.headerTop,
      form.table.lastRow,
      trailingEnd
    );
    return { sheet: sheet.name, table: form.table, budget: form.budget, info };
  });
}

/** The first row in [from, to) that opens a form (title, 项目名称…), or `from` when none does. */
function formOpeningRow(sheet: SheetGrid, from: number, to: number): number {
  for (let row = from; row < to; row++) {
    if (isFormOpening(ownTextsOfRow(sheet, row))) return row;
  }
  return from;
}

function lastColumn(sheet: SheetGrid): number {
  return Math.min(sheet.columnCount, MAX_COLUMNS);
}

/** The texts stored in a row's own cells, left to right (merged non-master cells are blank). */
function ownTextsOfRow(sheet: SheetGrid, row: number): string[] {
  const texts: string[] = [];
  for (let column = 1; column <= lastColumn(sheet); column++) {
    const text = cellText(sheet.cell(row, column));
    if (normaliseText(text) !== "") texts.push(text);
  }
  return texts;
}

function rolesOfRow(sheet: SheetGrid, row: number): Map<number, IndicatorColumnRole> {
  const roles = new Map<number, IndicatorColumnRole>();
  for (let column = 1; column <= lastColumn(sheet); column++) {
    const role = indicatorRoleOf(displayedWords(sheet, row, column));
    if (role) roles.set(column, role);
  }
  return roles;
}

function rowHasNumber(sheet: SheetGrid, row: number): boolean {
  for (let column = 1; column <= lastColumn(sheet); column++) {
    const cell = sheet.cell(row, column);
    if (cell && typeof cell.value === "number") return true;
  }
  return false;
}

/** A row whose every own non-blank cell is a header word: the second row of a two-row header. */
function isHeaderContinuation(sheet: SheetGrid, row: number): boolean {
  if (row > sheet.rowCount || rowHasNumber(sheet, row)) return false;
  let words = 0;
  for (let column = 1; column <= lastColumn(sheet); column++) {
    const own = ownWords(sheet, row, column);
    if (own === "") continue;
    if (!indicatorRoleOf(own)) return false;
    words++;
  }
  return words > 0;
}

function firstColumnOfEachRole(
  roles: Map<number, IndicatorColumnRole>
): Partial<Record<IndicatorColumnRole, number>> {
  const columns: Partial<Record<IndicatorColumnRole, number>> = {};
  const sorted = Array.from(roles.keys()).sort((a, b) => a - b);
  for (const column of sorted) {
    const role = roles.get(column) as IndicatorColumnRole;
    if (columns[role] === undefined) columns[role] = column;
  }
  return columns;
}

function isValidIndicatorHeader(columns: Partial<Record<IndicatorColumnRole, number>>): boolean {
  const hasName =
    columns.level1 !== undefined ||
    columns.level2 !== undefined ||
    columns.level3 !== undefined ||
    columns.name !== undefined;
  const hasValues =
    columns.score !== undefined || columns.target !== undefined || columns.actual !== undefined;
  return hasName && columns.max !== undefined && hasValues;
}

function indicatorHeaderAt(sheet: SheetGrid, row: number): HeaderMatch | null {
  // Header cells are words; a row holding a real number is data. This check keeps the
  // per-row header test cheap on 20,000-row tables.
  if (rowHasNumber(sheet, row)) return null;
  const roles = rolesOfRow(sheet, row);
  if (roles.size < 3) return null;
  if (budgetHeaderAt(sheet, row)) return null;
  let bottom = row;
  if (isHeaderContinuation(sheet, row + 1)) {
    // The lower row names the columns under a merged group cell ("年度指标值" over 指标性质/指标值/度量单位).
    const lower = rolesOfRow(sheet, row + 1);
    lower.forEach((role, column) => roles.set(column, role));
    bottom = row + 1;
  }
  const columns = firstColumnOfEachRole(roles);
  if (!isValidIndicatorHeader(columns)) return null;
  // A row of units ("（分）", "（%）") or column numbers ("1 2 3 …") under the header is part of it.
  if (isHeaderNoteRow(sheet, bottom + 1)) bottom++;
  return { top: row, bottom, columns };
}

/**
 * A row under a header that only annotates its columns: units in brackets ("（分）", "（万元）"),
 * or the columns' numbers or letters in order ("1 2 3 4", "A B C").
 */
function isHeaderNoteRow(sheet: SheetGrid, row: number): boolean {
  if (row > sheet.rowCount) return false;
  const notes: string[] = [];
  for (let column = 1; column <= lastColumn(sheet); column++) {
    const cell = sheet.cell(row, column);
    if (!cell || cell.value === null) continue;
    if (typeof cell.value === "object" || typeof cell.value === "boolean") return false;
    notes.push(normaliseText(cellText(cell)));
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

function sameColumns(
  a: Partial<Record<IndicatorColumnRole, number>>,
  b: Partial<Record<IndicatorColumnRole, number>>
): boolean {
  const keys = Object.keys(a) as IndicatorColumnRole[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function budgetHeaderAt(
  sheet: SheetGrid,
  row: number
): Partial<Record<BudgetColumnRole, number>> | null {
  if (rowHasNumber(sheet, row)) return null;
  const columns: Partial<Record<BudgetColumnRole, number>> = {};
  for (let column = 1; column <= lastColumn(sheet); column++) {
    const role = budgetRoleOf(ownWords(sheet, row, column));
    if (role && columns[role] === undefined) columns[role] = column;
  }
  if (columns.budget === undefined || columns.executed === undefined) return null;
  return columns;
}

function isBudgetTotalLabel(words: string): boolean {
  return /总额|合计|总计|资金总|^小计/.test(words);
}

function budgetLabel(sheet: SheetGrid, row: number, firstNumberColumn: number): string {
  for (let column = firstNumberColumn - 1; column >= 1; column--) {
    const words = ownWords(sheet, row, column);
    if (words !== "" && !/项目资金|资金情况|万元/.test(words)) return words;
  }
  return "";
}

/** The block under a 项目资金 header, or null when no row follows it. */
function readBudgetBlock(
  sheet: SheetGrid,
  headerRow: number,
  columns: Partial<Record<BudgetColumnRole, number>>
): DetectedBudgetBlock | null {
  const moneyColumns = [columns.initialBudget, columns.budget, columns.executed].filter(
    (column): column is number => column !== undefined
  );
  const firstNumberColumn = Math.min(...moneyColumns);
  let totalRow = 0;
  let partRows: number[] = [];
  for (let row = headerRow + 1; row <= sheet.rowCount && row <= headerRow + 12; row++) {
    const label = budgetLabel(sheet, row, firstNumberColumn);
    const hasMoney = moneyColumns.some((column) => sheet.cell(row, column) !== undefined);
    if (!hasMoney && label === "") break;
    if (indicatorHeaderAt(sheet, row) || /年度(总体)?目标|绩效目标|预期目标/.test(label)) break;
    if (totalRow === 0) totalRow = row;
    else if (
      isBudgetTotalLabel(label) &&
      !isBudgetTotalLabel(budgetLabel(sheet, totalRow, firstNumberColumn))
    ) {
      // The first row was not the total after all: the block lists its parts first and the
      // 合计 last (财政资金 / 其他资金 / 合计).
      partRows = [totalRow].concat(partRows);
      totalRow = row;
    } else partRows.push(row);
  }
  if (totalRow === 0) return null;
  return { headerRow, columns, totalRow, partRows };
}

interface LevelState {
  values: string[];
}

function readIndicatorTable(sheet: SheetGrid, header: HeaderMatch): DetectedIndicatorTable {
  const columns = header.columns;
  const nameColumn =
    columns.name ?? columns.level3 ?? Math.max(columns.level2 ?? 0, columns.level1 ?? 0);
  const levelColumns = [columns.level1, columns.level2, columns.level3]
    .filter((column): column is number => column !== undefined && column !== nameColumn)
    .sort((a, b) => a - b);
  const valueColumns = (["max", "target", "nature", "unit", "actual", "score", "reason"] as const)
    .map((role) => columns[role])
    .filter((column): column is number => column !== undefined && column !== nameColumn);
  const labelColumnLast = Math.max(nameColumn, ...levelColumns);

  const indicators: DetectedIndicator[] = [];
  const totalRows: DetectedTotalRow[] = [];
  const levels: LevelState = { values: levelColumns.map(() => "") };
  let lastRow = header.bottom;
  let blankRun = 0;

  for (let row = header.bottom + 1; row <= sheet.rowCount; row++) {
    const texts = ownTextsOfRow(sheet, row);
    // Text rows after the table (评价结论, 存在的问题及改进措施, 单位负责人（签字）…) end it, unless
    // the row scores like an indicator; so does the title or 项目名称 of a form stacked below.
    if (texts.length > 0 && isTrailingLabel(texts[0]) && !rowHasScoreNumber(sheet, row, columns))
      break;
    if (isFormOpening(texts)) break;
    // "续表": the table goes on below, under its header repeated.
    if (texts.length === 1 && /^\(?续(上)?表\)?[:：]?$/.test(normaliseText(texts[0]))) continue;
    if (budgetHeaderAt(sheet, row)) break;
    const nextHeader = indicatorHeaderAt(sheet, row);
    if (nextHeader) {
      // The same header again (a table printed over several pages) continues this table;
      // another header starts another table.
      if (!sameColumns(nextHeader.columns, columns)) break;
      row = lastRow = nextHeader.bottom;
      blankRun = 0;
      continue;
    }

    const total = totalLabelOfRow(sheet, row, labelColumnLast);
    if (total === "grand") {
      totalRows.push({ row, path: [] });
      lastRow = row;
      break;
    }

    const explicitLevels = levelColumns.map((column) => displayedLabel(sheet, row, column));
    if (total === "subtotal") {
      // The 小计 label is no category: the rows below must not inherit it.
      const path = advanceLevels({ values: levels.values.slice() }, explicitLevels);
      totalRows.push({ row, path: subtotalPath(sheet, row, levelColumns, path) });
      lastRow = row;
      blankRun = 0;
      continue;
    }
    const path = advanceLevels(levels, explicitLevels);

    const name = normaliseText(cellText(sheet.cell(row, nameColumn)));
    const hasValues = valueColumns.some((column) => sheet.cell(row, column) !== undefined);
    if (name === "" && !hasValues) {
      if (explicitLevels.some((words) => words !== "")) {
        lastRow = row;
        blankRun = 0;
        continue;
      }
      blankRun++;
      if (blankRun >= BLANK_ROWS_ENDING_A_TABLE) break;
      continue;
    }
    blankRun = 0;
    lastRow = row;
    if (name === "" && isLevelSubtotalRow(sheet, row, levelColumns, columns)) {
      totalRows.push({ row, path: path.slice() });
      continue;
    }
    indicators.push({
      row,
      path: path.slice(),
      name: cellText(sheet.cell(row, nameColumn)).trim(),
    });
  }

  return {
    headerTop: header.top,
    headerBottom: header.bottom,
    columns,
    levelColumns,
    nameColumn,
    indicators,
    totalRows,
    lastRow,
  };
}

/** True when the row's 分值 or 得分 cell holds a number, or a score typed as text ("9.5", "10分"). */
function rowHasScoreNumber(
  sheet: SheetGrid,
  row: number,
  columns: Partial<Record<IndicatorColumnRole, number>>
): boolean {
  for (const column of [columns.max, columns.score]) {
    if (column === undefined) continue;
    const cell = sheet.cell(row, column);
    if (!cell) continue;
    if (typeof cell.value === "number") return true;
    if (typeof cell.value === "string" && /^\d+(\.\d+)?分?$/.test(normaliseText(cell.value)))
      return true;
  }
  return false;
}

function totalLabelOfRow(
  sheet: SheetGrid,
  row: number,
  lastLabelColumn: number
): "grand" | "subtotal" | null {
  for (let column = 1; column <= lastLabelColumn; column++) {
    const kind = totalLabelKind(ownWords(sheet, row, column));
    if (kind) return kind;
  }
  return null;
}

/**
 * Carries category names down: a blank level cell repeats the row above's (templates write
 * a category once, on the first row of its block), unless a higher level changed on this row.
 */
function advanceLevels(state: LevelState, explicit: readonly string[]): string[] {
  let higherChanged = false;
  for (let i = 0; i < explicit.length; i++) {
    if (explicit[i] !== "") {
      if (normaliseText(explicit[i]) !== normaliseText(state.values[i])) higherChanged = true;
      state.values[i] = explicit[i];
    } else if (higherChanged) {
      state.values[i] = "";
    }
  }
  return state.values.filter((value) => value !== "");
}

function subtotalPath(
  sheet: SheetGrid,
  row: number,
  levelColumns: readonly number[],
  path: readonly string[]
): string[] {
  // "产出指标小计" names its group; a bare "小计" closes the group of the rows above it.
  for (let i = 0; i < levelColumns.length; i++) {
    const words = ownWords(sheet, row, levelColumns[i]);
    if (totalLabelKind(words) === "subtotal") {
      const named = words.replace(/小计.*$/, "");
      if (named !== "") return path.slice(0, i).concat(named);
      return path.slice(0, Math.max(i, 1));
    }
  }
  return path.slice(0, Math.max(1, path.length - 1));
}

function isLevelSubtotalRow(
  sheet: SheetGrid,
  row: number,
  levelColumns: readonly number[],
  columns: Partial<Record<IndicatorColumnRole, number>>
): boolean {
  // A category row carrying its group's 分值/得分 but no target or actual of its own.
  const writesLevel = levelColumns.some((column) => ownWords(sheet, row, column) !== "");
  const hasTargetOrActual = [columns.target, columns.actual].some(
    (column) => column !== undefined && sheet.cell(row, column) !== undefined
  );
  return writesLevel && !hasTargetOrActual;
}

// A label, an optional "（盖章）", then a colon and the value, or nothing (the value is to its
// right). "部门整体支出绩效自评表" starts with 部门 but is no label.
const UNIT_LABEL =
  /^(部门名称|部门\(单位\)名称|单位名称|填报单位|预算单位|主管部门|实施单位|部门)(\([^)]{0,10}\))?([:：](.*))?$/;
const PROJECT_LABEL = /^项目名称(\([^)]{0,10}\))?([:：](.*))?$/;
const RATING_LABEL =
  /^(自评|评价|绩效)?(等级|评级|结果等级)[:：]?(优秀|良好|优|良|中等|中|合格|差|不合格)?$/;
// "2024年度" names the year of the form; a bare "2025年3月12日" is a date (填报日期), not it.
const FORM_YEAR = /(20\d{2})年度/;
const PLAIN_YEAR = /(20\d{2})年(?!\d{1,2}月)/;
// What may follow a label's value in the same cell: "某市交通运输局<ideographic spaces>填报日期：2025年3月".
const NEXT_LABEL_IN_CELL = /[\s\u3000]+[^\s\u3000:：]{1,10}[:：].*$/;

/** The value after "label：" in one cell, without another label that follows it. */
function valueAfterLabel(raw: string): string {
  let value = raw.replace(/^[^:：]*[:：][\s\u3000]*/, "");
  value = value.split(/[\s\u3000]{2,}/)[0];
  value = value.replace(NEXT_LABEL_IN_CELL, "");
  value = value.replace(/[(（](盖章|签章|公章)[)）]$/, "");
  return value.trim();
}

function valueRightOf(sheet: SheetGrid, row: number, column: number): string {
  for (let next = column + 1; next <= lastColumn(sheet); next++) {
    const cell = sheet.cell(row, next);
    const text = cellText(cell).trim();
    if (text === "") continue;
    // The next label ("填报日期：…") rather than a value: the label was left blank.
    if (/^[^:：]{1,10}[:：]/.test(text)) return "";
    return text;
  }
  return "";
}

function labelledValue(
  sheet: SheetGrid,
  row: number,
  column: number,
  raw: string,
  inline: string | undefined
): string | null {
  const value =
    inline !== undefined && inline !== "" ? valueAfterLabel(raw) : valueRightOf(sheet, row, column);
  return value === "" ? null : value;
}

function readFormInfo(
  sheet: SheetGrid,
  fromRow: number,
  headerRow: number,
  lastRow: number,
  trailingEnd: number
): FormInfo {
  let title: string | null = null;
  let formYear: number | null = null;
  let plainYear: number | null = null;
  let unitName: string | null = null;
  let projectName: string | null = null;
  let overallGoal: FormInfo["overallGoal"] = null;

  for (let row = fromRow; row < headerRow; row++) {
    for (let column = 1; column <= lastColumn(sheet); column++) {
      const raw = cellText(sheet.cell(row, column)).trim();
      if (raw === "") continue;
      const words = normaliseText(raw);
      if (title === null && isFormTitle(words)) title = raw;
      const yearMatch = FORM_YEAR.exec(words);
      if (formYear === null && yearMatch) formYear = Number(yearMatch[1]);
      const plainMatch = PLAIN_YEAR.exec(words);
      if (plainYear === null && plainMatch) plainYear = Number(plainMatch[1]);
      const unit = UNIT_LABEL.exec(words);
      if (unitName === null && unit) unitName = labelledValue(sheet, row, column, raw, unit[4]);
      const project = PROJECT_LABEL.exec(words);
      if (projectName === null && project)
        projectName = labelledValue(sheet, row, column, raw, project[3]);
      if (overallGoal === null && /^预期目标$/.test(words))
        overallGoal = readOverallGoal(sheet, row, column);
    }
  }

  // A stated rating sits above the table or just below it, before the next form.
  let statedRating = findStatedRating(sheet, fromRow, headerRow - 1);
  if (statedRating === null)
    statedRating = findStatedRating(sheet, lastRow, Math.min(trailingEnd, lastRow + 15));
  const year = formYear !== null ? formYear : plainYear;
  return { title, year, unitName, projectName, overallGoal, statedRating };
}

function findStatedRating(
  sheet: SheetGrid,
  fromRow: number,
  toRow: number
): FormInfo["statedRating"] {
  for (let row = fromRow; row <= toRow; row++) {
    for (let column = 1; column <= lastColumn(sheet); column++) {
      const words = ownWords(sheet, row, column);
      const match = RATING_LABEL.exec(words);
      if (!match) continue;
      if (match[3]) return { cell: toA1(row, column), text: match[3] };
      const next = nextNonBlankRight(sheet, row, column);
      if (next) return next;
      break;
    }
  }
  return null;
}

function nextNonBlankRight(
  sheet: SheetGrid,
  row: number,
  column: number
): { cell: string; text: string } | null {
  for (let next = column + 1; next <= lastColumn(sheet); next++) {
    const cell = sheet.cell(row, next);
    const text = cellText(cell).trim();
    if (cell && text !== "") return { cell: cell.address, text };
  }
  return null;
}

function readOverallGoal(sheet: SheetGrid, row: number, column: number): FormInfo["overallGoal"] {
  let actualColumn = 0;
  for (let next = column + 1; next <= lastColumn(sheet); next++) {
    if (/^实际完成情况|^实际完成/.test(ownWords(sheet, row, next))) {
      actualColumn = next;
      break;
    }
  }
  if (actualColumn === 0) return null;
  const expected = cellText(displayedCell(sheet, row + 1, column)).trim();
  const actual = cellText(displayedCell(sheet, row + 1, actualColumn)).trim();
  if (expected === "" && actual === "") return null;
  return { expected, actual };
}
