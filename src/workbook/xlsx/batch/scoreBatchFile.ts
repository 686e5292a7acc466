/**
 * One file of a batch, from its bytes to its row of the summary (and, when asked, its scored
 * copy and its 自评表说明): the same reading, scoring and writing as `selfeval score` for that file
 * alone, so the numbers agree. Whatever is wrong with the file ends as a note on its row, never
 * as an exception, so the rest of the batch goes on. Works in Node (CLI, its worker threads) and
 * in the browser.
 */
import {
  type BatchFileOutcome,
  buildNarratives,
  buildWritePlan,
  type FileNote,
  type NarrativeDocument,
  type ScoreOptions,
  scoreWorkbook,
  summarizeForms,
} from "../../../engine";
import type { RawInflate } from "../rawInflate";
import { readXlsxGrid, UnreadableWorkbookError } from "../readXlsxGrid";
import { writeScoredCopy, type WriteScoredCopyOptions } from "../writeScoredCopy";
import { compoundFileKind } from "./compoundFile";

export interface BatchFileOptions {
  /** Passed to the engine as they are; the same options `selfeval score` would pass. */
  readonly scoreOptions: ScoreOptions;
  /** Make the scored copy (the CLI's --scored-dir, browser mode's .zip). */
  readonly scoredCopy?: boolean;
  /** Node's native deflate for the copy's large parts; fflate compresses when absent. */
  readonly deflate?: WriteScoredCopyOptions["deflate"];
  /** A raw inflate (the CLI passes Node's zlib); fflate's otherwise. */
  readonly inflate?: RawInflate;
  /** Renders the 自评表说明 as .docx; given only when it is asked for (docx is large). */
  readonly renderDocx?: (documents: readonly NarrativeDocument[]) => Promise<Uint8Array>;
}

export type { BatchFileOutcome };

function outcome(
  status: BatchFileOutcome["status"],
  notes: FileNote[],
  rest: Partial<BatchFileOutcome> = {}
): BatchFileOutcome {
  return { status, notes, forms: [], problems: [], scoredCopy: null, docx: null, ...rest };
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The reader's typed refusal (a `reason` code) as a note; the codes are the reader's own
 * (`not-zip`, `encrypted`, `legacy-xls`, `too-large`, `doctype`, `too-many-rows`, …).
 */
export function readFailureNote(error: unknown): FileNote | null {
  if (error instanceof UnreadableWorkbookError) return { code: "corrupt" };
  const reason = (error as { reason?: unknown } | null)?.reason;
  if (typeof reason !== "string") return null;
  switch (reason) {
    case "encrypted":
      return { code: "encrypted" };
    case "legacy-xls":
      return { code: "legacy-format", extension: "xls" };
    case "not-zip":
    case "malformed":
      return { code: "corrupt" };
    case "too-large":
      return { code: "refused", detail: "解压后的内容过大" };
    case "doctype":
      return { code: "refused", detail: "部件中含有 DOCTYPE 或实体声明" };
    case "too-many-rows":
      return { code: "refused", detail: "行数超过 Excel 的上限" };
    case "too-many-columns":
      return { code: "refused", detail: "列数超过 Excel 的上限" };
    case "strict-ooxml":
      return {
        code: "refused",
        detail: "采用 Strict Open XML 格式，请在 Excel 中另存为普通 .xlsx",
      };
    default:
      return { code: "corrupt", detail: reason };
  }
}

/** Scores one file of a batch. Never throws: every failure is a note on the outcome. */
export async function scoreBatchFile(
  bytes: Uint8Array,
  options: BatchFileOptions,
  notes: FileNote[] = []
): Promise<BatchFileOutcome> {
  if (bytes.length === 0) return outcome("failed", notes.concat({ code: "empty" }));
  const compound = compoundFileKind(bytes);
  if (compound === "encrypted") return outcome("failed", notes.concat({ code: "encrypted" }));
  if (compound === "legacy")
    return outcome("skipped", notes.concat({ code: "legacy-format", extension: "xls" }));

  let workbook;
  try {
    workbook = await readXlsxGrid(bytes, { inflate: options.inflate });
  } catch (error) {
    const note = readFailureNote(error) ?? { code: "internal", detail: detailOf(error) };
    return outcome(note.code === "legacy-format" ? "skipped" : "failed", notes.concat(note));
  }
  try {
    const result = scoreWorkbook(workbook.grid, options.scoreOptions);
    if (result.forms.length === 0) return outcome("skipped", notes.concat({ code: "no-form" }));
    const { forms, problems } = summarizeForms(result, workbook.grid);
    const written = notes.slice();
    let narratives: NarrativeDocument[] | null = null;
    const narrativesOnce = () => narratives ?? (narratives = buildNarratives(result));
    let scoredCopy: Uint8Array | null = null;
    if (options.scoredCopy) {
      try {
        const plan = buildWritePlan(result, workbook.grid, { narratives: narrativesOnce() });
        scoredCopy = await writeScoredCopy(bytes, plan, {
          zip: workbook.zip,
          deflate: options.deflate,
        });
      } catch (error) {
        written.push({ code: "output-failed", output: "copy", detail: detailOf(error) });
      }
    }
    let docx: Uint8Array | null = null;
    if (options.renderDocx) {
      try {
        docx = await options.renderDocx(narrativesOnce());
      } catch (error) {
        written.push({ code: "output-failed", output: "docx", detail: detailOf(error) });
      }
    }
    return outcome("scored", written, { forms, problems, scoredCopy, docx });
  } catch (error) {
    return outcome("failed", notes.concat({ code: "internal", detail: detailOf(error) }));
  }
}
