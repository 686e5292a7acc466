import { quantitativeRuleOf, quantitativeScore } from "../../../src/engine/score/quantitativeScore";
import { parseText, type ParsedNumber } from "../../../src/engine/values/parseValue";
import { round2, sum2, formatScore } from "../../../src/engine/score/round";
import fc from "fast-check";

function n(text: string): ParsedNumber {
  const parsed = parseText(text);
  if (parsed.kind !== "number") throw new Error(text);
  return parsed;
}

describe("quantitativeScore", () => {
  it.each([
    // positive: reached → full; missed → actual/target × 分值
    ["≥95%", "97.2%", 8, true, 8, "positive"],
    ["≥3000个", "2760个", 8, false, 7.36, "positive"], // 8 × 2760/3000
    ["40所", "38所", 15, false, 14.25, "positive"], // bare number means ≥: 15 × 38/40
    ["≥90%", "88%", 10, false, 9.78, "positive"], // 10 × 88/90 = 9.777…
    ["≥95%", "91.3%", 4, false, 3.84, "positive"], // 4 × 91.3/95 = 3.844…
    ["≥95%", "96", 10, true, 10, "positive"], // a bare 96 against a % target is 96%
    [">90%", "90%", 10, false, 10, "positive"], // strictly more is needed, 90/90 still earns the ratio 1 → capped
    // negative: reached → full; missed → target/actual × 分值
    ["≤20万元", "19万元", 10, true, 10, "negative-ratio"],
    ["≤20万元", "25万元", 10, false, 8, "negative-ratio"], // 10 × 20/25
    ["≤100%", "87.5%", 4, true, 4, "negative-ratio"],
    ["≤0%", "-1.28%", 4, true, 4, "zero-target"],
    // zero target: must not exceed 0
    ["0起", "0起", 8, true, 8, "zero-target"],
    ["0起", "1起", 8, false, 0, "zero-target"],
    ["≤0%", "2%", 5, false, 0, "zero-target"],
    // 等于 (selfequalindex): at or above the target full marks, below it actual/target × 分值
    ["=8个", "8个", 6, true, 6, "equal"],
    ["=8个", "7.9个", 6, false, 5.93, "equal"], // just below: 6 × 7.9/8 = 5.925
    ["=8个", "8.1个", 6, true, 6, "equal"], // just above: as a positive indicator, full marks
    ["=8个", "6个", 6, false, 4.5, "equal"], // 6 × 6/8
    ["=8个", "10个", 6, true, 6, "equal"],
    ["═100%", "100%", 10, true, 10, "equal"], // ═ typed for 等于 in a 指标性质 column
    ["＝100%", "99%", 10, false, 9.9, "equal"],
    // 等于 0: an actual of 0 or less full marks, anything above 0 scores 0
    ["=0", "0", 5, true, 5, "zero-target"],
    ["=0", "-1", 5, true, 5, "zero-target"],
    ["=0", "0.01", 5, false, 0, "zero-target"],
    // negative targets (a reduction): 3 of a required 5 points → 60%
    ["≤-5%", "-3%", 10, false, 6, "negative-ratio"],
    ["≥0", "-2", 10, false, 0, "positive"],
  ])(
    "target %s, actual %s, 分值 %d → met %s, score %d by %s",
    (target, actual, max, met, score, rule) => {
      expect(quantitativeScore(n(target), n(actual), max)).toMatchObject({ met, score, rule });
    }
  );

  describe("negative-linear (a vendor's selfreverseindex)", () => {
    const linear = { negativeFormula: "linear" } as const;
    it.each([
      ["19万元", true, 10], // below the target
      ["20万元", true, 10], // at the target
      ["20.1万元", false, 9.95], // just above: (1 − 0.1/20) × 10
      ["25万元", false, 7.5], // (1 − 5/20) × 10; the ratio formula would give 8
      ["39.9万元", false, 0.05], // just below twice the target: (1 − 19.9/20) × 10
      ["40万元", false, 0], // at twice the target
      ["41万元", false, 0], // beyond it
    ])("target ≤20万元, actual %s → met %s, score %d", (actual, met, score) => {
      expect(quantitativeScore(n("≤20万元"), n(actual), 10, 1, linear)).toMatchObject({
        met,
        score,
        rule: "negative-linear",
      });
    });

    it("leaves zero targets to the zero-target rule and scores any miss of a negative target 0", () => {
      expect(quantitativeScore(n("≤0"), n("1"), 10, 1, linear)).toMatchObject({
        score: 0,
        rule: "zero-target",
      });
      expect(quantitativeScore(n("≤-5%"), n("-3%"), 10, 1, linear)).toMatchObject({
        met: false,
        score: 0,
        rule: "negative-linear",
      });
    });
  });

  it("names the rule from the target alone, so an indicator without an actual has one", () => {
    expect(quantitativeRuleOf(n("≥95%"))).toBe("positive");
    expect(quantitativeRuleOf(n("≤20万元"))).toBe("negative-ratio");
    expect(quantitativeRuleOf(n("≤20万元"), { negativeFormula: "linear" })).toBe("negative-linear");
    expect(quantitativeRuleOf(n("=8个"))).toBe("equal");
    expect(quantitativeRuleOf(n("=0"))).toBe("zero-target");
    expect(quantitativeRuleOf(n("0起"))).toBe("zero-target");
    expect(quantitativeRuleOf(n("12"))).toBe("positive");
  });

  it("converts the actual into the target's unit", () => {
    // 250000元 = 25万元 against ≤20万元 → 10 × 20/25
    expect(quantitativeScore(n("≤20万元"), n("250000元"), 10, 0.0001)).toMatchObject({
      met: false,
      score: 8,
      goal: 20,
      reached: 25,
    });
  });

  it("never goes above 分值 or below 0, and never divides by zero", () => {
    const comparators = fc.constantFrom("≥", "≤", ">", "<", "=", "");
    fc.assert(
      fc.property(
        comparators,
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 100 }),
        (c, t, a, max) => {
          const target: ParsedNumber = {
            ...n("1"),
            value: t,
            comparator:
              c === ""
                ? null
                : ({ "≥": ">=", "≤": "<=", ">": ">", "<": "<", "=": "=" } as const)[c],
          };
          for (const negativeFormula of ["ratio", "linear"] as const) {
            const outcome = quantitativeScore(target, { ...n("1"), value: a }, max, 1, {
              negativeFormula,
            });
            expect(Number.isFinite(outcome.score)).toBe(true);
            expect(outcome.score).toBeGreaterThanOrEqual(0);
            expect(outcome.score).toBeLessThanOrEqual(max);
          }
        }
      ),
      { numRuns: 3000 }
    );
  });
});

describe("round2", () => {
  it("rounds half away from zero on the decimal the user sees", () => {
    expect(round2(7.359999999999999)).toBe(7.36);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(9.775)).toBe(9.78);
    expect(round2(-1.005)).toBe(-1.01);
  });

  it("adds rounded scores without floating-point noise", () => {
    expect(sum2([49.36, 49])).toBe(98.36);
    expect(sum2([0.1, 0.2])).toBe(0.3);
  });

  it("formats scores as reports write them", () => {
    expect(formatScore(98)).toBe("98");
    expect(formatScore(98.36)).toBe("98.36");
    expect(formatScore(9.5)).toBe("9.5");
    expect(formatScore(9.499999)).toBe("9.5");
  });
});
