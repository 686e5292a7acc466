/**
 * Reads every worksheet of the open workbook into the engine's grid, in a fixed number of
 * requests whatever the number of rows: the sheet list; each used range's size, merged areas
 * and names; the cells (formulas, displayed text, number formats); the values of formula cells.
 * The cells are split into more requests only where one would pass the payload limit.
 *
 * Templates exported from finance systems often carry formatting down to row 65,536, and Excel's
 * used range counts formatting. From ExcelApi 1.2 the used range is asked for values only. On
 * ExcelApi 1.1 a used range of more than SCAN_THRESHOLD_CELLS cells is first scanned — its
 * formulas only, about 3 bytes a blank cell — to find its last row and column holding anything,
 * and only that part is read in full: one request more, for such sheets only.
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
import { formatCellText } from "../xlsx/formatCellText";
import type { ApiSupport } from "./apiSupport";
import { collectBlockCells, settlePendingCell, type PendingCell } from "./officeCells";
import type { SettingsStore } from "./officeHost";
import {
  READ_BYTES_PER_CELL,
  REQUEST_BUDGET_BYTES,
  RequestBudget,
  isPayloadTooLarge,
} from "./requestBudget";
import { resolveRecordedSheets } from "./recordedSheets";
import { refreshSettings } from "./saveSettings";
import { ownerFromMarkText, ownerRecordRefs, readOwnerRecord } from "./settingsOwners";

/** Bytes of `values` + `valueTypes` for one cell of a formula column. */
const VALUE_BYTES_PER_CELL = 20;

/**
 * ExcelApi 1.1: used ranges larger than this are scanned before they are read. Above the 20,000
 * × 9 table the read is sized for (180,000 cells, one request), so such tables keep 4 requests.
 */
export const SCAN_THRESHOLD_CELLS = 250000;
/** Bytes of `formulas` for one cell of a mostly blank range ("" and a comma), with margin. */
const SCAN_BYTES_PER_CELL = 6;

interface SheetProbe {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly merged: Excel.RangeAreas | null;
  readonly names: Excel.NamedItemCollection | null;
}

interface LoadingBlock {
  readonly sheetIndex: number;
  readonly range: Excel.Range;
  readonly top: number;
  readonly left: number;
  /** Already loaded by the scan (ExcelApi 1.1, large used ranges); else the range's own. */
  readonly formulas?: unknown[][];
}

/** "Sheet1!A1:H1, 'My sheet'!A2:B2" (a RangeAreas address) → its areas. */
export function parseAreaAddresses(address: string): MergedArea[] {
  const areas: MergedArea[] = [];
  const pattern = /(?:^|[!,\s])(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=\s*,|\s*$)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(address))) {
    const area = parseRange(match[1].replace(/\$/g, ""));
    if (area) areas.push(area);
  }
  return areas;
}

function ownerFromNames(names: Excel.NamedItemCollection | null): SheetOwner | null {
  if (!names) return null;
  for (const item of names.items) {
    if (item.name.toLowerCase() !== OWNER_MARK_NAME.toLowerCase()) continue;
    const owner = ownerFromMarkText(String(item.value));
    if (owner) return owner;
  }
  return null;
}

export async function readOfficeGrid(
  context: Excel.RequestContext,
  support: ApiSupport,
  settings: SettingsStore
): Promise<WorkbookGrid> {
  // The ownership record may have been saved by the other instance (ribbon command or pane).
  await refreshSettings(settings);
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id");
  await context.sync();

  const probes: SheetProbe[] = worksheets.items.map((sheet) => {
    // Values only (ExcelApi 1.2): formatting carried down to row 65,536 is not read.
    const used = support.formatting ? sheet.getUsedRange(true) : sheet.getUsedRange();
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = support.mergedAreas ? used.getMergedAreasOrNullObject() : null;
    if (merged) merged.load("address");
    const names = support.scopedNames ? sheet.names : null;
    if (names) names.load("items/name,items/value");
    return { sheet, used, merged, names };
  });
  await context.sync();

  // Long texts can make a response larger than estimated: Excel then refuses it, and the cells
  // are asked for again in smaller requests (reading changes nothing, so retrying is safe).
  let blocks: LoadingBlock[] = [];
  for (let bytesPerCell = READ_BYTES_PER_CELL; ; bytesPerCell *= 4) {
    try {
      blocks = await loadCellBlocks(context, probes, bytesPerCell, support);
      break;
    } catch (error) {
      if (!isPayloadTooLarge(error) || bytesPerCell >= READ_BYTES_PER_CELL * 256) throw error;
    }
  }

  const cellsBySheet: RawCell[][] = probes.map(() => []);
  const pendingBySheet: PendingCell[][] = probes.map(() => []);
  for (const block of blocks) {
    collectBlockCells(
      {
        top: block.top,
        left: block.left,
        formulas: block.formulas ?? block.range.formulas,
        texts: block.range.text,
        numberFormats: block.range.numberFormat,
      },
      cellsBySheet[block.sheetIndex],
      pendingBySheet[block.sheetIndex]
    );
  }
  await settlePendingValues(context, probes, pendingBySheet);

  // Recorded ids hold within the session that wrote them only: see recordedSheets.ts.
  const owners = readOwnerRecord(settings);
  const ownerKeyById = new Map<string, string>();
  resolveRecordedSheets(worksheets.items, ownerRecordRefs(owners)).forEach((sheet, key) =>
    ownerKeyById.set(sheet.id, key)
  );
  const sheets: SheetGrid[] = probes.map((probe, index) => {
    const merges =
      probe.merged && !probe.merged.isNullObject ? parseAreaAddresses(probe.merged.address) : [];
    const key = ownerKeyById.get(probe.sheet.id);
    const recorded = key !== undefined ? owners[key].mark : undefined;
    return createSheetGrid({
      name: probe.sheet.name,
      cells: cellsBySheet[index],
      merges,
      // Excel gives the displayed text; a number too wide for its column shows "####" and is formatted here.
      formatNumber: formatCellText,
      owner: ownerFromNames(probe.names) ?? (recorded ? ownerFromMarkText(recorded) : null),
    });
  });
  return { sheets };
}

