import type { ScoreResult } from "../scoreWorkbook";
import type { ScoredForm } from "../score/scoreForm";
import { showBidiControls } from "../values/bidiControls";
import { fitCellText } from "./cellTextLimit";
import { outputSheetFingerprint } from "./outputSheetTexts";
import { parseA1 } from "../grid/address";
import { RESULTS_SHEET_TITLE } from "../detect/isToolSheet";
import { formatScore } from "../score/round";
import { DEFAULT_RULE_SET } from "../rules/ruleSets";

function scoreText(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : formatScore(value);
}
import type { FormIndicator } from "../report/schema";
import type { OutputCell, OutputRow, OutputSheet, OutputStyle, Severity } from "./types";

const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

export const RESULTS_SHEET_NAME = "评分结果";

const COLUMNS = 8;

function text(value: string, style?: OutputStyle): OutputCell {
  // Sheet names and the file name come from outside the cells: shown like cell text, and short
  // enough for one cell.
  const shown = fitCellText(showBidiControls(value));
  return style ? { text: shown, style } : { text: shown };
}

function score(
  value: number | null,
  style: "tableCell" | "error" | "warning" = "tableCell"
): OutputCell {
  return value === null ? { text: "—", style } : { number: value, format: "0.00", style };
}

function paragraph(value: string, style: "title" | "heading" | "body"): OutputRow {
  return { cells: [{ text: fitCellText(showBidiControls(value)), style }], mergeAcross: COLUMNS };
}

function formHeading(form: ScoredForm): string {
  const project = form.summary.projectName ? "项目「" + form.summary.projectName + "」，" : "";
  const title = form.summary.title ? "（" + form.summary.title + "）" : "";
  return (
    "工作表「" +
    form.summary.sheet +
    "」" +
    title +
    "：" +
    project +
    "按" +
    form.profile.label +
    // The default set goes unnamed, as before rule sets existed.
    (form.ruleSet.id === DEFAULT_RULE_SET.id ? "" : "、" + form.ruleSet.name) +
    "规则评分"
  );
}

/** What the rule set did to the total: the 预算执行率 cap and the not-applicable rescaling. */
function ruleLines(form: ScoredForm): OutputRow[] {
  const rows: OutputRow[] = [];
  const { cap, rescaled, notApplicable } = form.effects;
  if (rescaled)
    rows.push(
      paragraph(
        notApplicable.length +
          "项指标不适用，不予考核：适用指标得分合计" +
          scoreText(rescaled.unscaled) +
          "分（分值" +
          formatScore(rescaled.applicableMax) +
          "分），按百分制折算为" +
          scoreText(form.summary.total.uncapped ?? form.summary.total.score) +
          "分。",
        "body"
      )
    );
  if (cap)
    rows.push(
      paragraph(
        "预算执行率" +
          formatScore(cap.rate * 100) +
          "%，总分最高" +
          formatScore(cap.cap) +
          "分" +
          (cap.uncapped !== null
            ? "：各项得分合计" +
              formatScore(cap.uncapped) +
              "分，按" +
              formatScore(cap.cap) +
              "分计。"
            : "。"),
        "body"
      )
    );
  return rows;
}

function summaryRows(form: ScoredForm): OutputRow[] {
  const total = form.summary.total;
  const rows: OutputRow[] = [paragraph(formHeading(form), "heading")];
  rows.push({
    cells: [
      text("总分", "tableHeader"),
      score(total.score),
      text("满分", "tableHeader"),
      { number: total.max, format: "0.00", style: "tableCell" },
      text("评级", "tableHeader"),
      text(form.summary.rating ?? "—", "tableCell"),
      text("得分是否完整", "tableHeader"),
      text(total.complete ? "完整" : "不完整", total.complete ? "tableCell" : "warning"),
    ],
  });
  return rows.concat(ruleLines(form));
}

function groupRows(form: ScoredForm): OutputRow[] {
  const rows: OutputRow[] = [
    {
      cells: [
        text("指标层级", "tableHeader"),
        text("分值", "tableHeader"),
        text("得分", "tableHeader"),
        text("得分率", "tableHeader"),
        text("是否完整", "tableHeader"),
      ],
    },
  ];
  for (const group of form.groups) {
    const indent = group.path.length > 1 ? "　".repeat(group.path.length - 1) : "";
    rows.push({
      cells: [
        text(indent + group.path[group.path.length - 1], "tableCell"),
        { number: group.max, format: "0.00", style: "tableCell" },
        score(group.score),
        group.score === null || group.max === 0
          ? text("—", "tableCell")
          : { number: group.score / group.max, format: "0.00%", style: "tableCell" },
        text(group.complete ? "是" : "否", group.complete ? "tableCell" : "warning"),
      ],
    });
  }
  return rows;
}

// A person reads a list of a few hundred indicators; beyond that only those needing attention are listed.
const FULL_INDICATOR_LIST_LIMIT = 300;

function needsAttention(
  indicator: FormIndicator,
  problemRows: ReadonlySet<number>,
  tolerance: number
): boolean {
  if (indicator.scoreSource !== "entered" || problemRows.has(indicator.row)) return true;
  return (
    indicator.computedScore !== null &&
    indicator.score !== null &&
    Math.abs(indicator.score - indicator.computedScore) > tolerance
  );
}

