/**
 * The work of one file of `selfeval batch`, run in a worker thread or in the main thread alike:
 * read the bytes, score them, write the scored copy and the 自评表说明 into the staging folders.
 * Only the summary row travels back; the grid is gone when the job ends, so memory stays flat
 * however many files the batch has.
 */
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import type {
  BatchForm,
  BatchProblem,
  FileNote,
  NarrativeDocument,
  ScoreOptions,
} from "../../engine";
import { scoreBatchFile } from "../../workbook/xlsx/batch/scoreBatchFile";
import { nodeDeflate } from "../nodeDeflate";
import { nodeInflate } from "../nodeInflate";

export interface BatchJob {
  readonly id: number;
  /** The file to read (the converted .xlsx for an old-format file). */
  readonly path: string;
  /** Notes the main thread already has (the conversion). */
  readonly notes: FileNote[];
  /** Plain data: it crosses to the worker thread by structured clone. */
  readonly scoreOptions: ScoreOptions;
  /** Where to write the scored copy (in a staging folder), when asked for. */
  readonly scoredCopyPath: string | null;
  /** Where to write the 自评表说明 .docx (in a staging folder), when asked for. */
  readonly docxPath: string | null;
}

export interface BatchJobResult {
  readonly id: number;
  readonly status: "scored" | "failed" | "skipped";
  readonly notes: FileNote[];
  readonly forms: BatchForm[];
  readonly problems: BatchProblem[];
  readonly wroteCopy: boolean;
  readonly wroteDocx: boolean;
  /**
   * An output could not be written (disk full, permissions): not the file's fault, and the batch
   * cannot keep its promise of all outputs, so it stops. The file-system error code.
   */
  readonly outputError: { readonly file: string; readonly code: string } | null;
}

function readFailure(error: unknown): FileNote {
  const code = String((error as NodeJS.ErrnoException).code ?? "");
  if (code === "ENOENT") return { code: "vanished" };
  return { code: "unreadable", systemCode: code || String(error) };
}

async function writeStaged(file: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Staging names are the batch's own: an existing file there means something else is writing.
  await fs.writeFile(file, bytes, { flag: "wx" });
}

/** Does one file's job. Never throws. */
export async function runBatchJob(job: BatchJob): Promise<BatchJobResult> {
  const base = { id: job.id, wroteCopy: false, wroteDocx: false, outputError: null };
  let bytes: Uint8Array;
  try {
    // Read at once: a form is a few kilobytes, and the promise API's four trips through the
    // thread pool (open, stat, read, close) left the worker idle between files.
    bytes = readFileSync(job.path);
  } catch (error) {
    return {
      ...base,
      status: "failed",
      notes: job.notes.concat(readFailure(error)),
      forms: [],
      problems: [],
    };
  }
  const renderDocx = job.docxPath
    ? async (documents: readonly NarrativeDocument[]) =>
        // Loaded only when asked for: the docx package is large.
        (await import("../../docx/renderNarrativeDocx")).renderNarrativeDocx(documents)
    : undefined;
  const outcome = await scoreBatchFile(
    bytes,
    {
      scoreOptions: job.scoreOptions,
      scoredCopy: job.scoredCopyPath !== null,
      deflate: nodeDeflate,
      inflate: nodeInflate,
      renderDocx,
    },
    job.notes
  );
  const result = {
    ...base,
    status: outcome.status,
    notes: outcome.notes,
    forms: outcome.forms,
    problems: outcome.problems,
  };
  let current = "";
  try {
    if (job.scoredCopyPath !== null && outcome.scoredCopy) {
      current = job.scoredCopyPath;
      await writeStaged(job.scoredCopyPath, outcome.scoredCopy);
      result.wroteCopy = true;
    }
    if (job.docxPath !== null && outcome.docx) {
      current = job.docxPath;
      await writeStaged(job.docxPath, outcome.docx);
      result.wroteDocx = true;
    }
  } catch (error) {
    return {
      ...result,
      outputError: {
        file: current,
        code: String((error as NodeJS.ErrnoException).code ?? (error as Error).message),
      },
    };
  }
  return result;
}
