/**
 * Writing a run's outputs all or nothing. Every command that writes files (score, and batch
 * after it) goes through writeAll, which promises what the README promises: on exit 2 no output
 * was changed, and a concurrent run into the same files never leaves a mix of the two.
 *
 * How: every target is looked at before anything is replaced (folder there, target not a folder,
 * existing file writable, temporary files creatable beside it); the outputs are locked against
 * another selfeval; each is written to a new temporary file beside its target, created
 * exclusively under an unpredictable name (a link planted there is never followed); every file
 * about to be replaced is kept aside (a hard link, or a copy where links are not supported);
 * only then are the temporary files renamed into place, and if one rename fails the ones already
 * done are put back. A device or FIFO (/dev/null, a named pipe) is written in place, never
 * renamed over, and last; "-" is standard output.
 */
import { constants, promises as nodeFs, type Stats } from "fs";
import type { FileHandle } from "fs/promises";
import { createHash, randomBytes } from "crypto";
import * as path from "path";
import { UsageFailure } from "./cliIo";
import { fileErrorText, isSystemError } from "./fileErrors";

export { fileErrorText } from "./fileErrors";

/** The output name that means standard output. */
export const STANDARD_OUTPUT = "-";

/**
 * Text made piece by piece (a large JSON report): written to its temporary file as it comes, in
 * pieces of about a megabyte, never held whole. A function, so that it can be read again.
 */
export interface TextChunks {
  readonly chunks: () => Iterable<string>;
}

/**
 * Bytes made only once every output is checked and locked and the others are written (the
 * scored copy): the checks never wait behind the copy's compression on the thread pool, and the
 * copy and a large report are never held at once. A failure to make them is no failure to write:
 * every output is left as it was and the failure goes on unchanged, as if it had come before
 * writeAll. Never begun when writeAll fails first.
 */
export interface LaterBytes {
  readonly make: () => Promise<Uint8Array>;
}

export interface OutputFile {
  readonly file: string;
  readonly bytes: Uint8Array | string | TextChunks | LaterBytes;
}

type MadeBytes = Exclude<OutputFile["bytes"], LaterBytes>;

function isLater(bytes: OutputFile["bytes"]): bytes is LaterBytes {
  return typeof bytes === "object" && "make" in bytes;
}

/** A failure to make an output's bytes, carried through writeAll's clean-up unchanged. */
class MakingFailure {
  constructor(readonly error: unknown) {}
}

/** An output's bytes, once made (`begun`: the making of LaterBytes, begun by writeAll). */
async function madeBytes(
  bytes: OutputFile["bytes"],
  begun: Promise<Uint8Array> | undefined
): Promise<MadeBytes> {
  if (!isLater(bytes)) return bytes;
  if (begun === undefined) throw new Error("bytes asked for before they were begun");
  try {
    return await begun;
  } catch (error) {
    throw new MakingFailure(error);
  }
}

/** Bytes gathered into one write: few system calls, little held at once. */
const WRITE_BYTES = 1 << 20;

/**
 * Writes an output to an open file: whole, or piece by piece as it is made. Text is encoded
 * straight into a buffer, never joined into a string first (a megabyte of two-byte text would
 * land in V8's large-object space and stay there until a full collection). Two buffers take
 * turns: one is written on the thread pool while the next is filled.
 */
