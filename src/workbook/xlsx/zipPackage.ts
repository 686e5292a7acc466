/**
 * The zip container of an .xlsx, read: its directory, and each part inflated only when asked
 * for and never beyond the size it declares. Everything that can be refused before inflating is
 * refused when the package is opened: a file that is no zip (an OLE file: legacy or encrypted),
 * a directory that does not hold together, parts whose declared sizes pass the limits, and any
 * XML part whose prolog carries a document type declaration.
 *
 * Both the reader and the writer read parts through it (the writer by way of
 * `attachPackageSource` in opcPackage.ts), so a part is inflated and decoded once.
 */
import { isEncryptedOfficeFile, isOleFile } from "./oleFile";
import type { RawInflate } from "./rawInflate";
import { UnreadableWorkbookError } from "./unreadableWorkbookError";
import { checkProlog, decodeXmlBytes } from "./xmlEncoding";

/**
 * How far a package may inflate. Real workbooks compress about 5–20 times (the benchmark's
 * 20,000-indicator workbook: 467 KiB inflating to 4.7 MiB); deflate allows 1,032.
 */
export interface PackageLimits {
  /** All parts together, inflated, declared or actual. */
  readonly maxTotalBytes: number;
  /** Inflated size over file size, once the parts pass `ratioFromBytes` in all. */
  readonly maxRatio: number;
  readonly ratioFromBytes: number;
}

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  // Well above any self-evaluation workbook (50 times the benchmark's), and below what one
  // part may be to become a JavaScript string (2^29 characters) with room to spare in 1 GiB.
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 100,
  // Below this nothing is a threat to memory, whatever the ratio.
  ratioFromBytes: 32 * 1024 * 1024,
};

export interface ZipPackageOptions {
  /** A faster platform inflater (Node's zlib); fflate's otherwise (see openZipPackage). */
  readonly inflate?: RawInflate;
  readonly limits?: PackageLimits;
}

/** An entry as the central directory records it; what the writer needs to copy it as it is. */
export interface ZipEntry {
  readonly name: string;
  /** The name as stored (its encoding is left alone when the entry is copied). */
  readonly nameBytes: Uint8Array;
  readonly isFolder: boolean;
  readonly versionMadeBy: number;
  readonly flags: number;
  readonly method: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly crc32: number;
  readonly compressedSize: number;
  /** Inflated size, as the directory declares it. */
  readonly size: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  readonly localHeaderOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const STORED = 0;
const DEFLATED = 8;
/** Parts whose prolog is checked for declarations: XML under any of its usual extensions. */
const XML_PART = /\.(xml|rels|vml)$/i;
/** How much of a part's head is inflated at first to read its prolog. */
const HEAD_BYTES = 4096;

function u16(bytes: Uint8Array, offset: number): number {
  return bytes[offset] | (bytes[offset + 1] << 8);
}

function u32(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16)) +
    bytes[offset + 3] * 0x1000000
  );
}

/** A 64-bit little-endian size; exact up to 2^53, which no file on this machine reaches. */
function u64(bytes: Uint8Array, offset: number): number {
  return u32(bytes, offset) + u32(bytes, offset + 4) * 0x100000000;
}

function broken(detail: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError("malformed", { malformed: "broken-zip", detail });
}

/** Entry names: UTF-8 when flagged (bit 11), else IBM 437, which agrees with ASCII. */
function decodeName(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length && ascii; i++) ascii = bytes[i] < 0x80;
  if (ascii) return String.fromCharCode.apply(null, Array.prototype.slice.call(bytes));
  return decodeXmlBytes(bytes);
}

function findEndOfDirectory(bytes: Uint8Array): number {
  // The record is 22 bytes and may be followed by a comment of up to 65,535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let offset = bytes.length - 22; offset >= lowest; offset--) {
    if (u32(bytes, offset) === END_OF_DIRECTORY) return offset;
  }
  return -1;
}

