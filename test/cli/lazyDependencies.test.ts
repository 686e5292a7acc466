/**
 * zod (the template schema) and docx load only when their options ask for them: every other run
 * starts faster without them. ExcelJS is never loaded (the tests' oracle, not a run-time
 * dependency), nor fflate (the CLI inflates and deflates with Node's zlib). Here loading any of
 * them fails, so any static import would show.
 */
import * as path from "path";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";

jest.mock("zod", () => {
  throw new Error("zod was loaded");
});
jest.mock("docx", () => {
  throw new Error("docx was loaded");
});
jest.mock("exceljs", () => {
  throw new Error("exceljs was loaded");
});
// The CLI lends the package layer Node's zlib: fflate is for the browser.
jest.mock("fflate", () => {
  throw new Error("fflate was loaded");
});

import { main } from "../../src/cli/main";

const department = path.join(__dirname, "..", "fixtures", "department-education-2024.xlsx");

describe("selfeval's heavy dependencies", () => {
  it("never include ExcelJS: reading, scoring and writing run without it", async () => {
    expect(() => require("exceljs")).toThrow("exceljs was loaded");
  });

  it("are not loaded to score, write the copy, the report and the text narrative", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selfeval-lazy-"));
    const errors: string[] = [];
    const code = await main(
      [
        "score",
        department,
        "--out",
        path.join(dir, "out.xlsx"),
        "--json",
        path.join(dir, "report.json"),
        "--narrative",
        path.join(dir, "说明.md"),
        // A bundled rule set is data already checked by the test suite: no zod for it either.
        "--rules",
        "yitihua",
      ],
      { stdout: () => undefined, stderr: (text) => errors.push(text) }
    );
    expect(errors).toEqual([]);
    expect(code).toBe(0);
  });

  it("loads zod for a bureau's own rule set file, which must be checked", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selfeval-lazy-"));
    const rules = path.join(dir, "rules.json");
    writeFileSync(rules, JSON.stringify({ extends: "yitihua" }));
    const errors: string[] = [];
    const code = await main(["score", department, "--rules", rules], {
      stdout: () => undefined,
      stderr: (text) => errors.push(text),
    });
    expect(code).toBe(2);
    expect(errors.join("\n")).toContain("zod was loaded");
  });

  it("are loaded when asked for, so this test would see a static import", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selfeval-lazy-"));
    const errors: string[] = [];
    const code = await main(["score", department, "--docx", path.join(dir, "说明.docx")], {
      stdout: () => undefined,
      stderr: (text) => errors.push(text),
    });
    expect(code).toBe(2);
    expect(errors.join("\n")).toContain("docx was loaded");
  });
});
