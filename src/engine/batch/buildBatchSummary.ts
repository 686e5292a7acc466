import { batchStatistics } from "./batchStatistics";
import { rankRisks } from "./rankRisks";
import { DEFAULT_SAMPLE_PERCENT, sampleByBudgetBand } from "./sampleByBudgetBand";
import type { BatchFile, BatchSummary, BatchTotals } from "./types";

export interface BatchSummaryOptions {
  /** Files in the folders that are no spreadsheet; counted, not listed. */
  readonly ignored?: number;
  /** Percent of each budget band to draw for 抽查 (default 20). */
  readonly samplePercent?: number;
}

/** The totals line of a batch: files by status, forms, problems, forms by rating. */
export function batchTotals(files: readonly BatchFile[], ignored: number): BatchTotals {
  const byRating: Record<string, number> = {};
  let forms = 0;
  let errors = 0;
  let warnings = 0;
  for (const file of files)
    for (const form of file.forms) {
      forms++;
      errors += form.errors;
      warnings += form.warnings;
      if (form.rating !== null) byRating[form.rating] = (byRating[form.rating] || 0) + 1;
    }
  const count = (status: BatchFile["status"]) =>
    files.filter((file) => file.status === status).length;
  return {
    files: files.length,
    scored: count("scored"),
    failed: count("failed"),
    skipped: count("skipped"),
    ignored,
    forms,
    errors,
    warnings,
    byRating,
  };
}

/**
 * The whole review model of a batch, from its files in the order they are listed: totals, the
 * forms ranked for 抽查复核, a reproducible sample by budget band, and the statistics.
 */
export function buildBatchSummary(
  files: readonly BatchFile[],
  options: BatchSummaryOptions = {}
): BatchSummary {
  const percent =
    options.samplePercent === undefined ? DEFAULT_SAMPLE_PERCENT : options.samplePercent;
  return {
    files,
    totals: batchTotals(files, options.ignored ?? 0),
    risks: rankRisks(files),
    sample: sampleByBudgetBand(files, percent),
    statistics: batchStatistics(files),
  };
}

/**
 * The exit code a batch ends with: 0 when every file was scored and no form has an error, 1 when
 * a form has errors or a file failed or was skipped, 2 when nothing could be scored.
 */
export function batchExitCode(totals: BatchTotals): 0 | 1 | 2 {
  if (totals.scored === 0) return 2;
  if (totals.errors > 0 || totals.failed > 0 || totals.skipped > 0) return 1;
  return 0;
}
