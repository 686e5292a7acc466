import { promises as fs } from "fs";
import * as zlib from "zlib";
import { promisify } from "util";
import * as path from "path";
import { parseArgs } from "util";
import { scoreWorkbook } from "../engine/scoreWorkbook";
import { PROFILE_IDS, type ProfileId } from "../engine/rules/profile";
import { buildWritePlan } from "../engine/output/buildWritePlan";
import { readXlsxGrid, UnreadableWorkbookError } from "../workbook/xlsx/readXlsxGrid";
import { readErrorText } from "../workbook/xlsx/readErrorText";
import { nodeInflate } from "./nodeInflate";
import { writeScoredCopy } from "../workbook/xlsx/writeScoredCopy";
import { formatSummary } from "./formatSummary";
import { buildNarratives } from "../engine/narrative/buildNarrative";
import { renderNarrativeMarkdown } from "../engine/narrative/renderNarrativeMarkdown";
import type { NarrativeTemplateOverride } from "../engine/narrative/narrativeTemplate";
import type { NarrativeDocument } from "../engine/narrative/types";

const USAGE = [
  "用法：selfeval score <输入.xlsx> [--out <评分副本.xlsx>] [--json <报告.json>] [--docx <说明.docx>]",
  "                      [--narrative <说明.md>] [--narrative-template <措辞.json>] [--profile project|department]",
  "",
  "  --out                 写出评分副本：保留原表全部内容，标出问题单元格并附批注，新增“评分结果”和“自评表说明”工作表",
  "  --json                写出 JSON 报告（格式见 docs/report.schema.json）",
  "  --docx                写出自评表说明 Word 文档（公文格式：A4、仿宋正文、黑体标题）",
  "  --narrative           写出自评表说明纯文本（Markdown）",
  "  --narrative-template  用自己的措辞写自评表说明：JSON 文件，只需写要改的键（见 docs/narrative-template.md）",
  "  --profile             指定评分规则：project（项目支出）或 department（部门整体支出）；默认按表格自动判断",
  "",
  "退出码：0 评分完成且无错误；1 评分完成但有错误（输出照常写出）；2 无法评分（未写出任何文件）",
].join("\n");

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const deflateRawAsync = promisify(zlib.deflateRaw);

/**
 * Node's native deflate, run on its thread pool, for the large parts of the scored copy.
 * zlib.crc32 arrived in Node 20.15; before it JSZip compresses everything itself.
 */
const nodeDeflate =
  typeof zlib.crc32 === "function"
    ? {
        deflateRaw: async (data: Uint8Array): Promise<Uint8Array> =>
          deflateRawAsync(data, { level: 1 }),
        crc32: (data: Uint8Array): number => zlib.crc32(data) >>> 0,
      }
    : undefined;

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text + "\n"),
  stderr: (text) => process.stderr.write(text + "\n"),
};

/** A failure that ends the run with exit code 2 and one line on stderr. */
class UsageFailure extends Error {}

