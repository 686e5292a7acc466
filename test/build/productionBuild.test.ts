import { execFileSync, spawn, type ChildProcess } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { gzipSync } from "zlib";
import { DEPARTMENT_HEADER } from "../helpers/templateHeaders";
import { manifestUrls, parseManifest } from "../manifest/manifestFiles";

const root = path.join(__dirname, "..", "..");
const dist = path.join(root, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const BASE_URL = "https://selfeval.example.gov.cn/addin/";
// What the task pane may weigh on first load in Office's webview (gzipped, office.js aside).
const FIRST_LOAD_LIMIT = 350 * 1024;
// What browser mode may fetch beyond the pane before it shows the first score (gzipped): the
// chunks of the "browser-files" group that the pane has not loaded already.
const BROWSER_FIRST_SCORE_LIMIT = 120 * 1024;

interface StatsModule {
  name: string;
  /** The parts of a concatenated module. */
  modules?: StatsModule[];
}

interface Stats {
  entrypoints: Record<string, { chunks: (string | number)[] }>;
  namedChunkGroups: Record<string, { chunks: (string | number)[] }>;
  chunks: {
    id: string | number;
    names?: string[];
    files?: string[];
    initial?: boolean;
    modules?: StatsModule[];
  }[];
}

/** Every module a chunk holds, concatenated ones by their parts. */
function moduleNames(chunk: Stats["chunks"][number]): string[] {
  const names: string[] = [];
  const visit = (module: StatsModule) => {
    names.push(module.name);
    (module.modules ?? []).forEach(visit);
  };
  (chunk.modules ?? []).forEach(visit);
  return names;
}

const HEAVY_LIBRARY = /node_modules[\\/](exceljs|docx|jszip|fflate)[\\/]/;

let stats: Stats;

/** The scripts a built page loads, in order, as their src attributes. */
function scriptsOf(page: string): string[] {
  const html = readFileSync(path.join(dist, page), "utf8");
  return Array.from(html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g), (match) => match[1]);
}

const localScripts = (page: string) => scriptsOf(page).filter((src) => !/^https?:/.test(src));
const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kib = (bytes: number) => (bytes / 1024).toFixed(1) + " KiB";

/** A realm without the built-ins Internet Explorer 11 lacks. */
function ie11Realm(globals: Record<string, unknown> = {}): vm.Context {
  const context = vm.createContext({ ...globals });
  vm.runInContext(
    [
      "delete this.Promise; delete this.Symbol; delete this.Reflect; delete this.Proxy; delete this.WeakRef;",
      "delete Array.prototype.includes; delete Array.prototype.flat; delete Array.prototype.flatMap;",
      "delete Array.prototype.find; delete Array.prototype.findIndex; delete Array.from; delete Array.of;",
      "delete Object.entries; delete Object.values; delete Object.assign; delete Object.fromEntries;",
      "delete String.prototype.padStart; delete String.prototype.padEnd; delete String.prototype.includes;",
      "delete String.prototype.startsWith; delete String.prototype.endsWith; delete String.prototype.repeat;",
      "delete String.prototype.normalize; delete Number.isFinite; delete Number.isInteger; delete Math.trunc; delete Math.imul;",
    ].join("\n"),
    context
  );
  return context;
}

function get(url: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        const parts: Buffer[] = [];
        response.on("data", (part: Buffer) => parts.push(part));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            type: String(response.headers["content-type"]),
            body: Buffer.concat(parts),
          })
        );
      })
      .on("error", reject);
  });
}

// Office 2016/2019 volume editions run add-ins in Internet Explorer 11: everything the pages load
// must be ES5 with polyfills. One production build serves every test here (jest runs test files
// in parallel, and two builds into dist/ at once would trip over each other).
beforeAll(() => {
  const statsDirectory = mkdtempSync(path.join(os.tmpdir(), "selfeval-stats-"));
  try {
    execFileSync(
      "npx",
      ["webpack", "--mode", "production", "--json", path.join(statsDirectory, "stats.json")],
      { cwd: root, stdio: "pipe", env: { ...process.env, ADDIN_BASE_URL: BASE_URL } }
    );
    stats = JSON.parse(readFileSync(path.join(statsDirectory, "stats.json"), "utf8")) as Stats;
  } finally {
    rmSync(statsDirectory, { recursive: true, force: true });
  }
}, 480000);

