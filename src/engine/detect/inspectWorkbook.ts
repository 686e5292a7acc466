import { columnLetters } from "../grid/address";
import type { WorkbookGrid } from "../grid/types";
import { readWorkbook, type DetectOptions } from "./detectForms";
import { ROLE_LABELS } from "./roleLabels";
import type {
  ColumnDecision,
  ColumnSource,
  DetectedForm,
  IndicatorColumnRole,
  MaxSource,
  ReadingMiss,
  SkippedRowReason,
  WorkbookReading,
} from "./types";

/**
 * How the tool read each form, for `selfeval inspect` and the task pane's 列对应 panel: the
 * header rows, each column's role with its header text and why, where the maxima came from, the
 * indicator rows and every row skipped with its reason — and, for a header that gave no form, what
 * was found and what is missing. Plain data; docs/inspect.schema.json describes it as JSON.
 */

export interface InspectedColumn {
  /** Column letters, "F". */
  readonly column: string;
  readonly role: IndicatorColumnRole;
  /** The role as the national forms name the column ("分值"). */
  readonly roleName: string;
  /** The column's header text on one line. */
  readonly header: string;
  readonly source: ColumnSource;
  /** Why, in Chinese. */
  readonly reason: string;
}

export interface InspectedForm {
  readonly sheet: string;
  readonly title: string | null;
  /** The header's rows, counted from 1. */
  readonly headerRows: readonly number[];
  readonly columns: readonly InspectedColumn[];
  /** Every column under the header, with its header text: the choices for a column map. */
  readonly headerColumns: ReadonlyArray<{ readonly column: string; readonly header: string }>;
  /** Columns whose header leaned towards a role they did not get, with why. */
  readonly ignoredColumns: ReadonlyArray<{
    readonly column: string;
    readonly header: string;
    readonly reason: string;
  }>;
  readonly maxSource: MaxSource;
  /** Groups' 分值 read from their labels ("产出指标（40分）"). */
  readonly groupMaxima: ReadonlyArray<{
    readonly path: readonly string[];
    readonly max: number;
    readonly cell: string;
  }>;
  /** The 项目资金 / 预算执行情况 block, when the form has one. */
  readonly budget: {
    readonly headerRow: number;
    readonly totalRow: number;
    readonly partRows: readonly number[];
    readonly columns: Readonly<Record<string, string>>;
    /** The block's 分值 from its header's label, when it has no 分值 cell. */
    readonly statedMax: number | null;
  } | null;
  /** Rows read as indicators (not-applicable rows are in skippedRows). */
  readonly indicatorRows: readonly number[];
  readonly skippedRows: ReadonlyArray<{
    readonly row: number;
    readonly reason: SkippedRowReason;
    readonly text: string;
  }>;
  /** The table's last row. */
  readonly lastRow: number;
}

/** A header that gave no form. */
export interface InspectedMiss {
  readonly sheet: string;
  readonly headerRows: readonly number[];
  readonly columns: readonly InspectedColumn[];
  readonly missing: ReadingMiss["missing"];
  /** What was found and what is missing, in Chinese (without the hint how to fix it). */
  readonly message: string;
}

export interface Inspection {
  readonly schemaVersion: 1;
  readonly file: string;
  readonly forms: readonly InspectedForm[];
  readonly misses: readonly InspectedMiss[];
  readonly columnMapErrors: ReadonlyArray<{ readonly entry: string; readonly message: string }>;
}

export interface InspectOptions extends DetectOptions {
  /** The file's base name, for the JSON. */
  readonly fileName?: string;
}

/** Reads a workbook as scoring would and describes how. Pure. */
export function inspectWorkbook(workbook: WorkbookGrid, options: InspectOptions = {}): Inspection {
  return describeReading(readWorkbook(workbook, options), options.fileName ?? "");
}

/** Describes a reading already made (scoreWorkbook's, so that the pane shows what was scored). */
export function describeReading(reading: WorkbookReading, fileName = ""): Inspection {
  return {
    schemaVersion: 1,
    file: fileName,
    forms: reading.forms.map(describeForm),
    misses: reading.misses.map(describeMiss),
    columnMapErrors: reading.columnMapErrors.map((error) => ({ ...error })),
  };
}

function describeColumn(decision: ColumnDecision): InspectedColumn {
  return {
    column: columnLetters(decision.column),
    role: decision.role,
    roleName: ROLE_LABELS[decision.role],
    header: decision.header,
    source: decision.source,
    reason: decision.reason,
  };
}

function rows(from: number, to: number): number[] {
  const list: number[] = [];
  for (let row = from; row <= to; row++) list.push(row);
  return list;
}

function describeForm(form: DetectedForm): InspectedForm {
  const table = form.table;
  const budget = form.budget;
  const budgetColumns: Record<string, string> = {};
  if (budget)
    for (const role of Object.keys(budget.columns) as Array<keyof typeof budget.columns>)
      budgetColumns[role] = columnLetters(budget.columns[role] as number);
  return {
    sheet: form.sheet,
    title: form.info.title,
    headerRows: rows(table.headerTop, table.headerBottom),
    columns: table.decisions.map(describeColumn),
    headerColumns: table.headerColumns.map((column) => ({
      column: columnLetters(column.column),
      header: column.header,
    })),
    ignoredColumns: table.ignoredColumns.map((column) => ({
      column: columnLetters(column.column),
      header: column.header,
      reason: column.reason,
    })),
    maxSource: table.maxSource,
    groupMaxima: table.groupMaxima.map((group) => ({
      path: group.path.slice(),
      max: group.max,
      cell: group.cell,
    })),
    budget: budget
      ? {
          headerRow: budget.headerRow,
          totalRow: budget.totalRow,
          partRows: budget.partRows.slice(),
          columns: budgetColumns,
          statedMax: budget.statedMax ? budget.statedMax.value : null,
        }
      : null,
    indicatorRows: table.indicators
      .filter((indicator) => !indicator.notApplicable)
      .map((indicator) => indicator.row),
    skippedRows: table.skippedRows.map((row) => ({ ...row })),
    lastRow: table.lastRow,
  };
}

const MISSING: Readonly<Record<ReadingMiss["missing"][number], string>> = {
  label: "没有指标名称列（一级指标、二级指标、三级指标或指标名称）",
  score: "没有得分列，也没有分值列",
  rows: "表头下没有指标行",
};

/** "工作表「自评表」：找到表头第12行（一级指标=B、…），但没有得分列，也没有分值列". */
export function missMessage(miss: ReadingMiss): string {
  const rowsText =
    miss.headerTop === miss.headerBottom
      ? "第" + miss.headerTop + "行"
      : "第" + miss.headerTop + "–" + miss.headerBottom + "行";
  const found =
    miss.found.length > 0
      ? "（" +
        miss.found
          .map((decision) => ROLE_LABELS[decision.role] + "=" + columnLetters(decision.column))
          .join("、") +
        "）"
      : "";
  return (
    "工作表「" +
    miss.sheet +
    "」：找到表头" +
    rowsText +
    found +
    "，但" +
    miss.missing.map((kind) => MISSING[kind]).join("，")
  );
}

function describeMiss(miss: ReadingMiss): InspectedMiss {
  return {
    sheet: miss.sheet,
    headerRows: rows(miss.headerTop, miss.headerBottom),
    columns: miss.found.map(describeColumn),
    missing: miss.missing.slice(),
    message: missMessage(miss),
  };
}
