/**
 * Stages 2–5 for one header (README.md): the columns from the header's words, then from the
 * body's content; the rows classified; the table read. A header whose columns make no table
 * says what is missing.
 */
import { columnLetters } from "../grid/address";
import { assignColumns, type ColumnEvidence } from "./assignColumns";
import { classifyRows, tableColumns, type ClassifiedBody } from "./classifyRows";
import { profileColumn } from "./columnContent";
import type { HeaderBand } from "./findHeaders";
import { readTable } from "./readTable";
import type { SheetView } from "./sheetView";
import type { DetectedIndicatorTable, IndicatorColumnRole, ReadingMiss } from "./types";

// Content evidence needs a sample of the body, not 20,000 rows of it.
const PROFILE_ROWS = 400;

export interface TableAttempt {
  /** The table, possibly without indicators; null when its columns do not make a table. */
  table: DetectedIndicatorTable | null;
  /** Why no form, when none. */
  miss: ReadingMiss | null;
  /** Mapped columns outside the table. */
  outside: number[];
}

/** Stages 2–5 for one header: assign the columns (header words, then content), classify, read. */
export function readTableAt(
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
