import type { TaskpaneLanguage } from "../../taskpane/strings";
import { enUS } from "./en-US";
import type { CommandStrings } from "./types";
import { zhCN } from "./zh-CN";

export type { CommandStrings };

/** The dialog's words in the pane's language (Office's display language). */
export function commandStringsFor(language: TaskpaneLanguage): CommandStrings {
  return language === "en-US" ? enUS : zhCN;
}
