/**
 * The offline file (`npm run build:offline` → dist/绩效自评助手.html): browser mode in one HTML
 * file that needs nothing else — no server, no other file, no request. Everything browser mode
 * loads in chunks elsewhere is in this one script, and the example workbook is in it as bytes:
 * a page opened from file:// may not fetch even the file beside it.
 */
import "../taskpane/fabricConfig";
import * as React from "react";
import * as ReactDOM from "react-dom";
import { BrowserModeApp, EXAMPLE_WORKBOOK_URL } from "../taskpane/browser/BrowserModeApp";
import { lazyBrowserTools, type BrowserTools } from "../taskpane/browser/browserTools";
import exampleWorkbook from "../../assets/examples/department-education-2024.xlsx";

/** A data: URL's bytes. */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(",");
  const text = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Browser mode's tools with the example taken from the page itself. */
export const offlineTools: BrowserTools = {
  ...lazyBrowserTools,
  fetchFile: (url) =>
    url === EXAMPLE_WORKBOOK_URL
      ? Promise.resolve(dataUrlBytes(exampleWorkbook))
      : Promise.reject(new Error("offline: no file " + url)),
};

function container(): HTMLElement {
  const existing = document.getElementById("container");
  if (existing) return existing;
  const created = document.createElement("div");
  created.id = "container";
  document.body.appendChild(created);
  return created;
}

ReactDOM.render(<BrowserModeApp tools={offlineTools} />, container());
