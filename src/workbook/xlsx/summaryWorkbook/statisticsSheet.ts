/** 统计: forms by 评级 (with a native chart of it) and by 类型, the spread of 总分 and 执行率, files. */
import { type BatchSummary, kindName, type Spread } from "../../../engine";
import type { ColumnChart } from "./chartParts";
import { FILL_COLOURS } from "./styleBook";
import type { SheetWriter, SummaryCell } from "./sheetWriter";
import {
  CENTRED_STYLE,
  FORMATS,
  HEADER_STYLE,
  number,
  ratingCell,
  ratingFill,
  text,
  TITLE_STYLE,
} from "./summaryCells";

const WIDTHS = [20, 10, 10, 10, 10, 10];
export const RATING_CHART_TITLE = "评级分布";

function spreadRow(label: string, spread: Spread, format: string): SummaryCell[] {
  return [
    text(label),
    number(spread.count, undefined, CENTRED_STYLE),
    number(spread.mean, format),
    number(spread.standardDeviation, format),
    number(spread.min, format),
    number(spread.max, format),
  ];
}

/** Writes the sheet; returns the chart of the 评级 rows to anchor beside them. */
export function writeStatisticsSheet(sheet: SheetWriter, summary: BatchSummary): ColumnChart {
  sheet.columns(WIDTHS);
  const stats = summary.statistics;
  sheet.addRow([text("统计", TITLE_STYLE)], { height: 24 });
  sheet.skipRow();
  const ratingHeader = sheet.addRow(["评级", "表数", "占比"].map((h) => text(h, HEADER_STYLE)));
  const rated = stats.byRating.reduce((sum, entry) => sum + entry.count, 0);
  const all = rated + stats.unrated;
  for (const entry of stats.byRating)
    sheet.addRow([
      ratingCell(entry.rating),
      number(entry.count, undefined, CENTRED_STYLE),
      number(all > 0 ? entry.count / all : null, FORMATS.rate),
    ]);
  const lastRatingRow = sheet.nextRow - 1;
  if (stats.unrated > 0)
    sheet.addRow([
      text("未能评级（总分无法确定）"),
      number(stats.unrated, undefined, CENTRED_STYLE),
      number(all > 0 ? stats.unrated / all : null, FORMATS.rate),
    ]);
  sheet.addRow([
    text("合计", { ...CENTRED_STYLE, font: "bold" }),
    number(all, undefined, { ...CENTRED_STYLE, font: "bold" }),
    number(all > 0 ? 1 : null, FORMATS.rate, { ...CENTRED_STYLE, font: "bold" }),
  ]);

  sheet.skipRow();
  sheet.addRow(["类型", "表数"].map((h) => text(h, HEADER_STYLE)));
  for (const entry of stats.byKind)
    sheet.addRow([text(kindName(entry.kind)), number(entry.count, undefined, CENTRED_STYLE)]);

  sheet.skipRow();
  sheet.addRow(
    ["指标", "表数", "平均", "标准差", "最低", "最高"].map((h) => text(h, HEADER_STYLE))
  );
  sheet.addRow(spreadRow("总分", stats.score, FORMATS.score));
  sheet.addRow(spreadRow("预算执行率", stats.rate, FORMATS.rate));
  if (stats.scoreLeftOut > 0)
    sheet.addRow([
      text("总分不完整、超过满分或满分不是100分（未计入总分统计）"),
      number(stats.scoreLeftOut, undefined, CENTRED_STYLE),
    ]);

  sheet.skipRow();
  sheet.addRow(["文件", "个数"].map((h) => text(h, HEADER_STYLE)));
  const totals = summary.totals;
  const fileRows: Array<[string, number]> = [
    ["列入汇总的工作簿", totals.files],
    ["已评分", totals.scored],
    ["无法打开", totals.failed],
    ["已跳过", totals.skipped],
    ["非表格文件（已忽略）", totals.ignored],
    ["评分的自评表（张）", totals.forms],
  ];
  for (const [label, count] of fileRows)
    sheet.addRow([text(label), number(count, undefined, CENTRED_STYLE)]);

  return {
    title: RATING_CHART_TITLE,
    sheet: sheet.name,
    categoriesRange: "$A$" + (ratingHeader + 1) + ":$A$" + lastRatingRow,
    valuesRange: "$B$" + (ratingHeader + 1) + ":$B$" + lastRatingRow,
    seriesNameCell: "$B$" + ratingHeader,
    seriesName: "表数",
    categories: stats.byRating.map((entry) => entry.rating),
    values: stats.byRating.map((entry) => entry.count),
    pointColours: stats.byRating.map((entry) => {
      const fill = ratingFill(entry.rating);
      return fill ? RATING_BAR_COLOURS[fill] || FILL_COLOURS[fill] : null;
    }),
  };
}

/** Bars a shade deeper than the cell fills, so they read on white. */
const RATING_BAR_COLOURS: Readonly<Record<string, string>> = {
  ratingExcellent: "70AD47",
  ratingGood: "5B9BD5",
  ratingFair: "FFC000",
  ratingPoor: "E15759",
};
