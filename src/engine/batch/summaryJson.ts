import { fileNoteText } from "./batchMessages";
import type { SummaryFileJson, SummaryFormJson, SummaryJson } from "./summarySchema";
import type { BatchForm, BatchSummary } from "./types";

function formJson(form: BatchForm): SummaryFormJson {
  return {
    sheet: form.sheet,
    title: form.title,
    unitName: form.unitName,
    projectName: form.projectName,
    kind: form.kind as SummaryFormJson["kind"],
    year: form.year,
    budget: form.budget
      ? {
          budget: form.budget.budget,
          executed: form.budget.executed,
          rate: form.budget.rate,
          unit: form.budget.unit,
        }
      : null,
    total: { score: form.total.score, max: form.total.max, complete: form.total.complete },
    rating: form.rating,
    statedTotal: form.statedTotal,
    statedRating: form.statedRating,
    errors: form.errors,
    warnings: form.warnings,
    alerts: form.alerts.slice(),
  };
}

/** The batch as the JSON summary (docs/summary.schema.json) states it. */
export function summaryJson(summary: BatchSummary): SummaryJson {
  return {
    schemaVersion: 1,
    files: summary.files.map((file) => {
      const message = file.notes.map(fileNoteText).join("");
      const entry: SummaryFileJson = {
        file: file.file,
        status: file.status,
        ...(message !== "" ? { message } : {}),
        forms: file.forms.map(formJson),
      };
      return entry;
    }),
    totals: {
      files: summary.totals.files,
      scored: summary.totals.scored,
      forms: summary.totals.forms,
      failed: summary.totals.failed,
      skipped: summary.totals.skipped,
      ignored: summary.totals.ignored,
      byRating: { ...summary.totals.byRating },
    },
  };
}
