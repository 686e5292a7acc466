import { screen, waitFor } from "@testing-library/react";
import { buttonNames, messageBars } from "./helpers/paneQueries";

// The Office.js port is written elsewhere; the entry point only needs the factory's name. A
// virtual mock lets this test run whether or not that file exists yet.
jest.mock(
  "../../src/workbook/office/officeWorkbookPort",
  () => ({
    createOfficeWorkbookPort: () => ({
      read: jest.fn(),
      write: jest.fn(),
      clearMarks: jest.fn(),
      select: jest.fn(),
    }),
  }),
  { virtual: true }
);

type OnReady = (callback: (info: { host: string | null; platform: string | null }) => void) => void;

function fakeOffice(host: string | null, displayLanguage: string, onReady?: OnReady) {
  return {
    HostType: { Excel: "Excel", Word: "Word" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady:
      onReady ??
      ((callback: (info: { host: string | null; platform: string | null }) => void) =>
        callback({ host, platform: host ? "PC" : null })),
    context: {
      displayLanguage,
      officeTheme: {
        bodyBackgroundColor: "#262626",
        bodyForegroundColor: "#FFFFFF",
        controlBackgroundColor: "#444444",
        controlForegroundColor: "#FFFFFF",
        isDarkTheme: true,
      },
      document: { settings: { get: () => null, set: () => undefined, saveAsync: () => undefined } },
    },
  };
}

const globals = globalThis as { Office?: unknown };

/** Browser mode's controls before a file is open, in order (the example is a link-button). */
const BROWSER_MODE_BUTTONS = ["打开本地工作簿", "打开文件夹", "用示例工作簿试用", "导入规则集…"];

// Each start loads the entry point afresh, with its own copy of React; unmount with that copy.
let isolatedReactDom: typeof import("react-dom") | null = null;

function startEntryPoint() {
  jest.isolateModules(() => {
    isolatedReactDom = require("react-dom");
    require("../../src/taskpane/index");
  });
}

describe("task pane entry point", () => {
  beforeEach(() => {
    document.body.innerHTML = '<div id="container"></div>';
  });

  afterEach(() => {
    isolatedReactDom?.unmountComponentAtNode(document.getElementById("container")!);
    delete globals.Office;
  });

  it("opens browser mode when office.js did not load", () => {
    expect(typeof globals.Office).toBe("undefined");
    startEntryPoint();
    // True in a plain browser, the offline file and an Office whose office.js did not load.
    expect(messageBars()).toEqual([
      {
        kind: "info",
        text: "在浏览器中评分：打开本地 .xlsx 绩效自评表即可评分。文件只在本机浏览器中处理，不会上传。",
      },
    ]);
    expect(buttonNames()).toEqual(BROWSER_MODE_BUTTONS);
    expect(document.querySelector('input[type="file"][accept=".xlsx"]')).not.toBeNull();
  });

  it("opens browser mode when Office reports no host (a plain browser)", () => {
    globals.Office = fakeOffice(null, "zh-CN");
    startEntryPoint();
    // Scoring waits for a file: no 一键评分 yet.
    expect(buttonNames()).toEqual(BROWSER_MODE_BUTTONS);
  });

  it("opens browser mode in Chinese even in an English browser", () => {
    globals.Office = fakeOffice(null, "en-US");
    startEntryPoint();
    expect(buttonNames()).toEqual(BROWSER_MODE_BUTTONS);
    expect(screen.getByTestId("browser-mode").getAttribute("lang")).toBe("zh-CN");
  });

  it("keeps Fluent from fetching its web fonts from Microsoft's CDN", () => {
    startEntryPoint();
    const config = (window as unknown as { FabricConfig?: { fontBaseUrl?: string } }).FabricConfig;
    // Set before Fluent's theme loads (the browser tests check that no request leaves the page).
    expect(config && config.fontBaseUrl).toBe("");
  });

  it("renders the pane in Excel, in Chinese for a Chinese Office", async () => {
    globals.Office = fakeOffice("Excel", "zh-CN");
    startEntryPoint();
    await waitFor(() => expect(buttonNames()).toEqual(["一键评分", "清除标记"]));
    expect(screen.getByRole("main").getAttribute("lang")).toBe("zh-CN");
    expect(screen.queryByText(/在浏览器中评分/)).toBeNull();
  });

  it("renders the pane in English for an English Office", () => {
    globals.Office = fakeOffice("Excel", "en-GB");
    startEntryPoint();
    expect(buttonNames()).toEqual(["Score workbook", "Clear marks"]);
    expect(screen.getByRole("main").getAttribute("lang")).toBe("en-US");
  });

  it("renders into a container of its own when the page has none", () => {
    document.body.innerHTML = "";
    startEntryPoint();
    expect(document.getElementById("container")!.textContent).toMatch(/打开本地工作簿/);
  });
});
