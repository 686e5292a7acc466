import { enUS } from "./en-US";
import type { TaskpaneStrings } from "./types";
import { zhCN } from "./zh-CN";

export type { TaskpaneStrings };

/** Simplified Chinese is the pane's language; English only where Office runs in English. */
export type TaskpaneLanguage = "zh-CN" | "en-US";

/** The pane's language for Office's display language (e.g. "en-GB" → English, "zh-TW" → Chinese). */
export function languageOf(displayLanguage: string | undefined | null): TaskpaneLanguage {
  return displayLanguage && displayLanguage.toLowerCase().indexOf("en") === 0 ? "en-US" : "zh-CN";
}

export function stringsFor(language: TaskpaneLanguage): TaskpaneStrings {
  return language === "en-US" ? enUS : zhCN;
}
