/// <reference types="et-jsapi-declare/lib.et" />
/**
 * Reads every worksheet of the workbook open in WPS 表格 into the engine's grid. Every ET call is
 * a synchronous call into WPS (about 0.2 ms each by Kingsoft's own figure), so the read is
 * sized by calls, not bytes: per sheet the used range's formulas and values in one call each,
 * number formats one call per column (more only where a column mixes formats: the range is
 * halved until each part has one), merged areas by halving the part holding values where it
 * holds merged cells, and the sheet's names. A 20,000-row table costs about as many calls as a 20-row one.
 *
 * The displayed text of numbers is computed from the value and its number format, as the file
 * reader does (formatCellText): ET gives `Text` for one cell at a time only.
 */
import {
  createSheetGrid,
  type MergedArea,
  parseRange,
  type RawCell,
  type SheetGrid,
  type SheetOwner,
  toA1,
  type WorkbookGrid,
} from "../../engine";
import { OWNER_MARK_NAME } from "../ownerMark";
import { constantValue } from "../office/officeCells";
import type { SettingsStore } from "../office/officeHost";
import { resolveRecordedSheets } from "../office/recordedSheets";
import { refreshSettings } from "../office/saveSettings";
import { ownerFromMarkText, ownerRecordRefs, readOwnerRecord } from "../office/settingsOwners";
import { areaAddress } from "../office/renderOutputSheet";
import { formatCellText } from "../xlsx/formatCellText";
import {
  ERROR_LITERAL,
  addressOf,
  errorOfCode,
  isBlank,
  normaliseMatrix,
  worksheetAt,
} from "./etValues";

interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The sheet's used range as an area; null for a sheet with nothing in it. */
function usedArea(sheet: Et.Worksheet): { area: Area; formulas: unknown[][] } | null {
  const used = sheet.UsedRange;
  const top = used.Row;
  const left = used.Column;
  const rows = used.Rows.Count;
  const columns = used.Columns.Count;
  if (!(rows >= 1 && columns >= 1)) return null;
  // Formulas give every entry as typed: also the place where anything at all is. WPS's used
  // range, like Excel's, counts cells that only carry formatting (templates formatted down to
  // row 65,536): only the rows and columns up to the last one holding something are read on.
  const formulas = normaliseMatrix(used.Formula, rows, columns);
  let lastRow = -1;
  let lastColumn = -1;
  for (let r = 0; r < rows; r++) {
    const row = formulas[r];
    for (let c = 0; c < columns; c++) {
      if (isBlank(row[c])) continue;
      if (r > lastRow) lastRow = r;
      if (c > lastColumn) lastColumn = c;
    }
  }
  if (lastRow < 0) return null;
  return {
    area: { top, left, bottom: top + lastRow, right: left + lastColumn },
    formulas: formulas.slice(0, lastRow + 1).map((row) => row.slice(0, lastColumn + 1)),
  };
}

/** A run of rows of one column holding something. */
interface Run {
  readonly top: number;
  readonly bottom: number;
}

function runsAddress(column: number, runs: readonly Run[]): string {
  return runs
    .map((run) => areaAddress({ top: run.top, left: column, bottom: run.bottom, right: column }))
    .join(",");
}

/**
 * The number format of the cells of `runs` (rows of one column holding something), in as few
 * calls as the column allows: `NumberFormat` of a multi-area range is its cells' common format,
 * or null when they differ; the runs are halved until each part has one. Blank cells are left
 * out of the question, so formatting carried over empty rows costs nothing.
 */
function runFormats(
  sheet: Et.Worksheet,
  column: number,
  runs: readonly Run[],
  into: string[]
): void {
  const format = sheet.Range(runsAddress(column, runs)).NumberFormat as unknown;
  const single = runs.length === 1 && runs[0].top === runs[0].bottom;
  if (typeof format === "string" || single) {
    const text = typeof format === "string" && format !== "" ? format : "General";
    for (const run of runs) for (let row = run.top; row <= run.bottom; row++) into[row] = text;
    return;
  }
  if (runs.length > 1) {
    const middle = Math.ceil(runs.length / 2);
    runFormats(sheet, column, runs.slice(0, middle), into);
    runFormats(sheet, column, runs.slice(middle), into);
    return;
  }
  const { top, bottom } = runs[0];
  const middle = Math.floor((top + bottom) / 2);
  runFormats(sheet, column, [{ top, bottom: middle }], into);
  runFormats(sheet, column, [{ top: middle + 1, bottom }], into);
}

/** The runs of a column's rows holding something, in lists whose address fits 255 characters. */
function columnRuns(column: number, rows: readonly number[]): Run[][] {
  const runs: Run[] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last.bottom === row - 1) runs[runs.length - 1] = { top: last.top, bottom: row };
    else runs.push({ top: row, bottom: row });
  }
  const lists: Run[][] = [];
  let current: Run[] = [];
  for (const run of runs) {
    if (current.length > 0 && runsAddress(column, current.concat(run)).length > 255) {
      lists.push(current);
      current = [];
    }
    current.push(run);
  }
  if (current.length > 0) lists.push(current);
  return lists;
}

function contains(outer: Area, inner: Area): boolean {
  return (
    outer.top <= inner.top &&
    outer.left <= inner.left &&
    outer.bottom >= inner.bottom &&
    outer.right >= inner.right
  );
}

/**
 * The merged areas within `area`. `MergeCells` of a range is true when all its cells are merged,
 * false when none is, null when some are: parts without merges cost one call, and the halving
 * goes on only where there are merges, until a part lies within one merged area (`MergeArea`).
 */
