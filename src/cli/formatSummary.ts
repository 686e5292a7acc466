import { DEFAULT_RULE_SET, formatScore, type ScoreResult } from "../engine";
import { missWithHint } from "./columnsOption";

const SEVERITY_LABEL = { error: "错误", warning: "警告", info: "提示" } as const;

// Enough to act on in a terminal; the results sheet and --json list every problem.
const PROBLEMS_SHOWN = 20;

// A form without a 分值 column or labels stating maxima has none to show.
function maxText(max: number): string {
  return max === 0 ? "—" : formatScore(max);
}

/** The short Chinese summary `selfeval score` prints. */
export function formatSummary(result: ScoreResult): string {
  const lines: string[] = ["绩效自评评分：" + result.report.file];
  for (const form of result.forms) {
    const total = form.summary.total;
    lines.push("");
    const project = form.summary.projectName ? "项目「" + form.summary.projectName + "」，" : "";
    // The default rule set goes unnamed, as before rule sets existed.
    const rules = form.ruleSet.id === DEFAULT_RULE_SET.id ? "" : "，" + form.ruleSet.name + "规则";
    lines.push(
      "工作表「" + form.summary.sheet + "」（" + project + form.profile.label + rules + "）"
    );
    const undetermined =
      form.indicators.filter((i) => i.score === null).length +
      (form.summary.budget && form.summary.budget.score === null ? 1 : 0);
    lines.push(
      "  总分 " +
        (total.score === null ? "—" : formatScore(total.score)) +
        " / " +
        maxText(total.max) +
        "　评级 " +
        (form.summary.rating ?? "—") +
        (total.complete ? "" : "（不完整：" + undetermined + " 项得分无法确定）")
    );
    if (total.unscaled !== undefined)
      lines.push(
        "  " +
          form.effects.notApplicable.length +
          " 项指标不适用：适用指标得分 " +
          formatScore(total.unscaled) +
          " / " +
          formatScore(form.effects.rescaled!.applicableMax) +
          "，折算为百分制"
      );
    if (total.cap !== undefined)
      lines.push(
        "  预算执行率封顶：最高 " +
          formatScore(total.cap) +
          " 分" +
          (total.uncapped !== undefined ? "（封顶前 " + formatScore(total.uncapped) + "）" : "")
      );
    for (const group of form.groups) {
      const indent = "  ".repeat(group.path.length);
      lines.push(
        indent +
          group.path[group.path.length - 1] +
          " " +
          (group.score === null ? "—" : formatScore(group.score)) +
          " / " +
          maxText(group.max)
      );
    }
  }
  // Headers that gave no form beside those scored: what was found there and what is missing.
  if (result.reading.misses.length > 0) {
    lines.push("");
    lines.push("另有未能读取的表头：");
    for (const miss of result.reading.misses) lines.push("  " + missWithHint(miss));
  }
  const errors = result.problems.filter((p) => p.severity === "error");
  const warnings = result.problems.filter((p) => p.severity === "warning");
  const infos = result.problems.filter((p) => p.severity === "info");
  lines.push("");
  lines.push(
    "问题：错误 " +
      errors.length +
      " 个，警告 " +
      warnings.length +
      " 个" +
      (infos.length > 0 ? "，提示 " + infos.length + " 个" : "")
  );
  const shown = errors.concat(warnings, infos).slice(0, PROBLEMS_SHOWN);
  for (const problem of shown) {
    lines.push(
      "  [" +
        SEVERITY_LABEL[problem.severity] +
        "] " +
        problem.sheet +
        "!" +
        problem.cell +
        " " +
        problem.message
    );
  }
  if (result.problems.length > shown.length)
    lines.push(
      "  ……另有 " + (result.problems.length - shown.length) + " 个问题，见评分结果表或 --json 报告"
    );
  return lines.join("\n");
}
