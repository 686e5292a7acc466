import SSF from "ssf";

/**
 * The text Excel shows for a number under a number format ("0.00%" → "95.00%"). ExcelJS gives
 * no displayed text, so the xlsx adapter uses SheetJS's format engine; Office.js reads Excel's own.
 */
export function formatCellText(value: number, numberFormat: string): string {
  if (!numberFormat || numberFormat === "General") return generalText(value);
  try {
    return SSF.format(numberFormat, value);
  } catch {
    return generalText(value);
  }
}

// General shows up to 11 significant characters; 0.1 + 0.2 shows as 0.3.
function generalText(value: number): string {
  return String(Number(value.toPrecision(11)));
}
