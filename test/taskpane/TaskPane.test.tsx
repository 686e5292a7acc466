import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { RULE_SETS } from "../../src/engine/rules/ruleSets";
import { TaskPaneApp } from "../../src/taskpane/components/TaskPaneApp";
import { InMemorySettingsStore } from "../../src/taskpane/settings/settingsStore";
import type { TaskpaneLanguage } from "../../src/taskpane/strings";
import { noticesOf, WorkbookPortError, type WorkbookPort } from "../../src/workbook/port";
import { scoreOpenWorkbook } from "../../src/workbook/scoreOpenWorkbook";
import {
  departmentWorkbook,
  FORM_SHEET,
  twoFormWorkbook,
  workbookWithoutForm,
} from "./helpers/departmentForm";
import { FakeWorkbookPort } from "./helpers/fakeWorkbookPort";
import {
  buttonNames,
  listedProblems,
  messageBars,
  paneMessages,
  progressLabel,
} from "./helpers/paneQueries";

const UNDO_NOTICE = /Excel 的撤销（Ctrl\+Z）不能可靠地撤销加载项所做的更改.*“清除标记”可去除标记/;

function renderPane(
  port: WorkbookPort,
  options: {
    settings?: InMemorySettingsStore;
    language?: TaskpaneLanguage;
    score?: typeof scoreOpenWorkbook;
  } = {}
) {
  const settings = options.settings ?? new InMemorySettingsStore();
  const view = render(
    <TaskPaneApp
      port={port}
      settings={settings}
      language={options.language ?? "zh-CN"}
      score={options.score}
    />
  );
  return { ...view, settings };
}

async function scoreOnce() {
  fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
  await screen.findByText("总分");
}

function problemItem(location: string): HTMLElement {
  return screen.getByText(location).closest('[role="button"]') as HTMLElement;
}

