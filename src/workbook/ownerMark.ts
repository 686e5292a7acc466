import type { SheetOwner, SheetOwnerKind } from "../engine";

/**
 * Sheets the tool writes carry a hidden, sheet-scoped defined name whose value is a string
 * constant "<kind>:<fingerprint>". A defined name survives the user's edits, copies of the file
 * and Excel's own saves, and every host can read it, so it tells the tool's sheets from the user's.
 */
export const OWNER_MARK_NAME = "SelfEval.Owner";

/** The defined name's formula text, quotes included: "narrative:1a2b3c4d". */
export function formatOwnerMark(kind: SheetOwnerKind, fingerprint: string): string {
  return '"' + kind + ":" + fingerprint + '"';
}

/** Reads a defined name's formula text back; null when it is not one of ours. */
export function parseOwnerMark(formula: string): SheetOwner | null {
  const match = /^=?"(results|narrative):([0-9a-f]*)"$/.exec(formula.trim());
  if (!match) return null;
  return { kind: match[1] as SheetOwnerKind, writtenFingerprint: match[2] || null };
}
