/**
 * The function file (commands.html) behind the ribbon's 一键评分 (manifest FunctionName
 * scoreWorkbook). It runs without a pane, so everything it does is also in the task pane: Office
 * 2016/2019 volume editions show no ribbon buttons at all.
 */
import { createOfficeSettingsStore, type SettingsStore } from "../taskpane/settings/settingsStore";
import { languageOf } from "../taskpane/strings";
import { createOfficeWorkbookPort } from "../workbook/office/officeWorkbookPort";
import type { CommandMessage } from "./commandMessage";
import { SCORE_WORKBOOK_COMMAND } from "./commandNames";
import { registerCommand } from "./registerCommand";
import { runScoreCommand } from "./runScoreCommand";
import { showMessageDialog } from "./showMessageDialog";

/**
 * Office opens one dialog at a time: a message waits until the one before it is closed (the
 * "正在评分" notice of a second click, then the first run's result), or it would be lost.
 */
let dialogs: Promise<void> = Promise.resolve();

function showInTurn(message: CommandMessage): Promise<void> {
  const shown = dialogs.then(() => showMessageDialog(Office, window.location.href, message));
  dialogs = shown.catch(() => undefined);
  return shown;
}

/**
 * The workbook's document settings as the pane saves them (form kind, rule set, column map). One
 * store for the page's life: runScoreCommand rereads it before each run.
 */
let settings: Promise<SettingsStore> | null = null;

function workbookSettings(ready: Promise<unknown>): Promise<SettingsStore> {
  if (!settings)
    settings = ready.then(() =>
      createOfficeSettingsStore(Office.context.document.settings, Office.AsyncResultStatus.Failed)
    );
  const made = settings;
  // A failed start is tried again on the next click.
  made.catch(() => {
    if (settings === made) settings = null;
  });
  return made;
}

function scoreWorkbook(event: Office.AddinCommands.Event): void {
  // Inside the chain, so that even a throwing Office.onReady ends as a reported failure.
  const ready = Promise.resolve().then(() => Office.onReady());
  const port = ready.then(() => createOfficeWorkbookPort());
  // The dialog speaks Office's display language, as the pane does.
  const language = ready.then(() => languageOf(Office.context.displayLanguage));
  // runScoreCommand never rejects; nothing is left for an unhandled rejection.
  void runScoreCommand(port, event, showInTurn, { settings: workbookSettings(ready), language });
}

// As Microsoft's templates do: Office.onReady at load lets office.js initialise the page before
// the first command arrives. A failure here surfaces again, reported, in the command's own call.
if (typeof Office !== "undefined") {
  Promise.resolve()
    .then(() => Office.onReady())
    .catch((error: unknown) => console.warn("绩效自评助手：Office.onReady 失败", error));
}

registerCommand(
  {
    global: window as unknown as Record<string, unknown>,
    office: typeof Office === "undefined" ? null : Office,
  },
  SCORE_WORKBOOK_COMMAND,
  scoreWorkbook
);
