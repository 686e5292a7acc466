/**
 * The pane's rule set (issue 10): a drop-down beside the form kind, saved with the workbook, and
 * what the set did shown next to the total — the 预算执行率 cap, the indicators dropped and
 * rescaled — with 提示 problems as their own group.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { RULE_SETS } from "../../src/engine/rules/ruleSets";
import { TaskPaneApp } from "../../src/taskpane/components/TaskPaneApp";
import { InMemorySettingsStore } from "../../src/taskpane/settings/settingsStore";
import type { TaskpaneLanguage } from "../../src/taskpane/strings";
import { scoreOpenWorkbook } from "../../src/workbook/scoreOpenWorkbook";
import { FakeWorkbookPort } from "./helpers/fakeWorkbookPort";
import { choose, dropdown, offered, shown } from "./helpers/choices";
import { listedProblems, paneMessages } from "./helpers/paneQueries";
import { lowExecutionWorkbook, PROJECT_SHEET } from "./helpers/projectForm";

function renderPane(settings = new InMemorySettingsStore(), language: TaskpaneLanguage = "zh-CN") {
  const port = new FakeWorkbookPort(lowExecutionWorkbook());
  const score = jest.fn(scoreOpenWorkbook);
  render(<TaskPaneApp port={port} settings={settings} language={language} score={score} />);
  return { port, score, settings };
}

/** The labels of a radio group's choices, in order. */
function radioLabels(group: HTMLElement): string[] {
  return within(group)
    .getAllByRole("radio")
    .map((radio) => radio.parentElement!.textContent ?? "");
}

async function score(button = "一键评分") {
  fireEvent.click(screen.getByRole("button", { name: button }));
  return screen.findByTestId("total");
}

describe("the rule set in the task pane", () => {
  it("offers every bundled set by name beside the form kind, national first, and says Excel takes only those", () => {
    renderPane();
    // The form kind first, the rule set beside it.
    const kinds = screen.getByRole("radiogroup", { name: "表格类型" });
    expect(radioLabels(kinds)).toEqual(["自动", "项目支出", "部门整体支出"]);
    expect(kinds.compareDocumentPosition(dropdown("评分规则集"))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING
    );
    expect(screen.getByText(/此处只能选用内置规则集/).textContent).toBe(
      "规则集随工作簿保存。此处只能选用内置规则集；财政局自定的规则集文件（.json）请在浏览器模式或离线版中导入。"
    );
    // No file to import in Excel.
    expect(screen.queryByRole("button", { name: "导入规则集…" })).toBeNull();
    expect(shown("评分规则集")).toBe("全国通用（财预〔2020〕10号）");
    expect(offered("评分规则集")).toEqual([
      "全国通用（财预〔2020〕10号）",
      "预算管理一体化平台",
      "广西",
      "四川",
      "天津",
    ]);
  });

  it("scores by the chosen set, saves it with the workbook, and shows the cap and the rescaling next to the total", async () => {
    const { score: run, settings, port } = renderPane();
    choose("评分规则集", "预算管理一体化平台");
    expect(settings.get("SelfEval.RuleSet")).toBe("yitihua");
    expect(settings.saves).toBe(1);
    // What the set adds, under the drop-down.
    expect(screen.getByText(/总分按预算执行率封顶/).textContent).toBe(
      RULE_SETS.yitihua.description
    );

    const total = await score();
    expect(run.mock.calls[0][1]).toMatchObject({ ruleSet: RULE_SETS.yitihua });
    expect(total.textContent).toBe("79 / 100");
    expect(screen.getByTestId("rating").textContent).toBe("中");
    const notes = within(screen.getByTestId("rule-notes"))
      .getAllByRole("listitem")
      .map((item) => item.textContent);
    expect(notes).toEqual([
      "评分规则集：预算管理一体化平台",
      "按预算执行率 65% 封顶 79 分（未封顶 96.11 分）",
      "1 项指标不适用，按适用指标 90 分折算为百分制（折算前 86.5 分）",
    ]);
    // The cap is an error on the 执行率 cell; the dropped row a 提示, in a group of its own.
    const errors = screen.getByRole("region", { name: "错误（1）" });
    expect(listedProblems(errors).map(([location]) => location)).toEqual([PROJECT_SHEET + "!G3"]);
    const infos = screen.getByRole("region", { name: "提示（1）" });
    expect(listedProblems(infos)).toEqual([
      [PROJECT_SHEET + "!C7", expect.stringMatching(/^「新增就业岗位」不适用，不考核该指标/)],
    ]);
    // 提示 come last, after the errors (there are no warnings).
    expect(screen.getAllByRole("region")).toEqual([errors, infos]);
    expect(port.writes[0].marks.map((mark) => mark.severity).sort()).toEqual(["error", "info"]);
  });

  it("says the national rules' rescaling too, and nothing of a cap they do not have", async () => {
    renderPane();
    expect((await score()).textContent).toBe("96.11 / 100");
    const notes = within(screen.getByTestId("rule-notes"))
      .getAllByRole("listitem")
      .map((item) => item.textContent);
    expect(notes).toEqual([
      "评分规则集：全国通用（财预〔2020〕10号）",
      "1 项指标不适用，按适用指标 90 分折算为百分制（折算前 86.5 分）",
    ]);
  });

  it("starts from the set saved with the workbook", async () => {
    const { score: run } = renderPane(new InMemorySettingsStore({ "SelfEval.RuleSet": "yitihua" }));
    expect(shown("评分规则集")).toBe("预算管理一体化平台");
    expect((await score()).textContent).toBe("79 / 100");
    expect(run.mock.calls[0][1]).toMatchObject({ ruleSet: RULE_SETS.yitihua });
  });

  it("says so when the workbook names a set this version does not have, and scores by national", async () => {
    const { score: run } = renderPane(
      new InMemorySettingsStore({ "SelfEval.RuleSet": "hunan2030" })
    );
    await waitFor(() =>
      expect(paneMessages()).toEqual([
        {
          kind: "warning",
          text: "工作簿中保存的规则集“hunan2030”不是内置规则集，已改为全国通用规则；如需其他规则集请重新选择。",
        },
      ])
    );
    expect(shown("评分规则集")).toBe("全国通用（财预〔2020〕10号）");
    await score();
    expect(run.mock.calls[0][1]).toMatchObject({ ruleSet: RULE_SETS.national });
  });

  it("speaks English around the Chinese rule set names", async () => {
    renderPane(new InMemorySettingsStore({ "SelfEval.RuleSet": "yitihua" }), "en-US");
    expect(shown("Rule set")).toBe("预算管理一体化平台");
    expect(radioLabels(screen.getByRole("radiogroup", { name: "Form kind" }))).toEqual([
      "Automatic",
      "Project expenditure",
      "Department expenditure",
    ]);
    await score("Score workbook");
    const notes = within(screen.getByTestId("rule-notes"))
      .getAllByRole("listitem")
      .map((item) => item.textContent);
    expect(notes).toEqual([
      "Rule set: 预算管理一体化平台",
      "Capped at 79 by the budget execution rate of 65% (96.11 uncapped)",
      "1 indicator does not apply; rescaled to 100 from the applicable 90 points (86.5 before rescaling)",
    ]);
    const infos = screen.getByRole("region", { name: "Information (1)" });
    expect(listedProblems(infos).map(([location]) => location)).toEqual([PROJECT_SHEET + "!C7"]);
  });
});
