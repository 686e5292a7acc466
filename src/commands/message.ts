/**
 * The dialog page (message.html) in which 一键评分 reports how it went: the message arrives in
 * the query string (see messagePageUrl) and is written as text, never as HTML.
 */
import { readMessageQuery } from "./messagePageUrl";

function closeDialog(): void {
  if (typeof Office !== "undefined" && Office.context && Office.context.ui) {
    Office.context.ui.messageParent("close");
  } else {
    window.close();
  }
}

function render(): void {
  const message = readMessageQuery(window.location.search) ?? {
    kind: "error" as const,
    title: "没有可显示的消息",
    lines: [],
  };
  document.title = message.title + " - 绩效自评助手";
  document.body.className = "kind-" + message.kind;
  const title = document.getElementById("title");
  const lines = document.getElementById("lines");
  if (title) title.textContent = message.title;
  if (lines) {
    for (const line of message.lines) {
      const paragraph = document.createElement("p");
      paragraph.textContent = line;
      lines.appendChild(paragraph);
    }
  }
  const button = document.getElementById("close");
  if (button) button.onclick = closeDialog;
}

render();
if (typeof Office !== "undefined") void Office.onReady();
