import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import type { BatchJob, BatchJobResult } from "../../../src/cli/batch/batchJob";
import { runJobPool, StartedWorkers } from "../../../src/cli/batch/jobPool";

/** A worker entry written for the test: it answers each job, or dies on the file named "crash". */
function workerScript(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "selfeval-pool-")), "worker.js");
  writeFileSync(
    file,
    `const { parentPort, threadId } = require("worker_threads");
parentPort.on("message", (job) => {
  if (job.path === "crash") process.exit(7);
  parentPort.postMessage({ id: job.id, status: "scored", notes: [{ code: "internal", detail: String(threadId) }],
    forms: [], problems: [], wroteCopy: false, wroteDocx: false, outputError: null });
});`
  );
  return file;
}

function job(id: number, file: string): BatchJob {
  return {
    id,
    path: file,
    notes: [],
    scoreOptions: {},
    scoredCopyPath: null,
    docxPath: null,
  };
}

describe("runJobPool", () => {
  it("runs jobs on worker threads, each result reported once, a dead worker failing only its file", async () => {
    const files = ["a", "b", "crash", "c", "d", "e"];
    const results: Array<BatchJobResult | undefined> = files.map(() => undefined);
    const started: number[] = [];
    await runJobPool(
      files.length,
      { concurrency: 2, workerScript: workerScript() },
      {
        prepare: async (index) => ({ job: job(index, files[index]) }),
        started: (index) => started.push(index),
        finished: (index, result) => {
          expect(results[index]).toBeUndefined();
          results[index] = result;
        },
      }
    );
    expect(started.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((result) => result!.status)).toEqual([
      "scored",
      "scored",
      "failed",
      "scored",
      "scored",
      "scored",
    ]);
    expect(results[2]!.notes[0]).toEqual({
      code: "internal",
      detail: "工作线程异常退出（退出码 7）",
    });
    // Two threads shared the work.
    const threads = new Set(
      results
        .filter((result) => result!.status === "scored")
        .map((r) => (r!.notes[0] as { detail: string }).detail)
    );
    expect(threads.size).toBeGreaterThanOrEqual(2);
  });

  it("gives the jobs waiting behind a file that killed its worker to a new worker", async () => {
    // Like batchWorker: one job at a time, in order; "crash" dies after the next job has come.
    const file = path.join(mkdtempSync(path.join(tmpdir(), "selfeval-pool-")), "worker.js");
    writeFileSync(
      file,
      `const { parentPort } = require("worker_threads");
let queue = Promise.resolve();
parentPort.on("message", (job) => {
  queue = queue.then(() => new Promise((resolve) => {
    if (job.path === "crash") return setTimeout(() => process.exit(7), 200);
    parentPort.postMessage({ id: job.id, status: "scored", notes: [], forms: [], problems: [],
      wroteCopy: false, wroteDocx: false, outputError: null });
    resolve();
  }));
});`
    );
    const files = ["crash", "a", "b", "c", "d"];
    const statuses: string[] = [];
    await runJobPool(
      files.length,
      { concurrency: 2, workerScript: file },
      {
        prepare: async (index) => ({ job: job(index, files[index]) }),
        finished: (index, result) => (statuses[index] = result.status),
      }
    );
    expect(statuses).toEqual(["failed", "scored", "scored", "scored", "scored"]);
  });

  it("takes no further job once a lane fails, and ends with the failure", async () => {
    const prepared: number[] = [];
    const finished: number[] = [];
    await expect(
      runJobPool(
        6,
        { concurrency: 2, workerScript: workerScript() },
        {
          prepare: async (index) => {
            prepared.push(index);
            if (index === 0) throw new Error("prepare failed");
            // The other lanes are mid-job when the first one fails.
            await new Promise((resolve) => setTimeout(resolve, 50));
            return { job: job(index, "a") };
          },
          finished: (index) => finished.push(index),
        }
      )
    ).rejects.toThrow("prepare failed");
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Lanes 1–3 had each taken a job when lane 0 failed; none took another, nor finished one.
    expect(prepared.sort()).toEqual([0, 1, 2, 3]);
    expect(finished).toEqual([]);
  });

  it("takes a settled result without a job, and stops taking jobs once told to", async () => {
    const finished: number[] = [];
    await runJobPool(
      5,
      { concurrency: 1, workerScript: null },
      {
        prepare: async (index) => ({
          result: {
            id: index,
            status: "skipped",
            notes: [{ code: "no-form" }],
            forms: [],
            problems: [],
            wroteCopy: false,
            wroteDocx: false,
            outputError: null,
          },
        }),
        finished: (index) => finished.push(index),
      },
      () => finished.length >= 2
    );
    expect(finished).toEqual([0, 1]);
  });
  it("uses the workers started ahead, starts no others, and closes those it does not need", async () => {
    // Each worker notes its thread on starting and answers with it.
    const folder = mkdtempSync(path.join(tmpdir(), "selfeval-pool-"));
    const log = path.join(folder, "started.txt");
    const file = path.join(folder, "worker.js");
    writeFileSync(
      file,
      `const { appendFileSync } = require("fs");
const { parentPort, threadId } = require("worker_threads");
appendFileSync(${JSON.stringify(log)}, threadId + "\\n");
parentPort.on("message", (job) => {
  parentPort.postMessage({ id: job.id, status: "scored", notes: [{ code: "internal", detail: String(threadId) }],
    forms: [], problems: [], wroteCopy: false, wroteDocx: false, outputError: null });
});`
    );
    const ahead = new StartedWorkers(file, 3);
    const threads = new Set<string>();
    let closed: Promise<void> | null = null;
    await runJobPool(
      6,
      { concurrency: 2, workerScript: file, ahead, closing: (done) => (closed = done) },
      {
        prepare: async (index) => ({ job: job(index, "f" + index) }),
        finished: (_index, result) => threads.add((result.notes[0] as { detail: string }).detail),
      }
    );
    const started = readFileSync(log, "utf8").trim().split("\n");
    // The third may be closed before it got as far as noting itself; no fourth ever started.
    expect(started.length).toBeGreaterThanOrEqual(2);
    expect(started.length).toBeLessThanOrEqual(3);
    expect(threads.size).toBe(2);
    for (const thread of threads) expect(started).toContain(thread);
    // The pool handed over its workers' closing, and they close.
    expect(closed).not.toBeNull();
    await closed;
    // Taken by the pool: closing again is nothing.
    await ahead.close();
  });

  it("closes the workers started ahead when the jobs need none", async () => {
    const ahead = new StartedWorkers(workerScript(), 2);
    const finished: number[] = [];
    await runJobPool(
      1,
      { concurrency: 2, workerScript: workerScript(), ahead },
      {
        prepare: async (index) => ({
          result: {
            id: index,
            status: "skipped",
            notes: [],
            forms: [],
            problems: [],
            wroteCopy: false,
            wroteDocx: false,
            outputError: null,
          },
        }),
        finished: (index) => finished.push(index),
      }
    );
    expect(finished).toEqual([0]);
    expect(ahead.take()).toEqual([]);
  });
});
