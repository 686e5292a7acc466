/**
 * The task pane's entry point, and the only task-pane file that touches Office.js: it works out
 * the host, the language and the theme, and hands the components a port and a settings store
 * (or, outside Excel, renders browser mode, which brings its own).
 * No browser-history router: office.js nulls history.pushState outside Office.
 */
import "./fabricConfig";
import * as React from "react";
import * as ReactDOM from "react-dom";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { createOfficeWorkbookPort } from "../workbook/office/officeWorkbookPort";
import { BrowserModeApp } from "./browser/BrowserModeApp";
import { TaskPaneApp } from "./components/TaskPaneApp";
import { registerPaneIcons } from "./icons";
import { createOfficeSettingsStore } from "./settings/settingsStore";
import { languageOf, stringsFor } from "./strings";
import { themeFromOffice } from "./theme";

function container(): HTMLElement {
  const existing = document.getElementById("container");
  if (existing) return existing;
  const created = document.createElement("div");
  created.id = "container";
  document.body.appendChild(created);
  return created;
}

// Outside Excel the pane scores .xlsx files the user opens in the page (browser mode).
function showBrowserMode(): void {
  ReactDOM.render(<BrowserModeApp />, container());
}

// Setting up the pane itself failed: say so rather than leave the page blank.
function showStartupFailure(): void {
  registerPaneIcons();
  ReactDOM.render(
    <MessageBar messageBarType={MessageBarType.error} delayedRender={false}>
      {stringsFor("zh-CN").genericError}
    </MessageBar>,
    container()
  );
}

function showExcelPane(): void {
  const context = Office.context;
  const language = languageOf(context.displayLanguage);
  // officeTheme is missing on some Excel versions; the default Fluent theme serves then.
  const theme = themeFromOffice(context.officeTheme);
  const settings = createOfficeSettingsStore(
    context.document.settings,
    Office.AsyncResultStatus.Failed
  );
  ReactDOM.render(
    <TaskPaneApp
      port={createOfficeWorkbookPort()}
      settings={settings}
      language={language}
      theme={theme}
    />,
    container()
  );
}

function start(): void {
  // office.js failed to load (offline, blocked, or the page opened on its own).
  if (typeof Office === "undefined") {
    showBrowserMode();
    return;
  }
  try {
    Office.onReady((info) => {
      try {
        if (info.host === Office.HostType.Excel) showExcelPane();
        else showBrowserMode();
      } catch (error) {
        console.error("绩效自评助手:", error);
        showStartupFailure();
      }
    });
  } catch (error) {
    console.error("绩效自评助手:", error);
    showBrowserMode();
  }
}

start();
