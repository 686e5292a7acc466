/**
 * The task pane in WPS 表格 (taskpane.html of the WPS add-in, opened by 打开助手): the same pane
 * as in Excel, over WPS's ET model (WpsWorkbookPort) with the form kind, rule set and column map
 * kept in the workbook's custom properties (wpsSettings.ts). It never loads office.js. Opened outside WPS (a plain browser)
 * it offers browser mode, as the Excel pane does.
 */
import "../taskpane/fabricConfig";
import * as React from "react";
import * as ReactDOM from "react-dom";
import { BrowserModeApp } from "../taskpane/browser/BrowserModeApp";
import { TaskPaneApp } from "../taskpane/components/TaskPaneApp";
import { stringsFor } from "../taskpane/strings";
import { WpsWorkbookPort } from "../workbook/wps/wpsWorkbookPort";
import { WPS_LANGUAGE, wpsApplication } from "./wpsHost";
import { wpsSettingsStore } from "./wpsSettings";

function container(): HTMLElement {
  const existing = document.getElementById("container");
  if (existing) return existing;
  const created = document.createElement("div");
  created.id = "container";
  document.body.appendChild(created);
  return created;
}

function start(): void {
  const app = wpsApplication();
  if (!app) {
    ReactDOM.render(<BrowserModeApp />, container());
    return;
  }
  const port = new WpsWorkbookPort(() => app);
  const settings = wpsSettingsStore(() => app.ActiveWorkbook);
  ReactDOM.render(
    <TaskPaneApp
      port={port}
      settings={settings}
      language={WPS_LANGUAGE}
      undoNotice={stringsFor(WPS_LANGUAGE).wpsUndoNotice}
    />,
    container()
  );
}

start();
