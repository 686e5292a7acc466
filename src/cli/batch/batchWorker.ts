/**
 * The entry of `selfeval batch`'s worker threads (lib/selfeval/batchWorker.js, or
 * lib/cli/batch/batchWorker.js from tsc): it scores the jobs the main thread sends, one at a time,
 * and answers each with the file's summary row.
 */
import { parentPort } from "worker_threads";
import { runBatchJob, type BatchJob } from "./batchJob";

if (parentPort) {
  const port = parentPort;
  // Jobs are scored one at a time, in the order they came (the pool sends the next one ahead):
  // when a file kills the worker, the pool knows which one it was.
  let queue: Promise<void> = Promise.resolve();
  port.on("message", (job: BatchJob) => {
    queue = queue.then(() =>
      runBatchJob(job).then(
        (result) => port.postMessage(result),
        // runBatchJob never throws; should it, the main thread still hears of this job.
        (error: unknown) => port.postMessage({ id: job.id, crashed: String(error) })
      )
    );
  });
}
