import { describePortError } from "../workbook/describePortError";
import { WorkbookPortError } from "../workbook/port";
import { stringsFor, type TaskpaneLanguage } from "./strings";

/**
 * What the pane says about a failure, in its language. A WorkbookPortError carries the facts
 * (which sheet, cell or part, what the host said), worded by the workbook layer's locales;
 * anything else is a bug or a host fault whose text would mean nothing to a finance officer, so
 * it goes to the console and the user gets a plain sentence.
 */
export function describeError(error: unknown, language: TaskpaneLanguage): string {
  if (error instanceof WorkbookPortError) return describePortError(error, language);
  console.error("绩效自评助手:", error);
  return stringsFor(language).genericError;
}
