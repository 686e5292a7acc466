/**
 * Browser mode's lazily loaded chunk (see browserTools.ts): the xlsx adapter with ExcelJS and
 * JSZip, and the plumbing that moves file bytes in and out of the page.
 */
export { XlsxFilePort } from "../../workbook/xlsx/xlsxFilePort";
export { fetchBytes, readFileBytes, saveBytes } from "./fileTransfer";
