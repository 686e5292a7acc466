import { execFileSync } from "child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { findSoffice, sofficeConverter } from "../../../src/cli/batch/legacyConverter";
import { runBatch } from "../../../src/cli/commands/batch";

describe("findSoffice", () => {
  it("finds an executable soffice on the search path, and nothing on an empty one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selfeval-path-"));
    const program = path.join(dir, "soffice");
    writeFileSync(program, "#!/bin/sh\n");
    chmodSync(program, 0o755);
    expect(await findSoffice(["/no/such/dir", dir].join(path.delimiter), ["soffice"])).toBe(
      program
    );
    expect(await findSoffice("", ["soffice"])).toBeNull();
  });
});

describe("sofficeConverter", () => {
  it("rejects with a short reason when the program fails or makes nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selfeval-fake-soffice-"));
    const failing = path.join(dir, "soffice");
    writeFileSync(failing, "#!/bin/sh\nexit 3\n");
    chmodSync(failing, 0o755);
    await expect(sofficeConverter(failing)(path.join(dir, "a.xls"), dir)).rejects.toThrow(
      "转换程序出错"
    );
    const silent = path.join(dir, "silent");
    writeFileSync(silent, "#!/bin/sh\nexit 0\n");
    chmodSync(silent, 0o755);
    await expect(sofficeConverter(silent)(path.join(dir, "a.xls"), dir)).rejects.toThrow(
      "没有生成 .xlsx 文件"
    );
  });
});

// The real LibreOffice, only where it is installed (it is not in CI).
const soffice = execFileSafe();
function execFileSafe(): string | null {
  try {
    return execFileSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

(soffice ? describe : describe.skip)("selfeval batch with LibreOffice installed", () => {
  it("converts an .xls and scores it as the .xlsx it came from", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selfeval-real-soffice-"));
    const source = path.join(dir, "source");
    mkdirSync(source);
    copyFileSync(
      path.join(__dirname, "..", "..", "fixtures", "department-education-2024.xlsx"),
      path.join(source, "部门.xlsx")
    );
    const folder = path.join(dir, "in");
    mkdirSync(folder);
    execFileSync(
      soffice as string,
      [
        "-env:UserInstallation=file://" + path.join(dir, "profile"),
        "--headless",
        "--convert-to",
        "xls",
        "--outdir",
        folder,
        path.join(source, "部门.xlsx"),
      ],
      { stdio: "ignore", timeout: 120000 }
    );
    const json = path.join(dir, "s.json");
    const code = await runBatch([folder, "--json", json, "--jobs", "1", "--quiet"], {
      stdout: () => undefined,
      stderr: () => undefined,
    });
    const summary = JSON.parse(require("fs").readFileSync(json, "utf8"));
    expect(summary.files[0]).toMatchObject({
      file: "部门.xls",
      status: "scored",
      message: "旧版 .xls 格式，已由 LibreOffice 转换为 .xlsx 后评分。",
    });
    expect(summary.files[0].forms[0].total.score).toBe(98.36);
    expect(code).toBe(0);
  }, 240000);
});