/** Runs `selfeval` with its arguments; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageFailure) {
      io.stderr(error.message);
      return 2;
    }
    io.stderr("selfeval 内部错误：" + (error instanceof Error ? error.message : String(error)));
    return 2;
  }
}

interface ScoreArguments {
  input: string;
  out?: string;
  json?: string;
  docx?: string;
  narrative?: string;
  narrativeTemplate?: string;
  profile?: ProfileId;
}

const OUTPUT_OPTIONS = ["out", "json", "docx", "narrative"] as const;

function parseScoreArguments(argv: readonly string[]): ScoreArguments | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.slice(),
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string" },
        json: { type: "string" },
        docx: { type: "string" },
        narrative: { type: "string" },
        "narrative-template": { type: "string" },
        profile: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageFailure(
      "参数错误：" + argumentErrorText(error) + "。运行 selfeval --help 查看用法。"
    );
  }
  if (parsed.values.help) return "help";
  const [command, input, ...extra] = parsed.positionals;
  if (command !== "score")
    throw new UsageFailure(
      command ? "未知命令：" + command + "。运行 selfeval --help 查看用法。" : USAGE
    );
  if (!input)
    throw new UsageFailure("参数错误：缺少要评分的 .xlsx 文件。运行 selfeval --help 查看用法。");
  if (extra.length > 0) throw new UsageFailure("参数错误：多余的参数 " + extra.join(" ") + "。");
  const profile = parsed.values.profile;
  if (profile !== undefined && (PROFILE_IDS as readonly string[]).indexOf(profile) < 0)
    throw new UsageFailure(
      "参数错误：--profile 只能是 project（项目支出）或 department（部门整体支出），不能是 " +
        profile +
        "。"
    );
  for (const option of [...OUTPUT_OPTIONS, "narrative-template"] as const) {
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
  };
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

async function samePath(a: string, b: string): Promise<boolean> {
  const resolve = async (file: string): Promise<string> => {
    try {
      return await fs.realpath(file);
    } catch {
      return path.resolve(file);
    }
  };
  return (await resolve(a)) === (await resolve(b));
}

async function readTemplateOverride(file: string): Promise<NarrativeTemplateOverride> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageFailure(
      "无法读取措辞模板 " +
        file +
        "：" +
        (code === "ENOENT" ? "文件不存在" : String(code ?? error)) +
        "。"
    );
  }
  // zod comes with the schema: loaded only for a template, it stays out of every other run.
  const { InvalidNarrativeTemplateError, loadNarrativeTemplateOverride } =
    await import("../engine/narrative/narrativeTemplateSchema");
  try {
    return loadNarrativeTemplateOverride(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    if (error instanceof InvalidNarrativeTemplateError)
      throw new UsageFailure("措辞模板 " + file + " 有误：" + error.message + "。");
    throw error;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseScoreArguments(argv);
  if (args === "help") {
    io.stdout(USAGE);
    return 0;
  }
  const extension = path.extname(args.input).toLowerCase();
  if (extension === ".xls" || extension === ".et" || extension === ".ett")
    throw new UsageFailure(
      "无法读取 " +
        args.input +
        "：这是旧版 Excel/WPS 格式，请在 Excel 或 WPS 中另存为 .xlsx 后再评分。"
    );
  const outputFiles = OUTPUT_OPTIONS.filter((option) => args[option] !== undefined).map(
    (option) => ({ option, file: args[option] as string })
  );
  for (const output of outputFiles) {
    if (await samePath(output.file, args.input))
      throw new UsageFailure(
        "输出文件 " + output.file + " 就是输入文件：为保护原表，不会覆盖输入文件，请换一个文件名。"
      );
  }
  for (let i = 0; i < outputFiles.length; i++)
    for (let j = i + 1; j < outputFiles.length; j++)
      if (await samePath(outputFiles[i].file, outputFiles[j].file))
        throw new UsageFailure(
          "--" + outputFiles[i].option + " 和 --" + outputFiles[j].option + " 不能是同一个文件。"
        );
  const templateOverride =
    args.narrativeTemplate !== undefined
      ? await readTemplateOverride(args.narrativeTemplate)
      : null;

  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(args.input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageFailure(
      "无法读取 " +
        args.input +
        "：" +
        (code === "ENOENT"
          ? "文件不存在"
          : code === "EISDIR"
            ? "这是一个文件夹"
            : String(code ?? error)) +
        "。"
    );
  }
  let workbook;
  try {
    // An OLE file (legacy .xls, or an encrypted workbook), a zip bomb, a DOCTYPE… are all refused here.
    workbook = await readXlsxGrid(bytes, { inflate: nodeInflate });
  } catch (error) {
    if (error instanceof UnreadableWorkbookError)
      throw new UsageFailure(readErrorText(error, args.input));
    throw error;
  }

  const result = scoreWorkbook(workbook.grid, {
    fileName: path.basename(args.input),
    profile: args.profile,
  });
  if (result.forms.length === 0)
    throw new UsageFailure(
      "未找到绩效指标表：" + args.input + " 中没有含“分值”“得分”等表头的指标表。"
    );

  // Built once, when the sheet, the .docx or the text first needs it.
  let built: NarrativeDocument[] | null = null;
  const narratives = (): NarrativeDocument[] =>
    built ?? (built = buildNarratives(result, templateOverride));
  const outputs: Array<{ file: string; bytes: Uint8Array | string; label: string }> = [];
  if (args.out !== undefined) {
    const plan = buildWritePlan(result, workbook.grid, { narratives: narratives() });
    outputs.push({
      file: args.out,
      bytes: await writeScoredCopy(bytes, plan, { zip: workbook.zip, deflate: nodeDeflate }),
      label: "评分副本",
    });
  }
  if (args.json !== undefined)
    outputs.push({
      file: args.json,
      bytes: JSON.stringify(result.report, null, 2) + "\n",
      label: "报告（JSON）",
    });
  if (args.docx !== undefined) {
    // Loaded only when asked for: the docx package is large.
    const { renderNarrativeDocx } = await import("../docx/renderNarrativeDocx");
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
  await writeAll(outputs);

  io.stdout(formatSummary(result));
  for (const output of outputs) io.stdout("已写出" + output.label + "：" + output.file);
  return result.problems.some((problem) => problem.severity === "error") ? 1 : 0;
}

/** Writes every output or none: each goes to a temporary file first, renamed once all are written. */
async function writeAll(
  outputs: ReadonlyArray<{ file: string; bytes: Uint8Array | string }>
): Promise<void> {
  const temporary: string[] = [];
  let current = "";
  try {
    for (const output of outputs) {
      current = output.file;
      const temp = path.join(
        path.dirname(path.resolve(output.file)),
        "." + path.basename(output.file) + "." + process.pid + ".tmp"
      );
      temporary.push(temp);
      await fs.writeFile(temp, output.bytes);
    }
    // A folder where a file should go fails here, before anything is renamed into place.
    for (const output of outputs) {
      current = output.file;
      const existing = await fs.stat(output.file).catch(() => null);
      if (existing && existing.isDirectory())
        throw Object.assign(new Error(output.file), { code: "EISDIR" });
    }
    for (let i = 0; i < outputs.length; i++) {
      current = outputs[i].file;
      await fs.rename(temporary[i], outputs[i].file);
    }
  } catch (error) {
    await Promise.all(temporary.map((temp) => fs.rm(temp, { force: true })));
    throw new UsageFailure("无法写出 " + current + "：" + fileErrorText(error) + "。");
  }
}

/** A file-system error in the words of the user, not of the system call. */
function fileErrorText(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return "目标文件夹不存在";
    case "EISDIR":
      return "这是一个文件夹，请给出文件名";
    case "EACCES":
    case "EPERM":
      return "没有写入权限（文件可能正在 Excel 中打开，或文件夹只读）";
    case "EBUSY":
      return "文件正被其他程序占用（请先在 Excel 中关闭它）";
    case "ENOSPC":
      return "磁盘空间不足";
    default:
      return (
        "系统错误 " + String((error as NodeJS.ErrnoException).code ?? (error as Error).message)
      );
  }
}
