import { promises as fs } from "fs";
import { openZipPackage } from "../../workbook/xlsx/zipPackage";
import { nodeInflate } from "../nodeInflate";
import { SUMMARY_WORKBOOK_TITLE } from "../../workbook/xlsx/summaryWorkbook/writeSummaryWorkbook";

/**
 * True when the file is a 汇总 workbook this tool wrote (its document title says so): a batch may
 * then replace it, and does not read it as a form. Anything else at that name is the user's.
 */
export async function isSummaryWorkbook(file: string): Promise<boolean> {
  try {
    const zip = await openZipPackage(await fs.readFile(file), { inflate: nodeInflate });
    const core = zip.readText("docProps/core.xml");
    return (
      core !== null && core.indexOf("<dc:title>" + SUMMARY_WORKBOOK_TITLE + "</dc:title>") >= 0
    );
  } catch {
    return false;
  }
}
