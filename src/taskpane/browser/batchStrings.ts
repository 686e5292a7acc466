/**
 * What browser mode says when it scores several workbooks at once. Browser mode speaks Chinese
 * (its users are Chinese finance staff, and outside Office there is no display language to
 * follow), so these are Chinese only.
 */
export const batchStrings = {
  openFolderButton: "打开文件夹",
  batchHint: "选择多个文件或整个文件夹（也可拖放）时，逐个评分并汇总，可下载汇总表。",
  heading: (files: number) => "汇总评分：" + files + " 个工作簿",
  progress: (done: number, total: number, current: string) =>
    "正在评分 " + (done + 1) + "/" + total + "：" + current,
  totals: (scored: number, failed: number, skipped: number, ignored: number, forms: number) =>
    "已评分 " +
    scored +
    " 个，无法打开 " +
    failed +
    " 个，已跳过 " +
    skipped +
    " 个" +
    (ignored > 0 ? "（另有 " + ignored + " 个非表格文件未列入）" : "") +
    "；共 " +
    forms +
    " 张自评表。",
  problemsTotal: (errors: number, warnings: number) =>
    "错误 " + errors + " 个，警告 " + warnings + " 个。",
  tableCaption: "汇总表",
  columns: [
    "序号",
    "文件",
    "状态",
    "单位",
    "项目名称",
    "总分",
    "评级",
    "执行率",
    "错误",
    "警告",
    "预警",
    "主要问题",
  ],
  departmentProject: "部门整体",
  none: "—",
  nothingScored: "没有可评分的绩效自评表：请选择 .xlsx 工作簿。",
  downloadSummaryButton: "下载汇总表（Excel）",
  downloadCopiesButton: "下载评分副本（.zip）",
  downloadReportButton: "下载汇总分析报告（Word）",
  downloadNote:
    "原文件未被更改。把评分副本压缩包解压到汇总表所在的文件夹，问题清单中的单元格链接即可打开对应的评分副本。",
  summaryFileName: "绩效自评汇总.xlsx",
  copiesFileName: "评分副本.zip",
  reportFileName: "绩效自评汇总分析报告.docx",
  noFiles: "所选位置没有文件。",
} as const;

export type BatchStrings = typeof batchStrings;
