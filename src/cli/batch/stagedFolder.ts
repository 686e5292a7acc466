/**
 * An output folder of many files (--scored-dir, --docx-dir) written all or nothing: files go into a
 * hidden staging folder on the same file system while the batch runs, and are moved into place
 * only when every output of the run is ready. A move that fails half way puts back what it had
 * done, so an exit with code 2 leaves the folder as it was.
 */
import { promises as fs } from "fs";
import * as path from "path";

const STAGING_PREFIX = ".selfeval-staging-";

/** The folder itself when it exists, else its nearest existing ancestor. */
async function nearestExisting(folder: string): Promise<string> {
  let current = path.resolve(folder);
  for (;;) {
    const stat = await fs.stat(current).catch(() => null);
    if (stat && stat.isDirectory()) return current;
    if (stat) throw Object.assign(new Error(current), { code: "ENOTDIR", path: current });
    const parent = path.dirname(current);
    if (parent === current) throw Object.assign(new Error(current), { code: "ENOENT" });
    current = parent;
  }
}

/** Undoes a commit (when a later output of the run could not be written). */
export type UndoCommit = () => Promise<void>;

export class StagedFolder {
  private readonly files: string[] = [];

  private constructor(
    /** The folder the user named. */
    readonly target: string,
    /** Where files wait until the commit. */
    readonly staging: string
  ) {}

  /** Makes the staging folder inside the target (or its nearest existing ancestor). */
  static async create(target: string): Promise<StagedFolder> {
    const base = await nearestExisting(target);
    const staging = await fs.mkdtemp(path.join(base, STAGING_PREFIX));
    return new StagedFolder(path.resolve(target), staging);
  }

  /** The staging path for a file at `relative` ("/" separated) under the target; remembered. */
  pathFor(relative: string): string {
    this.files.push(relative);
    return path.join(this.staging, ...relative.split("/"));
  }

  /** Where `relative` lands at the commit. */
  targetFor(relative: string): string {
    return path.join(this.target, ...relative.split("/"));
  }

  /** Drops everything staged. */
  async discard(): Promise<void> {
    await fs.rm(this.staging, { recursive: true, force: true });
  }

  /**
   * Moves the staged files that exist into place, replacing files of the same name; on a failure
   * puts everything back and rethrows. Returns a function that undoes the commit.
   */
  async commit(): Promise<UndoCommit> {
    const backups = path.join(this.staging, ".replaced");
    const done: Array<{ staged: string; target: string; backup: string | null }> = [];
    const createdFolders: string[] = [];
    const undo = async () => {
      for (const step of done.slice().reverse()) {
        await fs.rename(step.target, step.staged).catch(() => fs.rm(step.target, { force: true }));
        if (step.backup) await fs.rename(step.backup, step.target).catch(() => undefined);
      }
      for (const folder of createdFolders.slice().reverse())
        await fs.rmdir(folder).catch(() => undefined);
      done.length = 0;
    };
    const makeFolder = async (folder: string) => {
      const missing: string[] = [];
      let current = folder;
      while (!(await fs.stat(current).catch(() => null))) {
        missing.unshift(current);
        const parent = path.dirname(current);
        if (parent === current) break;
        current = parent;
      }
      for (const created of missing) {
        await fs.mkdir(created);
        createdFolders.push(created);
      }
    };
    try {
      await makeFolder(this.target);
      for (const relative of this.files) {
        const staged = path.join(this.staging, ...relative.split("/"));
        if (!(await fs.stat(staged).catch(() => null))) continue;
        const target = this.targetFor(relative);
        await makeFolder(path.dirname(target));
        const existing = await fs.lstat(target).catch(() => null);
        let backup: string | null = null;
        if (existing) {
          if (existing.isDirectory())
            throw Object.assign(new Error(target), { code: "EISDIR", path: target });
          backup = path.join(backups, ...relative.split("/"));
          await fs.mkdir(path.dirname(backup), { recursive: true });
          await fs.rename(target, backup);
        }
        done.push({ staged, target, backup });
        await fs.rename(staged, target);
      }
    } catch (error) {
      await undo();
      throw error;
    }
    return undo;
  }
}
