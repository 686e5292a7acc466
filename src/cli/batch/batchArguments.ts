/** `selfeval batch`'s arguments: its usage, and the options read and checked before any work. */
import { DEFAULT_SAMPLE_PERCENT, PROFILE_IDS, type ProfileId } from "../../engine";
import { UsageFailure } from "../cliIo";
import { refuseNonWorkbookName } from "../workbookName";
import { COMMON_OPTIONS, COMMON_USAGE, helpHint, parseArguments } from "../parseArguments";

export const BATCH_USAGE = [
  "用法：selfeval batch <文件夹|文件…> --out <汇总.xlsx> [--json <汇总.json>] [--docx-report <汇总分析报告.docx>]",
  "                      [--scored-dir <文件夹>] [--docx-dir <文件夹>] [--rules <规则集>] [--profile project|department]",
  "                      [--jobs <线程数>] [--sample <百分比>] [--quiet]",
  "",
  "  对文件夹（含子文件夹）中的每个 .xlsx/.xlsm 工作簿和列出的每个文件评分，写出汇总：",
  "  --out          汇总工作簿：汇总表、问题清单、抽查建议、统计（含评级分布图）",
  "  --json         汇总 JSON（格式见 docs/summary.schema.json）",
  "  --docx-report  汇总分析报告 Word 文档",
  "  --scored-dir   每个工作簿的评分副本写入此文件夹（同名，保持子文件夹结构）",
  "  --docx-dir     每个工作簿的自评表说明（Word）写入此文件夹",
  "  --rules        评分规则集：national（默认，财预〔2020〕10号）、yitihua、guangxi、sichuan、tianjin，或规则集 .json 文件",
  "  --profile      指定评分规则：project（项目支出）或 department（部门整体支出）；默认按表格自动判断",
  "  --jobs         同时评分的文件数（默认为处理器核数）",
  "  --sample       抽查建议中按预算规模分层抽取的比例（默认 " +
    DEFAULT_SAMPLE_PERCENT +
    "，即 20%）",
  "",
  COMMON_USAGE.replace("摘要", "进度和摘要"),
  "",
  "  旧版 .xls/.et 文件在本机装有 LibreOffice（soffice）时自动转换后评分，否则列为“已跳过”。",
  "",
  "退出码：0 全部评分且无错误；1 有表存在错误，或有文件无法打开、被跳过；2 没有可评分的表或参数错误（未写出任何文件）",
].join("\n");

export interface BatchArguments {
  readonly inputs: string[];
  readonly out?: string;
  readonly json?: string;
  readonly docxReport?: string;
  readonly scoredDir?: string;
  readonly docxDir?: string;
  readonly rules?: string;
  readonly profile?: ProfileId;
  readonly jobs?: number;
  readonly sample: number;
  readonly quiet: boolean;
}

const MAX_JOBS = 64;

export function parseBatchArguments(argv: readonly string[]): BatchArguments | "help" {
  const parsed = parseArguments(
    argv,
    {
      out: { type: "string" },
      json: { type: "string" },
      "docx-report": { type: "string" },
      "scored-dir": { type: "string" },
      "docx-dir": { type: "string" },
      rules: { type: "string" },
      profile: { type: "string" },
      jobs: { type: "string" },
      sample: { type: "string" },
      ...COMMON_OPTIONS,
    },
    "batch"
  );
  const values = parsed.values;
  if (values.help) return "help";
  if (parsed.positionals.length === 0)
    throw new UsageFailure("参数错误：缺少要评分的文件夹或文件。" + helpHint("batch"));
  for (const option of [
    "out",
    "json",
    "docx-report",
    "scored-dir",
    "docx-dir",
    "rules",
    "jobs",
    "sample",
  ] as const)
    if (values[option] === "") throw new UsageFailure("参数错误：--" + option + " 需要一个值。");
  if (values.out === undefined && values.json === undefined)
    throw new UsageFailure(
      "参数错误：请用 --out 指定汇总工作簿（或用 --json 指定汇总 JSON）。" + helpHint("batch")
    );
  if (values.out !== undefined) refuseNonWorkbookName(values.out, "汇总工作簿", ["xlsx"]);
  const profile = values.profile;
  if (profile !== undefined && (PROFILE_IDS as readonly string[]).indexOf(profile) < 0)
    throw new UsageFailure(
      "参数错误：--profile 只能是 project（项目支出）或 department（部门整体支出），不能是 " +
        profile +
        "。"
    );
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!/^\d+$/.test(values.jobs) || jobs < 1 || jobs > MAX_JOBS)
      throw new UsageFailure(
        "参数错误：--jobs 应为 1 到 " + MAX_JOBS + " 之间的整数，不能是 " + values.jobs + "。"
      );
  }
  let sample = DEFAULT_SAMPLE_PERCENT;
  if (values.sample !== undefined) {
    const text = values.sample.replace(/[%％]$/, "");
    sample = Number(text);
    if (text.trim() === "" || !isFinite(sample) || sample < 0 || sample > 100)
      throw new UsageFailure(
        "参数错误：--sample 应为 0 到 100 之间的百分比，不能是 " + values.sample + "。"
      );
  }
  return {
    inputs: parsed.positionals,
    out: values.out,
    json: values.json,
    docxReport: values["docx-report"],
    scoredDir: values["scored-dir"],
    docxDir: values["docx-dir"],
    rules: values.rules,
    profile: profile as ProfileId | undefined,
    jobs,
    sample,
    quiet: values.quiet === true,
  };
}
