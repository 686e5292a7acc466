import type { SheetGrid, WorkbookGrid } from "../grid/types";
import { columnLetters } from "../grid/address";
import { parseCell } from "../values/parseValue";
import { assignColumns, type ColumnEvidence } from "./assignColumns";
import { budgetHeaderAt, readBudgetBlock } from "./budgetBlock";
import { classifyRows, tableColumns, type ClassifiedBody } from "./classifyRows";
import { profileColumn } from "./columnContent";
import { columnsForSheet, EMPTY_COLUMN_MAP, type ColumnMap } from "./columnMap";
import { headerBandAt, type HeaderBand } from "./findHeaders";
import { readFormInfo } from "./formInfo";
import { isToolSheet } from "./isToolSheet";
import { readTable } from "./readTable";
import { isFormOpening } from "./rowLabels";
import { shortText, viewOf, type SheetView } from "./sheetView";
import type {
  ColumnMapError,
  DetectedBudgetBlock,
  DetectedForm,
  DetectedIndicatorTable,
  IndicatorColumnRole,
  ReadingMiss,
  SkippedRow,
  WorkbookReading,
} from "./types";

/**
 * Detection is a pipeline of small stages over one view of each sheet (see README.md):
 * find header candidates → classify rows → assign columns → read the table.
 */

export interface DetectOptions {
  /** The user's column map: the roles it names override detection. */
  readonly columnMap?: ColumnMap;
}

// Content evidence needs a sample of the body, not 20,000 rows of it.
const PROFILE_ROWS = 400;

/**
 * Finds every 绩效自评表 form in a workbook: each indicator table with the 项目资金 block above it
 * and the title facts around it. Sheets the tool wrote are skipped; sheets without a table yield
 * nothing. Never throws on any grid.
 */
export function detectForms(workbook: WorkbookGrid, options: DetectOptions = {}): DetectedForm[] {
  return readWorkbook(workbook, options).forms.slice();
}

/** Every form, with the headers that gave none and what a column map could not apply. */
export function readWorkbook(workbook: WorkbookGrid, options: DetectOptions = {}): WorkbookReading {
  const map = options.columnMap ?? EMPTY_COLUMN_MAP;
  const forms: DetectedForm[] = [];
  const misses: ReadingMiss[] = [];
  const errors: ColumnMapError[] = [];
  for (const entry of map.entries) {
    if (entry.sheet === null) continue;
    if (!workbook.sheets.some((sheet) => sameName(sheet.name, entry.sheet as string)))
      errors.push({
        entry: entry.text,
        message: "工作簿中没有名为「" + entry.sheet + "」的工作表",
      });
  }
  for (const sheet of workbook.sheets) {
    if (isToolSheet(sheet)) continue;
    const mapped = columnsForSheet(map, sheet.name);
    errors.push(...mapped.errors);
    const read = readSheet(sheet, mapped.fixed);
    forms.push(...read.forms);
    misses.push(...read.misses);
    for (const outside of read.outside) {
      const entry = mapped.entries.find((each) => each.column === outside.column);
      if (entry && !errors.some((error) => error.entry === entry.text))
        errors.push({
          entry: entry.text,
          message:
            "列" +
            columnLetters(outside.column) +
            "不在工作表「" +
            sheet.name +
            "」第" +
            outside.headerTop +
            "行起的表格内",
        });
    }
  }
  return { forms, misses, columnMapErrors: errors };
}

function sameName(a: string, b: string): boolean {
  return a.replace(/\s+/g, "") === b.replace(/\s+/g, "");
}

interface FoundTable {
  table: DetectedIndicatorTable;
  budget: DetectedBudgetBlock | null;
  /** The first row after the previous form's table (1 for the first form). */
  searchFrom: number;
}

interface SheetReading {
  forms: DetectedForm[];
  misses: ReadingMiss[];
  /** Mapped columns that lie outside the table they were applied to. */
  outside: Array<{ column: number; headerTop: number }>;
}

