/** 汇总表: one row per form (and one per file that gave none), then the total row. */
import {
  alertName,
  amountInWan,
  type BatchForm,
  type BatchSummary,
  columnLetters,
  fileNoteText,
  formatScore,
  kindName,
  STATUS_NAMES,
} from "../../../engine";
import type { SheetWriter, SummaryCell } from "./sheetWriter";
import {
  CENTRED_STYLE,
  copyLink,
  FORMATS,
  HEADER_STYLE,
  LINK_STYLE,
  number,
  projectLabel,
  ratingCell,
  text,
  TEXT_STYLE,
  WRAPPED_STYLE,
} from "./summaryCells";
import type { CellStyle } from "./styleBook";

export const SUMMARY_HEADER = [
  "序号",
  "文件",
  "状态",
  "工作表",
  "单位",
  "项目名称",
  "类型",
  "年度",
  "全年预算数（万元）",
  "全年执行数（万元）",
  "执行率",
  "分值",
  "总分",
  "评级",
  "表内填写的总分/评级",
  "是否完整",
  "错误",
  "警告",
  "预警",
  "主要问题",
] as const;

const TOTAL_STYLE: CellStyle = { ...TEXT_STYLE, font: "bold", fill: "total" };

const WIDTHS = [5, 26, 8, 16, 18, 24, 11, 6, 12, 12, 8, 6, 7, 6, 14, 6, 5, 5, 16, 50];

/** The column (1-based) of a header. */
export function summaryColumn(header: (typeof SUMMARY_HEADER)[number]): number {
  return SUMMARY_HEADER.indexOf(header) + 1;
}

/** "总分 95；评级 优" when the sheet states a total or rating other than the computed one. */
export function statedDifference(form: BatchForm): string {
  const parts: string[] = [];
  if (
    form.statedTotal !== null &&
    form.total.score !== null &&
    Math.abs(form.statedTotal - form.total.score) > 0.005
  )
    parts.push("总分 " + formatScore(form.statedTotal));
  if (form.statedRating !== null && form.rating !== null && form.statedRating !== form.rating)
    parts.push("评级 " + form.statedRating);
  return parts.join("；");
}

