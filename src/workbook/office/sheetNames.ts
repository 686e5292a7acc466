import { freeSheetName as freeSheetNameAmong } from "../../engine";

/** Sheet names as Excel compares them: ignoring case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** `preferred`, or "preferred (2)", "preferred (3)"… — the first no sheet has. */
export function freeSheetName(preferred: string, taken: readonly string[]): string {
  return freeSheetNameAmong(preferred, new Set(taken.map((name) => name.toLowerCase())));
}
