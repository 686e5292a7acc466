/**
 * The task pane's browser mode in Chromium, as a finance officer uses it outside Excel: open a
 * local workbook, 一键评分, read 总分 and 评级, click a problem, download the results.
 */
import { readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
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
import { DEPARTMENT_HEADER } from "../helpers/templateHeaders";

const DEPARTMENT = "department-education-2024.xlsx";
const PROJECT = "project-school-safety-2024.xlsx";
const DEPARTMENT_SHEET = "部门整体支出绩效自评表";
const CONCLUSION = "部门整体支出绩效自评得分98.36分，评级为优。";

let browser: Browser;
let server: DistServer;
let pane: PanePage | null = null;
const timings: string[] = [];

async function scoreOpened(page: Page, fileName: string) {
  await page.getByText("当前工作簿：" + fileName).waitFor();
  await page.getByRole("button", { name: "一键评分", exact: true }).click();
  // The score's own figure: a workbook may have a cell reading 总分 in the preview too (the project
  // workbook's A19), which a search for the text alone would find first or as well.
  await page.getByTestId("total").waitFor();
}

async function totalAndRating(page: Page): Promise<{ total: string; rating: string }> {
  return {
    total: (await page.getByTestId("total").innerText()).replace(/\s+/g, " ").trim(),
    rating: (await page.getByTestId("rating").innerText()).trim(),
  };
}

async function openFixture(page: Page, fileName: string) {
  await page.getByTestId("file-input").setInputFiles(path.join(FIXTURES, fileName));
}

async function workbookFrom(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

/** A 部门整体支出 form with `rows` indicators, every tenth without its 实际完成值 (an error). */
async function largeWorkbook(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("大表");
  sheet.addRow(["2024年度部门整体支出绩效自评表"]);
  sheet.mergeCells("A1:H1");
  sheet.addRow(["部门名称：基准测试局"]);
  sheet.addRow(DEPARTMENT_HEADER);
  for (let i = 0; i < rows; i++) {
    sheet.addRow([
      i < rows / 2 ? "履职效能" : "管理效能",
      "工作任务" + Math.floor(i / 10),
      "指标" + (i + 1),
      100 / rows,
      "≥100",
      i % 10 === 3 ? null : "100",
      null,
      null,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function documentText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file("word/document.xml");
  if (!part) throw new Error("no word/document.xml in the download");
  // Text as Word shows it: runs joined, markup dropped.
  return (await part.async("string")).replace(/<[^>]+>/g, "");
}

describeInBrowser("browser mode in Chromium", () => {
  beforeAll(async () => {
    const started = Date.now();
    [browser, server] = await Promise.all([launchChromium(), serveDist()]);
    timings.push("browser started and dist/ served: " + since(started));
  });

  afterEach(async () => {
    if (pane) {
      const { errors, externalRequests } = pane;
      await pane.context.close();
      pane = null;
      // Nothing but office.js may leave the machine, and the page must not have failed.
      expect(externalRequests.filter((url) => !/appsforoffice\.microsoft\.com/.test(url))).toEqual(
        []
      );
      expect(errors).toEqual([]);
    }
  });

  afterAll(async () => {
    await Promise.all([browser && browser.close(), server && server.close()]);
    console.log("Browser-mode timings:\n  " + timings.join("\n  "));
  });

  it("scores the department workbook picked with the file input, shows the cell of a problem, and downloads both results", async () => {
    pane = await openPane(browser, server);
    const { page } = pane;
    await page.getByRole("button", { name: "打开本地工作簿" }).waitFor();
    let started = Date.now();
    await openFixture(page, DEPARTMENT);
    await scoreOpened(page, DEPARTMENT);
    timings.push("department: opened and scored in " + since(started));
    expect(await totalAndRating(page)).toEqual({ total: "98.36 / 100", rating: "优" });
    await expect(page.getByText("评级", { exact: true }).isVisible()).resolves.toBe(true);
    // Browser mode writes only a copy: no Excel undo warning, no 清除标记.
    await expect(page.getByRole("button", { name: "清除标记" }).count()).resolves.toBe(0);
    await screenshot(page, "department-scored");

    await page.getByRole("button", { name: new RegExp(DEPARTMENT_SHEET + "!G11") }).click();
    const g11 = page.locator('[data-cell="G11"]');
    await expect(g11.getAttribute("data-selected")).resolves.toBe("true");
    await expect(g11.getAttribute("aria-selected")).resolves.toBe("true");
    await expect(g11.getAttribute("data-mark")).resolves.toBe("warning");
    await expect(g11.isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole("tab", { name: DEPARTMENT_SHEET }).getAttribute("aria-selected")
    ).resolves.toBe("true");
    await screenshot(page, "department-preview-G11");

    started = Date.now();
    const scored = await downloadFrom(page, () =>
      page.getByRole("button", { name: "下载评分结果" }).click()
    );
    timings.push("department: scored workbook downloaded in " + since(started));
    expect(scored.name).toBe("department-education-2024-评分.xlsx");
    const workbook = await workbookFrom(scored.bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      DEPARTMENT_SHEET,
      "评分结果",
      "自评表说明",
    ]);
    const fill = workbook.getWorksheet(DEPARTMENT_SHEET)!.getCell("G11").fill;
    expect(fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(JSON.stringify(fill)).toContain("FFEB9C");

    started = Date.now();
    const narrative = await downloadFrom(page, () =>
      page.getByRole("button", { name: "下载自评表说明（Word）" }).click()
    );
    timings.push("department: Word narrative downloaded in " + since(started));
    expect(narrative.name).toBe("department-education-2024-自评表说明.docx");
    expect(await documentText(narrative.bytes)).toContain(CONCLUSION);
  });

  it("scores the project workbook and marks the cell of its first problem in the preview", async () => {
    pane = await openPane(browser, server);
    const { page } = pane;
    await openFixture(page, PROJECT);
    await scoreOpened(page, PROJECT);
    expect(await totalAndRating(page)).toEqual({ total: "88.53 / 100", rating: "良" });
    await page.getByText("部分指标的得分无法确定，总分不完整。").waitFor();

    const firstProblem = page.getByRole("button", { name: /项目自评表!F14/ });
    await firstProblem.click();
    const f14 = page.locator('[data-cell="F14"]');
    await expect(f14.getAttribute("data-selected")).resolves.toBe("true");
    await expect(f14.getAttribute("data-mark")).resolves.toBe("error");
    // Moving to F14 must not slide column A under the sticky row numbers.
    const a3 = await page.locator('[data-cell="A3"]').boundingBox();
    const rowNumber = await page.getByRole("rowheader", { name: "3", exact: true }).boundingBox();
    expect(a3!.x).toBeGreaterThanOrEqual(rowNumber!.x + rowNumber!.width - 1);
    await screenshot(page, "project-scored");

    const scored = await downloadFrom(page, () =>
      page.getByRole("button", { name: "下载评分结果" }).click()
    );
    expect(scored.name).toBe("project-school-safety-2024-评分.xlsx");
    const workbook = await workbookFrom(scored.bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain("评分结果");
  });

  it("用示例工作簿试用 opens the bundled example", async () => {
    pane = await openPane(browser, server);
    const { page } = pane;
    await page.getByText("用示例工作簿试用").click();
    await scoreOpened(page, DEPARTMENT);
    expect(await totalAndRating(page)).toEqual({ total: "98.36 / 100", rating: "优" });
  });

  it("opens a workbook dropped onto the page", async () => {
    pane = await openPane(browser, server);
    const { page } = pane;
    await page.getByRole("button", { name: "打开本地工作簿" }).waitFor();
    const bytes = readFileSync(path.join(FIXTURES, PROJECT));
    const dataTransfer = await page.evaluateHandle(
      ({ data, name }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(data)], name));
        return transfer;
      },
      { data: Array.from(bytes), name: PROJECT }
    );
    const target = page.getByTestId("browser-mode");
    await target.dispatchEvent("dragenter", { dataTransfer });
    await target.dispatchEvent("dragover", { dataTransfer });
    await expect(target.getAttribute("data-dragging")).resolves.toBe("true");
    await target.dispatchEvent("drop", { dataTransfer });
    await scoreOpened(page, PROJECT);
    expect(await totalAndRating(page)).toEqual({ total: "88.53 / 100", rating: "良" });
  });

  it("says in Chinese that a file which is not .xlsx cannot be opened", async () => {
    pane = await openPane(browser, server);
    const { page } = pane;
    await page.getByTestId("file-input").setInputFiles({
      name: "说明.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("不是工作簿"),
    });
    await page.getByText(/“说明\.txt”不是 \.xlsx 工作簿/).waitFor();
    await expect(page.getByRole("button", { name: "一键评分" }).count()).resolves.toBe(0);
  });

  it("keeps a 20,000-row workbook quick: opens, scores and shows a problem far down the sheet", async () => {
    const buffer = await largeWorkbook(20000);
    pane = await openPane(browser, server);
    const { page } = pane;
    let started = Date.now();
    await page.getByTestId("file-input").setInputFiles({
      name: "large.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });
    await page.getByText("当前工作簿：large.xlsx").waitFor({ timeout: 60000 });
    timings.push("20,000 rows: opened and previewed in " + since(started));
    await expect(page.locator('table[role="grid"] tbody tr').count()).resolves.toBeLessThanOrEqual(
      150
    );

    started = Date.now();
    await page.getByRole("button", { name: "一键评分", exact: true }).click();
    await page.getByTestId("total").waitFor({ timeout: 60000 });
    timings.push("20,000 rows: scored (read once, scored copy written) in " + since(started));

    // The last problem the pane lists (it lists 200 per severity), rows beyond the first window.
    const problems = page.getByRole("listitem").getByRole("button");
    const last = problems.last();
    const location = /大表!([A-Z]+\d+)/.exec(await last.innerText());
    expect(location).not.toBeNull();
    expect(Number(/\d+/.exec(location![1])![0])).toBeGreaterThan(300);
    started = Date.now();
    await last.click();
    const cell = page.locator('[data-cell="' + location![1] + '"]');
    await expect(cell.getAttribute("data-selected")).resolves.toBe("true");
    await expect(cell.isVisible()).resolves.toBe(true);
    timings.push("20,000 rows: preview moved to " + location![1] + " in " + since(started));
    // The pane lists 2,000 groups: the window, not the whole page, shows the preview.
    await screenshot(page, "large-workbook-far-problem", false);
    await expect(page.locator('table[role="grid"] tbody tr').count()).resolves.toBeLessThanOrEqual(
      150
    );
  });

  it("fits a pane-wide window, stacking the preview under the pane", async () => {
    pane = await openPane(browser, server, { width: 420, height: 900 });
    const { page } = pane;
    await openFixture(page, DEPARTMENT);
    await scoreOpened(page, DEPARTMENT);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "narrow-window-scored");
  });
});