describe("the production build", () => {
  it("passes es-check es5 with feature checks on every script in dist/", () => {
    const output = execFileSync("npm", ["run", "--silent", "check:es5"], {
      cwd: root,
      encoding: "utf8",
      stdio: "pipe",
    });
    expect(output).toMatch(/ES5 compatible/);
  });

  it.each(["taskpane.html", "commands.html", "message.html"])(
    "%s loads office.js from Microsoft's CDN before its own scripts, all of them in dist/",
    (page) => {
      const scripts = scriptsOf(page);
      expect(scripts[0]).toBe(OFFICE_JS);
      expect(scripts.length).toBeGreaterThan(1);
      for (const src of scripts.slice(1)) {
        expect(src).toMatch(/^[\w.-]+\.js$/);
        expect(existsSync(path.join(dist, src))).toBe(true);
      }
    }
  );

  it("keeps the pane's first load within 350 KiB gzipped, without ExcelJS, fflate or docx", () => {
    const files = ["taskpane.html", ...localScripts("taskpane.html")];
    const sizes = files.map((file) => ({
      file,
      raw: readFileSync(path.join(dist, file)).length,
      gzip: gzipped(path.join(dist, file)),
    }));
    const total = sizes.reduce((sum, size) => sum + size.gzip, 0);
    const rawTotal = sizes.reduce((sum, size) => sum + size.raw, 0);
    console.log(
      "Task pane first load (office.js aside):\n" +
        sizes
          .map((s) => "  " + s.file + "  " + kib(s.raw) + " raw, " + kib(s.gzip) + " gzip")
          .join("\n") +
        "\n  total  " +
        kib(rawTotal) +
        " raw, " +
        kib(total) +
        " gzip"
    );
    expect(total).toBeLessThanOrEqual(FIRST_LOAD_LIMIT);

    const initial = new Set(stats.entrypoints.taskpane.chunks.map(String));
    const modules = stats.chunks
      .filter((chunk) => initial.has(String(chunk.id)))
      .flatMap(moduleNames);
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((name) => HEAVY_LIBRARY.test(name))).toEqual([]);
    // The xlsx adapter and the docx renderer (the Office port shares only formatCellText.ts).
    const adapters =
      /src[\\/](workbook[\\/]xlsx[\\/](xlsxFilePort|readXlsxGrid|writeScoredCopy)|docx[\\/])/;
    expect(modules.filter((name) => adapters.test(name))).toEqual([]);
    // zod (a bureau's rule set file is checked only when browser mode imports one).
    expect(modules.filter((name) => /node_modules[\\/]zod[\\/]|ruleSetSchema/.test(name))).toEqual(
      []
    );
  });

  it("puts the rule set schema and zod in chunks browser mode loads only when a rule set file is imported", () => {
    const paneChunks = new Set(stats.entrypoints.taskpane.chunks.map(String));
    const schema = stats.chunks.filter((chunk) => (chunk.names ?? []).includes("rule-set-schema"));
    expect(schema).toHaveLength(1);
    expect(paneChunks.has(String(schema[0].id))).toBe(false);
    expect(moduleNames(schema[0]).some((name) => /ruleSetSchema/.test(name))).toBe(true);
    // zod may sit in a chunk of its own beside it (webpack splits large libraries out).
    const withZod = stats.chunks.filter((chunk) =>
      moduleNames(chunk).some((name) => /node_modules[\\/]zod[\\/]/.test(name))
    );
    expect(withZod.length).toBeGreaterThan(0);
    expect(withZod.filter((chunk) => paneChunks.has(String(chunk.id)))).toEqual([]);
  });

  it("has no ExcelJS or JSZip at all, and docx and fflate only in chunks browser mode loads when it needs them", () => {
    const initial = new Set(
      Object.keys(stats.entrypoints).flatMap((name) => stats.entrypoints[name].chunks.map(String))
    );
    const lazy = stats.chunks.filter((chunk) => !initial.has(String(chunk.id)));
    const holding = (library: string) =>
      stats.chunks.filter((chunk) =>
        moduleNames(chunk).some((name) => name.includes("node_modules/" + library + "/"))
      );
    expect(holding("exceljs").map((chunk) => chunk.id)).toEqual([]);
    expect(holding("jszip").map((chunk) => chunk.id)).toEqual([]);
    for (const library of ["docx", "fflate"]) {
      expect(holding(library).length).toBeGreaterThan(0);
      expect(holding(library).filter((chunk) => initial.has(String(chunk.id)))).toEqual([]);
    }
    expect(lazy.some((chunk) => (chunk.names ?? []).includes("browser-files"))).toBe(true);
    expect(lazy.some((chunk) => (chunk.names ?? []).includes("narrative-docx"))).toBe(true);
    const files = lazy.flatMap((chunk) => chunk.files ?? []).filter((file) => file.endsWith(".js"));
    console.log(
      "Browser mode's lazy chunks:\n" +
        files
          .map((file) => {
            const raw = readFileSync(path.join(dist, file)).length;
            return (
              "  " +
              file +
              "  " +
              kib(raw) +
              " raw, " +
              kib(gzipped(path.join(dist, file))) +
              " gzip"
            );
          })
          .join("\n")
    );
  });

  it("fetches at most 120 KiB gzipped beyond the pane before browser mode's first score, without docx", () => {
    const paneChunks = new Set(stats.entrypoints.taskpane.chunks.map(String));
    const group = new Set(stats.namedChunkGroups["browser-files"].chunks.map(String));
    const fetched = stats.chunks.filter(
      (chunk) => group.has(String(chunk.id)) && !paneChunks.has(String(chunk.id))
    );
    expect(fetched.length).toBeGreaterThan(0);
    expect(
      fetched.flatMap(moduleNames).filter((name) => /node_modules[\\/]docx[\\/]/.test(name))
    ).toEqual([]);
    // The reader and the writer are both in it: the first score writes the copy to download.
    const names = fetched.flatMap(moduleNames);
    expect(names.some((name) => /src[\\/]workbook[\\/]xlsx[\\/]readXlsxGrid/.test(name))).toBe(
      true
    );
    expect(names.some((name) => /src[\\/]workbook[\\/]xlsx[\\/]writeScoredCopy/.test(name))).toBe(
      true
    );
    const files = fetched
      .flatMap((chunk) => chunk.files ?? [])
      .filter((file) => file.endsWith(".js"));
    const sizes = files.map((file) => ({
      file,
      raw: readFileSync(path.join(dist, file)).length,
      gzip: gzipped(path.join(dist, file)),
    }));
    const total = sizes.reduce((sum, size) => sum + size.gzip, 0);
    console.log(
      "Browser mode, fetched before the first score (beyond the pane):\n" +
        sizes
          .map((s) => "  " + s.file + "  " + kib(s.raw) + " raw, " + kib(s.gzip) + " gzip")
          .join("\n") +
        "\n  total  " +
        kib(sizes.reduce((sum, size) => sum + size.raw, 0)) +
        " raw, " +
        kib(total) +
        " gzip (limit " +
        kib(BROWSER_FIRST_SCORE_LIMIT) +
        ")"
    );
    expect(total).toBeLessThanOrEqual(BROWSER_FIRST_SCORE_LIMIT);
  });

  it("writes dist/manifest.xml for ADDIN_BASE_URL, every URL naming a file in dist/", () => {
    const urls = manifestUrls(parseManifest(path.join(dist, "manifest.xml")));
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) {
      expect(url.startsWith(BASE_URL)).toBe(true);
      expect(existsSync(path.join(dist, url.slice(BASE_URL.length)))).toBe(true);
    }
    expect(readFileSync(path.join(dist, "manifest.xml"), "utf8")).not.toContain("localhost");
  });

  it("registers scoreWorkbook from commands.html, completing the event even without Excel", async () => {
    const completed = jest.fn();
    const associate = jest.fn();
    const logged: unknown[][] = [];
    const log = (...args: unknown[]) => logged.push(args);
    const context = ie11Realm({
      setTimeout,
      console: { log, warn: log, error: log },
      location: { href: "https://localhost:3000/commands.html", search: "" },
      // office.js as an old Office gives it: ready at once, no Excel namespace, no Dialog API.
      Office: {
        actions: { associate },
        onReady: () => ({ then: (resolve: () => unknown) => Promise.resolve(resolve()) }),
        context: { requirements: { isSetSupported: () => false } },
      },
    });
    vm.runInContext("var window = this, self = this;", context);
    for (const src of localScripts("commands.html")) {
      vm.runInContext(readFileSync(path.join(dist, src), "utf8"), context, { filename: src });
    }
    expect(typeof context.scoreWorkbook).toBe("function");
    expect(associate).toHaveBeenCalledWith("scoreWorkbook", context.scoreWorkbook);

    context.scoreWorkbook({ completed });
    for (let wait = 0; wait < 100 && completed.mock.calls.length === 0; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(completed).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(logged)).toContain("评分失败");
  });

  it("builds the engine library, which scores a table where the newer built-ins are missing", () => {
    const context = ie11Realm();
    vm.runInContext(readFileSync(path.join(dist, "selfeval-engine.js"), "utf8"), context);
    context.input = JSON.stringify([
      DEPARTMENT_HEADER,
      ["履职效能", "服务", "门诊人次", 50, "≥10000人次", "9000人次", null, null],
      ["管理效能", "预算", "预算执行率", 50, "≥９５％", "96%", 50, null],
    ]);
    const output = vm.runInContext(
      `var rows = JSON.parse(input), cells = [];
       rows.forEach(function (r, i) { r.forEach(function (v, j) { cells.push({ row: i + 1, column: j + 1, value: v }); }); });
       var result = SelfEvalEngine.scoreWorkbook({ sheets: [SelfEvalEngine.createSheetGrid({ name: "表", cells: cells })] });
       var plan = SelfEvalEngine.buildWritePlan(result, { sheets: [] });
       JSON.stringify({ total: result.report.total, rating: result.report.rating,
         problems: result.report.problems.map(function (p) { return p.code + "@" + p.cell; }), sheets: plan.sheets.length });`,
      context
    );
    // 50 × 9000/10000 = 45, plus 50
    expect(JSON.parse(output)).toEqual({
      total: { score: 95, max: 100, complete: true },
      rating: "优",
      problems: ["reason-missing@H2"],
      sheets: 2,
    });
  });
});

