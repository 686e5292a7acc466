import { describeFailure, describeScored } from "../../src/commands/commandMessage";
import { scoreWorkbook } from "../../src/engine/scoreWorkbook";
import { noticesOf, WorkbookPortError, type WriteOutcome } from "../../src/workbook/port";
import { sheetFromRows, workbookOf } from "../helpers/gridFromRows";
import { DEPARTMENT_HEADER } from "../helpers/templateHeaders";

function form(name: string, entered: number | null) {
  return sheetFromRows(name, [
    DEPARTMENT_HEADER,
    ["履职效能", "服务", "门诊人次", 50, "≥10000人次", "10000人次", entered, null],
    ["管理效能", "预算", "预算执行率", 50, "≥95%", "96%", 50, null],
  ]);
}

describe("describeScored", () => {
  it("counts errors and warnings and warns when there are errors", () => {
    // 自评得分 60 above 分值 50: score-exceeds-max, an error.
    const grid = workbookOf(form("表一", 60));
    const message = describeScored({
      result: scoreWorkbook(grid),
      written: null,
      grid,
      columnMapErrors: [],
    });
    expect(message.kind).toBe("warning");
    expect(message.lines.some((line) => /^发现错误 [1-9]\d* 个、警告 \d+ 个/.test(line))).toBe(
      true
    );
  });

  it("lists at most five forms and points to the results sheet for the rest", () => {
    const sheets = ["一", "二", "三", "四", "五", "六", "七"].map((n) => form("表" + n, 50));
    const grid = workbookOf(...sheets);
    const message = describeScored({
      result: scoreWorkbook(grid),
      written: null,
      grid,
      columnMapErrors: [],
    });
    expect(message.lines.filter((line) => line.startsWith("「表"))).toHaveLength(5);
    expect(message.lines).toContain("……另有 2 张表，见评分结果表。");
    expect(message.lines).toContain("未发现问题。");
    expect(message.kind).toBe("success");
  });
});

describe("describeScored with two forms on one sheet", () => {
  it("names each by its project, as the pane heads them", () => {
    const grid = workbookOf(form("表一", 50), form("表二", 50));
    const result = scoreWorkbook(grid);
    const onOneSheet = {
      ...result,
      forms: result.forms.map((each, i) => ({
        ...each,
        summary: { ...each.summary, sheet: "项目自评", projectName: ["教师培训", "学生资助"][i] },
      })),
    };
    const message = describeScored({
      result: onOneSheet,
      written: null,
      grid,
      columnMapErrors: [],
    });
    expect(message.lines.filter((line) => line.startsWith("「"))).toEqual([
      expect.stringMatching(/^「教师培训（项目自评）」总分 /),
      expect.stringMatching(/^「学生资助（项目自评）」总分 /),
    ]);
  });
});

describe("describeFailure", () => {
  it("shows a port error's message as it is", () => {
    expect(describeFailure(new WorkbookPortError("read-failed", "无法读取工作表。")).lines).toEqual(
      ["无法读取工作表。"]
    );
  });

  it("shows what was thrown when it is not an Error", () => {
    expect(describeFailure("boom").lines[0]).toBe("评分时出现意外错误：boom");
  });
});

describe("in Office's language", () => {
  const written: WriteOutcome = {
    marked: 1,
    sheets: [
      { name: "评分结果", mode: "create" },
      { name: "自评表说明", mode: "create" },
    ],
    ...noticesOf([{ code: "no-notes", resultsSheet: "评分结果" }]),
  };

  it("words the whole message in English for an English Office, the engine's words aside", () => {
    const grid = workbookOf(form("表一", 60));
    const message = describeScored(
      { result: scoreWorkbook(grid), written, grid, columnMapErrors: [] },
      undefined,
      "en-US"
    );
    expect(message).toEqual({
      kind: "warning",
      title: "Scoring finished",
      lines: [
        "“表一”: total 100 / 100, rating 优 (excellent)",
        "Found 1 error and 0 warnings, marked on their cells.",
        "Results written to sheets “评分结果”, “自评表说明”.",
        "This version of Excel cannot add notes to cells: the problems are listed only on the “评分结果” sheet.",
        "Open the assistant's task pane to go to each problem.",
      ],
    });
  });

  it("words the same run in Chinese as before for a Chinese Office", () => {
    const grid = workbookOf(form("表一", 60));
    const message = describeScored({
      result: scoreWorkbook(grid),
      written,
      grid,
      columnMapErrors: [],
    });
    expect(message).toEqual({
      kind: "warning",
      title: "评分完成",
      lines: [
        "「表一」总分 100 / 100，评级 优",
        "发现错误 1 个、警告 0 个，已在对应单元格标出。",
        "结果已写入工作表「评分结果」「自评表说明」。",
        written.notices[0],
        "打开「绩效自评助手」任务窗格可逐个定位问题。",
      ],
    });
  });

  it("words a port's failure from its facts in English", () => {
    const error = new WorkbookPortError("sheet-protected", {
      code: "sheet-protected",
      host: "excel",
      sheet: "表一",
      action: "replace",
    });
    expect(describeFailure(error, "en-US")).toEqual({
      kind: "error",
      title: "Scoring failed",
      lines: [
        "Sheet “表一” is protected, so the add-in cannot replace it with the new results. Unprotect it (Review › Unprotect Sheet) and try again. The workbook was not changed.",
      ],
    });
    expect(describeFailure(error).lines).toEqual([error.message]);
  });

  it("says an unexpected failure in English too", () => {
    expect(describeFailure(new Error("boom"), "en-US").lines).toEqual([
      "Scoring stopped on an unexpected error: boom",
      "Open the assistant's task pane and try again.",
    ]);
  });
});
