/**
 * The 列对应 panel in the task pane (issue 9: the user has the last word): what was detected, a
 * drop-down per role, 按列对应重新评分 with the map saved with the workbook, 恢复自动, and errors that
 * name the entry. It opens by itself when no form could be read.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { TaskPaneApp } from "../../../src/taskpane/components/TaskPaneApp";
import { InMemorySettingsStore } from "../../../src/taskpane/settings/settingsStore";
import { scoreOpenWorkbook } from "../../../src/workbook/scoreOpenWorkbook";
import type { WorkbookGrid } from "../../../src/engine/grid/types";
import { workbookOf } from "../../helpers/gridFromRows";
import { departmentWorkbook, FORM_SHEET, twoFormWorkbook } from "../helpers/departmentForm";
import { FakeWorkbookPort } from "../helpers/fakeWorkbookPort";
import { choose, shown } from "../helpers/choices";
import { messageBars, paneMessages } from "../helpers/paneQueries";
import { unreadableWorkbook, UNREAD_SHEET } from "../helpers/projectForm";

function renderPane(grid: WorkbookGrid, settings = new InMemorySettingsStore()) {
  const port = new FakeWorkbookPort(grid);
  const score = jest.fn(scoreOpenWorkbook);
  render(<TaskPaneApp port={port} settings={settings} language="zh-CN" score={score} />);
  return { port, score, settings };
}

function panel(): HTMLElement {
  return screen.getByTestId("column-map");
}

/** The quiet line under a role's drop-down: the column in use and why (the first sheet's). */
function why(role: string, within: HTMLElement = panel()): string {
  const box = within.querySelector('[data-role="' + role + '"]') as HTMLElement;
  return box.lastElementChild!.textContent || "";
}