async function writeTo(handle: FileHandle, bytes: MadeBytes): Promise<void> {
  const writeAllOf = async (data: Uint8Array): Promise<void> => {
    // A pipe may take part of a write: the rest follows.
    for (let offset = 0; offset < data.length;)
      offset += (await handle.write(data, offset, data.length - offset)).bytesWritten;
  };
  // Whole bytes in one write (writeFile's pieces of 512 KiB each wait for this thread between).
  if (bytes instanceof Uint8Array) return writeAllOf(bytes);
  if (typeof bytes === "string") return writeAllOf(Buffer.from(bytes, "utf8"));
  const buffers = [Buffer.allocUnsafe(WRITE_BYTES), Buffer.allocUnsafe(WRITE_BYTES)];
  let buffer = buffers[0];
  let used = 0;
  /** The write of the other buffer, under way. */
  let writing: Promise<void> = Promise.resolve();
  /** Starts writing what the buffer holds, once the other is written, and fills the other. */
  const send = async (): Promise<void> => {
    await writing;
    if (used === 0) return;
    writing = writeAllOf(buffer.subarray(0, used));
    // Looked at when awaited; meanwhile a failure is no unhandled rejection.
    writing.catch(() => undefined);
    buffer = buffer === buffers[0] ? buffers[1] : buffers[0];
    used = 0;
  };
  /** A piece larger than a buffer, written after everything before it. */
  const sendWhole = async (data: Uint8Array): Promise<void> => {
    await send();
    await writing;
    await writeAllOf(data);
  };
  const add = async (piece: string): Promise<void> => {
    // Three bytes at most for each UTF-16 unit.
    if (used + piece.length * 3 > buffer.length && used > 0) await send();
    if (piece.length * 3 > buffer.length) await sendWhole(Buffer.from(piece, "utf8"));
    else used += buffer.write(piece, used, "utf8");
  };
  try {
    // A high surrogate ending a piece waits for the low one that begins the next.
    let carried = "";
    for (const chunk of bytes.chunks()) {
      const piece = carried + chunk;
      const end = piece.charCodeAt(piece.length - 1);
      const split = end >= 0xd800 && end <= 0xdbff;
      carried = split ? piece.charAt(piece.length - 1) : "";
      await add(split ? piece.slice(0, -1) : piece);
    }
    await add(carried);
    await send();
    await writing;
  } catch (error) {
    // The file is closed and removed after a failure: never under a write still going.
    await writing.catch(() => undefined);
    throw error;
  }
}

/** The whole output at once, for standard output (written by one call). */
function whole(bytes: MadeBytes): Uint8Array | string {
  return typeof bytes === "string" || bytes instanceof Uint8Array
    ? bytes
    : Array.from(bytes.chunks()).join("");
}

/** An output as the user named it: the option (without "--") and the file. */
export interface NamedOutput {
  readonly option: string;
  readonly file: string;
}

/** The parts of fs the writer uses; tests pass a version that fails where they want. */
export type OutputFileSystem = Pick<
  typeof nodeFs,
  | "stat"
  | "lstat"
  | "readlink"
  | "realpath"
  | "open"
  | "rename"
  | "link"
  | "copyFile"
  | "unlink"
  | "readFile"
>;

export interface WriteAllOptions {
  /** Where "-" goes; process.stdout when not given. */
  readonly standardOutput?: (bytes: Uint8Array | string) => Promise<void>;
  /** How long to wait for another selfeval writing the same files (ms); 30 s by default. */
  readonly lockWaitMs?: number;
  readonly fileSystem?: Partial<OutputFileSystem>;
}

export interface WriteAllResult {
  /** True when an output went to standard output ("-", or a device that is this process's stdout). */
  readonly usedStandardOutput: boolean;
}

type Target =
  | { readonly kind: "stdout"; readonly output: OutputFile }
  | {
      readonly kind: "device";
      readonly output: OutputFile;
      readonly path: string;
      /** A named pipe's reader is held from the check to the write (see holdPipe). */
      readonly pipe?: FileHandle;
    }
  | {
      readonly kind: "file";
      readonly output: OutputFile;
      /** The file really written: links resolved, so a link stays a link. */
      readonly path: string;
      /** The file it replaces, null when there is none yet. */
      readonly existing: Stats | null;
    };

/** A failure of one output, worded for the user. */
class OutputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string
  ) {
    super(reason);
  }
}

const MAX_LINK_HOPS = 40;
const STALE_LOCK_MS = 10 * 60 * 1000;
const LOCK_POLL_MS = 50;
const DEFAULT_LOCK_WAIT_MS = 30 * 1000;
const CASE_INSENSITIVE = process.platform === "win32" || process.platform === "darwin";
// O_NOFOLLOW is redundant after O_EXCL on Linux but says so; Windows has neither flag value.
const EXCLUSIVE =
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

