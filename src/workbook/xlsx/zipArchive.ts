/**
 * A new zip made from scratch (the 汇总 workbook, browser mode's .zip of scored copies), on the
 * same zip writer the scored copy uses: no second zip library at run time.
 */
import { encodeUtf8, type RawDeflate } from "./opcPackage";
import { dosDateTime, nameBytesOf, writeZip, type ZipOutputEntry } from "./zipWriter";

/** General-purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;
const STORED = 0;
const DEFLATED = 8;
/** Version 2.0, MS-DOS attributes, as zip tools write for an entry without Unix permissions. */
const VERSION_MADE_BY = 20;

interface PendingFile {
  readonly name: string;
  readonly data: Uint8Array;
  /** Stored as it is: what is compressed already (a workbook is a zip) gains nothing. */
  readonly store: boolean;
}

export class ZipArchive {
  private readonly files: PendingFile[] = [];
  private readonly indexByName = new Map<string, number>();

  /**
   * Adds a file ("/"-separated path); text is written as UTF-8. A name given again replaces the
   * earlier content in its place (a part written first, as Office orders them, and filled in last).
   */
  file(name: string, data: string | Uint8Array, options: { store?: boolean } = {}): void {
    const file = {
      name,
      data: typeof data === "string" ? encodeUtf8(data) : data,
      store: options.store === true,
    };
    const index = this.indexByName.get(name);
    if (index !== undefined) this.files[index] = file;
    else {
      this.indexByName.set(name, this.files.length);
      this.files.push(file);
    }
  }

  /** The archive's bytes; compressed with `deflate` (Node's zlib) or else fflate, loaded then. */
  async generate(deflate?: RawDeflate, date: Date = new Date()): Promise<Uint8Array> {
    const codec =
      deflate ?? (await import(/* webpackMode: "eager" */ "./fflateCodecs")).fflateDeflate;
    const when = dosDateTime(date);
    const entries: ZipOutputEntry[] = [];
    for (const file of this.files) {
      const name = nameBytesOf(file.name);
      entries.push({
        nameBytes: name.bytes,
        versionMadeBy: VERSION_MADE_BY,
        flags: name.utf8 ? UTF8_NAME : 0,
        method: file.store ? STORED : DEFLATED,
        dosTime: when.dosTime,
        dosDate: when.dosDate,
        crc32: codec.crc32(file.data),
        size: file.data.length,
        data: file.store ? file.data : await codec.deflateRaw(file.data),
        internalAttributes: 0,
        externalAttributes: 0,
      });
    }
    return writeZip(entries);
  }
}
