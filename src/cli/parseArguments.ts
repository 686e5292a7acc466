import { parseArgs, type ParseArgsConfig } from "util";
import { UsageFailure } from "./cliIo";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The options every command takes: its usage (`-h`), and no summary on stdout (`-q`). */
export const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h" },
  quiet: { type: "boolean", short: "q" },
} as const;

/** The usage lines of the common options, for each command's usage text. */
export const COMMON_USAGE =
  "  -q, --quiet           不在标准输出显示摘要（错误仍写到标准错误）\n" +
  "  -h, --help            显示本命令的用法";

/** "运行 selfeval score --help 查看用法。": where a user who got the arguments wrong looks next. */
export function helpHint(command: string): string {
  return "运行 selfeval " + command + " --help 查看用法。";
}

/**
 * util.parseArgs with its failures worded for the user: an unknown option, a missing value or
 * an extra argument ends the run with exit code 2 and a Chinese sentence naming the command's help.
 */
export function parseArguments<T extends Options>(
  argv: readonly string[],
  options: T,
  command: string
): {
  values: { [K in keyof T]?: T[K]["type"] extends "boolean" ? boolean : string };
  positionals: string[];
} {
  try {
    const parsed = parseArgs({ args: argv.slice(), allowPositionals: true, strict: true, options });
    return parsed as never;
  } catch (error) {
    throw new UsageFailure("参数错误：" + argumentErrorText(error) + "。" + helpHint(command));
  }
}

function argumentErrorText(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'([^']+)'/.exec(message);
  const name = option ? option[1].replace(/ <value>$/, "") : "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return "未知选项 " + name;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return "选项 " + name + " 需要一个值";
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return "多余的参数 " + name;
  return message;
}
