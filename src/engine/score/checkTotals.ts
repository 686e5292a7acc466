/**
 * The sums a sheet states, checked against their parts as the sheet holds them: 合计/总分 and
 * 小计 rows over the indicators' 分值 and 得分, and 年度资金总额 over its 其中 rows.
 */
import type { GridCell, SheetGrid } from "../grid/types";
import { totalLabelKind } from "../detect/rowLabels";
import { parseCell } from "../values/parseValue";
import { normaliseText } from "../values/normaliseText";
import { oneLine } from "../values/oneLine";
import { toA1 } from "../grid/address";
import type { ReportBudget, ReportTotal } from "../report/schema";
import type { FieldName } from "../validate/problem";
import type { FormContext } from "./formContext";
import { flagFormula, textAt } from "./readCells";
import { round2, sum2 } from "./round";

interface StatedNumber {
  value: number;
  storedAsText: boolean;
}

function statedNumber(cell: GridCell | undefined): StatedNumber | null {
  const parsed = parseCell(cell);
  if (parsed.kind !== "number") return null;
  return { value: parsed.value, storedAsText: !!cell && typeof cell.value === "string" };
}

function exactSum(values: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return exact(total);
}

// Money keeps every decimal it was typed with, to 12 significant digits.
function exact(total: number): number {
  return Number(total.toPrecision(12));
}

/** One stated sum and the cells it should add up. */
interface StatedTotal {
  readonly row: number;
  readonly column: number;
  /** The rows of the cells it adds up, in that column. */
  readonly partRows: readonly number[];
  /** The 预算执行率 line's cell, which a form's 总分 may hold with the indicators. */
  readonly budgetLine: GridCell | undefined;
  /** The row's label, as the problem names it. */
  readonly label: string;
  readonly field: FieldName;
  /** Another figure the sum may state instead of the parts' sum (the total out of 100, rescaled). */
  readonly rescaled?: number;
}

function checkTotal(form: FormContext, total: StatedTotal): void {
  const { sheet, problems } = form;
  const { field } = total;
  const stated = sheet.cell(total.row, total.column);
  flagFormula(stated, problems);
  const statedValue = statedNumber(stated);
  if (!stated || statedValue === null) return;
  // Scores carry 2 decimals; money keeps every decimal it was typed with (89.974 万元).
  const isMoney = field === "initialBudget" || field === "budget" || field === "executed";
  const add = isMoney ? exactSum : sum2;
  const tolerance = isMoney ? 1e-6 * Math.max(1, Math.abs(statedValue.value)) : 0.005;
  // The parts added in their order, as exactSum and sum2 add them, without a reading per cell
  // (a 合计 over 20,000 rows).
  let partsSum = 0;
  let partsStoredAsText = 0;
  for (let i = 0; i < total.partRows.length; i++) {
    const cell = sheet.cell(total.partRows[i], total.column);
    if (!cell) continue;
    if (typeof cell.value === "number") {
      partsSum += cell.value;
      continue;
    }
    const parsed = parseCell(cell);
    if (parsed.kind !== "number") continue;
    partsSum += parsed.value;
    if (typeof cell.value === "string") partsStoredAsText++;
  }
  const sum = isMoney ? exact(partsSum) : round2(partsSum);
  // The form's 总分 holds the 预算执行率 line with the indicators (财预〔2020〕10号 附1: 总分 100 =
  // 预算执行率 10 + 指标 90): with a budget line, the parts are the indicators and that line.
  const extra = statedNumber(total.budgetLine);
  const sums = extra ? [add([sum, extra.value])] : [sum];
  if (total.rescaled !== undefined) sums.push(total.rescaled);
  if (sums.some((candidate) => Math.abs(candidate - statedValue.value) <= tolerance)) return;
  const closest = sums[0];
  problems.add(stated.address, {
    code: "total-mismatch",
    label: total.label,
    field,
    stated: statedValue.value,
    sum: closest,
    partsStoredAsText: partsStoredAsText + (extra && extra.storedAsText ? 1 : 0),
  });
}

