/**
 * Reading the numbers a form states, each unusable one recorded as a problem on its cell: the
 * one place a cell becomes a number for scoring.
 */
import type { GridCell, SheetGrid } from "../grid/types";
import { toA1 } from "../grid/address";
import { cellText } from "../detect/sheetView";
import { parseCell, type ParsedValue } from "../values/parseValue";
import type { FieldName } from "../validate/problem";
import type { ProblemCollector } from "../validate/problemCollector";
import type { FormContext } from "./formContext";
import { round2 } from "./round";

export interface NumberReading {
  /** The number, or null when blank, not a number or an error (a problem was recorded). */
  readonly value: number | null;
  readonly parsed: ParsedValue;
}

/** A cell to read as a number, and what it is for (the problem names both). */
export interface NumberRequest {
  readonly row: number;
  /** Absent when the table has no such column: the reading is then empty, with no problem. */
  readonly column: number | undefined;
  readonly field: FieldName;
  /** The indicator (or 预算执行率) the cell belongs to. */
  readonly subject: string;
  /** A blank cell is a problem (missing-value). */
  readonly required: boolean;
  /** A negative number is a problem (negative-value). */
  readonly nonNegative: boolean;
}

export function readNumber(form: FormContext, request: NumberRequest): NumberReading {
  const { sheet, problems } = form;
  const { row, column, field, subject } = request;
  if (column === undefined) return { value: null, parsed: { kind: "empty" } };
  const cell = sheet.cell(row, column);
  const address = toA1(row, column);
  flagFormula(cell, problems);
  const parsed = parseCell(cell);
  switch (parsed.kind) {
    case "empty":
      if (request.required && !(cell && cell.formulaNotCalculated))
        problems.add(address, { code: "missing-value", field, subject });
      return { value: null, parsed };
    case "error":
      if (!cell || cell.formula === null)
        problems.add(address, { code: "formula-error", error: parsed.error, formula: null });
      return { value: null, parsed };
    case "words":
      problems.add(address, { code: "not-a-number", field, subject, text: cellText(cell).trim() });
      return { value: null, parsed };
    case "number":
      if (request.nonNegative && parsed.value < 0) {
        problems.add(address, { code: "negative-value", field, subject, value: parsed.value });
        return { value: null, parsed };
      }
      return { value: parsed.value, parsed };
  }
}

/** The 自评得分 cell of an indicator or of the 预算执行率 line, and what the rules give it. */
export interface ScoreRequest {
  readonly row: number;
  readonly column: number | undefined;
  readonly subject: string;
  /** Its 分值, when known. */
  readonly max: number | null;
  /** The score the rules compute, when they do: an entered score is checked against it. */
  readonly computed: number | null;
}

/**
 * The 自评得分 as entered, when it can be used: a number, not negative, not above 分值
 * (财预〔2020〕10号: 得分最高不能超过该指标分值), rounded to 2 decimals. An unusable one is a
 * problem on its cell, and so is one that differs from what the rules compute (score-differs).
 */
export function readEnteredScore(form: FormContext, request: ScoreRequest): NumberReading {
  const { row, column, subject, max, computed } = request;
  const entered = readNumber(form, {
    row,
    column,
    field: "score",
    subject,
    required: false,
    nonNegative: true,
  });
  if (entered.value === null || column === undefined) return entered;
  const cell = toA1(row, column);
  if (max !== null && entered.value > max + form.profile.tolerance) {
    form.problems.add(cell, { code: "score-exceeds-max", subject, score: entered.value, max });
    return { value: null, parsed: entered.parsed };
  }
  const value = round2(entered.value);
  if (computed !== null && Math.abs(value - computed) > form.profile.tolerance)
    form.problems.add(cell, { code: "score-differs", subject, entered: value, computed });
  return { value, parsed: entered.parsed };
}

/** Reports a cell whose formula failed or was never calculated. */
export function flagFormula(cell: GridCell | undefined, problems: ProblemCollector): void {
  if (!cell || cell.formula === null) return;
  if (cell.formulaNotCalculated)
    problems.add(cell.address, { code: "formula-not-calculated", formula: cell.formula });
  else if (cell.value !== null && typeof cell.value === "object")
    problems.add(cell.address, {
      code: "formula-error",
      error: cell.value.error,
      formula: cell.formula,
    });
}

/** A cell's text as shown, trimmed; "" for a column the table does not have. */
export function textAt(sheet: SheetGrid, row: number, column: number | undefined): string {
  if (column === undefined) return "";
  return cellText(sheet.cell(row, column)).trim();
}
