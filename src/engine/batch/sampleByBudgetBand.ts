import { budgetInWan } from "./budgetAmount";
import { hashText, seededRandom } from "./seededRandom";
import type { BandSample, BatchFile, BatchSample, BudgetBand, FormRef } from "./types";

/**
 * The budget bands a sample is drawn from, in 万元. 财政 chooses what to 抽评 by budget size
 * (rule-variants.md, "Batch and review workflows"), but no published source fixes the bands or the
 * share (a bureau parameter): these are this tool's defaults. Department forms state no 项目资金
 * line and make a band of their own.
 */
export const BUDGET_BANDS: readonly BudgetBand[] = [
  { label: "1000万元及以上", min: 1000, max: null },
  { label: "500万～1000万元", min: 500, max: 1000 },
  { label: "100万～500万元", min: 100, max: 500 },
  { label: "100万元以下", min: 0, max: 100 },
  { label: "未列项目资金", min: null, max: null },
];

export const DEFAULT_SAMPLE_PERCENT = 20;

function bandIndexOf(amount: number | null): number {
  if (amount === null) return BUDGET_BANDS.length - 1;
  for (let index = 0; index < BUDGET_BANDS.length - 1; index++) {
    const band = BUDGET_BANDS[index];
    if (band.min !== null && amount >= band.min) return index;
  }
  // A negative budget is a problem of its own; it is drawn with the smallest.
  return BUDGET_BANDS.length - 2;
}

/** The seed of a file list: the same files, in whatever order they were found, give the same seed. */
export function sampleSeed(files: readonly { readonly file: string }[]): number {
  return hashText(
    files
      .map((file) => file.file)
      .sort()
      .join("\n")
  );
}

/**
 * Draws `percent` of the forms of each budget band (rounded up, so a non-empty band gives at
 * least one), reproducibly: the seed comes from the file list and each band is shuffled with it.
 */
export function sampleByBudgetBand(files: readonly BatchFile[], percent: number): BatchSample {
  const seed = sampleSeed(files);
  const members: FormRef[][] = BUDGET_BANDS.map(() => []);
  files.forEach((file, fileIndex) =>
    file.forms.forEach((form, formIndex) => {
      members[bandIndexOf(budgetInWan(form.budget))].push({ file: fileIndex, form: formIndex });
    })
  );
  // Members in name order, so the draw does not depend on the order the files were found in.
  const byName = (a: FormRef, b: FormRef) => {
    const nameA = files[a.file].file;
    const nameB = files[b.file].file;
    return nameA < nameB ? -1 : nameA > nameB ? 1 : a.file - b.file || a.form - b.form;
  };
  const bands: BandSample[] = BUDGET_BANDS.map((band, index) => {
    const list = members[index].slice().sort(byName);
    // Each band its own stream, so adding a form to one band leaves the others' draws alone.
    const random = seededRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    const wanted =
      percent <= 0 ? 0 : Math.min(list.length, Math.ceil((list.length * percent) / 100 - 1e-9));
    // A partial Fisher–Yates shuffle: the first `wanted` places are a uniform draw.
    for (let i = 0; i < wanted; i++) {
      const j = i + Math.floor(random() * (list.length - i));
      const swap = list[i];
      list[i] = list[j];
      list[j] = swap;
    }
    return { band, size: list.length, picked: list.slice(0, wanted) };
  });
  return { percent, seed, bands };
}
