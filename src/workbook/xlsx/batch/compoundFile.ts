/**
 * Old binary Office files (.xls, .et, .doc) and password-protected .xlsx files are both OLE
 * compound files ([MS-CFB]); an encrypted workbook holds its package in a stream named
 * EncryptedPackage ([MS-OFFCRYPTO] 2.3.4.4). Telling them apart needs only the directory.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
/** More directory sectors than any real file has: stops a looping chain. */
const MAX_DIRECTORY_SECTORS = 4096;

/** True when the bytes start with the compound file signature. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  if (bytes.length < 512) return false;
  for (let i = 0; i < SIGNATURE.length; i++) if (bytes[i] !== SIGNATURE[i]) return false;
  return true;
}

function uint32(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16)) +
    bytes[offset + 3] * 0x1000000
  );
}

function uint16(bytes: Uint8Array, offset: number): number {
  return bytes[offset] | (bytes[offset + 1] << 8);
}

interface DirectoryEntry {
  readonly name: string;
  /** The stream's first sector and its size in bytes. */
  readonly start: number;
  readonly size: number;
}

interface Directory {
  readonly entries: DirectoryEntry[];
  readonly sectorSize: number;
  /** Streams smaller than this live in the mini stream ([MS-CFB] 2.2: 4096). */
  readonly miniStreamCutoff: number;
}

function readDirectory(bytes: Uint8Array): Directory | null {
  if (!isCompoundFile(bytes)) return null;
  const sectorShift = uint16(bytes, 0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  // The FAT sectors listed in the header's DIFAT (109 entries; enough for files up to ~7 MB with
  // 512-byte sectors, and the directory of a workbook comes early).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const sector = uint32(bytes, 0x4c + i * 4);
    if (sector >= 0xfffffffa) break;
    fatSectors.push(sector);
  }
  const entriesPerFatSector = sectorSize / 4;
  const next = (sector: number): number => {
    const fatSector = fatSectors[Math.floor(sector / entriesPerFatSector)];
    if (fatSector === undefined) return END_OF_CHAIN;
    const offset = sectorOffset(fatSector) + (sector % entriesPerFatSector) * 4;
    if (offset + 4 > bytes.length) return END_OF_CHAIN;
    return uint32(bytes, offset);
  };
  const entries: DirectoryEntry[] = [];
  const directory = () => ({ entries, sectorSize, miniStreamCutoff: uint32(bytes, 0x38) });
  let sector = uint32(bytes, 0x30);
  for (let count = 0; sector < 0xfffffffa && count < MAX_DIRECTORY_SECTORS; count++) {
    const start = sectorOffset(sector);
    if (start + sectorSize > bytes.length) return entries.length > 0 ? directory() : null;
    for (let entry = start; entry < start + sectorSize; entry += 128) {
      const nameLength = uint16(bytes, entry + 0x40);
      if (nameLength < 2 || nameLength > 64) continue;
      let name = "";
      for (let i = 0; i < nameLength - 2; i += 2)
        name += String.fromCharCode(uint16(bytes, entry + i));
      entries.push({ name, start: uint32(bytes, entry + 0x74), size: uint32(bytes, entry + 0x78) });
    }
    sector = next(sector);
  }
  return directory();
}

/**
 * The names of the entries in a compound file's directory (storages and streams), or null when
 * the bytes are not a compound file or its directory cannot be followed.
 */
export function compoundFileEntryNames(bytes: Uint8Array): string[] | null {
  const directory = readDirectory(bytes);
  return directory === null ? null : directory.entries.map((entry) => entry.name);
}

/** BIFF record types ([MS-XLS] 2.3): the workbook's BOF, and FilePass, which encryption adds. */
const BOF = 0x0809;
const FILE_PASS = 0x002f;

/**
 * True when an old binary workbook (.xls, .et) is encrypted: its Workbook stream has a FilePass
 * record right after the globals' BOF ([MS-XLS] 2.4.117; also a workbook protected against
 * changes only, which LibreOffice opens — so it explains a conversion that failed, no more).
 * False when the stream cannot be found or sits in the mini stream (a workbook under 4 KB).
 */
export function legacyWorkbookIsEncrypted(bytes: Uint8Array): boolean {
  const directory = readDirectory(bytes);
  if (directory === null) return false;
  const stream = directory.entries.find(
    (entry) => entry.name === "Workbook" || entry.name === "Book"
  );
  if (!stream || stream.size < directory.miniStreamCutoff || stream.start >= 0xfffffffa)
    return false;
  // The first records lie in the stream's first sector.
  const begin = (stream.start + 1) * directory.sectorSize;
  const end = Math.min(begin + directory.sectorSize, bytes.length);
  if (begin + 4 > end || uint16(bytes, begin) !== BOF) return false;
  const second = begin + 4 + uint16(bytes, begin + 2);
  return second + 4 <= end && uint16(bytes, second) === FILE_PASS;
}

/** What a compound file is: an encrypted OOXML package, or an old binary document. */
export function compoundFileKind(bytes: Uint8Array): "encrypted" | "legacy" | null {
  const names = compoundFileEntryNames(bytes);
  if (names === null) return null;
  return names.indexOf("EncryptedPackage") >= 0 || names.indexOf("EncryptionInfo") >= 0
    ? "encrypted"
    : "legacy";
}
