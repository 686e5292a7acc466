import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf, type TestCell } from "../../helpers/gridFromRows";
import { BUDGET_HEADER, PROJECT_HEADER } from "../../helpers/templateHeaders";

/** A national form whose 年度资金总额 row states these amounts and this 执行率. */
function withRate(initial: number, budget: number, executed: number, rate: TestCell, score = 10) {
  const sheet = sheetFromRows("Sheet1", [
    ["项目支出绩效自评表"],
    BUDGET_HEADER,
    [null, "年度资金总额", initial, budget, executed, 10, rate, score],
    PROJECT_HEADER,
    ["产出指标", "数量指标", "文化站运行个数", "12个", "12个", 90, 90, null],
  ]);
  return scoreWorkbook(workbookOf(sheet));
}

const percent = (value: number): TestCell => ({ value, numberFormat: "0.00%" });
const codes = (result: ReturnType<typeof scoreWorkbook>) =>
  result.problems.map((problem) => problem.cell + " " + problem.code);

describe("the 执行率 a sheet states", () => {
  it("is said where the amounts beside it contradict it (95% against 60 / 60), and the amounts are scored", () => {
    const result = withRate(60, 60, 60, "95%");
    expect(codes(result)).toEqual(["G3 rate-mismatch"]);
    expect(result.problems[0].severity).toBe("warning");
    expect(result.problems[0].message).toBe(
      "填写的执行率95%与全年执行数÷全年预算数（60÷60＝100%）不符，已按金额计算执行率和得分，请核对。"
    );
    expect(result.report.budget).toMatchObject({ rate: 1, computedScore: 10 });
  });

  it("agrees when rounded to a whole percent, capped at 100 %, or taken over 年初预算数", () => {
    expect(codes(withRate(100, 100, 96.9, percent(0.97), 9.69))).toEqual([]);
    expect(codes(withRate(100, 100, 105, percent(1)))).toEqual([]);
    // 76 / 100 = 76 % scored; 76 / 80 = 95 % is the rate over 年初预算数 the sheet states.
    expect(codes(withRate(80, 100, 76, percent(0.95), 7.6))).toEqual([]);
    expect(codes(withRate(100, 100, 90, 90, 9))).toEqual([]);
  });
});
