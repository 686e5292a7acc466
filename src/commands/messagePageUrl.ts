import type { CommandMessage, CommandMessageKind } from "./commandMessage";

const KINDS: readonly CommandMessageKind[] = ["success", "warning", "error"];

// Office opens a dialog only at an address of the add-in's own origin, and hands the page
// nothing else: the message travels in the query string. (No URL/URLSearchParams: IE11.)

/**
 * Internet Explorer 11 (the webview of Office 2016/2019) refuses addresses over 2,083
 * characters, and a Chinese character costs 9 of them once escaped: the message is cut to keep
 * its address under this length, with margin for what Office adds to the dialog's address.
 */
export const MAX_MESSAGE_URL_LENGTH = 2000;

/** The last line of a message cut short. */
export const CUT_LINE = "……详见“评分结果”表";

function pageAddress(directory: string, message: CommandMessage, lines: readonly string[]): string {
  return (
    directory +
    "message.html?kind=" +
    encodeURIComponent(message.kind) +
    "&title=" +
    encodeURIComponent(message.title) +
    "&lines=" +
    encodeURIComponent(lines.join("\n"))
  );
}

/**
 * The address of message.html beside the page at `pageUrl`, carrying the message. A message too
 * long for the address keeps its first lines — the totals come first — and ends with CUT_LINE;
 * a first line too long by itself is cut short.
 */
export function messagePageUrl(pageUrl: string, message: CommandMessage): string {
  const directory = pageUrl.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  const whole = pageAddress(directory, message, message.lines);
  if (whole.length <= MAX_MESSAGE_URL_LENGTH) return whole;
  const fits = (lines: readonly string[]): boolean =>
    pageAddress(directory, message, lines.concat(CUT_LINE)).length <= MAX_MESSAGE_URL_LENGTH;
  const kept: string[] = [];
  for (const line of message.lines) {
    if (fits(kept.concat(line))) {
      kept.push(line);
      continue;
    }
    // The longest start of this line that still fits (whole characters only: no broken escape).
    let length = line.length;
    const broken = (end: number): boolean => /[\uD800-\uDBFF]/.test(line.charAt(end - 1));
    while (length > 0 && (broken(length) || !fits(kept.concat(line.slice(0, length) + "…"))))
      length--;
    if (length > 0) kept.push(line.slice(0, length) + "…");
    break;
  }
  return pageAddress(directory, message, kept.concat(CUT_LINE));
}

/** The message in a query string made by messagePageUrl; null when it carries none. */
export function readMessageQuery(search: string): CommandMessage | null {
  const fields: Record<string, string> = {};
  for (const pair of search.replace(/^\?/, "").split("&")) {
    const equals = pair.indexOf("=");
    if (equals <= 0) continue;
    try {
      fields[pair.slice(0, equals)] = decodeURIComponent(
        pair.slice(equals + 1).replace(/\+/g, " ")
      );
    } catch {
      // A mangled escape leaves that field out rather than failing the page.
    }
  }
  if (!fields.title) return null;
  const kind = KINDS.filter((k) => k === fields.kind)[0] ?? "error";
  return { kind, title: fields.title, lines: fields.lines ? fields.lines.split("\n") : [] };
}
