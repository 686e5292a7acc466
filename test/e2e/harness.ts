/**
 * What the browser tests share: Chromium through playwright-core, dist/ served on a free port,
 * office.js replaced (Microsoft's CDN is never reached), downloads and screenshots.
 */
import { mkdirSync, readFileSync } from "fs";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

// Plain-JS modules shared with the global setup and `npm run serve`.
const { createServer } = require("../../scripts/serve-dist.js");
const { chromiumPath } = require("./browserPath");

export const ROOT = path.join(__dirname, "..", "..");
export const FIXTURES = path.join(ROOT, "test", "fixtures");
/** Screenshots, for people to look at (kept out of git). */
export const ARTIFACTS = path.join(ROOT, "test-results", "e2e");

const OFFICE_JS = "https://appsforoffice.microsoft.com/**";

/** Set by the global setup when no browser is installed and CI is not set. */
const skipReason = process.env.SELFEVAL_E2E_SKIP;
export const describeInBrowser: jest.Describe = skipReason ? describe.skip : describe;
if (skipReason) console.warn("Browser tests skipped: " + skipReason);

export interface DistServer {
  readonly url: string;
  close(): Promise<void>;
}

/** dist/ over http on 127.0.0.1 and a free port, as `npm run serve` serves it. */
export function serveDist(): Promise<DistServer> {
  const server = createServer(path.join(ROOT, "dist"));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: "http://127.0.0.1:" + port + "/",
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/**
 * How office.js "loads": "abort" — the CDN unreachable, the script fails (Office undefined);
 * "no-host" — a stand-in that resolves Office.onReady with a null host, as the real office.js
 * does in a plain browser tab.
 */
export type OfficeJs =
  | "abort"
  | "no-host"
  /** A script served in office.js's place, and one run before the page's own scripts. */
  | { readonly body: string; readonly beforePage?: string };

const OFFICE_JS_WITHOUT_HOST = `
window.Office = {
  HostType: { Excel: "Excel", Word: "Word" },
  onReady: function (callback) {
    var info = { host: null, platform: null };
    return new Promise(function (resolve) {
      setTimeout(function () { if (callback) callback(info); resolve(info); }, 50);
    });
  }
};`;

export interface PanePage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught exceptions and console errors the page produced. */
  readonly errors: string[];
  /** Requests that left the local server (only office.js may try). */
  readonly externalRequests: string[];
}

export async function openPane(
  browser: Browser,
  server: DistServer,
  options: { officeJs?: OfficeJs; width?: number; height?: number } = {}
): Promise<PanePage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    locale: "zh-CN",
    acceptDownloads: true,
  });
  const errors: string[] = [];
  const externalRequests: string[] = [];
  const officeJs = options.officeJs ?? "no-host";
  if (typeof officeJs === "object" && officeJs.beforePage)
    await context.addInitScript(officeJs.beforePage);
  await context.route(OFFICE_JS, (route) =>
    officeJs === "abort"
      ? route.abort("internetdisconnected")
      : route.fulfill({
          contentType: "text/javascript",
          body: typeof officeJs === "object" ? officeJs.body : OFFICE_JS_WITHOUT_HOST,
        })
  );
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    // The aborted office.js is reported as a failed resource; that is the case under test.
    if (message.type() === "error" && !/ERR_INTERNET_DISCONNECTED/.test(message.text()))
      errors.push(message.text());
  });
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(server.url) && !/^(blob|data):/.test(url)) externalRequests.push(url);
  });
  await page.goto(server.url + "taskpane.html");
  return { context, page, errors, externalRequests };
}

/** Clicks and returns the file the page offers for download. */
export async function downloadFrom(
  page: Page,
  click: () => Promise<void>
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

/** The whole page, or only what the window shows (`fullPage: false`, for very long pages). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name + ".png");
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Milliseconds since `started`, for the timings the run prints. */
export function since(started: number): string {
  return ((Date.now() - started) / 1000).toFixed(2) + " s";
}
