import type { TaskpaneStrings } from "./types";

export const zhCN: TaskpaneStrings = {
  paneTitle: "绩效自评助手",
  scoreButton: "一键评分",
  rescoreButton: "重新评分",
  clearMarksButton: "清除标记",
  profileLabel: "表格类型",
  profileAuto: "自动",
  profileProject: "项目支出",
  profileDepartment: "部门整体支出",
  ruleSetLabel: "评分规则集",
  importedRuleSetName: (name) => name + "（导入）",
  ruleSetHelpInOffice:
    "规则集随工作簿保存。此处只能选用内置规则集；财政局自定的规则集文件（.json）请在浏览器模式或离线版中导入。",
  ruleSetHelpInBrowser:
    "可导入财政局自定的规则集文件（.json，只写与内置规则集不同之处）；导入的规则集在本页面关闭前有效。",
  importRuleSetButton: "导入规则集…",
  ruleSetImported: (name) => "已导入规则集“" + name + "”，并已选用。",
  ruleSetRefused: (fileName, reason) => "规则集文件“" + fileName + "”无法使用：" + reason,
  unknownRuleSet: (id) =>
    "工作簿中保存的规则集“" +
    id +
    "”不是内置规则集，已改为全国通用规则；如需其他规则集请重新选择。",
  undoNotice:
    "评分会在工作簿中标记问题单元格并新增结果工作表。Excel 的撤销（Ctrl+Z）不能可靠地撤销加载项所做的更改（Office 2016/2019 还会清空此前的撤销记录），请先保存工作簿。“清除标记”可去除标记；结果工作表如不需要，请手动删除。",
  wpsUndoNotice:
    "评分会在工作簿中标记问题单元格并新增结果工作表。WPS 表格的撤销（Ctrl+Z）不一定能撤销加载项所做的更改，请先保存工作簿。“清除标记”可去除标记；结果工作表如不需要，请手动删除。",
  busyScoring: "正在评分，请稍候…",
  busyClearing: "正在清除标记，请稍候…",
  progressReading: "正在读取工作簿…",
  progressWriting: "正在标记问题并写入结果工作表…",
  progressClearing: "正在清除标记…",
  total: "总分",
  rating: "评级",
  ratingName: (rating) => rating,
  incompleteTotal: "部分指标的得分无法确定，总分不完整。",
  scoredByRuleSet: (name) => "评分规则集：" + name,
  totalCapped: (rate, cap, uncapped) =>
    "按预算执行率 " + rate + " 封顶 " + cap + " 分（未封顶 " + uncapped + " 分）",
  totalUnderCap: (rate, cap) => "预算执行率 " + rate + "，总分最高 " + cap + " 分，未超过",
  totalRescaled: (count, applicableMax, unscaled) =>
    count +
    " 项指标不适用，按适用指标 " +
    applicableMax +
    " 分折算为百分制" +
    (unscaled === null ? "" : "（折算前 " + unscaled + " 分）"),
  notApplicableDropped: (count) => count + " 项指标不适用，不计入总分",
  formHeading: (title, sheet) => (title === sheet ? sheet : title + "（" + sheet + "）"),
  groupsCaption: "各级指标得分",
  groupColumn: "指标",
  scoreColumn: "得分/分值",
  groupIncomplete: "（不完整）",
  unknownScore: "—",
  problemsHeading: "问题",
  errors: "错误",
  warnings: "警告",
  infos: "提示",
  severityHeading: (label, count) => label + "（" + count + "）",
  noProblems: "未发现问题。",
  problemLocation: (sheet, cell) => sheet + "!" + cell,
  problemActionHint: "按 Enter 定位到该单元格",
  moreProblems: (hidden) => "另有 " + hidden + " 条未列出，完整列表见评分结果工作表。",
  outputSheetsHeading: "结果工作表",
  goToSheet: (sheet) => "转到“" + sheet + "”",
  written: (marked) => "已标记 " + marked + " 个单元格。",
  noFormFound:
    "未找到绩效指标表：工作簿中没有包含“一级指标”“分值”“自评得分”等表头的绩效自评表，未做任何更改。",
  noFormRead: (misses) =>
    "未找到可评分的绩效指标表：" + misses.join("；") + "。可在下方“列对应”中指定缺少的列。",
  someHeadersUnread: (count) => "另有 " + count + " 处表头未能读成指标表，原因见“列对应”。",
  columnMapErrors: (errors) =>
    "列对应有误，未做任何更改：" +
    errors.map((error) => "“" + error.entry + "”：" + error.message).join("；") +
    (/[。！]$/.test(errors[errors.length - 1].message) ? "" : "。"),
  columnMapLink: "列对应",
  columnMapHeading: "列对应",
  columnMapIntro:
    "每一列的角色由表头和内容自动判断。判断有误时，为该角色选一列，再点“按列对应重新评分”。",
  columnMapAuto: (detected) => (detected === null ? "自动（未找到）" : "自动（" + detected + "）"),
  columnMapChoice: (column, header) => column + " · " + (header === "" ? "（无表头）" : header),
  columnMapWhy: (column, reason) => column + "：" + reason,
  columnMapNotFound: "未找到",
  columnMapApply: "按列对应重新评分",
  columnMapReset: "恢复自动",
  columnMapClose: "收起",
  columnMapSharedSheet: (forms) => "此工作表上有 " + forms + " 张表，使用同一列对应。",
  columnMapSheetUnnamed:
    "此工作表的名称含有逗号、分号或感叹号，无法单独指定列对应；请先重命名工作表。",
  columnMapKeptInWorkbook: "列对应随工作簿保存，“一键评分”也会使用。",
  columnMapKeptInBrowser: "列对应保存在本浏览器中，下次打开同名文件时沿用。",
  marksCleared: (count) => "已清除 " + count + " 处标记。",
  genericError: "操作未能完成，请重试。如果问题仍然存在，请关闭并重新打开此窗格。",
  settingsNotSaved: "所做的选择未能保存到工作簿中。",
  browserModeTitle: "绩效自评助手（浏览器模式）",
  browserModeBody:
    "在浏览器中评分：打开本地 .xlsx 绩效自评表即可评分。文件只在本机浏览器中处理，不会上传。",
  openWorkbookButton: "打开本地工作簿",
  tryExampleLink: "用示例工作簿试用",
  dropHint: "也可将 .xlsx 文件拖放到此页面。",
  dropActive: "松开鼠标即可打开此工作簿",
  openedFile: (fileName) => "当前工作簿：" + fileName,
  openingWorkbook: "正在打开工作簿…",
  notXlsx: (fileName) =>
    "“" +
    fileName +
    "”不是 .xlsx 工作簿。请选择 .xlsx 文件；旧版 .xls/.et 文件请先在 Excel 或 WPS 中另存为 .xlsx。",
  fileNotRead: (fileName) => "无法读取文件“" + fileName + "”，请重新选择。",
  exampleNotLoaded: "无法加载示例工作簿，请检查网络连接后重试。",
  partNotLoaded: "无法加载评分所需的组件，请检查网络连接后刷新页面重试。",
  browserScoredNote:
    "原文件未被更改。评分结果副本标记了问题单元格，并附有“评分结果”和“自评表说明”两张工作表。",
  downloadScoredButton: "下载评分结果",
  downloadNarrativeButton: "下载自评表说明（Word）",
  preparingDownload: "正在生成文件…",
  downloadFailed: "文件未能生成，请重试。",
  scoredFileName: (baseName) => baseName + "-评分.xlsx",
  narrativeFileName: (baseName) => baseName + "-自评表说明.docx",
  previewHeading: "工作簿预览",
  previewSheets: "工作表",
  previewRows: (first, last, total) => "第 " + first + "–" + last + " 行，共 " + total + " 行",
  previewColumnsCut: (shown, total) => "仅显示前 " + shown + " 列（共 " + total + " 列）",
  previewEarlierRows: "上一页",
  previewLaterRows: "下一页",
  previewEmptySheet: "此工作表为空。",
  previewLegendError: "错误",
  previewLegendWarning: "警告",
  previewLegendInfo: "提示",
};
