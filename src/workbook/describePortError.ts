/**
 * The workbook layer's failures and notices in the user's language. The pane words a
 * WorkbookPortError with describePortError (its `message` is the Chinese sentence, kept for
 * callers that show it as it is), and a write's notices with describeWriteNotice.
 */
import { enUS } from "./locales/en-US";
import type { WorkbookLanguage, WorkbookWording } from "./locales/types";
import { zhCN } from "./locales/zh-CN";
import type { WorkbookPortError, WriteNotice, WriteOutcome } from "./port";

export type { WorkbookLanguage };

export function wordingFor(language: WorkbookLanguage): WorkbookWording {
  return language === "en-US" ? enUS : zhCN;
}

/** What a port's failure says, in `language`. */
export function describePortError(error: WorkbookPortError, language: WorkbookLanguage): string {
  return wordingFor(language).portError(error.facts);
}

/** What a write's notice says, in `language`. */
export function describeWriteNotice(notice: WriteNotice, language: WorkbookLanguage): string {
  return wordingFor(language).writeNotice(notice);
}

/** A write's notices in `language`: from its facts, or its Chinese notices where it has none. */
export function describeWriteNotices(
  outcome: WriteOutcome,
  language: WorkbookLanguage
): readonly string[] {
  if (!outcome.noticeFacts) return outcome.notices;
  return outcome.noticeFacts.map((notice) => describeWriteNotice(notice, language));
}
