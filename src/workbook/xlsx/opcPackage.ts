/**
 * The package (OPC) level of an .xlsx: reading and writing parts by name, relationships, content
 * types. Parts are read through the same ZipPackage the reader opened; edits are kept aside and
 * applied only when the copy is generated, so every part we did not touch keeps its stored bytes.
 */
import {
  elementPrefix,
  escapeXmlAttribute,
  getAttribute,
  rootElement,
  splice,
  startTagPattern,
  withPrefix,
} from "./xmlText";
import { ScoredCopyError } from "./scoredCopyError";
import { decodeXmlBytes } from "./xmlEncoding";
import type { ZipEntry, ZipPackage } from "./zipPackage";
import { dosDateTime, nameBytesOf, writeZip, type ZipOutputEntry } from "./zipWriter";

export const RELATIONSHIPS_NAMESPACE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS_NAMESPACE =
  "http://schemas.openxmlformats.org/package/2006/relationships";

/** Relationship types, transitional; a relationship's kind is compared by its last segment. */
export const RELATIONSHIP_TYPE = {
  worksheet: RELATIONSHIPS_NAMESPACE + "/worksheet",
  styles: RELATIONSHIPS_NAMESPACE + "/styles",
  comments: RELATIONSHIPS_NAMESPACE + "/comments",
  vmlDrawing: RELATIONSHIPS_NAMESPACE + "/vmlDrawing",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vmlDrawing: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
} as const;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The last path segment of a relationship type: "worksheet", "comments", "vmlDrawing"… */
export function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

type PendingEdit =
  | { readonly kind: "text"; readonly text: string }
  /** UTF-8 already (a large part made piece by piece, see Utf8Builder). */
  | { readonly kind: "utf8"; readonly bytes: Uint8Array }
  | { readonly kind: "binary"; readonly data: string }
  | { readonly kind: "removed" };

/** A byte string (one char per byte), as VML drawings are kept. */
function binaryString(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    chunks.push(
      String.fromCharCode.apply(null, Array.prototype.slice.call(bytes.subarray(i, i + 8192)))
    );
  }
  return chunks.join("");
}

/** A byte string's bytes. */
function binaryStringBytes(data: string): Uint8Array {
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i) & 0xff;
  return bytes;
}

/** UTF-8, by the platform's encoder where there is one (not in Internet Explorer 11). */
export function encodeUtf8(text: string): Uint8Array {
  if (typeof TextEncoder !== "undefined") return new TextEncoder().encode(text);
  return binaryStringBytes(unescape(encodeURIComponent(text)));
}

/** True when a surrogate pair would be split between two pieces (a high one ends a piece). */
function splitsPair(pieces: readonly string[]): boolean {
  for (let i = 0; i + 1 < pieces.length; i++) {
    const last = pieces[i].charCodeAt(pieces[i].length - 1);
    if (last >= 0xd800 && last <= 0xdbff) return true;
  }
  return false;
}

/**
 * The UTF-8 of pieces joined, encoded piece by piece into one buffer: a worksheet part of several
 * megabytes edited in place (restyleCells' pieces, most of them slices of the part as read) is
 * never joined into a string of its own first. Where the platform cannot encode into a buffer
 * (Internet Explorer 11), or a piece ends inside a surrogate pair, the pieces are joined.
 */
export function encodeUtf8Pieces(pieces: readonly string[]): Uint8Array {
  if (
    typeof TextEncoder === "undefined" ||
    typeof TextEncoder.prototype.encodeInto !== "function" ||
    splitsPair(pieces)
  )
    return encodeUtf8(pieces.join(""));
  const encoder = new TextEncoder();
  let characters = 0;
  for (let i = 0; i < pieces.length; i++) characters += pieces[i].length;
  // Markup is nearly all ASCII, a byte a character; the buffer grows where it is not.
  let buffer = new Uint8Array(characters + (characters >> 4) + 64);
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    let rest = pieces[i];
    while (rest !== "") {
      const result = encoder.encodeInto(rest, buffer.subarray(at));
      at += result.written;
      if (result.read === rest.length) break;
      rest = rest.slice(result.read);
      const grown = new Uint8Array(Math.max(buffer.length * 2, at + rest.length * 3));
      grown.set(buffer.subarray(0, at));
      buffer = grown;
    }
  }
  return buffer.subarray(0, at);
}

