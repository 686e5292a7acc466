/**
 * One detected form scored and checked by its profile (the kind of form) and a bureau's rule
 * set. Each concern is a file of its own, every step taking the form's one context
 * (formContext.ts): the indicator rows (scoreIndicator.ts), the 预算执行率 line (scoreBudget.ts),
 * the rule set's post-pass (applyRuleSet.ts), every level's sub-score (buildGroups.ts), the
 * weights (checkWeights.ts), the sums the sheet states (checkTotals.ts) and its stated 评级
 * (statedRating.ts).
 */
import type { SheetGrid } from "../grid/types";
import { toA1 } from "../grid/address";
import type { DetectedForm } from "../detect/types";
import type { Profile } from "../rules/profile";
import { DEFAULT_RULE_SET } from "../rules/ruleSets";
import type { RuleSet } from "../rules/ruleSet";
import type { ReportForm, FormGroup, FormIndicator } from "../report/schema";
import { ProblemCollector } from "../validate/problemCollector";
import { applyRuleSet, type IndicatorMeasure, type RuleEffects } from "./applyRuleSet";
import { buildGroups, labelledTotalMaxima } from "./buildGroups";
import { checkTotals } from "./checkTotals";
import { checkScoreColumn, checkTotalMax } from "./checkScoreBasis";
import { checkGroupMaxima, checkWeightsTotal } from "./checkWeights";
import type { FormContext } from "./formContext";
import { indicatorMaxima } from "./labelMaxima";
import { scoreBudget } from "./scoreBudget";
import { notApplicableIndicator, scoreIndicator } from "./scoreIndicator";
import { checkStatedRating } from "./statedRating";

/** One form, scored and checked. */
export interface ScoredForm {
  readonly detected: DetectedForm;
  readonly profile: Profile;
  /** The bureau's rules it was scored by. */
  readonly ruleSet: RuleSet;
  /** What the rule set did: caps, rescaling, deviations… */
  readonly effects: RuleEffects;
  readonly summary: ReportForm;
  readonly groups: readonly FormGroup[];
  readonly indicators: readonly FormIndicator[];
  readonly problems: ProblemCollector;
}

/**
 * Scores one detected form by its profile (the kind of form) and a bureau's rule set, and
 * records every problem on its cell: each indicator, the 预算执行率 line, the sub-score of every
 * level, the total and the rating.
 */
export function scoreForm(
  sheet: SheetGrid,
  detected: DetectedForm,
  profile: Profile,
  ruleSet: RuleSet = DEFAULT_RULE_SET,
  index = 0
): ScoredForm {
  const form: FormContext = {
    sheet,
    detected,
    profile,
    ruleSet,
    problems: new ProblemCollector(sheet.name),
    index,
  };
  const { problems } = form;
  const table = detected.table;
  // Without a 分值 column, the labels' maxima: a first reading (problems dropped) tells which
  // scores were entered and which targets met, for what the labels let the engine infer.
  const byLabels = table.maxSource === "labels";
  const maxima = byLabels ? labelMaxima(form) : null;
  const measures: Array<IndicatorMeasure | null> = [];
  let applicableCount = 0;
  const scored = table.indicators.map((indicator) => {
    if (!indicator.notApplicable) {
      applicableCount++;
      return scoreIndicator(
        form,
        indicator,
        measures,
        maxima ? maxima.get(indicator.row) : undefined
      );
    }
    measures.push(null);
    return notApplicableIndicator(form, indicator);
  });
  const budget = detected.budget ? scoreBudget(form, detected.budget) : null;
  const ruled = applyRuleSet({
    ...form,
    indicators: scored,
    measures,
    budget,
    // A labels-only form's total weighs its labelled groups, not its indicators' (unknown) maxima;
    // a form that states no 分值 anywhere weighs what the profile's total leaves beside the
    // budget line (财预〔2020〕10号: 总分100分), never just the budget line's 10.
    indicatorMaxima: byLabels
      ? labelledTotalMaxima(table.groupMaxima, applicableOnly(scored))
      : table.maxSource === "none" && applicableCount > 0
        ? [Math.max(0, profile.totalMax - (budget && budget.max !== null ? budget.max : 0))]
        : undefined,
  });
  const indicators = ruled.indicators;
  // Rows that do not apply count in no score, maximum or completeness (buildGroups leaves them out).
  const groups = buildGroups(
    sheet.name,
    indicators,
    budget,
    byLabels ? table.groupMaxima : null,
    maxima
  );
  const { total, rating } = ruled;

  if (table.indicators.length === 0) {
    // Only a budget line was found under a header with no indicator row: the score says so.
    const first = table.decisions.length > 0 ? table.decisions[0].column : 1;
    problems.add(toA1(table.headerTop, first), {
      code: "no-indicator-rows",
      headerRow: table.headerTop,
    });
  }
  if (byLabels) checkGroupMaxima(form, applicableOnly(indicators));
  else checkWeightsTotal(form, indicators, budget);
  // The rows that do not apply matter to the totals' check only where the total was rescaled.
  const notApplicableRows = new Set<number>();
  if (total.unscaled !== undefined)
    for (let i = 0; i < indicators.length; i++)
      if (indicators[i].kind === "not-applicable") notApplicableRows.add(indicators[i].row);
  checkTotals(form, budget, total, notApplicableRows);
  checkTotalMax(form, total, indicators);
  checkScoreColumn(form, indicators);
  checkStatedRating(form, total.score, rating);

  const summary: ReportForm = {
    sheet: sheet.name,
    profile: profile.id,
    ruleSet: ruleSet.id,
    total,
    rating,
    budget,
    title: detected.info.title,
    year: detected.info.year,
    unitName: detected.info.unitName,
    projectName: detected.info.projectName,
  };
  return {
    detected,
    profile,
    ruleSet,
    effects: ruled.effects,
    summary,
    groups,
    indicators,
    problems,
  };
}

function applicableOnly(indicators: readonly FormIndicator[]): FormIndicator[] {
  return indicators.filter((indicator) => indicator.kind !== "not-applicable");
}

/** The maxima a labels-only form's labels give its indicators, from a first, silent reading. */
function labelMaxima(form: FormContext): ReturnType<typeof indicatorMaxima> {
  const silent: FormContext = { ...form, problems: new ProblemCollector(form.sheet.name, true) };
  const discarded: Array<IndicatorMeasure | null> = [];
  return indicatorMaxima(
    form.detected,
    form.detected.table.indicators.map((indicator) =>
      indicator.notApplicable
        ? notApplicableIndicator(silent, indicator)
        : scoreIndicator(silent, indicator, discarded)
    ),
    form.profile.tolerance
  );
}