/** The forms on one sheet, top to bottom. */
function readSheet(
  sheet: SheetGrid,
  fixed: Partial<Record<IndicatorColumnRole, number>>
): SheetReading {
  const view = viewOf(sheet);
  const lenient = Object.keys(fixed).length > 0;
  const found: FoundTable[] = [];
  const misses: ReadingMiss[] = [];
  const outside: SheetReading["outside"] = [];
  let budget: DetectedBudgetBlock | null = null;
  let searchFrom = 1;
  let index = 0;
  while (index < view.rows.length) {
    const row = view.rows[index].row;
    const budgetHeader = budgetHeaderAt(view, row);
    if (budgetHeader) {
      const block = readBudgetBlock(
        view,
        budgetHeader,
        (at) => headerBandAt(view, at, lenient) !== null
      );
      if (block) {
        budget = block;
        index = view.indexFrom(Math.max(block.totalRow, ...block.partRows) + 1);
      } else index++;
      continue;
    }
    const band = headerBandAt(view, row, lenient);
    if (!band) {
      index++;
      continue;
    }
    const attempt = readTableAt(view, band, fixed, lenient);
    // A header with no indicator row under it is no form, unless the budget line above it can be
    // scored on its own (the score then says so).
    const budgetOnly =
      attempt.table !== null &&
      attempt.table.indicators.length === 0 &&
      budget !== null &&
      canScoreBudget(view, budget);
    if (attempt.table && (attempt.table.indicators.length > 0 || budgetOnly)) {
      // A mapped column outside a table that became a form: the map names something else.
      for (const column of attempt.outside) outside.push({ column, headerTop: band.top });
      found.push({ table: attempt.table, budget, searchFrom });
      budget = null;
      searchFrom = attempt.table.lastRow + 1;
      index = view.indexFrom(searchFrom);
      continue;
    }
    misses.push(attempt.miss as ReadingMiss);
    index = view.indexFrom((attempt.table ? attempt.table.lastRow : band.bottom) + 1);
  }

  // A form's text facts come from its own rows: from the line that opens it (its title) down to
  // its table, and after its table up to where the next form opens. Rows between two tables
  // that come before the next title (自评等级, 填表人…) belong to the form above.
  const starts = found.map((form, i) =>
    i === 0 ? 1 : formOpeningRow(view, form.searchFrom, form.table.headerTop)
  );
  const forms = found.map((form, i) => {
    const trailingEnd = i + 1 < found.length ? starts[i + 1] - 1 : view.lastRow;
    const info = readFormInfo(
      view,
      starts[i],
      form.table.headerTop,
      form.table.lastRow,
      trailingEnd
    );
    const trailing = trailingTextRows(view, form.table.lastRow, trailingEnd);
    const table =
      trailing.length > 0
        ? { ...form.table, skippedRows: form.table.skippedRows.concat(trailing) }
        : form.table;
    return { sheet: sheet.name, table, budget: form.budget, info };
  });
  return { forms, misses, outside };
}

// Text rows after a table (评价结论, 存在问题, 备注, 填表人…) belong to it; a few are listed.
const TRAILING_ROWS_LISTED = 20;

/** The rows with text after a table, up to where the next form starts: listed as skipped text. */
function trailingTextRows(view: SheetView, lastRow: number, end: number): SkippedRow[] {
  const rows: SkippedRow[] = [];
  for (let index = view.indexFrom(lastRow + 1); index < view.rows.length; index++) {
    const viewRow = view.rows[index];
    if (viewRow.row > end || viewRow.row > lastRow + TRAILING_ROWS_LISTED) break;
    if (budgetHeaderAt(view, viewRow.row) || headerBandAt(view, viewRow.row)) break;
    const texts = viewRow.cells.filter((cell) => cell.words !== "");
    if (texts.length > 0)
      rows.push({ row: viewRow.row, reason: "text", text: shortText(texts[0].label) });
  }
  return rows;
}

/** True when the block's 年度资金总额 row states amounts a rate can be computed from. */
function canScoreBudget(view: SheetView, block: DetectedBudgetBlock): boolean {
  const number = (column: number | undefined): boolean =>
    column !== undefined && parseCell(view.sheet.cell(block.totalRow, column)).kind === "number";
  const columns = block.columns;
  return (
    (number(columns.executed) && (number(columns.budget) || number(columns.initialBudget))) ||
    number(columns.rate) ||
    number(columns.score)
  );
}

/** The first row in [from, to) that opens a form (title, 项目名称…), or `from` when none does. */
function formOpeningRow(view: SheetView, from: number, to: number): number {
  for (let index = view.indexFrom(from); index < view.rows.length; index++) {
    const row = view.rows[index].row;
    if (row >= to) break;
    if (isFormOpening(view.textCells(row).map((cell) => cell.words))) return row;
  }
  return from;
}

interface TableAttempt {
  /** The table, possibly without indicators; null when its columns do not make a table. */
  table: DetectedIndicatorTable | null;
  /** Why no form, when none. */
  miss: ReadingMiss | null;
  /** Mapped columns outside the table. */
  outside: number[];
}

