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
import { sum2 } from "./round";

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
  for (const value of values) total += value;
  return Number(total.toPrecision(12));
}

/** One stated sum and the cells it should add up. */
interface StatedTotal {
  readonly row: number;
  readonly column: number;
  readonly parts: ReadonlyArray<GridCell | undefined>;
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
  const readings = total.parts.map(statedNumber).filter((n): n is StatedNumber => n !== null);
  // Scores carry 2 decimals; money keeps every decimal it was typed with (89.974 万元).
  const isMoney = field === "initialBudget" || field === "budget" || field === "executed";
  const add = isMoney ? exactSum : sum2;
  const tolerance = isMoney ? 1e-6 * Math.max(1, Math.abs(statedValue.value)) : 0.005;
  const sum = add(readings.map((n) => n.value));
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
    partsStoredAsText:
      readings.filter((n) => n.storedAsText).length + (extra && extra.storedAsText ? 1 : 0),
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
  for (const total of table.totalRows) {
    const members = table.indicators.filter((indicator) =>
      total.path.every(
        (name, i) =>
          indicator.path[i] !== undefined &&
          normaliseText(indicator.path[i]) === normaliseText(name)
      )
    );
    const label =
      total.path.length === 0 ? grandTotalLabel(sheet, total.row) : total.path.join("/") + "小计";
    for (const field of ["max", "score"] as const) {
      const column = table.columns[field];
      if (column === undefined) continue;
      // 分值 that do not add up to the profile's total are said once, by weights-total, on this cell.
      if (
        field === "max" &&
        problems
          .list()
          .some((p) => p.code === "weights-total" && p.cell === toA1(total.row, column))
      )
        continue;
      const parts = members.map((indicator) => sheet.cell(indicator.row, column));
      let budgetLine: GridCell | undefined;
      if (total.path.length === 0 && detected.budget && budget) {
        const budgetColumn = detected.budget.columns[field];
        if (budgetColumn !== undefined)
          budgetLine = sheet.cell(detected.budget.totalRow, budgetColumn);
      }
      const rescaled =
        total.path.length === 0 &&
        overall.unscaled !== undefined &&
        members.some((indicator) => notApplicableRows.has(indicator.row))
          ? field === "max"
            ? overall.max
            : (overall.score ?? undefined)
          : undefined;
      checkTotal(form, { row: total.row, column, parts, budgetLine, label, field, rescaled });
    }
  }
  const block = detected.budget;
  if (block && block.partRows.length > 0) {
    const label =
      textAt(sheet, block.totalRow, firstLabelColumn(sheet, block.totalRow)) || "年度资金总额";
    for (const field of ["initialBudget", "budget", "executed"] as const) {
      const column = block.columns[field];
      if (column === undefined) continue;
      const parts = block.partRows.map((row) => sheet.cell(row, column));
      if (!parts.some((cell) => statedNumber(cell) !== null)) continue;
      checkTotal(form, { row: block.totalRow, column, parts, budgetLine: undefined, label, field });
    }
  }
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
