import type { WorkbookPort } from "../workbook/port";
import { scoreOpenWorkbook } from "../workbook/scoreOpenWorkbook";
import { describeFailure, describeScored, type CommandMessage } from "./commandMessage";

/** The part of Office's add-in command event the command uses. */
export interface CommandEvent {
  completed(): void;
}

/** Shows the finished command's message; resolves once the user has seen it (or at once). */
export type ShowCommandMessage = (message: CommandMessage) => Promise<void>;

/**
 * The ribbon's 一键评分: scores the open workbook through the port, writes the marks and sheets,
 * tells the user how it went, and always signals Office that the command has finished — Office
 * keeps the button busy until it does. Never rejects: a function command has no caller to catch.
 *
 * @param port the workbook, or a promise of it (rejected when Office never became ready)
 * @returns the message shown
 */
export async function runScoreCommand(
  port: WorkbookPort | PromiseLike<WorkbookPort>,
  event: CommandEvent,
  showMessage: ShowCommandMessage
): Promise<CommandMessage> {
  let message: CommandMessage;
  try {
    message = describeScored(await scoreOpenWorkbook(await port));
  } catch (error) {
    message = describeFailure(error);
  }
  try {
    await showMessage(message);
  } catch (error) {
    // The workbook is already scored; the message is all that is lost, so leave it to the console.
    console.error("绩效自评助手：无法显示评分结果", message.title, message.lines.join(" "), error);
  }
  try {
    event.completed();
  } catch (error) {
    console.error("绩效自评助手：无法结束命令", error);
  }
  return message;
}
