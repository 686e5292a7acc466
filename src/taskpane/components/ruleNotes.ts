import type { Report, RuleEffects } from "../../engine";
import type { TaskpaneStrings } from "../strings";
import { formatPoints } from "./formatPoints";

type ReportForm = Report["forms"][number];

/** A fraction as a finance officer reads a rate: 0.72 → "72%", 0.6543 → "65.43%". */
export function formatRate(fraction: number): string {
  return formatPoints(fraction * 100) + "%";
}

/**
 * What the rule set did to a form's total, in the pane's words, to show beside the total: the
 * 预算执行率 cap (whether it lowered the total or not) and the not-applicable indicators dropped
 * and rescaled. `effects` (the scored form's) gives the count and the applicable 分值; without it
 * only what the report's total says is shown.
 */
export function ruleNotes(
  form: ReportForm,
  effects: RuleEffects | null,
  strings: TaskpaneStrings
): string[] {
  const notes: string[] = [];
  const total = form.total;
  if (total.cap !== undefined) {
    const rate = effects && effects.cap ? effects.cap.rate : form.budget ? form.budget.rate : null;
    const rateText = rate === null ? "—" : formatRate(rate);
    notes.push(
      total.uncapped !== undefined
        ? strings.totalCapped(rateText, formatPoints(total.cap), formatPoints(total.uncapped))
        : strings.totalUnderCap(rateText, formatPoints(total.cap))
    );
  }
  if (effects && effects.notApplicable.length > 0) {
    const count = effects.notApplicable.length;
    notes.push(
      effects.rescaled
        ? strings.totalRescaled(
            count,
            formatPoints(effects.rescaled.applicableMax),
            effects.rescaled.unscaled === null ? null : formatPoints(effects.rescaled.unscaled)
          )
        : strings.notApplicableDropped(count)
    );
  }
  return notes;
}
