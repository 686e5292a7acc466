/**
 * Errors as facts: every failure and notice of the ports is worded in Chinese and in English from
 * its facts, naming what the facts name; the English has no Chinese in it but the names it
 * quotes, so an English pane shows no Chinese errors. A table typed by code, so that a new kind
 * of failure without words fails to compile here.
 */
import {
  describePortError,
  describeWriteNotice,
  describeWriteNotices,
} from "../../src/workbook/describePortError";
import { WorkbookPortError, type PortErrorFacts, type WriteNotice } from "../../src/workbook/port";
import { ScoredCopyError, type ScoredCopyFacts } from "../../src/workbook/xlsx/scoredCopyError";
import { enUS } from "../../src/workbook/locales/en-US";
import { zhCN } from "../../src/workbook/locales/zh-CN";
import { fakeHost, fixturePath, seedFromXlsx } from "./office/officeTestKit";
import { scoreOpenWorkbook } from "../../src/workbook/scoreOpenWorkbook";

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** Every fact, with the names its words must carry (ASCII, to tell them from Chinese words). */
const FAILURES: {
  [C in PortErrorFacts["code"]]: [Extract<PortErrorFacts, { code: C }>, string[]];
} = {
  "not-in-excel": [{ code: "not-in-excel" }, []],
  "no-workbook": [{ code: "no-workbook" }, []],
  "read-failed": [{ code: "read-failed", detail: "GeneralException" }, ["GeneralException"]],
  "write-failed": [{ code: "write-failed", detail: "ItemNotFound" }, ["ItemNotFound"]],
  "clear-failed": [{ code: "clear-failed", detail: "Timeout" }, ["Timeout"]],
  "select-failed": [
    { code: "select-failed", sheet: "Sheet1", cell: "F14", detail: "InvalidArgument" },
    ["Sheet1", "F14", "InvalidArgument"],
  ],
  "sheet-missing": [{ code: "sheet-missing", sheet: "Sheet1", cell: "F14" }, ["Sheet1", "F14"]],
  "preview-sheet-missing": [{ code: "preview-sheet-missing", sheet: "Sheet9" }, ["Sheet9"]],
  "marked-sheets-missing": [
    { code: "marked-sheets-missing", sheets: ["Old1", "Old2"] },
    ["Old1", "Old2"],
  ],
  "workbook-protected": [{ code: "workbook-protected", host: "wps" }, []],
  "sheet-protected": [
    { code: "sheet-protected", host: "excel", sheet: "Sheet1", action: "replace" },
    ["Sheet1"],
  ],
  "write-protected": [
    {
      code: "write-protected",
      sheets: ["Sheet1"],
      involved: ["Results", "Sheet1"],
      undoFailure: "Busy",
    },
    ["Sheet1", "Results", "Busy"],
  ],
  "write-refused": [
    {
      code: "write-refused",
      host: "wps",
      involved: ["Results", "Sheet1"],
      detail: "E_FAIL",
      undoFailure: null,
    },
    ["Results", "Sheet1", "E_FAIL"],
  ],
  "clear-protected": [{ code: "clear-protected", sheets: ["Sheet1"] }, ["Sheet1"]],
  "clear-refused": [
    { code: "clear-refused", host: "excel", sheets: ["Sheet1"], detail: "Conflict" },
    ["Sheet1", "Conflict"],
  ],
  "file-unreadable": [
    {
      code: "file-unreadable",
      file: "a.xlsx",
      reason: "too-many-rows",
      unreadable: { sheet: "Sheet1", row: 1048577 },
    },
    ["a.xlsx", "Sheet1", "1048577"],
  ],
  "copy-failed": [
    {
      code: "copy-failed",
      file: "a.xlsx",
      copy: { reason: "malformed-part", part: "xl/comments1.xml" },
    },
    ["a.xlsx", "xl/comments1.xml"],
  ],
  message: [{ code: "message", text: "words from elsewhere" }, ["words from elsewhere"]],
};

const NOTICES: { [C in WriteNotice["code"]]: [Extract<WriteNotice, { code: C }>, string[]] } = {
  "no-notes": [{ code: "no-notes", resultsSheet: "Results" }, ["Results"]],
  "no-formatting": [{ code: "no-formatting", sheets: ["Results", "Notes"] }, ["Results", "Notes"]],
  "no-page-setup": [{ code: "no-page-setup", sheets: ["Results"] }, ["Results"]],
  "record-not-saved": [
    { code: "record-not-saved", host: "excel", detail: "SaveFailed" },
    ["SaveFailed"],
  ],
  "old-sheet-kept": [{ code: "old-sheet-kept", sheet: "SelfEval old" }, ["SelfEval old"]],
};

