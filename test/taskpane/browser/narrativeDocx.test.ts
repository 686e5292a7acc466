// Node's environment: docx packs with TextEncoder, which the browsers have and jsdom has not.
import { readFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { lazyBrowserTools } from "../../../src/taskpane/browser/browserTools";
import { scoreOpenWorkbook } from "../../../src/workbook/scoreOpenWorkbook";

const FIXTURE = path.join(__dirname, "..", "..", "fixtures", "department-education-2024.xlsx");

it("browser mode makes the 自评表说明 as a .docx (the CLI's --docx) from a scoring run", async () => {
  const port = await lazyBrowserTools.openWorkbook(
    new Uint8Array(readFileSync(FIXTURE)),
    "部门.xlsx"
  );
  const { result } = await scoreOpenWorkbook(port, { readOnly: true });
  const bytes = await lazyBrowserTools.narrativeDocx(result);
  const zip = await JSZip.loadAsync(bytes);
  const documentXml = await zip.file("word/document.xml")!.async("string");
  expect(documentXml.replace(/<[^>]+>/g, "")).toContain(
    "部门整体支出绩效自评得分98.36分，评级为优。"
  );
});
