import * as React from "react";
import { ThemeProvider } from "@fluentui/react/lib/Theme";
import type { ITheme } from "@fluentui/react/lib/Styling";
import { FocusRects } from "@fluentui/react/lib/Utilities";
import { registerPaneIcons } from "../icons";
import { stringsFor } from "../strings";
import { PaneErrorBoundary } from "./PaneErrorBoundary";
import { TaskPane, type TaskPaneProps } from "./TaskPane";

export interface TaskPaneAppProps extends TaskPaneProps {
  /** The Office theme as a Fluent theme; Fluent's default when absent. */
  readonly theme?: ITheme;
}

/** The pane with its theme, icons, visible keyboard focus and a last-resort error boundary. */
export function TaskPaneApp({ theme, ...paneProps }: TaskPaneAppProps) {
  registerPaneIcons();
  const strings = stringsFor(paneProps.language);
  return (
    <ThemeProvider theme={theme} style={{ minHeight: "100vh" }}>
      <FocusRects />
      <PaneErrorBoundary message={strings.genericError}>
        <TaskPane {...paneProps} />
      </PaneErrorBoundary>
    </ThemeProvider>
  );
}
