/**
 * Browser mode's choices (issues 9 and 10): the form kind and rule set above the pane, for the
 * file opened and for several at once; a bureau's own rule set imported from a .json file
 * (checked by the lazily loaded schema, refused in Chinese naming the key); the column map kept
 * in this browser for each file by its name.
 */
import * as React from "react";
import { readFileSync } from "fs";
import * as path from "path";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookGrid } from "../../../src/engine/grid/types";
import { RULE_SETS } from "../../../src/engine/rules/ruleSets";
import { BrowserModeApp } from "../../../src/taskpane/browser/BrowserModeApp";
import {
  lazyBrowserTools,
  type BatchScoring,
  type BrowserTools,
  type FileWorkbookPort,
} from "../../../src/taskpane/browser/browserTools";
import { STORAGE_PREFIX } from "../../../src/taskpane/browser/browserSettings";
import { FakeWorkbookPort } from "../helpers/fakeWorkbookPort";
import { choose, shown } from "../helpers/choices";
import { buttonNames, paneMessages } from "../helpers/paneQueries";
import { lowExecutionWorkbook, unreadableWorkbook } from "../helpers/projectForm";

const FIXTURES = path.join(__dirname, "..", "..", "fixtures");

/** A workbook "file" in the page: the grid given, through the fake port. */
class FakeFilePort extends FakeWorkbookPort implements FileWorkbookPort {
  constructor(
    grid: WorkbookGrid,
    readonly fileName: string
  ) {
    super(grid);
  }
  onSelect(): () => void {
    return () => undefined;
  }
  scoredCopy(): Uint8Array | null {
    return this.writes.length > 0 ? new Uint8Array([80, 75]) : null;
  }
}

const GRIDS: Record<string, () => WorkbookGrid> = {
  "低执行率.xlsx": lowExecutionWorkbook,
  "表头不全.xlsx": unreadableWorkbook,
  "表头不全（副本）.xlsx": unreadableWorkbook,
};

function fakeTools(overrides: Partial<BrowserTools> = {}) {
  const scored: Array<{ fileName: string; choice: BatchScoring | undefined }> = [];
  const tools: BrowserTools = {
    ...lazyBrowserTools,
    readFile: async () => new Uint8Array([1]),
    openWorkbook: async (_bytes, fileName) => new FakeFilePort(GRIDS[fileName](), fileName),
    scoreBatchFile: (bytes, fileName, choice) => {
      scored.push({ fileName, choice });
      return lazyBrowserTools.scoreBatchFile(bytes, fileName, choice);
    },
    ...overrides,
  };
  return { tools, scored };
}

function pick(names: string[]) {
  fireEvent.change(screen.getByTestId("file-input"), {
    target: { files: names.map((name) => new File(["x"], name)) },
  });
}

function importRuleSet(name: string, text: string) {
  fireEvent.change(screen.getByTestId("rule-set-input"), {
    target: { files: [new File([text], name, { type: "application/json" })] },
  });
}

/** What the pane says beside the total about the rules it was scored by. */
function ruleNotes(): string[] {
  return within(screen.getByTestId("rule-notes"))
    .getAllByRole("listitem")
    .map((item) => item.textContent ?? "");
}

/** The chosen rule set's description under the drop-down (the one text the page marks zh-CN). */
function ruleSetDescription(): string {
  const found = document.querySelectorAll('p[lang="zh-CN"]');
  expect(found).toHaveLength(1);
  return found[0].textContent ?? "";
}

async function scoreOpened(fileName: string) {
  await screen.findByText("当前工作簿：" + fileName);
  fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
  return screen.findByTestId("total");
}

