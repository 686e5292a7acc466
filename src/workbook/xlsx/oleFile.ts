/**
 * OLE compound files (MS-CFB): what a legacy .xls/.et workbook is, and also what Office wraps an
 * encrypted .xlsx in (MS-OFFCRYPTO: the streams EncryptionInfo and EncryptedPackage). Only the
 * directory's stream names are read, to tell the two apart.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_SIZE = 128;

/** True when the bytes start with the OLE compound file signature. */
export function isOleFile(bytes: Uint8Array): boolean {
  if (bytes.length < SIGNATURE.length) return false;
  for (let i = 0; i < SIGNATURE.length; i++) if (bytes[i] !== SIGNATURE[i]) return false;
  return true;
}

function u16(bytes: Uint8Array, offset: number): number {
  return bytes[offset] | (bytes[offset + 1] << 8);
}

function u32(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16)) +
    bytes[offset + 3] * 0x1000000
  );
}

/**
 * The names of the entries in an OLE file's directory; null when the directory cannot be read
 * (a damaged file). Every chain is followed at most as many steps as the file has sectors, so a
 * looping chain ends.
 */
export function oleEntryNames(bytes: Uint8Array): string[] | null {
  if (!isOleFile(bytes) || bytes.length < 512) return null;
  const shift = u16(bytes, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const sectorOffset = (sector: number): number => (sector + 1) * sectorSize;
  const inFile = (sector: number): boolean =>
    sector < END_OF_CHAIN - 5 && sectorOffset(sector) + sectorSize <= bytes.length;

  // The FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  const fatSectorCount = u32(bytes, 0x2c);
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatSectorCount; i++) {
    fatSectors.push(u32(bytes, 0x4c + i * 4));
  }
  let difat = u32(bytes, 0x44);
  for (let steps = 0; fatSectors.length < fatSectorCount && inFile(difat); steps++) {
    if (steps > sectorCount) return null;
    const base = sectorOffset(difat);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector && fatSectors.length < fatSectorCount; i++) {
      fatSectors.push(u32(bytes, base + i * 4));
    }
    difat = u32(bytes, base + perSector * 4);
  }
  const next = (sector: number): number => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined || !inFile(fatSector)) return END_OF_CHAIN;
    return u32(bytes, sectorOffset(fatSector) + (sector % perSector) * 4);
  };

  const names: string[] = [];
  let sector = u32(bytes, 0x30);
  for (let steps = 0; inFile(sector); steps++) {
    if (steps > sectorCount) return null;
    const base = sectorOffset(sector);
    for (let entry = 0; entry < sectorSize / DIRECTORY_ENTRY_SIZE; entry++) {
      const offset = base + entry * DIRECTORY_ENTRY_SIZE;
      const nameBytes = Math.min(u16(bytes, offset + 0x40), 64);
      const type = bytes[offset + 0x42];
      if (type === 0 || nameBytes < 2) continue;
      let name = "";
      for (let i = 0; i + 1 < nameBytes - 1; i += 2)
        name += String.fromCharCode(u16(bytes, offset + i));
      names.push(name);
    }
    sector = next(sector);
  }
  return names;
}

/** True for an OLE file holding an encrypted Office document (MS-OFFCRYPTO). */
export function isEncryptedOfficeFile(bytes: Uint8Array): boolean {
  const names = oleEntryNames(bytes);
  return (
    names !== null && names.some((name) => name === "EncryptedPackage" || name === "EncryptionInfo")
  );
}
