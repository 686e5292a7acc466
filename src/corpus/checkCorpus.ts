import { promises as fs } from "fs";
import * as path from "path";
import {
  createSheetGrid,
  type RawCell,
  type ScoreResult,
  scoreWorkbook,
  type WorkbookGrid,
} from "../engine";
import { readXlsxGrid } from "../workbook/xlsx/readXlsxGrid";

/**
 * The yardstick: real published 自评表 rebuilt cell for cell (test/fixtures/real/<id>.json and
 * <id>.xlsx, see that folder's README), each scored by the engine as the CLI would and set
 * against what a finance officer derives by hand. A table is right when its form count, kind of
 * form (profile: it decides the 自评表说明's wording and the batch's 类型), indicator count, total,
 * rating, flagged cells (a problem on the cell, of the code when given) and not-flagged cells (no
 * problem there) all hold. The other expectations (maxSource, budget,
 * skipped rows…) are compared too and reported, without deciding.
 */

interface ExpectedForm {
  readonly sheet: string;
  readonly profile?: string;
  readonly indicatorCount: number;
  readonly notApplicableRows?: readonly number[];
  readonly skippedRows?: ReadonlyArray<{ readonly row: number; readonly reason: string }>;
  readonly maxSource?: string;
  readonly budget?: {
    readonly rate: number | null;
    readonly score: number | null;
    readonly max: number | null;
  };
  readonly total: number;
  readonly totalComplete?: boolean;
  readonly rating: string;
  readonly statedTotal?: number | null;
  readonly flagged: ReadonlyArray<{
    readonly cell: string;
    readonly code?: string;
    readonly why: string;
  }>;
  readonly notFlagged: readonly string[];
}

interface Spec {
  readonly id: string;
  readonly expect: { readonly forms: readonly ExpectedForm[] };
}

export interface TableVerdict {
  readonly id: string;
  readonly right: boolean;
  /** What decides: each wrong thing, one line each. */
  readonly wrong: readonly string[];
  /** Other expectations that do not hold, for information. */
  readonly notes: readonly string[];
}

export interface CorpusOptions {
  /**
   * Read the tables as a host that gives no merged areas does (Excel 2016/2019 below ExcelApi
   * 1.13): only each area's top-left value, blanks elsewhere.
   */
  readonly withoutMerges?: boolean;
}

