/**
 * Browser mode's lazily loaded chunk (see browserTools.ts): the xlsx adapter (the package layer
 * that reads and writes .xlsx, with fflate to inflate and deflate), and the plumbing that moves
 * file bytes in and out of the page.
 */
export { XlsxFilePort } from "../../workbook/xlsx/xlsxFilePort";
export { fetchBytes, readFileBytes, saveBytes } from "./fileTransfer";