const COPY_FAILURES: Array<[ScoredCopyFacts, string]> = [
  [{ reason: "not-zip", part: "" }, "文件不是有效的 .xlsx（zip）包"],
  [
    { reason: "missing-part", part: "[Content_Types].xml" },
    "工作簿缺少部件 [Content_Types].xml，不是完整的 .xlsx 文件",
  ],
  [{ reason: "missing-part", part: "xl/workbook.xml" }, "工作簿缺少部件 xl/workbook.xml"],
  [{ reason: "malformed-part", part: "xl/comments1.xml" }, "部件 xl/comments1.xml 结构异常"],
  [{ reason: "malformed-part", part: "" }, "工作簿结构异常"],
  [
    { reason: "sheet-name-taken", part: "xl/workbook.xml", sheet: "评分结果" },
    "工作簿中已有名为“评分结果”的工作表，不能再新建同名的工作表",
  ],
  [
    { reason: "too-large", part: "", entries: 70000 },
    "评分副本的部件过多（70000 个，.xlsx 包最多 65535 个）",
  ],
  [
    { reason: "too-large", part: "", bytes: 5 * 1024 ** 3 },
    "评分副本过大（5.0 GiB，.xlsx 包最大 4 GiB）",
  ],
];

describe("a port's failures, worded from their facts", () => {
  test.each(Object.values(FAILURES))("%j", (facts, names) => {
    const error = new WorkbookPortError("write-failed", facts);
    const zh = describePortError(error, "zh-CN");
    const en = describePortError(error, "en-US");
    // The Chinese sentence stays the error's message, for callers that show it as it is.
    expect(error.message).toBe(zh);
    for (const name of names) {
      expect(zh).toContain(name);
      expect(en).toContain(name);
    }
    if (facts.code !== "message") {
      expect(zh).toMatch(CJK);
      expect(en).not.toMatch(CJK);
      expect(en).toMatch(/[.!?]$/);
    }
  });

  test("each host is named with its own menu wording", () => {
    const sheet = (host: "excel" | "wps"): string =>
      zhCN.portError({ code: "sheet-protected", host, sheet: "表1", action: "mark" });
    expect(sheet("excel")).toBe(
      "工作表“表1”受保护，无法写入或清除评分标记。请先在“审阅 › 撤消工作表保护”中取消保护，再重试。工作簿未作任何修改。"
    );
    expect(sheet("wps")).toContain("审阅 › 撤销工作表保护");
    expect(
      zhCN.portError({
        code: "write-refused",
        host: "wps",
        involved: ["评分结果", "表1"],
        detail: "拒绝",
        undoFailure: "也拒绝",
      })
    ).toBe(
      "写入失败：WPS 表格 拒绝了对工作表“评分结果”“表1”的修改（拒绝），撤销也未能完成（也拒绝）。请检查这些工作表，以及名称以“SelfEval”开头的工作表。"
    );
  });

  test("the old constructor (a code and a sentence) still works: the sentence is the words", () => {
    const error = new WorkbookPortError("sheet-protected", "工作表「表1」受保护。");
    expect(error.facts).toEqual({ code: "message", text: "工作表「表1」受保护。" });
    expect(describePortError(error, "en-US")).toBe("工作表「表1」受保护。");
  });
});

describe("a write's notices", () => {
  test.each(Object.values(NOTICES))("%j", (notice, names) => {
    const zh = describeWriteNotice(notice, "zh-CN");
    const en = describeWriteNotice(notice, "en-US");
    for (const name of names) {
      expect(zh).toContain(name);
      expect(en).toContain(name);
    }
    expect(zh).toMatch(CJK);
    expect(en).not.toMatch(CJK);
  });

  test("an Excel with ExcelApi 1.1 only: the write's notices as facts, worded in English", async () => {
    const { book, port } = fakeHost("1.1");
    await seedFromXlsx(book, fixturePath("project-school-safety-2024"));
    const { written } = await scoreOpenWorkbook(port);
    expect(written!.noticeFacts!.map((notice) => notice.code)).toEqual([
      "no-notes",
      "no-formatting",
      "no-page-setup",
    ]);
    // The Chinese notices are the facts worded in Chinese, one for one.
    expect(written!.notices).toEqual(describeWriteNotices(written!, "zh-CN"));
    const english = describeWriteNotices(written!, "en-US");
    expect(english).toHaveLength(3);
    for (const line of english) expect(line).not.toMatch(/[\u4e00-\u9fff](?![^“]*”)/);
    expect(english[0]).toBe(
      "This version of Excel cannot add notes to cells: the problems are listed only on the “评分结果” sheet."
    );
  });

  test("an outcome without facts (another port) keeps its own notices", () => {
    expect(describeWriteNotices({ marked: 0, sheets: [], notices: ["原话"] }, "en-US")).toEqual([
      "原话",
    ]);
  });
});

describe("why the scored copy could not be written", () => {
  test.each(COPY_FAILURES)("%j → %s", (facts, zh) => {
    const error = new ScoredCopyError(facts);
    expect(error.message).toBe(zh);
    expect(error.part).toBe(facts.part);
    const en = enUS.scoredCopy(facts);
    expect(en).not.toMatch(/[\u4e00-\u9fff](?![^“]*”)/);
    // The part the writer could not follow, or the sheet it could not add, is named.
    expect(en).toContain(facts.sheet ?? facts.part);
    expect(zh).toContain(facts.sheet ?? facts.part);
  });
});
