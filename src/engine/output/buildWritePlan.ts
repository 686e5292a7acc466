import type { WorkbookGrid } from "../grid/types";
import type { ScoreResult } from "../scoreWorkbook";
import { buildNarrativeSheet } from "./buildNarrativeSheet";
import { buildResultsSheet } from "./buildResultsSheet";
import { fitCellText } from "./cellTextLimit";
import { planOutputSheets } from "./planOutputSheets";
import { buildNarratives } from "../narrative/buildNarrative";
import type { NarrativeTemplateOverride } from "../narrative/narrativeTemplate";
import type { NarrativeDocument } from "../narrative/types";
import type { CellMark, WritePlan } from "./types";

/** One mark per problem cell: red when any of its problems is an error, its note listing them all. */
export function buildCellMarks(result: ScoreResult): CellMark[] {
  const byCell = new Map<
    string,
    { sheet: string; cell: string; error: boolean; messages: string[] }
  >();
  for (const problem of result.problems) {
    const key = problem.sheet + "!" + problem.cell;
    let mark = byCell.get(key);
    if (!mark) {
      mark = { sheet: problem.sheet, cell: problem.cell, error: false, messages: [] };
      byCell.set(key, mark);
    }
    if (problem.severity === "error") mark.error = true;
    mark.messages.push((problem.severity === "error" ? "【错误】" : "【警告】") + problem.message);
  }
  return Array.from(byCell.values()).map((mark) => ({
    sheet: mark.sheet,
    cell: mark.cell,
    severity: mark.error ? "error" : "warning",
    // Excel keeps at most 32,767 characters in a note, as in a cell.
    note: fitCellText(mark.messages.join("\n")),
  }));
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
