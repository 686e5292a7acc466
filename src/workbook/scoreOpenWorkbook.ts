import { scoreWorkbook, type ScoreResult } from "../engine/scoreWorkbook";
import { buildWritePlan } from "../engine/output/buildWritePlan";
import type { ProfileId } from "../engine/rules/profile";
import type { WorkbookPort, WriteOutcome } from "./port";

export interface ScoreOpenWorkbookOptions {
  /** Force a profile for every form; absent: chosen per form from the table. */
  readonly profile?: ProfileId;
  /** The file's name, for the report (browser mode); Excel leaves it empty. */
  readonly fileName?: string;
  /** Score only: write nothing back. */
  readonly readOnly?: boolean;
}

export interface ScoredOpenWorkbook {
  readonly result: ScoreResult;
  /** Null when nothing was written: read-only, or a workbook without any form. */
  readonly written: WriteOutcome | null;
}

/**
 * The one scoring run every host shares (task pane, ribbon command, browser mode): read the
 * workbook through its port, score it, and write the marks and sheets back. A workbook without
 * a form is not written to. Port failures propagate as WorkbookPortError.
 */
export async function scoreOpenWorkbook(
  port: WorkbookPort,
  options: ScoreOpenWorkbookOptions = {}
): Promise<ScoredOpenWorkbook> {
  const grid = await port.read();
  const result = scoreWorkbook(grid, { profile: options.profile, fileName: options.fileName });
  if (options.readOnly || result.forms.length === 0) return { result, written: null };
  const written = await port.write(buildWritePlan(result, grid));
  return { result, written };
}
