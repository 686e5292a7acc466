import type { SheetOwner } from "../../engine";
import { parseOwnerMark } from "../ownerMark";
import { readOwnerMarkFormulas, readWorkbookSheets } from "./workbookPart";

/**
 * The tool's ownership marks in a workbook part (xl/workbook.xml): sheet name → owner, for the
 * sheets whose sheet-scoped "SelfEval.Owner" name holds one of our marks.
 */
export function readOwnerMarks(workbookXml: string): Map<string, SheetOwner> {
  const owners = new Map<string, SheetOwner>();
  const sheets = readWorkbookSheets(workbookXml);
  readOwnerMarkFormulas(workbookXml).forEach((formula, localSheetId) => {
    const sheet = sheets[localSheetId];
    const owner = sheet ? parseOwnerMark(formula) : null;
    if (sheet && owner) owners.set(sheet.name, owner);
  });
  return owners;
}
