/**
 * Why a file could not be read, in the user's words: one sentence naming the file, and the sheet,
 * cell or part where there is one. The CLI and browser mode both word UnreadableWorkbookError
 * here, so the same file gets the same sentence everywhere; the sentences themselves are in the
 * workbook layer's locale files (../locales).
 */
import { wordingFor } from "../describePortError";
import type { UnreadableError, WorkbookLanguage } from "../locales/types";

export type ReadErrorLanguage = WorkbookLanguage;

/** The sentence for an unreadable file, naming it as `file`. */
export function readErrorText(
  error: UnreadableError,
  file: string,
  language: ReadErrorLanguage = "zh-CN"
): string {
  return wordingFor(language).unreadable(error, file);
}
