/**
 * Why a file could not be read, in the user's words: one sentence naming the file, and the sheet,
 * cell or part where there is one. The CLI and browser mode both word UnreadableWorkbookError
 * here, so the same file gets the same sentence everywhere.
 */
import { toA1 } from "../../engine/grid/address";
import type {
  MalformedDetail,
  UnreadableFacts,
  UnreadableWorkbookError,
} from "./unreadableWorkbookError";

export type ReadErrorLanguage = "zh-CN" | "en-US";

const HOSTILE_ZH = "这不是正常的绩效自评表，可能已损坏或是恶意构造的文件，已停止读取。";
const HOSTILE_EN = "It is damaged or built to exhaust memory; reading stopped.";

function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return "";
  if (bytes >= 1024 * 1024 * 1024) return (bytes / 1024 / 1024 / 1024).toFixed(1) + " GiB";
  if (bytes >= 1024 * 1024) return Math.round(bytes / 1024 / 1024) + " MiB";
  if (bytes >= 1024) return Math.round(bytes / 1024) + " KiB";
  return bytes + " B";
}

function cellOf(facts: UnreadableFacts): string {
  return facts.row !== undefined && facts.column !== undefined && facts.column <= 16384
    ? toA1(facts.row, facts.column)
    : "";
}

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

const MALFORMED_EN: Readonly<Record<MalformedDetail, (facts: UnreadableFacts) => string>> = {
  "broken-zip": () => "the zip directory is cut short or points outside the file",
  "unsupported-compression": (facts) => "part " + facts.part + " uses an unsupported compression",
  "corrupt-entry": (facts) => "the compressed data of part " + facts.part + " is corrupt",
  "missing-part": (facts) => facts.part + " is missing",
  "bad-xml": (facts) =>
    (facts.sheet ? 'sheet "' + facts.sheet + '": ' : "") + facts.part + " is not well-formed XML",
  "missing-sheet": (facts) =>
    'the workbook lists sheet "' + facts.sheet + '" but its part (' + facts.part + ") is missing",
  "bad-shared-string": (facts) =>
    'sheet "' + facts.sheet + '", cell ' + cellOf(facts) + ", refers to a missing shared string",
};

function zhCN(error: UnreadableWorkbookError, file: string): string {
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

function enUS(error: UnreadableWorkbookError, file: string): string {
  const facts = error.facts;
  const head = "Cannot read " + file + ": ";
  switch (error.reason) {
    case "not-zip":
      return head + "this is not an .xlsx workbook (not an Excel workbook, or damaged).";
    case "encrypted":
      return head + "the workbook is encrypted; remove its password before scoring it.";
    case "legacy-xls":
      return head + "this is a legacy .xls workbook; save it as .xlsx in Excel or WPS first.";
    case "too-large":
      if (
        facts.part &&
        facts.declaredBytes !== undefined &&
        facts.limitBytes === facts.declaredBytes
      )
        return (
          head +
          "part " +
          facts.part +
          " inflates past the size it declares (" +
          sizeText(facts.declaredBytes) +
          "). " +
          HOSTILE_EN
        );
      return (
        head +
        "it inflates" +
        (facts.declaredBytes !== undefined ? " to " + sizeText(facts.declaredBytes) : "") +
        " past the limit of " +
        sizeText(facts.limitBytes) +
        ". " +
        HOSTILE_EN
      );
    case "doctype":
      return (
        head +
        facts.part +
        " holds a DOCTYPE or entity declaration, which Excel never writes; reading stopped."
      );
    case "too-many-rows":
      return (
        head + 'sheet "' + facts.sheet + '" has row ' + facts.row + ", past Excel's 1,048,576 rows."
      );
    case "too-many-columns":
      return (
        head +
        'sheet "' +
        facts.sheet +
        '" has a cell in row ' +
        facts.row +
        " past Excel's last column, XFD (16,384)."
      );
    case "strict-ooxml":
      return (
        head + 'this is a Strict Open XML workbook; save it as "Excel Workbook (*.xlsx)" first.'
      );
    case "malformed":
      return (
        head +
        "this is not a valid .xlsx workbook (" +
        (facts.malformed ? MALFORMED_EN[facts.malformed](facts) : "incomplete structure") +
        ")."
      );
  }
}

/** The sentence for an unreadable file, naming it as `file`. */
export function readErrorText(
  error: UnreadableWorkbookError,
  file: string,
  language: ReadErrorLanguage = "zh-CN"
): string {
  return language === "en-US" ? enUS(error, file) : zhCN(error, file);
}
