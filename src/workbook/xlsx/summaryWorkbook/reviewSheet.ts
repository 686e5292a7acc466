/** 抽查建议: every form ranked by risk with its reasons, then a sample drawn by budget band. */
import {
  type BatchSummary,
  budgetInWan,
  formatScore,
  type FormRef,
  riskFactorText,
} from "../../../engine";
import type { SheetWriter, SummaryCell } from "./sheetWriter";
import {
  CENTRED_STYLE,
  FORMATS,
  HEADER_STYLE,
  number,
  projectLabel,
  ratingCell,
  text,
  TITLE_STYLE,
  WRAPPED_STYLE,
} from "./summaryCells";

export const RANKING_HEADER = [
  "排名",
  "文件",
  "工作表",
  "单位",
  "项目名称",
  "全年预算数（万元）",
  "总分",
  "评级",
  "风险分",
  "原因",
] as const;

/** The sample's list has the ranking's columns, the band in place of the reasons. */
export const SAMPLE_HEADER = [
  "序号",
  "文件",
  "工作表",
  "单位",
  "项目名称",
  "全年预算数（万元）",
  "总分",
  "评级",
  "风险分",
  "预算规模",
] as const;

const WIDTHS = [6, 26, 18, 18, 24, 12, 8, 6, 7, 60];
export const RANKING_TITLE =
  "一、按风险排序（错误、自评预警、扣分未说明原因、总分或评级不符、执行率偏低、预算规模大）";

function formCells(summary: BatchSummary, ref: FormRef): SummaryCell[] {
  const file = summary.files[ref.file];
  const form = file.forms[ref.form];
  return [
    text(file.file, WRAPPED_STYLE),
    text(form.sheet, WRAPPED_STYLE),
    text(form.unitName, WRAPPED_STYLE),
    text(projectLabel(form), WRAPPED_STYLE),
    number(budgetInWan(form.budget), FORMATS.amount),
    number(form.total.score, FORMATS.score),
    ratingCell(form.rating),
  ];
}

export function writeReviewSheet(sheet: SheetWriter, summary: BatchSummary): void {
  sheet.columns(WIDTHS);
  sheet.addRow([text(RANKING_TITLE, TITLE_STYLE)], { height: 24 });
  const headerRow = sheet.addRow(RANKING_HEADER.map((header) => text(header, HEADER_STYLE)));
  summary.risks.forEach((risk, index) => {
    sheet.addRow([
      number(index + 1, undefined, CENTRED_STYLE),
      ...formCells(summary, risk),
      number(risk.score, undefined, CENTRED_STYLE),
      text(
        risk.factors.length === 0
          ? "未发现需重点关注的问题"
          : risk.factors.map(riskFactorText).join("；"),
        WRAPPED_STYLE
      ),
    ]);
  });
  sheet.autoFilter("A" + headerRow + ":J" + Math.max(sheet.nextRow - 1, headerRow + 1));
  sheet.freeze(headerRow + 1, 1);

  sheet.skipRow();
  const sample = summary.sample;
  const drawn = sample.bands.reduce((sum, band) => sum + band.picked.length, 0);
  sheet.addRow(
    [
      text(
        "二、按预算规模分层抽样：每档抽取 " +
          formatScore(sample.percent) +
          "%（向上取整），共 " +
          drawn +
          " 张；随机种子 " +
          sample.seed +
          "，由文件清单决定，同一批文件每次抽取结果相同",
        TITLE_STYLE
      ),
    ],
    { height: 24 }
  );
  // The bands in the ranking's first columns: a number, the band, how many forms, how many drawn.
  sheet.addRow(
    ["序号", "预算规模", "本档表数", "抽取表数"].map((header) => text(header, HEADER_STYLE))
  );
  sample.bands.forEach((band, index) =>
    sheet.addRow([
      number(index + 1, undefined, CENTRED_STYLE),
      text(band.band.label),
      number(band.size, undefined, CENTRED_STYLE),
      number(band.picked.length, undefined, CENTRED_STYLE),
    ])
  );
  sheet.skipRow();
  sheet.addRow(SAMPLE_HEADER.map((header) => text(header, HEADER_STYLE)));
  const riskOf = new Map<string, number>();
  for (const risk of summary.risks) riskOf.set(risk.file + ":" + risk.form, risk.score);
  let serial = 0;
  for (const band of sample.bands)
    for (const ref of band.picked)
      sheet.addRow([
        number(++serial, undefined, CENTRED_STYLE),
        ...formCells(summary, ref),
        number(riskOf.get(ref.file + ":" + ref.form), undefined, CENTRED_STYLE),
        text(band.band.label),
      ]);
}