/** Characters encoded at a time by a Utf8Builder: about 128 KiB of UTF-8 for markup. */
const UTF8_BATCH = 1 << 16;

/**
 * Text added piece by piece and kept as its UTF-8 bytes: a part of several megabytes (the
 * 20,000-row results sheet) is never one string, whose two bytes a character would outlive the
 * pieces in V8's old generation until a full collection. The bytes are those of the pieces joined.
 */
export class Utf8Builder {
  private readonly chunks: Uint8Array[] = [];
  /**
   * Text added since the last batch was encoded, joined as it comes: V8 keeps a string added to
   * as a rope and lays it out once, when it is encoded (about 15% less work than an array of the
   * pieces joined, for a sheet's million pieces of markup).
   */
  private pending = "";
  private byteLength = 0;

  add(text: string): void {
    this.pending += text;
    if (this.pending.length >= UTF8_BATCH) this.flush(false);
  }

  private flush(last: boolean): void {
    let text = this.pending;
    this.pending = "";
    // A pair of surrogates is never encoded apart: a high one waits for what follows it.
    const end = text.charCodeAt(text.length - 1);
    if (!last && end >= 0xd800 && end <= 0xdbff) {
      this.pending = text.charAt(text.length - 1);
      text = text.slice(0, -1);
    }
    if (text === "") return;
    const bytes = encodeUtf8(text);
    this.chunks.push(bytes);
    this.byteLength += bytes.length;
  }

  /** Everything added, as UTF-8. */
  bytes(): Uint8Array {
    this.flush(true);
    if (this.chunks.length === 1) return this.chunks[0];
    const all = new Uint8Array(this.byteLength);
    let offset = 0;
    for (const chunk of this.chunks) {
      all.set(chunk, offset);
      offset += chunk.length;
    }
    return all;
  }
}

/** Bytes compressed as raw DEFLATE, with the CRC-32 of the bytes before. */
export interface CompressedBytes {
  readonly crc32: number;
  readonly data: Uint8Array;
}

/** A raw DEFLATE (no zlib header) and CRC-32, e.g. Node's zlib; fflate's where none is given. */
export interface RawDeflate {
  deflateRaw(data: Uint8Array): Promise<Uint8Array>;
  crc32(data: Uint8Array): number;
  /** Both at once, when the codec works out the CRC where it compresses (off this thread). */
  deflateRawWithCrc32?(data: Uint8Array): Promise<CompressedBytes>;
}

/** A written part as its zip entry holds it. */
export interface CompressedPart {
  readonly crc32: number;
  /** Uncompressed. */
  readonly size: number;
  readonly data: Uint8Array;
}

/** A part's compression begun ahead of generate(), for the edit it was begun for. */
interface CompressionAhead {
  readonly edit: PendingEdit;
  readonly codec: RawDeflate;
  readonly done: Promise<CompressedPart>;
}

/**
 * The parts of a package, read through the ZipPackage the reader opened (each part inflated
 * once, never past its declared size), with edits kept aside and applied only when the copy is
 * generated: every part we did not touch is copied with its stored bytes.
 */
export class PackageEditor {
  /** Part names are case-insensitive in OPC; zip entry names are not. */
  private readonly namesByLowerCase = new Map<string, string>();
  private readonly edits = new Map<string, PendingEdit>();
  /** Parts read so far, as text. */
  private readonly texts = new Map<string, string>();
  /** Compressions begun by compressAhead, by part name. */
  private readonly ahead = new Map<string, CompressionAhead>();