function fileSystemOf(options: WriteAllOptions): OutputFileSystem {
  return { ...nodeFs, ...options.fileSystem } as OutputFileSystem;
}

function codeOf(error: unknown): string | undefined {
  return isSystemError(error) ? error.code : undefined;
}

function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** A name no one can guess, for a file created beside a target. */
function hiddenName(extension: string): string {
  return ".selfeval-" + randomBytes(8).toString("hex") + extension;
}

/** Follows a chain of links that ends nowhere (a dangling link) to the file it would create. */
async function resolveMissing(file: string, fs: OutputFileSystem): Promise<string> {
  let current = path.resolve(file);
  for (let hop = 0; ; hop++) {
    if (hop > MAX_LINK_HOPS) throw systemError("ELOOP");
    let link: string | null = null;
    try {
      const stats = await fs.lstat(current);
      if (stats.isSymbolicLink()) link = await fs.readlink(current);
    } catch (error) {
      if (codeOf(error) !== "ENOENT") throw error;
    }
    if (link === null) break;
    const directory = await fs.realpath(path.dirname(current)).catch(() => path.dirname(current));
    current = path.resolve(directory, link);
  }
  const parent = path.dirname(current);
  let parentStats: Stats;
  try {
    parentStats = await fs.stat(parent);
  } catch (error) {
    if (codeOf(error) === "ENOENT") throw new OutputError(file, "目标文件夹不存在");
    throw error;
  }
  if (!parentStats.isDirectory()) throw systemError("ENOTDIR");
  return path.join(await fs.realpath(parent), path.basename(current));
}

/** What an output name points at, checked: never a folder or a disk, its folder there. */
async function resolveTarget(output: OutputFile, fs: OutputFileSystem): Promise<Target> {
  if (output.file === STANDARD_OUTPUT) return { kind: "stdout", output };
  // "out/" names a folder, even one that does not exist yet: never a file called "out".
  if (/[\\/]$/.test(output.file) && output.file.length > 1)
    throw new OutputError(output.file, "以“/”结尾的是文件夹，请给出文件名");
  try {
    let stats: Stats | null = null;
    try {
      stats = await fs.stat(output.file);
    } catch (error) {
      if (codeOf(error) !== "ENOENT") throw error;
    }
    if (stats === null)
      return {
        kind: "file",
        output,
        path: await resolveMissing(output.file, fs),
        existing: null,
      };
    if (stats.isDirectory()) throw systemError("EISDIR");
    if (stats.isFile())
      return { kind: "file", output, path: await fs.realpath(output.file), existing: stats };
    if (stats.isBlockDevice())
      throw new OutputError(output.file, "这是一个磁盘设备，为防止损坏磁盘，不会写入");
    if (stats.isFIFO()) {
      return { kind: "device", output, path: output.file, pipe: await holdPipe(output.file, fs) };
    }
    // A character device only where writing to it is harmless: the bit bucket, a terminal, or
    // this process's own output (/dev/stdout, /dev/fd/1); never /dev/mem or /dev/kmsg.
    const real = await fs.realpath(output.file).catch(() => output.file);
    if (SAFE_DEVICE.test(real) || (await isOwnOutput(output.file, fs)))
      return { kind: "device", output, path: output.file };
    throw new OutputError(
      output.file,
      "这是一个设备文件，不会写入（可写入的设备只有 /dev/null、终端和标准输出）"
    );
  } catch (error) {
    throw asOutputError(output.file, error);
  }
}

/** Devices an output may go to (after links): /dev/null, /dev/zero, /dev/full, terminals. */
const SAFE_DEVICE = /^\/dev\/(?:null|zero|full|tty\w*|pts\/\d+|console)$/;

/** True when a path is this process's standard output or error (/dev/stdout, /dev/fd/2…). */
async function isOwnOutput(file: string, fs: OutputFileSystem): Promise<boolean> {
  const identity = await identityOf(file, fs);
  for (const fd of [1, 2]) {
    const own = await descriptorIdentity(fd, fs);
    if (own !== null && own === identity) return true;
  }
  return false;
}

