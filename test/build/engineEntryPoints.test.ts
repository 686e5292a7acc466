/**
 * Hosts use the engine through its entry points: src/engine/index.ts, and catalog.ts / checks.ts
 * for what must load without the rest. ESLint's no-restricted-imports enforces it for static
 * imports in the host folders eslint.config.js lists; this test sees import() and require too,
 * and checks that the ESLint rule covers the same folders.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const engine = path.join(root, "src", "engine");
const ENTRY_POINTS = ["index", "catalog", "checks"].map((name) => path.join(engine, name));
/** The hosts switched to the entry points; the others follow (see eslint.config.js). */
const SWITCHED_HOSTS = ["cli", "docx", "corpus"];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

/** The relative module paths a file imports, requires or import()s. */
function importsOf(text: string): string[] {
  const pattern =
    /\bfrom\s+["'](\.[^"']*)["']|\brequire\(\s*["'](\.[^"']*)["']\s*\)|\bimport\(\s*["'](\.[^"']*)["']\s*\)/g;
  return Array.from(text.matchAll(pattern), (match) => match[1] ?? match[2] ?? match[3]);
}

/** "src/cli/x.ts → src/engine/score/round" for every engine module a host reaches past the entries. */
function deepImports(host: string): string[] {
  return sourceFiles(path.join(root, "src", host)).flatMap((file) =>
    importsOf(readFileSync(file, "utf8"))
      .map((specifier) => path.resolve(path.dirname(file), specifier))
      .filter(
        (target) =>
          target.startsWith(engine + path.sep) &&
          !ENTRY_POINTS.includes(target.replace(/\.tsx?$/, ""))
      )
      .map((target) => path.relative(root, file) + " → " + path.relative(root, target))
  );
}

describe("the engine's entry points", () => {
  it.each(SWITCHED_HOSTS)("are the only way src/%s reaches the engine", (host) => {
    expect(deepImports(host)).toEqual([]);
  });

  it("are enforced by ESLint in the same host folders", () => {
    const config = require("../../eslint.config.js") as Array<{
      files?: string[];
      rules?: Record<string, unknown>;
    }>;
    const block = config.find(
      (entry) =>
        entry.rules !== undefined &&
        JSON.stringify(entry.rules["no-restricted-imports"] ?? "").indexOf("engine/") >= 0
    );
    expect(block && block.files).toEqual(SWITCHED_HOSTS.map((host) => "src/" + host + "/**"));
  });

  it("see a deep import where there is one", () => {
    expect(deepImports("workbook").length).toBeGreaterThan(0);
  });

  it("re-export the catalog from the index, so a host needs one import for everything", () => {
    const index = require("../../src/engine/index") as Record<string, unknown>;
    const catalog = require("../../src/engine/catalog") as Record<string, unknown>;
    for (const name of Object.keys(catalog)) expect(index[name]).toBe(catalog[name]);
  });
});
