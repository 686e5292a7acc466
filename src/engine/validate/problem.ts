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
      /** The 年度指标值 cell is blank, and the target is read from the end of the name. */
      readonly code: "target-in-name";
      readonly subject: string;
      /** As the name states it: "100%". */
      readonly target: string;
    }
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
      /** The 执行率 the sheet states contradicts 全年执行数 / 全年预算数 beside it. */
      readonly code: "rate-mismatch";
      /** Fractions. */
      readonly stated: number;
      readonly computed: number;
      readonly budget: number;
      readonly executed: number;
    }
  | {
      /** The table has no 自评得分 column, and scores stay undetermined for want of it. */
      readonly code: "score-column-missing";
      /** How many indicators' scores could not be determined. */
      readonly count: number;
      /** The first of them. */
      readonly subject: string;
    }
  | {
      /** The form states no 分值 anywhere: scored out of the profile's total, unchecked. */
      readonly code: "maxima-unknown";
      readonly totalMax: number;
    }
  | {
      /** The scores add up to more than the total's 满分. */
      readonly code: "total-exceeds-max";
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
    }
  // ---- from the rule set (applyRuleSet) ----
  | {
      readonly code: "execution-cap";
      /** 预算执行率, a fraction. */
      readonly rate: number;
      /** The most the rate allows. */
      readonly cap: number;
      /** The total before the cap. */
      readonly uncapped: number;
      readonly ruleSetName: string;
    }
  | {
      readonly code: "over-completion";
      readonly subject: string;
      readonly target: string;
      readonly actual: string;
      /** Actual over target (both in the target's unit); null where the target is 0. */
      readonly ratio: number | null;
      /** The set asks for a 偏差原因 at this completion. */
      readonly reasonRequired: boolean;
      readonly reasonGiven: boolean;
      readonly ruleSetName: string;
    }
  | {
      readonly code: "deviation-deducted";
      readonly subject: string;
      readonly target: string;
      readonly actual: string;
      readonly ratio: number;
      /** The rule set's bound: 1.3 is "30%及以上". */
      readonly atRatio: number;
      readonly deducted: number;
      readonly before: number;
      readonly after: number;
      readonly ruleSetName: string;
    }
  | {
      readonly code: "score-ahead-of-spending";
      /** The indicators' scores over their 分值, the budget line left out. */
      readonly scoreRate: number;
      readonly rate: number;
      readonly margin: number;
      readonly ruleSetName: string;
    }
  | {
      readonly code: "budget-reason-missing";
      readonly rate: number;
      readonly threshold: number;
      readonly ruleSetName: string;
    }
  | {
      /** A row marked 不适用 carries a score above 0, which is not counted. */
      readonly code: "not-applicable-scored";
      readonly subject: string;
      readonly score: number;
    }
  | {
      readonly code: "not-applicable";
      readonly subject: string;
      /** Whether the total was rescaled to 100 without it. */
      readonly rescaled: boolean;
    }
  | {
      readonly code: "equal-mismatch";
      readonly subject: string;
      readonly target: string;
      readonly actual: string;
      readonly ruleSetName: string;
    }
  | {
      readonly code: "deduction-applied";
      readonly subject: string;
      readonly deduction: number;
      readonly before: number;
      readonly after: number;
      readonly ruleSetName: string;
    };

export type ProblemCode = ProblemFacts["code"];

/** Each code's usual severity; see problemSeverity for the one exception. */
export const PROBLEM_SEVERITY: Readonly<Record<ProblemCode, Severity>> = {
  "missing-value": "error",
  "not-a-number": "error",
  "score-exceeds-max": "error",
  "group-score-exceeds-max": "error",
  "total-exceeds-max": "error",
  "maxima-unknown": "warning",
  "score-column-missing": "warning",
  "rate-mismatch": "warning",
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
  "execution-cap": "error",
  "over-completion": "warning",
  "deviation-deducted": "warning",
  "score-ahead-of-spending": "warning",
  "budget-reason-missing": "warning",
  "equal-mismatch": "warning",
  "not-applicable": "info",
  "target-in-name": "info",
  "not-applicable-scored": "warning",
  "deduction-applied": "info",
  "no-indicator-rows": "warning",
};

/**
 * A problem's severity: its code's, except an over-completion the rule set requires a 偏差原因
 * for and that has none, which is an error (广西: 偏差原因及整改措施必填).
 */
export function problemSeverity(facts: ProblemFacts): Severity {
  if (facts.code === "over-completion" && facts.reasonRequired && !facts.reasonGiven)
    return "error";
  return PROBLEM_SEVERITY[facts.code];
}

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