/**
 * A named pipe nobody reads would make the write wait forever: opened without waiting, it fails
 * at once (ENXIO) when there is no reader. The handle is kept open until the real write, since
 * closing it would tell a reader such as `cat` that the data has ended.
 */
async function holdPipe(file: string, fs: OutputFileSystem): Promise<FileHandle | undefined> {
  if (constants.O_NONBLOCK === undefined) return undefined;
  try {
    return await fs.open(file, constants.O_WRONLY | constants.O_NONBLOCK);
  } catch (error) {
    if (codeOf(error) === "ENXIO")
      throw new OutputError(file, "这是一个管道，但没有程序在读取它（写入会一直等待）");
    throw error;
  }
}

function asOutputError(file: string, error: unknown): OutputError {
  if (error instanceof OutputError) return error;
  return new OutputError(file, fileErrorText(error));
}

/**
 * Where an output name leads, for comparing names: a file's identity when it exists (so hard
 * links and links compare equal), else the path it would be created at.
 */
async function identityOf(file: string, fs: OutputFileSystem): Promise<string> {
  if (file === STANDARD_OUTPUT) {
    const stdout = await standardOutputIdentity(fs);
    return stdout ?? "stdout";
  }
  try {
    const stats = await fs.stat(file);
    if (stats.ino !== 0) return "file:" + stats.dev + ":" + stats.ino;
    const real = await fs.realpath(file);
    return "path:" + (CASE_INSENSITIVE ? real.toLowerCase() : real);
  } catch {
    let resolved: string;
    try {
      resolved = await resolveMissing(file, fs);
    } catch {
      resolved = path.resolve(file);
    }
    return "path:" + (CASE_INSENSITIVE ? resolved.toLowerCase() : resolved);
  }
}

/** The identity of this process's standard output, when it is a file or device. */
function standardOutputIdentity(fs: OutputFileSystem): Promise<string | null> {
  return descriptorIdentity(1, fs);
}

async function descriptorIdentity(fd: number, fs: OutputFileSystem): Promise<string | null> {
  try {
    const stats = await fs.stat("/dev/fd/" + fd);
    return stats.ino !== 0 ? "file:" + stats.dev + ":" + stats.ino : null;
  } catch {
    return null;
  }
}

/** True when two paths name the same file (through links, hard links and dangling links). */
export async function samePath(
  a: string,
  b: string,
  fileSystem: Partial<OutputFileSystem> = {}
): Promise<boolean> {
  const fs = fileSystemOf({ fileSystem });
  return (await identityOf(a, fs)) === (await identityOf(b, fs));
}

/**
 * Refuses, before anything is read or written, outputs that name an input, two outputs that name
 * one file, and more than one output on standard output.
 */
export async function checkOutputNames(
  inputs: string | readonly string[],
  outputs: readonly NamedOutput[],
  fileSystem: Partial<OutputFileSystem> = {}
): Promise<void> {
  const inputList = typeof inputs === "string" ? [inputs] : inputs;
  const toStandardOutput = outputs.filter((output) => output.file === STANDARD_OUTPUT);
  if (toStandardOutput.length > 1)
    throw new UsageFailure(
      "只能有一个输出写到标准输出（-）：" +
        toStandardOutput.map((output) => "--" + output.option).join(" 和 ") +
        " 都是 -。"
    );
  for (const output of outputs) {
    for (const input of inputList) {
      if (await samePath(output.file, input, fileSystem))
        throw new UsageFailure(
          "输出文件 " +
            output.file +
            " 就是输入文件：为保护原表，不会覆盖输入文件，请换一个文件名。"
        );
    }
  }
  for (let i = 0; i < outputs.length; i++)
    for (let j = i + 1; j < outputs.length; j++)
      if (await samePath(outputs[i].file, outputs[j].file, fileSystem))
        throw new UsageFailure(
          "--" + outputs[i].option + " 和 --" + outputs[j].option + " 不能是同一个文件。"
        );
}

