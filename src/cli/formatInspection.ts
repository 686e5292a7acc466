import type { InspectedForm, Inspection, SkippedRowReason } from "../engine";

const SOURCE: Readonly<Record<string, string>> = { header: "表头", content: "内容", map: "指定" };

const SKIPPED: Readonly<Record<SkippedRowReason, string>> = {
  template: "模板行",
  breakdown: "分项（其中）",
  "not-applicable": "不适用",
  total: "合计行",
  group: "类别行",
  header: "表头重复",
  text: "文字行",
};

/** "13–19、22、25" for a list of rows. */
export function rowRanges(rows: readonly number[]): string {
  const parts: string[] = [];
  let start = -1;
  let previous = -1;
  const flush = (): void => {
    if (start < 0) return;
    parts.push(start === previous ? String(start) : start + "–" + previous);
  };
  for (const row of rows) {
    if (row === previous + 1) {
      previous = row;
      continue;
    }
    flush();
    start = previous = row;
  }
  flush();
  return parts.join("、");
}

function formLines(form: InspectedForm): string[] {
  const lines: string[] = [];
  lines.push("工作表「" + form.sheet + "」" + (form.title ? "：" + form.title : ""));
  lines.push("  表头：第" + rowRanges(form.headerRows) + "行");
  lines.push("  列：");
  for (const column of form.columns)
    lines.push(
      "    " +
        column.column +
        " " +
        column.roleName +
        " ← “" +
        column.header +
        "”（" +
        SOURCE[column.source] +
        "）" +
        (column.source === "header" && column.reason === "表头“" + column.header + "”"
          ? ""
          : "：" + column.reason)
    );
  if (form.ignoredColumns.length > 0) {
    lines.push("  未采用的列：");
    for (const column of form.ignoredColumns)
      lines.push("    " + column.column + " “" + column.header + "”：" + column.reason);
  }
  if (form.maxSource === "column") {
    const max = form.columns.find((column) => column.role === "max");
    lines.push("  分值来源：分值列" + (max ? " " + max.column : ""));
  } else if (form.maxSource === "labels")
    lines.push(
      "  分值来源：标签（" +
        form.groupMaxima
          .map((group) => group.path.join("/") + " " + group.max + "分，" + group.cell)
          .join("；") +
        "）；各指标分值未列出，得分按所在组的分值检查"
    );
  else lines.push("  分值来源：无（没有分值列，标签也没有写分值）");
  if (form.budget) {
    const columns = Object.keys(form.budget.columns)
      .map((role) => BUDGET_ROLE[role] + "=" + form.budget!.columns[role])
      .join(" ");
    lines.push(
      "  预算执行率：表头第" +
        form.budget.headerRow +
        "行，资金总额第" +
        form.budget.totalRow +
        "行（" +
        columns +
        "）" +
        (form.budget.statedMax !== null ? "，分值" + form.budget.statedMax + "分（见表头）" : "")
    );
  }
  lines.push(
    "  指标行：" +
      (form.indicatorRows.length > 0 ? rowRanges(form.indicatorRows) : "无") +
      "（共 " +
      form.indicatorRows.length +
      " 行）"
  );
  if (form.skippedRows.length > 0) {
    lines.push("  跳过的行：");
    for (const row of form.skippedRows)
      lines.push(
        "    第" + row.row + "行 " + SKIPPED[row.reason] + (row.text ? "：“" + row.text + "”" : "")
      );
  }
  return lines;
}

const BUDGET_ROLE: Readonly<Record<string, string>> = {
  initialBudget: "年初预算数",
  budget: "全年预算数",
  executed: "全年执行数",
  max: "分值",
  rate: "执行率",
  score: "得分",
};

/** What `selfeval inspect` prints: how each form was read, in Chinese. */
export function formatInspection(inspection: Inspection, hints: readonly string[]): string {
  const lines: string[] = ["读表情况：" + inspection.file];
  for (const form of inspection.forms) {
    lines.push("");
    lines.push(...formLines(form));
  }
  if (hints.length > 0) {
    lines.push("");
    lines.push(inspection.forms.length > 0 ? "另有未能读取的表头：" : "未能读取的表头：");
    for (const hint of hints) lines.push("  " + hint);
  }
  return lines.join("\n");
}
