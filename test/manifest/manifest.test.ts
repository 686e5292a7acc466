import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { SCORE_WORKBOOK_COMMAND } from "../../src/commands/commandNames";
import { NS, elements, manifestUrls, only, parseManifest, pngSize } from "./manifestFiles";

const root = path.join(__dirname, "..", "..");
const DEV_URL = "https://localhost:3000/";

/** The pages webpack.config.js writes (HtmlWebpackPlugin filenames), without building. */
function builtPages(): string[] {
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  const config = require("../../webpack.config.js")({}, { mode: "production" }) as {
    plugins: { constructor: { name: string }; userOptions?: { filename?: string } }[];
  };
  warn.mockRestore();
  return config.plugins
    .filter((plugin) => plugin.constructor.name === "HtmlWebpackPlugin")
    .map((plugin) => plugin.userOptions!.filename!);
}

const manifest = parseManifest(path.join(root, "manifest.xml"));
const app = manifest.documentElement!;

/** The file behind a source-manifest URL: a page the build writes, or a file in assets/. */
function fileBehind(url: string): string | null {
  if (!url.startsWith(DEV_URL)) return null;
  const relative = url.slice(DEV_URL.length);
  if (builtPages().includes(relative)) return relative;
  return relative.startsWith("assets/") && existsSync(path.join(root, relative)) ? relative : null;
}

/** The DefaultValue of the resource a resid names, and its en-US override. */
function resource(resid: string): { value: string; english: string | null } {
  const match = Array.from(manifest.getElementsByTagNameNS(NS.bt, "*")).filter(
    (element) => element.getAttribute("id") === resid && element.parentNode !== null
  );
  if (match.length !== 1) throw new Error("resid " + resid + " defined " + match.length + " times");
  const override = elements(match[0], NS.bt, "Override").find(
    (element) => element.getAttribute("Locale") === "en-US"
  );
  return {
    value: match[0].getAttribute("DefaultValue")!,
    english: override ? override.getAttribute("Value") : null,
  };
}

