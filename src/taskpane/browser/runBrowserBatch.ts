/**
 * Browser mode's batch: the files a user picked or dropped, scored one after another in the page
 * (nothing is uploaded), each a row of the summary whatever becomes of it, as `selfeval batch`
 * does. The page stays responsive: it yields between files so the progress can be drawn.
 */
import {
  type BatchFile,
  type BatchSummary,
  buildBatchSummary,
  extensionOf,
  type FileNote,
  planMirroredNames,
  spreadsheetKindOf,
} from "../../engine";
import { PartNotLoadedError, type BatchScoring, type BrowserTools } from "./browserTools";
import { displayPaths, type PickedFile } from "./pickedFiles";

/** The folder the scored copies sit in, inside the .zip and beside the 汇总 workbook. */
export const COPIES_FOLDER = "评分副本";

export interface BrowserBatchProgress {
  readonly done: number;
  readonly total: number;
  /** The file being scored. */
  readonly current: string;
}

export interface BrowserBatchResult {
  readonly summary: BatchSummary;
  /** The scored copies, named as the 汇总 workbook links to them ("评分副本/…"). */
  readonly copies: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>;
}

export interface BrowserBatchCallbacks {
  progress(progress: BrowserBatchProgress): void;
  /** True once the user has opened something else: the run stops and gives nothing. */
  cancelled(): boolean;
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function readFailure(error: unknown): FileNote {
  const name = (error as { name?: string } | null)?.name;
  return { code: "unreadable", systemCode: name || "Error" };
}

/**
 * Scores the files by the choices given (the form kind and rule set above the pane); resolves to
 * null when cancelled. A chunk that fails to load rejects.
 */
export async function runBrowserBatch(
  picked: readonly PickedFile[],
  tools: Pick<BrowserTools, "readFile" | "scoreBatchFile">,
  callbacks: BrowserBatchCallbacks,
  scoring: BatchScoring = {}
): Promise<BrowserBatchResult | null> {
  const listed = picked.filter((entry) => spreadsheetKindOf(entry.path) !== null);
  const ignored = picked.length - listed.length;
  const shown = displayPaths(listed.map((entry) => entry.path));
  const inputs = listed.map((entry, index) => ({
    entry,
    display: shown[index],
    kind: spreadsheetKindOf(entry.path) as "workbook" | "legacy",
  }));
  const mirrored = planMirroredNames(inputs);
  const files: BatchFile[] = [];
  const copies: Array<{ name: string; bytes: Uint8Array }> = [];
  for (let index = 0; index < inputs.length; index++) {
    const input = inputs[index];
    callbacks.progress({ done: index, total: inputs.length, current: input.display });
    await pause();
    if (callbacks.cancelled()) return null;
    const row = { file: input.display, problems: [], forms: [], scoredCopy: null };
    if (input.kind === "legacy") {
      // No converter in a browser: the user saves it as .xlsx.
      files.push({
        ...row,
        status: "skipped",
        notes: [{ code: "legacy-format", extension: extensionOf(input.entry.path) }],
      });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await tools.readFile(input.entry.file);
    } catch (error) {
      if (error instanceof PartNotLoadedError) throw error;
      files.push({ ...row, status: "failed", notes: [readFailure(error)] });
      continue;
    }
    // Every file by the same form kind and rule set: those chosen above the pane.
    const outcome = await tools.scoreBatchFile(bytes, input.entry.file.name, scoring);
    let scoredCopy: string | null = null;
    if (outcome.scoredCopy) {
      scoredCopy = COPIES_FOLDER + "/" + mirrored[index];
      copies.push({ name: scoredCopy, bytes: outcome.scoredCopy });
    }
    files.push({
      file: input.display,
      status: outcome.status,
      notes: outcome.notes,
      forms: outcome.forms,
      problems: outcome.problems,
      scoredCopy,
    });
  }
  callbacks.progress({ done: inputs.length, total: inputs.length, current: "" });
  return { summary: buildBatchSummary(files, { ignored }), copies };
}
