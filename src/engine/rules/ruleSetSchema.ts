/**
 * Checks a finance bureau's own rule set before it is used (selfeval score --rules <file.json>),
 * and, in the test suite, the bundled ones. Only the CLI loads this, and only for a file: zod
 * stays out of every other run and out of the task pane's bundle.
 */
import { z } from "zod";
import { RULE_SET_IDS, resolveRuleSet } from "./ruleSets";
import type { RuleSet, RuleSetOverride } from "./ruleSet";

const text = z.string().min(1);
/** A rate or share, as a fraction: 0.8 is 80 %. */
const fraction = z.number().min(0).max(1);
/** How many times the target: 1.3 is 130 %. */
const times = z.number().min(1);

const ruleSource = z.object({ rule: text, says: text, where: text }).strict();

const ratingBands = z
  .array(z.object({ label: text, min: z.number().min(0) }).strict())
  .min(1)
  .refine((bands) => bands.every((b, i) => i === 0 || bands[i - 1].min > b.min), {
    message: "评级须按下限从高到低排列",
  })
  .refine((bands) => bands[bands.length - 1].min === 0, {
    message: "最后一档评级的下限须为0",
  });

const executionCaps = z.array(
  z.object({ below: fraction, max: z.number().min(0).max(100) }).strict()
);

const deviation = z.object({ atRatio: times, deduct: z.number().positive() }).strict();
const overCompletion = z
  .object({
    warnAtRatio: times.nullable(),
    reasonAtRatio: times.nullable(),
    reasonAtZeroTarget: z.number().positive().nullable(),
  })
  .strict();
const scoreAheadOfSpending = z.object({ margin: fraction }).strict();

const fields = {
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, "只能用字母、数字、- 和 _，最多40个字符"),
  name: text,
  description: text,
  sources: z.array(ruleSource),
  ratingBands,
  negativeFormula: z.enum(["ratio", "linear"]),
  rescaleNotApplicable: z.boolean(),
  flagEqualMismatch: z.boolean(),
  executionCaps,
  deviation: deviation.nullable(),
  overCompletion: overCompletion.nullable(),
  scoreAheadOfSpending: scoreAheadOfSpending.nullable(),
  budgetReasonBelow: fraction.nullable(),
  deductionColumn: z.boolean(),
};

/** A complete rule set: what the engine is given. */
export const ruleSetSchema = z.object(fields).strict();

/** What a file states: any key may be left out; objects may set only some of their keys. */
export const ruleSetOverrideSchema = z
  .object({
    extends: z.enum(RULE_SET_IDS).optional(),
    id: fields.id.optional(),
    name: fields.name.optional(),
    description: fields.description.optional(),
    sources: fields.sources.optional(),
    ratingBands: fields.ratingBands.optional(),
    negativeFormula: fields.negativeFormula.optional(),
    rescaleNotApplicable: fields.rescaleNotApplicable.optional(),
    flagEqualMismatch: fields.flagEqualMismatch.optional(),
    executionCaps: fields.executionCaps.optional(),
    deviation: deviation.partial().strict().nullable().optional(),
    overCompletion: overCompletion.partial().strict().nullable().optional(),
    scoreAheadOfSpending: scoreAheadOfSpending.partial().strict().nullable().optional(),
    budgetReasonBelow: fields.budgetReasonBelow.optional(),
    deductionColumn: fields.deductionColumn.optional(),
  })
  .strict();

/** A rule set file that cannot be used; the message is Chinese and names the key at fault. */
export class InvalidRuleSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidRuleSetError";
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const at = issue.path.map(String).join(".") || "（顶层）";
      if (issue.code === "unrecognized_keys") return at + " 有未知的键 " + issue.keys.join("、");
      if (issue.code === "invalid_value" && issue.path[0] === "extends")
        return "extends 只能是 " + RULE_SET_IDS.join("、");
      return at + " 格式不对（" + issue.message + "）";
    })
    .join("；");
}

/** Checks complete rule set data; throws InvalidRuleSetError naming what is wrong. */
export function checkRuleSet(data: unknown): RuleSet {
  const parsed = ruleSetSchema.safeParse(data);
  if (!parsed.success) throw new InvalidRuleSetError(describeIssues(parsed.error.issues));
  return parsed.data as RuleSet;
}

/**
 * Parses and checks a bureau's rule set file (its JSON text), merged over the bundled set it
 * extends. `fallbackId` (the file's base name) names it when the file gives no id.
 */
export function loadRuleSetFile(json: string, fallbackId: string): RuleSet {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new InvalidRuleSetError(
      "不是有效的 JSON：" + (error instanceof Error ? error.message : String(error))
    );
  }
  const parsed = ruleSetOverrideSchema.safeParse(data);
  if (!parsed.success) throw new InvalidRuleSetError(describeIssues(parsed.error.issues));
  const override = parsed.data as RuleSetOverride;
  const id =
    override.id !== undefined
      ? override.id
      : fallbackId.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 40) || "custom";
  const resolved = resolveRuleSet({
    ...override,
    id,
    name: override.name !== undefined ? override.name : id,
  });
  return checkRuleSet(resolved);
}
