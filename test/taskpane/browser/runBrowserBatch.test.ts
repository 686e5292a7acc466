import { runBrowserBatch } from "../../../src/taskpane/browser/runBrowserBatch";
import {
  displayPaths,
  filesFromDrop,
  filesFromList,
} from "../../../src/taskpane/browser/pickedFiles";
import type { BatchFileOutcome } from "../../../src/engine/batch/types";

const scored: BatchFileOutcome = {
  status: "scored",
  notes: [],
  forms: [],
  problems: [],
  scoredCopy: new Uint8Array([80, 75]),
  docx: null,
};

function picked(path: string) {
  return { file: new File(["x"], path.replace(/^.*\//, "")), path };
}

describe("runBrowserBatch", () => {
  it("lists old formats as skipped, a file the browser cannot read as failed, and names copies by folder", async () => {
    const progress: number[] = [];
    const result = await runBrowserBatch(
      [picked("表/a/一.xlsx"), picked("表/二.et"), picked("表/三.xlsx"), picked("表/说明.pdf")],
      {
        readFile: async (file) => {
          if ((file as File).name === "三.xlsx")
            throw Object.assign(new Error("gone"), { name: "NotReadableError" });
          return new Uint8Array([1]);
        },
        scoreBatchFile: async () => scored,
      },
      { progress: (p) => progress.push(p.done), cancelled: () => false }
    );
    expect(progress).toEqual([0, 1, 2, 3]);
    const files = result!.summary.files;
    expect(files.map((file) => [file.file, file.status, file.scoredCopy])).toEqual([
      ["a/一.xlsx", "scored", "评分副本/a/一.xlsx"],
      ["二.et", "skipped", null],
      ["三.xlsx", "failed", null],
    ]);
    expect(files[1].notes).toEqual([{ code: "legacy-format", extension: ".et" }]);
    expect(files[2].notes).toEqual([{ code: "unreadable", systemCode: "NotReadableError" }]);
    expect(result!.summary.totals.ignored).toBe(1);
    expect(result!.copies.map((copy) => copy.name)).toEqual(["评分副本/a/一.xlsx"]);
  });

  it("stops and gives nothing once cancelled", async () => {
    let scoredFiles = 0;
    let calls = 0;
    const result = await runBrowserBatch(
      [picked("a.xlsx"), picked("b.xlsx"), picked("c.xlsx")],
      {
        readFile: async () => new Uint8Array([1]),
        scoreBatchFile: async () => {
          scoredFiles++;
          return scored;
        },
      },
      { progress: () => undefined, cancelled: () => ++calls > 1 }
    );
    expect(result).toBeNull();
    expect(scoredFiles).toBe(1);
  });
});

describe("picked files", () => {
  it("name files relative to the one folder they came from, else as picked", () => {
    expect(displayPaths(["表/a/x.xlsx", "表/y.xlsx"])).toEqual(["a/x.xlsx", "y.xlsx"]);
    expect(displayPaths(["甲/x.xlsx", "乙/x.xlsx"])).toEqual(["甲/x.xlsx", "乙/x.xlsx"]);
    expect(displayPaths(["x.xlsx", "y.xlsx"])).toEqual(["x.xlsx", "y.xlsx"]);
  });

  it("take a file's name when the browser gives no folder path", () => {
    const plain = new File(["x"], "x.xlsx");
    expect(filesFromList([plain])).toEqual([{ file: plain, path: "x.xlsx" }]);
    expect(filesFromList(null)).toEqual([]);
  });

  it("read a dropped folder's entries in all their batches, skipping hidden folders", async () => {
    const fileEntry = (fullPath: string) => ({
      isFile: true,
      isDirectory: false,
      name: fullPath.replace(/^.*\//, ""),
      fullPath,
      file: (done: (file: File) => void) => done(new File(["x"], fullPath.replace(/^.*\//, ""))),
    });
    const folderEntry = (fullPath: string, batches: unknown[][]) => ({
      isFile: false,
      isDirectory: true,
      name: fullPath.replace(/^.*\//, ""),
      fullPath,
      createReader: () => {
        const queue = batches.concat([[]]);
        return { readEntries: (done: (entries: unknown[]) => void) => done(queue.shift()!) };
      },
    });
    const root = folderEntry("/收", [
      [fileEntry("/收/b.xlsx"), folderEntry("/收/.git", [[fileEntry("/收/.git/x.xlsx")]])],
      [fileEntry("/收/a.xlsx")],
    ]);
    const files = await filesFromDrop({
      items: [{ kind: "file", webkitGetAsEntry: () => root }],
      files: [],
    } as unknown as DataTransfer);
    expect(files.map((entry) => entry.path)).toEqual(["收/a.xlsx", "收/b.xlsx"]);
  });

  it("fall back to the dropped files where the browser gives no entries", async () => {
    const dropped = new File(["x"], "x.xlsx");
    const files = await filesFromDrop({ files: [dropped] } as unknown as DataTransfer);
    expect(files).toEqual([{ file: dropped, path: "x.xlsx" }]);
  });
});
