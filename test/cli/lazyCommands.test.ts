/**
 * Each command's module loads only when that command runs: `selfeval rules`, `selfeval --help`
 * and `selfeval --version` load neither the reader nor the scoring engine. Here loading either
 * fails, so any static import on their path would show.
 */
jest.mock("../../src/cli/readInputWorkbook", () => {
  throw new Error("the reader was loaded");
});
jest.mock("../../src/workbook/xlsx/readXlsxGrid", () => {
  throw new Error("the reader was loaded");
});
jest.mock("../../src/engine/scoreWorkbook", () => {
  throw new Error("the scoring engine was loaded");
});
jest.mock("../../src/engine/index", () => {
  throw new Error("the whole engine was loaded");
});

import { runSelfeval as run } from "../helpers/runSelfeval";

describe("selfeval's commands", () => {
  it("list the rule sets without the reader or the engine", async () => {
    const result = await run("rules");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("national");
  });

  it.each(["--help", "--version", "rules --help"])("answer %s without them", async (args) => {
    const result = await run(...args.split(" "));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("load the reader and the engine when a command needs them, so this test would see them", async () => {
    const result = await run("score", "x.xlsx");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/was loaded/);
  });
});
