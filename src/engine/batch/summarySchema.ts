/**
 * The JSON summary of a batch (`selfeval batch --json`). Fields may be added, never renamed; bump
 * schemaVersion only for a breaking change. docs/summary.schema.json is generated from this (npm
 * run schema). Each form's numbers are those `selfeval score --json` reports for its file alone.
 */
import { z } from "zod";
import { PROFILE_IDS } from "../rules/profile";

const score = z.number().nullable();

export const summaryBudgetSchema = z.object({
  budget: z.number().nullable().describe("全年预算数, in `unit`"),
  executed: z.number().nullable().describe("全年执行数, in `unit`"),
  rate: z.number().nullable().describe("全年执行数 / 全年预算数, a fraction"),
  unit: z
    .enum(["万元", "元"])
    .nullable()
    .describe("The unit the form states its amounts in; null when it states none"),
});

export const summaryFormSchema = z.object({
  sheet: z.string(),
  title: z.string().nullable(),
  unitName: z.string().nullable(),
  projectName: z.string().nullable(),
  kind: z.enum(PROFILE_IDS).describe("project: 项目支出; department: 部门整体支出"),
  year: z.number().nullable(),
  budget: summaryBudgetSchema
    .nullable()
    .describe("The 项目资金 line, amounts as the form states them; null when the form has none"),
  total: z.object({
    score: score.describe("Sum of the scores known; null when none is"),
    max: z.number(),
    complete: z.boolean().describe("False when some score could not be determined"),
  }),
  rating: z.string().nullable(),
  statedTotal: score.describe("The 合计/总分 the sheet itself states, when a number"),
  statedRating: z
    .string()
    .nullable()
    .describe("The 评级 the sheet itself states (优/良/中/差 when it reads as one)"),
  errors: z.number().int().describe("Problems of severity error"),
  warnings: z.number().int().describe("Problems of severity warning"),
  alerts: z
    .array(z.string())
    .describe(
      "自评预警: the codes among execution-cap, over-completion, deviation-deducted, " +
        "score-ahead-of-spending, budget-reason-missing that the form raised, each once"
    ),
});

export const summaryFileSchema = z.object({
  file: z
    .string()
    .describe("Path relative to the folder given, or as given for a file named directly"),
  status: z.enum(["scored", "failed", "skipped"]),
  message: z.string().optional().describe("Why the file failed or was skipped, or a remark"),
  forms: z.array(summaryFormSchema),
});

export const summarySchema = z.object({
  schemaVersion: z.literal(1),
  files: z.array(summaryFileSchema),
  totals: z.object({
    files: z.number().int().describe("Files listed (workbooks and old-format workbooks)"),
    scored: z.number().int(),
    forms: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    ignored: z.number().int().describe("Files in the folders that are no spreadsheet"),
    byRating: z.record(z.string(), z.number().int()).describe("Forms per 评级"),
  }),
});

export type SummaryJson = z.infer<typeof summarySchema>;
export type SummaryFileJson = z.infer<typeof summaryFileSchema>;
export type SummaryFormJson = z.infer<typeof summaryFormSchema>;