  constructor(private readonly source: ZipPackage) {
    for (const name of source.partNames()) this.namesByLowerCase.set(name.toLowerCase(), name);
  }

  /** The stored name of a part (case and percent-encoding forgiven), or null when absent. */
  partName(path: string): string | null {
    const candidates = [path];
    try {
      const decoded = decodeURIComponent(path);
      if (decoded !== path) candidates.push(decoded);
    } catch {
      // not percent-encoded
    }
    for (const candidate of candidates) {
      const name = this.namesByLowerCase.get(candidate.toLowerCase());
      if (name !== undefined && this.edits.get(name)?.kind !== "removed") return name;
    }
    return null;
  }

  /** The names of all parts as the copy will hold them. */
  partNames(): string[] {
    const names: string[] = [];
    this.namesByLowerCase.forEach((name) => {
      if (this.edits.get(name)?.kind !== "removed") names.push(name);
    });
    return names;
  }

  async readText(path: string): Promise<string | null> {
    const name = this.partName(path);
    if (name === null) return null;
    const edit = this.edits.get(name);
    if (edit && edit.kind === "text") return edit.text;
    if (edit && edit.kind === "utf8") return decodeXmlBytes(edit.bytes);
    // An invariant of this class, not of the file: breaking it is a fault of the tool.
    if (edit && edit.kind === "binary") throw new Error(name + " was edited as bytes");
    let text = this.texts.get(name);
    if (text === undefined) {
      const read = this.source.readText(name);
      if (read === null) return null;
      // The editor keeps the text from here on, the package no longer: once the copy is written,
      // a sheet's text is not held for the rest of the run.
      this.source.forgetText(name);
      this.texts.set(name, (text = read));
    }
    return text;
  }

  /** A part as a "binary string" (one char per byte), for parts whose encoding we must not touch. */
  async readBinary(path: string): Promise<string | null> {
    const name = this.partName(path);
    if (name === null) return null;
    const edit = this.edits.get(name);
    if (edit && edit.kind === "binary") return edit.data;
    if (edit && (edit.kind === "text" || edit.kind === "utf8"))
      throw new Error(name + " was edited as text");
    const bytes = this.source.readBytes(name);
    return bytes === null ? null : binaryString(bytes);
  }

  writeText(path: string, text: string): void {
    this.edit(path, { kind: "text", text });
  }

  /** A part's text given as its UTF-8 bytes (see Utf8Builder). */
  writeUtf8(path: string, bytes: Uint8Array): void {
    this.edit(path, { kind: "utf8", bytes });
  }

  writeBinary(path: string, data: string): void {
    this.edit(path, { kind: "binary", data });
  }

  private edit(path: string, edit: PendingEdit): void {
    const name = this.claimName(path);
    this.edits.set(name, edit);
    // The part as read is not read again (its edit is): a marked sheet's original text, several
    // megabytes, is not held beside the edited one until the copy is written.
    this.texts.delete(name);
  }

  remove(path: string): void {
    const name = this.partName(path);
    if (name !== null) this.edit(name, { kind: "removed" });
  }

  private claimName(path: string): string {
    const existing = this.partName(path);
    if (existing !== null) return existing;
    const stale = this.namesByLowerCase.get(path.toLowerCase());
    if (stale !== undefined) return stale; // removed earlier, written again
    this.namesByLowerCase.set(path.toLowerCase(), path);
    return path;
  }

  /**
   * The first free name from a pattern such as "xl/comments{n}.xml". `alsoFree` names other
   * paths that must be free for the same n (a part's future .rels).
   */
  freePartName(pattern: string, alsoFree?: (path: string) => string): string {
    for (let n = 1; ; n++) {
      const path = pattern.replace("{n}", String(n));
      if (this.namesByLowerCase.has(path.toLowerCase())) continue;
      if (alsoFree && this.namesByLowerCase.has(alsoFree(path).toLowerCase())) continue;
      return path;
    }
  }

