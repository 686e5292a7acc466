import * as path from "path";
import type { ZipPackage } from "../workbook/xlsx/zipPackage";
import { packageKind, type PackageKind } from "../workbook/xlsx/packageKind";
import { UsageFailure } from "./cliIo";

const KIND_NAMES: Readonly<Record<PackageKind, string>> = {
  xlsx: "普通工作簿（.xlsx）",
  xlsm: "启用宏的工作簿（.xlsm）",
  xltx: "模板（.xltx）",
  xltm: "启用宏的模板（.xltm）",
};

/**
 * Ends the run when the scored copy's name has a spreadsheet extension other than its package's:
 * Excel refuses to open a file whose extension and format disagree ("x.xlsx" holding a
 * macro-enabled workbook), and the copy keeps the input's format, macros included.
 * Names without one of the four extensions ("-", a device, "副本") are left to the user.
 */
export async function refuseMismatchedCopyName(out: string, zip: ZipPackage): Promise<void> {
  const extension = path.extname(out).toLowerCase().slice(1);
  if (!(extension in KIND_NAMES)) return;
  const kind = await packageKind(zip);
  if (kind === null || kind === extension) return;
  throw new UsageFailure(
    "评分副本 " +
      out +
      " 的扩展名与原表格式不符：原表是" +
      KIND_NAMES[kind] +
      "，副本保持原格式，请改用以 ." +
      kind +
      " 结尾的文件名（Excel 不会打开扩展名与格式不符的文件）。"
  );
}
