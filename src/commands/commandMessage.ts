import { formatScore, missMessage } from "../engine";
import { ruleNotes } from "../taskpane/components/ruleNotes";
import type { SavedScoring } from "../taskpane/settings/savedScoring";
import { zhCN } from "../taskpane/strings/zh-CN";
import { WorkbookPortError } from "../workbook/port";
import type { ScoredOpenWorkbook } from "../workbook/scoreOpenWorkbook";

/** How a finished command went, for the colour of the message. */
export type CommandMessageKind = "success" | "warning" | "error";

/** What the ribbon's 一键评分 tells the user once it has finished, in Chinese. */
export interface CommandMessage {
  readonly kind: CommandMessageKind;
  readonly title: string;
  readonly lines: readonly string[];
}

// A dialog is small: a workbook with many forms points to the results sheet for the rest.
const FORMS_LISTED = 5;

/**
 * The message for a run that read the workbook (whether or not it found a form), by the choices
 * saved with the workbook (`saved`: what the pane chose; absent: national, every column detected).
 */
export function describeScored(scored: ScoredOpenWorkbook, saved?: SavedScoring): CommandMessage {
  const { result, written } = scored;
  const choiceLines: string[] = [];
  if (saved && saved.unknownRuleSet !== null)
    choiceLines.push(zhCN.unknownRuleSet(saved.unknownRuleSet));
  if (scored.columnMapErrors.length > 0) {
    return {
      kind: "error",
      title: "列对应有误",
      lines: choiceLines.concat([
        zhCN.columnMapErrors(scored.columnMapErrors),
        "请打开「绩效自评助手」任务窗格，在“列对应”中修改或恢复自动。",
      ]),
    };
  }
  const misses = result.reading.misses;
  if (result.forms.length === 0 && misses.length > 0) {
    return {
      kind: "warning",
      title: "未找到可评分的绩效指标表",
      lines: choiceLines.concat(
        misses.slice(0, FORMS_LISTED).map((miss) => missMessage(miss) + "。"),
        ["未做任何修改。请打开「绩效自评助手」任务窗格，在“列对应”中指定缺少的列。"]
      ),
    };
  }
  if (result.forms.length === 0) {
    return {
      kind: "warning",
      title: "未找到绩效指标表",
      lines: [
        "当前工作簿中没有含“分值”“得分”等表头的指标表，未做任何修改。",
        "请打开部门整体支出或项目支出绩效自评表后再试。",
      ],
    };
  }
  const lines = choiceLines.slice();
  // The rule set is named when it is not the national one: the user chose it in the pane.
  const ruleSet = result.forms[0].ruleSet;
  if (ruleSet.id !== "national") lines.push(zhCN.scoredByRuleSet(ruleSet.name) + "。");
  result.forms.slice(0, FORMS_LISTED).forEach((form) => {
    const total = form.summary.total;
    const notes = ruleNotes(form.summary, form.effects, zhCN);
    lines.push(
      "「" +
        form.summary.sheet +
        "」总分 " +
        (total.score === null ? "—" : formatScore(total.score)) +
        " / " +
        formatScore(total.max) +
        "，评级 " +
        (form.summary.rating ?? "—") +
        (total.complete ? "" : "（部分得分无法确定）") +
        (notes.length > 0 ? "；" + notes.join("；") : "")
    );
  });
  if (result.forms.length > FORMS_LISTED) {
    lines.push("……另有 " + (result.forms.length - FORMS_LISTED) + " 张表，见评分结果表。");
  }
  if (misses.length > 0)
    lines.push(
      "另有 " + misses.length + " 处表头未能读成指标表，打开任务窗格的“列对应”可查看原因。"
    );
  const count = (severity: string) =>
    result.problems.filter((problem) => problem.severity === severity).length;
  const errors = count("error");
  // 提示 (info) say what a bureau's rule did, such as dropping an indicator that does not apply.
  const infos = count("info");
  lines.push(
    result.problems.length === 0
      ? "未发现问题。"
      : "发现错误 " +
          errors +
          " 个、警告 " +
          count("warning") +
          " 个" +
          (infos > 0 ? "、提示 " + infos + " 个" : "") +
          "，已在对应单元格标出。"
  );
  if (written) {
    if (written.sheets.length > 0) {
      lines.push(
        "结果已写入工作表" + written.sheets.map((s) => "「" + s.name + "」").join("") + "。"
      );
    }
    lines.push(...written.notices);
  }
  lines.push("打开「绩效自评助手」任务窗格可逐个定位问题。");
  return { kind: errors > 0 ? "warning" : "success", title: "评分完成", lines };
}

/** The message for a run that failed; a port's own Chinese message is shown as it is. */
export function describeFailure(error: unknown): CommandMessage {
  if (error instanceof WorkbookPortError) {
    return { kind: "error", title: "评分失败", lines: [error.message] };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    kind: "error",
    title: "评分失败",
    lines: ["评分时出现意外错误：" + detail, "请打开「绩效自评助手」任务窗格重试。"],
  };
}
