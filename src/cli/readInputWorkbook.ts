import { promises as fs } from "fs";
import * as path from "path";
import {
  readXlsxGrid,
  UnreadableWorkbookError,
  type XlsxWorkbook,
} from "../workbook/xlsx/readXlsxGrid";
import { readErrorText } from "../workbook/xlsx/readErrorText";
import { UsageFailure } from "./cliIo";
import { nodeInflate } from "./nodeInflate";
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
  try {
    // An OLE file (a legacy .xls, or an encrypted workbook), a zip bomb, a DOCTYPE… are all
    // refused here, each with its own sentence.
    return { bytes, workbook: await readXlsxGrid(bytes, { inflate: nodeInflate }) };
  } catch (error) {
    if (error instanceof UnreadableWorkbookError)
      throw new UsageFailure(readErrorText(error, input));
    throw error;
  }
}