describe("the 列对应 panel", () => {
  it("opens by itself when no form could be read, saying what was found and what is missing, and reads the table once the user names the columns", async () => {
    const { port, score, settings } = renderPane(unreadableWorkbook());
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    const message =
      "工作表「自评表」：找到表头第2行（一级指标=A、二级指标=B、三级指标=C、年度指标值=D、实际完成值=E），但没有得分列，也没有分值列";
    await waitFor(() =>
      expect(paneMessages()).toEqual([
        {
          kind: "warning",
          text: "未找到可评分的绩效指标表：" + message + "。可在下方“列对应”中指定缺少的列。",
        },
      ])
    );
    expect(port.calls).toEqual(["read"]);
    // The panel is open, with the miss on its sheet and what was found.
    const unread = within(panel()).getByRole("region", { name: UNREAD_SHEET });
    expect(messageBars(unread)).toEqual([{ kind: "warning", text: message }]);
    expect(why("actual")).toBe("E：表头“实际完成值”");
    expect(why("score")).toBe("未找到");

    choose("分值", "F · 权数", panel());
    choose("自评得分", "G · 结果", panel());
    fireEvent.click(within(panel()).getByRole("button", { name: "按列对应重新评分" }));
    expect(settings.get("SelfEval.ColumnMap")).toBe("分值=F,自评得分=G");
    expect((await screen.findByTestId("total")).textContent).toBe("90 / 100");
    expect(score.mock.calls[1][1]).toMatchObject({ columnMap: "分值=F,自评得分=G" });
    await waitFor(() => expect(settings.saves).toBe(1));
    expect(port.calls).toEqual(["read", "read", "write"]);
    // The panel now shows the map as the user's choice.
    expect(why("score")).toBe("G：由列对应指定（自评得分=G）");
    expect(screen.queryByText(/未找到可评分的绩效指标表/)).toBeNull();
  });

  it("stays closed behind a 列对应 link near the result, and refuses one column for two roles, naming the entry", async () => {
    const { score } = renderPane(departmentWorkbook());
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    await screen.findByTestId("total");
    expect(screen.queryByTestId("column-map")).toBeNull();
    fireEvent.click(screen.getByTestId("column-map-link"));
    expect(why("max")).toBe("D：表头“分值”");
    expect(
      within(panel())
        .getAllByRole("heading")
        .map((heading) => heading.textContent)
    ).toEqual(["列对应", "2024年度部门整体支出绩效自评表（部门自评表）"]);
    expect(messageBars(panel())).toEqual([]);

    choose("分值", "G · 自评得分", panel());
    choose("自评得分", "G · 自评得分", panel());
    expect(messageBars(panel())).toEqual([
      {
        kind: "error",
        text: "列对应有误，未做任何更改：“自评得分=G”：列G已指定为分值（分值=G），一列只能对应一个角色。",
      },
    ]);
    const apply = within(panel()).getByRole("button", { name: "按列对应重新评分" });
    expect(apply.hasAttribute("disabled") || apply.getAttribute("aria-disabled") === "true").toBe(
      true
    );
    // Back to 自动 for that role, and the map is fine again; 收起 closes the panel.
    choose("自评得分", /^自动（G · 自评得分）$/, panel());
    expect(messageBars(panel())).toEqual([]);
    fireEvent.click(within(panel()).getByRole("button", { name: "收起" }));
    expect(screen.queryByTestId("column-map")).toBeNull();
    expect(score).toHaveBeenCalledTimes(1);
  });

  it("keeps the columns picked and not yet applied when the workbook is scored again", async () => {
    const { score } = renderPane(departmentWorkbook());
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    await screen.findByTestId("total");
    fireEvent.click(screen.getByTestId("column-map-link"));
    choose("偏差原因", /^H · /, panel());
    fireEvent.click(screen.getByRole("button", { name: "重新评分" }));
    await waitFor(() => expect(score).toHaveBeenCalledTimes(2));
    await screen.findByTestId("total");
    expect(shown("偏差原因", panel())).toMatch(/^H · /);
    expect(score.mock.calls[1][1]).toMatchObject({ columnMap: "" });
  });

  it("starts from the map saved with the workbook, and 恢复自动 clears it and scores again", async () => {
    const settings = new InMemorySettingsStore({ "SelfEval.ColumnMap": "偏差原因=H" });
    const { score } = renderPane(departmentWorkbook(), settings);
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    await screen.findByTestId("total");
    expect(score.mock.calls[0][1]).toMatchObject({ columnMap: "偏差原因=H" });
    fireEvent.click(screen.getByTestId("column-map-link"));
    expect(why("reason")).toBe("H：由列对应指定（偏差原因=H）");
    fireEvent.click(within(panel()).getByRole("button", { name: "恢复自动" }));
    await waitFor(() => expect(score).toHaveBeenCalledTimes(2));
    expect(score.mock.calls[1][1]).toMatchObject({ columnMap: "" });
    expect(settings.get("SelfEval.ColumnMap")).toBe("");
    await waitFor(() => expect(why("reason")).toBe("H：表头“偏差原因分析及改进措施”"));
  });

  it("writes nothing and names the entry when the saved map cannot be applied", async () => {
    const settings = new InMemorySettingsStore({
      "SelfEval.ColumnMap": UNREAD_SHEET + "!分值=F," + UNREAD_SHEET + "!自评得分=Q",
    });
    const { port } = renderPane(unreadableWorkbook(), settings);
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    await waitFor(() =>
      expect(paneMessages()).toEqual([
        {
          kind: "error",
          text: "列对应有误，未做任何更改：“自评表!自评得分=Q”：列Q不在工作表「自评表」第2行起的表格内。",
        },
      ])
    );
    expect(port.calls).toEqual(["read"]);
    expect(screen.queryByTestId("total")).toBeNull();
    // The panel opened by itself on the sheet, showing the saved map's columns.
    expect(
      within(panel())
        .getAllByRole("region")
        .map((region) => region.getAttribute("aria-label"))
    ).toEqual([UNREAD_SHEET]);
    expect(why("max")).toBe("F：由列对应指定（分值=F）");
  });

  it("says when a header beside the forms gave none, and shows it in the panel with why", async () => {
    renderPane(workbookOf(departmentWorkbook().sheets[0], unreadableWorkbook().sheets[0]));
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    await waitFor(() =>
      expect(paneMessages()).toEqual([
        { kind: "info", text: "另有 1 处表头未能读成指标表，原因见“列对应”。" },
      ])
    );
    expect(screen.getByTestId("total").textContent).toBe("95 / 100");
    fireEvent.click(screen.getByTestId("column-map-link"));
    const unread = within(panel()).getByRole("region", { name: UNREAD_SHEET });
    expect(messageBars(unread)).toEqual([
      {
        kind: "warning",
        text: expect.stringMatching(
          /^工作表「自评表」：找到表头第2行.*但没有得分列，也没有分值列$/
        ),
      },
    ]);
    expect(
      within(panel())
        .getAllByRole("region")
        .map((region) => region.getAttribute("aria-label"))
    ).toEqual([FORM_SHEET, UNREAD_SHEET]);
  });

  it("names each sheet in the map when the workbook has several forms", async () => {
    const { settings } = renderPane(twoFormWorkbook());
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    await screen.findAllByTestId("total");
    fireEvent.click(screen.getByTestId("column-map-link"));
    const second = within(panel()).getByRole("region", { name: "二级单位" });
    choose("偏差原因", "H · 偏差原因分析及改进措施", second);
    fireEvent.click(within(panel()).getByRole("button", { name: "按列对应重新评分" }));
    expect(settings.get("SelfEval.ColumnMap")).toBe("二级单位!偏差原因=H");
    await waitFor(() =>
      expect(
        within(within(panel()).getByRole("region", { name: FORM_SHEET })).queryByText(
          /由列对应指定/
        )
      ).toBeNull()
    );
    await waitFor(() =>
      expect(why("reason", within(panel()).getByRole("region", { name: "二级单位" }))).toBe(
        "H：由列对应指定（偏差原因=H）"
      )
    );
  });
});