  /**
   * Begins compressing every large part edited so far (and not yet begun) with `codec`: Node's zlib
   * deflates a part of a megabyte or more on its thread pool while the caller builds the next
   * part (a smaller one here, at once), instead of every part at the end. generate() takes a
   * part's result when the part has not been written again since;
   * a part written again is compressed anew, so calling this early costs time, never correctness.
   */
  compressAhead(codec: RawDeflate): void {
    this.edits.forEach((edit, name) => {
      // A small part is quick to compress at the end, two at a time as generate() does; begun
      // here, each would hold its own deflate state meanwhile (a batch worker writes many).
      if (edit.kind === "removed" || editLength(edit) < COMPRESS_AHEAD_FROM) return;
      const begun = this.ahead.get(name);
      if (begun && begun.edit === edit && begun.codec === codec) return;
      const done = this.compressEdit(edit, codec);
      // generate() awaits it (and so sees a failure); a copy abandoned before then does not.
      done.catch(() => undefined);
      this.ahead.set(name, { edit, codec, done });
    });
  }

  private async compressEdit(edit: PendingEdit, codec: RawDeflate): Promise<CompressedPart> {
    const data = this.editedBytes(edit);
    if (codec.deflateRawWithCrc32 !== undefined) {
      const compressed = await codec.deflateRawWithCrc32(data);
      return { crc32: compressed.crc32, size: data.length, data: compressed.data };
    }
    const crc32 = codec.crc32(data);
    return { crc32, size: data.length, data: await codec.deflateRaw(data) };
  }

  /**
   * The package with the edits applied: the input's entries in their order (an edited part in
   * its place, keeping its date), then the new parts. Untouched entries keep their stored bytes;
   * written parts are deflated by `deflate` (Node's zlib: a part of a megabyte or more on its
   * thread pool, two at a time) or by fflate, loaded only then.
   */
  async generate(deflate?: RawDeflate): Promise<Uint8Array> {
    const codec =
      deflate ?? (await import(/* webpackMode: "eager" */ "./fflateCodecs")).fflateDeflate;
    const written: Array<{ name: string; original: ZipEntry | undefined; edit: PendingEdit }> = [];
    const copied = new Set<string>();
    for (const entry of this.source.allEntries) {
      const edit = this.edits.get(entry.name);
      if (edit && edit.kind !== "removed" && !copied.has(entry.name))
        written.push({ name: entry.name, original: entry, edit });
      copied.add(entry.name);
    }
    this.edits.forEach((edit, name) => {
      if (edit.kind !== "removed" && !copied.has(name))
        written.push({ name, original: undefined, edit });
    });
    const now = dosDateTime(new Date());
    const byName = new Map<string, ZipOutputEntry>();
    const compress = async (part: (typeof written)[number]): Promise<void> => {
      const begun = this.ahead.get(part.name);
      const { crc32, size, data } = await (begun &&
      begun.edit === part.edit &&
      begun.codec === codec
        ? begun.done
        : this.compressEdit(part.edit, codec));
      const name = part.original
        ? { bytes: part.original.nameBytes, utf8: (part.original.flags & UTF8_NAME) !== 0 }
        : nameBytesOf(part.name);
      byName.set(part.name, {
        nameBytes: name.bytes,
        versionMadeBy: part.original ? part.original.versionMadeBy : VERSION_MADE_BY,
        flags: name.utf8 ? UTF8_NAME : 0,
        method: DEFLATED,
        dosTime: part.original ? part.original.dosTime : now.dosTime,
        dosDate: part.original ? part.original.dosDate : now.dosDate,
        crc32,
        size,
        data,
        internalAttributes: part.original ? part.original.internalAttributes : 0,
        externalAttributes: part.original ? part.original.externalAttributes : 0,
      });
    };
    // Two parts at a time: both cores busy, and only two parts' bytes held uncompressed at once
    // (besides those compressAhead began).
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < written.length) await compress(written[next++]);
    };
    await Promise.all([lane(), lane()]);
    const entries: ZipOutputEntry[] = [];
    const done = new Set<string>();
    for (const entry of this.source.allEntries) {
      if (done.has(entry.name)) continue; // a duplicate name: the first one stands
      done.add(entry.name);
      const edit = this.edits.get(entry.name);
      if (edit && edit.kind === "removed") continue;
      const rewritten = byName.get(entry.name);
      entries.push(rewritten ?? { ...entry, data: this.source.compressedData(entry) });
    }
    for (const part of written) if (!part.original) entries.push(byName.get(part.name)!);
    return writeZip(entries);
  }

  private editedBytes(edit: PendingEdit): Uint8Array {
    if (edit.kind === "text") return encodeUtf8(edit.text);
    if (edit.kind === "utf8") return edit.bytes;
    if (edit.kind === "binary") {
      // A byte string of ASCII only (every VML drawing the tool makes) is its own UTF-8: the
      // platform's encoder gives its bytes many times faster than a loop over 1.8 MB of them.
      return typeof TextEncoder !== "undefined" && !/[\u0080-\uffff]/.test(edit.data)
        ? new TextEncoder().encode(edit.data)
        : binaryStringBytes(edit.data);
    }
    return new Uint8Array(0);
  }
}

