/**
 * The ribbon of the WPS add-in (ribbon.xml): the 绩效自评 group's buttons 打开助手 / 一键评分 /
 * 清除标记, run from the add-in's hidden entry page (index.html → main.js). WPS calls the
 * callbacks ribbon.xml names as global functions of that page; they stay synchronous (a WPS
 * staff post reports that async ribbon callbacks broke the ribbon on some 12.1 builds) and start
 * the work, whose result is shown in a dialog (message.html, as the Excel command's).
 */
import { describeFailure, type CommandMessage } from "../commands/commandMessage";
import { messagePageUrl } from "../commands/messagePageUrl";
import { runScoreCommand } from "../commands/runScoreCommand";
import { commandStringsFor } from "../commands/strings";
import type { SettingsStore } from "../taskpane/settings/settingsStore";
import type { WorkbookPort } from "../workbook/port";
import { WpsWorkbookPort } from "../workbook/wps/wpsWorkbookPort";
import { addinFolder, WPS_LANGUAGE, type WpsApplication } from "./wpsHost";
import { wpsSettingsStore } from "./wpsSettings";

/** Button ids in ribbon.xml. */
export const RIBBON_BUTTONS = {
  openPane: "selfevalOpenPane",
  score: "selfevalScore",
  clearMarks: "selfevalClearMarks",
} as const;

/** Where the pane's id is kept between clicks (PluginStorage is shared by the add-in's pages). */
export const PANE_ID_KEY = "selfeval.taskpane.id";
const PANE_WIDTH = 420;
/** msoCTPDockPositionRight */
const DOCK_RIGHT = 2;

export interface RibbonHost {
  /** WPS's Application, or null when the page runs outside WPS. */
  application(): WpsApplication | null;
  /** The entry page's address (index.html), beside which the other pages are. */
  readonly pageUrl: string;
  /** A port over the open workbook; a new one per click (tests give fakes). */
  port?(): WorkbookPort;
  /** The open workbook's saved choices (the pane's); a new store per click (tests give fakes). */
  settings?(): SettingsStore;
}

interface RibbonControl {
  readonly Id?: string;
  readonly id?: string;
}

interface TaskPaneLike {
  Visible: boolean;
  DockPosition?: number;
  Width?: number;
}

function showMessage(host: RibbonHost, message: CommandMessage): Promise<void> {
  const app = host.application();
  if (!app) return Promise.reject(new Error("not in WPS"));
  app.ShowDialog(messagePageUrl(host.pageUrl, message), "绩效自评助手", 460, 320, false);
  return Promise.resolve();
}

/** The pane, created once and then shown or hidden; its id is kept in PluginStorage. */
export function togglePane(host: RibbonHost): void {
  const app = host.application();
  if (!app) return;
  const storage = app.PluginStorage;
  const stored = storage.getItem(PANE_ID_KEY);
  if (stored !== null && stored !== undefined && stored !== "") {
    try {
      const pane = app.GetTaskPane(Number(stored)) as unknown as TaskPaneLike | null;
      if (pane) {
        pane.Visible = !pane.Visible;
        return;
      }
    } catch {
      // The pane was closed for good (or WPS restarted its pages): make a new one.
    }
  }
  const url = addinFolder(host.pageUrl) + "taskpane.html";
  // Some builds and samples spell it CreateTaskpane; one returned null instead of throwing.
  const create =
    (app as unknown as { CreateTaskPane?: (url: string, title?: string) => unknown })
      .CreateTaskPane ??
    (app as unknown as { CreateTaskpane?: (url: string, title?: string) => unknown })
      .CreateTaskpane;
  if (typeof create !== "function") throw new Error("此版本的 WPS 不支持任务窗格");
  const pane = create.call(app, url, "绩效自评助手") as (TaskPaneLike & { ID: number }) | null;
  if (!pane) throw new Error("WPS 未能打开任务窗格");
  storage.setItem(PANE_ID_KEY, String(pane.ID));
  pane.DockPosition = DOCK_RIGHT;
  pane.Width = PANE_WIDTH;
  pane.Visible = true;
}

function portOf(host: RibbonHost): WorkbookPort {
  if (host.port) return host.port();
  return new WpsWorkbookPort(() => {
    const app = host.application();
    if (!app) throw new Error("not in WPS");
    return app;
  });
}

function settingsOf(host: RibbonHost): SettingsStore {
  if (host.settings) return host.settings();
  return wpsSettingsStore(() => {
    const app = host.application();
    if (!app) throw new Error("not in WPS");
    return app.ActiveWorkbook;
  });
}

/**
 * 一键评分: scores by the form kind, rule set and column map the pane saved in the workbook,
 * writes and tells the user; resolves with the message shown.
 */
export function scoreFromRibbon(host: RibbonHost): Promise<CommandMessage> {
  return runScoreCommand(
    portOf(host),
    { completed: () => undefined },
    (message) => showMessage(host, message),
    { settings: settingsOf(host), language: WPS_LANGUAGE }
  );
}

/** 清除标记: takes the marks back and tells the user how many. */
export async function clearFromRibbon(host: RibbonHost): Promise<CommandMessage> {
  const words = commandStringsFor(WPS_LANGUAGE);
  let message: CommandMessage;
  try {
    const cleared = await portOf(host).clearMarks();
    message = { kind: "success", title: words.clearedTitle, lines: [words.cleared(cleared)] };
  } catch (error) {
    const failure = describeFailure(error, WPS_LANGUAGE);
    message = { ...failure, title: words.clearFailedTitle };
  }
  try {
    await showMessage(host, message);
  } catch (error) {
    console.error("绩效自评助手：无法显示提示", message.title, message.lines.join(" "), error);
  }
  return message;
}

/**
 * The callbacks ribbon.xml names, to be set on the entry page's window. Both spellings of the
 * load callback are given: samples and builds differ (OnAddinLoad / OnAddInLoad).
 */
export function ribbonCallbacks(host: RibbonHost): Record<string, (...args: never[]) => unknown> {
  const onLoad = () => true;
  return {
    OnAddinLoad: onLoad,
    OnAddInLoad: onLoad,
    OnAction: (control: RibbonControl) => {
      const id = control ? (control.Id ?? control.id) : undefined;
      try {
        if (id === RIBBON_BUTTONS.openPane) togglePane(host);
        else if (id === RIBBON_BUTTONS.score) void scoreFromRibbon(host);
        else if (id === RIBBON_BUTTONS.clearMarks) void clearFromRibbon(host);
      } catch (error) {
        console.error("绩效自评助手：", error);
        void showMessage(host, {
          kind: "error",
          title: commandStringsFor(WPS_LANGUAGE).actionFailedTitle,
          lines: [error instanceof Error ? error.message : String(error)],
        }).catch(() => undefined);
      }
      return true;
    },
    GetImage: () => "assets/icon-32.png",
  };
}
