import { quantitativeScore } from "../../../src/engine/score/quantitativeScore";
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
    ["≥95%", "97.2%", 8, true, 8],
    ["≥3000个", "2760个", 8, false, 7.36], // 8 × 2760/3000
    ["40所", "38所", 15, false, 14.25], // bare number means ≥: 15 × 38/40
    ["≥90%", "88%", 10, false, 9.78], // 10 × 88/90 = 9.777…
    ["≥95%", "91.3%", 4, false, 3.84], // 4 × 91.3/95 = 3.844…
    ["≥95%", "96", 10, true, 10], // a bare 96 against a % target is 96%
    [">90%", "90%", 10, false, 10], // strictly more is needed, 90/90 still earns the ratio 1 → capped
    // negative: reached → full; missed → target/actual × 分值
    ["≤20万元", "19万元", 10, true, 10],
    ["≤20万元", "25万元", 10, false, 8], // 10 × 20/25
    ["≤100%", "87.5%", 4, true, 4],
    ["≤0%", "-1.28%", 4, true, 4],
    // zero target: must not exceed 0
    ["0起", "0起", 8, true, 8],
    ["0起", "1起", 8, false, 0],
    ["≤0%", "2%", 5, false, 0],
    // equality
    ["=8个", "8个", 6, true, 6],
    ["=8个", "6个", 6, false, 4.5], // 6 × 6/8
    ["=8个", "10个", 6, false, 4.8], // 6 × 8/10
    // negative targets (a reduction): 3 of a required 5 points → 60%
    ["≤-5%", "-3%", 10, false, 6],
    ["≥0", "-2", 10, false, 0],
  ])("target %s, actual %s, 分值 %d → met %s, score %d", (target, actual, max, met, score) => {
    expect(quantitativeScore(n(target), n(actual), max)).toEqual({ met, score });
  });

  it("converts the actual into the target's unit", () => {
    // 250000元 = 25万元 against ≤20万元 → 10 × 20/25
    expect(quantitativeScore(n("≤20万元"), n("250000元"), 10, 0.0001)).toEqual({
      met: false,
      score: 8,
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
          const outcome = quantitativeScore(target, { ...n("1"), value: a }, max);
          expect(Number.isFinite(outcome.score)).toBe(true);
          expect(outcome.score).toBeGreaterThanOrEqual(0);
          expect(outcome.score).toBeLessThanOrEqual(max);
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
