import * as React from "react";
import { readFileSync } from "fs";
import * as path from "path";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ScoreResult } from "../../../src/engine/scoreWorkbook";
import { BrowserModeApp, EXAMPLE_WORKBOOK_URL } from "../../../src/taskpane/browser/BrowserModeApp";
import {
  lazyBrowserTools,
  PartNotLoadedError,
  type BrowserTools,
  type FileWorkbookPort,
} from "../../../src/taskpane/browser/browserTools";
import { DOCX_TYPE, XLSX_TYPE } from "../../../src/taskpane/browser/fileNames";
import { buttonNames, messageBars } from "../helpers/paneQueries";

// Reading and scoring a real workbook takes well over the default second when other jest workers
// share the machine; findBy… and waitFor wait up to ten seconds here instead of flaking.
configure({ asyncUtilTimeout: 10000 });

const FIXTURES = path.join(__dirname, "..", "..", "fixtures");
const DEPARTMENT = "department-education-2024.xlsx";
const DEPARTMENT_SHEET = "部门整体支出绩效自评表";

/** Browser mode's messages below its intro (which is always there). */
function appMessages() {
  return messageBars().filter((bar) => !bar.text.startsWith("在浏览器中评分："));
}

const DAMAGED_MESSAGE =
  "无法读取 损坏.xlsx：不是有效的 .xlsx 工作簿（文件已损坏，或不是 Excel 工作簿）。";

const fixtureBytes = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

/** The real tools (XlsxFilePort over the bytes), with downloads and the Word file recorded. */
function recordingTools(overrides: Partial<BrowserTools> = {}) {
  const ports: FileWorkbookPort[] = [];
  const saved: Array<{ bytes: Uint8Array; fileName: string; type: string }> = [];
  const narrated: ScoreResult[] = [];
  const docxBytes = new Uint8Array([80, 75, 3, 4]);
  const tools: BrowserTools = {
    ...lazyBrowserTools,
    openWorkbook: async (bytes, fileName) => {
      const port = await lazyBrowserTools.openWorkbook(bytes, fileName);
      ports.push(port);
      return port;
    },
    narrativeDocx: async (result) => {
      narrated.push(result);
      return docxBytes;
    },
    save: async (bytes, fileName, type) => {
      saved.push({ bytes, fileName, type });
    },
    ...overrides,
  };
  return { tools, ports, saved, narrated, docxBytes };
}

function pickFile(file: File) {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  expect(input.getAttribute("accept")).toBe(".xlsx");
  fireEvent.change(input, { target: { files: [file] } });
}

const xlsxFile = (name: string, bytes = fixtureBytes(name)) => new File([bytes], name);

async function scoreOpened(fileName: string) {
  await screen.findByText("当前工作簿：" + fileName);
  fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
  await screen.findByTestId("total");
}

