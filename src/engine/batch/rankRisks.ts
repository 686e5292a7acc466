import { budgetInWan } from "./budgetAmount";
import type { BatchFile, BatchForm, RiskEntry, RiskFactor } from "./types";

/**
 * How much each signal weighs when forms are ranked for 抽查复核. Reviewers look first at forms
 * with errors, at the 一体化 system's 自评预警 (score against spending, caps, over-completion) and
 * at large budgets (rule-variants.md §4: 抽评 scope by budget size); the weights themselves are
 * this tool's choice — no published source ranks them — so they sit here as data.
 */
const WEIGHTS = {
  errorsBase: 10,
  perError: 2,
  errorsCounted: 10,
  alert: {
    "execution-cap": 12,
    "score-ahead-of-spending": 10,
    "over-completion": 4,
    "budget-reason-missing": 4,
    "deviation-deducted": 3,
  } as Readonly<Record<string, number>>,
  otherAlert: 4,
  perReasonMissing: 2,
  perScoreDisagreement: 2,
  countedUpTo: 5,
  statedTotalDiffers: 6,
  statedRatingDiffers: 6,
  incomplete: 4,
  lowExecution: 3,
  largeBudget: [
    { atLeastWan: 1000, weight: 4 },
    { atLeastWan: 500, weight: 2 },
  ],
} as const;

/** 四川 asks a reason for 预算执行率 below 90 % (rule-variants.md §2, 四川 template 510000_0013zp). */
const LOW_EXECUTION_RATE = 0.9;
/** A stated total off by less than half a cent is the same total, as the engine's checks allow. */
const TOTAL_TOLERANCE = 0.005;

const DISAGREEMENT_CODES = ["score-differs", "grade-band"];

function countOf(form: BatchForm, codes: readonly string[]): number {
  return codes.reduce((sum, code) => sum + (form.problemCounts[code] || 0), 0);
}

/** The reasons to look at one form, each with its weight. */
export function riskFactorsOf(form: BatchForm): Array<{ factor: RiskFactor; weight: number }> {
  const found: Array<{ factor: RiskFactor; weight: number }> = [];
  if (form.errors > 0)
    found.push({
      factor: { code: "errors", count: form.errors },
      weight: WEIGHTS.errorsBase + WEIGHTS.perError * Math.min(form.errors, WEIGHTS.errorsCounted),
    });
  for (const alert of form.alerts) {
    const weight = WEIGHTS.alert[alert];
    found.push({
      factor: { code: "alert", alert, count: form.problemCounts[alert] || 1 },
      weight: weight === undefined ? WEIGHTS.otherAlert : weight,
    });
  }
  const missing = countOf(form, ["reason-missing"]);
  if (missing > 0)
    found.push({
      factor: { code: "reasons-missing", count: missing },
      weight: WEIGHTS.perReasonMissing * Math.min(missing, WEIGHTS.countedUpTo),
    });
  const disagreeing = countOf(form, DISAGREEMENT_CODES);
  if (disagreeing > 0)
    found.push({
      factor: { code: "scores-disagree", count: disagreeing },
      weight: WEIGHTS.perScoreDisagreement * Math.min(disagreeing, WEIGHTS.countedUpTo),
    });
  if (
    form.statedTotal !== null &&
    form.total.score !== null &&
    Math.abs(form.statedTotal - form.total.score) > TOTAL_TOLERANCE
  )
    found.push({
      factor: {
        code: "stated-total-differs",
        stated: form.statedTotal,
        computed: form.total.score,
      },
      weight: WEIGHTS.statedTotalDiffers,
    });
  if (form.statedRating !== null && form.rating !== null && form.statedRating !== form.rating)
    found.push({
      factor: { code: "stated-rating-differs", stated: form.statedRating, computed: form.rating },
      weight: WEIGHTS.statedRatingDiffers,
    });
  if (!form.total.complete)
    found.push({ factor: { code: "incomplete" }, weight: WEIGHTS.incomplete });
  if (form.budget && form.budget.rate !== null && form.budget.rate < LOW_EXECUTION_RATE)
    found.push({
      factor: { code: "low-execution", rate: form.budget.rate },
      weight: WEIGHTS.lowExecution,
    });
  const amount = budgetInWan(form.budget);
  if (amount !== null) {
    const band = WEIGHTS.largeBudget.find((entry) => amount >= entry.atLeastWan);
    if (band)
      found.push({ factor: { code: "large-budget", amountWan: amount }, weight: band.weight });
  }
  return found;
}

/**
 * Every scored form, the one most worth a closer look first: by risk, then by budget (larger
 * first), then in file order. Forms with no signal come last with no factors.
 */
export function rankRisks(files: readonly BatchFile[]): RiskEntry[] {
  const entries: Array<RiskEntry & { order: number; amount: number }> = [];
  files.forEach((file, fileIndex) => {
    file.forms.forEach((form, formIndex) => {
      const found = riskFactorsOf(form);
      found.sort((a, b) => b.weight - a.weight);
      entries.push({
        file: fileIndex,
        form: formIndex,
        score: found.reduce((sum, entry) => sum + entry.weight, 0),
        factors: found.map((entry) => entry.factor),
        order: entries.length,
        amount: budgetInWan(form.budget) ?? -1,
      });
    });
  });
  entries.sort((a, b) => b.score - a.score || b.amount - a.amount || a.order - b.order);
  return entries.map((entry) => ({
    file: entry.file,
    form: entry.form,
    score: entry.score,
    factors: entry.factors,
  }));
}
