/**
 * The marks on the user's cells, one per cell. Problems become marks here (coloured by the
 * gravest, the note listing them all) and every writer takes its marks through marksBySheet, so
 * that how marks on one cell combine is decided once: before, the plan, the Office and WPS
 * adapters and the .xlsx writer each merged them their own way (and the adapters let a warning
 * give way to an earlier info).
 */
import { normaliseA1, parseA1, scanA1 } from "../grid/address";
import { fitCellText } from "./cellTextLimit";
import type { CellMark, Severity } from "./types";

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** The graver of two severities. */
export function graverSeverity(a: Severity, b: Severity): Severity {
  return RANK[b] > RANK[a] ? b : a;
}

/**
 * An address as normaliseA1 writes it: upper-case column letters, then a row from 1 without a
 * leading zero (it would give it back unchanged).
 */
const NORMAL_A1 = /^[A-Z]{1,3}[1-9][0-9]{0,6}$/;

/** A mark with its cell's position (1-based), its address normalised ("F14"). */
export interface PlacedMark extends CellMark {
  readonly row: number;
  readonly column: number;
}

/**
 * One mark per cell (addresses compared as cells: "$f$14" is F14), in the order cells first
 * appear: the gravest severity, the distinct notes joined by line breaks and kept within what a
 * note holds (32,767 characters).
 */
export function mergeCellMarks(marks: readonly CellMark[]): CellMark[] {
  const byCell = new Map<
    string,
    { sheet: string; cell: string; severity: Severity; notes: string[] }
  >();
  for (const mark of marks) {
    // Most addresses are written so already ("F14"): no parse, no new string.
    const cell = NORMAL_A1.test(mark.cell) ? mark.cell : normaliseA1(mark.cell);
    const key = mark.sheet + "!" + cell;
    const existing = byCell.get(key);
    if (!existing) {
      byCell.set(key, { sheet: mark.sheet, cell, severity: mark.severity, notes: [mark.note] });
      continue;
    }
    existing.severity = graverSeverity(existing.severity, mark.severity);
    if (existing.notes.indexOf(mark.note) < 0) existing.notes.push(mark.note);
  }
  return Array.from(byCell.values()).map(({ sheet, cell, severity, notes }) => ({
    sheet,
    cell,
    severity,
    // Excel keeps at most 32,767 characters in a note, as in a cell.
    note: fitCellText(notes.join("\n")),
  }));
}

/**
 * The marks of a plan by sheet name, one per cell, each sheet's in reading order (row, then
 * column); a mark whose address is no cell is left out.
 */
export function marksBySheet(marks: readonly CellMark[]): Map<string, PlacedMark[]> {
  const bySheet = new Map<string, PlacedMark[]>();
  for (const mark of mergeCellMarks(marks)) {
    // mergeCellMarks wrote the address as normaliseA1 does: when it reads as one (NORMAL_A1),
    // letters then digits are its position, as parseA1 would give it (no regular expression,
    // no string made per mark); anything else is parsed as before.
    const position = NORMAL_A1.test(mark.cell) ? scanA1(mark.cell) : parseA1(mark.cell);
    if (!position) continue;
    let list = bySheet.get(mark.sheet);
    if (!list) bySheet.set(mark.sheet, (list = []));
    // One literal of one shape, in the fields' order of { ...mark, row, column }.
    list.push({
      sheet: mark.sheet,
      cell: mark.cell,
      severity: mark.severity,
      note: mark.note,
      row: position.row,
      column: position.column,
    });
  }
  bySheet.forEach((list) => list.sort((a, b) => a.row - b.row || a.column - b.column));
  return bySheet;
}
