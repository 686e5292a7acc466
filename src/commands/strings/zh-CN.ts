import type { CommandStrings } from "./types";

export const zhCN: CommandStrings = {
  scoredTitle: "评分完成",
  failedTitle: "评分失败",
  columnMapErrorsTitle: "列对应有误",
  fixColumnMapInPane: "请打开「绩效自评助手」任务窗格，在“列对应”中修改或恢复自动。",
  noFormReadTitle: "未找到可评分的绩效指标表",
  missLine: (miss) => miss + "。",
  noFormReadNothingChanged:
    "未做任何修改。请打开「绩效自评助手」任务窗格，在“列对应”中指定缺少的列。",
  noFormTitle: "未找到绩效指标表",
  noFormLines: [
    "当前工作簿中没有含“分值”“得分”等表头的指标表，未做任何修改。",
    "请打开部门整体支出或项目支出绩效自评表后再试。",
  ],
  sentence: (text) => text + "。",
  formLine: (form) =>
    "「" +
    form.sheet +
    "」总分 " +
    form.total +
    " / " +
    form.max +
    "，评级 " +
    form.rating +
    (form.complete ? "" : "（部分得分无法确定）") +
    (form.notes.length > 0 ? "；" + form.notes.join("；") : ""),
  moreForms: (count) => "……另有 " + count + " 张表，见评分结果表。",
  headersUnread: (count) =>
    "另有 " + count + " 处表头未能读成指标表，打开任务窗格的“列对应”可查看原因。",
  noProblems: "未发现问题。",
  problemsFound: (errors, warnings, infos) =>
    "发现错误 " +
    errors +
    " 个、警告 " +
    warnings +
    " 个" +
    (infos > 0 ? "、提示 " + infos + " 个" : "") +
    "，已在对应单元格标出。",
  writtenTo: (sheets) =>
    "结果已写入工作表" + sheets.map((sheet) => "「" + sheet + "」").join("") + "。",
  openPaneForProblems: "打开「绩效自评助手」任务窗格可逐个定位问题。",
  unexpectedError: (detail) => "评分时出现意外错误：" + detail,
  retryInPane: "请打开「绩效自评助手」任务窗格重试。",
  busyTitle: "正在评分，请稍候…",
  busyLine: "上一次评分尚未完成，完成后会显示结果。",
  settingsUnread:
    "未能读取工作簿中保存的表格类型、评分规则集和列对应，本次按全国通用规则、自动识别评分。",
  clearedTitle: "已清除标记",
  cleared: (count) => "已清除 " + count + " 处标记。",
  clearFailedTitle: "清除标记失败",
  actionFailedTitle: "操作未能完成",
};
