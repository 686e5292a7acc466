/**
 * Text of spreadsheet string items: a shared string (`<si>` in xl/sharedStrings.xml) or an
 * inline string (`<is>` in a cell). The text is the `<t>` elements joined — the item's own and
 * those of its rich text runs (`<r>`) — without phonetic guides (`<rPh>`), which Excel shows
 * only above the text; then Excel's `_xHHHH_` escapes are decoded.
 */
import { escapeRegExp, escapeXmlText, unescapeXml } from "./xmlText";

/**
 * Comments, processing instructions and CDATA sections among cells or string items: no
 * spreadsheet program writes them, but XML allows them. They are taken out (CDATA becomes
 * escaped text) so that the scans for elements see elements only.
 */
export function withoutMarkupDeclarations(xml: string): string {
  return xml
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_whole, text: string) => escapeXmlText(text));
}

/** Decodes `_xHHHH_` (a character XML cannot carry, or `_x005F_` for a literal underscore). */
export function decodeSpreadsheetEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

/**
 * Text content as an XML parser gives it: line ends normalised (a literal CR LF or CR is LF;
 * XML 1.0, 2.11 — only a reference such as &#13; keeps a CR), then references resolved.
 */
export function textContent(raw: string): string {
  return unescapeXml(raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n"));
}

export interface StringItemReader {
  /** The text of the item whose content is xml[start, end). */
  (xml: string, start: number, end: number): string;
}

/** A reader for string items whose elements carry the prefix `prefix` ("" or "x:"). */
export function stringItemReader(prefix: string): StringItemReader {
  const p = escapeRegExp(prefix);
  // <t> with or without attributes (xml:space), or empty <t/>; its text holds no "<".
  const textPattern = new RegExp("<" + p + "t(?:\\s[^>]*)?(?:/>|>([^<]*)</" + p + "t\\s*>)", "g");
  const phonetic = "<" + prefix + "rPh";
  const phoneticPattern = new RegExp(
    "<" + p + "rPh(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</" + p + "rPh\\s*>)",
    "g"
  );
  const plainOpen = "<" + prefix + "t>";
  const plainClose = "</" + prefix + "t>";
  return (xml, start, end) => {
    // Nearly every item is one plain <t>: its text is taken as it stands, without the patterns.
    const textEnd = end - plainClose.length;
    if (
      xml.startsWith(plainOpen, start) &&
      xml.startsWith(plainClose, textEnd) &&
      xml.indexOf("<", start + plainOpen.length) === textEnd
    ) {
      return decodeSpreadsheetEscapes(textContent(xml.slice(start + plainOpen.length, textEnd)));
    }
    let content = xml.slice(start, end);
    if (content.indexOf(phonetic) >= 0) content = content.replace(phoneticPattern, "");
    let text = "";
    textPattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = textPattern.exec(content))) {
      if (match[1]) text += match[1];
    }
    return decodeSpreadsheetEscapes(textContent(text));
  };
}