/** Parts of fewer characters (or bytes) than this are compressed by generate(), not ahead. */
const COMPRESS_AHEAD_FROM = 64 * 1024;

function editLength(edit: PendingEdit): number {
  if (edit.kind === "text") return edit.text.length;
  if (edit.kind === "utf8") return edit.bytes.length;
  if (edit.kind === "binary") return edit.data.length;
  return 0;
}

/** General-purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;
const DEFLATED = 8;
/** Version 2.0, MS-DOS attributes, as zip tools write for an entry without Unix permissions. */
const VERSION_MADE_BY = 20;

// ---------------------------------------------------------------- paths

export function partDirectory(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash + 1);
}

/** xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels */
export function relationshipsPartFor(path: string): string {
  const directory = partDirectory(path);
  return directory + "_rels/" + path.slice(directory.length) + ".rels";
}

function normalisePath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

/** A relationship target, relative to its source part or absolute, as a zip path. */
export function resolveTarget(sourcePart: string, target: string): string {
  const withoutFragment = target.split("#")[0];
  if (withoutFragment.charAt(0) === "/") return normalisePath(withoutFragment);
  return normalisePath(partDirectory(sourcePart) + withoutFragment);
}

/** The relative target from one part to another: ("xl/worksheets/sheet1.xml", "xl/comments1.xml") → "../comments1.xml". */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = partDirectory(sourcePart).split("/").filter(Boolean);
  const to = targetPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const ups: string[] = [];
  for (let i = common; i < from.length; i++) ups.push("..");
  return ups.concat(to.slice(common)).join("/");
}

// ---------------------------------------------------------------- relationships

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export function parseRelationships(xml: string | null): Relationship[] {
  if (!xml) return [];
  const root = rootElement(xml);
  const pattern = startTagPattern(elementPrefix(root) + "Relationship");
  pattern.lastIndex = root.startTagEnd;
  const relationships: Relationship[] = [];
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(xml))) {
    const attributes = match[1];
    relationships.push({
      id: getAttribute(attributes, "Id") ?? "",
      type: getAttribute(attributes, "Type") ?? "",
      target: getAttribute(attributes, "Target") ?? "",
      external: (getAttribute(attributes, "TargetMode") ?? "") === "External",
    });
  }
  return relationships;
}

