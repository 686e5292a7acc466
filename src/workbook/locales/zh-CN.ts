/**
 * The workbook layer's words in Simplified Chinese: why a port failed, what a write's notices
 * say, why a scored copy or a file could not be made or read. Each sentence names the sheet,
 * cell or part concerned and says what to do, in the words of the host's own menus (Excel's
 * 撤消工作表保护, WPS's 撤销工作表保护).
 */
import type { HostName, PortErrorFacts, ProtectedAction, WriteNotice } from "../port";
import type { ScoredCopyFacts } from "../xlsx/scoredCopyError";
import type { MalformedDetail, UnreadableFacts } from "../xlsx/unreadableWorkbookError";
import { cellOf, sizeText } from "./shared";
import type { UnreadableError, WorkbookWording } from "./types";

const HOST: Readonly<Record<HostName, string>> = { excel: "Excel", wps: "WPS 表格" };

/** The menu that lifts a sheet's protection, as each host names it. */
const UNPROTECT_SHEET: Readonly<Record<HostName, string>> = {
  excel: "审阅 › 撤消工作表保护",
  wps: "审阅 › 撤销工作表保护",
};

const ACTION: Readonly<Record<ProtectedAction, string>> = {
  mark: "写入或清除评分标记",
  replace: "替换为新的评分结果",
  clear: "清除评分标记",
};

const WORKBOOK_PROTECTED =
  "工作簿结构受保护，无法添加评分结果工作表。请先在“审阅 › 保护工作簿”中取消保护后再评分。";
const UNCHANGED = "工作簿未作任何修改。";
const UNDONE = "已撤销本次写入，工作簿保持原样。";

function quoted(names: readonly string[]): string {
  return "“" + names.join("”“") + "”";
}

function writeAccessDenied(sheets: readonly string[]): string {
  if (sheets.length === 0)
    return "写入失败：工作簿结构受保护，Excel 拒绝添加评分结果工作表。请先在“审阅 › 保护工作簿”中取消保护后再评分。";
  return (
    "写入失败：工作表" +
    quoted(sheets) +
    "受保护（或工作簿结构受保护），Excel 拒绝了修改。请先在“审阅 › 撤消工作表保护”中取消保护（工作簿结构受保护时，在“审阅 › 保护工作簿”中取消），再评分。"
  );
}

function undoFailed(detail: string, involved: readonly string[]): string {
  return (
    "撤销未能完成（" +
    detail +
    "），请检查工作表" +
    quoted(involved) +
    "，以及名称以“SelfEval”开头的工作表。"
  );
}

