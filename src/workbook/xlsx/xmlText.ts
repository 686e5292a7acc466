/**
 * Small, exact string tools for editing OOXML parts in place. The scored copy must keep every
 * byte we do not mean to change, so parts are edited as text: find an element, splice in new
 * markup, leave the rest untouched. These helpers assume well-formed XML as Office writes it;
 * they do not validate it.
 */

import { MalformedXmlError } from "./malformedXml";

/** Any number of attributes in a start tag, values quoted either way (values may contain `>`). */
const ATTRIBUTES = "(?:\\s+[^\\s=/>]+\\s*=\\s*(?:\"[^\"]*\"|'[^']*'))*\\s*";

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A global pattern for start tags of one qualified name: group 1 holds the attributes, group 2
 * is "/" for an empty element. The lookahead keeps `<c` from matching `<col` or `<cfRule`.
 */
export function startTagPattern(qualifiedName: string): RegExp {
  return new RegExp(
    "<" + escapeRegExp(qualifiedName) + "(?=[\\s/>])(" + ATTRIBUTES + ")(/?)>",
    "g"
  );
}

/** Start tags of any name: group 1 is the name, group 2 the attributes, group 3 "/" when empty. */
const ANY_START_TAG = new RegExp("<([^\\s/>!?]+)(" + ATTRIBUTES + ")(/?)>", "g");

const attributePatterns = new Map<string, RegExp>();

function attributePattern(name: string): RegExp {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    // Preceded by white space so that `s` never matches the end of `x14ac:s` or `cs`.
    pattern = new RegExp("(\\s)" + escapeRegExp(name) + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    attributePatterns.set(name, pattern);
  }
  return pattern;
}

/** The unescaped value of an attribute in a start tag (or its attribute text); null when absent. */
export function getAttribute(tag: string, name: string): string | null {
  const match = attributePattern(name).exec(tag);
  if (!match) return null;
  return unescapeXml(match[2] !== undefined ? match[2] : match[3]);
}

/** The start tag with the attribute set (replaced in place, or added before the tag's end). */
export function setAttribute(tag: string, name: string, value: string): string {
  const pattern = attributePattern(name);
  const replacement = name + '="' + escapeXmlAttribute(value) + '"';
  const match = pattern.exec(tag);
  if (match) {
    return (
      tag.slice(0, match.index) + match[1] + replacement + tag.slice(match.index + match[0].length)
    );
  }
  const end = tag.slice(-2) === "/>" ? tag.length - 2 : tag.length - 1;
  return tag.slice(0, end).replace(/\s+$/, "") + " " + replacement + tag.slice(end);
}

/**
 * Puts a part's namespace prefix ("x:") on every element name of markup we wrote, so templates
 * can be written unprefixed. Safe on escaped text, which holds no raw "<".
 */
export function withPrefix(prefix: string, markup: string): string {
  return prefix === "" ? markup : markup.replace(/<(\/?)(?=[A-Za-z])/g, "<$1" + prefix);
}

/** The r:id of an element, whatever prefix its part binds to the relationships namespace. */
export function relationshipIdOf(attributes: string): string | null {
  const match = /\s[^\s=:]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes);
  return match ? unescapeXml(match[1] !== undefined ? match[1] : match[2]) : null;
}

/** Escapes text content. Quotes are left alone: they are legal in text and Excel writes them so. */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (character) =>
    character === "&" ? "&amp;" : character === "<" ? "&lt;" : "&gt;"
  );
}

/** Escapes an attribute value written between double quotes; line breaks survive as references. */
export function escapeXmlAttribute(text: string): string {
  return text.replace(/[&<>"\n\r\t]/g, (character) => {
    switch (character) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "\n":
        return "&#10;";
      case "\r":
        return "&#13;";
      default:
        return "&#9;";
    }
  });
}

function fromCodePoint(codePoint: number): string {
  if (codePoint <= 0xffff) return String.fromCharCode(codePoint);
  const offset = codePoint - 0x10000;
  return String.fromCharCode(0xd800 + (offset >> 10), 0xdc00 + (offset & 0x3ff));
}

