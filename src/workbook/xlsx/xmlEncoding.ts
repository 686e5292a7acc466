/**
 * Bytes of an XML part as text, and the one check every part gets: no document type declaration
 * in its prolog. Parts are UTF-8 almost always; the standard also allows UTF-16.
 */
/** True when the bytes look like UTF-16: a byte-order mark, or NULs among the first bytes ("<" is 00 3C or 3C 00). */
function isUtf16(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 2 &&
    (bytes[0] === 0 || bytes[1] === 0 || bytes[0] === 0xfe || bytes[0] === 0xff)
  );
}

// String.fromCharCode.apply takes this many arguments at a time without overflowing the stack.
const CHARACTERS_PER_CALL = 8192;

function fromCharCodes(codes: number[]): string {
  const chunks: string[] = [];
  for (let i = 0; i < codes.length; i += CHARACTERS_PER_CALL) {
    chunks.push(String.fromCharCode.apply(null, codes.slice(i, i + CHARACTERS_PER_CALL)));
  }
  return chunks.join("");
}

/**
 * UTF-8 for platforms without TextDecoder (Internet Explorer 11). Invalid sequences become
 * U+FFFD, as TextDecoder makes them.
 */
function decodeUtf8Slowly(bytes: Uint8Array, start: number): string {
  const chunks: string[] = [];
  let codes: number[] = [];
  let i = start;
  while (i < bytes.length) {
    const byte = bytes[i];
    let codePoint = 0xfffd;
    let length = 1;
    if (byte < 0x80) codePoint = byte;
    else if (byte >= 0xc2 && byte < 0xe0) length = 2;
    else if (byte >= 0xe0 && byte < 0xf0) length = 3;
    else if (byte >= 0xf0 && byte < 0xf5) length = 4;
    if (length > 1) {
      let value = byte & (0xff >> (length + 1));
      let valid = i + length <= bytes.length;
      for (let k = 1; valid && k < length; k++) {
        const next = bytes[i + k];
        if ((next & 0xc0) !== 0x80) valid = false;
        else value = (value << 6) | (next & 0x3f);
      }
      const minimum = length === 2 ? 0x80 : length === 3 ? 0x800 : 0x10000;
      if (valid && value >= minimum && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff))
        codePoint = value;
      else length = 1;
    }
    if (codePoint > 0xffff) {
      codePoint -= 0x10000;
      codes.push(0xd800 + (codePoint >> 10), 0xdc00 + (codePoint & 0x3ff));
    } else codes.push(codePoint);
    i += length;
    if (codes.length >= CHARACTERS_PER_CALL) {
      chunks.push(fromCharCodes(codes));
      codes = [];
    }
  }
  chunks.push(fromCharCodes(codes));
  return chunks.join("");
}

/** The text of an XML part's bytes: UTF-8, or UTF-16 of either byte order (declared as UTF-8 afterwards). */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (!isUtf16(bytes)) {
    // The platform's decoder is native and fast on large sheets.
    if (typeof TextDecoder !== "undefined") return new TextDecoder("utf-8").decode(bytes);
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return decodeUtf8Slowly(bytes, start);
  }
  // FE FF is the big-endian mark and FF FE the little-endian one; without a mark, "<" shows
  // which byte comes first (00 3C or 3C 00).
  const bigEndian = bytes[0] === 0xfe || bytes[0] === 0x00;
  const start = bytes[0] === 0xfe || bytes[0] === 0xff ? 2 : 0;
  const chunks: string[] = [];
  const codes: number[] = [];
  for (let i = start; i + 1 < bytes.length; i += 2) {
    codes.push(bigEndian ? (bytes[i] << 8) | bytes[i + 1] : bytes[i] | (bytes[i + 1] << 8));
    if (codes.length === CHARACTERS_PER_CALL)
      chunks.push(String.fromCharCode.apply(null, codes.splice(0)));
  }
  chunks.push(String.fromCharCode.apply(null, codes));
  const decoded = chunks.join("");
  // Written back as UTF-8, so the declaration must say so.
  return decoded.replace(/^(<\?xml[^>]*encoding\s*=\s*["'])UTF-16(["'])/i, "$1UTF-8$2");
}

/**
 * Where a document type or entity declaration starts in XML text, or -1. Office never writes
 * one; a parser that expanded one could be made to build gigabytes (billion laughs) or fetch
 * a URL, so a part whose prolog has one is refused before anything else reads it.
 */
export function indexOfDeclaration(text: string, from = 0, to = text.length): number {
  let index = text.indexOf("<!", from);
  while (index >= 0 && index < to) {
    const word = text.slice(index + 2, index + 8).toUpperCase();
    if (word === "DOCTYP" || word === "ENTITY") return index;
    index = text.indexOf("<!", index + 2);
  }
  return -1;
}

/**
 * Reads the prolog of a part's head (everything before the root element, the only place a
 * DOCTYPE may stand): "declaration" when it holds one, "clean" once the root element starts,
 * "unfinished" when the head ends first and more of the part must be read to tell.
 */
export function checkProlog(head: string): "declaration" | "clean" | "unfinished" {
  let position = 0;
  for (;;) {
    position = head.indexOf("<", position);
    if (position < 0 || position + 1 >= head.length) return "unfinished";
    const next = head.charAt(position + 1);
    if (next === "?") {
      const end = head.indexOf("?>", position + 2);
      if (end < 0) return "unfinished";
      position = end + 2;
    } else if (next === "!") {
      if (head.startsWith("<!--", position)) {
        const end = head.indexOf("-->", position + 4);
        if (end < 0) return "unfinished";
        position = end + 3;
      } else if (head.length - position < 8) return "unfinished";
      else if (indexOfDeclaration(head, position, position + 1) === position) return "declaration";
      else position += 2;
    } else return "clean";
  }
}
