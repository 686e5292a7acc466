import { applyRuleSet } from "../../src/engine/score/applyRuleSet";
import { buildGroups } from "../../src/engine/score/buildGroups";
import type { ScoredForm } from "../../src/engine/score/scoreForm";
import type { SheetGrid } from "../../src/engine/grid/types";
import { ProblemCollector } from "../../src/engine/validate/problemCollector";

/**
 * A scored form as it will be once table detection marks rows not applicable: the named
 * indicators arrive with kind "not-applicable" and no score, and the rule set's post-pass runs
 * on them (its other problems are not repeated: the form's measures are not kept).
 */
export function withNotApplicable(
  form: ScoredForm,
  sheet: SheetGrid,
  names: readonly string[]
): ScoredForm {
  const indicators = form.indicators.map((indicator) =>
    names.indexOf(indicator.name) >= 0
      ? {
          ...indicator,
          kind: "not-applicable" as const,
          score: null,
          computedScore: null,
          scoreSource: null,
          rule: null,
        }
      : indicator
  );
  const problems = new ProblemCollector(sheet.name);
  const ruled = applyRuleSet({
    sheet,
    detected: form.detected,
    profile: form.profile,
    ruleSet: form.ruleSet,
    index: form.indicators.length > 0 ? form.indicators[0].form : 0,
    indicators,
    measures: indicators.map(() => null),
    budget: form.summary.budget,
    problems,
  });
  return {
    ...form,
    indicators: ruled.indicators,
    effects: ruled.effects,
    groups: buildGroups(sheet.name, ruled.indicators, form.summary.budget),
    summary: { ...form.summary, total: ruled.total, rating: ruled.rating },
    problems,
  };
}
