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
  const { row, column } = request;
  if (column === undefined) return { value: null, parsed: { kind: "empty" } };
  const cell = form.sheet.cell(row, column);
  const value = checkedNumber(
    form.problems,
    cell,
    toA1(row, column),
    request.field,
    request.subject,
    request.required,
    request.nonNegative
  );
  return { value, parsed: parseCell(cell) };
}

/**
 * What readNumber does, for a cell already looked up at a known address: an indicator row reads
 * each of its cells once. Positional, so that 20,000 rows make no request objects; a stored
 * number is taken as it is, without a parsed reading made for it.
 */
export function checkedNumber(
  problems: ProblemCollector,
  cell: GridCell | undefined,
  address: string,
  field: FieldName,
  subject: string,
  required: boolean,
  nonNegative: boolean
): number | null {
  flagFormula(cell, problems);
  if (cell && typeof cell.value === "number") {
    // parseCell would read it as this number (its format tells only whether it is a percentage).
    if (nonNegative && cell.value < 0) {
      problems.add(address, { code: "negative-value", field, subject, value: cell.value });
      return null;
    }
    return cell.value;
  }
  const parsed = parseCell(cell);
  switch (parsed.kind) {
    case "empty":
      if (required && !(cell && cell.formulaNotCalculated))
        problems.add(address, { code: "missing-value", field, subject });
      return null;
    case "error":
      if (!cell || cell.formula === null)
        problems.add(address, { code: "formula-error", error: parsed.error, formula: null });
      return null;
    case "words":
      problems.add(address, { code: "not-a-number", field, subject, text: cellText(cell).trim() });
      return null;
    case "number":
      if (nonNegative && parsed.value < 0) {
        problems.add(address, { code: "negative-value", field, subject, value: parsed.value });
        return null;
      }
      return parsed.value;
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
  const { row, column } = request;
  if (column === undefined) return { value: null, parsed: { kind: "empty" } };
  const cell = form.sheet.cell(row, column);
  const value = checkedEnteredScore(
    form,
    cell,
    toA1(row, column),
    request.subject,
    request.max,
    request.computed
  );
  return { value, parsed: parseCell(cell) };
}

/** What readEnteredScore does, for a cell already looked up at a known address. */
export function checkedEnteredScore(
  form: FormContext,
  cell: GridCell | undefined,
  address: string,
  subject: string,
  max: number | null,
  computed: number | null
): number | null {
  const entered = checkedNumber(form.problems, cell, address, "score", subject, false, true);
  if (entered === null) return null;
  if (max !== null && entered > max + form.profile.tolerance) {
    form.problems.add(address, { code: "score-exceeds-max", subject, score: entered, max });
    return null;
  }
  const value = round2(entered);
  if (computed !== null && Math.abs(value - computed) > form.profile.tolerance)
    form.problems.add(address, { code: "score-differs", subject, entered: value, computed });
  return value;
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

/** Whether a cell reads as blank (parseCell's "empty"): none, no value, or a placeholder such as "—". */
export function readsBlank(cell: GridCell | undefined): boolean {
  return !cell || (typeof cell.value !== "number" && parseCell(cell).kind === "empty");
}

/** A cell's text as shown, trimmed; "" for a column the table does not have. */
export function textAt(sheet: SheetGrid, row: number, column: number | undefined): string {
  if (column === undefined) return "";
  return cellText(sheet.cell(row, column)).trim();
}
