import type { CommandMessage } from "./commandMessage";
import { messagePageUrl } from "./messagePageUrl";

/** The parts of Office the dialog uses, so tests can pass a fake. */
export interface DialogOffice {
  readonly context: {
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    readonly ui: Pick<Office.UI, "displayDialogAsync">;
  };
  readonly EventType: Pick<
    typeof Office.EventType,
    "DialogMessageReceived" | "DialogEventReceived"
  >;
  readonly AsyncResultStatus: Pick<typeof Office.AsyncResultStatus, "Failed">;
}

/**
 * Shows a finished command's message in an Office dialog (message.html beside the calling page)
 * and resolves when the user closes it. A command has no pane of its own: without the dialog a
 * failure would go unseen. Where the Dialog API is missing, or the dialog cannot open (another
 * is already open), the message goes to the console and this resolves at once.
 */
export function showMessageDialog(
  office: DialogOffice,
  pageUrl: string,
  message: CommandMessage
): Promise<void> {
  return new Promise<void>((resolve) => {
    const toConsole = (reason: string): void => {
      console.warn("绩效自评助手：" + reason, message.title, message.lines.join(" "));
      resolve();
    };
    if (!office.context.requirements.isSetSupported("DialogApi", "1.1")) {
      toConsole("此版本的 Office 不支持对话框");
      return;
    }
    office.context.ui.displayDialogAsync(
      messagePageUrl(pageUrl, message),
      // In Excel on the web an iframe is not stopped by the browser's pop-up blocker.
      { height: 40, width: 36, displayInIframe: true },
      (result) => {
        if (result.status === office.AsyncResultStatus.Failed) {
          toConsole("无法打开对话框（" + (result.error ? result.error.message : "") + "）");
          return;
        }
        const dialog = result.value;
        // The page's 关闭 button messages back; the window's own close button is an event.
        dialog.addEventHandler(office.EventType.DialogMessageReceived, () => {
          dialog.close();
          resolve();
        });
        dialog.addEventHandler(office.EventType.DialogEventReceived, () => resolve());
      }
    );
  });
}
