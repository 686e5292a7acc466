/**
 * Finding the sheet an entry of a document-setting record (the fills the tool painted, the
 * sheets it owns) speaks of. A worksheet's id stays the same within a session only: Office 2016
 * builds it from the sheet's position when the file is opened ("{00000000-0001-0000-0003-…}" is
 * the fourth sheet), so after save & reopen a recorded id may name no sheet at all, or another
 * sheet that now stands where the recorded one stood. So:
 * - an id is trusted only when the sheet also still has the recorded name;
 * - otherwise the recorded name decides (sheet names are unique in a workbook, ignoring case);
 * - an entry whose sheet is not found is kept for a later run, never dropped: the sheet may be
 *   renamed back, or the record may be read where its ids are still valid.
 * Each sheet answers to one entry at most, the id-and-name match first.
 */
import { sameSheetName } from "./sheetNames";

/** A record entry as stored: its key in the setting, the sheet's id and name when recorded. */
export interface RecordedSheetRef {
  readonly key: string;
  readonly id: string;
  /** Null for entries written before names were recorded: only their id can tell. */
  readonly name: string | null;
}

export interface LiveSheet {
  readonly id: string;
  readonly name: string;
}

/** Entry key → the sheet it speaks of now; entries whose sheet is not found are absent. */
export function resolveRecordedSheets<S extends LiveSheet>(
  sheets: readonly S[],
  refs: readonly RecordedSheetRef[]
): Map<string, S> {
  const resolved = new Map<string, S>();
  const claimed = new Set<S>();
  const claim = (ref: RecordedSheetRef, sheet: S | undefined): void => {
    if (!sheet || claimed.has(sheet) || resolved.has(ref.key)) return;
    resolved.set(ref.key, sheet);
    claimed.add(sheet);
  };
  // The id and the name together: the same session, or a sheet that kept its place and name.
  for (const ref of refs) {
    if (ref.name === null) continue;
    const name = ref.name;
    claim(
      ref,
      sheets.find((sheet) => sheet.id === ref.id && sameSheetName(sheet.name, name))
    );
  }
  // The name alone: a later session, in which ids were rebuilt.
  for (const ref of refs) {
    if (ref.name === null) continue;
    const name = ref.name;
    claim(
      ref,
      sheets.find((sheet) => !claimed.has(sheet) && sheet.name === name) ??
        sheets.find((sheet) => !claimed.has(sheet) && sameSheetName(sheet.name, name))
    );
  }
  // Entries from before names were recorded have only their id.
  for (const ref of refs) {
    if (ref.name === null)
      claim(
        ref,
        sheets.find((sheet) => sheet.id === ref.id)
      );
  }
  return resolved;
}

/** A key for a new entry: the sheet's id, unless an entry kept from an earlier session has it. */
export function freeRecordKey(id: string, taken: (key: string) => boolean): string {
  if (!taken(id)) return id;
  for (let n = 2; ; n++) {
    const key = id + "#" + n;
    if (!taken(key)) return key;
  }
}
