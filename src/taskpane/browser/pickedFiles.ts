/**
 * The files a user hands browser mode at once: several picked, a folder picked (its files carry
 * webkitRelativePath), or files and folders dropped (read through the drop's file-system entries
 * where the browser has them; Internet Explorer gives the dropped files only).
 */

export interface PickedFile {
  readonly file: File;
  /** "/"-separated, the top folder first when a folder was given ("收到的表/乡镇/x.xlsx"). */
  readonly path: string;
}

/** The files of a file input, with the folder paths a folder pick gives them. */
export function filesFromList(list: ArrayLike<File> | null | undefined): PickedFile[] {
  const files: PickedFile[] = [];
  if (!list) return files;
  for (let i = 0; i < list.length; i++) {
    const file = list[i];
    // Internet Explorer has no webkitRelativePath: it can pick files, not folders.
    const relative = (file as { webkitRelativePath?: string }).webkitRelativePath;
    files.push({ file, path: relative || file.name });
  }
  return files;
}

/** The part of the File and Directory Entries API a drop gives (Chrome, Edge, Firefox, Safari). */
interface Entry {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
  readonly fullPath: string;
  file?(success: (file: File) => void, failure?: (error: unknown) => void): void;
  createReader?(): {
    readEntries(success: (entries: Entry[]) => void, failure?: (error: unknown) => void): void;
  };
}

interface ItemWithEntry {
  readonly kind: string;
  webkitGetAsEntry?(): Entry | null;
}

function byName(a: Entry, b: Entry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

async function filesOfEntry(entry: Entry, into: PickedFile[]): Promise<void> {
  const path = entry.fullPath.replace(/^\/+/, "") || entry.name;
  if (entry.isFile && entry.file) {
    const read = entry.file.bind(entry);
    const file = await new Promise<File>((resolve, reject) => read(resolve, reject));
    into.push({ file, path });
    return;
  }
  if (!entry.isDirectory || !entry.createReader) return;
  // Hidden folders (.git …) hold no one's forms, as in the command line.
  if (entry.name.charAt(0) === "." && path.indexOf("/") >= 0) return;
  const reader = entry.createReader();
  const children: Entry[] = [];
  // readEntries gives the entries in batches (100 at a time in Chrome) until it gives none.
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject)
    );
    if (batch.length === 0) break;
    children.push(...batch);
  }
  children.sort(byName);
  for (const child of children) await filesOfEntry(child, into);
}

/** The files of a drop, folders walked through; the dropped files alone where entries are missing. */
export async function filesFromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  const items = transfer.items as unknown as ArrayLike<ItemWithEntry> | undefined;
  const entries: Entry[] = [];
  if (items && items.length > 0 && typeof items[0].webkitGetAsEntry === "function") {
    // Entries must be taken while the drop event lasts; reading them may come after.
    for (let i = 0; i < items.length; i++) {
      const entry = items[i].kind === "file" ? items[i].webkitGetAsEntry!() : null;
      if (entry) entries.push(entry);
    }
  }
  if (entries.length === 0) return filesFromList(transfer.files);
  const files: PickedFile[] = [];
  for (const entry of entries) await filesOfEntry(entry, files);
  return files;
}

/**
 * How the summary names each file: relative to the folder given, as the command line does, when
 * every file comes from one folder; else the path as picked.
 */
export function displayPaths(paths: readonly string[]): string[] {
  if (paths.length === 0) return [];
  const top = paths[0].split("/")[0];
  const oneFolder = paths.every((path) => {
    const parts = path.split("/");
    return parts.length > 1 && parts[0] === top;
  });
  return oneFolder ? paths.map((path) => path.slice(top.length + 1)) : paths.slice();
}
