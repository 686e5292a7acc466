/** BatchForm and BatchFile values for the batch model's tests: only what a test sets differs. */
import type { BatchFile, BatchForm } from "../../../src/engine/batch/types";

export function batchForm(over: Partial<BatchForm> = {}): BatchForm {
  return {
    sheet: "项目自评表",
    title: "项目支出绩效自评表",
    unitName: "某区教育局",
    projectName: "校园安全工程",
    kind: "project",
    year: 2024,
    budget: { budget: 100, executed: 95, rate: 0.95, unit: "万元" },
    total: { score: 92, max: 100, complete: true },
    rating: "优",
    statedTotal: null,
    statedRating: null,
    errors: 0,
    warnings: 0,
    notices: 0,
    alerts: [],
    problemCounts: {},
    mainProblems: [],
    ...over,
  };
}

export function batchFile(
  file: string,
  forms: BatchForm[],
  over: Partial<BatchFile> = {}
): BatchFile {
  return { file, status: "scored", notes: [], forms, problems: [], scoredCopy: null, ...over };
}
