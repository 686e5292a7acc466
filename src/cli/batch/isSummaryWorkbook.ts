import { promises as fs } from "fs";
import JSZip from "jszip";
import { SUMMARY_WORKBOOK_TITLE } from "../../workbook/xlsx/summaryWorkbook/writeSummaryWorkbook";

/**
 * True when the file is a 汇总 workbook this tool wrote (its document title says so): a batch may
 * then replace it, and does not read it as a form. Anything else at that name is the user's.
 */
export async function isSummaryWorkbook(file: string): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const core = zip.file("docProps/core.xml");
    if (!core) return false;
    return (
      (await core.async("string")).indexOf("<dc:title>" + SUMMARY_WORKBOOK_TITLE + "</dc:title>") >=
      0
    );
  } catch {
    return false;
  }
}
