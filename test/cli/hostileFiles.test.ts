/**
 * Files built to hurt: each is refused with exit code 2 and one Chinese sentence (no stack trace,
 * no "内部错误"), and nothing is written. Browser mode gives the same sentence. How long each
 * takes and how much memory it needs is measured by `npm run bench`, not here.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { hostileWorkbooks, type HostileWorkbook } from "../../bench/hostileWorkbooks";
import { main } from "../../src/cli/main";
import { WorkbookPortError } from "../../src/workbook/port";
import { readXlsxGrid } from "../../src/workbook/xlsx/readXlsxGrid";
import { UnreadableWorkbookError } from "../../src/workbook/xlsx/unreadableWorkbookError";
import { XlsxFilePort } from "../../src/workbook/xlsx/xlsxFilePort";
import { nodeInflate } from "../../src/cli/nodeInflate";

const files = hostileWorkbooks();

describe.each(files.map((file): [string, HostileWorkbook] => [file.name, file]))(
  "%s",
  (_name, file) => {
    it(`is refused by the reader as ${file.reason} (${file.what})`, async () => {
      for (const inflate of [undefined, nodeInflate]) {
        const failure = await readXlsxGrid(file.bytes, { inflate }).catch(
          (error: unknown) => error
        );
        expect(failure).toBeInstanceOf(UnreadableWorkbookError);
        expect((failure as UnreadableWorkbookError).reason).toBe(file.reason);
      }
    });

    it("ends selfeval with exit 2, one Chinese sentence naming the file, and nothing written", async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "selfeval-hostile-"));
      const input = path.join(dir, file.name);
      writeFileSync(input, file.bytes);
      const stdout: string[] = [];
      const stderr: string[] = [];
      const code = await main(
        [
          "score",
          input,
          "--out",
          path.join(dir, "out.xlsx"),
          "--json",
          path.join(dir, "report.json"),
          "--narrative",
          path.join(dir, "说明.md"),
        ],
        { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) }
      );
      expect(code).toBe(2);
      expect(stdout).toEqual([]);
      expect(stderr).toHaveLength(1);
      const message = stderr[0];
      expect(message).toMatch(file.message);
      expect(message.startsWith("无法读取 " + input + "：")).toBe(true);
      expect(message).not.toContain("内部错误");
      expect(message).not.toMatch(/\n\s+at |Error:/);
      expect(message.split("\n")).toHaveLength(1);
      expect(readdirSync(dir)).toEqual([file.name]);
      expect(existsSync(path.join(dir, "out.xlsx"))).toBe(false);
    });

    it("gives browser mode the same sentence", async () => {
      const port = new XlsxFilePort(file.bytes, file.name);
      const failure = await port.read().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(WorkbookPortError);
      expect((failure as WorkbookPortError).code).toBe("read-failed");
      expect((failure as Error).message).toMatch(file.message);
      expect((failure as Error).message.startsWith("无法读取 " + file.name + "：")).toBe(true);
      expect(port.scoredCopy()).toBeNull();
    });
  }
);

describe("the hostile files", () => {
  it("are small on disk: the bombs are a few hundred KiB", () => {
    const bombs = files.filter((file) => file.reason === "too-large");
    expect(bombs.length).toBeGreaterThanOrEqual(4);
    for (const file of bombs) expect(file.bytes.length).toBeLessThan(1024 * 1024);
  });

  it("cover every reason the reader can give but Strict Open XML (tested in readXlsxGrid.test.ts)", () => {
    expect(new Set(files.map((file) => file.reason))).toEqual(
      new Set([
        "not-zip",
        "encrypted",
        "legacy-xls",
        "too-large",
        "doctype",
        "too-many-rows",
        "too-many-columns",
        "malformed",
      ])
    );
  });
});
