/**
 * Browser mode's lazily loaded chunk (see browserTools.ts): the xlsx adapter (the package layer
 * that reads and writes .xlsx, with fflate to inflate and deflate), the batch's per-file scoring
 * and 汇总 workbook, and the plumbing that moves file bytes in and out of the page.
 */
export { XlsxFilePort } from "../../workbook/xlsx/xlsxFilePort";
export { scoreBatchFile } from "../../workbook/xlsx/batch/scoreBatchFile";
export { writeSummaryWorkbook } from "../../workbook/xlsx/summaryWorkbook/writeSummaryWorkbook";
export { zipFiles } from "./zipFiles";
export { fetchBytes, readFileBytes, saveBytes } from "./fileTransfer";