/** A lock on one target against another selfeval writing it at the same time. */
interface HeldLock {
  readonly path: string;
}

function lockPathFor(target: string): string {
  // Fixed length whatever the target's name (a 255-byte name must still work).
  const digest = createHash("sha256").update(path.basename(target)).digest("hex").slice(0, 16);
  return path.join(path.dirname(target), ".selfeval-" + digest + ".lock");
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === "EPERM";
  }
}

/** A lock whose holder has ended (or that is older than any run) may be taken over. */
async function isStaleLock(lockPath: string, fs: OutputFileSystem): Promise<boolean> {
  let stats: Stats;
  try {
    stats = await fs.lstat(lockPath);
  } catch {
    return false; // gone already: the next attempt takes it
  }
  if (!stats.isFile()) return false; // not ours: never removed
  if (Date.now() - stats.mtimeMs > STALE_LOCK_MS) return true;
  const text = String(await fs.readFile(lockPath).catch(() => "")).trim();
  const pid = /^\d+$/.test(text) ? Number(text) : NaN;
  // Being written right now by its holder: empty for an instant.
  if (isNaN(pid)) return Date.now() - stats.mtimeMs > 5000;
  return pid !== process.pid && !processIsAlive(pid);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function acquireLock(
  target: Target & { kind: "file" },
  fs: OutputFileSystem,
  deadline: number
): Promise<HeldLock> {
  const lockPath = lockPathFor(target.path);
  for (;;) {
    try {
      const handle = await fs.open(lockPath, EXCLUSIVE, 0o644);
      try {
        await handle.writeFile(String(process.pid));
      } finally {
        await handle.close();
      }
      return { path: lockPath };
    } catch (error) {
      if (codeOf(error) !== "EEXIST") throw asCreateError(target.output.file, error);
    }
    if (await isStaleLock(lockPath, fs)) {
      await fs.unlink(lockPath).catch(() => undefined);
      continue;
    }
    if (Date.now() >= deadline)
      throw new OutputError(
        target.output.file,
        "另一个 selfeval 正在写出这个文件，等候后仍未结束；如确认没有其他评分在运行，请删除 " +
          lockPath +
          " 后再试"
      );
    await sleep(LOCK_POLL_MS);
  }
}

/** Creating a file in an existing folder failed: ENOENT there means the folder takes no new files. */
function asCreateError(file: string, error: unknown): OutputError {
  if (codeOf(error) === "ENOENT")
    return new OutputError(file, "这个文件夹不能新建文件（可能是系统文件夹，如 /proc）");
  return asOutputError(file, error);
}

async function releaseLocks(locks: readonly HeldLock[], fs: OutputFileSystem): Promise<void> {
  await Promise.all(locks.map((lock) => fs.unlink(lock.path).catch(() => undefined)));
}

/** An existing file must be one we may replace: not read-only, immutable or held open by Excel. */
async function checkReplaceable(target: Target & { kind: "file" }, fs: OutputFileSystem) {
  if (target.existing === null) return;
  try {
    const handle = await fs.open(target.path, constants.O_WRONLY);
    await handle.close();
  } catch (error) {
    if (codeOf(error) === "EACCES")
      throw new OutputError(target.output.file, "文件是只读的，或您没有修改它的权限");
    throw asOutputError(target.output.file, error);
  }
}

/** Writes an output's bytes to a new temporary file beside its target; returns its path. */
async function writeTemporary(
  target: Target & { kind: "file" },
  fs: OutputFileSystem,
  made: Promise<MadeBytes>
): Promise<string> {
  const bytes = await made;
  const temporary = path.join(path.dirname(target.path), hiddenName(".tmp"));
  let handle;
  try {
    handle = await fs.open(temporary, EXCLUSIVE, 0o666);
  } catch (error) {
    throw asCreateError(target.output.file, error);
  }
  try {
    await writeTo(handle, bytes);
    if (target.existing !== null) {
      // The new file takes the old one's permissions (and, where allowed, its owner).
      // Disks without Unix permissions (FAT, some shares) refuse both: the copy is still written.
      await handle.chmod(target.existing.mode & 0o7777).catch(() => undefined);
      await handle.chown(target.existing.uid, target.existing.gid).catch(() => undefined);
    }
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.unlink(temporary).catch(() => undefined);
    throw asOutputError(target.output.file, error);
  }
  await handle.close();
  return temporary;
}

/** Keeps the file about to be replaced under a hidden name, to put it back on a late failure. */
async function keepAside(
  target: Target & { kind: "file" },
  fs: OutputFileSystem
): Promise<string | null> {
  if (target.existing === null) return null;
  const kept = path.join(path.dirname(target.path), hiddenName(".bak"));
  try {
    await fs.link(target.path, kept);
  } catch (linkError) {
    // FAT/exFAT drives and some network shares have no hard links: copy instead.
    try {
      await fs.copyFile(target.path, kept, constants.COPYFILE_EXCL);
    } catch (copyError) {
      throw asOutputError(target.output.file, isSystemError(copyError) ? copyError : linkError);
    }
  }
  return kept;
}

async function defaultStandardOutput(bytes: Uint8Array | string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    process.stdout.write(bytes, (error) => (error ? reject(error) : resolve()));
  });
}

