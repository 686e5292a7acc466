import { promises as fs } from "fs";
import * as path from "path";
import { isRuleSetId, RULE_SET_IDS, RULE_SETS, type RuleSet } from "../engine/catalog";
import { UsageFailure } from "./cliIo";

/**
 * The rule set `--rules` names: a bundled id (national, yitihua…) or a bureau's own JSON file,
 * checked when read (unknown keys refused, naming the key).
 */
export async function readRuleSetOption(value: string): Promise<RuleSet> {
  if (isRuleSetId(value)) return RULE_SETS[value];
  if (!/\.json$/i.test(value) && !(await isFile(value)))
    throw new UsageFailure(
      "参数错误：--rules 只能是 " +
        RULE_SET_IDS.join("、") +
        " 之一，或一个规则集 .json 文件，不能是 " +
        value +
        "。运行 selfeval rules 查看各规则集。"
    );
  let text: string;
  try {
    text = await fs.readFile(value, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageFailure(
      "无法读取规则集 " +
        value +
        "：" +
        (code === "ENOENT" ? "文件不存在" : String(code ?? error)) +
        "。"
    );
  }
  // zod comes with the schema: loaded only for a file, it stays out of every other run.
  const { InvalidRuleSetError, loadRuleSetFile } = await import("../engine/checks");
  try {
    return loadRuleSetFile(text.replace(/^\uFEFF/, ""), path.basename(value, path.extname(value)));
  } catch (error) {
    if (error instanceof InvalidRuleSetError)
      throw new UsageFailure("规则集 " + value + " 有误：" + error.message + "。");
    throw error;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}
