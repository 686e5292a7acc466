import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import * as path from "path";
import * as vm from "vm";
import { DEPARTMENT_HEADER } from "../helpers/templateHeaders";

const root = path.join(__dirname, "..", "..");
const bundle = path.join(root, "dist", "selfeval-engine.js");

// The engine will run in Office 2016/2019's Internet Explorer 11 webview: its webpack build must
// be ES5 with polyfills, and must work where the newer built-ins are missing.
describe("the engine's browser bundle", () => {
  beforeAll(() => {
    execFileSync("npx", ["webpack", "--mode", "production"], { cwd: root, stdio: "pipe" });
  }, 180000);

  it("passes es-check es5 with feature checks", () => {
    const output = execFileSync("npm", ["run", "--silent", "check:es5"], {
      cwd: root,
      encoding: "utf8",
      stdio: "pipe",
    });
    expect(output).toMatch(/ES5 compatible/);
  });

  it("scores a table in a realm without the built-ins Internet Explorer 11 lacks", () => {
    const context = vm.createContext({});
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
    vm.runInContext(readFileSync(bundle, "utf8"), context);
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
