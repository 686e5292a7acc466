// Node's environment: docx packs with TextEncoder, which the browsers have and jsdom has not.
import { readFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { buildBatchSummary } from "../../../src/engine/batch/buildBatchSummary";
import { lazyBrowserTools } from "../../../src/taskpane/browser/browserTools";

const FIXTURE = path.join(__dirname, "..", "..", "fixtures", "project-school-safety-2024.xlsx");

it("browser mode makes the 汇总分析报告 as a .docx (the CLI's --docx-report) from a batch", async () => {
  const outcome = await lazyBrowserTools.scoreBatchFile(
    new Uint8Array(readFileSync(FIXTURE)),
    "项目.xlsx"
  );
  expect(outcome.scoredCopy).not.toBeNull();
  const summary = buildBatchSummary([
    { file: "项目.xlsx", ...outcome, scoredCopy: "评分副本/项目.xlsx" },
  ]);
  const zip = await JSZip.loadAsync(await lazyBrowserTools.batchReportDocx(summary));
  const text = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
  expect(text).toContain("绩效自评汇总分析报告");
  expect(text).toContain("本次共汇总绩效自评表文件1个，其中1个完成评分；共评分绩效自评表1张。");
  expect(text).toContain("中小学校园安全设施提升工程");
});
