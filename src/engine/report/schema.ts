/**
 * The JSON report other tools read (`selfeval score --json`). Fields may be added, never renamed;
 * bump schemaVersion only for a breaking change. docs/report.schema.json is generated from this.
 */
import { z } from "zod";
import { PROFILE_IDS } from "../rules/profile";
import { INDICATOR_RULES } from "../rules/ruleSet";
import { PROBLEM_SEVERITY } from "../validate/problem";

const score = z.number().nullable();
const cellAddress = z.string().describe("A1 address");

export const scoreSourceSchema = z.enum(["entered", "computed"]).nullable();

export const totalSchema = z.object({
  score: score.describe(
    "Sum of the scores known — rescaled to `max` when indicators do not apply, capped when the 预算执行率 caps it; null when none is known"
  ),
  max: z.number().describe("100 when rescaled; otherwise the sum of the applicable 分值"),
  complete: z.boolean().describe("False when some score could not be determined"),
  unscaled: z
    .number()
    .optional()
    .describe(
      "The plain sum of the applicable scores, present when not-applicable indicators were dropped and the total rescaled"
    ),
  uncapped: z
    .number()
    .optional()
    .describe(
      "The total before the 预算执行率 cap, present when the cap lowered it (problem execution-cap)"
    ),
  cap: z
    .number()
    .optional()
    .describe(
      "The most the 预算执行率 allows by the rule set, present when the rate falls under a cap"
    ),
});

export const budgetSchema = z.object({
  sheet: z.string(),
  row: z.number().int().describe("1-based sheet row of 年度资金总额"),
  max: z.number().nullable(),
  amounts: z
    .object({
      initialBudget: z.number().nullable().describe("年初预算数 as stated, when a number"),
      budget: z.number().nullable().describe("全年预算数"),
      executed: z.number().nullable().describe("全年执行数"),
    })
    .describe(
      "The 年度资金总额 row's amounts, in the block's unit (`unit`; 万元 on the national form)"
    ),
  unit: z
    .enum(["万元", "元"])
    .nullable()
    .describe(
      "The unit the block states its amounts in (项目资金（万元）, 项目资金（元）); null when it states none, which the national form's 万元 is taken for"
    ),
  rate: z.number().nullable().describe("全年执行数 / 全年预算数, a fraction"),
  score,
  computedScore: score.describe("rate × 分值, capped; null when it cannot be computed"),
  scoreSource: scoreSourceSchema,
  rule: z.literal("budget").describe("The formula: 执行率 × 分值, capped at 分值"),
  cells: z.object({
    initialBudget: cellAddress.optional(),
    budget: cellAddress.optional(),
    executed: cellAddress.optional(),
    max: cellAddress.optional(),
    rate: cellAddress.optional(),
    score: cellAddress.optional(),
  }),
});

const formIndex = z.number().int().describe("Index of the form in `forms` this entry belongs to");

export const groupSchema = z.object({
  form: formIndex,
  sheet: z.string(),
  path: z.array(z.string()),
  score,
  max: z.number(),
  complete: z.boolean(),
});

export const indicatorSchema = z.object({
  form: formIndex,
  sheet: z.string(),
  row: z.number().int(),
  path: z.array(z.string()).describe("Ancestors from the top level down"),
  name: z.string(),
  max: z.number().nullable(),
  target: z.string().nullable(),
  actual: z.string().nullable(),
  score,
  computedScore: score,
  scoreSource: scoreSourceSchema,
  cells: z.object({
    name: cellAddress.optional(),
    max: cellAddress.optional(),
    target: cellAddress.optional(),
    actual: cellAddress.optional(),
    score: cellAddress.optional(),
    reason: cellAddress.optional(),
  }),
  reason: z.string().nullable().describe("偏差原因分析及改进措施 as written"),
  kind: z
    .enum(["quantitative", "qualitative", "not-applicable"])
    .nullable()
    .describe(
      "not-applicable: the row says the indicator does not apply (/, —, 不适用 as its target, actual or 分值, no score); it counts in no score or maximum"
    ),
  rule: z
    .enum(INDICATOR_RULES)
    .nullable()
    .describe(
      "The formula applied: positive, negative-ratio, negative-linear, equal, zero-target, qualitative, budget, not-applicable; null when the target is blank or unreadable"
    ),
  targetMet: z.boolean().nullable(),
});

export const problemSchema = z.object({
  form: formIndex,
  code: z
    .string()
    .describe(
      "One of: " +
        Object.keys(PROBLEM_SEVERITY).join(", ") +
        " (docs/rule-sets.md for those a rule set raises)"
    ),
  severity: z
    .enum(["error", "warning", "info"])
    .describe("error: exit code 1; warning: to check; info: what a rule did"),
  sheet: z.string(),
  cell: cellAddress,
  message: z.string(),
});

export const ratingSchema = z
  .string()
  .nullable()
  .describe("A label of the rule set's rating bands: 优/良/中/差 under national");

export const formSchema = z.object({
  sheet: z.string(),
  profile: z.enum(PROFILE_IDS),
  ruleSet: z.string().describe("The id of the rule set the form was scored by"),
  total: totalSchema,
  rating: ratingSchema,
  budget: budgetSchema.nullable(),
  title: z.string().nullable(),
  year: z.number().nullable(),
  unitName: z.string().nullable(),
  projectName: z.string().nullable(),
});

export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  file: z.string(),
  profile: z.enum(["project", "department", "mixed"]),
  ruleSet: z
    .string()
    .describe("The id of the rule set every form was scored by (national by default)"),
  total: totalSchema.nullable(),
  rating: ratingSchema,
  budget: budgetSchema.nullable(),
  groups: z.array(groupSchema),
  indicators: z.array(indicatorSchema),
  problems: z.array(problemSchema),
  forms: z.array(formSchema),
});

export type ScoreSource = z.infer<typeof scoreSourceSchema>;
export type ReportTotal = z.infer<typeof totalSchema>;
export type ReportBudget = z.infer<typeof budgetSchema>;
export type ReportGroup = z.infer<typeof groupSchema>;
export type ReportIndicator = z.infer<typeof indicatorSchema>;
/** A group as one form knows it, before the report numbers the forms. */
export type FormGroup = Omit<ReportGroup, "form">;
/**
 * An indicator as its form holds it: the report's own entry, made with its form's index when the
 * form is scored, so that the report lists the same 20,000 objects instead of copies of them.
 */
export type FormIndicator = ReportIndicator;
export type ReportProblem = z.infer<typeof problemSchema>;
export type ReportForm = z.infer<typeof formSchema>;
export type Report = z.infer<typeof reportSchema>;
