import { WorkbookPortError } from "../workbook/port";
import type { TaskpaneStrings } from "./strings";

/**
 * What the pane says about a failure. A WorkbookPortError's message is written for the user
 * (Chinese, naming the sheet or cell); anything else is a bug or a host fault whose text would
 * mean nothing to a finance officer, so it goes to the console and the user gets a plain sentence.
 */
export function describeError(error: unknown, strings: TaskpaneStrings): string {
  if (error instanceof WorkbookPortError) return error.message;
  console.error("绩效自评助手:", error);
  return strings.genericError;
}
