import type { NarrativeBlock, NarrativeDocument } from "../narrative/types";
import {
  EXCEL_CELL_TEXT_LIMIT,
  EXCEL_MAX_ROW_HEIGHT,
  fitCellText,
  splitToFit,
} from "./cellTextLimit";
import { longestTextFittingHeight } from "./rowHeight";
import { outputSheetFingerprint } from "./outputSheetTexts";
import type { OutputRow, OutputSheet } from "./types";

export const NARRATIVE_SHEET_NAME = "自评表说明";

/**
 * Three columns for the goals table (年度主要工作任务 / 年度绩效目标 / 完成情况); paragraphs span
 * all three. 68 units print whole on A4 portrait even where fit-to-width is ignored (LibreOffice).
 */
const COLUMN_WIDTHS = [16, 26, 26];
const SPAN = COLUMN_WIDTHS.length;

/**
 * Rows for one text: one row, or — when it would need a row higher than Excel allows (409 pt) or
 * a cell longer than 32,767 characters — several, cut at the end of a sentence, so that all of it
 * is there and prints.
 */
function textRows(text: string, style: "title" | "heading" | "body"): OutputRow[] {
  const row = (piece: string): OutputRow => ({
    cells: [{ text: piece, style }],
    mergeAcross: SPAN,
  });
  // As long as a row of Excel's highest holds, and never more than a cell does.
  const longest = (rest: string, most: number): number =>
    longestTextFittingHeight(
      rest,
      style,
      COLUMN_WIDTHS,
      SPAN,
      EXCEL_MAX_ROW_HEIGHT,
      Math.min(most, EXCEL_CELL_TEXT_LIMIT)
    );
  return splitToFit(text, longest).map(row);
}

function blockRows(block: NarrativeBlock): OutputRow[] {
  switch (block.kind) {
    case "title":
      return textRows(block.text, "title");
    case "heading":
      return textRows(block.text, "heading");
    case "paragraph":
      return textRows(block.text, "body");
    case "table":
      return [
        { cells: block.header.map((text) => ({ text, style: "tableHeader" as const })) },
        ...block.rows.map((row) => ({
          cells: row.map((text) => ({ text: fitCellText(text), style: "tableCell" as const })),
        })),
      ];
  }
}

/** The narrative documents as sheet rows: one paragraph per row, a blank row between forms. */
export function narrativeSheetRows(documents: readonly NarrativeDocument[]): OutputRow[] {
  const rows: OutputRow[] = [];
  documents.forEach((document, index) => {
    if (index > 0) rows.push({ cells: [] });
    document.blocks.forEach((block) => rows.push(...blockRows(block)));
  });
  return rows;
}

/** The 自评表说明 sheet of these narratives: print-ready (A4 portrait, fitted to the page width). */
export function buildNarrativeSheet(documents: readonly NarrativeDocument[]): OutputSheet {
  const rows = narrativeSheetRows(documents);
  return {
    owner: "narrative",
    preferredName: NARRATIVE_SHEET_NAME,
    columnWidths: COLUMN_WIDTHS,
    rows,
    printFitWidth: true,
    fingerprint: outputSheetFingerprint(rows),
  };
}
