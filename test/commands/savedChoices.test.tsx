/**
 * The ribbon's 一键评分 scores by what the task pane chose and saved with the workbook: the form
 * kind, the rule set and the column map. Both run against the fake Excel, as two add-in instances
 * on one document (each with its own copy of the document settings, as Office gives them): the
 * command's instance started before the pane saved, so it must reread the settings.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { CommandMessage } from "../../src/commands/commandMessage";
import { runScoreCommand } from "../../src/commands/runScoreCommand";
import { TaskPaneApp } from "../../src/taskpane/components/TaskPaneApp";
import {
  createOfficeSettingsStore,
  type SettingsStore,
} from "../../src/taskpane/settings/settingsStore";
import { OfficeWorkbookPort } from "../../src/workbook/office/officeWorkbookPort";
import { FakeSettings, FakeWorkbook, setRows } from "../helpers/fakeExcel";
import { choose } from "../taskpane/helpers/choices";
import {
  LOW_EXECUTION_ROWS,
  PROJECT_SHEET,
  UNREADABLE_ROWS,
  UNREAD_SHEET,
} from "../taskpane/helpers/projectForm";

const FAILED = "failed";

interface Instance {
  readonly office: FakeSettings;
  readonly settings: SettingsStore;
  readonly port: OfficeWorkbookPort;
}

/** A workbook open in Excel with the pane and the ribbon command, each its own instance. */
function excelWith(sheet: string, rows: ReadonlyArray<ReadonlyArray<string | number | null>>) {
  const book = new FakeWorkbook();
  setRows(book.addSheet(sheet), rows);
  const instance = (office: FakeSettings): Instance => ({
    office,
    settings: createOfficeSettingsStore(office, FAILED),
    port: new OfficeWorkbookPort(book.run, { isSetSupported: book.isSetSupported }, office),
  });
  const pane = instance(new FakeSettings());
  // Started with the document as it was: it has not seen anything the pane saves.
  const command = instance(pane.office.otherInstance());
  return { book, pane, command };
}

async function runCommand(command: Instance, settings: SettingsStore | Promise<SettingsStore>) {
  const shown: CommandMessage[] = [];
  const message = await runScoreCommand(
    command.port,
    { completed: () => undefined },
    async (each) => {
      shown.push(each);
    },
    { settings }
  );
  expect(shown).toEqual([message]);
  return message;
}

function renderPane(pane: Instance) {
  render(<TaskPaneApp port={pane.port} settings={pane.settings} language="zh-CN" />);
}

