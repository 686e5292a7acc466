/**
 * What a scoring run asks a host to write, independent of the host: the xlsx writer and the
 * Office.js adapter both render exactly this.
 */
import type { SheetOwnerKind } from "../grid/types";

/** error: must be fixed (exit code 1); warning: should be checked; info: what a rule did. */
export type Severity = "error" | "warning" | "info";

/** A cell of the user's sheets to highlight, with the note that says what is wrong there. */
export interface CellMark {
  readonly sheet: string;
  /** A1 address. */
  readonly cell: string;
  readonly severity: Severity;
  /** Plain text for the cell's note; several problems on one cell are joined with line breaks. */
  readonly note: string;
}

/** Visual role of an output cell; each host maps it to fonts, fills and borders. */
export type OutputStyle =
  | "title" // large bold, the sheet's heading
  | "heading" // bold paragraph heading (一、…, （一）…)
  | "tableHeader" // bold, filled, bordered
  | "tableCell" // bordered
  | "body" // wrapped paragraph text
  | "error" // a problem row of severity error
  | "warning" // a problem row of severity warning
  | "info"; // a problem row of severity info

/** Text is always written as text, never as a formula, whatever it starts with. */
export interface OutputTextCell {
  readonly text: string;
  readonly style?: OutputStyle;
}

export interface OutputNumberCell {
  readonly number: number;
  /** Excel number format, e.g. "0.00" or "0.00%"; General when absent. */
  readonly format?: string;
  readonly style?: OutputStyle;
}

export type OutputCell = OutputTextCell | OutputNumberCell | null;

export interface OutputRow {
  readonly cells: readonly OutputCell[];
  /** Merge the row's first cell across this many columns (for paragraphs and titles). */
  readonly mergeAcross?: number;
}

export interface OutputSheet {
  readonly owner: SheetOwnerKind;
  /** The name to use when no sheet has it; otherwise "name (2)", "name (3)"… */
  readonly preferredName: string;
  /** Column widths in Excel character units. */
  readonly columnWidths: readonly number[];
  readonly rows: readonly OutputRow[];
  /** A4, fitted to the page width. */
  readonly printFitWidth?: boolean;
  /** Print across the page (wide tables); portrait when absent. */
  readonly landscape?: boolean;
  /** Fingerprint of the texts written, stored with the ownership mark (see fingerprintTexts). */
  readonly fingerprint: string;
}

/** How a host should place one output sheet, decided from the workbook as it is (see planOutputSheets). */
export interface PlacedOutputSheet {
  readonly sheet: OutputSheet;
  /** The sheet name to write to. */
  readonly name: string;
  /** "replace": the tool's own earlier sheet of that name, unedited, is overwritten; "create": a new sheet. */
  readonly mode: "create" | "replace";
}

export interface WritePlan {
  readonly marks: readonly CellMark[];
  readonly sheets: readonly PlacedOutputSheet[];
}
