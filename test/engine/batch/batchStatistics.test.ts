import { batchStatistics, spreadOf } from "../../../src/engine/batch/batchStatistics";
import { batchFile, batchForm } from "./batchForms";

describe("spreadOf", () => {
  it("gives count, mean, population standard deviation, least and greatest", () => {
    // mean 5; squares 9 + 1 + 1 + 9 = 20; 20 / 4 = 5
    expect(spreadOf([2, 4, 6, 8])).toEqual({
      count: 4,
      mean: 5,
      standardDeviation: Math.sqrt(5),
      min: 2,
      max: 8,
    });
  });

  it("gives nulls for no numbers and 0 spread for one", () => {
    expect(spreadOf([])).toEqual({
      count: 0,
      mean: null,
      standardDeviation: null,
      min: null,
      max: null,
    });
    expect(spreadOf([90])).toMatchObject({ count: 1, mean: 90, standardDeviation: 0 });
  });
});

describe("batchStatistics", () => {
  it("counts forms by rating in their order, lists every national rating, and counts unrated forms", () => {
    const stats = batchStatistics([
      batchFile("a.xlsx", [batchForm({ rating: "良" }), batchForm({ rating: "优" })]),
      batchFile("b.xlsx", [
        batchForm({ rating: "良", kind: "department", budget: null }),
        batchForm({ rating: null, total: { score: null, max: 100, complete: false } }),
      ]),
      batchFile("c.xlsx", [], { status: "failed" }),
    ]);
    expect(stats.byRating).toEqual([
      { rating: "优", count: 1 },
      { rating: "良", count: 2 },
      { rating: "中", count: 0 },
      { rating: "差", count: 0 },
    ]);
    expect(stats.unrated).toBe(1);
    expect(stats.byKind).toEqual([
      { kind: "project", count: 3 },
      { kind: "department", count: 1 },
    ]);
    expect(stats.score.count).toBe(3);
    // Three project forms state a rate of 0.95; the department form none.
    expect(stats.rate).toMatchObject({ count: 3, min: 0.95, max: 0.95 });
    expect(stats.rate.mean).toBeCloseTo(0.95, 12);
  });

  it("lists a rule set's own labels as met, without the national ones", () => {
    const stats = batchStatistics([
      batchFile("a.xlsx", [batchForm({ rating: "较好" }), batchForm({ rating: "好" })]),
    ]);
    expect(stats.byRating).toEqual([
      { rating: "较好", count: 1 },
      { rating: "好", count: 1 },
    ]);
  });
});

describe("batchStatistics funds", () => {
  it("adds up in 万元 only the forms stating both amounts, and counts the ones left out", () => {
    const stats = batchStatistics([
      batchFile("a.xlsx", [
        batchForm({ budget: { budget: 100, executed: 90, rate: 0.9, unit: "万元" } }),
        // 500,000 元 = 50 万元
        batchForm({ budget: { budget: 500000, executed: 100000, rate: 0.2, unit: "元" } }),
      ]),
      batchFile("b.xlsx", [
        batchForm({ budget: { budget: 864.2, executed: null, rate: null, unit: "万元" } }),
        batchForm({ budget: { budget: null, executed: 30, rate: null, unit: "万元" } }),
        batchForm({ budget: null }),
      ]),
    ]);
    expect(stats.funds).toEqual({
      forms: 2,
      leftOut: 2,
      budget: 150,
      executed: 100,
      rate: 100 / 150,
    });
  });

  it("has no rate when no form states both amounts", () => {
    expect(batchStatistics([batchFile("a.xlsx", [batchForm({ budget: null })])]).funds).toEqual({
      forms: 0,
      leftOut: 0,
      budget: 0,
      executed: 0,
      rate: null,
    });
  });
});

describe("batchStatistics score", () => {
  it("spreads only complete totals within their 满分 and counts the others", () => {
    const stats = batchStatistics([
      batchFile("a.xlsx", [
        batchForm({ total: { score: 90, max: 100, complete: true } }),
        batchForm({ total: { score: 102, max: 100, complete: true } }),
        batchForm({ total: { score: 60, max: 100, complete: false } }),
        batchForm({ total: { score: null, max: 100, complete: false } }),
        batchForm({ total: { score: 110, max: 110, complete: true } }),
      ]),
    ]);
    expect(stats.score).toMatchObject({ count: 1, mean: 90 });
    expect(stats.scoreLeftOut).toBe(3);
  });
});