function findMerges(sheet: Et.Worksheet, area: Area, found: MergedArea[]): void {
  if (found.some((merge) => contains(merge, area))) return;
  const merged = sheet.Range(areaAddress(area)).MergeCells as unknown;
  if (merged === false) return;
  const single = area.top === area.bottom && area.left === area.right;
  if (merged === true || single) {
    const mergeArea = parseRange(addressOf(sheet.Range(toA1(area.top, area.left)).MergeArea));
    if (
      mergeArea &&
      (mergeArea.bottom > mergeArea.top || mergeArea.right > mergeArea.left) &&
      !found.some((merge) => contains(merge, mergeArea))
    )
      found.push(mergeArea);
    if (single || (mergeArea && contains(mergeArea, area))) return;
  }
  if (area.bottom - area.top >= area.right - area.left) {
    const middle = Math.floor((area.top + area.bottom) / 2);
    findMerges(sheet, { ...area, bottom: middle }, found);
    findMerges(sheet, { ...area, top: middle + 1 }, found);
  } else {
    const middle = Math.floor((area.left + area.right) / 2);
    findMerges(sheet, { ...area, right: middle }, found);
    findMerges(sheet, { ...area, left: middle + 1 }, found);
  }
}

/** The ownership mark among the sheet's own names ("SelfEval.Owner", or "表1!SelfEval.Owner"). */
export function ownerMarkOf(sheet: Et.Worksheet): SheetOwner | null {
  const names = sheet.Names;
  const count = names.Count;
  for (let index = 1; index <= count; index++) {
    const name = names.Item(index);
    const local = String(name.Name).replace(/^.*!/, "");
    if (local.toLowerCase() !== OWNER_MARK_NAME.toLowerCase()) continue;
    const owner = ownerFromMarkText(String(name.RefersTo));
    if (owner) return owner;
  }
  return null;
}

/**
 * Whether a cell is an error value, asked of WPS for the cells whose read value only looks like
 * one: error text can be typed as text ('#N/A). Without ISERROR (not every build may pass a
 * range to it), a COM error code is an error and error text is one only as a formula's result.
 */
function isErrorCell(
  app: Et.Application,
  sheet: Et.Worksheet,
  address: string,
  guess: boolean
): boolean {
  try {
    return app.WorksheetFunction.IsError(sheet.Range(address)) === true;
  } catch {
    return guess;
  }
}

export function readSheet(
  app: Et.Application,
  sheet: Et.Worksheet,
  name: string,
  recordedOwner: SheetOwner | null
): SheetGrid {
  const used = usedArea(sheet);
  const cells: RawCell[] = [];
  const merges: MergedArea[] = [];
  if (used) {
    const { area, formulas } = used;
    const rows = area.bottom - area.top + 1;
    const columns = area.right - area.left + 1;
    const values = normaliseMatrix(sheet.Range(areaAddress(area)).Value2, rows, columns);
    const formats: string[][] = [];
    for (let c = 0; c < columns; c++) {
      const byRow: string[] = [];
      const filled: number[] = [];
      for (let r = 0; r < rows; r++) if (!isBlank(formulas[r][c])) filled.push(area.top + r);
      for (const runs of columnRuns(area.left + c, filled))
        runFormats(sheet, area.left + c, runs, byRow);
      formats.push(byRow);
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const entry = formulas[r][c];
        if (isBlank(entry)) continue;
        const row = area.top + r;
        const column = area.left + c;
        const numberFormat = formats[c][row] || "General";
        const value = values[r][c];
        const formulaText = typeof entry === "string" ? entry : String(entry);
        // Text typed with a leading apostrophe, or into a text cell, that starts with "=" reads
        // as "=…" in `Formula` too; its value is that same text, a formula's is its result.
        const isFormula =
          formulaText.length > 1 &&
          formulaText.charAt(0) === "=" &&
          !(typeof value === "string" && value === formulaText);
        const code = errorOfCode(value);
        let error: string | null = null;
        if (code !== null) {
          error = isErrorCell(app, sheet, toA1(row, column), true) ? code : null;
        } else if (typeof value === "string" && ERROR_LITERAL.test(value)) {
          error = isErrorCell(app, sheet, toA1(row, column), isFormula) ? value : null;
        }
        cells.push({
          row,
          column,
          value:
            error !== null ? { error } : isBlank(value) ? null : constantValue(value, numberFormat),
          numberFormat,
          formula: isFormula ? formulaText : null,
        });
      }
    }
  }
  // Merged areas where the sheet holds something: a merge that starts there is found whole
  // (MergeArea); merges of blank cells below and right of the last value say nothing to the engine.
  if (used) findMerges(sheet, used.area, merges);
  return createSheetGrid({
    name,
    cells,
    merges,
    formatNumber: formatCellText,
    owner: ownerMarkOf(sheet) ?? recordedOwner,
  });
}

/** Every worksheet of the active workbook, with the ownership record as a fallback for marks. */
export async function readEtGrid(
  app: Et.Application,
  settings: SettingsStore
): Promise<WorkbookGrid> {
  await refreshSettings(settings);
  const book = app.ActiveWorkbook;
  const count = book.Worksheets.Count;
  const sheets: Array<{ sheet: Et.Worksheet; name: string; id: string }> = [];
  for (let index = 1; index <= count; index++) {
    const sheet = worksheetAt(book, index);
    const name = String(sheet.Name);
    sheets.push({ sheet, name, id: name });
  }
  const owners = readOwnerRecord(settings);
  const recorded = new Map<string, string>();
  resolveRecordedSheets(sheets, ownerRecordRefs(owners)).forEach((sheet, key) =>
    recorded.set(sheet.name, owners[key].mark)
  );
  const grids: SheetGrid[] = [];
  for (const { sheet, name } of sheets) {
    const mark = recorded.get(name);
    grids.push(readSheet(app, sheet, name, mark ? ownerFromMarkText(mark) : null));
  }
  return { sheets: grids };
}
