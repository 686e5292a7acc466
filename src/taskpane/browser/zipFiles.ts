/** A .zip of files made in the page (browser mode's scored copies). Loaded with browserFiles.ts. */
import { ZipArchive } from "../../workbook/xlsx/zipArchive";

export interface ZipEntry {
  /** "/"-separated path inside the archive. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export function zipFiles(entries: readonly ZipEntry[]): Promise<Uint8Array> {
  const zip = new ZipArchive();
  // Workbooks are zips already: storing them saves time and loses next to nothing.
  for (const entry of entries) zip.file(entry.name, entry.bytes, { store: true });
  return zip.generate();
}
