/**
 * The JSON report other tools read (`selfeval score --json`). Fields may be added, never renamed;
 * bump schemaVersion only for a breaking change. docs/report.schema.json is generated from this.
 */
import { z } from "zod";
import { PROFILE_IDS, RATINGS } from "../rules/profile";

const score = z.number().nullable();
const cellAddress = z.string().describe("A1 address");

export const scoreSourceSchema = z.enum(["entered", "computed"]).nullable();

export const totalSchema = z.object({
  score: score.describe("Sum of the scores known; null when none is"),
  max: z.number(),
  complete: z.boolean().describe("False when some score could not be determined"),
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
    .describe("The 年度资金总额 row's amounts, in the block's unit (万元 on the national form)"),
  rate: z.number().nullable().describe("全年执行数 / 全年预算数, a fraction"),
  score,
  computedScore: score.describe("rate × 分值, capped; null when it cannot be computed"),
  scoreSource: scoreSourceSchema,
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
  targetMet: z.boolean().nullable(),
});

export const problemSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  sheet: z.string(),
  cell: cellAddress,
  message: z.string(),
});

export const ratingSchema = z.enum(RATINGS).nullable();

export const formSchema = z.object({
  sheet: z.string(),
  profile: z.enum(PROFILE_IDS),
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
/** A group or indicator as one form knows it, before the report numbers the forms. */
export type FormGroup = Omit<ReportGroup, "form">;
export type FormIndicator = Omit<ReportIndicator, "form">;
export type ReportProblem = z.infer<typeof problemSchema>;
export type ReportForm = z.infer<typeof formSchema>;
export type Report = z.infer<typeof reportSchema>;
