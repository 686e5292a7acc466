import type { WorkbookGrid } from "../../../src/engine/grid/types";
import type { WritePlan } from "../../../src/engine/output/types";
import {
  noticesOf,
  type WorkbookPort,
  type WriteNotice,
  type WriteOutcome,
} from "../../../src/workbook/port";

export interface FakePortOptions {
  readonly readError?: Error;
  readonly writeError?: Error;
  readonly selectError?: Error;
  /** Notices as words only (a port that gives no facts). */
  readonly notices?: readonly string[];
  /** Notices as facts, as the real ports give them (with their Chinese words). */
  readonly noticeFacts?: readonly WriteNotice[];
  /** What clearMarks() reports. */
  readonly clearedCount?: number;
}

/** An in-memory workbook port that records every call the pane makes. */
export class FakeWorkbookPort implements WorkbookPort {
  readonly calls: string[] = [];
  readonly writes: WritePlan[] = [];
  readonly selections: Array<{ sheet: string; cell: string }> = [];

  constructor(
    private readonly grid: WorkbookGrid,
    private readonly options: FakePortOptions = {}
  ) {}

  async read(): Promise<WorkbookGrid> {
    this.calls.push("read");
    if (this.options.readError) throw this.options.readError;
    return this.grid;
  }

  async write(plan: WritePlan): Promise<WriteOutcome> {
    this.calls.push("write");
    if (this.options.writeError) throw this.options.writeError;
    this.writes.push(plan);
    return {
      marked: plan.marks.length,
      sheets: plan.sheets.map((placed) => ({ name: placed.name, mode: placed.mode })),
      ...(this.options.noticeFacts
        ? noticesOf(this.options.noticeFacts)
        : { notices: this.options.notices ?? [] }),
    };
  }

  async clearMarks(): Promise<number> {
    this.calls.push("clearMarks");
    return this.options.clearedCount ?? 0;
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.calls.push("select");
    if (this.options.selectError) throw this.options.selectError;
    this.selections.push({ sheet, cell });
  }
}
