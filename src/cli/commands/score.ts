import * as path from "path";
import {
  buildNarratives,
  buildWritePlan,
  escapeBidiControlsInJson,
  hasBidiControls,
  type NarrativeDocument,
  PROFILE_IDS,
  type ProfileId,
  renderNarrativeMarkdown,
  scoreWorkbook,
  type ScoreResult,
  showBidiControls,
  type WritePlan,
} from "../../engine";
import { writeScoredCopy } from "../../workbook/xlsx/writeScoredCopy";
import { readErrorText } from "../../workbook/xlsx/readErrorText";
import { UnreadableWorkbookError } from "../../workbook/xlsx/unreadableWorkbookError";
import { UsageFailure, type CliIo } from "../cliIo";
import { formatSummary } from "../formatSummary";
import { readNarrativeTemplateFile } from "../narrativeTemplateFile";
import { readRuleSetOption } from "../ruleSetFile";
import { nodeDeflate } from "../nodeDeflate";
import { tuneV8AfterReading, tuneV8ForLastPhase } from "../largeRunV8Flags";
import { COMMON_OPTIONS, COMMON_USAGE, helpHint, parseArguments } from "../parseArguments";
import { readInputWorkbook, refuseLegacyWorkbookName } from "../readInputWorkbook";
import { jsonChunks } from "../jsonChunks";
import { checkOutputNames, STANDARD_OUTPUT, writeAll, type OutputFile } from "../writeOutputs";
import { refuseMismatchedCopyName } from "../copyName";
import { refuseNonWorkbookName } from "../workbookName";
import {
  COLUMNS_USAGE,
  noFormMessage,
  readColumnsOption,
  refuseColumnMapErrors,
} from "../columnsOption";

export const SCORE_USAGE = [
  "用法：selfeval score <输入.xlsx> [--out <评分副本.xlsx>] [--json <报告.json>] [--docx <说明.docx>]",
  "                      [--narrative <说明.md>] [--narrative-template <措辞.json>] [--profile project|department]",
  "                      [--rules <规则集|规则集.json>]",
  "                      [--columns <列对应>] [--quiet]",
  "",
  "  --out                 写出评分副本：保留原表全部内容，标出问题单元格并附批注，新增“评分结果”和“自评表说明”工作表",
  "  --json                写出 JSON 报告（格式见 docs/report.schema.json）",
  "  --docx                写出自评表说明 Word 文档（公文格式：A4、仿宋正文、黑体标题）",
  "  --narrative           写出自评表说明纯文本（Markdown）",
  "  --narrative-template  用自己的措辞写自评表说明：JSON 文件，只需写要改的键（见 docs/narrative-template.md）",
  "  --profile             指定表格类型：project（项目支出）或 department（部门整体支出）；默认按表格自动判断",
  "  --rules               指定财政局的评分规则集：national（默认）、yitihua、guangxi、sichuan、tianjin，",
  "                        或财政局自己的规则集 .json 文件（只需写要改的键）；运行 selfeval rules 查看各规则集",
  COLUMNS_USAGE,
  COMMON_USAGE,
  "",
  "退出码：0 评分完成且无错误；1 评分完成但有错误（输出照常写出）；2 无法评分（未写出任何文件）",
  "输出文件名写 - 表示标准输出（只能有一个），此时评分摘要写到标准错误",
].join("\n");

interface ScoreArguments {
  input: string;
  out?: string;
  json?: string;
  docx?: string;
  narrative?: string;
  narrativeTemplate?: string;
  profile?: ProfileId;
  rules?: string;
  columns?: string;
  quiet: boolean;
}

const OUTPUT_OPTIONS = ["out", "json", "docx", "narrative"] as const;

