/// <reference types="et-jsapi-declare" />
/**
 * The WPS 加载项 host as the add-in's pages see it: `window.Application` (WPS 表格's ET
 * Application merged with the add-in root: task panes, dialogs, PluginStorage), typed by
 * Kingsoft's declarations (et-jsapi-declare). Only the WPS entry pages (src/wps) touch it.
 */
import type { TaskpaneLanguage } from "../taskpane/strings";
import { findEtApplication } from "../workbook/wps/wpsWorkbookPort";

export type WpsApplication = WPS.AddonRoot & Et.Application;

/**
 * The WPS add-in speaks Chinese, its pane as its dialogs. Kingsoft's declarations list
 * Application.LanguageSettings.LanguageID, which might give the interface language, but it has
 * not been tried in a real WPS (see docs/wps.md), so nothing follows it yet.
 */
export const WPS_LANGUAGE: TaskpaneLanguage = "zh-CN";

/** The host's Application in this page, or null outside WPS 表格. */
export function wpsApplication(
  scope: unknown = typeof window === "undefined" ? {} : window
): WpsApplication | null {
  return findEtApplication(scope) as WpsApplication | null;
}

/** The folder of the page at `pageUrl` ("file:///…/selfeval_0.1.0/"), where the add-in's files are. */
export function addinFolder(pageUrl: string): string {
  return pageUrl.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
}
