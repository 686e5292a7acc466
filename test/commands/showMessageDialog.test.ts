import { showMessageDialog, type DialogOffice } from "../../src/commands/showMessageDialog";

const MESSAGE = { kind: "error" as const, title: "评分失败", lines: ["工作表受保护。"] };
const PAGE = "https://localhost:3000/commands.html?_host_Info=Excel";

type Handler = (arg: unknown) => void;

function fakeOffice(options: { supported?: boolean; fails?: boolean } = {}) {
  const handlers = new Map<string, Handler>();
  const dialog = {
    close: jest.fn(),
    addEventHandler: (type: string, h: Handler) => handlers.set(type, h),
  };
  const displayDialogAsync = jest.fn(
    (_url: string, _options: unknown, callback: (result: unknown) => void) =>
      callback(
        options.fails
          ? { status: "failed", error: { message: "12007" } }
          : { status: "succeeded", value: dialog }
      )
  );
  const office = {
    context: {
      requirements: { isSetSupported: () => options.supported !== false },
      ui: { displayDialogAsync },
    },
    EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" },
    AsyncResultStatus: { Failed: "failed" },
  } as unknown as DialogOffice;
  return { office, handlers, dialog, displayDialogAsync };
}

describe("showMessageDialog", () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it("opens message.html with the message and resolves when its 关闭 button messages back", async () => {
    const fake = fakeOffice();
    const shown = showMessageDialog(fake.office, PAGE, MESSAGE);
    expect(fake.displayDialogAsync.mock.calls[0][0]).toMatch(
      /^https:\/\/localhost:3000\/message\.html\?kind=error&title=/
    );
    fake.handlers.get("message")!({ message: "close" });
    await expect(shown).resolves.toBeUndefined();
    expect(fake.dialog.close).toHaveBeenCalled();
  });

  it("resolves when the user closes the dialog window", async () => {
    const fake = fakeOffice();
    const shown = showMessageDialog(fake.office, PAGE, MESSAGE);
    fake.handlers.get("event")!({ error: 12006 });
    await expect(shown).resolves.toBeUndefined();
  });

  it("falls back to the console without the Dialog API or when the dialog cannot open", async () => {
    const unsupported = fakeOffice({ supported: false });
    await showMessageDialog(unsupported.office, PAGE, MESSAGE);
    expect(unsupported.displayDialogAsync).not.toHaveBeenCalled();
    await showMessageDialog(fakeOffice({ fails: true }).office, PAGE, MESSAGE);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[1].join(" ")).toContain("工作表受保护。");
  });
});