/** Adds a relationship (creating the .rels part's text when absent) under a fresh Id. */
export function addRelationship(
  xml: string | null,
  type: string,
  target: string
): { xml: string; id: string } {
  const text =
    xml ?? XML_DECLARATION + '<Relationships xmlns="' + PACKAGE_RELATIONSHIPS_NAMESPACE + '"/>';
  const taken = new Set(parseRelationships(text).map((relationship) => relationship.id));
  let n = taken.size + 1;
  while (taken.has("rId" + n)) n++;
  const id = "rId" + n;
  const root = rootElement(text);
  const element = withPrefix(
    elementPrefix(root),
    `<Relationship Id="${id}" Type="${escapeXmlAttribute(type)}" Target="${escapeXmlAttribute(target)}"/>`
  );
  return { xml: appendToRoot(text, element), id };
}

/** Appends markup as the root element's last child (opening `<root/>` when needed). */
export function appendToRoot(xml: string, markup: string): string {
  const root = rootElement(xml);
  if (!root.empty) return splice(xml, root.closeStart, root.closeStart, markup);
  const startTag = xml.slice(root.start, root.startTagEnd);
  return splice(
    xml,
    root.start,
    root.end,
    startTag.slice(0, -2).replace(/\s+$/, "") + ">" + markup + "</" + root.qualifiedName + ">"
  );
}

// ---------------------------------------------------------------- content types

function contentTypeEntries(xml: string, localName: "Default" | "Override"): RegExpExecArray[] {
  const root = rootElement(xml);
  const pattern = startTagPattern(elementPrefix(root) + localName);
  pattern.lastIndex = root.startTagEnd;
  const entries: RegExpExecArray[] = [];
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(xml))) entries.push(match);
  return entries;
}

/** Adds a Default for a file extension unless one exists. */
export function ensureDefaultContentType(
  xml: string,
  extension: string,
  contentType: string
): string {
  const exists = contentTypeEntries(xml, "Default").some(
    (entry) => (getAttribute(entry[1], "Extension") ?? "").toLowerCase() === extension.toLowerCase()
  );
  if (exists) return xml;
  const root = rootElement(xml);
  const markup = withPrefix(
    elementPrefix(root),
    `<Default Extension="${escapeXmlAttribute(extension)}" ContentType="${escapeXmlAttribute(contentType)}"/>`
  );
  // Defaults conventionally come first; Excel does not mind either way.
  const firstOverride = contentTypeEntries(xml, "Override")[0];
  return firstOverride
    ? splice(xml, firstOverride.index, firstOverride.index, markup)
    : appendToRoot(xml, markup);
}

/** Sets the Override of a part (partName as a zip path, without the leading "/"). */
export function setOverrideContentType(xml: string, partName: string, contentType: string): string {
  const withoutOld = removeOverrideContentType(xml, partName);
  const root = rootElement(withoutOld);
  const override = withPrefix(
    elementPrefix(root),
    `<Override PartName="/${escapeXmlAttribute(partName)}" ContentType="${escapeXmlAttribute(contentType)}"/>`
  );
  return appendToRoot(withoutOld, override);
}

export function removeOverrideContentType(xml: string, partName: string): string {
  const wanted = "/" + partName.toLowerCase();
  const entries = contentTypeEntries(xml, "Override").filter(
    (entry) => (getAttribute(entry[1], "PartName") ?? "").toLowerCase() === wanted
  );
  let text = xml;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    let end = entry.index + entry[0].length;
    if (entry[2] !== "/") end = text.indexOf(">", text.indexOf("</", end)) + 1;
    text = splice(text, entry.index, end, "");
  }
  return text;
}

/** The package's main workbook part, from _rels/.rels. */
export async function findWorkbookPart(editor: PackageEditor): Promise<string> {
  const relationships = parseRelationships(await editor.readText("_rels/.rels"));
  const office = relationships.find(
    (relationship) =>
      relationshipKind(relationship.type) === "officeDocument" && !relationship.external
  );
  const path = office ? resolveTarget("", office.target) : "xl/workbook.xml";
  const name = editor.partName(path);
  if (name === null) throw new ScoredCopyError({ reason: "missing-part", part: path });
  return name;
}
