import type { PortErrorFacts, WriteNotice } from "../port";
import type { ScoredCopyFacts } from "../xlsx/scoredCopyError";
import type { UnreadableFacts, UnreadableReason } from "../xlsx/unreadableWorkbookError";

/** The languages the workbook layer words its failures in: the pane's two. */
export type WorkbookLanguage = "zh-CN" | "en-US";

/** An unreadable file's reason and facts (an UnreadableWorkbookError is one). */
export interface UnreadableError {
  readonly reason: UnreadableReason;
  readonly facts: UnreadableFacts;
}

/** Every sentence the workbook layer says to the user, in one language. */
export interface WorkbookWording {
  /** Why a port failed. */
  portError(facts: PortErrorFacts): string;
  /** A notice about a write that succeeded. */
  writeNotice(notice: WriteNotice): string;
  /** Why the scored copy could not be written (a clause: the CLI and the pane frame it). */
  scoredCopy(facts: ScoredCopyFacts): string;
  /** Why a file cannot be read, naming it as `file`: one sentence. */
  unreadable(error: UnreadableError, file: string): string;
}
