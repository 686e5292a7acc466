/**
 * Builds a tiny OLE compound file ([MS-CFB], version 3, 512-byte sectors) holding empty streams of
 * the given names: enough for an "encrypted workbook" (EncryptedPackage, EncryptionInfo) or an
 * "old .xls" (Workbook) as a reader's first look at the directory sees them.
 */
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

export function compoundFile(streamNames: readonly string[]): Uint8Array {
  const sector = 512;
  const entries = ["Root Entry", ...streamNames];
  const directorySectors = Math.ceil((entries.length * 128) / sector);
  const bytes = new Uint8Array(sector * (2 + directorySectors));
  const view = new DataView(bytes.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (bytes[i] = b));
  view.setUint16(0x18, 0x003e, true); // minor version
  view.setUint16(0x1a, 3, true); // major version 3
  view.setUint16(0x1c, 0xfffe, true); // little-endian
  view.setUint16(0x1e, 9, true); // 512-byte sectors
  view.setUint16(0x20, 6, true); // 64-byte mini sectors
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // the directory starts at sector 1
  view.setUint32(0x38, 4096, true); // mini stream cutoff
  view.setUint32(0x3c, END_OF_CHAIN, true); // no mini FAT
  view.setUint32(0x44, END_OF_CHAIN, true); // no DIFAT sectors
  view.setUint32(0x4c, 0, true); // the FAT is sector 0
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + i * 4, FREE, true);
  // The FAT (sector 0): itself, then the directory's chain.
  const fat = sector;
  for (let i = 0; i < sector / 4; i++) view.setUint32(fat + i * 4, FREE, true);
  view.setUint32(fat, FAT_SECTOR, true);
  for (let i = 0; i < directorySectors; i++)
    view.setUint32(fat + (1 + i) * 4, i === directorySectors - 1 ? END_OF_CHAIN : 2 + i, true);
  // The directory: the root's child is the first stream, each stream's right sibling the next.
  entries.forEach((name, index) => {
    const at = sector * 2 + index * 128;
    for (let i = 0; i < name.length; i++) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    bytes[at + 0x42] = index === 0 ? 5 : 2; // root storage, or stream
    bytes[at + 0x43] = 1; // black
    view.setUint32(at + 0x44, NO_STREAM, true);
    view.setUint32(
      at + 0x48,
      index > 0 && index < entries.length - 1 ? index + 1 : NO_STREAM,
      true
    );
    view.setUint32(at + 0x4c, index === 0 && entries.length > 1 ? 1 : NO_STREAM, true);
    view.setUint32(at + 0x74, END_OF_CHAIN, true);
  });
  return bytes;
}
