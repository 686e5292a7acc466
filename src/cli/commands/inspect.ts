import * as path from "path";
import { describeReading, readWorkbook } from "../../engine";
import { UsageFailure, type CliIo } from "../cliIo";
import {
  COLUMNS_USAGE,
  missWithHint,
  noFormMessage,
  readColumnsOption,
  refuseColumnMapErrors,
} from "../columnsOption";
import { formatInspection } from "../formatInspection";
import { COMMON_OPTIONS, COMMON_USAGE, helpHint, parseArguments } from "../parseArguments";
import { readInputWorkbook, refuseLegacyWorkbookName } from "../readInputWorkbook";
import { samePath, STANDARD_OUTPUT, writeAll } from "../writeOutputs";

export const INSPECT_USAGE = [
  "用法：selfeval inspect <输入.xlsx> [--json <读表.json>] [--columns <列对应>] [--quiet]",
  "",
  "  说明工具如何读取每张表：表头所在行、每一列的角色及依据（表头 / 内容 / 指定）、分值来源、",
  "  指标行，以及跳过的每一行和原因。",
  "  --json                写出 JSON（格式见 docs/inspect.schema.json；未读到表时也写出，列出找到的表头）",
  COLUMNS_USAGE,
  COMMON_USAGE,
  "",
  "退出码：0 至少读到一张表；2 未读到表或参数有误",
].join("\n");

/** `selfeval inspect`: how the tool reads each form of a workbook. */
export async function runInspect(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(
    argv,
    { json: { type: "string" }, columns: { type: "string" }, ...COMMON_OPTIONS },
    "inspect"
  );
  if (parsed.values.help) {
    io.stdout(INSPECT_USAGE);
    return 0;
  }
  const [input, ...extra] = parsed.positionals;
  if (!input) throw new UsageFailure("参数错误：缺少要查看的 .xlsx 文件。" + helpHint("inspect"));
  if (extra.length > 0) throw new UsageFailure("参数错误：多余的参数 " + extra.join(" ") + "。");
  const json = parsed.values.json;
  if (json === "") throw new UsageFailure("参数错误：--json 需要一个文件名。");
  refuseLegacyWorkbookName(input);
  if (json !== undefined && (await samePath(json, input)))
    throw new UsageFailure(
      "输出文件 " + json + " 就是输入文件：为保护原表，不会覆盖输入文件，请换一个文件名。"
    );
  const columnMap = readColumnsOption(parsed.values.columns);

  const { workbook } = await readInputWorkbook(input);
  const reading = readWorkbook(workbook.grid, { columnMap });
  refuseColumnMapErrors(reading);
  const inspection = describeReading(reading, path.basename(input));
  const written =
    json === undefined
      ? null
      : await writeAll([{ file: json, bytes: JSON.stringify(inspection, null, 2) + "\n" }], {
          standardOutput: io.writeStandardOutput,
        });
  // --quiet: the reading is not shown (the JSON is still written, a failure still said). With the
  // JSON on standard output the reading goes to stderr, as score's summary does: piped JSON
  // followed by text would not parse.
  const say = parsed.values.quiet
    ? () => undefined
    : written?.usedStandardOutput
      ? io.stderr
      : io.stdout;
  say(formatInspection(inspection, reading.misses.map(missWithHint)));
  if (json !== undefined)
    say("已写出读表情况（JSON）：" + (json === STANDARD_OUTPUT ? "标准输出" : json));
  if (reading.forms.length === 0) {
    io.stderr(noFormMessage(input, reading));
    return 2;
  }
  return 0;
}
