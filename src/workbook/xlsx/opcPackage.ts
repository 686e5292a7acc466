/**
 * The package (OPC) level of an .xlsx: reading and writing parts by name, relationships, content
 * types. Edits are kept aside and applied only when the copy is generated, so a JSZip the caller
 * lent us comes back as it was and every part we did not touch keeps its stored bytes.
 */
import JSZip from "jszip";
import {
  elementPrefix,
  escapeXmlAttribute,
  getAttribute,
  rootElement,
  splice,
  startTagPattern,
  withPrefix,
} from "./xmlText";
import { decodeXmlBytes } from "./xmlEncoding";
import type { ZipPackage } from "./zipPackage";

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
  | { readonly kind: "binary"; readonly data: string }
  | { readonly kind: "removed" };

/** Decodes an XML part: UTF-8, or UTF-16 (see decodeXmlBytes). */
async function decodeXmlPart(file: JSZip.JSZipObject): Promise<string> {
  return decodeXmlBytes(await file.async("uint8array"));
}

/** A byte string (one char per byte), as JSZip's "binarystring" gives it. */
function binaryString(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    chunks.push(
      String.fromCharCode.apply(null, Array.prototype.slice.call(bytes.subarray(i, i + 8192)))
    );
  }
  return chunks.join("");
}

/** Where a JSZip loaded by the reader reads its parts from (see attachPackageSource). */
const packageSources = new WeakMap<JSZip, ZipPackage>();

/**
 * Lets a PackageEditor over `zip` read its parts through the package the reader opened from the
 * same bytes: each part is inflated once, never past the size it declares, and refused when it
 * carries a document type declaration — the same checks for the writer as for the reader.
 */
export function attachPackageSource(zip: JSZip, source: ZipPackage): void {
  packageSources.set(zip, source);
}

export class PackageEditor {
  /** Part names are case-insensitive in OPC; zip entry names are not. */
  private readonly namesByLowerCase = new Map<string, string>();
  private readonly edits = new Map<string, PendingEdit>();
  /** The reader's package, when the zip came from readXlsxGrid: parts are read through it. */
  private readonly source: ZipPackage | null;

  constructor(private readonly zip: JSZip) {
    this.source = packageSources.get(zip) ?? null;
    for (const name of Object.keys(zip.files)) {
      if (!zip.files[name].dir) this.namesByLowerCase.set(name.toLowerCase(), name);
    }
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
    if (edit && edit.kind === "binary") throw new Error(name + " was edited as bytes");
    const fromSource = this.source ? this.source.readText(name) : null;
    if (fromSource !== null) return fromSource;
    const file = this.zip.file(name);
    return file ? decodeXmlPart(file) : null;
  }

  /** A part as a "binary string" (one char per byte), for parts whose encoding we must not touch. */
  async readBinary(path: string): Promise<string | null> {
    const name = this.partName(path);
    if (name === null) return null;
    const edit = this.edits.get(name);
    if (edit && edit.kind === "binary") return edit.data;
    if (edit && edit.kind === "text") throw new Error(name + " was edited as text");
    const fromSource = this.source ? this.source.readBytes(name) : null;
    if (fromSource !== null) return binaryString(fromSource);
    const file = this.zip.file(name);
    return file ? file.async("binarystring") : null;
  }

  writeText(path: string, text: string): void {
    this.edits.set(this.claimName(path), { kind: "text", text });
  }

  writeBinary(path: string, data: string): void {
    this.edits.set(this.claimName(path), { kind: "binary", data });
  }

