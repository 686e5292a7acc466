/**
 * Runs a batch's jobs: on worker threads when more than one job may run at once and the compiled
 * worker entry exists (lib/cli/batch/batchWorker.js), else one after another in this thread
 * (as under jest, where src/ runs through Babel and there is no .js entry to start).
 */
import { existsSync } from "fs";
import * as path from "path";
import { Worker } from "worker_threads";
import { runBatchJob, type BatchJob, type BatchJobResult } from "./batchJob";

export interface JobPoolOptions {
  /** How many files to score at once. */
  readonly concurrency: number;
  /** The worker entry; null runs every job in this thread. */
  readonly workerScript: string | null;
  /** Workers started ahead (StartedWorkers), used first; the pool closes them when it ends. */
  readonly ahead?: StartedWorkers | null;
  /**
   * Given, the pool returns as soon as the last job is answered and hands over the closing of its
   * workers (a worker's heap takes 30-40 ms to tear down), for the caller to wait for later;
   * without it, the pool waits for them to close.
   */
  readonly closing?: (closed: Promise<void>) => void;
}

/** Jobs sent to a worker ahead of its answers (it scores them one at a time). */
const JOBS_PER_WORKER = 2;

/** Each worker's heap limit: far above a real form's needs (a 20,000-row sheet takes ~300 MB). */
const WORKER_HEAP_MB = 2048;

/** A job to send, or a result that needs no job (a file the main thread already settled). */
export type Prepared = { readonly job: BatchJob } | { readonly result: BatchJobResult };

export interface JobPoolCallbacks {
  /** Makes the job of input `index` (conversions happen here, in the main thread). */
  prepare(index: number): Promise<Prepared>;
  started?(index: number): void;
  finished(index: number, result: BatchJobResult): void;
}

/** The compiled worker entry beside this module, or null when running from the TypeScript source. */
export function defaultWorkerScript(): string | null {
  const script = path.join(__dirname, "batchWorker.js");
  return existsSync(script) ? script : null;
}

function crashed(job: BatchJob, detail: string): BatchJobResult {
  return {
    id: job.id,
    status: "failed",
    notes: job.notes.concat({ code: "internal", detail }),
    forms: [],
    problems: [],
    wroteCopy: false,
    wroteDocx: false,
    outputError: null,
  };
}

/**
 * One worker thread, restarted when a job kills it (a file that exhausts its memory …). It may
 * hold more than one job: the worker scores them one at a time, in the order sent (batchWorker),
 * so the next file is already there when one ends and the worker never waits for the main
 * thread. When it dies, the first job not answered is the one it was scoring; the others had not
 * started and go to its successor.
 */
/** Why a job sent to a worker after the batch ended was never scored. */
const CLOSED_DETAIL = "批量评分已中止，未评分";

class PooledWorker {
  private worker: Worker | null = null;
  /** Set by close(): no thread is started again, and no job is sent to one. */
  private closed = false;
  private readonly pending: Array<{
    readonly job: BatchJob;
    readonly resolve: (result: BatchJobResult) => void;
  }> = [];

  constructor(private readonly script: string) {}

  /** Starts the thread now, before any job: its start-up overlaps the caller's own work. */
  start(): void {
    this.thread();
  }

  run(job: BatchJob): Promise<BatchJobResult> {
    if (this.closed) return Promise.resolve(crashed(job, CLOSED_DETAIL));
    return new Promise((resolve) => {
      this.pending.push({ job, resolve });
      this.thread().postMessage(job);
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    // A file that would take all the memory ends its own worker, not the batch.
    const worker = new Worker(this.script, {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    worker.on("message", (message: BatchJobResult | { id: number; crashed: string }) => {
      const index = this.pending.findIndex((entry) => entry.job.id === message.id);
      if (index < 0) return;
      const [entry] = this.pending.splice(index, 1);
      entry.resolve("crashed" in message ? crashed(entry.job, message.crashed) : message);
    });
    const lost = (detail: string) => {
      // An error is followed by an exit; a worker closed by close() is no loss.
      if (this.worker !== worker) return;
      this.worker = null;
      void worker.terminate();
      const [running, ...waiting] = this.pending.splice(0);
      if (running) running.resolve(crashed(running.job, detail));
      for (const entry of waiting) {
        if (this.closed) {
          entry.resolve(crashed(entry.job, CLOSED_DETAIL));
          continue;
        }
        this.pending.push(entry);
        this.thread().postMessage(entry.job);
      }
    };
    worker.on("error", (error: Error) => lost("工作线程异常退出（" + error.message + "）"));
    worker.on("exit", (code: number) => lost("工作线程异常退出（退出码 " + code + "）"));
    return (this.worker = worker);
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    for (const entry of this.pending.splice(0)) entry.resolve(crashed(entry.job, CLOSED_DETAIL));
    if (worker) await worker.terminate();
  }
}

/**
 * Worker threads started before the jobs are known: a worker's start (a new V8 isolate loading
 * the engine, about a tenth of a second) then runs on another core while the main thread lists
 * and checks the inputs, instead of after it. Closed by runJobPool, or by close() when the batch
 * ends before it (a usage error, a single file scored in the main thread).
 */
export class StartedWorkers {
  private workers: PooledWorker[];

  constructor(script: string, count: number) {
    this.workers = Array.from({ length: count }, () => new PooledWorker(script));
    for (const worker of this.workers) worker.start();
  }

  /** Hands the workers over (once): the caller closes them. */
  take(): PooledWorker[] {
    const workers = this.workers;
    this.workers = [];
    return workers;
  }

  async close(): Promise<void> {
    await Promise.all(this.take().map((worker) => worker.close()));
  }
}

/**
 * Runs jobs 0 … count-1, `concurrency` at a time, calling back as each starts and ends. Stops
 * taking new jobs once `stop()` returns true (an output could not be written).
 */
export async function runJobPool(
  count: number,
  options: JobPoolOptions,
  callbacks: JobPoolCallbacks,
  stop: () => boolean = () => false
): Promise<void> {
  const lanes = Math.max(1, Math.min(options.concurrency, count));
  const useWorkers = options.workerScript !== null && lanes > 1;
  let next = 0;
  // A lane that fails ends the pool: the others take no further job (they would otherwise go on
  // after the workers are closed).
  let failed = false;
  const lane = async (run: (job: BatchJob) => Promise<BatchJobResult>) => {
    try {
      while (next < count && !stop() && !failed) {
        const index = next++;
        callbacks.started?.(index);
        const prepared = await callbacks.prepare(index);
        const result = "result" in prepared ? prepared.result : await run(prepared.job);
        if (failed) return;
        callbacks.finished(index, result);
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const ahead = options.ahead ? options.ahead.take() : [];
  // Started workers beyond the lanes have nothing to do; they close while the jobs run.
  const unused = Promise.all(ahead.slice(useWorkers ? lanes : 0).map((worker) => worker.close()));
  if (!useWorkers) {
    await lane(runBatchJob);
    await unused;
    return;
  }
  const workers = ahead.slice(0, lanes);
  while (workers.length < lanes) workers.push(new PooledWorker(options.workerScript as string));
  try {
    // JOBS_PER_WORKER lanes feed each worker: its next job is prepared and sent while it scores.
    await Promise.all(
      workers.flatMap((worker) =>
        Array.from({ length: JOBS_PER_WORKER }, () => lane((job) => worker.run(job)))
      )
    );
  } finally {
    const closed = Promise.all([...workers.map((worker) => worker.close()), unused]).then(
      () => undefined
    );
    if (options.closing) options.closing(closed);
    else await closed;
  }
}
