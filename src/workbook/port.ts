/**
 * The workbook port: what the task pane and the ribbon command need from a workbook, whichever
 * host holds it (Excel through Office.js, or an .xlsx file in a plain browser). The engine only
 * ever sees the WorkbookGrid a port reads; the UI only ever calls these methods.
 */
import type { WorkbookGrid } from "../engine/grid/types";
import type { WritePlan } from "../engine/output/types";

/** What a write did, for the pane to report. */
export interface WriteOutcome {
  /** Cells highlighted. */
  readonly marked: number;
  /** The output sheets as written: their final names and whether an earlier one was replaced. */
  readonly sheets: readonly { readonly name: string; readonly mode: "create" | "replace" }[];
  /** Host-specific notes for the user, in Chinese (e.g. "此版本的 Excel 不支持批注，问题仅列于评分结果表。"). */
  readonly notices: readonly string[];
}

export interface WorkbookPort {
  /** Reads every sheet's used range: values, displayed text, formulas and errors, merged areas. */
  read(): Promise<WorkbookGrid>;
  /**
   * Writes a plan whole or not at all: removes the tool's earlier highlights, paints the new
   * ones (remembering each cell's original fill) and writes the output sheets. Never changes a
   * value or formula the user typed. Throws WorkbookPortError when nothing was written.
   */
  write(plan: WritePlan): Promise<WriteOutcome>;
  /** Restores the original fill of every cell the tool highlighted; returns how many. */
  clearMarks(): Promise<number>;
  /** Activates a sheet and selects one of its cells (A1 address). */
  select(sheet: string, cell: string): Promise<void>;
}

export type WorkbookPortErrorCode =
  | "not-in-excel" // no Excel host (browser mode, or office.js failed to load)
  | "sheet-protected" // a sheet the write must touch is protected
  | "write-failed" // Excel refused part of the write; what was written has been undone
  | "read-failed"
  | "sheet-missing"; // select(): the sheet was renamed or deleted since scoring

/** A failure the pane shows as it is: `message` is Chinese and names the sheet/cell concerned. */
export class WorkbookPortError extends Error {
  readonly code: WorkbookPortErrorCode;

  constructor(code: WorkbookPortErrorCode, message: string) {
    super(message);
    this.name = "WorkbookPortError";
    this.code = code;
    // ES5 output: keep instanceof working for a subclass of Error.
    Object.setPrototypeOf(this, WorkbookPortError.prototype);
  }
}