function readDirectory(bytes: Uint8Array): ZipEntry[] {
  const end = findEndOfDirectory(bytes);
  if (end < 0) {
    // A zip's local header at the start, but no directory at the end: cut short.
    if (bytes.length >= 4 && u32(bytes, 0) === LOCAL_HEADER)
      throw broken("no end of central directory");
    throw new UnreadableWorkbookError("not-zip", { fileBytes: bytes.length });
  }
  let count = u16(bytes, end + 10);
  let directorySize = u32(bytes, end + 12);
  let directoryOffset = u32(bytes, end + 16);
  const locator = end - 20;
  if (locator >= 0 && u32(bytes, locator) === ZIP64_LOCATOR) {
    const zip64End = u64(bytes, locator + 8);
    if (zip64End + 56 > bytes.length || u32(bytes, zip64End) !== ZIP64_END_OF_DIRECTORY)
      throw broken("bad zip64 end of central directory");
    count = u64(bytes, zip64End + 32);
    directorySize = u64(bytes, zip64End + 40);
    directoryOffset = u64(bytes, zip64End + 48);
  }
  if (directoryOffset + directorySize > bytes.length) throw broken("directory outside the file");
  // Each directory record takes 46 bytes at least.
  if (count * 46 > directorySize) throw broken("directory shorter than its entries");

  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || u32(bytes, offset) !== CENTRAL_HEADER)
      throw broken("bad central directory record");
    const versionMadeBy = u16(bytes, offset + 4);
    const flags = u16(bytes, offset + 8);
    const method = u16(bytes, offset + 10);
    const dosTime = u16(bytes, offset + 12);
    const dosDate = u16(bytes, offset + 14);
    const crc32 = u32(bytes, offset + 16);
    let compressedSize = u32(bytes, offset + 20);
    let size = u32(bytes, offset + 24);
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    const internalAttributes = u16(bytes, offset + 36);
    const externalAttributes = u32(bytes, offset + 38);
    let localHeaderOffset = u32(bytes, offset + 42);
    const nameStart = offset + 46;
    const nameBytes = bytes.subarray(nameStart, nameStart + nameLength);
    const name = decodeName(nameBytes);
    // ZIP64: the sizes and offset that do not fit 32 bits are in extra field 0x0001, in this order.
    let extra = nameStart + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(bytes, extra);
      const length = u16(bytes, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === 0xffffffff) ((size = u64(bytes, field)), (field += 8));
        if (compressedSize === 0xffffffff) ((compressedSize = u64(bytes, field)), (field += 8));
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(bytes, field);
      }
      extra += 4 + length;
    }
    offset = extraEnd + commentLength;
    // Bit 0: encrypted with a zip password; Office never does this, but the user may have.
    if (flags & 1) throw new UnreadableWorkbookError("encrypted", { part: name });
    entries.push({
      name,
      nameBytes,
      isFolder: name.charAt(name.length - 1) === "/",
      versionMadeBy,
      flags,
      method,
      dosTime,
      dosDate,
      crc32,
      compressedSize,
      size,
      internalAttributes,
      externalAttributes,
      localHeaderOffset,
    });
  }
  return entries;
}

/** Where an entry's compressed data starts, after its local header. */
function dataOffset(bytes: Uint8Array, entry: ZipEntry): number {
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || u32(bytes, header) !== LOCAL_HEADER)
    throw broken("bad local header of " + entry.name);
  const start = header + 30 + u16(bytes, header + 26) + u16(bytes, header + 28);
  if (start + entry.compressedSize > bytes.length) throw broken(entry.name + " outside the file");
  return start;
}

/** An .xlsx's zip container, opened: see the file's comment. */
export class ZipPackage {
  /** Part names are case-insensitive in OPC; zip entry names are not. */
  private readonly entriesByLowerCase = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  private readonly inflate: RawInflate;

  /** Files, not folders, in the directory's order. */
  private readonly entries: readonly ZipEntry[];

  private constructor(
    /** The file, as given; never changed. */
    readonly bytes: Uint8Array,
    /** Every entry, folders too, in the directory's order: what a copy keeps. */
    readonly allEntries: readonly ZipEntry[],
    inflate: RawInflate
  ) {
    this.inflate = inflate;
    this.entries = allEntries.filter((entry) => !entry.isFolder);
    for (const entry of this.entries) {
      const key = entry.name.toLowerCase();
      if (!this.entriesByLowerCase.has(key)) this.entriesByLowerCase.set(key, entry);
    }
  }

