import * as v8 from "v8";

/**
 * V8's collector, set for the rest of a `selfeval score` run once a large workbook has been read:
 * the young generation keeps the size reading gave it (no further doubling of its semi-spaces, up
 * to 16 MB each), and the old generation may grow by 20% of what a full collection leaves before
 * the next one (V8 would otherwise let it grow several times over).
 *
 * Why: what a run keeps is small beside what it allocates on the way (20,000 indicators: about
 * 50 MB live at most, over 200 MB allocated), and with V8's defaults the peak is
 * mostly garbage: a 32 MB young generation and medium-lived objects promoted to the old generation
 * and not collected before the run ends. Both flags are read by V8 each time it sizes a space, so
 * they take effect when set at run time (--max-semi-space-size, fixed when the heap is made, would
 * not). The price is more, smaller collections (measured in `npm run bench`).
 *
 * Only for large workbooks, and never in the batch: flags are the process's, and a batch's
 * worker threads, like the test runner that calls runScore, are better served by the defaults.
 */
export const LARGE_RUN_GC_FLAGS: readonly string[] = [
  "--semi-space-growth-factor=1",
  "--heap-growing-percent=20",
];

/**
 * V8's optimising compiler, set for the rest of a large run: a function runs four times as long
 * (in bytecode executed) before V8 compiles it optimised (the budget is V8's default, 67,584,
 * times four).
 *
 * Why: a large run passes each of its stages once over many rows, and with V8's default budget
 * it compiles and recompiles hundreds of functions while they run (on the second core, which the
 * collector and the compression of the copy want too, and with deoptimisations when a later row
 * is of another shape); the code it gets is seldom run long enough to repay it. Measured on
 * 20,000 indicators, alternating runs of ten: mean 666 ms at the default, 629 at twice, 614 at
 * four times, 613 at six, 618 at eight, 637 at twelve (V8 11.3, Node 20). Read by V8 each time a
 * function's budget is reset, so it takes effect when set at run time, and V8 keeps the code
 * cache (bin/codeCache.js) of a chunk loaded after it.
 */
export const LARGE_RUN_TIERING_FLAGS: readonly string[] = ["--interrupt-budget=270336"];

/** Rows (over all sheets) from which a workbook counts as large here; forms have under 200. */
export const LARGE_WORKBOOK_ROWS = 5000;

/**
 * For the last part of a large run (the scored copy, made once the report is written): the old
 * generation may grow by half before the next full collection. With 20 % it reached its limit
 * as the copy was finished, and a full collection of 15–25 ms ran just before the process ended,
 * freeing memory nothing would use; the peak, reached while the copy is made, stayed the same
 * (20,000 indicators, ten runs each: 147 MiB at most either way).
 */
export const LAST_PHASE_GC_FLAGS: readonly string[] = ["--heap-growing-percent=50"];

let applied = false;

/**
 * Sets LARGE_RUN_GC_FLAGS and LARGE_RUN_TIERING_FLAGS, once per process, when the workbook just
 * read has `rows` rows or more.
 */
export function tuneV8AfterReading(rows: number): boolean {
  if (applied || rows < LARGE_WORKBOOK_ROWS) return false;
  applied = true;
  for (const flag of LARGE_RUN_GC_FLAGS.concat(LARGE_RUN_TIERING_FLAGS))
    v8.setFlagsFromString(flag);
  return true;
}

/** Sets LAST_PHASE_GC_FLAGS when LARGE_RUN_GC_FLAGS were set (a large run), else nothing. */
export function tuneV8ForLastPhase(): boolean {
  if (!applied) return false;
  for (const flag of LAST_PHASE_GC_FLAGS) v8.setFlagsFromString(flag);
  return true;
}