/** Stages 2–5 for one header: assign the columns (header words, then content), classify, read. */
function readTableAt(
  view: SheetView,
  band: HeaderBand,
  fixed: Partial<Record<IndicatorColumnRole, number>>,
  lenient: boolean
): TableAttempt {
  const known = new Set(band.columns.map((column) => column.column));
  const headerOnly: ColumnEvidence[] = band.columns.map((column) => ({
    column: column.column,
    header: column.header,
    headerCues: column.cues,
    profile: null,
  }));
  // A mapped column the header does not name (no header text over it) still takes its role.
  for (const role of Object.keys(fixed) as IndicatorColumnRole[]) {
    const column = fixed[role] as number;
    if (!known.has(column)) {
      known.add(column);
      headerOnly.push({ column, header: "", headerCues: {}, profile: null });
    }
  }
  headerOnly.sort((a, b) => a.column - b.column);

  // Pass 1, on the header's words alone: where the body is, to look at its content.
  const first = assignColumns(headerOnly, fixed);
  let sample: number[];
  if (hasLabel(first.columns)) {
    const body = classifyRows(view, band, tableColumns(first.columns), lenient, PROFILE_ROWS);
    sample = body.rows
      .filter((row) => row.kind === "indicator" || row.kind === "not-applicable")
      .map((row) => row.row);
  } else {
    sample = [];
    for (let index = view.indexFrom(band.bottom + 1); index < view.rows.length; index++) {
      if (sample.length >= PROFILE_ROWS) break;
      sample.push(view.rows[index].row);
    }
  }
  const evidence = headerOnly.map((entry) => ({
    ...entry,
    profile: profileColumn(
      view,
      entry.column,
      sample,
      band.coveredColumns.indexOf(entry.column) >= 0
    ),
  }));

  // Pass 2, with the content: the assignment that stands.
  const assignment = assignColumns(evidence, fixed);
  const columns = assignment.columns;
  const missing: ReadingMiss["missing"][number][] = [];
  if (!hasLabel(columns)) missing.push("label");
  if (columns.score === undefined && columns.max === undefined) missing.push("score");
  const decisions = assignment.decisions.slice().sort((a, b) => a.column - b.column);
  if (missing.length > 0)
    return {
      table: null,
      miss: {
        sheet: view.name,
        headerTop: band.top,
        headerBottom: band.bottom,
        found: decisions,
        missing,
      },
      outside: [],
    };

  const layout = tableColumns(columns);
  const body = classifyRows(view, band, layout, lenient);
  const read = readTable(view, layout, body, band);
  const reasonRow = columns.reason === undefined ? formReasonRow(view, body.lastRow) : undefined;
  const table: DetectedIndicatorTable = {
    ...(reasonRow ? { reasonRow } : {}),
    headerTop: band.top,
    headerBottom: band.bottom,
    columns,
    levelColumns: layout.levelColumns,
    nameColumn: layout.nameColumn,
    indicators: read.indicators,
    totalRows: read.totalRows,
    lastRow: body.lastRow,
    decisions,
    headerColumns: band.columns.map((column) => ({ column: column.column, header: column.header })),
    ignoredColumns: assignment.ignored,
    skippedRows: read.skippedRows,
    maxSource:
      columns.max !== undefined ? "column" : read.groupMaxima.length > 0 ? "labels" : "none",
    groupMaxima: read.groupMaxima,
  };
  const right = rightEdge(view, band, body);
  const outside = (Object.keys(fixed) as IndicatorColumnRole[])
    .map((role) => fixed[role] as number)
    .filter((column) => column > right);
  const miss: ReadingMiss | null =
    read.indicators.length === 0
      ? {
          sheet: view.name,
          headerTop: band.top,
          headerBottom: band.bottom,
          found: decisions,
          missing: ["rows"],
        }
      : null;
  return { table, miss, outside };
}

function hasLabel(columns: Partial<Record<IndicatorColumnRole, number>>): boolean {
  return (
    columns.level1 !== undefined ||
    columns.level2 !== undefined ||
    columns.level3 !== undefined ||
    columns.name !== undefined
  );
}

// "偏差大或目标未完成原因分析", "偏差原因分析及改进措施", "未完成原因", "扣分原因".
const REASON_ROW_LABEL = /^(偏差|未完成|扣分|未达标).{0,12}原因|^原因分析/;

/** The form's one reason row under its table, when its table has no reason column (湖北). */
function formReasonRow(view: SheetView, lastRow: number): DetectedIndicatorTable["reasonRow"] {
  for (let index = view.indexFrom(lastRow + 1); index < view.rows.length; index++) {
    const viewRow = view.rows[index];
    if (viewRow.row > lastRow + 4) break;
    const texts = viewRow.cells.filter((cell) => cell.words !== "");
    if (texts.length === 0 || !REASON_ROW_LABEL.test(texts[0].words)) continue;
    const label = texts[0];
    const area = view.sheet.mergeAt(label.row, label.column);
    const valueColumn = (area ? area.right : label.column) + 1;
    const value = view.shown(label.row, valueColumn);
    return {
      row: label.row,
      cell: value ? value.cell.address : columnLetters(valueColumn) + label.row,
      text: value ? value.raw.trim() : "",
    };
  }
  return undefined;
}

/** The rightmost column holding anything in the header or the table's rows. */
function rightEdge(view: SheetView, band: HeaderBand, body: ClassifiedBody): number {
  let right = 0;
  for (const column of band.columns) right = Math.max(right, column.column);
  for (let index = view.indexFrom(band.top); index < view.rows.length; index++) {
    const viewRow = view.rows[index];
    if (viewRow.row > body.lastRow) break;
    const cells = viewRow.cells;
    if (cells.length > 0) right = Math.max(right, cells[cells.length - 1].column);
  }
  return right;
}
