import { describeFailure, describeScored } from "../../src/commands/commandMessage";
import { scoreWorkbook } from "../../src/engine/scoreWorkbook";
import { WorkbookPortError } from "../../src/workbook/port";
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