function parseScoreArguments(argv: readonly string[]): ScoreArguments | "help" {
  const parsed = parseArguments(
    argv,
    {
      out: { type: "string" },
      json: { type: "string" },
      docx: { type: "string" },
      narrative: { type: "string" },
      "narrative-template": { type: "string" },
      profile: { type: "string" },
      rules: { type: "string" },
      columns: { type: "string" },
      ...COMMON_OPTIONS,
    },
    "score"
  );
  if (parsed.values.help) return "help";
  const [input, ...extra] = parsed.positionals;
  if (!input) throw new UsageFailure("参数错误：缺少要评分的 .xlsx 文件。" + helpHint("score"));
  if (extra.length > 0) throw new UsageFailure("参数错误：多余的参数 " + extra.join(" ") + "。");
  const profile = parsed.values.profile;
  if (profile !== undefined && (PROFILE_IDS as readonly string[]).indexOf(profile) < 0)
    throw new UsageFailure(
      "参数错误：--profile 只能是 project（项目支出）或 department（部门整体支出），不能是 " +
        profile +
        "。"
    );
  for (const option of [...OUTPUT_OPTIONS, "narrative-template", "rules"] as const) {
    if (parsed.values[option] === "")
      throw new UsageFailure("参数错误：--" + option + " 需要一个文件名。");
  }
  return {
    input,
    out: parsed.values.out,
    json: parsed.values.json,
    docx: parsed.values.docx,
    narrative: parsed.values.narrative,
    narrativeTemplate: parsed.values["narrative-template"],
    profile: profile as ProfileId | undefined,
    rules: parsed.values.rules,
    columns: parsed.values.columns,
    quiet: parsed.values.quiet === true,
  };
}

interface ScoredInput {
  readonly result: ScoreResult;
  /**
   * Makes the scored copy, when --out asked for one: run by writeAll once the outputs are checked
   * and locked and the report is written (the two are never held at once), its large parts
   * compressed on the thread pool while the next are made. Its failure, when it fails, is the
   * run's, as a failure to read or score is.
   */
  readonly makeCopy: (() => Promise<Uint8Array>) | null;
  readonly sheetNames: readonly string[];
  /** The 自评表说明 of each form, built once, when first asked for. */
  readonly narratives: () => NarrativeDocument[];
}

/**
 * Reads the input, scores it and plans the scored copy. The workbook as read (its package, about
 * as large as its XML, and its grid) is held only here and by makeCopy until the copy is begun:
 * once the copy is made nothing refers to it, so the collector can take it back.
 */
async function scoreInput(
  args: ScoreArguments,
  options: {
    columnMap: ReturnType<typeof readColumnsOption>;
    ruleSet: Awaited<ReturnType<typeof readRuleSetOption>> | undefined;
    templateOverride: Awaited<ReturnType<typeof readNarrativeTemplateFile>> | null;
  }
): Promise<ScoredInput> {
  const { bytes, workbook } = await readInputWorkbook(args.input);
  if (args.out !== undefined) await refuseMismatchedCopyName(args.out, workbook.zip);
  tuneV8AfterReading(
    workbook.grid.sheets.reduce((rows, sheet) => rows + sheet.usedRows().length, 0)
  );

  const result = scoreWorkbook(workbook.grid, {
    fileName: path.basename(args.input),
    profile: args.profile,
    ruleSet: options.ruleSet,
    columnMap: options.columnMap,
  });
  refuseColumnMapErrors(result.reading);
  if (result.forms.length === 0) throw new UsageFailure(noFormMessage(args.input, result.reading));

  let built: NarrativeDocument[] | null = null;
  const narratives = (): NarrativeDocument[] =>
    built ?? (built = buildNarratives(result, options.templateOverride));
  let makeCopy: (() => Promise<Uint8Array>) | null = null;
  if (args.out !== undefined) {
    let planned: { plan: WritePlan; workbook: typeof workbook; bytes: typeof bytes } | null = {
      plan: buildWritePlan(result, workbook.grid, { narratives: narratives() }),
      workbook,
      bytes,
    };
    makeCopy = async () => {
      if (planned === null) throw new Error("the scored copy was asked for twice");
      tuneV8ForLastPhase();
      const { plan, workbook: read, bytes: input } = planned;
      planned = null;
      try {
        return await writeScoredCopy(input, plan, { zip: read.zip, deflate: nodeDeflate });
      } catch (error) {
        // A part only the writer reads (comments, styles…) may turn out not to inflate.
        if (error instanceof UnreadableWorkbookError)
          throw new UsageFailure(readErrorText(error, args.input));
        throw error;
      }
    };
  }
  return { result, makeCopy, sheetNames: workbook.grid.sheets.map((s) => s.name), narratives };
}

