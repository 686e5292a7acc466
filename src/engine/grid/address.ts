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

/** Parses "F14" (with or without `$`) into its 1-based row and column; null when it is not an address. */
export function parseA1(address: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) return null;
  const letters = match[1].toUpperCase();
  let column = 0;
  for (let i = 0; i < letters.length; i++) column = column * 26 + (letters.charCodeAt(i) - 64);
  const row = Number(match[2]);
  if (row < 1) return null;
  return { row, column };
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
