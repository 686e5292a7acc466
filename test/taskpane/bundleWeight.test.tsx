import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";

// The pane's first load must stay small (≤ 350 KB gzipped as ES5): zod, ExcelJS and docx must not
// be reached from anything the pane loads at run time, even through the engine. Loading one of
// them here throws, so a new import anywhere on the pane's path fails this test.
jest.mock("zod", () => {
  throw new Error("zod loaded by the task pane");
});
jest.mock("exceljs", () => {
  throw new Error("ExcelJS loaded by the task pane");
});
jest.mock("docx", () => {
  throw new Error("docx loaded by the task pane");
});

describe("what the task pane loads", () => {
  it("scores a workbook without loading zod, ExcelJS or docx", async () => {
    const { TaskPaneApp } = require("../../src/taskpane/components/TaskPaneApp");
    const { InMemorySettingsStore } = require("../../src/taskpane/settings/settingsStore");
    const { FakeWorkbookPort } = require("./helpers/fakeWorkbookPort");
    const { departmentWorkbook } = require("./helpers/departmentForm");
    render(
      <TaskPaneApp
        port={new FakeWorkbookPort(departmentWorkbook())}
        settings={new InMemorySettingsStore()}
        language="zh-CN"
      />
    );
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    expect((await screen.findByTestId("total")).textContent).toBe("95 / 100");
  });

  it("loads the entry point, with the Office.js port, without them", () => {
    document.body.innerHTML = '<div id="container"></div>';
    expect(() => require("../../src/taskpane/index")).not.toThrow();
  });

  it("fails when one of them is loaded (the guard itself works)", () => {
    expect(() => require("zod")).toThrow("zod loaded by the task pane");
  });
});
