import { readFileSync } from "fs";
import * as path from "path";
import { defaultIo, UsageFailure, type CliIo } from "./cliIo";
import { describeFailure } from "./describeFailure";

export type { CliIo };

type RunCommand = (argv: readonly string[], io: CliIo) => Promise<number>;

/**
 * The commands `selfeval` knows, each in its own file under commands/, loaded only when it runs:
 * `selfeval rules` never loads the reader or the scorer, `selfeval score` never the batch.
 */
const COMMANDS: ReadonlyArray<{
  readonly name: string;
  /** One line for `selfeval --help`. */
  readonly summary: string;
  readonly load: () => Promise<RunCommand>;
}> = [
  {
    name: "score",
    summary: "为一个工作簿评分，写出评分副本、JSON 报告和自评表说明",
    load: () => import("./commands/score").then((command) => command.runScore),
  },
  {
    name: "inspect",
    summary: "说明工具如何读取每张表：表头、每一列的角色及依据、跳过的行",
    load: () => import("./commands/inspect").then((command) => command.runInspect),
  },
  {
    name: "rules",
    summary: "列出内置的评分规则集及其依据",
    load: () => import("./commands/rules").then((command) => command.runRules),
  },
  {
    name: "batch",
    summary: "为一批工作簿评分，写出汇总表、汇总 JSON 和汇总分析报告",
    load: () =>
      import("./commands/batch").then((command) => (argv, io) => command.runBatch(argv, io)),
  },
];

/** `selfeval --help`: the commands, one line each, then how to get each one's help. */
export function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    "用法：selfeval <命令> [选项]",
    "",
    "命令：",
    ...COMMANDS.map(
      (command) =>
        "  " + command.name + " ".repeat(width - command.name.length + 2) + command.summary
    ),
    "",
    "运行 selfeval <命令> --help 查看该命令的用法，如 selfeval score --help。",
    "  -v, --version  显示版本号",
    "  -h, --help     显示本说明",
  ].join("\n");
}

/** The version in package.json, beside lib/ and src/ alike. */
export function version(): string {
  const manifest = readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8");
  return (JSON.parse(manifest) as { version: string }).version;
}

/** Runs `selfeval` with its arguments; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    // The last resort: it words the failure and never throws itself, not even when stderr is closed.
    try {
      io.stderr(describeFailure(error));
    } catch {
      // Nowhere left to say it; the exit code still tells.
    }
    return 2;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // The command comes first, as in git and npm: `selfeval score <file> [options]`.
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageFailure(overview());
  if (first === "--help" || first === "-h") {
    io.stdout(overview());
    return 0;
  }
  if (first === "--version" || first === "-v") {
    io.stdout(version());
    return 0;
  }
  if (first.startsWith("-"))
    throw new UsageFailure(
      "参数错误：请先写命令（如 selfeval score <输入.xlsx>），再写选项 " + first + "。"
    );
  const command = COMMANDS.find((each) => each.name === first);
  if (!command) throw new UsageFailure("未知命令：" + first + "。运行 selfeval --help 查看用法。");
  return (await command.load())(rest, io);
}
