import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { collectBatchInputs, inputKindOf } from "../../../src/cli/batch/collectBatchInputs";

describe("inputKindOf", () => {
  it("tells workbooks, old formats and everything else apart by name", () => {
    expect(inputKindOf("a.XLSX")).toBe("workbook");
    expect(inputKindOf("a.xlsm")).toBe("workbook");
    expect(inputKindOf("a.xls")).toBe("legacy");
    expect(inputKindOf("a.et")).toBe("legacy");
    expect(inputKindOf("a.pdf")).toBeNull();
    expect(inputKindOf("~$a.xlsx")).toBeNull();
    expect(inputKindOf(".~lock.a.xlsx#")).toBeNull();
  });
});

describe("collectBatchInputs", () => {
  function folder(): string {
    const root = mkdtempSync(path.join(tmpdir(), "selfeval-collect-"));
    mkdirSync(path.join(root, "b", "c"), { recursive: true });
    mkdirSync(path.join(root, ".git"));
    for (const name of ["z.xlsx", "a.xls", "b/c/y.xlsm", "b/n.pdf", "~$z.xlsx", ".git/q.xlsx"])
      writeFileSync(path.join(root, name), "");
    return root;
  }

  it("walks the folder in name order, skipping hidden folders and counting what is no spreadsheet", async () => {
    const root = folder();
    const { inputs, ignored } = await collectBatchInputs([root]);
    expect(inputs.map((input) => [input.display, input.kind])).toEqual([
      ["a.xls", "legacy"],
      ["b/c/y.xlsm", "workbook"],
      ["z.xlsx", "workbook"],
    ]);
    expect(ignored).toBe(2);
  });

  it("lists a file once however often it is reached, and passes over excluded paths", async () => {
    const root = folder();
    symlinkSync(path.join(root, "b"), path.join(root, "link"));
    const { inputs } = await collectBatchInputs(
      [root, path.join(root, "z.xlsx")],
      [path.join(root, "a.xls")]
    );
    expect(inputs.map((input) => input.display)).toEqual(["b/c/y.xlsm", "z.xlsx"]);
  });

  it("ends the run for a path that does not exist", async () => {
    await expect(collectBatchInputs([path.join(tmpdir(), "no-such-folder-x")])).rejects.toThrow(
      /找不到 .*：文件或文件夹不存在。/
    );
  });
});