export function writeSummarySheet(sheet: SheetWriter, summary: BatchSummary): void {
  sheet.columns(WIDTHS);
  sheet.addRow(SUMMARY_HEADER.map((header) => text(header, HEADER_STYLE)));
  let serial = 0;
  let errors = 0;
  let warnings = 0;
  let formRows = 0;
  summary.files.forEach((file) => {
    const notes = file.notes.map(fileNoteText).join("");
    const fileLink = copyLink(file);
    const fileCell: SummaryCell = fileLink
      ? { text: file.file, style: LINK_STYLE, link: fileLink }
      : text(file.file);
    if (file.forms.length === 0) {
      const style: CellStyle = {
        ...CENTRED_STYLE,
        fill: file.status === "failed" ? "error" : "warning",
      };
      const row: SummaryCell[] = SUMMARY_HEADER.map(() => text(""));
      row[0] = number(++serial, undefined, CENTRED_STYLE);
      row[1] = fileCell;
      row[2] = text(STATUS_NAMES[file.status], style);
      row[SUMMARY_HEADER.length - 1] = text(notes, WRAPPED_STYLE);
      sheet.addRow(row);
      return;
    }
    file.forms.forEach((form) => {
      formRows++;
      errors += form.errors;
      warnings += form.warnings;
      const line = form.budget;
      const budget = line ? amountInWan(line.budget, line.unit) : null;
      const executed = line ? amountInWan(line.executed, line.unit) : null;
      const problems = notes + form.mainProblems.join("");
      const difference = statedDifference(form);
      sheet.addRow([
        number(++serial, undefined, CENTRED_STYLE),
        fileCell,
        text(STATUS_NAMES[file.status], CENTRED_STYLE),
        text(form.sheet, WRAPPED_STYLE),
        text(form.unitName, WRAPPED_STYLE),
        text(projectLabel(form), WRAPPED_STYLE),
        text(kindName(form.kind), CENTRED_STYLE),
        number(form.year, undefined, CENTRED_STYLE),
        number(budget, FORMATS.amount),
        number(executed, FORMATS.amount),
        number(line ? line.rate : null, FORMATS.rate),
        number(form.total.max, undefined, CENTRED_STYLE),
        number(form.total.score, FORMATS.score),
        ratingCell(form.rating),
        text(difference, difference ? { ...CENTRED_STYLE, fill: "warning" } : CENTRED_STYLE),
        text(
          form.total.complete ? "是" : "否",
          form.total.complete ? CENTRED_STYLE : { ...CENTRED_STYLE, fill: "warning" }
        ),
        number(
          form.errors,
          undefined,
          form.errors > 0 ? { ...CENTRED_STYLE, fill: "error" } : CENTRED_STYLE
        ),
        number(
          form.warnings,
          undefined,
          form.warnings > 0 ? { ...CENTRED_STYLE, fill: "warning" } : CENTRED_STYLE
        ),
        text(form.alerts.map(alertName).join("、"), WRAPPED_STYLE),
        text(problems, WRAPPED_STYLE),
      ]);
    });
  });
  const lastDataRow = sheet.nextRow - 1;
  const lastColumn = columnLetters(SUMMARY_HEADER.length);
  sheet.autoFilter("A1:" + lastColumn + Math.max(lastDataRow, 2));
  sheet.freeze(2, 3);

  // The total row stands outside the filter; SUBTOTAL adds only the rows a filter leaves visible.
  const total = (
    header: (typeof SUMMARY_HEADER)[number],
    cached: number,
    format?: string
  ): SummaryCell => {
    const letter = columnLetters(summaryColumn(header));
    return {
      formula: "SUBTOTAL(109," + letter + "2:" + letter + Math.max(lastDataRow, 2) + ")",
      cached,
      style: { ...TOTAL_STYLE, numberFormat: format },
    };
  };
  const budgetLetter = columnLetters(summaryColumn("全年预算数（万元）"));
  const executedLetter = columnLetters(summaryColumn("全年执行数（万元）"));
  const totalRow = sheet.nextRow;
  const row: SummaryCell[] = SUMMARY_HEADER.map(() => text("", TOTAL_STYLE));
  row[0] = text("合计", { ...TOTAL_STYLE, horizontal: "center" });
  row[1] = {
    formula: "SUBTOTAL(103,D2:D" + Math.max(lastDataRow, 2) + ")",
    cached: formRows,
    style: { ...TOTAL_STYLE, numberFormat: '0"张表"', horizontal: "left" },
  };
  // The amounts and the 执行率 count only the rows stating both amounts, as the 汇总分析报告 does
  // (a budget whose 执行数 is blank would lower the 执行率 by its whole amount); SUBTOTAL through
  // OFFSET keeps to the rows a filter leaves visible.
  const funds = summary.statistics.funds;
  const lastRow = Math.max(lastDataRow, 2);
  const pairedSum = (sum: string, other: string): string =>
    `SUMPRODUCT(SUBTOTAL(109,OFFSET(${sum}2,ROW(${sum}2:${sum}${lastRow})-ROW(${sum}2),0)),` +
    `--ISNUMBER(${other}2:${other}${lastRow}))`;
  row[summaryColumn("全年预算数（万元）") - 1] = {
    formula: pairedSum(budgetLetter, executedLetter),
    cached: funds.budget,
    style: { ...TOTAL_STYLE, numberFormat: FORMATS.amount },
  };
  row[summaryColumn("全年执行数（万元）") - 1] = {
    formula: pairedSum(executedLetter, budgetLetter),
    cached: funds.executed,
    style: { ...TOTAL_STYLE, numberFormat: FORMATS.amount },
  };
  row[summaryColumn("执行率") - 1] = {
    formula: `IF(${budgetLetter}${totalRow}>0,${executedLetter}${totalRow}/${budgetLetter}${totalRow},"")`,
    cached: funds.rate !== null ? funds.rate : "",
    style: { ...TOTAL_STYLE, numberFormat: FORMATS.rate },
  };
  row[SUMMARY_HEADER.length - 1] = text(
    "全年预算数、全年执行数合计及执行率只计两项均已填写的表（" +
      funds.forms +
      "张" +
      (funds.leftOut > 0 ? "；另有" + funds.leftOut + "张只填写了其中一项，未计入" : "") +
      "）。",
    { ...TOTAL_STYLE, wrap: true }
  );
  row[summaryColumn("错误") - 1] = total("错误", errors);
  row[summaryColumn("警告") - 1] = total("警告", warnings);
  sheet.addRow(row);
}
