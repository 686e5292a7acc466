/**
 * Problems are data: a code, a severity, the cell the user must act on, and the facts. Wording is
 * done apart (../messages), per language.
 */
import type { Severity } from "../output/types";

export type { Severity };

/** Which value of an indicator or budget line a problem is about. */
export type FieldName =
  "name" | "max" | "target" | "actual" | "score" | "budget" | "executed" | "initialBudget";

export type ProblemFacts =
  | {
      readonly code: "missing-value";
      readonly field: FieldName;
      readonly subject: string;
      /** For an empty score: why the engine could not compute one. */
      readonly because?: "qualitative" | "inputs-missing" | "budget-zero";
    }
  | {
      readonly code: "not-a-number";
      readonly field: FieldName;
      readonly subject: string;
      readonly text: string;
      readonly target?: string;
    }
  | {
      readonly code: "score-exceeds-max";
      readonly subject: string;
      readonly score: number;
      readonly max: number;
    }
  | {
      /** A labelled group's entered scores add up to more than the 分值 its label states. */
      readonly code: "group-score-exceeds-max";
      /** The group's path joined by "/". */
      readonly group: string;
      readonly score: number;
      readonly max: number;
    }
  | {
      /** The header has no indicator row under it: the form is scored on its budget line alone. */
      readonly code: "no-indicator-rows";
      readonly headerRow: number;
    }
  | {
      readonly code: "negative-value";
      readonly field: FieldName;
      readonly subject: string;
      readonly value: number;
    }
  | { readonly code: "formula-error"; readonly error: string; readonly formula: string | null }
  | { readonly code: "formula-not-calculated"; readonly formula: string }
  | {
      readonly code: "total-mismatch";
      /** 合计, 小计 产出指标, 年度资金总额 … */
      readonly label: string;
      readonly field: FieldName;
      readonly stated: number;
      readonly sum: number;
      /** How many of the parts are numbers stored as text (a SUM skips those). */
      readonly partsStoredAsText: number;
    }
  | { readonly code: "weights-total"; readonly sum: number; readonly expected: number }
  | {
      readonly code: "reason-missing";
      readonly subject: string;
      readonly score: number | null;
      readonly max: number | null;
      readonly targetMissed: boolean;
    }
  | {
      readonly code: "score-differs";
      readonly subject: string;
      readonly entered: number;
      readonly computed: number;
    }
  | {
      readonly code: "grade-band";
      readonly subject: string;
      readonly grade: "achieved" | "partial" | "notAchieved";
      readonly score: number;
      readonly low: number;
      readonly high: number;
    }
  | {
      readonly code: "unit-mismatch";
      readonly subject: string;
      readonly targetUnit: string;
      readonly actualUnit: string;
    }
  | {
      readonly code: "rating-mismatch";
      readonly stated: string;
      readonly computed: string;
      readonly total: number;
    };

export type ProblemCode = ProblemFacts["code"];

export const PROBLEM_SEVERITY: Readonly<Record<ProblemCode, Severity>> = {
  "missing-value": "error",
  "not-a-number": "error",
  "score-exceeds-max": "error",
  "group-score-exceeds-max": "error",
  "negative-value": "error",
  "formula-error": "error",
  "total-mismatch": "error",
  "weights-total": "error",
  "formula-not-calculated": "warning",
  "reason-missing": "warning",
  "score-differs": "warning",
  "grade-band": "warning",
  "unit-mismatch": "warning",
  "rating-mismatch": "warning",
  "no-indicator-rows": "warning",
};

export interface Problem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address of the cell the user must act on. */
  readonly cell: string;
  readonly facts: ProblemFacts;
  /** Chinese by default; see formatProblem for other languages. */
  readonly message: string;
}
