/**
 * Writes a zip: local headers and data in order, then the central directory. Entries copied from
 * the input keep their stored (compressed) bytes, checksum, dates, name bytes and attributes; only
 * a data descriptor is dropped, its sizes being known. No ZIP64: a scored copy stays far below
 * 4 GiB and 65,535 entries (the reader's limits see to that).
 */

/** A package past what a zip without ZIP64 holds: 65,535 entries, 4 GiB. */
export class ZipLimitError extends Error {
  constructor(readonly over: { readonly entries?: number; readonly bytes?: number }) {
    super(
      over.entries !== undefined
        ? "too many zip entries: " + over.entries
        : "zip too large: " + over.bytes + " bytes"
    );
    this.name = "ZipLimitError";
    // ES5 output (browser mode): keep instanceof working for a subclass of Error.
    Object.setPrototypeOf(this, ZipLimitError.prototype);
  }
}

export interface ZipOutputEntry {
  readonly nameBytes: Uint8Array;
  readonly versionMadeBy: number;
  readonly flags: number;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly crc32: number;
  /** Inflated size. */
  readonly size: number;
  /** As stored: compressed for a deflated entry. */
  readonly data: Uint8Array;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const DATA_DESCRIPTOR_FLAG = 0x0008;
/** Deflate needs version 2.0 to extract. */
const VERSION_NEEDED = 20;

/** The DOS date and time zip headers use, in local time as other zip tools write them. */
export function dosDateTime(date: Date): { dosTime: number; dosDate: number } {
  return {
    dosTime: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    dosDate:
      ((Math.max(1980, date.getFullYear()) - 1980) << 9) |
      ((date.getMonth() + 1) << 5) |
      date.getDate(),
  };
}

/** Encodes a part name as UTF-8 bytes; `utf8` says whether any byte is beyond ASCII. */
export function nameBytesOf(name: string): { bytes: Uint8Array; utf8: boolean } {
  const encoded = unescape(encodeURIComponent(name));
  const bytes = new Uint8Array(encoded.length);
  let utf8 = false;
  for (let i = 0; i < encoded.length; i++) {
    bytes[i] = encoded.charCodeAt(i);
    if (bytes[i] >= 0x80) utf8 = true;
  }
  return { bytes, utf8 };
}

/** The zip holding the entries, in the order given. */
export function writeZip(entries: readonly ZipOutputEntry[]): Uint8Array {
  if (entries.length > 0xffff) throw new ZipLimitError({ entries: entries.length });
  let localSize = 0;
  let centralSize = 0;
  for (const entry of entries) {
    localSize += 30 + entry.nameBytes.length + entry.data.length;
    centralSize += 46 + entry.nameBytes.length;
  }
  const total = localSize + centralSize + 22;
  if (total > 0xffffffff) throw new ZipLimitError({ bytes: total });
  const out = new Uint8Array(total);
  let at = 0;
  const u16 = (value: number): void => {
    out[at++] = value & 0xff;
    out[at++] = (value >>> 8) & 0xff;
  };
  const u32 = (value: number): void => {
    u16(value & 0xffff);
    u16((value >>> 16) & 0xffff);
  };

  const offsets: number[] = [];
  for (const entry of entries) {
    offsets.push(at);
    u32(LOCAL_HEADER);
    u16(VERSION_NEEDED);
    u16(entry.flags & ~DATA_DESCRIPTOR_FLAG);
    u16(entry.method);
    u16(entry.dosTime);
    u16(entry.dosDate);
    u32(entry.crc32);
    u32(entry.data.length);
    u32(entry.size);
    u16(entry.nameBytes.length);
    u16(0); // no extra field
    out.set(entry.nameBytes, at);
    at += entry.nameBytes.length;
    out.set(entry.data, at);
    at += entry.data.length;
  }
  const directoryStart = at;
  entries.forEach((entry, index) => {
    u32(CENTRAL_HEADER);
    u16(entry.versionMadeBy);
    u16(VERSION_NEEDED);
    u16(entry.flags & ~DATA_DESCRIPTOR_FLAG);
    u16(entry.method);
    u16(entry.dosTime);
    u16(entry.dosDate);
    u32(entry.crc32);
    u32(entry.data.length);
    u32(entry.size);
    u16(entry.nameBytes.length);
    u16(0); // extra field
    u16(0); // comment
    u16(0); // disk
    u16(entry.internalAttributes);
    u32(entry.externalAttributes);
    u32(offsets[index]);
    out.set(entry.nameBytes, at);
    at += entry.nameBytes.length;
  });
  const directorySize = at - directoryStart;
  u32(END_OF_DIRECTORY);
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(directorySize);
  u32(directoryStart);
  u16(0);
  return out;
}
