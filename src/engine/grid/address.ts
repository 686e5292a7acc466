/**
 * Converts a 1-based column number to its letters (1 → "A", 27 → "AA").
 */
export function columnLetters(column: number): string {
  let letters = "";
  let remaining = column;
  while (remaining > 0) {
    const digit = (remaining - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    remaining = Math.floor((remaining - 1) / 26);
  }
  return letters;
}

// Addresses are made for every cell a report names; the letters of a column are made once.
const LETTERS: string[] = [];

/** The A1 address of a 1-based row and column, e.g. (14, 6) → "F14". */
export function toA1(row: number, column: number): string {
  let letters = LETTERS[column];
  if (letters === undefined) letters = LETTERS[column] = columnLetters(column);
  return letters + row;
}

/**
 * Scans a cell reference as a sheet part writes it ("AB12": letters, then digits, either case),
 * by character codes — for the cell tags of a large sheet, where a regular expression per cell
 * costs. Null when it is not letters then digits; the numbers are not checked against Excel's
 * limits (the caller says what is too far).
 */
export function scanA1(reference: string): { row: number; column: number } | null {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (i === 0 || i === reference.length) return null;
  let row = 0;
  for (; i < reference.length; i++) {
    const digit = reference.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    row = row * 10 + digit;
  }
  return { row, column };
}

/** Parses "F14" (with or without `$`) into its 1-based row and column; null when it is not an address. */
export function parseA1(address: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) return null;
  const position = scanA1(match[1] + match[2]);
  return position && position.row >= 1 ? position : null;
}

/** An address as one cell is always written ("$f$14" → "F14"); text that is no address, as it is. */
export function normaliseA1(address: string): string {
  const position = parseA1(address);
  return position ? toA1(position.row, position.column) : address;
}

/** Parses "A1:H1" (or a single "A1") into its corners; null when it is not a range. */
export function parseRange(
  range: string
): { top: number; left: number; bottom: number; right: number } | null {
  const parts = range.split(":");
  const start = parseA1(parts[0]);
  const end = parts.length > 1 ? parseA1(parts[1]) : start;
  if (!start || !end || parts.length > 2) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}