describe("manifest.xml", () => {
  it("is a task-pane add-in for Excel workbooks with its fixed Id and read/write access", () => {
    expect(app.namespaceURI).toBe(NS.app);
    expect(app.localName).toBe("OfficeApp");
    expect(app.getAttributeNS(NS.xsi, "type")).toBe("TaskPaneApp");
    expect(only(app, NS.app, "Id").textContent).toBe("4f0c7a3e-6b1d-4a57-9d2e-8c5b1f3a9e61");
    expect(elements(only(app, NS.app, "Hosts"), NS.app, "Host")[0].getAttribute("Name")).toBe(
      "Workbook"
    );
    expect(only(app, NS.app, "Permissions").textContent).toBe("ReadWriteDocument");
  });

  it("speaks Chinese by default with English overrides", () => {
    expect(only(app, NS.app, "DefaultLocale").textContent).toBe("zh-CN");
    for (const name of ["DisplayName", "Description"]) {
      const element = only(app, NS.app, name);
      expect(element.getAttribute("DefaultValue")).toMatch(/[\u4e00-\u9fff]/);
      const override = only(element, NS.app, "Override");
      expect(override.getAttribute("Locale")).toBe("en-US");
      expect(override.getAttribute("Value")).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it("asks for nothing above ExcelApi 1.1, so Excel 2016 can load it", () => {
    const sets = elements(manifest, NS.app, "Sets").concat(
      elements(manifest, NS.overrides, "Sets")
    );
    for (const set of sets) {
      expect(Number(set.getAttribute("DefaultMinVersion") ?? "1.1")).toBeLessThanOrEqual(1.1);
    }
    const required = elements(manifest, NS.app, "Set").concat(elements(manifest, NS.bt, "Set"));
    expect(required.map((set) => set.getAttribute("Name"))).toEqual(["ExcelApi"]);
    expect(required[0].getAttribute("MinVersion")).toBe("1.1");
  });

  it("opens taskpane.html from the dev server", () => {
    const source = only(only(app, NS.app, "DefaultSettings"), NS.app, "SourceLocation");
    expect(source.getAttribute("DefaultValue")).toBe(DEV_URL + "taskpane.html");
  });

  it("points every URL at a page the build writes or a file in assets/", () => {
    const urls = manifestUrls(manifest);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    expect(urls.filter((url) => fileBehind(url) === null)).toEqual([]);
    expect(new Set(urls.map(fileBehind))).toEqual(
      new Set([
        "taskpane.html",
        "commands.html",
        "assets/icon-16.png",
        "assets/icon-32.png",
        "assets/icon-64.png",
        "assets/icon-80.png",
        "assets/support.html",
      ])
    );
  });

  it("gives a support page that ships with the add-in, in Chinese", () => {
    const support = only(app, NS.app, "SupportUrl").getAttribute("DefaultValue")!;
    expect(support).toBe(DEV_URL + "assets/support.html");
    const page = readFileSync(path.join(root, fileBehind(support)!), "utf8");
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain("使用帮助");
    // Static: it loads nothing and runs nothing.
    expect(page).not.toMatch(/<script|<link|src=|https?:\/\//i);
  });

  it("gives icons of the sizes it declares: 32/64 px for the add-in, 16–80 px for the ribbon", () => {
    const sizeOf = (url: string) => pngSize(path.join(root, fileBehind(url)!));
    expect(sizeOf(only(app, NS.app, "IconUrl").getAttribute("DefaultValue")!)).toEqual({
      width: 32,
      height: 32,
    });
    expect(
      sizeOf(only(app, NS.app, "HighResolutionIconUrl").getAttribute("DefaultValue")!)
    ).toEqual({ width: 64, height: 64 });
    const images = elements(manifest, NS.bt, "Image").filter((image) => image.hasAttribute("size"));
    expect(new Set(images.map((image) => image.getAttribute("size")))).toEqual(
      new Set(["16", "32", "64", "80"])
    );
    for (const image of images) {
      const size = Number(image.getAttribute("size"));
      expect(sizeOf(resource(image.getAttribute("resid")!).value)).toEqual({
        width: size,
        height: size,
      });
    }
  });

  describe("ribbon (VersionOverrides)", () => {
    const overrides = only(app, NS.overrides, "VersionOverrides");
    const host = only(overrides, NS.overrides, "Host");
    const tab = only(host, NS.overrides, "OfficeTab");
    const group = only(tab, NS.overrides, "Group");
    const controls = elements(group, NS.overrides, "Control");
    const label = (element: (typeof controls)[0]) =>
      resource(
        elements(element, NS.overrides, "Label")
          .filter((l) => l.parentNode === element)[0]
          .getAttribute("resid")!
      );

    it("adds a 绩效自评 group to the Home tab of Excel desktop", () => {
      expect(overrides.getAttributeNS(NS.xsi, "type")).toBe("VersionOverridesV1_0");
      expect(host.getAttributeNS(NS.xsi, "type")).toBe("Workbook");
      expect(elements(host, NS.overrides, "DesktopFormFactor")).toHaveLength(1);
      expect(tab.getAttribute("id")).toBe("TabHome");
      expect(label(group)).toEqual({ value: "绩效自评", english: "Self-Evaluation" });
    });

    it("has 打开助手, showing taskpane.html", () => {
      expect(controls.map((control) => control.getAttributeNS(NS.xsi, "type"))).toEqual([
        "Button",
        "Button",
      ]);
      expect(label(controls[0]).value).toBe("打开助手");
      const action = only(controls[0], NS.overrides, "Action");
      expect(action.getAttributeNS(NS.xsi, "type")).toBe("ShowTaskpane");
      const source = only(action, NS.overrides, "SourceLocation").getAttribute("resid")!;
      expect(resource(source).value).toBe(DEV_URL + "taskpane.html");
    });

    it("has 一键评分, running the function commands.html registers", () => {
      expect(label(controls[1]).value).toBe("一键评分");
      const action = only(controls[1], NS.overrides, "Action");
      expect(action.getAttributeNS(NS.xsi, "type")).toBe("ExecuteFunction");
      expect(only(action, NS.overrides, "FunctionName").textContent).toBe(SCORE_WORKBOOK_COMMAND);
      const functionFile = only(host, NS.overrides, "FunctionFile").getAttribute("resid")!;
      expect(resource(functionFile).value).toBe(DEV_URL + "commands.html");
    });

    it("defines every resid it uses once, within 32 characters, with an English override for text", () => {
      const used = Array.from(overrides.getElementsByTagName("*"))
        .map((element) => element.getAttribute("resid"))
        .filter((resid): resid is string => Boolean(resid));
      for (const resid of used) {
        expect(resid.length).toBeLessThanOrEqual(32);
        expect(() => resource(resid)).not.toThrow();
      }
      for (const text of elements(overrides, NS.bt, "String")) {
        expect(resource(text.getAttribute("id")!).english).toMatch(/^[\x20-\x7e]+$/);
      }
    });
  });
});
