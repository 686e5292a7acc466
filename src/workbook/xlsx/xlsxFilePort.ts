/**
 * The workbook port over an .xlsx file held in memory: the task pane's browser mode, where a
 * file the user picked is read and scored in the page and nothing is uploaded. The original
 * bytes are never changed; writing makes the scored copy the user can download. The browser has
 * no native zlib to lend: fflate inflates and deflates, as Node's zlib does for the CLI.
 */
import type { WorkbookGrid, WritePlan } from "../../engine";
import {
  WorkbookPortError,
  type PortErrorFacts,
  type WorkbookPort,
  type WriteOutcome,
} from "../port";
import { readXlsxGrid, UnreadableWorkbookError, type XlsxWorkbook } from "./readXlsxGrid";
import { fflateDeflate, fflateInflate } from "./fflateCodecs";
import { ScoredCopyError } from "./scoredCopyError";
import { writeScoredCopy } from "./writeScoredCopy";

export type SelectListener = (sheet: string, cell: string) => void;

export class XlsxFilePort implements WorkbookPort {
  private loaded: XlsxWorkbook | null = null;
  private scored: Uint8Array | null = null;
  private markedCells = 0;
  private readonly listeners: SelectListener[] = [];

  constructor(
    private readonly bytes: Uint8Array,
    /** The file's name as the user picked it, for messages and the download's name. */
    readonly fileName: string
  ) {}

  async read(): Promise<WorkbookGrid> {
    try {
      this.loaded = await readXlsxGrid(this.bytes, { inflate: fflateInflate });
    } catch (error) {
      if (error instanceof UnreadableWorkbookError)
        throw new WorkbookPortError("read-failed", this.unreadable(error));
      throw error;
    }
    return this.loaded.grid;
  }

  async write(plan: WritePlan): Promise<WriteOutcome> {
    try {
      this.scored = await writeScoredCopy(this.bytes, plan, {
        zip: this.loaded ? this.loaded.zip : undefined,
        deflate: fflateDeflate,
      });
    } catch (error) {
      this.scored = null;
      // A part only the writer reads (a note, a drawing) may turn out unreadable only now.
      if (error instanceof UnreadableWorkbookError)
        throw new WorkbookPortError("write-failed", this.unreadable(error));
      throw new WorkbookPortError("write-failed", {
        code: "copy-failed",
        file: this.fileName,
        copy:
          error instanceof ScoredCopyError
            ? error.facts
            : // writeScoredCopy fails only with the errors above; anything else is named as
              // the workbook's structure, as the writer itself would.
              { reason: "malformed-part", part: "", detail: String(error) },
      });
    }
    this.markedCells = plan.marks.length;
    return {
      marked: plan.marks.length,
      sheets: plan.sheets.map((placed) => ({ name: placed.name, mode: placed.mode })),
      notices: [],
      noticeFacts: [],
    };
  }

  /** Drops the scored copy: the original file never had the marks. */
  async clearMarks(): Promise<number> {
    const cleared = this.scored ? this.markedCells : 0;
    this.scored = null;
    this.markedCells = 0;
    return cleared;
  }

  async select(sheet: string, cell: string): Promise<void> {
    const grid = this.loaded ? this.loaded.grid : null;
    if (!grid || !grid.sheets.some((candidate) => candidate.name === sheet))
      throw new WorkbookPortError("sheet-missing", { code: "preview-sheet-missing", sheet });
    this.listeners.forEach((listener) => listener(sheet, cell));
  }

  private unreadable(error: UnreadableWorkbookError): PortErrorFacts {
    return {
      code: "file-unreadable",
      file: this.fileName,
      reason: error.reason,
      unreadable: error.facts,
    };
  }

  /** Called with every cell select() is asked for (the preview scrolls to it). */
  onSelect(listener: SelectListener): () => void {
    this.listeners.push(listener);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index >= 0) this.listeners.splice(index, 1);
    };
  }

  /** The scored copy's bytes after a write; null before one or after clearMarks. */
  scoredCopy(): Uint8Array | null {
    return this.scored;
  }
}