/** Resolves the five predefined entities and character references. */
export function unescapeXml(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(
    /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g,
    (whole, entity: string) => {
      switch (entity) {
        case "amp":
          return "&";
        case "lt":
          return "<";
        case "gt":
          return ">";
        case "quot":
          return '"';
        case "apos":
          return "'";
        default: {
          const codePoint =
            entity.charAt(1) === "x"
              ? parseInt(entity.slice(2), 16)
              : parseInt(entity.slice(1), 10);
          return codePoint > 0x10ffff ? whole : fromCodePoint(codePoint);
        }
      }
    }
  );
}

function hex4(code: number): string {
  return ("000" + code.toString(16).toUpperCase()).slice(-4);
}

/**
 * A character escapeSpreadsheetText may change: anything but tab, line feed and the characters
 * from space up that XML carries as they are, less & < > (surrogates, even paired, go the long way).
 */
const NEEDS_SPREADSHEET_ESCAPE =
  /[^\t\n\u0020-\u0025\u0027-\u003b\u003d\u003f-\ud7ff\ue000-\ufffd]/;

/**
 * Escapes text for a spreadsheet string (`<t>` of a cell or a note). Beyond XML escaping:
 * characters XML 1.0 cannot carry are written as Excel's `_xHHHH_` escapes, a literal
 * `_xHHHH_` in the text has its underscore escaped so Excel does not decode it, a carriage
 * return becomes a character reference (a literal one would be normalised away), and lone
 * surrogates become U+FFFD.
 */
export function escapeSpreadsheetText(text: string): string {
  // Nearly all text needs none of it: one native scan says so (3,001 notes, 20,000 rows of text).
  if (!NEEDS_SPREADSHEET_ESCAPE.test(text) && text.indexOf("_x") < 0) return text;
  let out = "";
  let plainStart = 0;
  const flush = (index: number, replacement: string): void => {
    out += text.slice(plainStart, index) + replacement;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let replacement: string | null = null;
    if (code === 0x26) replacement = "&amp;";
    else if (code === 0x3c) replacement = "&lt;";
    else if (code === 0x3e) replacement = "&gt;";
    else if (code === 0x0d) replacement = "&#13;";
    else if (code < 0x20 && code !== 0x09 && code !== 0x0a) replacement = "_x" + hex4(code) + "_";
    else if (code === 0xfffe || code === 0xffff) replacement = "_x" + hex4(code) + "_";
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++; // a valid pair stays as it is
        continue;
      }
      replacement = "\ufffd";
    } else if (code >= 0xdc00 && code <= 0xdfff) replacement = "\ufffd";
    else if (code === 0x5f && /^_x[0-9A-Fa-f]{4}_/.test(text.slice(i, i + 7))) {
      replacement = "_x005F_";
    }
    if (replacement !== null) {
      flush(i, replacement);
      plainStart = i + 1;
    }
  }
  return out + text.slice(plainStart);
}

/** An element's position: [start, end) covers it whole; content is [startTagEnd, closeStart). */
export interface ElementSpan {
  readonly qualifiedName: string;
  readonly localName: string;
  /** Attribute text of the start tag (leading white space included). */
  readonly attributes: string;
  readonly start: number;
  readonly startTagEnd: number;
  /** Where the close tag starts; equals startTagEnd for an empty element. */
  readonly closeStart: number;
  readonly end: number;
  readonly empty: boolean;
}

export function localNameOf(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(":");
  return colon < 0 ? qualifiedName : qualifiedName.slice(colon + 1);
}

/** The start tag at exactly `position`, or null when there is none there. */
function startTagAt(xml: string, position: number): RegExpExecArray | null {
  ANY_START_TAG.lastIndex = position;
  const match = ANY_START_TAG.exec(xml);
  return match && match.index === position ? match : null;
}

/**
 * Where the next start tag of `qualifiedName` begins in [from, limit), -1 when none does. Looked
 * for in a slice of the text (a view in V8, not a copy): a search for a namesake nested in
 * <sheetData> would otherwise run through the rest of a sheet of several megabytes each time.
 */
function indexOfStartTag(xml: string, qualifiedName: string, from: number, limit: number): number {
  const needle = "<" + qualifiedName;
  const span = xml.slice(from, limit);
  let index = span.indexOf(needle);
  while (index >= 0) {
    const next = xml.charAt(from + index + needle.length);
    if (next === ">" || next === "/" || /\s/.test(next)) return from + index;
    index = span.indexOf(needle, index + 1);
  }
  return -1;
}

