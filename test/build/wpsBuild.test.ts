/**
 * `npm run build:wps`: the WPS 表格 add-in as WPS loads it, checked without a WPS — the folder
 * named <name>_<version>, ribbon.xml's callbacks all defined by main.js (run in a realm with a
 * stand-in window), code at ES2017 at most, no office.js anywhere, and the two deployment lists
 * naming the add-in as type="et".
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync, readdirSync } from "fs";
import * as path from "path";
import * as vm from "vm";
import { DOMParser } from "@xmldom/xmldom";

const root = path.join(__dirname, "..", "..");
const out = path.join(root, "dist-wps");
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  version: string;
};
const folderName = "selfeval_" + version;
const folder = path.join(out, folderName);
const BASE = "http://10.1.2.3/wps/selfeval/";

beforeAll(() => {
  execFileSync("node", ["scripts/build-wps.js"], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, WPS_ADDIN_BASE_URL: BASE },
  });
}, 480000);

function xml(file: string): Document {
  return new DOMParser().parseFromString(
    readFileSync(file, "utf8"),
    "text/xml"
  ) as unknown as Document;
}

describe("the WPS add-in build", () => {
  it("lays out the add-in folder WPS expects", () => {
    for (const file of [
      "ribbon.xml",
      "index.html",
      "main.js",
      "manifest.xml",
      "taskpane.html",
      "message.html",
    ])
      expect(existsSync(path.join(folder, file))).toBe(true);
    expect(readFileSync(path.join(folder, "index.html"), "utf8")).toMatch(
      /<script src="?main\.js"?><\/script>/
    );
    const manifest = xml(path.join(folder, "manifest.xml"));
    expect(manifest.documentElement.nodeName).toBe("JsPlugin");
    expect(manifest.getElementsByTagName("Version")[0].textContent).toBe(version);
  });

  it("has a ribbon.xml that starts with <customUI and a 绩效自评 group of 打开助手 / 一键评分 / 清除标记", () => {
    const text = readFileSync(path.join(folder, "ribbon.xml"), "utf8");
    // The publish page's check refuses an XML declaration before it.
    expect(text.indexOf("<customUI")).toBe(0);
    const ribbon = xml(path.join(folder, "ribbon.xml"));
    const group = Array.from(ribbon.getElementsByTagName("group")).find(
      (g) => g.getAttribute("label") === "绩效自评"
    );
    expect(group).toBeDefined();
    expect(
      Array.from(group!.getElementsByTagName("button")).map((b) => b.getAttribute("label"))
    ).toEqual(["打开助手", "一键评分", "清除标记"]);
  });

  it("defines every callback ribbon.xml names, as a function of the entry page", () => {
    const ribbon = xml(path.join(folder, "ribbon.xml"));
    const named = new Set<string>();
    const visit = (element: Element) => {
      for (const attribute of Array.from(element.attributes))
        if (/^(on[A-Z]|get[A-Z])/.test(attribute.name)) named.add(attribute.value);
      for (const child of Array.from(element.childNodes))
        if (child.nodeType === 1) visit(child as Element);
    };
    visit(ribbon.documentElement);
    expect(Array.from(named).sort()).toEqual(["GetImage", "OnAction", "OnAddinLoad"]);
    const window: Record<string, unknown> = {
      location: { href: "file:///jsaddons/" + folderName + "/index.html" },
    };
    window.window = window;
    window.self = window;
    const context = vm.createContext({ ...window, window, console });
    vm.runInContext(readFileSync(path.join(folder, "main.js"), "utf8"), context);
    for (const name of Array.from(named).concat("OnAddInLoad"))
      expect(
        typeof (context as Record<string, unknown>)[name] === "function" ||
          typeof window[name] === "function"
      ).toBe(true);
    const image = (window.GetImage ??
      (context as Record<string, unknown>).GetImage) as () => string;
    expect(existsSync(path.join(folder, image()))).toBe(true);
  });

  it("never loads office.js, and every page's scripts are in the folder", () => {
    for (const file of readdirSync(folder)) {
      if (!/\.(html|js)$/.test(file)) continue;
      const text = readFileSync(path.join(folder, file), "utf8");
      expect(text).not.toMatch(/appsforoffice|office\.js/i);
      if (file.endsWith(".html"))
        for (const match of Array.from(text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)))
          expect(existsSync(path.join(folder, match[1]))).toBe(true);
    }
  });

  it("is ES2017 at most (es-check, with polyfilled features allowed)", () => {
    const output = execFileSync("npm", ["run", "--silent", "check:es2017:wps"], {
      cwd: root,
      encoding: "utf8",
      stdio: "pipe",
    });
    expect(output).toMatch(/ES8 compatible/);
  });

  it('writes publish.xml for a jsaddons folder and jsplugins.xml for a server, both type="et"', () => {
    const publish = xml(path.join(out, "publish.xml")).getElementsByTagName("jsplugin")[0];
    expect(publish.getAttribute("name")).toBe("selfeval");
    expect(publish.getAttribute("type")).toBe("et");
    expect(publish.getAttribute("url")).toBe(folderName);
    expect(publish.getAttribute("version")).toBe(version);
    expect(publish.getAttribute("enable")).toBe("enable_dev");
    const server = xml(path.join(out, "jsplugins.xml")).getElementsByTagName("jsplugin")[0];
    expect(server.getAttribute("type")).toBe("et");
    expect(server.getAttribute("name")).toBe("selfeval");
    expect(server.getAttribute("version")).toBe(version);
    expect(server.getAttribute("url")).toBe(BASE + folderName + ".7z");
    // The publish page and WPS check that an offline package is a 7z archive.
    const archive = readFileSync(path.join(out, folderName + ".7z"));
    expect(archive.subarray(0, 2).toString("latin1")).toBe("7z");
    const listing = execFileSync(
      require("7zip-bin").path7za,
      ["l", path.join(out, folderName + ".7z")],
      { encoding: "utf8" }
    );
    expect(listing).toContain(folderName + "/ribbon.xml".replace("/", path.sep));
    expect(listing).toContain(path.join(folderName, "main.js"));
  });
});
