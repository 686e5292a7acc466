/** Names and types of the files browser mode reads and offers for download. */

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Saves bytes as a download; the browser decides where (usually the Downloads folder). */
export type SaveBytes = (bytes: Uint8Array, fileName: string, type: string) => void;

/** The file's name without its extension: "部门自评表.xlsx" → "部门自评表". */
export function baseNameOf(fileName: string): string {
  const withoutFolders = fileName.replace(/^.*[\\/]/, "");
  const dot = withoutFolders.lastIndexOf(".");
  return dot > 0 ? withoutFolders.slice(0, dot) : withoutFolders || "工作簿";
}

export function isXlsxName(fileName: string): boolean {
  return /\.xlsx$/i.test(fileName);
}
