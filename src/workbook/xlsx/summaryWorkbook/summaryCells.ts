/** Cell builders and shared wording for the sheets of the 汇总 workbook. */
import { type BatchFile, type BatchForm, formatScore } from "../../../engine";
import type { CellStyle, FillRole } from "./styleBook";
import type { SummaryCell } from "./sheetWriter";

export const SHEET_NAMES = {
  summary: "汇总表",
  problems: "问题清单",
  review: "抽查建议",
  statistics: "统计",
} as const;

export const FORMATS = {
  amount: "#,##0.00",
  rate: "0.00%",
  score: "0.00",
} as const;

export const HEADER_STYLE: CellStyle = {
  font: "bold",
  fill: "header",
  border: true,
  horizontal: "center",
  vertical: "center",
  wrap: true,
};
export const TEXT_STYLE: CellStyle = { border: true, vertical: "center" };
export const WRAPPED_STYLE: CellStyle = { border: true, vertical: "center", wrap: true };
export const CENTRED_STYLE: CellStyle = { border: true, vertical: "center", horizontal: "center" };
export const TITLE_STYLE: CellStyle = { font: "title", vertical: "center" };
export const LINK_STYLE: CellStyle = { font: "link", border: true, vertical: "center" };

const RATING_FILLS: Readonly<Record<string, FillRole>> = {
  优: "ratingExcellent",
  良: "ratingGood",
  中: "ratingFair",
  差: "ratingPoor",
};

/** The colour of a rating (Excel's Good/Neutral/Bad fills), for its cells and its chart bar. */
export function ratingFill(rating: string | null): FillRole | undefined {
  return rating === null ? undefined : RATING_FILLS[rating];
}

export function text(value: string | null | undefined, style: CellStyle = TEXT_STYLE): SummaryCell {
  return { text: value === null || value === undefined ? "" : value, style };
}

export function number(
  value: number | null | undefined,
  format?: string,
  style: CellStyle = TEXT_STYLE
): SummaryCell {
  if (value === null || value === undefined || !isFinite(value)) return { text: "", style };
  return { number: value, style: format ? { ...style, numberFormat: format } : style };
}

export function ratingCell(rating: string | null, extra: CellStyle = {}): SummaryCell {
  const fill = ratingFill(rating);
  return text(rating, {
    ...CENTRED_STYLE,
    ...extra,
    font: fill ? "bold" : extra.font,
    fill: fill || extra.fill,
  });
}

/** What a form is called in the lists: its project, or 部门整体 for a department form. */
export function projectLabel(form: BatchForm): string {
  return form.kind === "department" ? "部门整体" : form.projectName || "";
}

/** A hyperlink target for a scored copy, relative to the summary workbook ("/" separated). */
export function copyLink(file: BatchFile, sheet?: string, cell?: string): string | undefined {
  if (file.scoredCopy === null) return undefined;
  // A relative URI: characters that would end or change the path are escaped, the rest is kept
  // as it is (Excel and LibreOffice read Chinese names in link targets as they are).
  const path = file.scoredCopy
    .split("/")
    .map((segment) => segment.replace(/[%#?\s"<>\\^`{|}]/g, (c) => encodeURIComponent(c)))
    .join("/");
  if (sheet === undefined || cell === undefined) return path;
  return path + "#'" + sheet.replace(/'/g, "''") + "'!" + cell;
}

/** "98.36" for a score, "—" when there is none. */
export function scoreText(score: number | null): string {
  return score === null ? "—" : formatScore(score);
}