  /**
   * Opens the bytes of a file as a zip package; throws UnreadableWorkbookError (not-zip,
   * encrypted, legacy-xls, too-large, doctype, malformed) when they cannot be one.
   */
  static open(bytes: Uint8Array, inflate: RawInflate, limits = DEFAULT_PACKAGE_LIMITS): ZipPackage {
    if (isOleFile(bytes)) {
      throw new UnreadableWorkbookError(isEncryptedOfficeFile(bytes) ? "encrypted" : "legacy-xls", {
        fileBytes: bytes.length,
      });
    }
    const entries = readDirectory(bytes);
    let declared = 0;
    for (const entry of entries) declared += entry.size;
    ZipPackage.checkTotal(declared, bytes.length, limits);
    const zip = new ZipPackage(bytes, entries, inflate);
    zip.checkPrologs();
    return zip;
  }

  private static checkTotal(total: number, fileBytes: number, limits: PackageLimits): void {
    const overRatio = total > limits.ratioFromBytes && total > limits.maxRatio * fileBytes;
    if (total > limits.maxTotalBytes || overRatio) {
      throw new UnreadableWorkbookError("too-large", {
        fileBytes,
        declaredBytes: total,
        limitBytes:
          total > limits.maxTotalBytes
            ? limits.maxTotalBytes
            : Math.max(limits.ratioFromBytes, limits.maxRatio * fileBytes),
      });
    }
  }

  /** The stored name of a part (case and percent-encoding forgiven), or null when absent. */
  partName(path: string): string | null {
    const entry = this.entry(path);
    return entry ? entry.name : null;
  }

  /** The names of every part, as stored. */
  partNames(): string[] {
    return this.entries.map((entry) => entry.name);
  }

  /** The entry of a part (case and percent-encoding forgiven). */
  entry(path: string): ZipEntry | undefined {
    const direct = this.entriesByLowerCase.get(path.toLowerCase());
    if (direct) return direct;
    try {
      const decoded = decodeURIComponent(path);
      if (decoded !== path) return this.entriesByLowerCase.get(decoded.toLowerCase());
    } catch {
      // not percent-encoded
    }
    return undefined;
  }

  /** A part's bytes, inflated; null when the package has no such part. */
  readBytes(path: string): Uint8Array | null {
    const entry = this.entry(path);
    if (!entry) return null;
    const data = this.compressedData(entry);
    let inflated: Uint8Array | null;
    if (entry.method === STORED) inflated = data;
    else if (entry.method === DEFLATED) {
      try {
        inflated = this.inflate.inflateRaw(data, entry.size);
      } catch (error) {
        throw new UnreadableWorkbookError("malformed", {
          malformed: "corrupt-entry",
          part: entry.name,
          detail: error instanceof Error ? error.message : String(error),
        });
      }
    } else {
      throw new UnreadableWorkbookError("malformed", {
        malformed: "unsupported-compression",
        part: entry.name,
        detail: "method " + entry.method,
      });
    }
    if (inflated === null) {
      // It inflates past the size it declares: the trick of a zip bomb.
      throw new UnreadableWorkbookError("too-large", {
        part: entry.name,
        fileBytes: this.bytes.length,
        declaredBytes: entry.size,
        actualBytes: entry.size + 1,
        limitBytes: entry.size,
      });
    }
    if (inflated.length !== entry.size) {
      throw new UnreadableWorkbookError("malformed", {
        malformed: "corrupt-entry",
        part: entry.name,
        declaredBytes: entry.size,
        actualBytes: inflated.length,
      });
    }
    // No part inflates past what it declares, and the declared sizes were checked together when
    // the package was opened: what is actually inflated stays within the same limits.
    return inflated;
  }

