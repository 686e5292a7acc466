import { z } from "zod";
import { summarySchema } from "./summarySchema";

/** The batch summary's JSON Schema (draft 2020-12), as committed in docs/summary.schema.json. */
export function summaryJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(summarySchema),
    title: "绩效自评助手 batch summary (selfeval batch --json)",
  };
}
