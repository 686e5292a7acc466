import type { WorkbookGrid } from "../grid/types";
import type { ScoreResult } from "../scoreWorkbook";
import { buildNarrativeSheet } from "./buildNarrativeSheet";
import { buildResultsSheet } from "./buildResultsSheet";
import { mergeCellMarks } from "./cellMarks";
import { planOutputSheets } from "./planOutputSheets";
import { buildNarratives } from "../narrative/buildNarrative";
import type { NarrativeTemplateOverride } from "../narrative/narrativeTemplate";
import type { NarrativeDocument } from "../narrative/types";
import type { CellMark, Severity, WritePlan } from "./types";

const NOTE_PREFIX: Readonly<Record<Severity, string>> = {
  error: "【错误】",
  warning: "【警告】",
  info: "【提示】",
};

/**
 * One mark per problem cell, coloured by its gravest problem (error red, warning yellow, info
 * blue), its note listing them all.
 */
export function buildCellMarks(result: ScoreResult): CellMark[] {
  return mergeCellMarks(
    result.problems.map((problem) => ({
      sheet: problem.sheet,
      cell: problem.cell,
      severity: problem.severity,
      note: NOTE_PREFIX[problem.severity] + problem.message,
    }))
  );
}

export interface WritePlanOptions {
  /** A finance bureau's own narrative wording, merged over the built-in template. */
  readonly narrativeTemplate?: NarrativeTemplateOverride | null;
  /** The narratives, when the caller has built them already (for a .docx too). */
  readonly narratives?: readonly NarrativeDocument[];
}

/** Everything a host writes after a scoring run: the marks and the results and narrative sheets. */
export function buildWritePlan(
  result: ScoreResult,
  workbook: WorkbookGrid,
  options: WritePlanOptions = {}
): WritePlan {
  return {
    marks: buildCellMarks(result),
    sheets: planOutputSheets(workbook, [
      buildResultsSheet(result),
      buildNarrativeSheet(
        options.narratives ?? buildNarratives(result, options.narrativeTemplate ?? null)
      ),
    ]),
  };
}
