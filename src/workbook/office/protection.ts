/**
 * What the user is told when protection stops a write or a clear: in Chinese, naming the sheets,
 * and saying where in Excel the protection is lifted — the raw "AccessDenied" says neither.
 */

export const WORKBOOK_PROTECTED_MESSAGE =
  "工作簿结构受保护，无法添加评分结果工作表。请先在“审阅 › 保护工作簿”中取消保护后再评分。";

/** Excel's refusal of a change to a protected sheet or to a protected workbook's structure. */
export function isAccessDenied(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    code === "AccessDenied" || (typeof message === "string" && /^AccessDenied\b/.test(message))
  );
}

function quoted(sheets: readonly string[]): string {
  return "“" + sheets.join("”“") + "”";
}

/** A protected sheet found before anything was written (ExcelApi 1.2+). */
export function sheetProtectedMessage(sheet: string, action: string): string {
  return (
    "工作表“" +
    sheet +
    "”受保护，无法" +
    action +
    "。请先在“审阅 › 撤消工作表保护”中取消保护，再重试。工作簿未作任何修改。"
  );
}

/**
 * Excel refused a write as protected. Before ExcelApi 1.2 (sheets) and 1.7 (the workbook) the
 * protection cannot be checked beforehand, nor does the error say which sheet it was: the
 * sheets whose cells the write changes are named, or the workbook when there were none.
 */
export function writeAccessDeniedMessage(userSheets: readonly string[]): string {
  if (userSheets.length === 0)
    return "写入失败：工作簿结构受保护，Excel 拒绝添加评分结果工作表。请先在“审阅 › 保护工作簿”中取消保护后再评分。";
  return (
    "写入失败：工作表" +
    quoted(userSheets) +
    "受保护（或工作簿结构受保护），Excel 拒绝了修改。请先在“审阅 › 撤消工作表保护”中取消保护（工作簿结构受保护时，在“审阅 › 保护工作簿”中取消），再评分。"
  );
}

/** Excel refused to clear the marks as protected: retrying cannot help until it is lifted. */
export function clearAccessDeniedMessage(sheets: readonly string[]): string {
  return (
    "清除标记失败：工作表" +
    quoted(sheets) +
    "受保护，Excel 拒绝了修改。请先在“审阅 › 撤消工作表保护”中取消保护，再清除标记。"
  );
}
