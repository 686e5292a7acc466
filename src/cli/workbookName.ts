import * as path from "path";
import { UsageFailure } from "./cliIo";

/** The extensions of the workbooks a copy or a 汇总 workbook may be written as. */
const WORKBOOK_EXTENSIONS = ["xlsx", "xlsm", "xltx", "xltm"];

/**
 * Ends the run when a workbook output's name has an extension that is no Excel workbook's
 * (".txt", ".xls": the file written is an .xlsx package, which Excel refuses to open under another
 * format's extension, and .xls is the old binary format this tool does not write). Names without
 * an extension ("-", a device, "副本") are left to the user. `what` names the output; `allowed`
 * narrows the extensions (the 汇总 workbook is always a plain .xlsx: Excel refuses an .xlsm
 * name on a package without macros).
 */
export function refuseNonWorkbookName(
  out: string,
  what: string,
  allowed: readonly string[] = WORKBOOK_EXTENSIONS
): void {
  const extension = path.extname(out).toLowerCase().slice(1);
  if (extension === "" || allowed.indexOf(extension) >= 0) return;
  throw new UsageFailure(
    what +
      " " +
      out +
      " 的扩展名不对：" +
      what +
      "是 Excel 工作簿（.xlsx 格式），" +
      (extension === "xls" || extension === "et"
        ? "不能保存为旧版 ." + extension + " 格式，"
        : "") +
      "请改用以 .xlsx 结尾的文件名。"
  );
}
