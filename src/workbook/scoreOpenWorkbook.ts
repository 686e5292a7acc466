import {
  buildWritePlan,
  type ColumnMapError,
  parseColumnMap,
  type ProfileId,
  type RuleSet,
  type ScoreResult,
  scoreWorkbook,
  type WorkbookGrid,
} from "../engine";
import type { WorkbookPort, WriteOutcome } from "./port";

export interface ScoreOpenWorkbookOptions {
  /** Force a profile for every form; absent: chosen per form from the table. */
  readonly profile?: ProfileId;
  /** The finance bureau's rules; absent: the national set (RULE_SETS.national). */
  readonly ruleSet?: RuleSet;
  /**
   * The user's column map as text ("分值=F,自评表!自评得分=H", what formatColumnMap writes and the
   * workbook's settings keep); absent or empty: every column detected.
   */
  readonly columnMap?: string;
  /** The file's name, for the report (browser mode); Excel leaves it empty. */
  readonly fileName?: string;
  /** Score only: write nothing back. */
  readonly readOnly?: boolean;
}

export interface ScoredOpenWorkbook {
  readonly result: ScoreResult;
  /**
   * Null when nothing was written: read-only, a workbook without any form, or a column map with
   * an entry that could not be read or applied.
   */
  readonly written: WriteOutcome | null;
  /** The workbook as read: the column map panel offers its header cells as choices. */
  readonly grid: WorkbookGrid;
  /**
   * Column map entries that could not be read or applied, each naming the entry as written. When
   * there is one nothing is written (as `selfeval --columns` writes nothing): the user asked for a
   * reading the tool could not make, and marks from another reading would mislead.
   */
  readonly columnMapErrors: readonly ColumnMapError[];
}

/**
 * The one scoring run every host shares (task pane, ribbon command, browser mode): read the
 * workbook through its port, score it by the chosen rules and column map, and write the marks and
 * sheets back. A workbook without a form is not written to. Port failures propagate as
 * WorkbookPortError.
 */
export async function scoreOpenWorkbook(
  port: WorkbookPort,
  options: ScoreOpenWorkbookOptions = {}
): Promise<ScoredOpenWorkbook> {
  const grid = await port.read();
  const parsed = parseColumnMap(options.columnMap ?? "");
  const result = scoreWorkbook(grid, {
    profile: options.profile,
    fileName: options.fileName,
    ruleSet: options.ruleSet,
    columnMap: parsed.map,
  });
  const columnMapErrors = parsed.errors.concat(result.reading.columnMapErrors);
  if (options.readOnly || result.forms.length === 0 || columnMapErrors.length > 0)
    return { result, written: null, grid, columnMapErrors };
  const written = await port.write(buildWritePlan(result, grid));
  return { result, written, grid, columnMapErrors };
}