  remove(path: string): void {
    const name = this.partName(path);
    if (name !== null) this.edits.set(name, { kind: "removed" });
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
   * The package with the edits applied. Untouched entries keep their compressed bytes; the lent
   * JSZip is restored afterwards so that the caller may still use it.
   */
  async generate(deflate?: RawDeflate): Promise<Uint8Array> {
    const originals = new Map<string, JSZip.JSZipObject | undefined>();
    const written: Array<{ name: string; data: Uint8Array | string }> = [];
    this.edits.forEach((edit, name) => {
      if (edit.kind === "removed") return;
      written.push({
        name,
        data:
          edit.kind === "text"
            ? encodeUtf8(edit.text)
            : deflate
              ? binaryStringBytes(edit.data)
              : edit.data,
      });
    });
    // Whatever fails below, the lent JSZip is given back as it came.
    try {
      const precompressed = deflate
        ? await precompressLargeParts(written, deflate)
        : new Map<string, unknown>();
      this.edits.forEach((edit, name) => {
        originals.set(name, this.zip.files[name]);
        if (edit.kind === "removed") this.zip.remove(name);
      });
      for (const { name, data } of written) {
        const original = originals.get(name);
        const options: JSZip.JSZipFileOptions = {
          createFolders: false,
          binary: typeof data !== "string",
        };
        if (original) options.date = original.date;
        this.zip.file(name, (precompressed.get(name) ?? data) as Uint8Array | string, options);
      }
      return await this.zip.generateAsync({
        type: "uint8array",
        compression: "DEFLATE",
        compressionOptions: { level: 6 },
      });
    } finally {
      originals.forEach((original, name) => {
        if (original) this.zip.files[name] = original;
        else delete this.zip.files[name];
      });
    }
  }
}

/** A "binary string" (one char per byte, as VML drawings are kept) as its bytes. */
function binaryStringBytes(data: string): Uint8Array {
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) bytes[i] = data.charCodeAt(i) & 0xff;
  return bytes;
}

/** A raw DEFLATE (no zlib header) and CRC-32 the platform provides natively, e.g. Node's zlib. */
export interface RawDeflate {
  deflateRaw(data: Uint8Array): Promise<Uint8Array>;
  crc32(data: Uint8Array): number;
}

// Parts this large are worth handing to the platform; pako in JSZip takes about 20 ms per MB.
const NATIVE_DEFLATE_THRESHOLD = 4 * 1024;

/**
 * Compresses the large written parts with the platform's deflate, all at once (Node runs them on
 * its thread pool), and wraps each as the already-compressed entry JSZip copies as it is.
 * JSZip has no public hook for this: its CompressedObject is what it uses for entries it read.
 */
async function precompressLargeParts(
  parts: ReadonlyArray<{ name: string; data: Uint8Array | string }>,
  deflate: RawDeflate
): Promise<Map<string, unknown>> {
  const compressedObjects = new Map<string, unknown>();
  let CompressedObject: JSZipCompressedObjectConstructor;
  let DEFLATE: unknown;
  try {
    CompressedObject = require("jszip/lib/compressedObject");
    DEFLATE = require("jszip/lib/compressions").DEFLATE;
  } catch {
    return compressedObjects;
  }
  await Promise.all(
    parts.map(async ({ name, data }) => {
      if (typeof data === "string" || data.length < NATIVE_DEFLATE_THRESHOLD) return;
      const compressed = await deflate.deflateRaw(data);
      compressedObjects.set(
        name,
        new CompressedObject(
          compressed.length,
          data.length,
          deflate.crc32(data),
          DEFLATE,
          compressed
        )
      );
    })
  );
  return compressedObjects;
}

type JSZipCompressedObjectConstructor = new (
  compressedSize: number,
  uncompressedSize: number,
  crc32: number,
  compression: unknown,
  data: Uint8Array
) => unknown;

// JSZip's own UTF-8 encoder is plain JavaScript and dominates writing a 20,000-row sheet;
// the platform's is native. Internet Explorer 11 has none, and there JSZip encodes the string.
function encodeUtf8(text: string): Uint8Array | string {
  return typeof TextEncoder !== "undefined" ? new TextEncoder().encode(text) : text;
}

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
  if (name === null) throw new Error("the package has no workbook part (" + path + ")");
  return name;
}