function portError(facts: PortErrorFacts): string {
  switch (facts.code) {
    case "not-in-excel":
      return "未在 Excel 中运行：请在 Excel 的加载项窗格中打开绩效自评助手，或在浏览器模式中选择 .xlsx 文件。";
    case "no-workbook":
      return "WPS 表格中没有打开的工作簿：请先打开要评分的绩效自评表。";
    case "read-failed":
      return "读取工作簿失败（" + facts.detail + "）。";
    case "write-failed":
      return "写入失败（" + facts.detail + "），工作簿未作修改。";
    case "clear-failed":
      return "清除标记失败（" + facts.detail + "）。";
    case "select-failed":
      return (
        "无法定位到工作表“" + facts.sheet + "”的单元格 " + facts.cell + "（" + facts.detail + "）。"
      );
    case "sheet-missing":
      return (
        "找不到工作表“" +
        facts.sheet +
        "”，它可能已被重命名或删除，无法定位到单元格 " +
        facts.cell +
        "。请重新评分。"
      );
    case "preview-sheet-missing":
      return "找不到工作表「" + facts.sheet + "」。";
    case "marked-sheets-missing":
      return (
        "找不到做过评分标记的工作表" +
        quoted(facts.sheets) +
        "，它可能已被重命名或删除。若已重命名，请改回原名后再清除标记；其标记记录已保留。"
      );
    case "workbook-protected":
      return WORKBOOK_PROTECTED + (facts.host === "wps" ? UNCHANGED : "");
    case "sheet-protected":
      return (
        "工作表“" +
        facts.sheet +
        "”受保护，无法" +
        ACTION[facts.action] +
        "。请先在“" +
        UNPROTECT_SHEET[facts.host] +
        "”中取消保护，再重试。" +
        UNCHANGED
      );
    case "write-protected":
      return (
        writeAccessDenied(facts.sheets) +
        (facts.undoFailure === null ? UNDONE : undoFailed(facts.undoFailure, facts.involved))
      );
    case "write-refused":
      return (
        "写入失败：" +
        HOST[facts.host] +
        " 拒绝了对工作表" +
        quoted(facts.involved) +
        "的修改（" +
        facts.detail +
        (facts.undoFailure === null
          ? "）。" + UNDONE
          : "），撤销也未能完成（" +
            facts.undoFailure +
            "）。请检查这些工作表，以及名称以“SelfEval”开头的工作表。")
      );
    case "clear-protected":
      return (
        "清除标记失败：工作表" +
        quoted(facts.sheets) +
        "受保护，Excel 拒绝了修改。请先在“审阅 › 撤消工作表保护”中取消保护，再清除标记。"
      );
    case "clear-refused":
      return (
        "清除标记失败：" +
        HOST[facts.host] +
        " 拒绝了对工作表" +
        quoted(facts.sheets) +
        "的修改（" +
        facts.detail +
        "）。请重试。"
      );
    case "file-unreadable":
      return unreadable({ reason: facts.reason, facts: facts.unreadable }, facts.file);
    case "copy-failed":
      return "无法生成 " + facts.file + " 的评分副本：" + scoredCopy(facts.copy);
    case "message":
      return facts.text;
  }
}

function writeNotice(notice: WriteNotice): string {
  switch (notice.code) {
    case "no-notes":
      return (
        "此版本的 Excel 不支持单元格批注，问题仅列于" +
        (notice.resultsSheet !== null ? "“" + notice.resultsSheet + "”" : "评分结果") +
        "工作表。"
      );
    case "no-formatting":
      return (
        "此版本的 Excel 不支持合并单元格、列宽和行高，工作表" +
        quoted(notice.sheets) +
        "按默认格式写入。"
      );
    case "no-page-setup":
      return (
        "此版本的 Excel 不支持页面设置，打印工作表" +
        quoted(notice.sheets) +
        "前请在“页面布局”中选择 A4 纸并调整为一页宽。"
      );
    case "record-not-saved":
      return (
        "评分标记的记录未能保存到" +
        (notice.host === "wps" ? "文档属性" : "文档") +
        "（" +
        (notice.noCustomProperties
          ? "此版本的 WPS 表格不支持自定义文档属性"
          : (notice.detail ?? "未知错误")) +
        "），关闭文档后“清除标记”将无法还原这些单元格原来的填充色。"
      );
    case "old-sheet-kept":
      return "旧的评分表未能删除，已保留为工作表“" + notice.sheet + "”，确认新表无误后可手动删除。";
  }
}

function scoredCopy(facts: ScoredCopyFacts): string {
  switch (facts.reason) {
    case "not-zip":
      return "文件不是有效的 .xlsx（zip）包";
    case "missing-part":
      return facts.part === "[Content_Types].xml"
        ? "工作簿缺少部件 [Content_Types].xml，不是完整的 .xlsx 文件"
        : "工作簿缺少部件 " + facts.part;
    case "strict-ooxml":
      return (
        "这是严格 OOXML（Strict Open XML）格式的工作簿，评分副本无法按这种格式写出；" +
        "请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再评分"
      );
    case "malformed-part":
      return facts.part === "" ? "工作簿结构异常" : "部件 " + facts.part + " 结构异常";
    case "sheet-name-taken":
      return "工作簿中已有名为“" + facts.sheet + "”的工作表，不能再新建同名的工作表";
    case "too-large":
      return facts.entries !== undefined
        ? "评分副本的部件过多（" + facts.entries + " 个，.xlsx 包最多 65535 个）"
        : "评分副本过大（" + sizeText(facts.bytes) + "，.xlsx 包最大 4 GiB）";
  }
}