describe("task pane", () => {
  it("warns before the first write that Ctrl+Z cannot undo it, pointing to 清除标记", async () => {
    const port = new FakeWorkbookPort(departmentWorkbook());
    renderPane(port);
    expect(messageBars()).toEqual([{ kind: "warning", text: expect.stringMatching(UNDO_NOTICE) }]);
    expect(buttonNames()).toEqual(["一键评分", "清除标记"]);
    expect(port.calls).toEqual([]);
    await scoreOnce();
    expect(port.calls).toEqual(["read", "write"]);
    expect(screen.queryByText(UNDO_NOTICE)).toBeNull();
    expect(messageBars()).toEqual([]);
  });

  it("scores through the port and shows 总分, 评级, sub-scores and the problems by severity", async () => {
    const port = new FakeWorkbookPort(departmentWorkbook());
    renderPane(port);
    await scoreOnce();

    // 45 (computed 门诊人次) + 50 (预算执行率, the invalid entered 60 replaced) = 95 → 优
    expect(screen.getByTestId("total").textContent).toBe("95 / 100");
    expect(screen.getByTestId("rating").previousElementSibling!.textContent).toBe("评级");
    expect(screen.getByTestId("rating").textContent).toBe("优");

    const table = screen.getByRole("table");
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(["履职效能45/50", "服务45/50", "管理效能50/50", "预算50/50"]);

    // Errors first, then warnings; no 提示 here.
    const regions = screen
      .getAllByRole("region")
      .map((region) => region.getAttribute("aria-labelledby"));
    expect(regions).toEqual(["selfeval-problems-error", "selfeval-problems-warning"]);
    const errors = screen.getByRole("region", { name: "错误（1）" });
    expect(listedProblems(errors)).toEqual([
      [FORM_SHEET + "!G5", expect.stringMatching(/^「预算执行率」自评得分60分超过分值50分/)],
    ]);
    const warnings = screen.getByRole("region", { name: "警告（1）" });
    expect(listedProblems(warnings)).toEqual([
      [FORM_SHEET + "!H4", expect.stringMatching(/^「门诊人次」得分45分（分值50分）有扣分/)],
    ]);

    // What was written: one mark per problem cell, and the two output sheets.
    expect(port.writes[0].marks.map((mark) => mark.cell).sort()).toEqual(["G5", "H4"]);
    expect(screen.getByText(/^已标记/).textContent).toBe("已标记 2 个单元格。");
  });

  it("shows each form's 总分 and 评级 under its own heading when there are several", async () => {
    renderPane(new FakeWorkbookPort(twoFormWorkbook()));
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    const second = await screen.findByRole("region", {
      name: "2024年度部门整体支出绩效自评表（二级单位）",
    });
    expect(within(second).getByTestId("total").textContent).toBe("87.22 / 100");
    expect(within(second).getByTestId("rating").textContent).toBe("良");
    const rows = within(within(second).getByRole("table"))
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(["产出指标40/50", "数量指标40/50", "效益指标47.22/50", "满意度47.22/50"]);
    const first = screen.getByRole("region", {
      name: "2024年度部门整体支出绩效自评表（部门自评表）",
    });
    expect(within(first).getByTestId("total").textContent).toBe("95 / 100");
    const warnings = screen.getByRole("region", { name: "警告（2）" });
    expect(listedProblems(warnings).map(([location]) => location)).toEqual([
      FORM_SHEET + "!H4",
      "二级单位!H4",
    ]);
  });

  it("shows progress in Chinese while reading and while writing", async () => {
    let finishRead: () => void = () => undefined;
    let finishWrite: () => void = () => undefined;
    const inner = new FakeWorkbookPort(departmentWorkbook());
    const port: WorkbookPort = {
      read: () => new Promise((resolve) => (finishRead = () => resolve(inner.read()))),
      write: (plan) => new Promise((resolve) => (finishWrite = () => resolve(inner.write(plan)))),
      clearMarks: () => inner.clearMarks(),
      select: (sheet, cell) => inner.select(sheet, cell),
    };
    renderPane(port);
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    expect(progressLabel()).toBe("正在读取工作簿…");
    expect(screen.getByRole("button", { name: "一键评分" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("button", { name: "清除标记" }).hasAttribute("disabled")).toBe(true);
    await act(async () => finishRead());
    expect(progressLabel()).toBe("正在标记问题并写入结果工作表…");
    await act(async () => finishWrite());
    expect(progressLabel()).toBeNull();
    expect(screen.queryByText("正在标记问题并写入结果工作表…")).toBeNull();
    expect(screen.getByTestId("total").textContent).toBe("95 / 100");
  });

  it("asks the port to select a problem's cell when the problem is clicked", async () => {
    const port = new FakeWorkbookPort(departmentWorkbook());
    renderPane(port);
    await scoreOnce();
    fireEvent.click(screen.getByText(/「预算执行率」自评得分60分/));
    await waitFor(() => expect(port.selections).toEqual([{ sheet: FORM_SHEET, cell: "G5" }]));
  });

  it("selects a problem's cell on Enter and on Space, and each problem is focusable", async () => {
    const port = new FakeWorkbookPort(departmentWorkbook());
    renderPane(port);
    await scoreOnce();
    const error = problemItem(FORM_SHEET + "!G5");
    const warning = problemItem(FORM_SHEET + "!H4");
    expect(error.tabIndex).toBe(0);
    error.focus();
    expect(document.activeElement).toBe(error);
    fireEvent.keyDown(error, { key: "Enter" });
    fireEvent.keyDown(warning, { key: " " });
    fireEvent.keyDown(warning, { key: "a" });
    await waitFor(() =>
      expect(port.selections).toEqual([
        { sheet: FORM_SHEET, cell: "G5" },
        { sheet: FORM_SHEET, cell: "H4" },
      ])
    );
  });

  it("links to the results and narrative sheets, selecting A1 on them", async () => {
    const port = new FakeWorkbookPort(departmentWorkbook());
    renderPane(port);
    await scoreOnce();
    fireEvent.click(screen.getByRole("button", { name: "转到“评分结果”" }));
    fireEvent.click(screen.getByRole("button", { name: "转到“自评表说明”" }));
    await waitFor(() =>
      expect(port.selections).toEqual([
        { sheet: "评分结果", cell: "A1" },
        { sheet: "自评表说明", cell: "A1" },
      ])
    );
  });

  it("shows a port failure's Chinese message as it is, without a stack", async () => {
    const message = "工作表“部门自评表”受保护，无法标记问题单元格。请撤销工作表保护后重试。";
    const port = new FakeWorkbookPort(departmentWorkbook(), {
      writeError: new WorkbookPortError("sheet-protected", message),
    });
    renderPane(port);
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    await waitFor(() => expect(paneMessages()).toEqual([{ kind: "error", text: message }]));
    expect(document.body.textContent).not.toMatch(/WorkbookPortError|\bat\b|\.ts:\d/);
    expect(screen.queryByText("总分")).toBeNull();
    expect(screen.getByRole("button", { name: "一键评分" }).hasAttribute("disabled")).toBe(false);
  });

  it("shows any other failure as a generic Chinese message, the details only in the console", async () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const port = new FakeWorkbookPort(departmentWorkbook(), {
        readError: new TypeError("Cannot read properties of undefined (reading 'values')"),
      });
      renderPane(port);
      fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
      await waitFor(() =>
        expect(paneMessages()).toEqual([
          {
            kind: "error",
            text: "操作未能完成，请重试。如果问题仍然存在，请关闭并重新打开此窗格。",
          },
        ])
      );
      expect(document.body.textContent).not.toMatch(/Cannot read|TypeError/);
      expect(consoleError).toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });

  it("shows a failed select (sheet renamed since scoring) in a message bar", async () => {
    const message = "找不到工作表“部门自评表”，可能已被重命名或删除。请重新评分。";
    const port = new FakeWorkbookPort(departmentWorkbook(), {
      selectError: new WorkbookPortError("sheet-missing", message),
    });
    renderPane(port);
    await scoreOnce();
    fireEvent.click(problemItem(FORM_SHEET + "!G5"));
    await waitFor(() => expect(messageBars()).toEqual([{ kind: "error", text: message }]));
    // The result stays: the failed select says what happened and changes nothing else.
    expect(screen.getByTestId("total").textContent).toBe("95 / 100");
  });

  it("says 未找到绩效指标表 for a workbook without a form and writes nothing", async () => {
    const port = new FakeWorkbookPort(workbookWithoutForm());
    renderPane(port);
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    await waitFor(() =>
      expect(paneMessages()).toEqual([
        {
          kind: "warning",
          text: "未找到绩效指标表：工作簿中没有包含“一级指标”“分值”“自评得分”等表头的绩效自评表，未做任何更改。",
        },
      ])
    );
    expect(port.calls).toEqual(["read"]);
    expect(screen.queryByText("总分")).toBeNull();
  });

  it("shows the port's notices as information", async () => {
    const notice = "此版本的 Excel 不支持批注，问题仅列于评分结果表。";
    const port = new FakeWorkbookPort(departmentWorkbook(), { notices: [notice] });
    renderPane(port);
    await scoreOnce();
    await waitFor(() => expect(messageBars()).toEqual([{ kind: "info", text: notice }]));
  });

  it("清除标记 asks the port to clear the marks and says how many", async () => {
    const port = new FakeWorkbookPort(departmentWorkbook(), { clearedCount: 2 });
    renderPane(port);
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(progressLabel()).toBe("正在清除标记…");
    await waitFor(() =>
      expect(paneMessages()).toEqual([{ kind: "success", text: "已清除 2 处标记。" }])
    );
    expect(port.calls).toEqual(["clearMarks"]);
  });

  it("no longer says how many cells are marked once 清除标记 has taken them back", async () => {
    const port = new FakeWorkbookPort(departmentWorkbook(), { clearedCount: 1 });
    renderPane(port);
    await scoreOnce();
    expect(screen.getByText(/^已标记/).textContent).toBe("已标记 2 个单元格。");
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    await waitFor(() =>
      expect(messageBars()).toEqual([{ kind: "success", text: "已清除 1 处标记。" }])
    );
    expect(screen.queryByText(/^已标记/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "重新评分" }));
    await waitFor(() =>
      expect(screen.getByText(/^已标记/).textContent).toBe("已标记 2 个单元格。")
    );
  });

  it("重新评分 reads and writes the workbook again, keeping the result on screen meanwhile", async () => {
    const port = new FakeWorkbookPort(departmentWorkbook());
    renderPane(port);
    await scoreOnce();
    const rescore = screen.getByRole("button", { name: "重新评分" });
    fireEvent.click(rescore);
    expect(progressLabel()).toBe("正在读取工作簿…");
    expect(screen.getByTestId("total").textContent).toBe("95 / 100");
    await waitFor(() => expect(port.calls).toEqual(["read", "write", "read", "write"]));
    await waitFor(() => expect(progressLabel()).toBeNull());
    expect(screen.getByRole("button", { name: "重新评分" })).toBe(rescore);
  });

  it("passes the chosen profile to scoring and saves it in the workbook's settings", async () => {
    const score = jest.fn(scoreOpenWorkbook);
    const port = new FakeWorkbookPort(departmentWorkbook());
    const { settings } = renderPane(port, { score });
    expect((screen.getByLabelText("自动") as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByLabelText("项目支出"));
    expect(settings.get("SelfEval.Profile")).toBe("project");
    expect(settings.saves).toBe(1);
    await scoreOnce();
    expect(score.mock.calls[0][1]).toEqual({
      profile: "project",
      ruleSet: RULE_SETS.national,
      columnMap: "",
    });

    fireEvent.click(screen.getByLabelText("自动"));
    expect(settings.get("SelfEval.Profile")).toBe("auto");
    fireEvent.click(screen.getByRole("button", { name: "重新评分" }));
    await waitFor(() => expect(score).toHaveBeenCalledTimes(2));
    expect(score.mock.calls[1][1]).toEqual({
      profile: undefined,
      ruleSet: RULE_SETS.national,
      columnMap: "",
    });
  });

  it("starts from the profile saved in the workbook", async () => {
    const score = jest.fn(scoreOpenWorkbook);
    const settings = new InMemorySettingsStore({ "SelfEval.Profile": "department" });
    renderPane(new FakeWorkbookPort(departmentWorkbook()), { score, settings });
    expect((screen.getByLabelText("部门整体支出") as HTMLInputElement).checked).toBe(true);
    await scoreOnce();
    expect(score.mock.calls[0][1]).toMatchObject({ profile: "department" });
  });

  it("warns when the profile cannot be saved, and still uses it", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const settings = new InMemorySettingsStore();
      settings.save = () => Promise.reject(new Error("settings part locked"));
      const score = jest.fn(scoreOpenWorkbook);
      renderPane(new FakeWorkbookPort(departmentWorkbook()), { settings, score });
      fireEvent.click(screen.getByLabelText("部门整体支出"));
      await waitFor(() =>
        expect(paneMessages()).toEqual([
          { kind: "warning", text: "所做的选择未能保存到工作簿中。" },
        ])
      );
      await scoreOnce();
      expect(score.mock.calls[0][1]).toMatchObject({ profile: "department" });
    } finally {
      warn.mockRestore();
    }
  });

  it("speaks English when the language is en-US", async () => {
    const port = new FakeWorkbookPort(departmentWorkbook());
    renderPane(port, { language: "en-US" });
    expect(buttonNames()).toEqual(["Score workbook", "Clear marks"]);
    expect(messageBars()).toEqual([
      {
        kind: "warning",
        text: expect.stringMatching(
          /^Scoring highlights cells .*Excel's Undo \(Ctrl\+Z\) cannot be relied on to undo/
        ),
      },
    ]);
    expect(screen.getAllByRole("radio").map((radio) => radio.parentElement!.textContent)).toEqual([
      "Automatic",
      "Project expenditure",
      "Department expenditure",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Score workbook" }));
    await screen.findByTestId("total");
    expect(screen.getByTestId("total").previousElementSibling!.textContent).toBe("Total");
    expect(screen.getByTestId("rating").previousElementSibling!.textContent).toBe("Rating");
    expect(screen.getByTestId("rating").textContent).toBe("优 (excellent)");
    expect(
      screen.getAllByRole("region").map((region) => region.querySelector("h3")!.textContent)
    ).toEqual(["Errors (1)", "Warnings (1)"]);
    expect(screen.getByText(/^Marked/).textContent).toBe("Marked 2 cells.");
  });

  describe("in the pane's language", () => {
    const protectedSheet = () =>
      new WorkbookPortError("sheet-protected", {
        code: "sheet-protected",
        host: "excel",
        sheet: FORM_SHEET,
        action: "mark",
      });
    const noNotes = { code: "no-notes", resultsSheet: "评分结果" } as const;

    it("words a port failure from its facts in English when Office runs in English", async () => {
      renderPane(new FakeWorkbookPort(departmentWorkbook(), { writeError: protectedSheet() }), {
        language: "en-US",
      });
      fireEvent.click(screen.getByRole("button", { name: "Score workbook" }));
      await waitFor(() =>
        expect(paneMessages()).toEqual([
          {
            kind: "error",
            text:
              "Sheet “" +
              FORM_SHEET +
              "” is protected, so the add-in cannot mark or clear problems on it. Unprotect it (Review › Unprotect Sheet) and try again. The workbook was not changed.",
          },
        ])
      );
    });

    it("words the same failure in Chinese in a Chinese Office", async () => {
      const error = protectedSheet();
      renderPane(new FakeWorkbookPort(departmentWorkbook(), { writeError: error }));
      fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
      await waitFor(() => expect(paneMessages()).toEqual([{ kind: "error", text: error.message }]));
      expect(error.message).toMatch(/^工作表“部门自评表”/);
    });

    it("words a failed select in English", async () => {
      const port = new FakeWorkbookPort(departmentWorkbook(), {
        selectError: new WorkbookPortError("sheet-missing", {
          code: "sheet-missing",
          sheet: FORM_SHEET,
          cell: "G5",
        }),
      });
      renderPane(port, { language: "en-US" });
      fireEvent.click(screen.getByRole("button", { name: "Score workbook" }));
      await screen.findByTestId("total");
      fireEvent.click(problemItem(FORM_SHEET + "!G5"));
      await waitFor(() =>
        expect(messageBars()).toEqual([
          {
            kind: "error",
            text:
              "Sheet “" +
              FORM_SHEET +
              "” is not found (renamed or deleted?), so cell G5 cannot be shown. Score the workbook again.",
          },
        ])
      );
    });

    it("words the write's notices in English, and in Chinese in a Chinese Office", async () => {
      const port = () => new FakeWorkbookPort(departmentWorkbook(), { noticeFacts: [noNotes] });
      const english = renderPane(port(), { language: "en-US" });
      fireEvent.click(screen.getByRole("button", { name: "Score workbook" }));
      await waitFor(() =>
        expect(messageBars()).toEqual([
          {
            kind: "info",
            text: "This version of Excel cannot add notes to cells: the problems are listed only on the “评分结果” sheet.",
          },
        ])
      );
      english.unmount();
      renderPane(port());
      await scoreOnce();
      await waitFor(() =>
        expect(messageBars()).toEqual([{ kind: "info", text: noticesOf([noNotes]).notices[0] }])
      );
    });
  });

  it("in browser mode leaves out what only Excel needs and offers the host's result actions", async () => {
    const port = new FakeWorkbookPort(departmentWorkbook());
    const score = jest.fn(scoreOpenWorkbook);
    render(
      <TaskPaneApp
        port={port}
        settings={new InMemorySettingsStore()}
        language="zh-CN"
        score={score}
        mode="browser"
        fileName="部门.xlsx"
        resultActions={(scored) => (
          <button type="button">{"下载 " + scored.result.report.total!.score}</button>
        )}
      />
    );
    expect(screen.queryByText(UNDO_NOTICE)).toBeNull();
    expect(screen.queryByRole("button", { name: "清除标记" })).toBeNull();
    await scoreOnce();
    expect(score.mock.calls[0][1]).toEqual({
      profile: undefined,
      ruleSet: RULE_SETS.national,
      columnMap: "",
      fileName: "部门.xlsx",
    });
    expect(screen.getByTestId("total").textContent).toBe("95 / 100");
    expect(screen.getByText(/^已标记/).textContent).toBe("已标记 2 个单元格。");
    expect(buttonNames()).toEqual(["一键评分", "重新评分", "列对应", "下载 95"]);
    expect(screen.queryByRole("navigation")).toBeNull();
    fireEvent.click(screen.getByText(FORM_SHEET + "!G5"));
    await waitFor(() => expect(port.selections).toEqual([{ sheet: FORM_SHEET, cell: "G5" }]));
  });
});
