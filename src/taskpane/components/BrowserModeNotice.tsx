import * as React from "react";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import type { TaskpaneStrings } from "../strings";

const classes = mergeStyleSets({
  panel: { padding: "12px 16px" },
  title: { fontSize: 16, fontWeight: 600, margin: "0 0 8px" },
});

export interface BrowserModeNoticeProps {
  readonly strings: TaskpaneStrings;
}

/**
 * Shown when the page is opened outside Excel (or office.js did not load): says where the pane
 * works instead of leaving the page blank. Browser mode (scoring an .xlsx file) will replace it.
 */
export function BrowserModeNotice({ strings }: BrowserModeNoticeProps) {
  return (
    <main className={classes.panel}>
      <h1 className={classes.title}>{strings.browserModeTitle}</h1>
      <MessageBar messageBarType={MessageBarType.info} delayedRender={false}>
        {strings.browserModeBody}
      </MessageBar>
    </main>
  );
}
