import { readSavedScoring, type SavedScoring } from "../taskpane/settings/savedScoring";
import type { SettingsStore } from "../taskpane/settings/settingsStore";
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

const NOTHING_SAVED: SavedScoring = readSavedScoring({
  get: () => undefined,
  set: () => undefined,
  save: () => Promise.resolve(),
});

/** Said when the workbook's settings cannot be read: the run does not pretend it used them. */
export const SETTINGS_UNREAD =
  "未能读取工作簿中保存的表格类型、评分规则集和列对应，本次按全国通用规则、自动识别评分。";

/** The workbook's saved choices, reread; null when they cannot be read. */
async function savedChoices(
  settings: SettingsStore | PromiseLike<SettingsStore> | undefined
): Promise<SavedScoring | null> {
  if (!settings) return NOTHING_SAVED;
  try {
    const store = await settings;
    if (store.refresh) await store.refresh();
    return readSavedScoring(store);
  } catch (error) {
    console.warn("绩效自评助手：无法读取工作簿中保存的设置", error);
    return null;
  }
}

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
 * It scores by what the task pane chose and saved with the workbook — the form kind, the rule set
 * and the column map — reread first, since the pane is another instance that may have saved them
 * after this page started.
 *
 * @param port the workbook, or a promise of it (rejected when Office never became ready)
 * @param settings the workbook's settings, or a promise of them; absent: national, detected
 * @returns the message shown
 */
export async function runScoreCommand(
  port: WorkbookPort | PromiseLike<WorkbookPort>,
  event: CommandEvent,
  showMessage: ShowCommandMessage,
  settings?: SettingsStore | PromiseLike<SettingsStore>
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
      const saved = await savedChoices(settings);
      const used = saved ?? NOTHING_SAVED;
      const scored = await scoreOpenWorkbook(await port, {
        profile: used.profile,
        ruleSet: used.ruleSet,
        columnMap: used.columnMap,
      });
      message = describeScored(scored, used);
      if (!saved) message = { ...message, lines: [SETTINGS_UNREAD].concat(message.lines) };
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
