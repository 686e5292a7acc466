import SSF from "ssf";

/**
 * The text Excel shows for a number under a number format ("0.00%" → "95.00%"). ExcelJS gives
 * no displayed text, so the xlsx adapter uses SheetJS's format engine; Office.js reads Excel's own.
 */
export function formatCellText(value: number, numberFormat: string): string {
  if (!numberFormat || numberFormat === "General") return generalText(value);
  try {
    // Chinese Excel and WPS write General as "G/通用格式", which SSF does not know.
    return SSF.format(numberFormat.replace(/G\/通用格式/g, "General"), value);
  } catch {
    return generalText(value);
  }
}

// General shows up to 11 significant characters; 0.1 + 0.2 shows as 0.3.
function generalText(value: number): string {
  const shortest = String(value);
  // A number whose shortest form has at most 11 characters has at most 11 significant digits:
  // rounding to 11 would give it back unchanged, so the rounding is skipped (most cells).
  if (shortest.length <= 11) return shortest;
  return String(Number(value.toPrecision(11)));
}