async function writeInPlace(
  target: Target & { kind: "device" },
  fs: OutputFileSystem,
  made: Promise<MadeBytes>
): Promise<void> {
  const bytes = await made;
  // With the pipe held open by us, this open finds its reader and does not wait.
  const handle = await fs.open(target.path, constants.O_WRONLY);
  try {
    if (target.pipe) await target.pipe.close().catch(() => undefined);
    await writeTo(handle, bytes);
  } finally {
    await handle.close();
  }
}

async function releasePipes(targets: readonly Target[]): Promise<void> {
  for (const target of targets)
    if (target.kind === "device" && target.pipe) await target.pipe.close().catch(() => undefined);
}

/**
 * Writes every output or none. Throws a UsageFailure naming the output that failed and why, in
 * Chinese, after putting back whatever had already been replaced.
 */
export async function writeAll(
  outputs: readonly OutputFile[],
  options: WriteAllOptions = {}
): Promise<WriteAllResult> {
  const fs = fileSystemOf(options);
  const targets: Target[] = [];
  try {
    for (const output of outputs) targets.push(await resolveTarget(output, fs));
  } catch (error) {
    await releasePipes(targets);
    throw failure(error, []);
  }
  const files = targets.filter((target): target is Target & { kind: "file" } => {
    return target.kind === "file";
  });
  for (let i = 0; i < files.length; i++)
    for (let j = i + 1; j < files.length; j++)
      if (files[i].path === files[j].path) {
        await releasePipes(targets);
        throw failure(new OutputError(files[j].output.file, "与另一个输出是同一个文件"), []);
      }
  // /dev/stdout names this process's standard output, which may be a socket that cannot be
  // opened by name (ENXIO): written through the stream, as "-" is.
  const stdoutIdentity = await standardOutputIdentity(fs);
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    if (target.kind === "device" && stdoutIdentity !== null)
      if ((await identityOf(target.path, fs)) === stdoutIdentity)
        targets[i] = { kind: "stdout", output: target.output };
  }
  const usedStandardOutput = targets.some((target) => target.kind === "stdout");

  const locks: HeldLock[] = [];
  const temporaries = new Map<Target, string>();
  const keptAside = new Map<Target, string | null>();
  const committed: Array<Target & { kind: "file" }> = [];
  try {
    // Locks are taken in one order (by path), so two runs never wait for each other in a circle.
    const deadline = Date.now() + (options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
    const byPath = files.slice().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const target of byPath) locks.push(await acquireLock(target, fs, deadline));
    for (const target of files) await checkReplaceable(target, fs);
    // Everything checked: the outputs at hand are written first (the report), then those made
    // later are begun (the copy) and written, so that the two are never held at once.
    const begun = new Map<Target, Promise<Uint8Array>>();
    const made = (target: Target): Promise<MadeBytes> =>
      madeBytes(target.output.bytes, begun.get(target));
    for (const target of files)
      if (!isLater(target.output.bytes))
        temporaries.set(target, await writeTemporary(target, fs, made(target)));
    for (const target of targets) {
      const bytes = target.output.bytes;
      if (!isLater(bytes)) continue;
      let making: Promise<Uint8Array>;
      try {
        making = bytes.make();
      } catch (error) {
        // A maker that throws at once fails as one whose promise rejects.
        making = Promise.reject(error);
      }
      // Awaited below; meanwhile a failure is no unhandled rejection.
      making.catch(() => undefined);
      begun.set(target, making);
    }
    for (const target of files)
      if (begun.has(target))
        temporaries.set(target, await writeTemporary(target, fs, made(target)));
    // Every output made before the first is replaced: a device or standard output comes last.
    for (const target of targets) if (target.kind !== "file") await made(target);
    for (const target of files) keptAside.set(target, await keepAside(target, fs));
    for (const target of files) {
      try {
        await fs.rename(temporaries.get(target) as string, target.path);
      } catch (error) {
        throw asOutputError(target.output.file, error);
      }
      temporaries.delete(target);
      committed.push(target);
    }
    for (const target of targets) {
      try {
        if (target.kind === "device") await writeInPlace(target, fs, made(target));
        else if (target.kind === "stdout")
          await (options.standardOutput ?? defaultStandardOutput)(whole(await made(target)));
      } catch (error) {
        if (error instanceof MakingFailure) throw error;
        throw asOutputError(target.output.file, error);
      }
    }
  } catch (error) {
    const unrestored = await putBack(committed, keptAside, fs);
    for (const temporary of Array.from(temporaries.values()))
      await fs.unlink(temporary).catch(() => undefined);
    for (const [target, kept] of Array.from(keptAside.entries()))
      if (kept !== null && !unrestored.has(target)) await fs.unlink(kept).catch(() => undefined);
    await releaseLocks(locks, fs);
    await releasePipes(targets);
    if (error instanceof MakingFailure) throw error.error;
    throw failure(error, Array.from(unrestored.values()));
  }
  // The originals kept aside go together (removing a large one takes the disk a while), then the
  // locks.
  await Promise.all(
    Array.from(keptAside.values()).map((kept) =>
      kept === null ? undefined : fs.unlink(kept).catch(() => undefined)
    )
  );
  await releaseLocks(locks, fs);
  return { usedStandardOutput };
}

