import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { runBatchJob, type BatchJob } from "../../../src/cli/batch/batchJob";

const project = path.join(__dirname, "..", "..", "fixtures", "project-school-safety-2024.xlsx");

function job(over: Partial<BatchJob>): BatchJob {
  return {
    id: 7,
    path: project,
    notes: [],
    scoreOptions: { fileName: "x.xlsx" },
    scoredCopyPath: null,
    docxPath: null,
    ...over,
  };
}

describe("runBatchJob", () => {
  it("scores the file and writes the scored copy where it is told", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selfeval-job-"));
    const copy = path.join(dir, "a", "b", "x.xlsx");
    const result = await runBatchJob(job({ scoredCopyPath: copy }));
    expect(result).toMatchObject({ id: 7, status: "scored", wroteCopy: true, outputError: null });
    expect(readFileSync(copy).subarray(0, 2).toString()).toBe("PK");
  });

  it("fails a file that vanished after the batch listed it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selfeval-job-"));
    const gone = path.join(dir, "gone.xlsx");
    writeFileSync(gone, "x");
    rmSync(gone);
    expect(await runBatchJob(job({ path: gone }))).toMatchObject({
      status: "failed",
      notes: [{ code: "vanished" }],
      forms: [],
    });
  });

  it("fails a path it cannot read as a file, naming the system's reason", async () => {
    const result = await runBatchJob(job({ path: tmpdir() }));
    expect(result).toMatchObject({
      status: "failed",
      notes: [{ code: "unreadable", systemCode: "EISDIR" }],
    });
  });

  it("reports an output it could not write, and never overwrites a file in the staging folder", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selfeval-job-"));
    const copy = path.join(dir, "x.xlsx");
    writeFileSync(copy, "someone else's");
    const result = await runBatchJob(job({ scoredCopyPath: copy }));
    expect(result.outputError).toEqual({ file: copy, code: "EEXIST" });
    expect(readFileSync(copy, "utf8")).toBe("someone else's");
  });
});