describe("browser mode", () => {
  it("offers 打开本地工作簿, the example and dropping a file, before any workbook is open", () => {
    render(<BrowserModeApp tools={recordingTools().tools} />);
    // No 一键评分 before a file is open.
    expect(buttonNames()).toEqual([
      "打开本地工作簿",
      "打开文件夹",
      "用示例工作簿试用",
      "导入规则集…",
    ]);
    expect(screen.getByText(/拖放到此页面/).textContent).toBe(
      "也可将 .xlsx 文件拖放到此页面。选择多个文件或整个文件夹（也可拖放）时，逐个评分并汇总，可下载汇总表。"
    );
    expect(messageBars()).toEqual([
      {
        kind: "info",
        text: "在浏览器中评分：打开本地 .xlsx 绩效自评表即可评分。文件只在本机浏览器中处理，不会上传。",
      },
    ]);
  });

  it("scores a picked .xlsx file through XlsxFilePort and previews its sheet", async () => {
    const { tools, ports } = recordingTools();
    render(<BrowserModeApp tools={tools} />);
    pickFile(xlsxFile(DEPARTMENT));
    await screen.findByRole("tab", { name: DEPARTMENT_SHEET });
    expect(document.querySelector('[data-cell="C11"]')!.textContent).toBe("预算执行率");
    await scoreOpened(DEPARTMENT);
    expect(screen.getByTestId("total").textContent).toBe("98.36 / 100");
    expect(screen.getByTestId("rating").textContent).toBe("优");
    expect(ports).toHaveLength(1);
    expect(ports[0].scoredCopy()).not.toBeNull();
    // The copy is all that is written: no Excel undo warning, no 清除标记, no sheet links.
    expect(screen.queryByText(/Ctrl\+Z/)).toBeNull();
    expect(screen.queryByRole("button", { name: "清除标记" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^转到/ })).toBeNull();
    // The preview shows the cell scoring marked, in the warning fill.
    expect(document.querySelector('[data-cell="G11"]')!.getAttribute("data-mark")).toBe("warning");
  });

  it("marks a problem's cell in the preview when the problem is clicked", async () => {
    render(<BrowserModeApp tools={recordingTools().tools} />);
    pickFile(xlsxFile(DEPARTMENT));
    await scoreOpened(DEPARTMENT);
    expect(document.querySelector("[data-selected]")).toBeNull();
    fireEvent.click(screen.getByText(DEPARTMENT_SHEET + "!G11"));
    await waitFor(() =>
      expect(document.querySelector('[data-cell="G11"]')!.getAttribute("data-selected")).toBe(
        "true"
      )
    );
    expect(document.querySelector('[data-cell="G11"]')!.getAttribute("aria-selected")).toBe("true");
  });

  it("reads the file once for the preview and every scoring", async () => {
    const { tools, ports } = recordingTools();
    render(<BrowserModeApp tools={tools} />);
    pickFile(xlsxFile(DEPARTMENT));
    await screen.findByText("当前工作簿：" + DEPARTMENT);
    const read = jest.spyOn(ports[0], "read");
    await scoreOpened(DEPARTMENT);
    fireEvent.click(screen.getByRole("button", { name: "重新评分" }));
    await waitFor(() => expect(screen.queryByText("正在读取工作簿…")).toBeNull());
    expect(read).not.toHaveBeenCalled();
  });

  it("downloads the scored copy as <name>-评分.xlsx with the port's bytes", async () => {
    const { tools, ports, saved } = recordingTools();
    render(<BrowserModeApp tools={tools} />);
    pickFile(xlsxFile(DEPARTMENT));
    await scoreOpened(DEPARTMENT);
    fireEvent.click(screen.getByRole("button", { name: "下载评分结果" }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].fileName).toBe("department-education-2024-评分.xlsx");
    expect(saved[0].type).toBe(XLSX_TYPE);
    expect(saved[0].bytes).toBe(ports[0].scoredCopy());
  });

  it("downloads the 自评表说明 of the result shown as <name>-自评表说明.docx", async () => {
    const { tools, saved, narrated, docxBytes } = recordingTools();
    render(<BrowserModeApp tools={tools} />);
    pickFile(xlsxFile(DEPARTMENT));
    await scoreOpened(DEPARTMENT);
    fireEvent.click(screen.getByRole("button", { name: "下载自评表说明（Word）" }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(narrated[0].report.total!.score).toBe(98.36);
    expect(saved[0]).toEqual({
      bytes: docxBytes,
      fileName: "department-education-2024-自评表说明.docx",
      type: DOCX_TYPE,
    });
  });

  it("says in Chinese that a file which is not .xlsx cannot be opened, and opens nothing", async () => {
    const { tools, ports } = recordingTools();
    render(<BrowserModeApp tools={tools} />);
    pickFile(new File(["一些文字"], "会议纪要.docx"));
    expect(appMessages()).toEqual([
      {
        kind: "error",
        text: "“会议纪要.docx”不是 .xlsx 工作簿。请选择 .xlsx 文件；旧版 .xls/.et 文件请先在 Excel 或 WPS 中另存为 .xlsx。",
      },
    ]);
    expect(ports).toHaveLength(0);
    expect(screen.queryByRole("button", { name: "一键评分" })).toBeNull();
  });

  it("says which file is not a readable workbook when an .xlsx is damaged", async () => {
    render(<BrowserModeApp tools={recordingTools().tools} />);
    pickFile(xlsxFile("损坏.xlsx", new Uint8Array([1, 2, 3, 4])));
    await waitFor(() => expect(appMessages()).toEqual([{ kind: "error", text: DAMAGED_MESSAGE }]));
    expect(screen.queryByRole("button", { name: "一键评分" })).toBeNull();
  });

  it("says so when a part of the page cannot be loaded", async () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { tools } = recordingTools({
        readFile: () => Promise.reject(new PartNotLoadedError(new Error("ChunkLoadError"))),
      });
      render(<BrowserModeApp tools={tools} />);
      pickFile(xlsxFile(DEPARTMENT));
      await waitFor(() =>
        expect(appMessages()).toEqual([
          { kind: "error", text: "无法加载评分所需的组件，请检查网络连接后刷新页面重试。" },
        ])
      );
      expect(document.body.textContent).not.toMatch(/ChunkLoadError/);
    } finally {
      consoleError.mockRestore();
    }
  });

  it("用示例工作簿试用 fetches the bundled example beside the page", async () => {
    const fetched: string[] = [];
    const { tools } = recordingTools({
      fetchFile: async (url) => {
        fetched.push(url);
        return fixtureBytes(DEPARTMENT);
      },
    });
    render(<BrowserModeApp tools={tools} />);
    fireEvent.click(screen.getByText("用示例工作簿试用"));
    await scoreOpened(DEPARTMENT);
    expect(fetched).toEqual([EXAMPLE_WORKBOOK_URL]);
    expect(EXAMPLE_WORKBOOK_URL).toBe("assets/examples/department-education-2024.xlsx");
    expect(screen.getByTestId("total").textContent).toBe("98.36 / 100");
  });

  it("opens a workbook dropped onto the page", async () => {
    render(<BrowserModeApp tools={recordingTools().tools} />);
    const page = screen.getByTestId("browser-mode");
    const dataTransfer = { types: ["Files"], files: [xlsxFile(DEPARTMENT)], dropEffect: "none" };
    fireEvent.dragOver(page, { dataTransfer });
    expect(page.getAttribute("data-dragging")).toBe("true");
    fireEvent.drop(page, { dataTransfer });
    await scoreOpened(DEPARTMENT);
    expect(page.getAttribute("data-dragging")).toBeNull();
  });

  it("starts afresh with the next file, keeping the chosen rules", async () => {
    render(<BrowserModeApp tools={recordingTools().tools} />);
    pickFile(xlsxFile(DEPARTMENT));
    await scoreOpened(DEPARTMENT);
    fireEvent.click(screen.getByRole("radio", { name: "部门整体支出" }));
    pickFile(xlsxFile("project-school-safety-2024.xlsx"));
    await screen.findByText("当前工作簿：project-school-safety-2024.xlsx");
    expect(screen.queryByTestId("total")).toBeNull();
    expect((screen.getByRole("radio", { name: "部门整体支出" }) as HTMLInputElement).checked).toBe(
      true
    );
    expect(
      within(screen.getByRole("tablist"))
        .getAllByRole("tab")
        .map((tab) => tab.textContent)
    ).toEqual(["项目自评表"]);
  });
});
