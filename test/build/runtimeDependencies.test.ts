/**
 * ExcelJS is the tests' oracle, not a part of the product: it is a devDependency, and no file the
 * CLI, the add-in or browser mode runs may import it. (The production chunks are checked in
 * productionBuild.test.ts; the CLI's loaded modules in test/cli/lazyDependencies.test.ts.)
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";

const root = path.join(__dirname, "..", "..");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx|js)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

/** The module names a file imports, requires or import()s. */
function importsOf(text: string): string[] {
  const pattern =
    /\bfrom\s+["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']\s*\)|\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;
  return Array.from(
    text.matchAll(pattern),
    (match) => match[1] ?? match[2] ?? match[3] ?? match[4]
  );
}

describe("ExcelJS at run time", () => {
  it("is a devDependency only", () => {
    const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toContain("exceljs");
    expect(Object.keys(manifest.devDependencies)).toContain("exceljs");
  });

  it("is imported by no file under src/", () => {
    const files = sourceFiles(path.join(root, "src"));
    expect(files.length).toBeGreaterThan(50);
    const importing = files.filter((file) =>
      importsOf(readFileSync(file, "utf8")).some((name) => /^exceljs(\/|$)/.test(name))
    );
    expect(importing.map((file) => path.relative(root, file))).toEqual([]);
  });

  it("would be seen: the import scanner finds every form of import", () => {
    const text = [
      'import ExcelJS from "exceljs";',
      "const a = require('exceljs/lib/doc');",
      'const b = import(/* webpackChunkName: "x" */ "exceljs");',
      'import "exceljs";',
    ].join("\n");
    expect(importsOf(text)).toEqual(["exceljs", "exceljs/lib/doc", "exceljs", "exceljs"]);
  });
});
