/**
 * Under `national` a table without not-applicable or 等于 indicators scores exactly as before
 * rule sets existed: the same formulas, the same totals and ratings, no new problems.
 */
import * as path from "path";
import { readFileSync } from "fs";
import fc from "fast-check";
import { quantitativeScore } from "../../../src/engine/score/quantitativeScore";
import { round2, sum2 } from "../../../src/engine/score/round";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { RULE_SETS } from "../../../src/engine/rules/ruleSets";
import type { Comparator, ParsedNumber } from "../../../src/engine/values/parseValue";
import { readXlsxGrid } from "../../../src/workbook/xlsx/readXlsxGrid";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";

/** quantitativeScore as it was before rule sets, kept here as the reference. */
function scoreBeforeRuleSets(
  target: ParsedNumber,
  actual: ParsedNumber,
  max: number
): { met: boolean; score: number } {
  const goal = target.value;
  const reached = actual.value;
  let comparator = target.comparator;
  if (comparator === null) comparator = goal === 0 ? "<=" : ">=";
  const epsilon = 1e-9;
  const up = (g: number, r: number) => (g > 0 ? r / g : g < 0 && r < 0 ? g / r : 0);
  const down = (g: number, r: number) => (g > 0 && r > 0 ? g / r : g < 0 && r < 0 ? r / g : 0);
  let met: boolean;
  let ratio: number;
  switch (comparator) {
    case ">=":
    case ">":
      met = comparator === ">=" ? reached >= goal - epsilon : reached > goal;
      ratio = up(goal, reached);
      break;
    default:
      met = comparator === "<=" ? reached <= goal + epsilon : reached < goal;
      ratio = down(goal, reached);
  }
  const share = isFinite(ratio) ? Math.min(1, Math.max(0, ratio)) : ratio > 0 ? 1 : 0;
  return { met, score: round2(met ? max : max * share) };
}

function parsed(value: number, comparator: Comparator | null): ParsedNumber {
  return { kind: "number", value, percent: false, unit: null, comparator };
}

describe("national", () => {
  it("scores ≥, >, ≤, < and bare targets as before rule sets", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Comparator | null>(">=", ">", "<=", "<", null),
        fc.oneof(fc.constant(0), fc.double({ min: -1e5, max: 1e5, noNaN: true })),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.integer({ min: 0, max: 100 }),
        (comparator, t, a, max) => {
          const target = parsed(t, comparator);
          const actual = parsed(a, null);
          const now = quantitativeScore(target, actual, max);
          expect({ met: now.met, score: now.score }).toEqual(
            scoreBeforeRuleSets(target, actual, max)
          );
        }
      ),
      { numRuns: 3000 }
    );
  });

  it.each(["department-education-2024.xlsx", "project-school-safety-2024.xlsx"])(
    "gives %s the plain sum, the 90/80/60 rating and no rule-set problem",
    async (file) => {
      const grid = (await readXlsxGrid(readFileSync(path.join(__dirname, "../../fixtures", file))))
        .grid;
      const byDefault = scoreWorkbook(grid, { fileName: file }).report;
      const national = scoreWorkbook(grid, { fileName: file, ruleSet: RULE_SETS.national }).report;
      expect(national).toEqual(byDefault);
      const scores = national.indicators.map((i) => i.score).filter((s): s is number => s !== null);
      if (national.budget && national.budget.score !== null) scores.push(national.budget.score);
      expect(Object.keys(national.total!).sort()).toEqual(["complete", "max", "score"]);
      expect(national.total!.score).toBe(sum2(scores));
      const total = national.total!.score!;
      expect(national.rating).toBe(
        total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差"
      );
      const ruleCodes = [
        "execution-cap",
        "over-completion",
        "deviation-deducted",
        "score-ahead-of-spending",
        "budget-reason-missing",
        "not-applicable",
        "equal-mismatch",
        "deduction-applied",
      ];
      expect(national.problems.filter((p) => ruleCodes.indexOf(p.code) >= 0)).toEqual([]);
      expect(national.ruleSet).toBe("national");
      national.indicators.forEach((indicator) => expect(indicator.rule).not.toBeUndefined());
    }
  );

  it.each(["=", "＝", "═"])(
    "reads %s in a 指标性质 column as 等于, scored as a positive indicator",
    (sign) => {
      const sheet = sheetFromRows("表", [
        [
          "一级指标",
          "二级指标",
          "三级指标",
          "指标性质",
          "指标值",
          "度量单位",
          "实际完成值",
          "分值",
          "得分",
        ],
        ["产出指标", "数量指标", "发放人数", sign, 100, "人", 120, 50, null],
        ["产出指标", "数量指标", "培训场次", sign, 10, "场", 8, 50, null],
      ]);
      const { report } = scoreWorkbook(workbookOf(sheet));
      expect(report.indicators.map((i) => [i.rule, i.targetMet, i.score])).toEqual([
        ["equal", true, 50], // above the target: full marks, as selfequalindex gives
        ["equal", false, 40], // 50 × 8/10
      ]);
    }
  );
});
