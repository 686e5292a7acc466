/**
 * The WPS 表格 add-in in Chromium, from file:// as WPS runs an offline add-in, against a stand-in
 * WPS (the fake ET model seeded from a fixture, as `window.Application`): the task pane scores,
 * marks, selects and clears; the ribbon page's callbacks open the pane and score. Every request
 * other than file:// is refused: the add-in needs no server and never asks for office.js.
 */
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { FakeWorkbook } from "../helpers/fakeExcel";
import { fixturePath, seedFromXlsx } from "../workbook/office/officeTestKit";
import { buildFakeExcelHost } from "./fakeExcelHost/buildFakeExcelHost";
import { seedOf } from "./fakeExcelHost/seed";
import { ROOT, describeInBrowser, launchChromium, screenshot } from "./harness";

const { version } = require("../../package.json") as { version: string };
const FOLDER = path.join(ROOT, "dist-wps", "selfeval_" + version);
const pageUrl = (file: string) => pathToFileURL(path.join(FOLDER, file)).href;

let browser: Browser;
let fakeWps: string;
let opened: { context: BrowserContext; errors: string[]; refused: string[] } | null = null;

async function openInWps(fixture: string, file: string): Promise<Page> {
  const book = new FakeWorkbook();
  await seedFromXlsx(book, fixturePath(fixture));
  const context = await browser.newContext({
    viewport: { width: 420, height: 900 },
    locale: "zh-CN",
  });
  const errors: string[] = [];
  const refused: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:") || url.startsWith("blob:"))
      return route.continue();
    refused.push(url);
    return route.abort("internetdisconnected");
  });
  await context.addInitScript(
    "window.__SELFEVAL_SEED__ = " + JSON.stringify(seedOf(book)) + ";\n" + fakeWps
  );
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  opened = { context, errors, refused };
  await page.goto(pageUrl(file));
  return page;
}

const fillOf = (page: Page, sheet: string, cell: string) =>
  page.evaluate(
    ([s, c]) =>
      (window as unknown as { __cellFill: (s: string, c: string) => string | null }).__cellFill(
        s,
        c
      ),
    [sheet, cell]
  );

const sheetNames = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { __fakeEt: { book: { sheets: Array<{ name: string }> } } }
    ).__fakeEt.book.sheets.map((sheet) => sheet.name)
  );

describeInBrowser("the WPS add-in in Chromium", () => {
  beforeAll(async () => {
    [browser, fakeWps] = await Promise.all([
      launchChromium(),
      buildFakeExcelHost(path.join(__dirname, "fakeExcelHost", "fakeEtHostEntry.ts")),
    ]);
  }, 120000);

  afterEach(async () => {
    if (opened) {
      const { context, errors, refused } = opened;
      await context.close();
      opened = null;
      expect(errors).toEqual([]);
      expect(refused).toEqual([]);
    }
  });

  afterAll(async () => {
    if (browser) await browser.close();
  });

  it("the pane scores the open workbook, marks G11, selects it and clears the marks", async () => {
    const page = await openInWps("department-education-2024", "taskpane.html");
    await page.getByText("WPS 表格的撤销", { exact: false }).waitFor();
    await page.getByRole("button", { name: "一键评分", exact: true }).click();
    await page.getByTestId("total").waitFor({ timeout: 20000 });
    expect((await page.getByTestId("total").innerText()).replace(/\s+/g, " ").trim()).toBe(
      "98.36 / 100"
    );
    expect((await page.getByTestId("rating").innerText()).trim()).toBe("优");
    await expect(sheetNames(page)).resolves.toEqual([
      "部门整体支出绩效自评表",
      "评分结果",
      "自评表说明",
    ]);
    await expect(fillOf(page, "部门整体支出绩效自评表", "G11")).resolves.toMatch(/FFEB9C/i);
    await screenshot(page, "wps-pane-scored");

    await page.getByText("部门整体支出绩效自评表!G11", { exact: false }).click();
    await expect(
      page.evaluate(
        () =>
          (window as unknown as { __fakeEt: { book: { selection: string } } }).__fakeEt.book
            .selection
      )
    ).resolves.toMatch(/G11$/);

    await page.getByRole("button", { name: "清除标记" }).click();
    await page.getByText("已清除", { exact: false }).first().waitFor();
    await expect(fillOf(page, "部门整体支出绩效自评表", "G11")).resolves.toBeNull();
    await screenshot(page, "wps-pane-cleared");
  });

  it("the ribbon page defines its callbacks; 打开助手 opens the pane and 一键评分 scores", async () => {
    const page = await openInWps("project-school-safety-2024", "index.html");
    const pane = await page.evaluate(() => {
      const scope = window as unknown as {
        OnAction: (control: { Id: string }) => boolean;
        __fakeEt: { taskPanes: Map<number, { url: string; Visible: boolean }> };
      };
      scope.OnAction({ Id: "selfevalOpenPane" });
      const created = scope.__fakeEt.taskPanes.get(1);
      return created ? { url: created.url, visible: created.Visible } : null;
    });
    expect(pane).toEqual({ url: pageUrl("taskpane.html"), visible: true });
    await page.evaluate(() =>
      (window as unknown as { OnAction: (c: { Id: string }) => boolean }).OnAction({
        Id: "selfevalScore",
      })
    );
    await page.waitForFunction(
      () => (window as unknown as { __fakeEt: { dialogs: unknown[] } }).__fakeEt.dialogs.length > 0,
      undefined,
      { timeout: 20000 }
    );
    await expect(sheetNames(page)).resolves.toEqual(["项目自评表", "评分结果", "自评表说明"]);
    const dialog = await page.evaluate(
      () =>
        (window as unknown as { __fakeEt: { dialogs: Array<{ url: string }> } }).__fakeEt.dialogs[0]
          .url
    );
    expect(dialog.indexOf(pageUrl("message.html") + "?")).toBe(0);
    // The dialog page itself, as WPS would show it.
    await page.goto(dialog);
    await page.getByText("评分完成").waitFor();
    await screenshot(page, "wps-ribbon-message");
  });
});