function indicatorRows(form: ScoredForm): OutputRow[] {
  const problemRows = new Set<number>();
  for (const problem of form.problems.list()) {
    const cell = parseA1(problem.cell);
    if (cell) problemRows.add(cell.row);
  }
  const listed =
    form.indicators.length > FULL_INDICATOR_LIST_LIMIT
      ? form.indicators.filter((indicator) =>
          needsAttention(indicator, problemRows, form.profile.tolerance)
        )
      : form.indicators;
  const rows: OutputRow[] = [];
  if (listed.length < form.indicators.length)
    rows.push(
      paragraph(
        "本表共" +
          form.indicators.length +
          "项指标，以下仅列出得分按规则计算、与计算不一致、无法确定或有问题的" +
          listed.length +
          "项。",
        "body"
      )
    );
  rows.push({
    cells: [
      text("指标", "tableHeader"),
      text("年度指标值", "tableHeader"),
      text("实际完成值", "tableHeader"),
      text("分值", "tableHeader"),
      text("计算得分", "tableHeader"),
      text("采用得分", "tableHeader"),
      text("得分来源", "tableHeader"),
      text("行号", "tableHeader"),
    ],
  });
  if (form.summary.budget) {
    const budget = form.summary.budget;
    rows.push({
      cells: [
        text("预算执行率", "tableCell"),
        text("执行率 = 全年执行数 / 全年预算数", "tableCell"),
        budget.rate === null
          ? text("—", "tableCell")
          : { number: budget.rate, format: "0.00%", style: "tableCell" },
        score(budget.max),
        score(budget.computedScore),
        score(budget.score, budget.score === null ? "error" : "tableCell"),
        text(sourceLabel(budget.scoreSource), "tableCell"),
        { number: budget.row, style: "tableCell" },
      ],
    });
  }
  for (const indicator of listed) {
    if (indicator.kind === "not-applicable") {
      // Listed as the sheet states it, counted in no score or 分值.
      rows.push({
        cells: [
          text(indicator.path.concat(indicator.name || "（未填写名称）").join(" / "), "tableCell"),
          text(indicator.target ?? "", "tableCell"),
          text(indicator.actual ?? "", "tableCell"),
          score(indicator.max),
          text("—", "tableCell"),
          text("不适用", "tableCell"),
          text("不适用，不计分", "tableCell"),
          { number: indicator.row, style: "tableCell" },
        ],
      });
      continue;
    }
    rows.push({
      cells: [
        text(indicator.path.concat(indicator.name || "（未填写名称）").join(" / "), "tableCell"),
        text(indicator.target ?? "", "tableCell"),
        text(indicator.actual ?? "", "tableCell"),
        score(indicator.max),
        score(indicator.computedScore),
        score(indicator.score, indicator.score === null ? "error" : "tableCell"),
        text(sourceLabel(indicator.scoreSource), "tableCell"),
        { number: indicator.row, style: "tableCell" },
      ],
    });
  }
  return rows;
}

function sourceLabel(source: "entered" | "computed" | null): string {
  if (source === "entered") return "填写";
  if (source === "computed") return "按规则计算";
  return "无法确定";
}

function problemRows(result: ScoreResult): OutputRow[] {
  const rows: OutputRow[] = [];
  const count = (severity: Severity) =>
    result.problems.filter((p) => p.severity === severity).length;
  const infos = count("info");
  rows.push(
    paragraph(
      "发现的问题：错误 " +
        count("error") +
        " 个，警告 " +
        count("warning") +
        " 个" +
        (infos > 0 ? "，提示 " + infos + " 个" : ""),
      "heading"
    )
  );
  if (result.problems.length === 0) {
    rows.push(paragraph("未发现问题。", "body"));
    return rows;
  }
  rows.push({
    cells: [
      text("问题说明", "tableHeader"),
      text("严重程度", "tableHeader"),
      text("工作表", "tableHeader"),
      text("单元格", "tableHeader"),
    ],
  });
  const ordered = result.problems
    .filter((p) => p.severity === "error")
    .concat(result.problems.filter((p) => p.severity === "warning"))
    .concat(result.problems.filter((p) => p.severity === "info"));
  for (const problem of ordered) {
    const style = problem.severity;
    rows.push({
      cells: [
        text(problem.message, style),
        text(SEVERITY_LABEL[problem.severity], style),
        text(problem.sheet, style),
        text(problem.cell, style),
      ],
    });
  }
  return rows;
}

/** The results sheet: per form the total, rating and sub-scores, every indicator's score, and every problem. */
export function buildResultsSheet(result: ScoreResult): OutputSheet {
  const rows: OutputRow[] = [paragraph(RESULTS_SHEET_TITLE, "title")];
  // Appended one by one: a spread (rows.push(...list)) passes the 20,000 rows of a large form
  // as arguments, on the stack.
  const add = (list: readonly OutputRow[]): void => {
    for (let i = 0; i < list.length; i++) rows.push(list[i]);
  };
  if (result.report.file) rows.push(paragraph("文件：" + result.report.file, "body"));
  for (const form of result.forms) {
    rows.push({ cells: [] });
    add(summaryRows(form));
    rows.push({ cells: [] });
    add(groupRows(form));
    rows.push({ cells: [] });
    add(indicatorRows(form));
  }
  rows.push({ cells: [] });
  add(problemRows(result));
  return {
    owner: "results",
    preferredName: RESULTS_SHEET_NAME,
    columnWidths: [50, 16, 16, 10, 12, 12, 14, 10],
    rows,
    printFitWidth: true,
    landscape: true,
    fingerprint: outputSheetFingerprint(rows),
  };
}
