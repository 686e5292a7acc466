import { parseArgs, type ParseArgsConfig } from "util";
import { UsageFailure } from "./cliIo";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * util.parseArgs with its failures worded for the user: an unknown option, a missing value or
 * an extra argument ends the run with exit code 2 and a Chinese sentence.
 */
export function parseArguments<T extends Options>(
  argv: readonly string[],
  options: T
): {
  values: { [K in keyof T]?: T[K]["type"] extends "boolean" ? boolean : string };
  positionals: string[];
} {
  try {
    const parsed = parseArgs({ args: argv.slice(), allowPositionals: true, strict: true, options });
    return parsed as never;
  } catch (error) {
    throw new UsageFailure(
      "参数错误：" + argumentErrorText(error) + "。运行 selfeval --help 查看用法。"
    );
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
