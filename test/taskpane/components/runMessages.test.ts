import { MessageBarType } from "@fluentui/react/lib/MessageBar";
import { scoreWorkbook } from "../../../src/engine";
import { runMessages } from "../../../src/taskpane/components/runMessages";
import { noticesOf, type WriteOutcome } from "../../../src/workbook/port";
import type { ScoredOpenWorkbook } from "../../../src/workbook/scoreOpenWorkbook";
import { workbookOf } from "../../helpers/gridFromRows";
import { departmentWorkbook } from "../helpers/departmentForm";
import { unreadableWorkbook } from "../helpers/projectForm";

function scored(
  grid = departmentWorkbook(),
  written: WriteOutcome | null = null,
  columnMapErrors: ScoredOpenWorkbook["columnMapErrors"] = []
): ScoredOpenWorkbook {
  return { result: scoreWorkbook(grid), written, grid, columnMapErrors };
}

const WRITTEN: WriteOutcome = {
  marked: 2,
  sheets: [{ name: "评分结果", mode: "create" }],
  ...noticesOf([
    { code: "no-notes", resultsSheet: "评分结果" },
    { code: "old-sheet-kept", sheet: "评分结果 (旧)" },
  ]),
};

describe("runMessages", () => {
  it("says nothing after a clean run that wrote without notices", () => {
    expect(runMessages(scored(), "zh-CN")).toEqual([]);
  });

  it("words the write's notices in the pane's language, in their order, as information", () => {
    const english = runMessages(scored(departmentWorkbook(), WRITTEN), "en-US");
    expect(english.map((message) => message.type)).toEqual([
      MessageBarType.info,
      MessageBarType.info,
    ]);
    expect(english[0].text).toBe(
      "This version of Excel cannot add notes to cells: the problems are listed only on the “评分结果” sheet."
    );
    expect(english[1].text).toBe(
      "The old results sheet could not be deleted and is kept as “评分结果 (旧)”; delete it by hand once the new one looks right."
    );
    expect(runMessages(scored(departmentWorkbook(), WRITTEN), "zh-CN").map((m) => m.text)).toEqual(
      WRITTEN.notices
    );
  });

  it("shows a port's notices as they are when it gives no facts", () => {
    const plain: WriteOutcome = { marked: 0, sheets: [], notices: ["某个宿主的提示。"] };
    expect(runMessages(scored(departmentWorkbook(), plain), "en-US")).toEqual([
      { type: MessageBarType.info, text: "某个宿主的提示。" },
    ]);
  });

  it("says what the headers lack when no form was read, and only that a header was found when forms were", () => {
    const none = runMessages(scored(unreadableWorkbook()), "zh-CN");
    expect(none).toEqual([
      {
        type: MessageBarType.warning,
        text: expect.stringMatching(/^未找到可评分的绩效指标表：工作表「自评表」：找到表头第2行/),
      },
    ]);
    const some = runMessages(
      scored(workbookOf(departmentWorkbook().sheets[0], unreadableWorkbook().sheets[0])),
      "en-US"
    );
    expect(some).toEqual([
      {
        type: MessageBarType.info,
        text: expect.stringMatching(/^1 more header/),
      },
    ]);
  });

  it("puts the column map's errors first, as an error, instead of what the reading found", () => {
    const messages = runMessages(
      scored(unreadableWorkbook(), null, [{ entry: "分值=Q", message: "列Q不在表格内。" }]),
      "zh-CN"
    );
    expect(messages).toEqual([
      { type: MessageBarType.error, text: "列对应有误，未做任何更改：“分值=Q”：列Q不在表格内。" },
    ]);
  });
});
