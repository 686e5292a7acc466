/**
 * An indicator's 年度指标值 as the sheet states it: one cell, or 指标性质 + 指标值 + 度量单位
 * split over three (云南, 四川), with the operator a name may carry ("仓储用房（≥**平方米）").
 */
import { toA1 } from "../grid/address";
import type { GridCell } from "../grid/types";
import type { DetectedIndicator } from "../detect/types";
import { parseCell, parseText, type ParsedValue } from "../values/parseValue";
import { normaliseText } from "../values/normaliseText";
import { operatorInName } from "../values/operatorInName";
import type { FormContext } from "./formContext";
import { flagFormula, textAt } from "./readCells";

// A 指标性质 that states a direction, not an operator: 正向 is "at least", 反向 "at most"
// (财预〔2020〕10号 附1 评分说明: 正向指标 / 反向指标); 定量/定性 say nothing of it.
const DIRECTIONS: Readonly<Record<string, string>> = {
  正向: "≥",
  正向指标: "≥",
  反向: "≤",
  反向指标: "≤",
  定量: "",
  定量指标: "",
  定性: "",
  定性指标: "",
};

/**
 * The target as the sheet states it, joining 指标性质 + 指标值 + 度量单位 when split; `toRead`
 * writes a direction (正向/反向) as the operator it means, for parsing.
 */
export function targetText(form: FormContext, row: number, toRead = false): string {
  const { sheet } = form;
  const columns = form.detected.table.columns;
  const statedNature = textAt(sheet, row, columns.nature);
  const direction = toRead ? DIRECTIONS[normaliseText(statedNature)] : undefined;
  const nature = direction !== undefined ? direction : statedNature;
  const value = textAt(sheet, row, columns.target);
  let unit = textAt(sheet, row, columns.unit);
  // A value cell formatted "95%" beside a 度量单位 of "%" states the unit once, not twice.
  if (
    unit !== "" &&
    normaliseText(value).slice(-normaliseText(unit).length) === normaliseText(unit)
  )
    unit = "";
  return (nature + value + unit).trim();
}

/** The cell a problem with the target is shown on: 指标值, else 指标性质. */
export function targetCellAddress(form: FormContext, row: number): string | undefined {
  const columns = form.detected.table.columns;
  const column = columns.target ?? columns.nature;
  return column === undefined ? undefined : toA1(row, column);
}

/**
 * The target parsed for scoring; a failed or uncalculated formula is a problem on its cell.
 * `valueCell` is the row's 指标值 cell (undefined when blank or when the table has no such column).
 */
export function parseTarget(
  form: FormContext,
  indicator: DetectedIndicator,
  valueCell: GridCell | undefined
): ParsedValue {
  const { problems } = form;
  const row = indicator.row;
  const columns = form.detected.table.columns;
  flagFormula(valueCell, problems);
  let target: ParsedValue;
  if (columns.nature === undefined && columns.unit === undefined) target = parseCell(valueCell);
  else {
    // Split layout (指标性质 + 指标值 + 度量单位): read the three as the one target they state.
    const value = parseCell(valueCell);
    if (value.kind === "empty" || value.kind === "error") return value;
    target = parseText(targetText(form, row, true));
  }
  // A bare number under a name that states the operator ("仓储用房（≥**平方米）" | 500).
  if (target.kind === "number" && target.comparator === null && target.unit === null) {
    const stated = target.percent ? null : operatorInName(indicator.name);
    if (stated)
      return {
        kind: "number",
        value: stated.percent && Math.abs(target.value) > 1.5 ? target.value / 100 : target.value,
        percent: stated.percent,
        unit: stated.unit,
        comparator: stated.comparator,
      };
  }
  return target;
}

/** "按要求公开" against "按要求公开", or "已建立" against "建立": the actual says the target was done. */
export function restatesTarget(actual: string, target: string): boolean {
  const done = normaliseText(actual).replace(/^(已|已经|均已|全部)/, "");
  return done !== "" && done === normaliseText(target);
}
