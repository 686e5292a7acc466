import { promises as fs } from "fs";
import * as path from "path";
import {
  readXlsxGrid,
  UnreadableWorkbookError,
  type XlsxWorkbook,
} from "../workbook/xlsx/readXlsxGrid";
import { UsageFailure } from "./cliIo";
import { fileErrorText } from "./fileErrors";

export interface InputWorkbook {
  readonly bytes: Uint8Array;
  readonly workbook: XlsxWorkbook;
}

/** True for the extensions of the old binary formats, which must be saved as .xlsx first. */
export function isLegacyWorkbookName(file: string): boolean {
  const extension = path.extname(file).toLowerCase();
  return extension === ".xls" || extension === ".et" || extension === ".ett";
}

/** Ends the run when the file's name says it is in an old binary format. */
export function refuseLegacyWorkbookName(input: string): void {
  if (isLegacyWorkbookName(input))
    throw new UsageFailure(
      "无法读取 " + input + "：这是旧版 Excel/WPS 格式，请在 Excel 或 WPS 中另存为 .xlsx 后再评分。"
    );
}

/**
 * Reads an input workbook for scoring. Every way it can fail ends as a UsageFailure that names
 * the file in Chinese; the file itself is only read.
 */
export async function readInputWorkbook(input: string): Promise<InputWorkbook> {
  refuseLegacyWorkbookName(input);
  let bytes: Uint8Array;
  try {
    // A device never ends (/dev/zero, /dev/urandom): read, it would fill the memory.
    const stats = await fs.stat(input);
    if (stats.isCharacterDevice() || stats.isBlockDevice() || stats.isSocket())
      throw new UsageFailure("无法读取 " + input + "：这是一个设备，不是工作簿文件。");
    bytes = await fs.readFile(input);
  } catch (error) {
    if (error instanceof UsageFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageFailure(
      "无法读取 " +
        input +
        "：" +
        (code === "ENOENT"
          ? "文件不存在"
          : code === "EISDIR"
            ? "这是一个文件夹"
            : fileErrorText(error)) +
        "。"
    );
  }
  if (
    bytes.length >= 8 &&
    bytes[0] === 0xd0 &&
    bytes[1] === 0xcf &&
    bytes[2] === 0x11 &&
    bytes[3] === 0xe0
  )
    throw new UsageFailure(
      "无法读取 " + input + "：这是旧版 .xls 格式（或加密的工作簿），请另存为 .xlsx 后再评分。"
    );

  try {
    return { bytes, workbook: await readXlsxGrid(bytes) };
  } catch (error) {
    if (error instanceof UnreadableWorkbookError)
      throw new UsageFailure("无法读取 " + input + "：不是有效的 .xlsx 工作簿（文件可能已损坏）。");
    throw error;
  }
}
