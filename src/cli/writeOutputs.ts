import { promises as fs } from "fs";
import * as path from "path";
import { UsageFailure } from "./cliIo";

export interface OutputFile {
  readonly file: string;
  readonly bytes: Uint8Array | string;
}

/** True when two paths name the same file (through links where it exists). */
export async function samePath(a: string, b: string): Promise<boolean> {
  const resolve = async (file: string): Promise<string> => {
    try {
      return await fs.realpath(file);
    } catch {
      return path.resolve(file);
    }
  };
  return (await resolve(a)) === (await resolve(b));
}

/** Writes every output or none: each goes to a temporary file first, renamed once all are written. */
export async function writeAll(outputs: readonly OutputFile[]): Promise<void> {
  const temporary: string[] = [];
  let current = "";
  try {
    for (const output of outputs) {
      current = output.file;
      const temp = path.join(
        path.dirname(path.resolve(output.file)),
        "." + path.basename(output.file) + "." + process.pid + ".tmp"
      );
      temporary.push(temp);
      await fs.writeFile(temp, output.bytes);
    }
    // A folder where a file should go fails here, before anything is renamed into place.
    for (const output of outputs) {
      current = output.file;
      const existing = await fs.stat(output.file).catch(() => null);
      if (existing && existing.isDirectory())
        throw Object.assign(new Error(output.file), { code: "EISDIR" });
    }
    for (let i = 0; i < outputs.length; i++) {
      current = outputs[i].file;
      await fs.rename(temporary[i], outputs[i].file);
    }
  } catch (error) {
    await Promise.all(temporary.map((temp) => fs.rm(temp, { force: true })));
    throw new UsageFailure("无法写出 " + current + "：" + fileErrorText(error) + "。");
  }
}

/** A file-system error in the words of the user, not of the system call. */
export function fileErrorText(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return "目标文件夹不存在";
    case "EISDIR":
      return "这是一个文件夹，请给出文件名";
    case "EACCES":
    case "EPERM":
      return "没有写入权限（文件可能正在 Excel 中打开，或文件夹只读）";
    case "EBUSY":
      return "文件正被其他程序占用（请先在 Excel 中关闭它）";
    case "ENOSPC":
      return "磁盘空间不足";
    default:
      return (
        "系统错误 " + String((error as NodeJS.ErrnoException).code ?? (error as Error).message)
      );
  }
}
