import {
  BUNDLED_RULE_SET_FILES,
  DEFAULT_RULE_SET,
  RULE_SET_IDS,
  RULE_SETS,
  type RuleSource,
} from "../../engine/catalog";
import { UsageFailure, type CliIo } from "../cliIo";
import { COMMON_OPTIONS, COMMON_USAGE, parseArguments } from "../parseArguments";

export const RULES_USAGE = [
  "用法：selfeval rules [--quiet]",
  "",
  "  列出内置的评分规则集（selfeval score --rules <规则集> 选用），每个一行，并列出其依据。",
  "  财政局自己的规则集是一个 JSON 文件，只写与所继承规则集（extends，默认 national）不同的键。",
  COMMON_USAGE,
].join("\n");

/** `selfeval rules`: the bundled rule sets, one line each, with their sources. */
export async function runRules(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(argv, { ...COMMON_OPTIONS }, "rules");
  if (parsed.values.help) {
    io.stdout(RULES_USAGE);
    return 0;
  }
  if (parsed.positionals.length > 0)
    throw new UsageFailure("参数错误：多余的参数 " + parsed.positionals.join(" ") + "。");
  const width = Math.max(...RULE_SET_IDS.map((id) => id.length));
  const lines: string[] = [];
  RULE_SET_IDS.forEach((id, index) => {
    const set = RULE_SETS[id];
    const isDefault = set === DEFAULT_RULE_SET ? "（默认）" : "";
    if (index > 0) lines.push("");
    lines.push(
      id + " ".repeat(width - id.length) + "  " + set.name + isDefault + "：" + set.description
    );
    // A set lists its own sources; those of the set it extends are listed under that one.
    const own = (BUNDLED_RULE_SET_FILES[id].sources ?? []) as readonly RuleSource[];
    own.forEach((source) =>
      lines.push("    依据 · " + source.rule + "：" + source.says + "（" + source.where + "）")
    );
  });
  // --quiet: the list is the whole output, so nothing is shown.
  if (!parsed.values.quiet) io.stdout(lines.join("\n"));
  return 0;
}
