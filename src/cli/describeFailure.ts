/**
 * The last word on a run that failed: every failure becomes one Chinese line. Failures the
 * commands expect arrive as UsageFailure; a file-system error that escaped them is still worded
 * for the user; only a fault of the tool itself is called 内部错误.
 */
import { ScoredCopyError } from "../workbook/xlsx/scoredCopyError";
import { UsageFailure } from "./cliIo";
import { fileErrorText, isSystemError } from "./fileErrors";

export function describeFailure(error: unknown): string {
  if (error instanceof UsageFailure) return error.message;
  if (error instanceof ScoredCopyError) return "无法写出评分副本：" + error.message + "。";
  if (isSystemError(error)) {
    const where = typeof error.path === "string" ? " " + error.path : "";
    return "无法访问" + where + "：" + fileErrorText(error) + "。";
  }
  let detail: string;
  try {
    detail = error instanceof Error ? error.message : String(error);
  } catch {
    detail = "未知错误";
  }
  return "selfeval 内部错误：" + detail;
}
