/**
 * The Excel path in a real browser: the production task pane and its Office.js adapter, with
 * office.js replaced by a stand-in whose Excel.run drives the in-memory fake workbook seeded
 * from a fixture. What the user sees in the pane, and what lands in the workbook.
 */
import type { Browser, Page } from "playwright-core";
import { FakeWorkbook } from "../helpers/fakeExcel";
import { fixturePath, seedFromXlsx } from "../workbook/office/officeTestKit";
import { buildFakeExcelHost } from "./fakeExcelHost/buildFakeExcelHost";
import { seedOf } from "./fakeExcelHost/seed";
import {
  describeInBrowser,
  launchChromium,
  openPane,
  screenshot,
  serveDist,
  type DistServer,
  type PanePage,
} from "./harness";

let browser: Browser;
let server: DistServer;
let fakeOffice: string;
let pane: PanePage | null = null;

/** A cell's fill in the fake workbook, read in the page. */
async function fillOf(page: Page, sheet: string, cell: string): Promise<string | null> {
  return page.evaluate(
    ([sheetName, address]) =>
      (
        window as unknown as { __cellFill: (sheet: string, address: string) => string | null }
      ).__cellFill(sheetName, address),
    [sheet, cell]
  );
}

/** Clicks 一键评分 and checks 总分 and 评级 as the pane shows them. */
async function scoreAndRead(page: Page, expected: { total: string; rating: string }) {
  await page.getByRole("button", { name: "一键评分", exact: true }).click();
  try {
    await page.getByTestId("total").waitFor({ timeout: 15000 });
  } catch (error) {
    // The pane's message bar says why; the screenshot shows it.
    await screenshot(page, "excel-pane-not-scored");
    throw error;
  }
  expect({
    total: (await page.getByTestId("total").innerText()).replace(/\s+/g, " ").trim(),
    rating: (await page.getByTestId("rating").innerText()).trim(),
  }).toEqual(expected);
}

async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (
      window as unknown as { __fakeBook: { sheets: Array<{ name: string }> } }
    ).__fakeBook.sheets.map((sheet) => sheet.name)
  );
}

async function openInExcel(fixture: string, language = "zh-CN"): Promise<PanePage> {
  const book = new FakeWorkbook();
  await seedFromXlsx(book, fixturePath(fixture));
  const seed = JSON.stringify(seedOf(book));
  const beforePage =
    "window.__SELFEVAL_SEED__ = " +
    seed +
    "; window.__SELFEVAL_LANGUAGE__ = " +
    JSON.stringify(language) +
    ";";
  return openPane(browser, server, {
    officeJs: { body: fakeOffice, beforePage },
    width: 420,
    height: 900,
  });
}

describeInBrowser("the task pane in Excel", () => {
  beforeAll(async () => {
    [browser, server, fakeOffice] = await Promise.all([
      launchChromium(),
      serveDist(),
      buildFakeExcelHost(),
    ]);
  }, 120000);

  afterEach(async () => {
    if (pane) {
      const { errors, externalRequests } = pane;
      await pane.context.close();
      pane = null;
      expect(errors).toEqual([]);
      expect(externalRequests.filter((url) => !/appsforoffice/.test(url))).toEqual([]);
    }
  });

  afterAll(async () => {
    await Promise.all([browser && browser.close(), server && server.close()]);
  });

  it("scores the open workbook, marks G11, writes both sheets, selects the cell and clears", async () => {
    pane = await openInExcel("department-education-2024");
    const { page } = pane;
    await page.getByText("Ctrl+Z", { exact: false }).first().waitFor();
    await scoreAndRead(page, { total: "98.36 / 100", rating: "优" });
    await expect(sheetNames(page)).resolves.toEqual([
      "部门整体支出绩效自评表",
      "评分结果",
      "自评表说明",
    ]);
    await expect(fillOf(page, "部门整体支出绩效自评表", "G11")).resolves.toMatch(/FFEB9C/i);
    await screenshot(page, "excel-pane-scored");

    await page.getByText("部门整体支出绩效自评表!G11", { exact: false }).click();
    await expect(
      page.evaluate(
        () => (window as unknown as { __fakeBook: { selection: string } }).__fakeBook.selection
      )
    ).resolves.toMatch(/G11/);

    await page.getByRole("button", { name: "清除标记" }).click();
    await page.getByText("已清除", { exact: false }).first().waitFor();
    await expect(fillOf(page, "部门整体支出绩效自评表", "G11")).resolves.toBeNull();
    await screenshot(page, "excel-pane-cleared");
  });

  it("speaks English in an English Excel, its errors included", async () => {
    pane = await openInExcel("department-education-2024", "en-US");
    const { page } = pane;
    const sheet = "部门整体支出绩效自评表";
    await page.getByRole("button", { name: "Score workbook", exact: true }).waitFor();
    // The user's form is protected: the write is refused before anything changes.
    await page.evaluate((name) => {
      const book = (
        window as unknown as { __fakeBook: { sheets: Array<{ name: string; protected: boolean }> } }
      ).__fakeBook;
      book.sheets.filter((each) => each.name === name)[0].protected = true;
    }, sheet);
    await page.getByRole("button", { name: "Score workbook", exact: true }).click();
    const refused =
      "Sheet “" +
      sheet +
      "” is protected, so the add-in cannot mark or clear problems on it. Unprotect it (Review › Unprotect Sheet) and try again. The workbook was not changed.";
    await page.getByText(refused, { exact: true }).waitFor({ timeout: 15000 });
    await screenshot(page, "excel-pane-english-refused");
    await expect(sheetNames(page)).resolves.toEqual([sheet]);
    await expect(fillOf(page, sheet, "G11")).resolves.toBeNull();

    await page.evaluate((name) => {
      const book = (
        window as unknown as { __fakeBook: { sheets: Array<{ name: string; protected: boolean }> } }
      ).__fakeBook;
      book.sheets.filter((each) => each.name === name)[0].protected = false;
    }, sheet);
    await page.getByRole("button", { name: "Score workbook", exact: true }).click();
    await page.getByTestId("total").waitFor({ timeout: 15000 });
    expect((await page.getByTestId("rating").innerText()).trim()).toBe("优 (excellent)");
    await expect(page.getByText(refused, { exact: true }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Clear marks" }).isVisible()).resolves.toBe(true);
    await screenshot(page, "excel-pane-english-scored");
  });

  it("writes the project example's problems and 88.53 / 良", async () => {
    pane = await openInExcel("project-school-safety-2024");
    const { page } = pane;
    await scoreAndRead(page, { total: "88.53 / 100", rating: "良" });
    await expect(page.getByText("项目自评表!F14", { exact: false }).isVisible()).resolves.toBe(
      true
    );
    await screenshot(page, "excel-pane-project");
  });
});