describe("npm run serve", () => {
  let server: ChildProcess;
  let address: string;

  beforeAll(async () => {
    server = spawn(process.execPath, [path.join(root, "scripts", "serve-dist.js")], {
      cwd: root,
      env: { ...process.env, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    address = await new Promise<string>((resolve, reject) => {
      let printed = "";
      server.stdout!.on("data", (part: Buffer) => {
        printed += part.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(printed);
        if (match) resolve(match[0]);
      });
      server.on("exit", (code) => reject(new Error("serve exited with " + code)));
    });
  });

  afterAll(() => {
    server.kill();
  });

  it("serves the pages, their scripts and the assets with their types", async () => {
    const page = await get(address + "taskpane.html");
    expect(page.status).toBe(200);
    expect(page.type).toBe("text/html; charset=utf-8");
    const script = await get(address + localScripts("taskpane.html")[0]);
    expect(script.status).toBe(200);
    expect(script.type).toBe("text/javascript; charset=utf-8");
    const icon = await get(address + "assets/icon-32.png");
    expect(icon.type).toBe("image/png");
    expect((await get(address)).body.equals(page.body)).toBe(true);
  });

  it("serves nothing outside dist/", async () => {
    expect((await get(address + "../package.json")).status).toBe(404);
    expect((await get(address + "%2e%2e/package.json")).status).toBe(404);
    expect((await get(address + "nothing-here.js")).status).toBe(404);
  });
});