describe("the ribbon command and the pane's saved choices", () => {
  it("scores by the rule set and form kind the pane saved after the command's instance started", async () => {
    const { pane, command } = excelWith(PROJECT_SHEET, LOW_EXECUTION_ROWS);
    renderPane(pane);
    choose("评分规则集", "预算管理一体化平台");
    fireEvent.click(screen.getByLabelText("项目支出"));
    await waitFor(() =>
      expect(pane.office.saved).toMatchObject({
        "SelfEval.RuleSet": "yitihua",
        "SelfEval.Profile": "project",
      })
    );
    // The command's own copy still has nothing: only a reread finds the pane's choice.
    expect(command.office.stored["SelfEval.RuleSet"]).toBeUndefined();

    const message = await runCommand(command, command.settings);
    expect(message.title).toBe("评分完成");
    expect(message.lines).toContain("评分规则集：预算管理一体化平台。");
    expect(message.lines).toContain(
      "「项目自评表」总分 79 / 100，评级 中；按预算执行率 65% 封顶 79 分（未封顶 96.11 分）；1 项指标不适用，按适用指标 90 分折算为百分制（折算前 86.5 分）"
    );
    expect(message.lines.join("")).toContain("发现错误 1 个、警告 0 个、提示 1 个");
    expect(command.office.refreshCount).toBeGreaterThan(0);
  });

  it("scores by national when the pane chose nothing", async () => {
    const { command } = excelWith(PROJECT_SHEET, LOW_EXECUTION_ROWS);
    const message = await runCommand(command, command.settings);
    expect(message.lines).toContain(
      "「项目自评表」总分 96.11 / 100，评级 优；1 项指标不适用，按适用指标 90 分折算为百分制（折算前 86.5 分）"
    );
    expect(message.lines.join("")).not.toMatch(/评分规则集/);
  });

  it("uses the column map the pane saved, and says what is missing when there is none", async () => {
    const { book, pane, command } = excelWith(UNREAD_SHEET, UNREADABLE_ROWS);
    const before = await runCommand(command, command.settings);
    expect(before.title).toBe("未找到可评分的绩效指标表");
    expect(before.lines[0]).toBe(
      "工作表「自评表」：找到表头第2行（一级指标=A、二级指标=B、三级指标=C、年度指标值=D、实际完成值=E），但没有得分列，也没有分值列。"
    );
    expect(book.sheets.map((sheet) => sheet.name)).toEqual([UNREAD_SHEET]);

    renderPane(pane);
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    const panel = await screen.findByTestId("column-map");
    choose("分值", "F · 权数", panel);
    choose("自评得分", "G · 结果", panel);
    fireEvent.click(within(panel).getByRole("button", { name: "按列对应重新评分" }));
    await screen.findByTestId("total");
    await waitFor(() => expect(pane.office.saved["SelfEval.ColumnMap"]).toBe("分值=F,自评得分=G"));

    const after = await runCommand(command, command.settings);
    expect(after.title).toBe("评分完成");
    expect(after.lines).toContain("「自评表」总分 90 / 100，评级 优");
  });

  it("points to 列对应 when a header beside the forms gave none", async () => {
    const { book, command } = excelWith(PROJECT_SHEET, LOW_EXECUTION_ROWS);
    setRows(book.addSheet(UNREAD_SHEET), UNREADABLE_ROWS);
    const message = await runCommand(command, command.settings);
    expect(message.title).toBe("评分完成");
    expect(message.lines).toContain(
      "另有 1 处表头未能读成指标表，打开任务窗格的“列对应”可查看原因。"
    );
  });

  it("writes nothing and names the entry when the saved map cannot be applied", async () => {
    const { book, pane, command } = excelWith(UNREAD_SHEET, UNREADABLE_ROWS);
    pane.office.set("SelfEval.ColumnMap", "分值=F,自评得分=Q");
    pane.office.saveAsync();
    const message = await runCommand(command, command.settings);
    expect(message).toEqual({
      kind: "error",
      title: "列对应有误",
      lines: [
        "列对应有误，未做任何更改：“自评得分=Q”：列Q不在工作表「自评表」第2行起的表格内。",
        "请打开「绩效自评助手」任务窗格，在“列对应”中修改或恢复自动。",
      ],
    });
    expect(book.sheets.map((sheet) => sheet.name)).toEqual([UNREAD_SHEET]);
  });

  it("says when the workbook names a rule set this version does not have", async () => {
    const { pane, command } = excelWith(PROJECT_SHEET, LOW_EXECUTION_ROWS);
    pane.office.set("SelfEval.RuleSet", "hunan2030");
    pane.office.saveAsync();
    const message = await runCommand(command, command.settings);
    expect(message.lines[0]).toMatch(/保存的规则集“hunan2030”不是内置规则集，已改为全国通用规则/);
    expect(message.lines).toContain(
      "「项目自评表」总分 96.11 / 100，评级 优；1 项指标不适用，按适用指标 90 分折算为百分制（折算前 86.5 分）"
    );
  });

  it("says so, and still scores, when the settings cannot be had", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const { command } = excelWith(PROJECT_SHEET, LOW_EXECUTION_ROWS);
      const message = await runCommand(command, Promise.reject(new Error("settings refused")));
      expect(message.lines[0]).toBe(
        "未能读取工作簿中保存的表格类型、评分规则集和列对应，本次按全国通用规则、自动识别评分。"
      );
      expect(message.title).toBe("评分完成");
    } finally {
      warn.mockRestore();
    }
  });
});
