import { defaultIo, UsageFailure, type CliIo } from "./cliIo";
import { INSPECT_USAGE, runInspect } from "./commands/inspect";
import { runRules, RULES_USAGE } from "./commands/rules";
import { runScore, SCORE_USAGE } from "./commands/score";
import { describeFailure } from "./describeFailure";

export type { CliIo };

/** The commands `selfeval` knows; each lives in its own file under commands/. */
const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIo) => Promise<number>>> =
  {
    score: runScore,
    inspect: runInspect,
    rules: runRules,
    batch: (argv, io) => import("./commands/batch").then((command) => command.runBatch(argv, io)),
  };

const USAGE = SCORE_USAGE + "\n\n" + INSPECT_USAGE + "\n\n" + RULES_USAGE;

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
  if (first === undefined || first === "--help" || first === "-h") {
    if (first === undefined) throw new UsageFailure(USAGE);
    io.stdout(USAGE);
    return 0;
  }
  if (first.startsWith("-"))
    throw new UsageFailure(
      "参数错误：请先写命令（如 selfeval score <输入.xlsx>），再写选项 " + first + "。"
    );
  const command = COMMANDS[first];
  if (!command) throw new UsageFailure("未知命令：" + first + "。运行 selfeval --help 查看用法。");
  return command(rest, io);
}