/** Scores every table of a corpus folder and compares it with its spec. */
export async function checkCorpus(
  dir: string,
  options: CorpusOptions = {}
): Promise<TableVerdict[]> {
  const names = (await fs.readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  const verdicts: TableVerdict[] = [];
  for (const name of names) {
    const spec = JSON.parse(await fs.readFile(path.join(dir, name), "utf8")) as Spec;
    const bytes = await fs.readFile(path.join(dir, spec.id + ".xlsx"));
    const workbook = await readXlsxGrid(bytes);
    const grid = options.withoutMerges ? withoutMerges(workbook.grid) : workbook.grid;
    const result = scoreWorkbook(grid, { fileName: spec.id + ".xlsx" });
    verdicts.push(judge(spec, result));
  }
  return verdicts;
}

function withoutMerges(workbook: WorkbookGrid): WorkbookGrid {
  return {
    ...workbook,
    sheets: workbook.sheets.map((sheet) =>
      createSheetGrid({
        name: sheet.name,
        owner: sheet.owner,
        cells: sheet.usedRows().reduce<RawCell[]>(
          (cells, row) =>
            cells.concat(
              sheet.cellsInRow(row).map((cell) => ({
                row: cell.row,
                column: cell.column,
                value: cell.value,
                text: cell.text,
                numberFormat: cell.numberFormat,
                formula: cell.formula,
                formulaNotCalculated: cell.formulaNotCalculated,
              }))
            ),
          []
        ),
      })
    ),
  };
}

/** The comparison of one table's scoring with its spec. */
export function judge(spec: Spec, result: ScoreResult): TableVerdict {
  const wrong: string[] = [];
  const notes: string[] = [];
  const expected = spec.expect.forms;
  const forms = result.report.forms;
  if (forms.length !== expected.length)
    wrong.push("forms: " + forms.length + " read, " + expected.length + " expected");
  expected.forEach((want, index) => {
    const form = forms[index];
    const label = expected.length > 1 ? "form " + (index + 1) + ": " : "";
    if (!form) return;
    if (form.sheet !== want.sheet)
      wrong.push(label + "sheet " + form.sheet + ", expected " + want.sheet);
    const indicators = result.report.indicators.filter((indicator) => indicator.form === index);
    const real = indicators.filter((indicator) => indicator.kind !== "not-applicable");
    if (real.length !== want.indicatorCount)
      wrong.push(
        label +
          "indicators " +
          real.length +
          " (rows " +
          real.map((indicator) => indicator.row).join(",") +
          "), expected " +
          want.indicatorCount
      );
    if (want.profile !== undefined && form.profile !== want.profile)
      wrong.push(label + "profile " + form.profile + ", expected " + want.profile);
    const total = form.total.score;
    if (total === null || Math.abs(total - want.total) > 0.005)
      wrong.push(label + "total " + (total === null ? "none" : total) + ", expected " + want.total);
    if (form.rating !== want.rating)
      wrong.push(label + "rating " + (form.rating ?? "none") + ", expected " + want.rating);
    const problems = result.problems.filter((problem) => problem.sheet === form.sheet);
    for (const flag of want.flagged) {
      const on = problems.filter((problem) => problem.cell === flag.cell);
      const hit =
        flag.code === undefined ? on.length > 0 : on.some((problem) => problem.code === flag.code);
      if (!hit)
        wrong.push(
          label +
            "not flagged: " +
            flag.cell +
            (flag.code ? " " + flag.code : "") +
            (on.length > 0 ? " (has " + on.map((problem) => problem.code).join(", ") + ")" : "") +
            " — " +
            flag.why
        );
    }
    for (const cell of want.notFlagged) {
      const on = problems.filter((problem) => problem.cell === cell);
      if (on.length > 0)
        wrong.push(
          label +
            "wrongly flagged: " +
            cell +
            " " +
            on.map((problem) => problem.code + " " + problem.message).join("; ")
        );
    }

    if (want.totalComplete !== undefined && form.total.complete !== want.totalComplete)
      notes.push(
        label + "total complete " + form.total.complete + ", expected " + want.totalComplete
      );
    if (want.budget) {
      const budget = form.budget;
      const got = budget ? [budget.rate, budget.score, budget.max] : [null, null, null];
      const exp = [want.budget.rate, want.budget.score, want.budget.max];
      if (got.some((value, i) => !close(value, exp[i])))
        notes.push(
          label + "budget rate/score/max " + got.join("/") + ", expected " + exp.join("/")
        );
    }
    const notApplicable = indicators
      .filter((indicator) => indicator.kind === "not-applicable")
      .map((indicator) => indicator.row);
    const wantNotApplicable = want.notApplicableRows ?? [];
    if (notApplicable.join(",") !== wantNotApplicable.join(","))
      notes.push(
        label +
          "not-applicable rows " +
          (notApplicable.join(",") || "none") +
          ", expected " +
          (wantNotApplicable.join(",") || "none")
      );
    const detected = result.forms[index] ? result.forms[index].detected.table : null;
    if (detected && want.maxSource !== undefined && detected.maxSource !== want.maxSource)
      notes.push(label + "maxSource " + detected.maxSource + ", expected " + want.maxSource);
    if (detected && want.skippedRows) {
      const got = new Set(detected.skippedRows.map((row) => row.row + " " + row.reason));
      const missingRows = want.skippedRows.filter((row) => !got.has(row.row + " " + row.reason));
      if (missingRows.length > 0)
        notes.push(
          label +
            "skipped rows not reported as expected: " +
            missingRows.map((row) => row.row + " " + row.reason).join(", ")
        );
    }
  });
  return { id: spec.id, right: wrong.length === 0, wrong, notes };
}

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 0.005;
}

/** What `npm run corpus` prints: each table, what is wrong with it, and the count. */
export function formatCorpusReport(verdicts: readonly TableVerdict[]): string {
  const lines: string[] = [];
  for (const verdict of verdicts) {
    lines.push((verdict.right ? "✓ " : "✗ ") + verdict.id);
    for (const line of verdict.wrong) lines.push("    " + line);
    for (const line of verdict.notes) lines.push("    (also) " + line);
  }
  const right = verdicts.filter((verdict) => verdict.right).length;
  lines.push("corpus: " + right + "/" + verdicts.length + " real tables right");
  return lines.join("\n");
}