/** The cells of every used range, in requests sized for `bytesPerCell`. */
async function loadCellBlocks(
  context: Excel.RequestContext,
  probes: readonly SheetProbe[],
  bytesPerCell: number,
  support: ApiSupport
): Promise<LoadingBlock[]> {
  const budget = new RequestBudget(context);
  const blocks: LoadingBlock[] = [];
  const scans: Array<{ index: number; parts: Excel.Range[] }> = [];
  for (let index = 0; index < probes.length; index++) {
    const { sheet, used } = probes[index];
    const area = {
      top: used.rowIndex + 1,
      left: used.columnIndex + 1,
      rows: used.rowCount,
      columns: used.columnCount,
    };
    if (!support.formatting && area.rows * area.columns > SCAN_THRESHOLD_CELLS) {
      const scanBytes = Math.max(SCAN_BYTES_PER_CELL, bytesPerCell / 4);
      const parts: Excel.Range[] = [];
      await queueRows(budget, sheet, area, scanBytes, (range) => {
        range.load("formulas");
        parts.push(range);
      });
      scans.push({ index, parts });
      continue;
    }
    await queueRows(budget, sheet, area, bytesPerCell, (range, top) => {
      range.load("formulas,text,numberFormat");
      blocks.push({ sheetIndex: index, range, top, left: area.left });
    });
  }
  await budget.sync();
  if (scans.length === 0) return blocks;

  // The scanned sheets: only rows and columns up to the last one holding anything are read.
  for (const { index, parts } of scans) {
    const { sheet, used } = probes[index];
    const formulas: unknown[][] = [];
    for (const part of parts) for (const row of part.formulas) formulas.push(row);
    let lastRow = -1;
    let lastColumn = -1;
    formulas.forEach((row, r) =>
      row.forEach((entry, c) => {
        if (entry === "" || entry === null || entry === undefined) return;
        lastRow = Math.max(lastRow, r);
        lastColumn = Math.max(lastColumn, c);
      })
    );
    if (lastRow < 0) continue;
    const area = {
      top: used.rowIndex + 1,
      left: used.columnIndex + 1,
      rows: lastRow + 1,
      columns: lastColumn + 1,
    };
    await queueRows(budget, sheet, area, bytesPerCell, (range, top, count) => {
      range.load("text,numberFormat");
      const rows = formulas.slice(top - area.top, top - area.top + count);
      blocks.push({
        sheetIndex: index,
        range,
        top,
        left: area.left,
        formulas: rows.map((row) => row.slice(0, area.columns)),
      });
    });
  }
  await budget.sync();
  return blocks;
}

interface RowArea {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
}

/** Queues an area in ranges of whole rows, each sized to fit a request at `bytesPerCell`. */
async function queueRows(
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  area: RowArea,
  bytesPerCell: number,
  load: (range: Excel.Range, top: number, count: number) => void
): Promise<void> {
  const rowsPerRequest = Math.max(
    1,
    Math.floor(REQUEST_BUDGET_BYTES / (area.columns * bytesPerCell))
  );
  for (let start = 0; start < area.rows; start += rowsPerRequest) {
    const count = Math.min(rowsPerRequest, area.rows - start);
    await budget.reserve(count * area.columns * bytesPerCell);
    const first = area.top + start;
    const range = sheet.getRange(
      toA1(first, area.left) + ":" + toA1(first + count - 1, area.left + area.columns - 1)
    );
    load(range, first, count);
  }
}

/**
 * Loads `values` and `valueTypes` for the formula cells (and error-like constants) only: one
 * range per column, from its first to its last such cell.
 */
async function settlePendingValues(
  context: Excel.RequestContext,
  probes: readonly SheetProbe[],
  pendingBySheet: readonly PendingCell[][]
): Promise<void> {
  const budget = new RequestBudget(context);
  const loads: Array<{ range: Excel.Range; top: number; cells: PendingCell[] }> = [];
  for (let index = 0; index < probes.length; index++) {
    const byColumn = new Map<number, PendingCell[]>();
    for (const cell of pendingBySheet[index]) {
      const list = byColumn.get(cell.raw.column);
      if (list) list.push(cell);
      else byColumn.set(cell.raw.column, [cell]);
    }
    const columns = Array.from(byColumn.keys());
    for (const column of columns) {
      const cells = byColumn.get(column)!;
      let top = Infinity;
      let bottom = 0;
      for (const cell of cells) {
        top = Math.min(top, cell.raw.row);
        bottom = Math.max(bottom, cell.raw.row);
      }
      await budget.reserve((bottom - top + 1) * VALUE_BYTES_PER_CELL);
      const range = probes[index].sheet.getRange(toA1(top, column) + ":" + toA1(bottom, column));
      range.load("values,valueTypes");
      loads.push({ range, top, cells });
    }
  }
  if (loads.length === 0) return;
  await budget.sync();
  for (const load of loads) {
    for (const cell of load.cells) {
      const offset = cell.raw.row - load.top;
      settlePendingCell(
        cell,
        load.range.values[offset][0],
        String(load.range.valueTypes[offset][0])
      );
    }
  }
}
