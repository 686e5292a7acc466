/**
 * Reads every worksheet of the open workbook into the engine's grid, in a fixed number of
 * requests whatever the number of rows: the sheet list; each used range's size, merged areas
 * and names; the cells (formulas, displayed text, number formats); the values of formula cells.
 * The cells are split into more requests only where one would pass the payload limit.
 */
import { createSheetGrid, type RawCell } from "../../engine/grid/createSheetGrid";
import { parseRange, toA1 } from "../../engine/grid/address";
import type { MergedArea, SheetGrid, SheetOwner, WorkbookGrid } from "../../engine/grid/types";
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
import { ownerFromMarkText, readOwnerRecord } from "./settingsOwners";

/** Bytes of `values` + `valueTypes` for one cell of a formula column. */
const VALUE_BYTES_PER_CELL = 20;

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
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id");
  await context.sync();

  const probes: SheetProbe[] = worksheets.items.map((sheet) => {
    const used = sheet.getUsedRange();
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
      blocks = await loadCellBlocks(context, probes, bytesPerCell);
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
        formulas: block.range.formulas,
        texts: block.range.text,
        numberFormats: block.range.numberFormat,
      },
      cellsBySheet[block.sheetIndex],
      pendingBySheet[block.sheetIndex]
    );
  }
  await settlePendingValues(context, probes, pendingBySheet);

  const ownersById = readOwnerRecord(settings);
  const sheets: SheetGrid[] = probes.map((probe, index) => {
    const merges =
      probe.merged && !probe.merged.isNullObject ? parseAreaAddresses(probe.merged.address) : [];
    const recorded = ownersById[probe.sheet.id];
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
  bytesPerCell: number
): Promise<LoadingBlock[]> {
  const budget = new RequestBudget(context);
  const blocks: LoadingBlock[] = [];
  for (let index = 0; index < probes.length; index++) {
    const { sheet, used } = probes[index];
    const top = used.rowIndex + 1;
    const left = used.columnIndex + 1;
    const columns = used.columnCount;
    const rowsPerRequest = Math.max(1, Math.floor(REQUEST_BUDGET_BYTES / (columns * bytesPerCell)));
    for (let start = 0; start < used.rowCount; start += rowsPerRequest) {
      const count = Math.min(rowsPerRequest, used.rowCount - start);
      await budget.reserve(count * columns * bytesPerCell);
      const first = top + start;
      const range = sheet.getRange(
        toA1(first, left) + ":" + toA1(first + count - 1, left + columns - 1)
      );
      range.load("formulas,text,numberFormat");
      blocks.push({ sheetIndex: index, range, top: first, left });
    }
  }
  await budget.sync();
  return blocks;
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
