/**
 * In WPS 表格 the pane keeps the form kind, rule set and column map in the workbook's custom
 * document properties, and the ribbon's 一键评分 (another page) rereads them before it scores.
 * Against the fake ET host.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { readMessageQuery } from "../../src/commands/messagePageUrl";
import { TaskPaneApp } from "../../src/taskpane/components/TaskPaneApp";
import { WpsWorkbookPort } from "../../src/workbook/wps/wpsWorkbookPort";
import { scoreFromRibbon } from "../../src/wps/ribbon";
import type { WpsApplication } from "../../src/wps/wpsHost";
import { wpsSettingsStore } from "../../src/wps/wpsSettings";
import { setRows } from "../helpers/fakeExcel";
import { FakeEtHost } from "../helpers/fakeEt";
import { choose } from "../taskpane/helpers/choices";
import {
  LOW_EXECUTION_ROWS,
  PROJECT_SHEET,
  UNREADABLE_ROWS,
  UNREAD_SHEET,
} from "../taskpane/helpers/projectForm";

const PAGE = "file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/selfeval_0.1.0/index.html";

function wpsWith(sheet: string, rows: ReadonlyArray<ReadonlyArray<string | number | null>>) {
  const host = new FakeEtHost();
  setRows(host.book.addSheet(sheet), rows);
  const app = host.application as unknown as WpsApplication;
  render(
    <TaskPaneApp
      port={new WpsWorkbookPort(() => app)}
      settings={wpsSettingsStore(() => app.ActiveWorkbook)}
      language="zh-CN"
    />
  );
  return host;
}

async function ribbonScore(host: FakeEtHost) {
  const message = await scoreFromRibbon({
    application: () => host.application as unknown as WpsApplication,
    pageUrl: PAGE,
  });
  const dialog = host.dialogs[host.dialogs.length - 1];
  expect(readMessageQuery(dialog.url.slice(dialog.url.indexOf("?")))).toEqual(message);
  return message;
}

describe("the WPS pane's choices and the ribbon's 一键评分", () => {
  it("keeps the rule set in the workbook's properties, where the ribbon finds it", async () => {
    const host = wpsWith(PROJECT_SHEET, LOW_EXECUTION_ROWS);
    choose("评分规则集", "预算管理一体化平台");
    await waitFor(() => expect(host.properties.get("SelfEval.RuleSet.0")).toBe('"yitihua"'));
    const message = await ribbonScore(host);
    expect(message.lines).toContain("评分规则集：预算管理一体化平台。");
    expect(message.lines.join("\n")).toContain("按预算执行率 65% 封顶 79 分（未封顶 96.11 分）");
  });

  it("keeps the column map there too", async () => {
    const host = wpsWith(UNREAD_SHEET, UNREADABLE_ROWS);
    expect((await ribbonScore(host)).title).toBe("未找到可评分的绩效指标表");
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    const panel = await screen.findByTestId("column-map");
    choose("分值", "F · 权数", panel);
    choose("自评得分", "G · 结果", panel);
    fireEvent.click(within(panel).getByRole("button", { name: "按列对应重新评分" }));
    await screen.findByTestId("total");
    await waitFor(() =>
      expect(host.properties.get("SelfEval.ColumnMap.0")).toBe('"分值=F,自评得分=G"')
    );
    const message = await ribbonScore(host);
    expect(message.title).toBe("评分完成");
    expect(message.lines).toContain("「自评表」总分 90 / 100，评级 优");
  });
});