/**
 * 合计/总分 and 小计 rows, and 年度资金总额 against its 其中 rows, as the sheet holds them. Where
 * rows do not apply and the total is rescaled (用适用指标得分汇总后按百分制折算), the 总分 row may
 * state the rescaled figures instead: 分值 out of the total, 得分 as rescaled.
 */
export function checkTotals(
  form: FormContext,
  budget: ReportBudget | null,
  total: ReportTotal,
  notApplicableRows: ReadonlySet<number>
): void {
  const { sheet, detected, problems } = form;
  const table = detected.table;
  const overall = total;
  // Each indicator's path as labels compare, made once for all 小计 rows.
  let normalisedPaths: string[][] | null = null;
  for (const total of table.totalRows) {
    let memberRows: number[];
    let notApplicableMember = false;
    if (total.path.length === 0) {
      memberRows = table.indicators.map((indicator) => indicator.row);
    } else {
      const paths = normalisedPaths ?? (normalisedPaths = normalisedIndicatorPaths(table));
      const names = total.path.map(normaliseText);
      memberRows = [];
      for (let i = 0; i < paths.length; i++)
        if (isPrefix(names, paths[i])) memberRows.push(table.indicators[i].row);
    }
    if (total.path.length === 0 && overall.unscaled !== undefined)
      for (let i = 0; i < memberRows.length && !notApplicableMember; i++)
        notApplicableMember = notApplicableRows.has(memberRows[i]);
    const label =
      total.path.length === 0 ? grandTotalLabel(sheet, total.row) : total.path.join("/") + "小计";
    for (const field of ["max", "score"] as const) {
      const column = table.columns[field];
      if (column === undefined) continue;
      // 分值 that do not add up to the profile's total are said once, by weights-total, on this cell.
      if (field === "max" && problems.has("weights-total", toA1(total.row, column))) continue;
      let budgetLine: GridCell | undefined;
      if (total.path.length === 0 && detected.budget && budget) {
        const budgetColumn = detected.budget.columns[field];
        if (budgetColumn !== undefined)
          budgetLine = sheet.cell(detected.budget.totalRow, budgetColumn);
      }
      const rescaled =
        total.path.length === 0 && overall.unscaled !== undefined && notApplicableMember
          ? field === "max"
            ? overall.max
            : (overall.score ?? undefined)
          : undefined;
      checkTotal(form, {
        row: total.row,
        column,
        partRows: memberRows,
        budgetLine,
        label,
        field,
        rescaled,
      });
    }
  }
  const block = detected.budget;
  if (block && block.partRows.length > 0) {
    const label =
      textAt(sheet, block.totalRow, firstLabelColumn(sheet, block.totalRow)) || "年度资金总额";
    for (const field of ["initialBudget", "budget", "executed"] as const) {
      const column = block.columns[field];
      if (column === undefined) continue;
      if (!block.partRows.some((row) => statedNumber(sheet.cell(row, column)) !== null)) continue;
      checkTotal(form, {
        row: block.totalRow,
        column,
        partRows: block.partRows,
        budgetLine: undefined,
        label,
        field,
      });
    }
  }
}

function normalisedIndicatorPaths(table: FormContext["detected"]["table"]): string[][] {
  return table.indicators.map((indicator) => indicator.path.map(normaliseText));
}

/** Whether a 小计 row's path (normalised) heads an indicator's (normalised). */
function isPrefix(names: readonly string[], path: readonly string[]): boolean {
  if (path.length < names.length) return false;
  for (let i = 0; i < names.length; i++) if (path[i] !== names[i]) return false;
  return true;
}

/** The 合计/总分 label of a grand total row, on one line ("总分" beside 其他需要说明事项 too). */
function grandTotalLabel(sheet: SheetGrid, row: number): string {
  for (const cell of sheet.cellsInRow(row)) {
    if (typeof cell.value === "string" && totalLabelKind(cell.value) === "grand")
      return oneLine(cell.value);
  }
  return textAt(sheet, row, firstLabelColumn(sheet, row)) || "合计";
}

function firstLabelColumn(sheet: SheetGrid, row: number): number {
  for (let column = 1; column <= Math.min(sheet.columnCount, 60); column++) {
    const cell = sheet.cell(row, column);
    if (cell && typeof cell.value === "string") return column;
  }
  return 1;
}
