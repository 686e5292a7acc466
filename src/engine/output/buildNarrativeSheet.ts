import type { ScoreResult } from "../scoreWorkbook";
import type { ScoredForm } from "../score/scoreForm";
import { formatScore } from "../score/round";
import { fingerprintTexts } from "./fingerprintTexts";
import { outputSheetTexts } from "./outputSheetTexts";
import type { OutputRow, OutputSheet } from "./types";

export const NARRATIVE_SHEET_NAME = "自评表说明";

function heading(form: ScoredForm): string {
  const info = form.summary;
  const unit = info.unitName ?? "";
  const year = info.year !== null ? info.year + "年度" : "";
  const project = info.projectName ? "“" + info.projectName + "”" : "";
  return unit + year + project + form.profile.label + "绩效自评表说明";
}

function summaryParagraph(form: ScoredForm): string {
  const summary = form.summary;
  const subject = summary.projectName
    ? "“" + summary.projectName + "”项目支出"
    : form.profile.label;
  const parts: string[] = [];
  if (summary.total.score !== null) {
    parts.push(
      subject +
        "绩效自评得分" +
        formatScore(summary.total.score) +
        "分，评级为" +
        summary.rating +
        "。" +
        (summary.total.complete ? "" : "（部分指标得分尚无法确定，总分不完整。）")
    );
  }
  const scored = form.indicators.filter(
    (indicator) => indicator.score !== null && indicator.max !== null
  );
  const full = scored.filter(
    (indicator) => (indicator.score as number) >= (indicator.max as number) - form.profile.tolerance
  );
  const lost = scored.length - full.length;
  const undetermined = form.indicators.length - scored.length;
  const counts: string[] = [];
  if (full.length > 0) counts.push(full.length + "项得满分");
  if (lost > 0) counts.push(lost + "项有扣分");
  if (undetermined > 0) counts.push(undetermined + "项得分尚无法确定");
  const allFull = lost === 0 && undetermined === 0;
  parts.push(
    "共" +
      form.indicators.length +
      "项绩效指标，" +
      (allFull ? "均得满分。" : "其中" + counts.join("，") + "。")
  );
  const top = form.groups.filter((group) => group.path.length === 1);
  if (top.length > 0) {
    parts.push(
      top
        .map(
          (group) =>
            group.path[0] +
            "分值" +
            formatScore(group.max) +
            "分，自评得分" +
            (group.score === null ? "待定" : formatScore(group.score) + "分")
        )
        .join("；") + "。"
    );
  }
  const problems = form.problems.list();
  const errors = problems.filter((problem) => problem.severity === "error").length;
  if (problems.length > 0)
    parts.push(
      "评分时发现问题" +
        problems.length +
        "个" +
        (errors > 0 ? "（其中错误" + errors + "个）" : "") +
        "，详见“评分结果”表。"
    );
  return parts.join("");
}

/** The narrative sheet: for now a plain summary paragraph per form, print-ready. */
export function buildNarrativeSheet(result: ScoreResult): OutputSheet {
  const rows: OutputRow[] = [];
  result.forms.forEach((form, index) => {
    if (index > 0) rows.push({ cells: [] });
    rows.push({ cells: [{ text: heading(form), style: "title" }] });
    rows.push({ cells: [{ text: summaryParagraph(form), style: "body" }] });
  });
  return {
    owner: "narrative",
    preferredName: NARRATIVE_SHEET_NAME,
    columnWidths: [68],
    rows,
    printFitWidth: true,
    fingerprint: fingerprintTexts(outputSheetTexts(rows)),
  };
}
