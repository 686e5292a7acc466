/**
 * Browser mode with several workbooks, in Chromium: a reviewer picks a folder of forms, every
 * file is scored in the page, the 汇总 table shows them, and the 汇总 workbook and the scored
 * copies download.
 */
import { readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Browser } from "playwright-core";
import {
  describeInBrowser,
  downloadFrom,
  FIXTURES,
  launchChromium,
  openPane,
  screenshot,
  serveDist,
  since,
  type DistServer,
  type PanePage,
} from "./harness";

let browser: Browser;
let server: DistServer;
let pane: PanePage | null = null;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function payload(name: string, file: string) {
  return { name, mimeType: XLSX, buffer: readFileSync(path.join(FIXTURES, file)) };
}

describeInBrowser("browser mode with several workbooks in Chromium", () => {
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveDist()]);
  });

  afterEach(async () => {
    if (pane) {
      const { errors, externalRequests } = pane;
      await pane.context.close();
      pane = null;
      // Nothing but office.js may leave the machine: the files are scored in the page.
      expect(externalRequests.filter((url) => !/appsforoffice\.microsoft\.com/.test(url))).toEqual(
        []
      );
      expect(errors).toEqual([]);
    }
  });

  afterAll(async () => {
    await Promise.all([browser && browser.close(), server && server.close()]);
  });

  it("scores the files picked, shows the 汇总 table, and downloads the 汇总 workbook and the copies", async () => {
    pane = await openPane(browser, server);
    const { page } = pane;
    await page.getByRole("button", { name: "打开文件夹" }).waitFor();
    const started = Date.now();
    await page
      .getByTestId("file-input")
      .setInputFiles([
        payload("部门.xlsx", "department-education-2024.xlsx"),
        payload("校园安全.xlsx", "project-school-safety-2024.xlsx"),
        payload("三个项目.xlsx", "layouts/multi-project-sheets.xlsx"),
        { name: "损坏.xlsx", mimeType: XLSX, buffer: Buffer.from("not a workbook") },
        { name: "通知.txt", mimeType: "text/plain", buffer: Buffer.from("请报送") },
      ]);
    const table = page.getByTestId("batch-table");
    await table.waitFor({ timeout: 60000 });
    console.log("4 workbooks scored in the page in " + since(started));
    const rows = table.locator("tbody tr");
    await expect(rows.count()).resolves.toBe(6);
    await expect(page.getByTestId("batch-totals").innerText()).resolves.toContain(
      "已评分 3 个，无法打开 1 个，已跳过 0 个（另有 1 个非表格文件未列入）；共 5 张自评表。"
    );
    await expect(rows.nth(0).locator("td").nth(5).innerText()).resolves.toBe("98.36");
    await screenshot(page, "batch-summary");

    const summary = await downloadFrom(page, () =>
      page.getByRole("button", { name: "下载汇总表（Excel）" }).click()
    );
    expect(summary.name).toBe("绩效自评汇总.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(summary.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "汇总表",
      "问题清单",
      "抽查建议",
      "统计",
    ]);
    expect(workbook.getWorksheet("汇总表")!.getCell("M2").value).toBe(98.36);

    const copies = await downloadFrom(page, () =>
      page.getByRole("button", { name: "下载评分副本（.zip）" }).click()
    );
    expect(copies.name).toBe("评分副本.zip");
    const zip = await JSZip.loadAsync(copies.bytes);
    expect(
      Object.keys(zip.files)
        .filter((name) => !name.endsWith("/"))
        .sort()
    ).toEqual(["评分副本/三个项目.xlsx", "评分副本/校园安全.xlsx", "评分副本/部门.xlsx"].sort());
  });
});
