/**
 * Hosts use the engine through its entry points: src/engine/index.ts, and catalog.ts / checks.ts
 * for what must load without the rest. Every folder of src/ but the engine is a host. ESLint's
 * no-restricted-imports enforces it for static imports (eslint.config.js); this test sees
 * import() and require too, and lints a deep import in every host folder to show that the rule
 * holds there (a later ESLint block for some files must not drop it).
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { ESLint } from "eslint";

const root = path.join(__dirname, "..", "..");
const source = path.join(root, "src");
const engine = path.join(source, "engine");
const ENTRY_POINTS = ["index", "catalog", "checks"].map((name) => path.join(engine, name));
/** Every folder of src/ but the engine. */
const HOSTS = readdirSync(source).filter(
  (name) => name !== "engine" && statSync(path.join(source, name)).isDirectory()
);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

/** The relative module paths a text imports, requires or import()s (webpack's comments allowed). */
function importsOf(text: string): string[] {
  const pattern =
    /\bfrom\s+["'](\.[^"']*)["']|\brequire\(\s*["'](\.[^"']*)["']\s*\)|\bimport\(\s*(?:\/\*[^*]*\*\/\s*)*["'](\.[^"']*)["']\s*\)/g;
  return Array.from(text.matchAll(pattern), (match) => match[1] ?? match[2] ?? match[3]);
}

/** The engine modules a file at `file` reaches past the entries, from its imports. */
function deepTargets(file: string, text: string): string[] {
  return importsOf(text)
    .map((specifier) => path.resolve(path.dirname(file), specifier))
    .filter(
      (target) =>
        target.startsWith(engine + path.sep) &&
        !ENTRY_POINTS.includes(target.replace(/\.tsx?$/, ""))
    )
    .map((target) => path.relative(root, target));
}

/** "src/cli/x.ts → src/engine/score/round" for every engine module a host reaches past the entries. */
function deepImports(host: string): string[] {
  return sourceFiles(path.join(source, host)).flatMap((file) =>
    deepTargets(file, readFileSync(file, "utf8")).map(
      (target) => path.relative(root, file) + " → " + target
    )
  );
}

describe("the engine's entry points", () => {
  it("are the hosts: every folder of src/ but the engine", () => {
    expect(HOSTS).toEqual(
      expect.arrayContaining(["cli", "commands", "docx", "offline", "taskpane", "workbook", "wps"])
    );
  });

  it.each(HOSTS)("are the only way src/%s reaches the engine", (host) => {
    expect(deepImports(host)).toEqual([]);
  });

  it("are told from a deep import however it is written", () => {
    const file = path.join(source, "taskpane", "browser", "probe.ts");
    const text = [
      'import { a } from "../../engine";',
      'import { b } from "../../engine/catalog";',
      "import {",
      "  c,",
      '} from "../../engine/output/sheetLayout";',
      'const d = () => import(/* webpackChunkName: "d" */ "../../engine/rules/ruleSetSchema");',
      'const e = () => import(/* webpackChunkName: "e" */ "../../engine/checks");',
      'const f = require("../../engine/score/round");',
    ].join("\n");
    expect(deepTargets(file, text)).toEqual([
      "src/engine/output/sheetLayout",
      "src/engine/rules/ruleSetSchema",
      "src/engine/score/round",
    ]);
  });

  describe("as ESLint enforces them", () => {
    // The config is given as loaded: ESLint's own loader needs import(), which jest's VM lacks.
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: require("../../eslint.config.js"),
    });
    const messagesFor = async (file: string, specifier: string) => {
      const [result] = await eslint.lintText(
        "import { formatScore } from " + JSON.stringify(specifier) + ";\nformatScore(1);\n",
        { filePath: path.join(root, file) }
      );
      return result.messages.filter((message) => message.ruleId === "no-restricted-imports");
    };
    // One probe per host folder, and the files later ESLint blocks name on their own.
    const probes = HOSTS.map((host) => "src/" + host + "/probe.ts").concat([
      "src/taskpane/components/probe.tsx",
      "src/taskpane/browser/browserFiles.ts",
      "src/taskpane/browser/zipFiles.ts",
    ]);
    const depth = (file: string) => "../".repeat(file.split("/").length - 2);

    it.each(probes)(
      "refuse a deep import in %s",
      async (file) => {
        const messages = await messagesFor(file, depth(file) + "engine/score/round");
        expect(messages.map((message) => message.message)).toEqual([
          expect.stringContaining("Import the engine from its entry point"),
        ]);
      },
      30000
    );

    it.each(probes)(
      "let %s import the index",
      async (file) => {
        expect(await messagesFor(file, depth(file) + "engine")).toEqual([]);
        expect(await messagesFor(file, depth(file) + "engine/index")).toEqual([]);
      },
      30000
    );

    it("leave the engine's own modules free to import each other", async () => {
      expect(await messagesFor("src/engine/output/probe.ts", "../score/round")).toEqual([]);
    }, 30000);
  });

  it("re-export the catalog from the index, so a host needs one import for everything", () => {
    const index = require("../../src/engine/index") as Record<string, unknown>;
    const catalog = require("../../src/engine/catalog") as Record<string, unknown>;
    for (const name of Object.keys(catalog)) expect(index[name]).toBe(catalog[name]);
  });
});
