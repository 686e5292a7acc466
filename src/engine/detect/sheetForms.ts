/**
 * The forms on one sheet, top to bottom: each header that makes a table (tableAtHeader.ts) with
 * the 项目资金 block above it, the title facts around it and the text rows after it; the headers
 * that made none, with why.
 */
import type { SheetGrid } from "../grid/types";
import { parseCell } from "../values/parseValue";
import { budgetHeaderAt, readBudgetBlock } from "./budgetBlock";
import { headerBandAt } from "./findHeaders";
import { readFormInfo } from "./formInfo";
import { isFormOpening } from "./rowLabels";
import { SheetView, shortText } from "./sheetView";
import { readTableAt } from "./tableAtHeader";
import type {
  DetectedBudgetBlock,
  DetectedForm,
  DetectedIndicatorTable,
  IndicatorColumnRole,
  ReadingMiss,
  SkippedRow,
} from "./types";

interface FoundTable {
  table: DetectedIndicatorTable;
  budget: DetectedBudgetBlock | null;
  /** The first row after the previous form's table (1 for the first form). */
  searchFrom: number;
}

export interface SheetReading {
  forms: DetectedForm[];
  misses: ReadingMiss[];
  /** Mapped columns that lie outside the table they were applied to. */
  outside: Array<{ column: number; headerTop: number }>;
}

/** The forms on one sheet, top to bottom. */
export function readSheet(
  sheet: SheetGrid,
  fixed: Partial<Record<IndicatorColumnRole, number>>
): SheetReading {
  // Made for this reading and dropped with it: a view holds every cell's texts again (about
  // 15 MB for 20,000 indicators), which nothing needs once the forms are found.
  const view = new SheetView(sheet);
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
