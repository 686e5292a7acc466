import type { WorkbookGrid, WritePlan } from "../../engine";
import type { WorkbookPort, WriteOutcome } from "../../workbook/port";
import type { FileWorkbookPort } from "./browserTools";

/**
 * The file's port as the pane and the preview share it. A picked file never changes, so it is
 * read once: the preview shows that grid, and scoring (again) reuses it instead of unzipping and
 * parsing a 20,000-row sheet once more. XlsxFilePort writes from the package it read and leaves
 * that package as it was, so a second write starts from the original too. Each successful write
 * hands its plan to the preview, which highlights the marked cells.
 */
export class PreviewedWorkbookPort implements WorkbookPort {
  private reading: Promise<WorkbookGrid> | null = null;

  constructor(
    readonly file: FileWorkbookPort,
    private readonly onWritten: (plan: WritePlan) => void
  ) {}

  read(): Promise<WorkbookGrid> {
    if (!this.reading) {
      const reading = this.file.read();
      this.reading = reading;
      // A failed read is tried again next time rather than remembered.
      reading.catch(() => {
        if (this.reading === reading) this.reading = null;
      });
    }
    return this.reading;
  }

  async write(plan: WritePlan): Promise<WriteOutcome> {
    const outcome = await this.file.write(plan);
    this.onWritten(plan);
    return outcome;
  }

  clearMarks(): Promise<number> {
    return this.file.clearMarks();
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.file.select(sheet, cell);
  }
}
