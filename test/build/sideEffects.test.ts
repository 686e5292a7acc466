/**
 * package.json's "sideEffects" lists the modules of src/ that do something when loaded; webpack
 * takes every other one as pure and leaves it out of a bundle when nothing it exports is used.
 * That is what keeps the engine's index (which re-exports the batch, the narrative and the
 * writers' layout) from pulling all of it into the task pane's first load. A module that acts
 * when loaded but is not listed would be dropped from the bundles without a word: this test
 * finds every such module by its top-level statements and holds the list to exactly them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import * as ts from "typescript";

const root = path.join(__dirname, "..", "..");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) ? [file] : [];
  });
}

const DECLARATIONS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ImportEqualsDeclaration,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.ModuleDeclaration,
  ts.SyntaxKind.VariableStatement,
]);

/** The statements of a module that act when it loads: anything but declarations. */
function loadTimeStatements(text: string, file: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  return source.statements
    .filter((statement) => !DECLARATIONS.has(statement.kind))
    .map((statement) => statement.getText(source).split("\n")[0]);
}

/** The modules a file imports only for what they do when loaded (`import "./x";`). */
function bareImports(text: string, file: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  return source.statements
    .filter(
      (statement): statement is ts.ImportDeclaration =>
        ts.isImportDeclaration(statement) && statement.importClause === undefined
    )
    .map((statement) => (statement.moduleSpecifier as ts.StringLiteral).text)
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => {
      const target = path.resolve(path.dirname(file), specifier);
      const found = [".ts", ".tsx"].map((ext) => target + ext).find((name) => existsSync(name));
      return found ?? target;
    });
}

const declared = (
  JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { sideEffects: string[] }
).sideEffects;
const relative = (file: string) => "./" + path.relative(root, file).split(path.sep).join("/");

describe('package.json "sideEffects"', () => {
  const files = sourceFiles(path.join(root, "src"));

  it("lists exactly the modules of src/ that act when loaded", () => {
    const acting = files
      .filter((file) => loadTimeStatements(readFileSync(file, "utf8"), file).length > 0)
      .map(relative);
    expect(acting.sort()).toEqual(declared.slice().sort());
  });

  it("lists every module imported only for what it does when loaded", () => {
    const imported = files.flatMap((file) => bareImports(readFileSync(file, "utf8"), file));
    expect(imported.length).toBeGreaterThan(0);
    for (const target of imported) expect(declared).toContain(relative(target));
  });

  it("tells a module that acts from one that only declares", () => {
    expect(
      loadTimeStatements(
        'import { a } from "./a";\nexport const b = a(1);\nexport function c() {}\ninterface D {}\n',
        "x.ts"
      )
    ).toEqual([]);
    expect(
      loadTimeStatements('import "./a";\nwindow.x = 1;\nif (y) z();\nstart();\n', "x.ts")
    ).toEqual(["window.x = 1;", "if (y) z();", "start();"]);
  });
});
