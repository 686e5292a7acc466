/**
 * Reads and sets cell fills in bulk: one RangeAreas per colour (ExcelApi 1.9), its address
 * kept under Excel's 255-character limit for multi-area references; per-cell ranges otherwise,
 * all in the same batch.
 */
import { columnLetters, parseA1, toA1 } from "../../engine";
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
  /** A pattern other than solid, and its colour (ExcelApi 1.9); null or absent: solid. */
  readonly pattern?: string | null;
  readonly patternColor?: string | null;
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

function setFill(fill: Excel.RangeFill, spec: CellFill): void {
  if (spec.fill === null) {
    fill.clear();
    return;
  }
  // A colour alone makes a solid fill; a pattern (only ever recorded on ExcelApi 1.9+) follows it.
  fill.color = spec.fill;
  if (spec.pattern) fill.pattern = spec.pattern as Excel.FillPattern;
  if (spec.pattern && spec.patternColor) fill.patternColor = spec.patternColor;
}

function fillKey(spec: CellFill): string {
  return [spec.fill ?? "", spec.pattern ?? "", spec.patternColor ?? ""].join("|");
}

/** Queues the fills of one sheet's cells, grouped by fill. */
export async function applyFills(
  sheet: Excel.Worksheet,
  fills: readonly CellFill[],
  support: ApiSupport,
  budget: RequestBudget
): Promise<void> {
  const byFill = new Map<string, { spec: CellFill; cells: string[] }>();
  for (const spec of fills) {
    const key = fillKey(spec);
    const group = byFill.get(key);
    if (group) group.cells.push(spec.cell);
    else byFill.set(key, { spec, cells: [spec.cell] });
  }
  const groups = Array.from(byFill.values());
  for (const { spec, cells } of groups) {
    if (support.rangeAreas) {
      for (const address of packAreaLists(cellAreas(cells))) {
        await budget.reserve(OPERATION_BYTES + address.length);
        setFill(sheet.getRanges(address).format.fill, spec);
      }
    } else {
      for (const cell of cells) {
        await budget.reserve(OPERATION_BYTES);
        setFill(sheet.getRange(cell).format.fill, spec);
      }
    }
  }
}

/** A fill whose colour and pattern are loaded on the next sync. */
export type LoadingFill = Excel.RangeFill;

export function loadFill(sheet: Excel.Worksheet, cell: string, support: ApiSupport): LoadingFill {
  const fill = sheet.getRange(cell).format.fill;
  fill.load(support.rangeAreas ? "color,pattern,patternColor" : "color");
  return fill;
}

/** A loaded fill's pattern when it is neither solid nor none (ExcelApi 1.9+), else nulls. */
export function fillPattern(
  fill: LoadingFill,
  support: ApiSupport
): { pattern: string | null; patternColor: string | null } {
  if (!support.rangeAreas || fill.pattern === "None" || fill.pattern === "Solid")
    return { pattern: null, patternColor: null };
  return { pattern: fill.pattern, patternColor: normaliseColour(fill.patternColor) };
}

/** A loaded fill as "#RRGGBB", or null for no fill. */
export function fillColour(fill: LoadingFill, support: ApiSupport): string | null {
  if (support.rangeAreas) return fill.pattern === "None" ? null : normaliseColour(fill.color);
  // Before ExcelApi 1.9 no fill reads as white: white is restored as no fill, which looks the same.
  const colour = normaliseColour(fill.color);
  return colour === "#FFFFFF" ? null : colour;
}