  /** An entry's data as stored (compressed, for a deflated one). */
  compressedData(entry: ZipEntry): Uint8Array {
    const start = dataOffset(this.bytes, entry);
    return this.bytes.subarray(start, start + entry.compressedSize);
  }

  /**
   * A part's text, decoded once and kept until the writer takes it over; null when absent.
   * Throws the doctype refusal when the part's prolog holds a declaration.
   */
  readText(path: string): string | null {
    const entry = this.entry(path);
    if (!entry) return null;
    const kept = this.texts.get(entry.name);
    if (kept !== undefined) return kept;
    const bytes = this.readBytes(entry.name);
    if (bytes === null) return null;
    const text = decodeXmlBytes(bytes);
    // The prologs of .xml, .rels and .vml parts were read when the package was opened; a part
    // named otherwise (OPC allows any name) is looked at here. A declaration can stand nowhere
    // else: "<!DOCTYPE" later in a part is no declaration, and nothing here would expand it.
    if (checkProlog(text) === "declaration")
      throw new UnreadableWorkbookError("doctype", { part: entry.name });
    this.texts.set(entry.name, text);
    return text;
  }

  /** Lets go of a part's kept text (a sheet read and not to be written). */
  forgetText(path: string): void {
    const entry = this.entry(path);
    if (entry) this.texts.delete(entry.name);
  }

  /**
   * A small part (most of a typical form's package) is inflated whole, once, as reading it would:
   * its prolog is checked and its text kept for readText, which inflated it a second time
   * before. False, with nothing kept, when it does not inflate to the size it declares (corrupt,
   * or a lying bomb): the head check below then goes on as for any part, and reading it refuses.
   */
  private keepSmallPart(entry: ZipEntry, whole: Uint8Array): boolean {
    let inflated: Uint8Array | null;
    try {
      inflated = this.inflate.inflateRaw(whole, entry.size);
    } catch {
      return false;
    }
    if (inflated === null || inflated.length !== entry.size) return false;
    const text = decodeXmlBytes(inflated);
    const state = checkProlog(text);
    if (state === "declaration") throw new UnreadableWorkbookError("doctype", { part: entry.name });
    if (state !== "clean") return false;
    this.texts.set(entry.name, text);
    return true;
  }

  /**
   * Every XML part's prolog, read from the head of the part only (more only when a long prolog
   * needs it): a declaration anywhere there refuses the package.
   */
  private checkPrologs(): void {
    for (const entry of this.entries) {
      if (!XML_PART.test(entry.name)) continue;
      const whole = this.compressedData(entry);
      if (
        entry.method === DEFLATED &&
        whole.length <= HEAD_BYTES &&
        this.keepSmallPart(entry, whole)
      )
        continue;
      for (let compressed = HEAD_BYTES; ; compressed *= 4) {
        const complete = compressed >= whole.length;
        let head: Uint8Array | null;
        if (entry.method === STORED) head = whole.subarray(0, Math.min(compressed, entry.size));
        else if (entry.method === DEFLATED) {
          try {
            // 1,032 is deflate's largest ratio; the head can give no more than that.
            head = this.inflate.inflateRaw(
              whole.subarray(0, Math.min(compressed, whole.length)),
              Math.min(entry.size, compressed * 1032),
              true
            );
          } catch {
            break; // corrupt data is refused when the part is read, if it ever is
          }
        } else break;
        const state = head === null ? "unfinished" : checkProlog(decodeXmlBytes(head));
        if (state === "declaration")
          throw new UnreadableWorkbookError("doctype", { part: entry.name });
        if (state === "clean" || complete) break;
      }
    }
  }
}

/**
 * Opens a package with the given inflater, or fflate's, loaded only then: the CLI passes Node's
 * zlib and never loads fflate; in a webpack chunk the import is bundled in place ("eager").
 */
export async function openZipPackage(
  bytes: Uint8Array,
  options: ZipPackageOptions = {}
): Promise<ZipPackage> {
  const inflate =
    options.inflate ?? (await import(/* webpackMode: "eager" */ "./fflateCodecs")).fflateInflate;
  return ZipPackage.open(bytes, inflate, options.limits);
}
