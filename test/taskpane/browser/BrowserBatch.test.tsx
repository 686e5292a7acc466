import * as React from "react";
import { readFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { BatchSummary } from "../../../src/engine/batch/types";
import { BrowserModeApp } from "../../../src/taskpane/browser/BrowserModeApp";
import {
  lazyBrowserTools,
  PartNotLoadedError,
  type BrowserTools,
} from "../../../src/taskpane/browser/browserTools";
import { DOCX_TYPE, XLSX_TYPE } from "../../../src/taskpane/browser/fileNames";
import { buttonNames, messageBars } from "../helpers/paneQueries";

const FIXTURES = path.join(__dirname, "..", "..", "fixtures");
const fixtureBytes = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const file = (name: string, bytes: Uint8Array | string = fixtureBytes(name)) =>
  new File([bytes as BlobPart], name.replace(/^.*\//, ""));

/** A file as a folder pick gives it: with the path below the folder the user chose. */
function inFolder(relativePath: string, bytes: Uint8Array | string): File {
  const picked = new File([bytes as BlobPart], relativePath.replace(/^.*\//, ""));
  Object.defineProperty(picked, "webkitRelativePath", { value: relativePath });
  return picked;
}

function recordingTools(overrides: Partial<BrowserTools> = {}) {
  const saved: Array<{ bytes: Uint8Array; fileName: string; type: string }> = [];
  const reported: BatchSummary[] = [];
  const tools: BrowserTools = {
    ...lazyBrowserTools,
    batchReportDocx: async (summary) => {
      reported.push(summary);
      return new Uint8Array([80, 75, 5, 6]);
    },
    save: async (bytes, fileName, type) => {
      saved.push({ bytes, fileName, type });
    },
    ...overrides,
  };
  return { tools, saved, reported };
}

function pick(files: File[]) {
  fireEvent.change(screen.getByTestId("file-input"), { target: { files } });
}

async function summaryTable(): Promise<HTMLElement> {
  return screen.findByTestId("batch-table", {}, { timeout: 10000 });
}

function tableRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent || "")
    );
}

const DEPARTMENT = "department-education-2024.xlsx";
const PROJECT = "project-school-safety-2024.xlsx";

describe("browser mode with several workbooks", () => {
  it("offers to open a folder, and says several files are summarised", () => {
    render(<BrowserModeApp tools={recordingTools().tools} />);
    // Beside 打开本地工作簿, before the example.
    expect(buttonNames().slice(0, 3)).toEqual(["打开本地工作簿", "打开文件夹", "用示例工作簿试用"]);
    expect(screen.getByTestId("folder-input").hasAttribute("webkitdirectory")).toBe(true);
    expect(screen.getByTestId("file-input").hasAttribute("multiple")).toBe(true);
    expect(screen.getByText(/选择多个文件或整个文件夹/).textContent).toBe(
      "也可将 .xlsx 文件拖放到此页面。选择多个文件或整个文件夹（也可拖放）时，逐个评分并汇总，可下载汇总表。"
    );
  });

  it("scores every file picked in the page, one row each, and counts what is no spreadsheet", async () => {
    render(<BrowserModeApp tools={recordingTools().tools} />);
    pick([
      file(DEPARTMENT),
      file(PROJECT),
      file("损坏.xlsx", new Uint8Array([1, 2, 3])),
      file("旧表.xls", "x"),
      file("通知.txt", "请于3月底前报送"),
    ]);
    const table = await summaryTable();
    const rows = tableRows(table);
    expect(rows.map((row) => row.slice(1, 3))).toEqual([
      [DEPARTMENT, "已评分"],
      [PROJECT, "已评分"],
      ["损坏.xlsx", "无法打开"],
      ["旧表.xls", "已跳过"],
    ]);
    expect(rows[0].slice(3, 7)).toEqual(["某区教育局", "部门整体", "98.36", "优"]);
    // The unit that fills the form in (实施单位), not its 主管部门 (finding 10).
    expect(rows[1].slice(3, 10)).toEqual([
      "某区教育局后勤服务中心",
      "中小学校园安全设施提升工程",
      "88.53",
      "良",
      "95%",
      "2",
      "1",
    ]);
    expect(rows[2][11]).toBe("不是有效的 .xlsx 工作簿（文件可能已损坏）。");
    expect(rows[3][11]).toBe("旧版 .xls 格式，无法直接读取：请另存为 .xlsx 后再评分。");
    expect(screen.getByTestId("batch-totals").textContent).toBe(
      "已评分 2 个，无法打开 1 个，已跳过 1 个（另有 1 个非表格文件未列入）；共 2 张自评表。错误 2 个，警告 2 个。"
    );
    // The single-file pane is not shown for a batch.
    expect(screen.queryByRole("button", { name: "一键评分" })).toBeNull();
  });

  it("says an empty folder has no files and keeps the workbook already scored", async () => {
    render(<BrowserModeApp tools={recordingTools().tools} />);
    pick([file(DEPARTMENT)]);
    await screen.findByText("当前工作簿：" + DEPARTMENT, {}, { timeout: 10000 });
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    expect((await screen.findByTestId("total", {}, { timeout: 10000 })).textContent).toBe(
      "98.36 / 100"
    );
    fireEvent.change(screen.getByTestId("folder-input"), { target: { files: [] } });
    await waitFor(() =>
      expect(messageBars()).toContainEqual({ kind: "error", text: "所选位置没有文件。" })
    );
    expect(screen.getByTestId("total").textContent).toBe("98.36 / 100");
    expect(screen.queryByText("当前工作簿：" + DEPARTMENT)).not.toBeNull();
  });

  it("names the files of a picked folder relative to it", async () => {
    render(<BrowserModeApp tools={recordingTools().tools} />);
    fireEvent.change(screen.getByTestId("folder-input"), {
      target: {
        files: [
          inFolder("收到的表/教育局/部门.xlsx", fixtureBytes(DEPARTMENT)),
          inFolder("收到的表/项目.xlsx", fixtureBytes(PROJECT)),
        ],
      },
    });
    const rows = tableRows(await summaryTable());
    expect(rows.map((row) => row[1])).toEqual(["教育局/部门.xlsx", "项目.xlsx"]);
  });

  it("downloads the 汇总 workbook, the scored copies as a .zip and the 汇总分析报告", async () => {
    const { tools, saved, reported } = recordingTools();
    render(<BrowserModeApp tools={tools} />);
    pick([file(DEPARTMENT), file(PROJECT)]);
    await summaryTable();

    fireEvent.click(screen.getByRole("button", { name: "下载汇总表（Excel）" }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].fileName).toBe("绩效自评汇总.xlsx");
    expect(saved[0].type).toBe(XLSX_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(saved[0].bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "汇总表",
      "问题清单",
      "抽查建议",
      "统计",
    ]);
    // The problem list links into the copies as they sit in the .zip.
    const link = workbook.getWorksheet("问题清单")!.getCell("D2").value as { hyperlink: string };
    expect(link.hyperlink).toBe(
      "评分副本/department-education-2024.xlsx#'部门整体支出绩效自评表'!G11"
    );

    fireEvent.click(screen.getByRole("button", { name: "下载评分副本（.zip）" }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1].fileName).toBe("评分副本.zip");
    expect(saved[1].type).toBe("application/zip");
    const zip = await JSZip.loadAsync(saved[1].bytes);
    expect(Object.keys(zip.files).sort()).toEqual([
      "评分副本/department-education-2024.xlsx",
      "评分副本/project-school-safety-2024.xlsx",
    ]);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(
      (await zip.file("评分副本/" + PROJECT)!.async("uint8array")) as unknown as ArrayBuffer
    );
    expect(copy.worksheets.map((sheet) => sheet.name)).toContain("评分结果");

    fireEvent.click(screen.getByRole("button", { name: "下载汇总分析报告（Word）" }));
    await waitFor(() => expect(saved).toHaveLength(3));
    expect(saved[2]).toMatchObject({ fileName: "绩效自评汇总分析报告.docx", type: DOCX_TYPE });
    expect(reported[0].totals.forms).toBe(2);
  });

  it("summarises a dropped folder, walking its entries", async () => {
    render(<BrowserModeApp tools={recordingTools().tools} />);
    const entryOf = (name: string, fullPath: string, content: File) => ({
      isFile: true,
      isDirectory: false,
      name,
      fullPath,
      file: (done: (f: File) => void) => done(content),
    });
    const folder = {
      isFile: false,
      isDirectory: true,
      name: "收到的表",
      fullPath: "/收到的表",
      createReader: () => {
        let given = false;
        return {
          readEntries: (done: (entries: unknown[]) => void) => {
            done(
              given
                ? []
                : [
                    entryOf("b.xlsx", "/收到的表/b.xlsx", file(PROJECT)),
                    entryOf("a.xlsx", "/收到的表/a.xlsx", file(DEPARTMENT)),
                  ]
            );
            given = true;
          },
        };
      },
    };
    const dataTransfer = {
      types: ["Files"],
      files: [],
      items: [{ kind: "file", webkitGetAsEntry: () => folder }],
    };
    fireEvent.drop(screen.getByTestId("browser-mode"), { dataTransfer });
    const rows = tableRows(await summaryTable());
    expect(rows.map((row) => row[1])).toEqual(["a.xlsx", "b.xlsx"]);
  });

  it("goes back to one workbook when one file is opened after a batch", async () => {
    render(<BrowserModeApp tools={recordingTools().tools} />);
    pick([file(DEPARTMENT), file(PROJECT)]);
    await summaryTable();
    pick([file(DEPARTMENT)]);
    await screen.findByText("当前工作簿：" + DEPARTMENT);
    expect(screen.queryByTestId("batch-view")).toBeNull();
  });

  it("says so when the scoring part of the page cannot be loaded", async () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { tools } = recordingTools({
        scoreBatchFile: () => Promise.reject(new PartNotLoadedError(new Error("ChunkLoadError"))),
      });
      render(<BrowserModeApp tools={tools} />);
      pick([file(DEPARTMENT), file(PROJECT)]);
      await waitFor(() =>
        expect(messageBars().slice(1)).toEqual([
          { kind: "error", text: "无法加载评分所需的组件，请检查网络连接后刷新页面重试。" },
        ])
      );
      expect(screen.queryByTestId("batch-view")).toBeNull();
    } finally {
      consoleError.mockRestore();
    }
  });
});
