import { parseA1, toA1 } from "../../engine/grid/address";
import type { CellMark, Severity } from "../../engine/output/types";

export interface SheetMark {
  /** A1 address, normalised ("F14"). */
  readonly cell: string;
  readonly severity: Severity;
  readonly note: string;
}

/** Marks by sheet name, one per cell: an error outranks a warning, distinct notes are joined. */
export function groupMarks(marks: readonly CellMark[]): Map<string, SheetMark[]> {
  const bySheet = new Map<string, Map<string, { severity: Severity; notes: string[] }>>();
  for (const mark of marks) {
    const position = parseA1(mark.cell);
    if (!position) continue;
    let cells = bySheet.get(mark.sheet);
    if (!cells) bySheet.set(mark.sheet, (cells = new Map()));
    const cell = toA1(position.row, position.column);
    const existing = cells.get(cell);
    if (!existing) {
      cells.set(cell, { severity: mark.severity, notes: [mark.note] });
      continue;
    }
    if (mark.severity === "error") existing.severity = "error";
    if (existing.notes.indexOf(mark.note) < 0) existing.notes.push(mark.note);
  }
  const grouped = new Map<string, SheetMark[]>();
  bySheet.forEach((cells, sheet) => {
    const list: SheetMark[] = [];
    cells.forEach((mark, cell) =>
      list.push({ cell, severity: mark.severity, note: mark.notes.join("\n") })
    );
    grouped.set(sheet, list);
  });
  return grouped;
}
