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
 * True while a run of this page is under way. The function file stays loaded between clicks,
 * so a second click lands here; the task pane is another instance, and its overlap with a run
 * is handled where the records are saved (they are merged, not replaced).
 */
let running = false;

export const BUSY_MESSAGE: CommandMessage = {
  kind: "warning",
  title: "正在评分，请稍候…",
  lines: ["上一次评分尚未完成，完成后会显示结果。"],
};

function complete(event: CommandEvent): void {
  try {
    event.completed();
  } catch (error) {
    console.error("绩效自评助手：无法结束命令", error);
  }
}

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
  if (running) {
    // A second click while a run is under way: two runs would paint and record the same cells
    // at once. This one ends at once; the running one reports when it is done.
    complete(event);
    showMessage(BUSY_MESSAGE).catch((error: unknown) =>
      console.error("绩效自评助手：无法显示提示", BUSY_MESSAGE.title, error)
    );
    return BUSY_MESSAGE;
  }
  running = true;
  try {
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
      console.error(
        "绩效自评助手：无法显示评分结果",
        message.title,
        message.lines.join(" "),
        error
      );
    }
    complete(event);
    return message;
  } finally {
    running = false;
  }
}
