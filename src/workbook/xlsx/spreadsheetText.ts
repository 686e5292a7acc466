import { unescapeXml } from "./xmlText";

/**
 * The text a spreadsheet string's markup stands for: XML references resolved, then Excel's
 * `_xHHHH_` escapes (which escapeSpreadsheetText writes for characters XML cannot carry, and
 * `_x005F_` for a literal underscore) decoded. escapeSpreadsheetText's inverse.
 */
export function decodeSpreadsheetText(markup: string): string {
  const text = unescapeXml(markup);
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}