describe("browser mode's choices", () => {
  beforeEach(() => window.localStorage.clear());

  it("offers the form kind, the rule set and 导入规则集… before any file is open", () => {
    render(<BrowserModeApp tools={fakeTools().tools} />);
    const kinds = screen.getByRole("radiogroup", { name: "表格类型" });
    expect(
      within(kinds)
        .getAllByRole("radio")
        .map((radio) => radio.parentElement!.textContent)
    ).toEqual(["自动", "项目支出", "部门整体支出"]);
    expect(shown("评分规则集")).toBe("全国通用（财预〔2020〕10号）");
    expect(buttonNames().slice(-1)).toEqual(["导入规则集…"]);
    expect(screen.getByText(/可导入财政局自定的规则集文件/).textContent).toBe(
      "可导入财政局自定的规则集文件（.json，只写与内置规则集不同之处）；导入的规则集在本页面关闭前有效。"
    );
    expect(screen.getByTestId("rule-set-input").getAttribute("accept")).toBe(
      ".json,application/json"
    );
  });

  it("scores the file by the chosen set, and remembers the choice in this browser", async () => {
    const { tools } = fakeTools();
    const first = render(<BrowserModeApp tools={tools} />);
    choose("评分规则集", "预算管理一体化平台");
    expect(window.localStorage.getItem(STORAGE_PREFIX + "SelfEval.RuleSet")).toBe("yitihua");
    pick(["低执行率.xlsx"]);
    expect((await scoreOpened("低执行率.xlsx")).textContent).toBe("79 / 100");
    expect(ruleNotes()).toEqual([
      "评分规则集：预算管理一体化平台",
      "按预算执行率 65% 封顶 79 分（未封顶 96.11 分）",
      "1 项指标不适用，按适用指标 90 分折算为百分制（折算前 86.5 分）",
    ]);
    // Only one set of choices on the page: the pane shows none of its own.
    expect(screen.getAllByRole("radiogroup", { name: "表格类型" })).toHaveLength(1);
    first.unmount();

    render(<BrowserModeApp tools={tools} />);
    expect(shown("评分规则集")).toBe("预算管理一体化平台");
  });

  it("imports a bureau's rule set, chooses it and scores by it", async () => {
    const { tools } = fakeTools();
    render(<BrowserModeApp tools={tools} />);
    importRuleSet(
      "某市财政局.json",
      "\uFEFF" +
        JSON.stringify({
          extends: "national",
          name: "某市财政局2024",
          description: "执行率低于70%的，总分不超过85分",
          executionCaps: [{ below: 0.7, max: 85 }],
        })
    );
    await waitFor(() =>
      expect(paneMessages()).toEqual([
        { kind: "success", text: "已导入规则集“某市财政局2024”，并已选用。" },
      ])
    );
    expect(shown("评分规则集")).toBe("某市财政局2024（导入）");
    expect(ruleSetDescription()).toBe("执行率低于70%的，总分不超过85分");
    // Not saved: another computer would not have the file.
    expect(window.localStorage.getItem(STORAGE_PREFIX + "SelfEval.RuleSet")).toBeNull();
    pick(["低执行率.xlsx"]);
    expect((await scoreOpened("低执行率.xlsx")).textContent).toBe("85 / 100");
    expect(ruleNotes().slice(0, 2)).toEqual([
      "评分规则集：某市财政局2024",
      "按预算执行率 65% 封顶 85 分（未封顶 96.11 分）",
    ]);
  });

  it.each([
    ["an unknown key", '{"extends":"national","executionCap":[]}', /有未知的键 executionCap/],
    [
      "a value of the wrong kind",
      '{"ratingBands":"优良中差"}',
      /^规则集文件“bad\.json”无法使用：ratingBands 格式不对/,
    ],
    ["a file that is not JSON", "{ 不是 JSON", /不是有效的 JSON/],
  ])(
    "refuses a rule set file with %s, in Chinese naming what is wrong",
    async (_case, text, said) => {
      render(<BrowserModeApp tools={fakeTools().tools} />);
      importRuleSet("bad.json", text);
      await waitFor(() =>
        expect(paneMessages()).toEqual([{ kind: "error", text: expect.stringMatching(said) }])
      );
      expect(paneMessages()[0].text).toMatch(/^规则集文件“bad\.json”无法使用：/);
      expect(shown("评分规则集")).toBe("全国通用（财预〔2020〕10号）");
    }
  );

  it("scores several files by the chosen kind and set", async () => {
    const { tools, scored } = fakeTools({
      readFile: (file) =>
        Promise.resolve(new Uint8Array(readFileSync(path.join(FIXTURES, (file as File).name)))),
    });
    render(<BrowserModeApp tools={tools} />);
    choose("评分规则集", "四川");
    fireEvent.click(screen.getByLabelText("项目支出"));
    pick(["department-education-2024.xlsx", "project-school-safety-2024.xlsx"]);
    await screen.findByTestId("batch-table", {}, { timeout: 10000 });
    expect(scored.map((entry) => entry.choice)).toEqual([
      { profile: "project", ruleSet: RULE_SETS.sichuan },
      { profile: "project", ruleSet: RULE_SETS.sichuan },
    ]);
  });

  it("keeps each file's column map in this browser under its name", async () => {
    const { tools } = fakeTools();
    const view = render(<BrowserModeApp tools={tools} />);
    pick(["表头不全.xlsx"]);
    await screen.findByText("当前工作簿：表头不全.xlsx");
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    const panel = await screen.findByTestId("column-map");
    expect(panel.lastElementChild!.textContent).toBe(
      "列对应保存在本浏览器中，下次打开同名文件时沿用。"
    );
    choose("分值", "F · 权数", panel);
    choose("自评得分", "G · 结果", panel);
    fireEvent.click(within(panel).getByRole("button", { name: "按列对应重新评分" }));
    expect((await screen.findByTestId("total")).textContent).toBe("90 / 100");
    expect(window.localStorage.getItem(STORAGE_PREFIX + "SelfEval.ColumnMap|表头不全.xlsx")).toBe(
      "分值=F,自评得分=G"
    );

    // Another file of the same layout has no map of its own.
    pick(["表头不全（副本）.xlsx"]);
    await screen.findByText("当前工作簿：表头不全（副本）.xlsx");
    fireEvent.click(screen.getByRole("button", { name: "一键评分" }));
    await waitFor(() =>
      expect(paneMessages()).toEqual([
        {
          kind: "warning",
          text: expect.stringMatching(/^未找到可评分的绩效指标表：工作表「自评表」：找到表头第2行/),
        },
      ])
    );

    // The first file, opened again on another day, is read with its map.
    view.unmount();
    render(<BrowserModeApp tools={tools} />);
    pick(["表头不全.xlsx"]);
    expect((await scoreOpened("表头不全.xlsx")).textContent).toBe("90 / 100");
    await waitFor(() => expect(screen.queryByText(/未找到可评分/)).toBeNull());
  });
});
