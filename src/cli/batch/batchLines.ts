/** What `selfeval batch` says on stdout: one line per form (or file), then the totals. */
import {
  formatScore,
  fileNoteText,
  kindName,
  STATUS_NAMES,
  type BatchFile,
  type BatchSummary,
} from "../../engine";

/** One line per form (or file) for stdout. */
export function fileLines(file: BatchFile): string[] {
  const status = "[" + STATUS_NAMES[file.status] + "] ";
  if (file.forms.length === 0)
    return [status + file.file + "　" + file.notes.map(fileNoteText).join("")];
  return file.forms.map((form) => {
    const name = [form.unitName, form.kind === "department" ? "部门整体" : form.projectName]
      .filter((part) => part)
      .join(" / ");
    return (
      status +
      file.file +
      (file.forms.length > 1 ? "「" + form.sheet + "」" : "") +
      "　" +
      (name ? name + "（" + kindName(form.kind) + "）　" : "") +
      (form.total.score === null ? "总分无法确定" : "总分 " + formatScore(form.total.score)) +
      (form.rating ? " " + form.rating : "") +
      "　错误 " +
      form.errors +
      "　警告 " +
      form.warnings
    );
  });
}

export function totalsLine(summary: BatchSummary): string {
  const totals = summary.totals;
  const ratings = summary.statistics.byRating
    .filter((entry) => entry.count > 0)
    .map((entry) => entry.rating + " " + entry.count)
    .join("、");
  return (
    "合计：工作簿 " +
    totals.files +
    " 个（已评分 " +
    totals.scored +
    "，无法打开 " +
    totals.failed +
    "，已跳过 " +
    totals.skipped +
    "）" +
    (totals.ignored > 0 ? "，另有非表格文件 " + totals.ignored + " 个未列入" : "") +
    "；自评表 " +
    totals.forms +
    " 张" +
    (ratings ? "（" + ratings + "）" : "") +
    "；错误 " +
    totals.errors +
    " 个，警告 " +
    totals.warnings +
    " 个"
  );
}
