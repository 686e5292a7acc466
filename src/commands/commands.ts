/**
 * The function file (commands.html) behind the ribbon's 一键评分 (manifest FunctionName
 * scoreWorkbook). It runs without a pane, so everything it does is also in the task pane: Office
 * 2016/2019 volume editions show no ribbon buttons at all.
 */
import { createOfficeWorkbookPort } from "../workbook/office/officeWorkbookPort";
import { SCORE_WORKBOOK_COMMAND } from "./commandNames";
import { registerCommand } from "./registerCommand";
import { runScoreCommand } from "./runScoreCommand";
import { showMessageDialog } from "./showMessageDialog";

function scoreWorkbook(event: Office.AddinCommands.Event): void {
  // Inside the chain, so that even a throwing Office.onReady ends as a reported failure.
  const port = Promise.resolve()
    .then(() => Office.onReady())
    .then(() => createOfficeWorkbookPort());
  // runScoreCommand never rejects; nothing is left for an unhandled rejection.
  void runScoreCommand(port, event, (message) =>
    showMessageDialog(Office, window.location.href, message)
  );
}

registerCommand(
  {
    global: window as unknown as Record<string, unknown>,
    office: typeof Office === "undefined" ? null : Office,
  },
  SCORE_WORKBOOK_COMMAND,
  scoreWorkbook
);
