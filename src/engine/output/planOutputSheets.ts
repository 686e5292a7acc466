import type { SheetGrid, WorkbookGrid } from "../grid/types";
import { fingerprintTexts } from "./fingerprintTexts";
import { sheetTexts } from "./outputSheetTexts";
import type { OutputSheet, PlacedOutputSheet } from "./types";

// Excel: at most 31 characters, none of : \ / ? * [ ].
const MAX_SHEET_NAME = 31;

/** True when the user has not changed a sheet the tool wrote since it wrote it. */
export function isUneditedOwnSheet(sheet: SheetGrid): boolean {
  if (!sheet.owner || sheet.owner.writtenFingerprint === null) return false;
  return fingerprintTexts(sheetTexts(sheet)) === sheet.owner.writtenFingerprint;
}

/**
 * Decides where each output sheet goes. The tool's own earlier sheet of the same kind is
 * replaced when the user has not edited it; otherwise a new sheet is made under a name no
 * sheet has (compared as Excel does, ignoring case) — a user's sheet is never reused.
 */
export function planOutputSheets(
  workbook: WorkbookGrid,
  outputs: readonly OutputSheet[]
): PlacedOutputSheet[] {
  const taken = new Set(
    workbook.sheets
      .map((sheet) => sheet.name)
      .concat(workbook.otherSheetNames ?? [])
      .map((name) => name.toLowerCase())
  );
  const replaced = new Set<string>();
  return outputs.map((output) => {
    // Excel's "Move or Copy" copies the hidden mark too: the sheet still under the tool's own
    // name is the one to replace, before any renamed copy the user keeps.
    const candidates = workbook.sheets.filter(
      (sheet) =>
        sheet.owner &&
        sheet.owner.kind === output.owner &&
        !replaced.has(sheet.name) &&
        isUneditedOwnSheet(sheet)
    );
    const own =
      candidates.find((sheet) => sheet.name.toLowerCase() === output.preferredName.toLowerCase()) ??
      candidates[0];
    if (own) {
      replaced.add(own.name);
      return { sheet: output, name: own.name, mode: "replace" as const };
    }
    const name = freeSheetName(output.preferredName, taken);
    taken.add(name.toLowerCase());
    return { sheet: output, name, mode: "create" as const };
  });
}

/** `preferred`, or "preferred (2)", "preferred (3)"… — the first name no sheet has (lower-cased in `taken`). */
export function freeSheetName(preferred: string, taken: ReadonlySet<string>): string {
  const base = preferred.replace(/[:\\/?*[\]]/g, "").slice(0, MAX_SHEET_NAME) || "Sheet";
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = " (" + n + ")";
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
