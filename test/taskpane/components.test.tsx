import * as React from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import {
  MAX_LISTED_PER_SEVERITY,
  ProblemList,
  type ReportProblem,
} from "../../src/taskpane/components/ProblemList";
import { ScoreSummary } from "../../src/taskpane/components/ScoreSummary";
import { PaneErrorBoundary } from "../../src/taskpane/components/PaneErrorBoundary";
import { registerPaneIcons } from "../../src/taskpane/icons";
import { zhCN } from "../../src/taskpane/strings/zh-CN";
import type { Report } from "../../src/engine";
import { listedProblems, messageBars } from "./helpers/paneQueries";

function problem(cell: string, severity: "error" | "warning" | "info"): ReportProblem {
  return {
    form: 0,
    code: "missing-value",
    severity,
    sheet: "表1",
    cell,
    message: cell + "未填写，请补充。",
  };
}

describe("ProblemList", () => {
  it("lists errors before warnings", () => {
    render(
      <ProblemList
        problems={[problem("H4", "warning"), problem("G5", "error")]}
        strings={zhCN}
        onSelect={() => undefined}
      />
    );
    const headings = screen.getAllByRole("heading").map((heading) => heading.textContent);
    expect(headings).toEqual(["错误（1）", "警告（1）"]);
  });

  it("lists the first problems of each severity and says how many more the results sheet has", () => {
    const many = Array.from({ length: MAX_LISTED_PER_SEVERITY + 5 }, (_, i) =>
      problem("A" + (i + 1), "error")
    );
    const selected: string[] = [];
    render(
      <ProblemList
        problems={many}
        strings={zhCN}
        onSelect={(chosen) => selected.push(chosen.cell)}
      />
    );
    const errors = screen.getByRole("region", { name: "错误（205）" });
    const listed = listedProblems(errors).map(([location]) => location);
    expect(listed).toHaveLength(MAX_LISTED_PER_SEVERITY);
    expect([listed[0], listed[listed.length - 1]]).toEqual(["表1!A1", "表1!A200"]);
    // Said under the list, in the errors' own region.
    expect(errors.lastElementChild!.textContent).toBe(
      "另有 5 条未列出，完整列表见评分结果工作表。"
    );
    fireEvent.click(screen.getByText("表1!A200"));
    expect(selected).toEqual(["A200"]);
  });

  it("lists 提示 (what a rule did) after the warnings, as a group of their own", () => {
    const selected: string[] = [];
    render(
      <ProblemList
        problems={[problem("C7", "info"), problem("H4", "warning"), problem("G3", "error")]}
        strings={zhCN}
        onSelect={(chosen) => selected.push(chosen.cell)}
      />
    );
    const headings = screen.getAllByRole("heading").map((heading) => heading.textContent);
    expect(headings).toEqual(["错误（1）", "警告（1）", "提示（1）"]);
    const infos = screen.getByRole("region", { name: "提示（1）" });
    fireEvent.click(within(infos).getByText("表1!C7"));
    expect(selected).toEqual(["C7"]);
  });

  it("says when there is no problem", () => {
    const { container } = render(
      <ProblemList problems={[]} strings={zhCN} onSelect={() => undefined} />
    );
    expect(container.textContent).toBe("未发现问题。");
    expect(screen.queryAllByRole("region")).toEqual([]);
  });
});

describe("ScoreSummary", () => {
  const group = (path: string[], score: number | null, max: number, complete = true) => ({
    form: 0,
    sheet: "表1",
    path,
    score,
    max,
    complete,
  });

  it("puts each level under its parent and marks incomplete sub-scores and totals", () => {
    const report = {
      forms: [
        {
          sheet: "表1",
          profile: "department",
          total: { score: 70, max: 100, complete: false },
          rating: "中",
          budget: null,
          title: null,
          year: null,
          unitName: null,
          projectName: null,
        },
      ],
      // A category the sheet comes back to lower down: the engine lists 产出/质量 last.
      groups: [
        group(["产出"], 30, 60, false),
        group(["产出", "数量"], 20, 30),
        group(["效益"], 40, 40),
        group(["效益", "满意度"], 40, 40),
        group(["产出", "质量"], 10, 30, false),
      ],
    } as unknown as Report;
    render(<ScoreSummary report={report} strings={zhCN} />);
    const rows = screen
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual([
      "产出30/60（不完整）",
      "数量20/30",
      "质量10/30（不完整）",
      "效益40/40",
      "满意度40/40",
    ]);
    // Said once, between the total and the table.
    const note = screen.getByText(/总分不完整/);
    expect(note.textContent).toBe("部分指标的得分无法确定，总分不完整。");
    expect(note.compareDocumentPosition(screen.getByTestId("total"))).toBe(
      Node.DOCUMENT_POSITION_PRECEDING
    );
    expect(note.compareDocumentPosition(screen.getByRole("table"))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING
    );
    expect(screen.getByTestId("rating").textContent).toBe("中");
  });

  it("heads two forms on one sheet by their projects, not by their common title", () => {
    const form = (projectName: string | null) => ({
      sheet: "项目自评",
      profile: "project",
      total: { score: 95, max: 100, complete: true },
      rating: "优",
      budget: null,
      title: "项目支出绩效自评表",
      year: 2024,
      unitName: null,
      projectName,
    });
    const report = {
      forms: [form("中小学教师培训经费"), form("学生资助资金"), form(null)],
      groups: [],
    } as unknown as Report;
    render(<ScoreSummary report={report} strings={zhCN} />);
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "中小学教师培训经费（项目自评）",
      "学生资助资金（项目自评）",
      "项目支出绩效自评表（项目自评）",
    ]);
  });
});

describe("ScoreSummary's rule notes", () => {
  const form = (total: Record<string, unknown>, rate: number | null) => ({
    sheet: "表1",
    profile: "project",
    ruleSet: "yitihua",
    total: { max: 100, complete: true, ...total },
    rating: "良",
    budget: rate === null ? null : { rate },
    title: null,
    year: null,
    unitName: null,
    projectName: null,
  });

  it("says the cap the 预算执行率 puts on a total that stayed under it", () => {
    const report = { forms: [form({ score: 85, cap: 89 }, 0.75)], groups: [] } as unknown as Report;
    render(<ScoreSummary report={report} strings={zhCN} />);
    expect(screen.getByTestId("rule-notes").textContent).toBe(
      "预算执行率 75%，总分最高 89 分，未超过"
    );
  });

  it("says nothing beside a total no rule changed", () => {
    const report = { forms: [form({ score: 85 }, 0.95)], groups: [] } as unknown as Report;
    render(<ScoreSummary report={report} strings={zhCN} />);
    expect(screen.queryByTestId("rule-notes")).toBeNull();
  });
});

describe("PaneErrorBoundary", () => {
  it("shows a sentence instead of a blank pane when rendering fails", () => {
    registerPaneIcons();
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const Broken = () => {
        throw new Error("render bug");
      };
      render(
        <PaneErrorBoundary message={zhCN.genericError}>
          <Broken />
        </PaneErrorBoundary>
      );
      expect(messageBars()).toEqual([
        {
          kind: "error",
          text: "操作未能完成，请重试。如果问题仍然存在，请关闭并重新打开此窗格。",
        },
      ]);
      expect(document.body.textContent).not.toMatch(/render bug/);
    } finally {
      consoleError.mockRestore();
    }
  });
});
