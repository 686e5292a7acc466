import * as React from "react";
import { MessageBar, type MessageBarType } from "@fluentui/react/lib/MessageBar";
import { useMounted } from "./useMounted";

/** One message bar: what happened, coloured by how it went. */
export interface PaneMessage {
  readonly type: MessageBarType;
  readonly text: string;
}

export interface MessageListProps {
  readonly messages: readonly PaneMessage[];
  readonly className?: string;
  /**
   * Fluent's delayed rendering, which lets screen readers announce a bar that appears after an
   * action (its default); false shows the text at once.
   */
  readonly delayedRender?: boolean;
}

/** The messages of a pane (the task pane's, browser mode's), one bar each, in order. */
export function MessageList({ messages, className, delayedRender }: MessageListProps) {
  return (
    <>
      {messages.map((message, index) => (
        <MessageBar
          key={index}
          className={className}
          messageBarType={message.type}
          delayedRender={delayedRender}
        >
          {message.text}
        </MessageBar>
      ))}
    </>
  );
}

/** The messages a pane shows, and the ways to replace them (nothing once it has gone). */
export interface PaneMessages {
  readonly messages: readonly PaneMessage[];
  /** Replaces the messages with these. */
  show(messages: readonly PaneMessage[]): void;
  /** Replaces the messages with this one. */
  say(type: MessageBarType, text: string): void;
  clear(): void;
}

/** A pane's message list: each run or action replaces what the one before said. */
export function usePaneMessages(initial: () => readonly PaneMessage[] = () => []): PaneMessages {
  const isMounted = useMounted();
  const [messages, setMessages] = React.useState<readonly PaneMessage[]>(initial);
  const show = React.useCallback(
    (next: readonly PaneMessage[]) => {
      if (isMounted()) setMessages(next);
    },
    [isMounted]
  );
  return {
    messages,
    show,
    say: (type, text) => show([{ type, text }]),
    clear: () => show([]),
  };
}