const HOSTILE_ZH = "这不是正常的绩效自评表，可能已损坏或是恶意构造的文件，已停止读取。";

const MALFORMED_ZH: Readonly<Record<MalformedDetail, (facts: UnreadableFacts) => string>> = {
  "broken-zip": () => "压缩包的目录残缺或指向文件之外",
  "unsupported-compression": (facts) => "部件 " + facts.part + " 使用了不支持的压缩方式",
  "corrupt-entry": (facts) => "部件 " + facts.part + " 的压缩数据已损坏",
  "missing-part": (facts) => "缺少 " + facts.part,
  "bad-xml": (facts) =>
    (facts.sheet ? "工作表「" + facts.sheet + "」的 " : "") + facts.part + " 不是完整的 XML",
  "missing-sheet": (facts) =>
    "工作簿列出了工作表「" + facts.sheet + "」，但缺少它的内容（" + facts.part + "）",
  "bad-shared-string": (facts) =>
    "工作表「" + facts.sheet + "」单元格 " + cellOf(facts) + " 引用了不存在的共享字符串",
};

function unreadable(error: UnreadableError, file: string): string {
  const facts = error.facts;
  const head = "无法读取 " + file + "：";
  switch (error.reason) {
    case "not-zip":
      return head + "不是有效的 .xlsx 工作簿（文件已损坏，或不是 Excel 工作簿）。";
    case "encrypted":
      return (
        head +
        "工作簿已加密，请先取消密码再评分（Excel：文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码后保存）。"
      );
    case "legacy-xls":
      return head + "这是旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 后再评分。";
    case "too-large":
      if (
        facts.part &&
        facts.declaredBytes !== undefined &&
        facts.limitBytes === facts.declaredBytes
      )
        return (
          head +
          "部件 " +
          facts.part +
          " 解压后超出了它声明的大小（" +
          sizeText(facts.declaredBytes) +
          "）。" +
          HOSTILE_ZH
        );
      return (
        head +
        "文件解压后" +
        (facts.declaredBytes !== undefined ? "共 " + sizeText(facts.declaredBytes) : "过大") +
        "，超过 " +
        sizeText(facts.limitBytes) +
        " 的上限。" +
        HOSTILE_ZH
      );
    case "doctype":
      return (
        head +
        facts.part +
        " 含有 DOCTYPE 或实体声明。Excel 不会写出这样的内容，为安全起见已停止读取；请在 Excel 中打开并另存为 .xlsx 后再试。"
      );
    case "too-many-rows":
      return (
        head +
        "工作表「" +
        facts.sheet +
        "」的行号 " +
        facts.row +
        " 超出了 Excel 的上限（1,048,576 行），文件可能已损坏。"
      );
    case "too-many-columns":
      return (
        head +
        "工作表「" +
        facts.sheet +
        "」第 " +
        facts.row +
        " 行有单元格超出了 Excel 的最后一列 XFD（16,384 列），文件可能已损坏。"
      );
    case "strict-ooxml":
      return (
        head +
        "这是“Strict Open XML 电子表格”格式，请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再评分。"
      );
    case "malformed":
      return (
        head +
        "不是有效的 .xlsx 工作簿（" +
        (facts.malformed ? MALFORMED_ZH[facts.malformed](facts) : "结构不完整") +
        "），文件可能已损坏。"
      );
  }
}

export const zhCN: WorkbookWording = { portError, writeNotice, scoredCopy, unreadable };