/** `selfeval score`: scores one workbook and writes the outputs asked for, all or none. */
export async function runScore(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseScoreArguments(argv);
  if (args === "help") {
    io.stdout(SCORE_USAGE);
    return 0;
  }
  refuseLegacyWorkbookName(args.input);
  if (args.out !== undefined) refuseNonWorkbookName(args.out, "评分副本");
  const outputFiles = OUTPUT_OPTIONS.filter((option) => args[option] !== undefined).map(
    (option) => ({ option, file: args[option] as string })
  );
  // The wording file is read too: no output may overwrite it either.
  const inputs = [args.input].concat(args.narrativeTemplate ?? []);
  await checkOutputNames(inputs, outputFiles);
  const columnMap = readColumnsOption(args.columns);
  const templateOverride =
    args.narrativeTemplate !== undefined
      ? await readNarrativeTemplateFile(args.narrativeTemplate)
      : null;

  const ruleSet = args.rules !== undefined ? await readRuleSetOption(args.rules) : undefined;

  const { result, makeCopy, sheetNames, narratives } = await scoreInput(args, {
    columnMap,
    ruleSet,
    templateOverride,
  });
  const outputs: Array<OutputFile & { label: string }> = [];
  if (makeCopy !== null)
    outputs.push({ file: args.out as string, bytes: { make: makeCopy }, label: "评分副本" });
  if (args.json !== undefined) {
    // Cell text arrives with bidi controls already shown; only names can carry one as it is.
    // The report is written as it is made (jsonChunks), never held as one string: 12 million
    // characters and their UTF-8 bytes for 20,000 indicators. A control is one character, so
    // escaping piece by piece escapes them all.
    const report = result.report;
    const names = [path.basename(args.input)].concat(sheetNames);
    const escape = names.some(hasBidiControls);
    outputs.push({
      file: args.json,
      bytes: {
        *chunks() {
          for (const piece of jsonChunks(report))
            yield escape ? escapeBidiControlsInJson(piece) : piece;
          yield "\n";
        },
      },
      label: "报告（JSON）",
    });
  }
  if (args.docx !== undefined) {
    // Loaded only when asked for: the docx package is large.
    const { renderNarrativeDocx } = await import("../../docx/renderNarrativeDocx");
    outputs.push({
      file: args.docx,
      bytes: await renderNarrativeDocx(narratives()),
      label: "自评表说明（Word）",
    });
  }
  if (args.narrative !== undefined)
    outputs.push({
      file: args.narrative,
      bytes: renderNarrativeMarkdown(narratives()),
      label: "自评表说明（文本）",
    });
  const written = await writeAll(outputs, { standardOutput: io.writeStandardOutput });

  // With an output on standard output, what is said to the user goes to stderr; with --quiet,
  // nothing is (a failure still is, by main).
  const say = (text: string): void => {
    if (!args.quiet) (written.usedStandardOutput ? io.stderr : io.stdout)(showBidiControls(text));
  };
  say(formatSummary(result));
  for (const output of outputs)
    say(
      "已写出" + output.label + "：" + (output.file === STANDARD_OUTPUT ? "标准输出" : output.file)
    );
  return result.problems.some((problem) => problem.severity === "error") ? 1 : 0;
}
