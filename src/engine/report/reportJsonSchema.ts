import { z } from "zod";
import { reportSchema } from "./schema";

/** The report's JSON Schema (draft 2020-12), as committed in docs/report.schema.json. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(reportSchema),
    title: "绩效自评助手 report (selfeval score --json)",
  };
}
