import type { CommandMessage, CommandMessageKind } from "./commandMessage";

const KINDS: readonly CommandMessageKind[] = ["success", "warning", "error"];

// Office opens a dialog only at an address of the add-in's own origin, and hands the page
// nothing else: the message travels in the query string. (No URL/URLSearchParams: IE11.)

/** The address of message.html beside the page at `pageUrl`, carrying the message. */
export function messagePageUrl(pageUrl: string, message: CommandMessage): string {
  const directory = pageUrl.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  return (
    directory +
    "message.html?kind=" +
    encodeURIComponent(message.kind) +
    "&title=" +
    encodeURIComponent(message.title) +
    "&lines=" +
    encodeURIComponent(message.lines.join("\n"))
  );
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
