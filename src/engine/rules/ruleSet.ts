/**
 * A rule set: the rules a finance bureau scores and reviews 绩效自评表 by, as data and apart from
 * the kind of form (the profile). The engine takes one as a value (ScoreOptions.ruleSet); the
 * bundled sets are JSON files under ruleSets/, each stating its sources. A bureau's own set is a
 * partial JSON file merged over a bundled one (see resolveRuleSet), checked by ruleSetSchema.
 */

/** One rating: totals from `min` (inclusive) up to the next band's `min` get `label`. */
export interface RatingBand {
  readonly label: string;
  readonly min: number;
}

/** Where a rule comes from: what the source says and where it says it. */
export interface RuleSource {
  /** The rule, in a few Chinese words ("预算执行率封顶"). */
  readonly rule: string;
  /** What the source says, quoted or closely paraphrased. */
  readonly says: string;
  /** The document, page or file, precise enough to find it again. */
  readonly where: string;
}

/** A total capped by the 预算执行率: a rate below `below` (a fraction) allows at most `max` points. */
export interface ExecutionCap {
  readonly below: number;
  readonly max: number;
}

export interface RuleSet {
  /** The id `--rules` takes: "national", "yitihua", a province's pinyin, or a bureau's own. */
  readonly id: string;
  /** What users read, e.g. "全国通用（财预〔2020〕10号）". */
  readonly name: string;
  /** One line: what the set adds to the one it extends. */
  readonly description: string;
  readonly sources: readonly RuleSource[];
  /** Highest first; the last starts at 0. @default 90/80/60 优/良/中/差 */
  readonly ratingBands: readonly RatingBand[];
  /**
   * A 反向 (≤) indicator that misses: "ratio" scores 指标值/实际值 × 分值 (the project's own
   * reading of 财预〔2020〕10号); "linear" scores (1 − (实际值 − 指标值)/指标值) × 分值, 0 from twice
   * the target. @default "ratio"
   */
  readonly negativeFormula: "ratio" | "linear";
  /** Indicators marked not applicable are dropped and the total is rescaled to 100. @default true */
  readonly rescaleNotApplicable: boolean;
  /** A 等于 (=) indicator whose actual is not its target is flagged (equal-mismatch). @default false */
  readonly flagEqualMismatch: boolean;
  /** Caps on a project's total by its 预算执行率, lowest rate first; none when empty. */
  readonly executionCaps: readonly ExecutionCap[];
  /**
   * 指标偏离: a positive or 等于 indicator whose actual reaches `atRatio` × its target loses
   * `deduct` points (never below 0). null: no such rule.
   */
  readonly deviation: { readonly atRatio: number; readonly deduct: number } | null;
  /**
   * Over-completion of a positive or 等于 indicator: at `warnAtRatio` × target a warning; at
   * `reasonAtRatio` × target (any quantitative indicator), or an actual of `reasonAtZeroTarget`
   * or more where the target is 0, a 偏差原因 is required (an error without one). Each part may be
   * null. null: no such check.
   */
  readonly overCompletion: {
    readonly warnAtRatio: number | null;
    readonly reasonAtRatio: number | null;
    readonly reasonAtZeroTarget: number | null;
  } | null;
  /**
   * 自评预警: the indicators' score rate (their scores over their 分值, the budget line left out)
   * ahead of the 预算执行率 by more than `margin`, relative to the score rate:
   * (得分率 − 执行率) / 得分率 > margin. null: no such check.
   */
  readonly scoreAheadOfSpending: { readonly margin: number } | null;
  /** A 预算执行率 below this (a fraction) must be explained in the budget block. null: never. */
  readonly budgetReasonBelow: number | null;
  /** A 扣分 column is subtracted from a quantitative indicator's score (never below 0). */
  readonly deductionColumn: boolean;
}

/** The formula that scored an indicator, as the report's `indicators[].rule` names it. */
export const INDICATOR_RULES = [
  "positive",
  "negative-ratio",
  "negative-linear",
  "equal",
  "zero-target",
  "qualitative",
  "budget",
  "not-applicable",
] as const;
export type IndicatorRule = (typeof INDICATOR_RULES)[number];

/** The keys a rule set may set, each documented on RuleSet; an override may set any of them. */
export const RULE_SET_KEYS: readonly (keyof RuleSet)[] = [
  "id",
  "name",
  "description",
  "sources",
  "ratingBands",
  "negativeFormula",
  "rescaleNotApplicable",
  "flagEqualMismatch",
  "executionCaps",
  "deviation",
  "overCompletion",
  "scoreAheadOfSpending",
  "budgetReasonBelow",
  "deductionColumn",
];

/**
 * A rule set as a file states it: what differs from the set it extends (national when
 * `extends` is absent). Sources add to the base's; every other key replaces the base's value,
 * except that objects (deviation, overCompletion, scoreAheadOfSpending) merge key by key.
 */
export type RuleSetOverride = { readonly extends?: string } & {
  readonly [K in keyof RuleSet]?: unknown;
};

/** The rating of a total by a rule set's bands (lower bounds inclusive: 90 → 优, 89.99 → 良). */
export function ratingByBands(total: number, bands: readonly RatingBand[]): string {
  for (const band of bands) {
    if (total >= band.min) return band.label;
  }
  return bands[bands.length - 1].label;
}

/**
 * The cap a 预算执行率 puts on the total, or null when the rate is not below any cap's bound.
 * A rate on a bound belongs to the band above it: 70 % falls in "70%至80%" (at most 89), since
 * the manual's "低于60%" leaves 60 % out of the band below.
 */
export function executionCapFor(rate: number, caps: readonly ExecutionCap[]): number | null {
  let cap: number | null = null;
  for (const entry of caps) {
    // 1e-9: a rate computed as 0.7999999999 from 79.99999999/100 is still below 0.8.
    if (rate < entry.below - 1e-9 && (cap === null || entry.max < cap)) cap = entry.max;
  }
  return cap;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Merges an override over a base set (no checking here: ruleSetSchema checks a file before it
 * gets this far, and the test suite checks the bundled ones).
 */
export function mergeRuleSet(base: RuleSet, override: RuleSetOverride): RuleSet {
  const merged: Record<string, unknown> = { ...(base as unknown as Record<string, unknown>) };
  Object.keys(override).forEach((key) => {
    if (key === "extends") return;
    const value = (override as Record<string, unknown>)[key];
    const current = merged[key];
    if (key === "sources" && Array.isArray(value) && Array.isArray(current))
      merged[key] = current.concat(value);
    else if (isPlainObject(value) && isPlainObject(current)) merged[key] = { ...current, ...value };
    else merged[key] = value;
  });
  return merged as unknown as RuleSet;
}
