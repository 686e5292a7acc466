import {
  type ColumnMap,
  type ColumnMapError,
  missMessage,
  parseColumnMap,
  type ReadingMiss,
  type WorkbookReading,
} from "../engine";
import { UsageFailure } from "./cliIo";

/** What --columns accepts, for the usage texts. */
export const COLUMNS_USAGE =
  '  --columns             指定列对应，如 "分值=F,自评得分=H" 或 "自评表!分值=F"；列名可写 一级指标 二级指标 三级指标\n' +
  "                        指标名称 指标性质 年度指标值 度量单位 实际完成值 分值 自评得分 偏差原因；其余列仍自动识别";

function errorsText(errors: readonly ColumnMapError[]): string {
  return errors.map((error) => "“" + error.entry + "”：" + error.message).join("；");
}

/** Reads --columns; an entry that cannot be read ends the run (exit 2) naming it. */
export function readColumnsOption(text: string | undefined): ColumnMap | undefined {
  if (text === undefined) return undefined;
  const { map, errors } = parseColumnMap(text);
  if (errors.length > 0) throw new UsageFailure("--columns 有误：" + errorsText(errors) + "。");
  if (map.entries.length === 0)
    throw new UsageFailure('参数错误：--columns 需要至少一项，如 "分值=F"。');
  return map;
}

/** Ends the run (exit 2) when the map names what the workbook does not have. */
export function refuseColumnMapErrors(reading: WorkbookReading): void {
  if (reading.columnMapErrors.length > 0)
    throw new UsageFailure("--columns 有误：" + errorsText(reading.columnMapErrors) + "。");
}

// The column a user would name for each missing part, for the hint.
const EXAMPLE: Readonly<Record<ReadingMiss["missing"][number], string>> = {
  label: "三级指标=D",
  score: "自评得分=H",
  rows: "",
};

/** A miss as one sentence with how to fix it from the command line. */
export function missWithHint(miss: ReadingMiss): string {
  const example = miss.missing.map((kind) => EXAMPLE[kind]).filter((text) => text !== "");
  return (
    missMessage(miss) +
    (example.length > 0 ? '；可用 --columns 指定（如 --columns "' + example.join(",") + '"）' : "")
  );
}

/** The one line of a run that found no form: what was found and what is missing, or nothing found. */
export function noFormMessage(input: string, reading: WorkbookReading): string {
  if (reading.misses.length === 0)
    return "未找到绩效指标表：" + input + " 中没有含“分值”“得分”等表头的指标表。";
  return (
    "未找到可评分的绩效指标表：" + input + "：" + reading.misses.map(missWithHint).join("；") + "。"
  );
}
