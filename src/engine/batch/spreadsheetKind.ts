/**
 * What a file's name says it is for a batch: a workbook the reader takes as it is, an older or
 * other format that must be converted first, or no spreadsheet at all (counted, not listed).
 */
export type SpreadsheetKind = "workbook" | "legacy";

/** Spreadsheet packages the reader takes as they are. */
const WORKBOOK_EXTENSIONS = [".xlsx", ".xlsm", ".xltx", ".xltm"];
/** Older or other formats LibreOffice can convert to .xlsx (WPS 表格 writes .et/.ett). */
const LEGACY_EXTENSIONS = [".xls", ".xlt", ".et", ".ett", ".ods"];

/** The extension of a file name, lower case with its dot; "" when it has none. */
export function extensionOf(fileName: string): string {
  const name = fileName.replace(/^.*[\\/]/, "");
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

/** The kind of a file by its name; null for a file that is no spreadsheet. */
export function spreadsheetKindOf(fileName: string): SpreadsheetKind | null {
  const name = fileName.replace(/^.*[\\/]/, "");
  // Excel's owner files (~$x.xlsx) and LibreOffice's lock files are no workbooks.
  if (name.indexOf("~$") === 0 || name.indexOf(".~lock.") === 0) return null;
  const extension = extensionOf(name);
  if (WORKBOOK_EXTENSIONS.indexOf(extension) >= 0) return "workbook";
  if (LEGACY_EXTENSIONS.indexOf(extension) >= 0) return "legacy";
  return null;
}
