/**
 * The scoring run every host shares, with the choices the pane makes: the bureau's rule set and
 * the user's column map (as the text the workbook's settings keep).
 */
import { RULE_SETS } from "../../src/engine/rules/ruleSets";
import { scoreOpenWorkbook } from "../../src/workbook/scoreOpenWorkbook";
import { FakeWorkbookPort } from "../taskpane/helpers/fakeWorkbookPort";
import {
  lowExecutionWorkbook,
  unreadableWorkbook,
  UNREAD_SHEET,
} from "../taskpane/helpers/projectForm";

describe("scoreOpenWorkbook", () => {
  it("scores by the national rules unless told otherwise, and by the rule set it is given", async () => {
    const national = await scoreOpenWorkbook(new FakeWorkbookPort(lowExecutionWorkbook()));
    expect(national.result.report.ruleSet).toBe("national");
    expect(national.result.report.total).toEqual({
      score: 96.11,
      max: 100,
      complete: true,
      unscaled: 86.5,
    });

    const port = new FakeWorkbookPort(lowExecutionWorkbook());
    const yitihua = await scoreOpenWorkbook(port, { ruleSet: RULE_SETS.yitihua });
    expect(yitihua.result.report.ruleSet).toBe("yitihua");
    // 65 % is in the 60–70 % band: at most 79.
    expect(yitihua.result.report.total).toMatchObject({ score: 79, cap: 79, uncapped: 96.11 });
    expect(yitihua.result.report.rating).toBe("中");
    expect(yitihua.result.forms[0].effects.cap).toEqual({ rate: 0.65, cap: 79, uncapped: 96.11 });
    // The cap's error and the not-applicable 提示 are marked like every other problem.
    expect(port.writes[0].marks.map((mark) => mark.cell + ":" + mark.severity).sort()).toEqual([
      "C7:info",
      "G3:error",
    ]);
    expect(yitihua.grid.sheets[0].name).toBe("项目自评表");
    expect(yitihua.columnMapErrors).toEqual([]);
  });

  it("reads the columns the map names and writes as usual", async () => {
    const port = new FakeWorkbookPort(unreadableWorkbook());
    const unmapped = await scoreOpenWorkbook(port);
    expect(unmapped.result.forms).toHaveLength(0);
    expect(unmapped.written).toBeNull();
    expect(port.calls).toEqual(["read"]);

    const mapped = await scoreOpenWorkbook(port, { columnMap: "分值=F，自评得分=G" });
    expect(mapped.result.report.total).toEqual({ score: 90, max: 100, complete: true });
    const score = mapped.result.reading.forms[0].table.decisions.filter(
      (decision) => decision.role === "score"
    )[0];
    expect(score).toMatchObject({ column: 7, source: "map" });
    expect(mapped.written).not.toBeNull();
    expect(port.calls).toEqual(["read", "read", "write"]);
  });

  it.each([
    ["one column for two roles", "分值=F,自评得分=F", "自评得分=F", /一列只能对应一个角色/],
    ["an unknown role", "权数=F", "权数=F", /不认识的列名“权数”/],
    [
      "a sheet the workbook does not have",
      "汇总!分值=F",
      "汇总!分值=F",
      /没有名为「汇总」的工作表/,
    ],
  ])(
    "writes nothing when an entry cannot be applied (%s), naming the entry",
    async (_case, text, entry, message) => {
      const port = new FakeWorkbookPort(unreadableWorkbook());
      const outcome = await scoreOpenWorkbook(port, { columnMap: text });
      expect(outcome.written).toBeNull();
      expect(port.calls).toEqual(["read"]);
      expect(outcome.columnMapErrors).toHaveLength(1);
      expect(outcome.columnMapErrors[0].entry).toBe(entry);
      expect(outcome.columnMapErrors[0].message).toMatch(message);
    }
  );

  it("writes nothing when a mapped column lies outside the table", async () => {
    const port = new FakeWorkbookPort(unreadableWorkbook());
    const outcome = await scoreOpenWorkbook(port, {
      columnMap: UNREAD_SHEET + "!分值=F," + UNREAD_SHEET + "!自评得分=Q",
    });
    expect(port.calls).toEqual(["read"]);
    expect(outcome.columnMapErrors).toEqual([
      {
        entry: UNREAD_SHEET + "!自评得分=Q",
        message: "列Q不在工作表「自评表」第2行起的表格内",
      },
    ]);
  });
});
