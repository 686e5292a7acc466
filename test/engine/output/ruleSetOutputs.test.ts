import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { buildResultsSheet } from "../../../src/engine/output/buildResultsSheet";
import { buildCellMarks } from "../../../src/engine/output/buildWritePlan";
import { MARK_FILL_COLOURS } from "../../../src/engine/output/outputStyles";
import { RULE_SETS } from "../../../src/engine/rules/ruleSets";
import type { OutputSheet } from "../../../src/engine/output/types";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { withNotApplicable } from "../../helpers/notApplicable";
import { BUDGET_HEADER, PROJECT_HEADER } from "../../helpers/templateHeaders";

function texts(sheet: OutputSheet): string[] {
  return sheet.rows.flatMap((row) =>
    row.cells.map((cell) => (cell && "text" in cell ? cell.text : "")).filter((t) => t !== "")
  );
}

// 65 % spent: 90 + 6.5 = 96.5, capped at 79 under yitihua; 培训人次 150 of ≥100: 指标偏离 −2.
const sheet = sheetFromRows("项目自评表", [
  BUDGET_HEADER,
  [null, "年度资金总额", 100, 100, 65, 10, null, null],
  PROJECT_HEADER,
  ["产出指标", "数量指标", "培训人次", "≥100人次", "150人次", 50, 50, null],
  ["效益指标", "社会效益指标", "就业率", "≥80%", "85%", 40, 40, null],
]);

describe("the results sheet under a rule set", () => {
  it("names the set, states the cap next to the total and lists every problem", () => {
    const result = scoreWorkbook(workbookOf(sheet), { ruleSet: RULE_SETS.yitihua });
    const lines = texts(buildResultsSheet(result));
    expect(lines).toContain("工作表「项目自评表」：按项目支出、预算管理一体化平台规则评分");
    expect(lines).toContain("预算执行率65%，总分最高79分：各项得分合计94.5分，按79分计。");
    expect(lines).toContain("发现的问题：错误 1 个，警告 2 个");
    expect(lines.filter((line) => line === "错误" || line === "警告")).toHaveLength(3);
  });

  it("states the rescaling when indicators do not apply", () => {
    const result = scoreWorkbook(workbookOf(sheet));
    const form = withNotApplicable(result.forms[0], sheet, ["就业率"]);
    // 50 + 6.5 = 56.5 of an applicable 60 → 94.17
    const lines = texts(buildResultsSheet({ ...result, forms: [form] }));
    expect(lines).toContain(
      "1项指标不适用，不予考核：适用指标得分合计56.5分（分值60分），按百分制折算为94.17分。"
    );
  });

  it("is as before under national", () => {
    const lines = texts(buildResultsSheet(scoreWorkbook(workbookOf(sheet))));
    expect(lines).toContain("工作表「项目自评表」：按项目支出规则评分");
    expect(lines.some((line) => line.indexOf("封顶") >= 0 || line.indexOf("最高") >= 0)).toBe(
      false
    );
  });
});

describe("marks", () => {
  it("colour a cell by its gravest problem, info in blue, with 【提示】 notes", () => {
    const result = scoreWorkbook(workbookOf(sheet), { ruleSet: RULE_SETS.yitihua });
    const info = {
      ...result,
      problems: [
        {
          code: "not-applicable" as const,
          severity: "info" as const,
          sheet: "项目自评表",
          cell: "C5",
          facts: { code: "not-applicable" as const, subject: "就业率", rescaled: true },
          message: "「就业率」不适用。",
        },
        ...result.problems,
      ],
    };
    const marks = buildCellMarks(info);
    expect(marks.find((mark) => mark.cell === "C5")).toEqual({
      sheet: "项目自评表",
      cell: "C5",
      severity: "info",
      note: "【提示】「就业率」不适用。",
    });
    // E4: over-completion and 指标偏离, both warnings; G2: the cap, an error.
    expect(marks.find((mark) => mark.cell === "E4")!.severity).toBe("warning");
    expect(marks.find((mark) => mark.cell === "G2")!.severity).toBe("error");
    expect(MARK_FILL_COLOURS.info).toBe("DDEBF7");
    // The results sheet lists it last, as 提示.
    const lines = texts(buildResultsSheet(info));
    expect(lines).toContain("发现的问题：错误 1 个，警告 2 个，提示 1 个");
    expect(lines.slice(-4)).toEqual(["「就业率」不适用。", "提示", "项目自评表", "C5"]);
  });
});
