/** 问题清单: every problem of every form, and every file that could not be scored. */
import { type BatchSummary, fileNoteText, severityName, STATUS_NAMES } from "../../../engine";
import type { CellStyle } from "./styleBook";
import type { SheetWriter, SummaryCell } from "./sheetWriter";
import {
  CENTRED_STYLE,
  copyLink,
  HEADER_STYLE,
  LINK_STYLE,
  number,
  text,
  WRAPPED_STYLE,
} from "./summaryCells";

export const PROBLEM_HEADER = ["序号", "文件", "工作表", "单元格", "指标", "级别", "说明"] as const;
const WIDTHS = [6, 28, 16, 8, 24, 6, 70];

function levelStyle(severity: string): CellStyle {
  if (severity === "error") return { ...CENTRED_STYLE, fill: "error" };
  if (severity === "warning") return { ...CENTRED_STYLE, fill: "warning" };
  return CENTRED_STYLE;
}

export function writeProblemSheet(sheet: SheetWriter, summary: BatchSummary): void {
  sheet.columns(WIDTHS);
  sheet.addRow(PROBLEM_HEADER.map((header) => text(header, HEADER_STYLE)));
  let serial = 0;
  for (const file of summary.files) {
    if (file.status !== "scored") {
      // A file without a form is a problem of its own: the reviewer must ask for it again.
      const severity = file.status === "failed" ? "error" : "warning";
      sheet.addRow([
        number(++serial, undefined, CENTRED_STYLE),
        text(file.file),
        text(""),
        text(""),
        text(STATUS_NAMES[file.status]),
        text(severityName(severity), levelStyle(severity)),
        text(file.notes.map(fileNoteText).join(""), WRAPPED_STYLE),
      ]);
      continue;
    }
    for (const problem of file.problems) {
      const link = copyLink(file, problem.sheet, problem.cell);
      const cell: SummaryCell = link
        ? { text: problem.cell, style: { ...LINK_STYLE, horizontal: "center" }, link }
        : text(problem.cell, CENTRED_STYLE);
      sheet.addRow([
        number(++serial, undefined, CENTRED_STYLE),
        text(file.file),
        text(problem.sheet),
        cell,
        text(problem.subject, WRAPPED_STYLE),
        text(severityName(problem.severity), levelStyle(problem.severity)),
        text(problem.message, WRAPPED_STYLE),
      ]);
    }
  }
  sheet.autoFilter("A1:G" + Math.max(sheet.nextRow - 1, 2));
  sheet.freeze(2, 1);
}
