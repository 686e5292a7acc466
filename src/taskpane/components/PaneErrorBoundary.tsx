import * as React from "react";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";

export interface PaneErrorBoundaryProps {
  /** What to say instead of the pane when rendering fails (Chinese or English, never a stack). */
  readonly message: string;
  readonly children?: React.ReactNode;
}

interface PaneErrorBoundaryState {
  readonly failed: boolean;
}

/** Catches render errors so that a bug shows a sentence, not a blank pane. */
export class PaneErrorBoundary extends React.Component<
  PaneErrorBoundaryProps,
  PaneErrorBoundaryState
> {
  override state: PaneErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): PaneErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error("绩效自评助手:", error);
  }

  override render(): React.ReactNode {
    if (this.state.failed) {
      return (
        <MessageBar messageBarType={MessageBarType.error} delayedRender={false}>
          {this.props.message}
        </MessageBar>
      );
    }
    return this.props.children;
  }
}