function indexOfCloseTag(
  xml: string,
  qualifiedName: string,
  from: number
): { start: number; end: number } {
  const needle = "</" + qualifiedName;
  let index = xml.indexOf(needle, from);
  while (index >= 0) {
    let after = index + needle.length;
    while (/\s/.test(xml.charAt(after))) after++;
    if (xml.charAt(after) === ">") return { start: index, end: after + 1 };
    index = xml.indexOf(needle, index + 1);
  }
  throw new MalformedXmlError("unclosed element <" + qualifiedName + ">");
}

/** The whole element whose start tag begins at `position`. */
export function elementAt(xml: string, position: number): ElementSpan {
  const match = startTagAt(xml, position);
  if (!match) throw new MalformedXmlError("no start tag at " + position);
  const qualifiedName = match[1];
  const startTagEnd = position + match[0].length;
  const base = {
    qualifiedName,
    localName: localNameOf(qualifiedName),
    attributes: match[2],
    start: position,
    startTagEnd,
  };
  if (match[3] === "/") return { ...base, closeStart: startTagEnd, end: startTagEnd, empty: true };
  // Same-name nesting is counted so that an element holding its namesake closes at the right tag.
  let depth = 1;
  let cursor = startTagEnd;
  for (;;) {
    const close = indexOfCloseTag(xml, qualifiedName, cursor);
    const open = indexOfStartTag(xml, qualifiedName, cursor, close.start);
    if (open >= 0) {
      const nested = startTagAt(xml, open);
      if (nested && nested[3] !== "/") depth++;
      cursor = open + (nested ? nested[0].length : 1);
      continue;
    }
    depth--;
    if (depth === 0) return { ...base, closeStart: close.start, end: close.end, empty: false };
    cursor = close.end;
  }
}

/** Skips a comment, processing instruction, CDATA section or doctype starting at `position`. */
function skipMarkupDeclaration(xml: string, position: number): number {
  const terminator = xml.startsWith("<!--", position)
    ? "-->"
    : xml.startsWith("<![CDATA[", position)
      ? "]]>"
      : xml.startsWith("<?", position)
        ? "?>"
        : ">";
  const end = xml.indexOf(terminator, position + 2);
  if (end < 0) throw new MalformedXmlError("unterminated markup declaration");
  return end + terminator.length;
}

/** The document (root) element. Its end is found from the last close tag, not by scanning. */
export function rootElement(xml: string): ElementSpan {
  let position = 0;
  for (;;) {
    position = xml.indexOf("<", position);
    if (position < 0) throw new MalformedXmlError("no root element");
    const next = xml.charAt(position + 1);
    if (next === "?" || next === "!") {
      position = skipMarkupDeclaration(xml, position);
      continue;
    }
    const match = startTagAt(xml, position);
    if (!match) throw new MalformedXmlError("malformed root element");
    const qualifiedName = match[1];
    const startTagEnd = position + match[0].length;
    const base = {
      qualifiedName,
      localName: localNameOf(qualifiedName),
      attributes: match[2],
      start: position,
      startTagEnd,
    };
    if (match[3] === "/")
      return { ...base, closeStart: startTagEnd, end: startTagEnd, empty: true };
    const closeStart = xml.lastIndexOf("</" + qualifiedName);
    if (closeStart < startTagEnd) throw new MalformedXmlError("unclosed root element");
    const end = xml.indexOf(">", closeStart) + 1;
    return { ...base, closeStart, end, empty: false };
  }
}

/** The prefix ("" or "x:") the root element binds to a namespace, or null when it binds none. */
export function prefixForNamespace(root: ElementSpan, namespace: string): string | null {
  const pattern = /\sxmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(root.attributes))) {
    const value = match[2] !== undefined ? match[2] : match[3];
    if (value === namespace) return match[1] ? match[1] + ":" : "";
  }
  return null;
}

/**
 * A prefix ("r:") bound to a namespace on the root element, binding one (preferably
 * `preferred`, else preferred1, preferred2…) when the root has none.
 */
export function bindNamespacePrefix(
  xml: string,
  namespace: string,
  preferred: string
): { xml: string; prefix: string } {
  const root = rootElement(xml);
  const bound = prefixForNamespace(root, namespace);
  if (bound !== null && bound !== "") return { xml, prefix: bound };
  let name = preferred;
  for (let n = 1; new RegExp("\\sxmlns:" + escapeRegExp(name) + "\\s*=").test(root.attributes); n++)
    name = preferred + n;
  const startTag = xml.slice(root.start, root.startTagEnd);
  const declared = setAttribute(startTag, "xmlns:" + name, namespace);
  return { xml: splice(xml, root.start, root.startTagEnd, declared), prefix: name + ":" };
}

