import * as React from "react";
import { act, render, waitFor } from "@testing-library/react";
import { MessageBarType } from "@fluentui/react/lib/MessageBar";
import {
  MessageList,
  usePaneMessages,
  type PaneMessages,
} from "../../../src/taskpane/components/MessageList";
import { messageBars } from "../helpers/paneQueries";

describe("MessageList", () => {
  it("shows one bar per message, in order, coloured by its kind", () => {
    render(
      <MessageList
        delayedRender={false}
        messages={[
          { type: MessageBarType.error, text: "写入失败。" },
          { type: MessageBarType.info, text: "问题仅列于评分结果表。" },
          { type: MessageBarType.success, text: "已清除 2 处标记。" },
        ]}
      />
    );
    expect(messageBars()).toEqual([
      { kind: "error", text: "写入失败。" },
      { kind: "info", text: "问题仅列于评分结果表。" },
      { kind: "success", text: "已清除 2 处标记。" },
    ]);
  });

  it("shows a delayed bar's text once it has rendered, for screen readers to announce", async () => {
    render(<MessageList messages={[{ type: MessageBarType.warning, text: "未找到绩效指标表" }]} />);
    await waitFor(() =>
      expect(messageBars()).toEqual([{ kind: "warning", text: "未找到绩效指标表" }])
    );
  });
});

describe("usePaneMessages", () => {
  let messages: PaneMessages | null = null;
  function Pane() {
    messages = usePaneMessages(() => [{ type: MessageBarType.warning, text: "开始时的提醒" }]);
    return <MessageList messages={messages.messages} delayedRender={false} />;
  }

  it("starts with what it is given, and each call replaces what was said", () => {
    render(<Pane />);
    expect(messageBars()).toEqual([{ kind: "warning", text: "开始时的提醒" }]);
    act(() => messages!.say(MessageBarType.error, "失败"));
    expect(messageBars()).toEqual([{ kind: "error", text: "失败" }]);
    act(() =>
      messages!.show([
        { type: MessageBarType.info, text: "一" },
        { type: MessageBarType.info, text: "二" },
      ])
    );
    expect(messageBars().map((bar) => bar.text)).toEqual(["一", "二"]);
    act(() => messages!.clear());
    expect(messageBars()).toEqual([]);
  });

  it("says nothing once the pane has gone", () => {
    const view = render(<Pane />);
    const gone = messages!;
    view.unmount();
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      gone.say(MessageBarType.error, "太晚了");
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });
});
