/**
 * The batch's words, in Simplified Chinese: why a file was skipped or failed, why a form is worth
 * a look, and the names of statuses, severities, kinds and alerts. The model holds facts only.
 */
import { formatScore } from "../score/round";
import type { BatchFileStatus, FileNote, RiskFactor } from "./types";

export const STATUS_NAMES: Readonly<Record<BatchFileStatus, string>> = {
  scored: "已评分",
  failed: "无法打开",
  skipped: "已跳过",
};

const SEVERITY_NAMES: Readonly<Record<string, string>> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

export function severityName(severity: string): string {
  return SEVERITY_NAMES[severity] || severity;
}

const KIND_NAMES: Readonly<Record<string, string>> = {
  project: "项目支出",
  department: "部门整体支出",
};

export function kindName(kind: string): string {
  return KIND_NAMES[kind] || kind;
}

const ALERT_NAMES: Readonly<Record<string, string>> = {
  "execution-cap": "执行率封顶",
  "over-completion": "超额完成过多",
  "deviation-deducted": "指标偏离扣分",
  "score-ahead-of-spending": "得分高于支出进度",
  "budget-reason-missing": "执行率偏低未说明原因",
};

/** An alert code in the words of the 一体化 system's 自评预警. */
export function alertName(code: string): string {
  return ALERT_NAMES[code] || code;
}

function extensionName(extension: string): string {
  return extension.replace(/^\./, "").toLowerCase();
}

/** An encrypted workbook, in the words of the reader's refusal, so score and batch agree. */
export const ENCRYPTED_TEXT =
  "工作簿已加密，请先取消密码再评分（Excel：文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码后保存）。";

/** Why a file is as it is, in one sentence. */
export function fileNoteText(note: FileNote): string {
  switch (note.code) {
    case "empty":
      return "文件为空（0 字节）。";
    case "encrypted":
      // Worded as `selfeval score` says it (src/workbook/locales/zh-CN.ts, reason "encrypted").
      return ENCRYPTED_TEXT;
    case "legacy-encrypted":
      return (
        "旧版 ." +
        extensionName(note.extension) +
        " 工作簿已加密（设有打开密码），无法自动转换：请在 Excel 或 WPS 中用密码打开，取消密码并另存为 .xlsx 后再评分。"
      );
    case "corrupt":
      return "不是有效的 .xlsx 工作簿（文件可能已损坏）。";
    case "refused":
      return "不是可以安全读取的工作簿：" + note.detail + "。";
    case "vanished":
      return "文件在评分开始后被移走或删除。";
    case "unreadable":
      return "无法读取文件（" + systemCodeText(note.systemCode) + "）。";
    case "legacy-format":
      return (
        "旧版 ." +
        extensionName(note.extension) +
        " 格式，" +
        (note.noConverter ? "本机未安装 LibreOffice，无法自动转换" : "无法直接读取") +
        "：请另存为 .xlsx 后再评分。"
      );
    case "conversion-failed":
      return (
        "LibreOffice 未能把它转换为 .xlsx（" +
        note.detail +
        "）：请在 Excel 或 WPS 中另存为 .xlsx。"
      );
    case "converted":
      return (
        "旧版 ." + extensionName(note.extension) + " 格式，已由 LibreOffice 转换为 .xlsx 后评分。"
      );
    case "no-form":
      return "未找到绩效指标表（没有含“分值”“得分”等表头的指标表）。";
    case "output-failed":
      return (
        (note.output === "copy" ? "评分副本" : "自评表说明") + "未能生成：" + note.detail + "。"
      );
    case "internal":
      return "处理时出现意外错误：" + note.detail + "。";
  }
}

function systemCodeText(code: string): string {
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "没有读取权限";
    case "EBUSY":
      return "文件正被其他程序占用";
    case "EISDIR":
      return "这是一个文件夹";
    case "ELOOP":
      return "符号链接循环";
    // What browsers name a file they cannot read (moved or locked since it was picked).
    case "NotReadableError":
    case "NotFoundError":
      return "浏览器无法读取，文件可能已被移动或正被其他程序占用";
    default:
      return "系统错误 " + code;
  }
}

function percentText(fraction: number): string {
  return formatScore(fraction * 100) + "%";
}

/** Why a form is worth a closer look, in a short phrase. */
export function riskFactorText(factor: RiskFactor): string {
  switch (factor.code) {
    case "errors":
      return "错误 " + factor.count + " 个";
    case "alert":
      return (
        "预警：" + alertName(factor.alert) + (factor.count > 1 ? " " + factor.count + " 处" : "")
      );
    case "reasons-missing":
      return factor.count + " 项扣分未说明原因";
    case "scores-disagree":
      return factor.count + " 处自评得分与完成情况不符";
    case "stated-total-differs":
      return (
        "表内总分 " +
        formatScore(factor.stated) +
        " 与核算 " +
        formatScore(factor.computed) +
        " 不符"
      );
    case "stated-rating-differs":
      return "表内评级“" + factor.stated + "”与核算“" + factor.computed + "”不符";
    case "incomplete":
      return "有得分无法确定，总分不完整";
    case "low-execution":
      return "预算执行率 " + percentText(factor.rate);
    case "large-budget":
      return "预算 " + formatScore(factor.amountWan) + " 万元，规模较大";
  }
}