/** The prefix (with its colon) of the root element's own name: the part's main namespace. */
export function elementPrefix(element: ElementSpan): string {
  return element.qualifiedName.slice(0, element.qualifiedName.length - element.localName.length);
}

/**
 * The child at `position`: `measured` when it is the child there (a child already measured in
 * this very text, such as a worksheet's <sheetData>, whose close tag is found only by scanning
 * megabytes), else measured now.
 */
function childAt(xml: string, position: number, measured: ElementSpan | null): ElementSpan {
  return measured !== null && measured.start === position ? measured : elementAt(xml, position);
}

/**
 * The child elements of an element, in order (nothing deeper). `measured`: a child already
 * measured in this text, not measured again.
 */
export function childElements(
  xml: string,
  parent: ElementSpan,
  measured: ElementSpan | null = null
): ElementSpan[] {
  const children: ElementSpan[] = [];
  let position = parent.startTagEnd;
  while (position < parent.closeStart) {
    position = xml.indexOf("<", position);
    if (position < 0 || position >= parent.closeStart) break;
    const next = xml.charAt(position + 1);
    if (next === "?" || next === "!") {
      position = skipMarkupDeclaration(xml, position);
      continue;
    }
    if (next === "/") break;
    const child = childAt(xml, position, measured);
    children.push(child);
    position = child.end;
  }
  return children;
}

/**
 * The first child with this local name, or null. The children are walked only up to it: a
 * worksheet's <dimension> or <cols> is found without measuring the <sheetData> after it.
 * `measured`: a child already measured in this text, not measured again on the way.
 */
export function findChild(
  xml: string,
  parent: ElementSpan,
  localName: string,
  measured: ElementSpan | null = null
): ElementSpan | null {
  let position = parent.startTagEnd;
  while (position < parent.closeStart) {
    position = xml.indexOf("<", position);
    if (position < 0 || position >= parent.closeStart) break;
    const next = xml.charAt(position + 1);
    if (next === "?" || next === "!") {
      position = skipMarkupDeclaration(xml, position);
      continue;
    }
    if (next === "/") break;
    const child = childAt(xml, position, measured);
    if (child.localName === localName) return child;
    position = child.end;
  }
  return null;
}

/**
 * The local name that decides where a child stands in its parent's schema order. Office wraps
 * newer elements (controls, oleObjects, x15ac:absPath) in mc:AlternateContent; such a wrapper
 * stands where its first choice's element would.
 */
function orderingName(xml: string, child: ElementSpan): string {
  if (child.localName !== "AlternateContent") return child.localName;
  const inner = /<(?:[^\s/>:]+:)?Choice(?=[\s/>])[^>]*>\s*<([^\s/>!?]+)/.exec(
    xml.slice(child.startTagEnd, child.closeStart)
  );
  return inner ? localNameOf(inner[1]) : child.localName;
}

/**
 * Where a new child belongs in a parent whose children follow a schema sequence (`order`, local
 * names): before the first existing child that the schema places after it, else at the end.
 */
export function insertionPoint(
  xml: string,
  parent: ElementSpan,
  order: readonly string[],
  localName: string,
  measured: ElementSpan | null = null
): number {
  const rank = order.indexOf(localName);
  if (rank < 0) throw new MalformedXmlError("unknown element " + localName);
  for (const child of childElements(xml, parent, measured)) {
    const childRank = order.indexOf(orderingName(xml, child));
    if (childRank > rank) return child.start;
  }
  return parent.closeStart;
}

/** Replaces [start, end) of a string. */
export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/**
 * Makes an element able to hold children: `<x/>` becomes `<x></x>`. Returns the new text and the
 * position where children can be appended (just before the close tag).
 */
export function openElement(xml: string, element: ElementSpan): { xml: string; appendAt: number } {
  if (!element.empty) return { xml, appendAt: element.closeStart };
  const startTag = xml.slice(element.start, element.startTagEnd);
  const opened = startTag.slice(0, -2).replace(/\s+$/, "") + ">";
  const replacement = opened + "</" + element.qualifiedName + ">";
  return {
    xml: splice(xml, element.start, element.end, replacement),
    appendAt: element.start + opened.length,
  };
}
