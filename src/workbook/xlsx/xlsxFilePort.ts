/**
 * The workbook port over an .xlsx file held in memory: the task pane's browser mode, where a
 * file the user picked is read and scored in the page and nothing is uploaded. The original
 * bytes are never changed; writing makes the scored copy the user can download. The browser has
 * no native zlib to lend: fflate inflates and deflates, as Node's zlib does for the CLI.
 */
import type { WorkbookGrid } from "../../engine/grid/types";
import type { WritePlan } from "../../engine/output/types";
import { WorkbookPortError, type WorkbookPort, type WriteOutcome } from "../port";
import { readXlsxGrid, UnreadableWorkbookError, type XlsxWorkbook } from "./readXlsxGrid";
import { fflateDeflate, fflateInflate } from "./fflateCodecs";
import { readErrorText } from "./readErrorText";
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
        throw new WorkbookPortError("read-failed", readErrorText(error, this.fileName));
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
        throw new WorkbookPortError("write-failed", readErrorText(error, this.fileName));
      throw new WorkbookPortError(
        "write-failed",
        "无法生成 " +
          this.fileName +
          " 的评分副本：" +
          (error instanceof Error ? error.message : String(error))
      );
    }
    this.markedCells = plan.marks.length;
    return {
      marked: plan.marks.length,
      sheets: plan.sheets.map((placed) => ({ name: placed.name, mode: placed.mode })),
      notices: [],
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
      throw new WorkbookPortError("sheet-missing", "找不到工作表「" + sheet + "」。");
    this.listeners.forEach((listener) => listener(sheet, cell));
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
