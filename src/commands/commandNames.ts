/** The manifest's ExecuteFunction FunctionName of 一键评分; manifest.xml must say the same. */
export const SCORE_WORKBOOK_COMMAND = "scoreWorkbook";
