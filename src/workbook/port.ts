/**
 * The workbook port: what the task pane and the ribbon command need from a workbook, whichever
 * host holds it (Excel through Office.js, WPS 表格 through its ET model, or an .xlsx file in a
 * plain browser). The engine only ever sees the WorkbookGrid a port reads; the UI only ever calls
 * these methods.
 *
 * Failures and notices are facts (what happened, to which sheet, cell or part), as the engine's
 * problems are; the words for them, Chinese and English, are in ./locales and are made by
 * describePortError / describeWriteNotice (./describePortError.ts). `message` and `notices` keep
 * the Chinese sentence for callers that show it as it is.
 */
import type { WorkbookGrid, WritePlan } from "../engine";
import { zhCN } from "./locales/zh-CN";
import type { ScoredCopyFacts } from "./xlsx/scoredCopyError";
import type { UnreadableFacts, UnreadableReason } from "./xlsx/unreadableWorkbookError";

/** The host a write went to: the wording names it (Excel's menus and WPS's differ). */
export type HostName = "excel" | "wps";

/** Something the user should know about a write that succeeded. */
export type WriteNotice =
  /** The host cannot write notes: the problems are only on the results sheet. */
  | { readonly code: "no-notes"; readonly resultsSheet: string | null }
  /** The host cannot merge, size columns or rows: the sheets are written plain. */
  | { readonly code: "no-formatting"; readonly sheets: readonly string[] }
  /** The host cannot set up pages: A4 and one page wide are the user's to choose. */
  | { readonly code: "no-page-setup"; readonly sheets: readonly string[] }
  /**
   * The record of the marks could not be saved in the document: 清除标记 will not find the
   * original fills after it is closed. `detail` is the host's own words (null: none given).
   */
  | {
      readonly code: "record-not-saved";
      readonly host: HostName;
      readonly detail: string | null;
      /** WPS: the build has no custom document properties at all. */
      readonly noCustomProperties?: boolean;
    }
  /** A replaced output sheet could not be deleted and is kept under this name. */
  | { readonly code: "old-sheet-kept"; readonly sheet: string };

/** What a write did, for the pane to report. */
export interface WriteOutcome {
  /** Cells highlighted. */
  readonly marked: number;
  /** The output sheets as written: their final names and whether an earlier one was replaced. */
  readonly sheets: readonly { readonly name: string; readonly mode: "create" | "replace" }[];
  /** The notices in Chinese (e.g. "此版本的 Excel 不支持单元格批注，问题仅列于“评分结果”工作表。"). */
  readonly notices: readonly string[];
  /** The same notices as facts, in the same order, for wording in the pane's language. */
  readonly noticeFacts?: readonly WriteNotice[];
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

/** What a port was doing to a protected sheet when it stopped. */
export type ProtectedAction = "mark" | "replace" | "clear";

/** Why a port failed, with the sheets, cells, parts and host words involved. */
export type PortErrorFacts =
  /** No Excel host: browser mode, or office.js did not load. */
  | { readonly code: "not-in-excel" }
  /** WPS has no workbook open. */
  | { readonly code: "no-workbook" }
  /** The host refused a read, a write or a clear before anything changed; `detail` is its words. */
  | { readonly code: "read-failed"; readonly detail: string }
  | { readonly code: "write-failed"; readonly detail: string }
  | { readonly code: "clear-failed"; readonly detail: string }
  | {
      readonly code: "select-failed";
      readonly sheet: string;
      readonly cell: string;
      readonly detail: string;
    }
  /** select(): the sheet was renamed or deleted since scoring. */
  | { readonly code: "sheet-missing"; readonly sheet: string; readonly cell: string }
  /** Browser mode: the preview has no such sheet. */
  | { readonly code: "preview-sheet-missing"; readonly sheet: string }
  /** 清除标记: the sheets the record names are not found (renamed or deleted); the record stays. */
  | { readonly code: "marked-sheets-missing"; readonly sheets: readonly string[] }
  /** The workbook's structure is protected: no output sheet can be added. Nothing written. */
  | { readonly code: "workbook-protected"; readonly host: HostName }
  /** A sheet the port must change is protected, found before anything was written. */
  | {
      readonly code: "sheet-protected";
      readonly host: HostName;
      readonly sheet: string;
      readonly action: ProtectedAction;
    }
  /**
   * Excel refused a write as protected (where protection could not be checked beforehand).
   * `sheets`: the user's sheets the write changed (none: the workbook's structure); `undoFailure`:
   * null when what was written has been undone, else what stopped the undo.
   */
  | {
      readonly code: "write-protected";
      readonly sheets: readonly string[];
      readonly involved: readonly string[];
      readonly undoFailure: string | null;
    }
  /** The host refused part of a write; `involved` names every sheet the write touched. */
  | {
      readonly code: "write-refused";
      readonly host: HostName;
      readonly involved: readonly string[];
      readonly detail: string;
      readonly undoFailure: string | null;
    }
  /** Excel refused to clear the marks as protected. */
  | { readonly code: "clear-protected"; readonly sheets: readonly string[] }
  /** The host refused to clear the marks; the record stays, clearing again finishes the job. */
  | {
      readonly code: "clear-refused";
      readonly host: HostName;
      readonly sheets: readonly string[];
      readonly detail: string;
    }
  /** Browser mode: the file cannot be read (or a part only the writer reads cannot). */
  | {
      readonly code: "file-unreadable";
      readonly file: string;
      readonly reason: UnreadableReason;
      readonly unreadable: UnreadableFacts;
    }
  /** Browser mode: the scored copy cannot be written. */
  | { readonly code: "copy-failed"; readonly file: string; readonly copy: ScoredCopyFacts }
  /** Words made elsewhere, shown as they are. */
  | { readonly code: "message"; readonly text: string };

/**
 * A failure the pane shows: `facts` say what happened; `message` is the Chinese sentence for
 * them (naming the sheet or cell), which describePortError gives in the pane's language.
 */
export class WorkbookPortError extends Error {
  readonly code: WorkbookPortErrorCode;
  readonly facts: PortErrorFacts;

  constructor(code: WorkbookPortErrorCode, what: string | PortErrorFacts) {
    const facts: PortErrorFacts = typeof what === "string" ? { code: "message", text: what } : what;
    super(zhCN.portError(facts));
    this.name = "WorkbookPortError";
    this.code = code;
    this.facts = facts;
    // ES5 output: keep instanceof working for a subclass of Error.
    Object.setPrototypeOf(this, WorkbookPortError.prototype);
  }
}

/** A write's notices, in Chinese and as facts. */
export function noticesOf(
  facts: readonly WriteNotice[]
): Pick<WriteOutcome, "notices" | "noticeFacts"> {
  return { notices: facts.map((notice) => zhCN.writeNotice(notice)), noticeFacts: facts };
}

/**
 * Failures before a write ever reached the workbook (loading the sheets, inspecting cells) come
 * here unchanged from the host; the port's own errors pass through.
 */
export function asPortError(
  error: unknown,
  code: "read-failed" | "write-failed",
  facts: PortErrorFacts
): WorkbookPortError {
  return error instanceof WorkbookPortError ? error : new WorkbookPortError(code, facts);
}
