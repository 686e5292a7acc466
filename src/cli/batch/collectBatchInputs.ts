import { promises as fs, realpathSync } from "fs";
import * as path from "path";
import { type SpreadsheetKind, spreadsheetKindOf } from "../../engine";
import { UsageFailure } from "../cliIo";

/** How a file takes part in a batch. */
export type InputKind = SpreadsheetKind;

export interface BatchInput {
  /** Where to read it. */
  readonly path: string;
  /** How the summary names it: relative to the folder given, or as given ("/" separated). */
  readonly display: string;
  readonly kind: InputKind;
  /** Its extension, lower case, with the dot. */
  readonly extension: string;
}

export interface CollectedInputs {
  readonly inputs: BatchInput[];
  /** Files met in the folders (or named) that are no spreadsheet: counted, not listed. */
  readonly ignored: number;
}

/** What a file's name says it is; null for a file that is no spreadsheet. */
export function inputKindOf(file: string): InputKind | null {
  return spreadsheetKindOf(path.basename(file));
}

function slashed(file: string): string {
  return file.split(path.sep).join("/");
}

/** True when `file` is `folder` or lies inside it (both absolute). */
export function isWithin(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return (
    relative === "" ||
    (relative !== ".." && !relative.startsWith(".." + path.sep) && !path.isAbsolute(relative))
  );
}

/**
 * Every spreadsheet under the folders (recursively, in name order) and every file named, each
 * once. Folders and files in `exclude` (the batch's own outputs) are passed over, as are hidden
 * folders; a path that does not exist ends the run (a mistyped name), before anything is read.
 */
export async function collectBatchInputs(
  paths: readonly string[],
  exclude: readonly string[] = []
): Promise<CollectedInputs> {
  const excluded = exclude.map((file) => path.resolve(file));
  const isExcluded = (file: string) => excluded.some((out) => isWithin(path.resolve(file), out));
  const found: Array<BatchInput & { real: string; folder: string | null }> = [];
  const seen = new Set<string>();
  let ignored = 0;

  const add = async (file: string, display: string, folder: string | null) => {
    if (isExcluded(file)) return;
    const kind = inputKindOf(file);
    if (kind === null) {
      ignored++;
      return;
    }
    // At once (the same native realpath as fs.promises.realpath) rather than through the thread
    // pool: a round trip per file, one after another, was most of the listing of a folder.
    let real: string;
    try {
      real = realpathSync.native(file);
    } catch {
      real = path.resolve(file);
    }
    if (seen.has(real)) return;
    seen.add(real);
    found.push({
      path: file,
      display,
      kind,
      extension: path.extname(file).toLowerCase(),
      real,
      folder,
    });
  };

  for (const given of paths) {
    let stat;
    try {
      stat = await fs.stat(given);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageFailure(
        "找不到 " +
          given +
          (code === "ENOENT" ? "：文件或文件夹不存在" : "：" + String(code)) +
          "。"
      );
    }
    if (stat.isDirectory()) {
      const visited = new Set<string>();
      const walk = async (folder: string): Promise<void> => {
        const real = await fs.realpath(folder).catch(() => folder);
        // A link back up the tree would walk for ever.
        if (visited.has(real) || isExcluded(folder)) return;
        visited.add(real);
        let entries;
        try {
          entries = await fs.readdir(folder, { withFileTypes: true });
        } catch (error) {
          throw new UsageFailure(
            "无法读取文件夹 " + folder + "：" + String((error as NodeJS.ErrnoException).code) + "。"
          );
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
          const full = path.join(folder, entry.name);
          let isFolder = entry.isDirectory();
          let isFile = entry.isFile();
          if (entry.isSymbolicLink()) {
            const target = await fs.stat(full).catch(() => null);
            isFolder = target !== null && target.isDirectory();
            isFile = target !== null && target.isFile();
          }
          if (isFolder) {
            // Hidden folders (.git, the batch's own staging folders) hold no one's forms.
            if (!entry.name.startsWith(".")) await walk(full);
          } else if (isFile) {
            await add(full, slashed(path.relative(given, full)), given);
          }
        }
      };
      await walk(given);
    } else {
      await add(given, slashed(given), null);
    }
  }

  // Two folders can hold the same relative path: those rows name the folder too.
  const counts = new Map<string, number>();
  for (const input of found) counts.set(input.display, (counts.get(input.display) || 0) + 1);
  const inputs = found.map((input) => ({
    path: input.path,
    display:
      (counts.get(input.display) as number) > 1 && input.folder !== null
        ? slashed(path.join(input.folder, input.display))
        : input.display,
    kind: input.kind,
    extension: input.extension,
  }));
  return { inputs, ignored };
}
