/**
 * Reads and sets cell fills in bulk: one RangeAreas per colour (ExcelApi 1.9), its address
 * kept under Excel's 255-character limit for multi-area references; per-cell ranges otherwise,
 * all in the same batch.
 */
import { columnLetters, parseA1, toA1 } from "../../engine/grid/address";
import type { ApiSupport } from "./apiSupport";
import { normaliseColour } from "./fillRecord";
import { OPERATION_BYTES, type RequestBudget } from "./requestBudget";

/** Excel refuses a multi-area reference longer than 255 characters. */
export const MAX_AREAS_ADDRESS = 255;

export interface CellFill {
  /** A1 address on the sheet. */
  readonly cell: string;
  /** "#RRGGBB", or null for no fill. */
  readonly fill: string | null;
}

/** Cells as area addresses: runs down a column joined ("F4:F9"). */
export function cellAreas(cells: readonly string[]): string[] {
  const positions: Array<{ row: number; column: number }> = [];
  for (const cell of cells) {
    const position = parseA1(cell);
    if (position) positions.push(position);
  }
  positions.sort((a, b) => a.column - b.column || a.row - b.row);
  const areas: string[] = [];
  for (let i = 0; i < positions.length;) {
    let j = i;
    while (
      j + 1 < positions.length &&
      positions[j + 1].column === positions[i].column &&
      positions[j + 1].row <= positions[j].row + 1
    )
      j++;
    const first = positions[i];
    const last = positions[j];
    areas.push(
      last.row === first.row
        ? toA1(first.row, first.column)
        : toA1(first.row, first.column) + ":" + columnLetters(last.column) + last.row
    );
    i = j + 1;
  }
  return areas;
}

/** Area addresses packed into comma-separated lists of at most `maxLength` characters. */
export function packAreaLists(areas: readonly string[], maxLength = MAX_AREAS_ADDRESS): string[] {
  const lists: string[] = [];
  let current = "";
  for (const area of areas) {
    if (current !== "" && current.length + 1 + area.length > maxLength) {
      lists.push(current);
      current = "";
    }
    current = current === "" ? area : current + "," + area;
  }
  if (current !== "") lists.push(current);
  return lists;
}

function setFill(fill: Excel.RangeFill, colour: string | null): void {
  if (colour === null) fill.clear();
  else fill.color = colour;
}

/** Queues the fills of one sheet's cells, grouped by colour. */
export async function applyFills(
  sheet: Excel.Worksheet,
  fills: readonly CellFill[],
  support: ApiSupport,
  budget: RequestBudget
): Promise<void> {
  const byColour = new Map<string, string[]>();
  for (const { cell, fill } of fills) {
    const key = fill ?? "";
    const cells = byColour.get(key);
    if (cells) cells.push(cell);
    else byColour.set(key, [cell]);
  }
  const colours = Array.from(byColour.keys());
  for (const key of colours) {
    const colour = key === "" ? null : key;
    const cells = byColour.get(key)!;
    if (support.rangeAreas) {
      for (const address of packAreaLists(cellAreas(cells))) {
        await budget.reserve(OPERATION_BYTES + address.length);
        setFill(sheet.getRanges(address).format.fill, colour);
      }
    } else {
      for (const cell of cells) {
        await budget.reserve(OPERATION_BYTES);
        setFill(sheet.getRange(cell).format.fill, colour);
      }
    }
  }
}

/** A fill whose colour and pattern are loaded on the next sync. */
export type LoadingFill = Excel.RangeFill;

export function loadFill(sheet: Excel.Worksheet, cell: string, support: ApiSupport): LoadingFill {
  const fill = sheet.getRange(cell).format.fill;
  fill.load(support.rangeAreas ? "color,pattern" : "color");
  return fill;
}

/** A loaded fill as "#RRGGBB", or null for no fill. */
export function fillColour(fill: LoadingFill, support: ApiSupport): string | null {
  if (support.rangeAreas) return fill.pattern === "None" ? null : normaliseColour(fill.color);
  // Before ExcelApi 1.9 no fill reads as white: white is restored as no fill, which looks the same.
  const colour = normaliseColour(fill.color);
  return colour === "#FFFFFF" ? null : colour;
}
