import { readSavedScoring, type SavedScoring } from "../taskpane/settings/savedScoring";
import type { SettingsStore } from "../taskpane/settings/settingsStore";
import type { TaskpaneLanguage } from "../taskpane/strings";
import type { WorkbookPort } from "../workbook/port";
import { scoreOpenWorkbook } from "../workbook/scoreOpenWorkbook";
import { describeFailure, describeScored, type CommandMessage } from "./commandMessage";
import { commandStringsFor } from "./strings";

/** The part of Office's add-in command event the command uses. */
export interface CommandEvent {
  completed(): void;
}

/** Shows the finished command's message; resolves once the user has seen it (or at once). */
export type ShowCommandMessage = (message: CommandMessage) => Promise<void>;

/** Where the command finds the workbook's saved choices and the language it speaks. */
export interface CommandContext {
  /** The workbook's settings, or a promise of them; absent: national, every column detected. */
  readonly settings?: SettingsStore | PromiseLike<SettingsStore>;
  /**
   * Office's display language as the pane reads it, or a promise of it (known once Office is
   * ready); Chinese when absent or when it cannot be had.
   */
  readonly language?: TaskpaneLanguage | PromiseLike<TaskpaneLanguage>;
}

/**
 * True while a run of this page is under way. The function file stays loaded between clicks,
 * so a second click lands here; the task pane is another instance, and its overlap with a run
 * is handled where the records are saved (they are merged, not replaced).
 */
let running = false;

/** What a second click says while a run is under way. */
export function busyMessage(language: TaskpaneLanguage): CommandMessage {
  const words = commandStringsFor(language);
  return { kind: "warning", title: words.busyTitle, lines: [words.busyLine] };
}

const NOTHING_SAVED: SavedScoring = readSavedScoring({
  get: () => undefined,
  set: () => undefined,
  save: () => Promise.resolve(),
});

async function languageOf(context: CommandContext): Promise<TaskpaneLanguage> {
  try {
    return (await context.language) ?? "zh-CN";
  } catch {
    return "zh-CN";
  }
}

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
 * after this page started. When the settings cannot be read, the message says so first (the run
 * does not pretend it used them).
 *
 * @param port the workbook, or a promise of it (rejected when Office never became ready)
 * @param context the workbook's settings and Office's language
 * @returns the message shown
 */
export async function runScoreCommand(
  port: WorkbookPort | PromiseLike<WorkbookPort>,
  event: CommandEvent,
  showMessage: ShowCommandMessage,
  context: CommandContext = {}
): Promise<CommandMessage> {
  if (running) {
    // A second click while a run is under way: two runs would paint and record the same cells
    // at once. This one ends at once; the running one reports when it is done.
    complete(event);
    const busy = busyMessage(await languageOf(context));
    showMessage(busy).catch((error: unknown) =>
      console.error("绩效自评助手：无法显示提示", busy.title, error)
    );
    return busy;
  }
  running = true;
  try {
    const language = await languageOf(context);
    let message: CommandMessage;
    try {
      const saved = await savedChoices(context.settings);
      const used = saved ?? NOTHING_SAVED;
      const scored = await scoreOpenWorkbook(await port, {
        profile: used.profile,
        ruleSet: used.ruleSet,
        columnMap: used.columnMap,
      });
      message = describeScored(scored, used, language);
      if (!saved)
        message = {
          ...message,
          lines: [commandStringsFor(language).settingsUnread].concat(message.lines),
        };
    } catch (error) {
      message = describeFailure(error, language);
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
