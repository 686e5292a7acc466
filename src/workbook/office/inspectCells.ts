/**
 * The state of the cells a write or a clear will touch, loaded in one request (more only past
 * the payload budget): fill, note (ExcelApi 1.18) and the sheet's protection (ExcelApi 1.2).
 */
import type { ApiSupport } from "./apiSupport";
import { normaliseColour } from "./fillRecord";
import { fillColour, fillPattern, loadFill, type LoadingFill } from "./paintFills";
import { OPERATION_BYTES, type RequestBudget } from "./requestBudget";

export interface CellState {
  /** "#RRGGBB", or null for no fill. */
  readonly fill: string | null;
  /** The fill's pattern when not solid, and its colour (ExcelApi 1.9+; null before). */
  readonly pattern: string | null;
  readonly patternColor: string | null;
  /** The cell's note, null when it has none or the host has no notes API. */
  readonly note: string | null;
}

export interface SheetInspection {
  readonly sheet: Excel.Worksheet;
  /** Settled after the sync. */
  readonly cells: Map<string, CellState>;
  isProtected(): boolean;
  /** Reads the loaded state; call after the sync. */
  settle(): void;
}

export async function inspectSheet(
  sheet: Excel.Worksheet,
  cells: readonly string[],
  support: ApiSupport,
  budget: RequestBudget
): Promise<SheetInspection> {
  const protection = support.formatting ? sheet.protection : null;
  if (protection) protection.load("protected");
  const loading: Array<{ cell: string; fill: LoadingFill; note: Excel.Note | null }> = [];
  for (const cell of cells) {
    await budget.reserve(OPERATION_BYTES * (support.notes ? 2 : 1));
    const fill = loadFill(sheet, cell, support);
    let note: Excel.Note | null = null;
    if (support.notes) {
      note = sheet.notes.getItemOrNullObject(cell);
      note.load("content");
    }
    loading.push({ cell, fill, note });
  }
  const states = new Map<string, CellState>();
  return {
    sheet,
    cells: states,
    isProtected: () => (protection ? protection.protected : false),
    settle: () => {
      for (const { cell, fill, note } of loading) {
        states.set(cell, {
          fill: fillColour(fill, support),
          ...fillPattern(fill, support),
          note: note && !note.isNullObject ? note.content : null,
        });
      }
    },
  };
}

/** True when a cell shows the mark the tool painted: its colour, solid. */
export function showsMark(state: CellState, mark: string): boolean {
  return state.fill === normaliseColour(mark) && state.pattern === null;
}

/** Sets a cell's note to `text` (null: removes it), given what it has now. */
export function setNote(
  sheet: Excel.Worksheet,
  cell: string,
  current: string | null,
  text: string | null
): void {
  if (current === text) return;
  if (text === null) sheet.notes.getItem(cell).delete();
  else if (current === null) sheet.notes.add(cell, text);
  else sheet.notes.getItem(cell).content = text;
}
