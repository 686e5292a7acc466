import {
  BUDGET_BANDS,
  sampleByBudgetBand,
  sampleSeed,
} from "../../../src/engine/batch/sampleByBudgetBand";
import { hashText, seededRandom } from "../../../src/engine/batch/seededRandom";
import type { BatchFile } from "../../../src/engine/batch/types";
import { batchFile, batchForm } from "./batchForms";

function filesWithBudgets(
  budgets: Array<number | null>,
  unit: "万元" | "元" = "万元"
): BatchFile[] {
  return budgets.map((budget, index) =>
    batchFile("单位" + index + ".xlsx", [
      batchForm({
        budget: budget === null ? null : { budget, executed: budget, rate: 1, unit },
        kind: budget === null ? "department" : "project",
      }),
    ])
  );
}

describe("seededRandom", () => {
  it("gives the same numbers from the same seed, in [0, 1)", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
    expect(seededRandom(43)()).not.toBe(first[0]);
  });

  it("hashes text with FNV-1a", () => {
    // Reference values of 32-bit FNV-1a.
    expect(hashText("")).toBe(0x811c9dc5);
    expect(hashText("a")).toBe(0xe40c292c);
    expect(hashText("foobar")).toBe(0xbf9cf968);
  });
});

describe("sampleByBudgetBand", () => {
  // Bands: ≥1000 | 500–1000 | 100–500 | <100 | none
  const budgets = [1500, 2000, 800, 600, 700, 120, 90, 10, 20, 30, 40, 50, null, null];

  it("draws a share of each band, rounded up, at least one from a band with forms", () => {
    const sample = sampleByBudgetBand(filesWithBudgets(budgets), 20);
    expect(sample.bands.map((band) => band.band.label)).toEqual(
      BUDGET_BANDS.map((band) => band.label)
    );
    expect(sample.bands.map((band) => band.size)).toEqual([2, 3, 1, 6, 2]);
    // 20 % of 2, 3, 1, 6, 2 → 0.4, 0.6, 0.2, 1.2, 0.4 → 1, 1, 1, 2, 1
    expect(sample.bands.map((band) => band.picked.length)).toEqual([1, 1, 1, 2, 1]);
    expect(sample.percent).toBe(20);
  });

  it("puts each form in the band of its budget in 万元, converting 元, bounds inclusive below", () => {
    const yuan = sampleByBudgetBand(filesWithBudgets([10000000, 5000000, 999999], "元"), 100);
    // 1000 万元, 500 万元, 99.9999 万元
    expect(yuan.bands.map((band) => band.size)).toEqual([1, 1, 0, 1, 0]);
    const bounds = sampleByBudgetBand(filesWithBudgets([1000, 999.99, 100, 99.99]), 100);
    expect(bounds.bands.map((band) => band.size)).toEqual([1, 1, 1, 1, 0]);
  });

  it("draws the same forms from the same files, whatever order they were found in", () => {
    const files = filesWithBudgets(budgets);
    const first = sampleByBudgetBand(files, 30);
    expect(sampleByBudgetBand(files, 30)).toEqual(first);
    const reversed = files.slice().reverse();
    const again = sampleByBudgetBand(reversed, 30);
    expect(again.seed).toBe(first.seed);
    const names = (sample: typeof first, list: BatchFile[]) =>
      sample.bands.map((band) => band.picked.map((ref) => list[ref.file].file).sort());
    expect(names(again, reversed)).toEqual(names(first, files));
  });

  it("draws from another seed for another file list", () => {
    const files = filesWithBudgets(budgets);
    const other = files.concat(batchFile("另一个.xlsx", [batchForm()]));
    expect(sampleSeed(other)).not.toBe(sampleSeed(files));
  });

  it("draws nothing at 0 % and every form at 100 %, each once", () => {
    const files = filesWithBudgets(budgets);
    expect(sampleByBudgetBand(files, 0).bands.every((band) => band.picked.length === 0)).toBe(true);
    const all = sampleByBudgetBand(files, 100);
    const picked = all.bands.reduce<string[]>(
      (list, band) => list.concat(band.picked.map((ref) => ref.file + ":" + ref.form)),
      []
    );
    expect(picked).toHaveLength(budgets.length);
    expect(new Set(picked).size).toBe(budgets.length);
  });

  it("draws uniformly: over many seeds every form of a band is drawn", () => {
    const counts = new Map<string, number>();
    for (let run = 0; run < 300; run++) {
      const files = filesWithBudgets([10, 20, 30, 40, 50]).map((file) => ({
        ...file,
        file: run + "/" + file.file,
      }));
      for (const ref of sampleByBudgetBand(files, 20).bands[3].picked) {
        const key = String(ref.file);
        counts.set(key, (counts.get(key) || 0) + 1);
      }
    }
    expect(counts.size).toBe(5);
    for (const count of counts.values()) expect(count).toBeGreaterThan(30);
  });
});