/**
 * Puts back the files already replaced, newest first: each kept-aside original is renamed over
 * its replacement; an output that did not exist before is removed. Returns, for each target that
 * could not be put back, a sentence saying where its original is.
 */
async function putBack(
  committed: ReadonlyArray<Target & { kind: "file" }>,
  keptAside: ReadonlyMap<Target, string | null>,
  fs: OutputFileSystem
): Promise<Map<Target, string>> {
  const unrestored = new Map<Target, string>();
  for (let i = committed.length - 1; i >= 0; i--) {
    const target = committed[i];
    const kept = keptAside.get(target) ?? null;
    try {
      if (kept === null) await fs.unlink(target.path);
      else await fs.rename(kept, target.path);
    } catch {
      unrestored.set(
        target,
        kept === null
          ? target.output.file + " 已写出新内容，未能删除"
          : target.output.file + " 已被新内容替换，原文件保存在 " + kept
      );
    }
  }
  return unrestored;
}

function failure(error: unknown, unrestored: readonly string[]): UsageFailure {
  const outputError =
    error instanceof OutputError ? error : new OutputError("", fileErrorText(error));
  const where = outputError.file === STANDARD_OUTPUT ? "标准输出" : outputError.file;
  let message = "无法写出 " + where + "：" + outputError.reason + "。";
  if (unrestored.length > 0) message += "另外，未能完全恢复原状：" + unrestored.join("；") + "。";
  return new UsageFailure(message);
}
