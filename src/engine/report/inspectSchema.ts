/**
 * The JSON `selfeval inspect --json` writes: how the tool read each form. Fields may be added,
 * never renamed; bump schemaVersion only for a breaking change. docs/inspect.schema.json is
 * generated from this (npm run schema); inspectWorkbook builds the value.
 */
import { z } from "zod";
import type { Inspection } from "../detect/inspectWorkbook";

const ROLES = [
  "level1",
  "level2",
  "level3",
  "name",
  "nature",
  "target",
  "unit",
  "actual",
  "max",
  "score",
  "reason",
] as const;

const row = z.number().int().describe("Sheet row, counted from 1 as in the report");
const columnLetters = z.string().describe('Column letters, e.g. "F"');

export const inspectedColumnSchema = z.object({
  column: columnLetters,
  role: z.enum(ROLES),
  roleName: z.string().describe("The role as the national forms name the column: 分值, 自评得分…"),
  header: z
    .string()
    .describe("The column's header text on one line (two header rows joined by ' / ')"),
  source: z
    .enum(["header", "content", "map"])
    .describe("header: its header words; content: what the column holds decided; map: --columns"),
  reason: z.string().describe("Why, in Chinese"),
});

export const inspectedFormSchema = z.object({
  sheet: z.string(),
  title: z.string().nullable(),
  headerRows: z.array(row),
  columns: z.array(inspectedColumnSchema),
  headerColumns: z
    .array(z.object({ column: columnLetters, header: z.string() }))
    .describe("Every column under the header: the choices of a column map"),
  ignoredColumns: z.array(
    z.object({ column: columnLetters, header: z.string(), reason: z.string() })
  ),
  maxSource: z
    .enum(["column", "labels", "none"])
    .describe(
      "Where maxima come from: a 分值 column, the groups' labels (产出指标（40分）), or nowhere"
    ),
  groupMaxima: z.array(
    z.object({
      path: z.array(z.string()),
      max: z.number(),
      cell: z.string().describe("A1 address"),
    })
  ),
  budget: z
    .object({
      headerRow: row,
      totalRow: row,
      partRows: z.array(row),
      columns: z.record(z.string(), columnLetters),
      statedMax: z.number().nullable(),
    })
    .nullable(),
  indicatorRows: z
    .array(row)
    .describe("Rows read as indicators; not-applicable rows are skipped rows"),
  skippedRows: z.array(
    z.object({
      row,
      reason: z.enum([
        "template",
        "breakdown",
        "not-applicable",
        "total",
        "group",
        "header",
        "text",
      ]),
      text: z.string(),
    })
  ),
  lastRow: row,
});

export const inspectedMissSchema = z.object({
  sheet: z.string(),
  headerRows: z.array(row),
  columns: z.array(inspectedColumnSchema),
  missing: z.array(z.enum(["label", "score", "rows"])),
  message: z.string().describe("What was found and what is missing, in Chinese"),
});

export const inspectionSchema = z.object({
  schemaVersion: z.literal(1),
  file: z.string(),
  forms: z.array(inspectedFormSchema),
  misses: z.array(inspectedMissSchema).describe("Headers found that gave no form"),
  columnMapErrors: z.array(z.object({ entry: z.string(), message: z.string() })),
});

// The value inspectWorkbook builds is what this schema describes (checked by the compiler).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const INSPECTION_MATCHES_SCHEMA: Same<
  z.infer<typeof inspectionSchema>,
  DeepMutable<Inspection>
> = true;

type DeepMutable<T> =
  T extends ReadonlyArray<infer U>
    ? DeepMutable<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
      : T;

/** The inspection's JSON Schema (draft 2020-12), as committed in docs/inspect.schema.json. */
export function inspectJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(inspectionSchema),
    title: "绩效自评助手 inspection (selfeval inspect --json)",
  };
}
