/**
 * The page opened outside Excel must come up in browser mode, never blank: whether office.js
 * cannot be fetched at all (offline, blocked CDN) or loads and reports no host (a browser tab).
 */
import type { Browser } from "playwright-core";
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
let pane: PanePage | null = null;

describeInBrowser("the task pane outside Excel", () => {
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveDist()]);
  });

  afterEach(async () => {
    if (pane) {
      const { errors } = pane;
      await pane.context.close();
      pane = null;
      expect(errors).toEqual([]);
    }
  });

  afterAll(async () => {
    await Promise.all([browser && browser.close(), server && server.close()]);
  });

  it("shows browser mode when office.js cannot be fetched from Microsoft's CDN", async () => {
    pane = await openPane(browser, server, { officeJs: "abort" });
    const { page } = pane;
    await page.getByRole("button", { name: "打开本地工作簿" }).waitFor();
    await expect(page.evaluate(() => typeof (window as { Office?: unknown }).Office)).resolves.toBe(
      "undefined"
    );
    await expect(page.getByText("在浏览器中评分：", { exact: false }).isVisible()).resolves.toBe(
      true
    );
    await expect(page.getByTestId("file-input").getAttribute("accept")).resolves.toBe(".xlsx");
    await screenshot(page, "office-js-unreachable");
  });

  it("shows browser mode when office.js reports no host", async () => {
    pane = await openPane(browser, server, { officeJs: "no-host" });
    const { page } = pane;
    await page.getByRole("button", { name: "打开本地工作簿" }).waitFor();
    await expect(page.evaluate(() => typeof (window as { Office?: unknown }).Office)).resolves.toBe(
      "object"
    );
    await expect(page.getByText("用示例工作簿试用").isVisible()).resolves.toBe(true);
  });
});
