/**
 * The entry of `selfeval batch`'s worker threads (lib/cli/batch/batchWorker.js): it takes one job
 * at a time from the main thread and answers with the file's summary row.
 */
import { parentPort } from "worker_threads";
import { runBatchJob, type BatchJob } from "./batchJob";

if (parentPort) {
  const port = parentPort;
  port.on("message", (job: BatchJob) => {
    runBatchJob(job).then(
      (result) => port.postMessage(result),
      // runBatchJob never throws; should it, the main thread still hears of this job.
      (error: unknown) => port.postMessage({ id: job.id, crashed: String(error) })
    );
  });
}
