/**
 * The WPS add-in's ribbon callbacks (src/wps/ribbon.ts) against the fake WPS 表格: 打开助手 makes
 * one pane and then shows or hides it, 一键评分 scores and reports in a dialog, 清除标记 takes the
 * marks back; every callback returns at once (WPS's ribbon wants synchronous callbacks).
 */
import { readMessageQuery } from "../../src/commands/messagePageUrl";
import {
  PANE_ID_KEY,
  RIBBON_BUTTONS,
  clearFromRibbon,
  ribbonCallbacks,
  scoreFromRibbon,
  type RibbonHost,
} from "../../src/wps/ribbon";
import type { WpsApplication } from "../../src/wps/wpsHost";
import { FakeEtHost } from "../helpers/fakeEt";
import { fixturePath, seedFromXlsx } from "../workbook/office/officeTestKit";

const PAGE = "file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/selfeval_0.1.0/index.html";

function ribbonHost(host: FakeEtHost): RibbonHost {
  return { application: () => host.application as unknown as WpsApplication, pageUrl: PAGE };
}

function lastDialog(host: FakeEtHost) {
  const dialog = host.dialogs[host.dialogs.length - 1];
  expect(dialog.url.indexOf(PAGE.replace("index.html", "message.html?"))).toBe(0);
  return readMessageQuery(dialog.url.slice(dialog.url.indexOf("?")))!;
}

test("打开助手 opens one pane beside the entry page, then shows and hides it", () => {
  const host = new FakeEtHost();
  const callbacks = ribbonCallbacks(ribbonHost(host));
  expect((callbacks.OnAction as (c: unknown) => unknown)({ Id: RIBBON_BUTTONS.openPane })).toBe(
    true
  );
  expect(host.taskPanes.size).toBe(1);
  const pane = host.taskPanes.get(1)!;
  expect(pane.url).toBe(PAGE.replace("index.html", "taskpane.html"));
  expect(pane.Visible).toBe(true);
  expect(pane.DockPosition).toBe(2);
  expect(host.pluginStorage.get(PANE_ID_KEY)).toBe("1");
  (callbacks.OnAction as (c: unknown) => unknown)({ Id: RIBBON_BUTTONS.openPane });
  expect(pane.Visible).toBe(false);
  (callbacks.OnAction as (c: unknown) => unknown)({ Id: RIBBON_BUTTONS.openPane });
  expect(pane.Visible).toBe(true);
  expect(host.taskPanes.size).toBe(1);
  // After WPS forgot the pane (PluginStorage is not kept), a new one is made.
  host.pluginStorage.clear();
  (callbacks.OnAction as (c: unknown) => unknown)({ Id: RIBBON_BUTTONS.openPane });
  expect(host.taskPanes.size).toBe(2);
});

test("一键评分 scores the open workbook and says how it went; 清除标记 takes the marks back", async () => {
  const host = new FakeEtHost();
  await seedFromXlsx(host.book, fixturePath("project-school-safety-2024"));
  const scored = await scoreFromRibbon(ribbonHost(host));
  expect(scored.title).toBe("评分完成");
  expect(host.book.sheets.map((sheet) => sheet.name)).toEqual([
    "项目自评表",
    "评分结果",
    "自评表说明",
  ]);
  expect(lastDialog(host).title).toBe("评分完成");
  expect(lastDialog(host).lines.join("")).toContain("「评分结果」");

  const cleared = await clearFromRibbon(ribbonHost(host));
  expect(cleared.lines[0]).toMatch(/^已清除 [1-9]\d* 处标记。$/);
  expect(lastDialog(host).title).toBe("已清除标记");
});

test("a failure is reported in the dialog in Chinese", async () => {
  const host = new FakeEtHost();
  await seedFromXlsx(host.book, fixturePath("project-school-safety-2024"));
  host.book.sheet("项目自评表").protected = true;
  const message = await scoreFromRibbon(ribbonHost(host));
  expect(message).toMatchObject({ kind: "error", title: "评分失败" });
  expect(lastDialog(host).lines[0]).toContain("撤销工作表保护");
  host.noWorkbook = true;
  expect((await clearFromRibbon(ribbonHost(host))).lines[0]).toContain("没有打开的工作簿");
});

test("the callbacks return at once, and both spellings of the load callback exist", () => {
  const host = new FakeEtHost();
  const callbacks = ribbonCallbacks(ribbonHost(host));
  expect(Object.keys(callbacks).sort()).toEqual([
    "GetImage",
    "OnAction",
    "OnAddInLoad",
    "OnAddinLoad",
  ]);
  expect((callbacks.OnAddinLoad as () => unknown)()).toBe(true);
  expect((callbacks.GetImage as () => unknown)()).toBe("assets/icon-32.png");
  const started = (callbacks.OnAction as (c: unknown) => unknown)({ Id: RIBBON_BUTTONS.score });
  expect(started).toBe(true);
});
