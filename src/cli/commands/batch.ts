import { promises as fs, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import {
  batchExitCode,
  type BatchFile,
  buildBatchReport,
  buildBatchSummary,
  narrativeNameFor,
  planMirroredNames,
  type ProfileId,
  type ScoreOptions,
  summaryJson,
} from "../../engine";
import { legacyWorkbookIsEncrypted } from "../../workbook/xlsx/batch/compoundFile";
import { writeSummaryWorkbook } from "../../workbook/xlsx/summaryWorkbook/writeSummaryWorkbook";
import type { BatchJobResult } from "../batch/batchJob";
import { BatchProgress, type ProgressStream } from "../batch/batchProgress";
import {
  collectBatchInputs,
  inputKindOf,
  isWithin,
  type BatchInput,
} from "../batch/collectBatchInputs";
import { isSummaryWorkbook } from "../batch/isSummaryWorkbook";
import {
  defaultWorkerScript,
  type JobPoolOptions,
  runJobPool,
  StartedWorkers,
  type Prepared,
} from "../batch/jobPool";
import { findSoffice, sofficeConverter, type LegacyConverter } from "../batch/legacyConverter";
import { StagedFolder, type UndoCommit } from "../batch/stagedFolder";
import { BATCH_USAGE, type BatchArguments, parseBatchArguments } from "../batch/batchArguments";
import { fileLines, totalsLine } from "../batch/batchLines";
import { UsageFailure, type CliIo } from "../cliIo";
import { nodeDeflate } from "../nodeDeflate";
import { readRuleSetOption } from "../ruleSetFile";
import { fileErrorText, samePath, writeAll } from "../writeOutputs";

/** What the command needs from the machine; tests give their own. */
export interface BatchEnvironment {
  /** How many files to score at once when --jobs is not given. */
  readonly cores: () => number;
  /** The worker threads' entry; null scores every file in the main thread. */
  readonly workerScript: () => string | null;
  /** The converter for .xls/.et files, or null when this machine has none (no LibreOffice). */
  readonly converter: () => Promise<LegacyConverter | null>;
  /** Where the progress line goes (a terminal); null for none. */
  readonly progress: ProgressStream | null;
  /**
   * Runs `cleanUp` (synchronous) if the run is interrupted (Ctrl+C); returns what stops watching.
   * The default watches SIGINT and SIGTERM and then exits with code 130.
   */
  readonly onInterrupt: (cleanUp: () => void) => () => void;
}

export function defaultBatchEnvironment(): BatchEnvironment {
  return {
    cores: () =>
      typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length,
    workerScript: defaultWorkerScript,
    converter: async () => {
      const soffice = await findSoffice();
      return soffice ? sofficeConverter(soffice) : null;
    },
    progress: process.stderr,
    onInterrupt: (cleanUp) => {
      const stop = () => {
        cleanUp();
        process.exit(130);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      return () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      };
    },
  };
}

/**
 * Worker threads started before the inputs are listed, at most: the lanes a batch of many files
 * uses on a usual machine. More start when the pool needs them; those not needed are closed.
 */
const WORKERS_STARTED_AHEAD = 4;

const FILE_OUTPUTS = [
  { option: "out", key: "out" },
  { option: "json", key: "json" },
  { option: "docx-report", key: "docxReport" },
] as const;
const FOLDER_OUTPUTS = [
  { option: "scored-dir", key: "scoredDir" },
  { option: "docx-dir", key: "docxDir" },
] as const;

/**
 * The engine options every file of the batch is scored with, from the arguments: the one place
 * the batch turns its options into the scoring call's. They cross to the worker threads by
 * structured clone, so they stay plain data (a rule set is JSON-like data).
 */
export async function scoreOptionsFor(args: {
  readonly profile?: ProfileId;
  readonly rules?: string;
}): Promise<ScoreOptions> {
  const ruleSet = args.rules !== undefined ? await readRuleSetOption(args.rules) : undefined;
  return ruleSet ? { profile: args.profile, ruleSet } : { profile: args.profile };
}

/** The path a file would have once its folders are resolved (through links where they exist). */
async function resolvedPath(file: string): Promise<string> {
  const absolute = path.resolve(file);
  try {
    return await fs.realpath(absolute);
  } catch {
    const parent = path.dirname(absolute);
    if (parent === absolute) return absolute;
    return path.join(await resolvedPath(parent), path.basename(absolute));
  }
}

function slashed(file: string): string {
  return file.split(path.sep).join("/");
}

/**
 * `selfeval batch`: scores every workbook under the folders and every file named, one row each
 * whatever becomes of it, and writes the 汇总 outputs asked for, all or none.
 */
export async function runBatch(
  argv: readonly string[],
  io: CliIo,
  env: BatchEnvironment = defaultBatchEnvironment()
): Promise<number> {
  const args = parseBatchArguments(argv);
  if (args === "help") {
    io.stdout(BATCH_USAGE);
    return 0;
  }
  // --quiet: no progress, no lines per file, no totals; failures are still said on stderr.
  const say = args.quiet ? () => undefined : io.stdout;
  // The worker threads start now, while this thread lists and checks the inputs (a batch is
  // usually many files). Closed at the end whatever happens, by the pool or by the finally below.
  const concurrency = args.jobs ?? env.cores();
  const workerScript = concurrency > 1 ? env.workerScript() : null;
  const started = workerScript
    ? new StartedWorkers(workerScript, Math.min(concurrency, WORKERS_STARTED_AHEAD))
    : null;
  // The pool's workers close while the 汇总 outputs are made and written; waited for at the end.
  const closing: Array<Promise<void>> = [];
  try {
    return await runBatchWith(args, io, env, say, {
      concurrency,
      workerScript,
      ahead: started,
      closing: (closed) => closing.push(closed),
    });
  } finally {
    await started?.close();
    await Promise.all(closing);
  }
}

async function runBatchWith(
  args: BatchArguments,
  io: CliIo,
  env: BatchEnvironment,
  say: (line: string) => void,
  pool: JobPoolOptions
): Promise<number> {
  const baseOptions = await scoreOptionsFor(args);

  const fileOutputs = FILE_OUTPUTS.filter((output) => args[output.key] !== undefined).map(
    (output) => ({ option: output.option, file: args[output.key] as string })
  );
  const folderOutputs = FOLDER_OUTPUTS.filter((output) => args[output.key] !== undefined).map(
    (output) => ({ option: output.option, folder: args[output.key] as string })
  );
  for (let i = 0; i < fileOutputs.length; i++)
    for (let j = i + 1; j < fileOutputs.length; j++)
      if (await samePath(fileOutputs[i].file, fileOutputs[j].file))
        throw new UsageFailure(
          "--" + fileOutputs[i].option + " 和 --" + fileOutputs[j].option + " 不能是同一个文件。"
        );

  // The batch's own outputs in the folders are passed over (a second run must not score the
  // first run's summary or copies); a workbook an output names that is not one of them stays an
  // input, and the output is then refused below, so no form is ever overwritten.
  for (const output of folderOutputs) {
    const folder = await resolvedPath(output.folder);
    for (const input of args.inputs)
      if (isWithin(await resolvedPath(input), folder))
        throw new UsageFailure(
          "--" +
            output.option +
            " 的文件夹包含要评分的 " +
            input +
            "：为保护原表，请另选一个文件夹。"
        );
  }
  const passedOver: string[] = folderOutputs.map((output) => output.folder);
  for (const output of fileOutputs)
    if (
      inputKindOf(output.file) === null ||
      !(await isReadableFile(output.file)) ||
      (await isSummaryWorkbook(output.file))
    )
      passedOver.push(output.file);
  const collected = await collectBatchInputs(args.inputs, passedOver);
  const inputs = collected.inputs;
  if (inputs.length === 0)
    throw new UsageFailure(
      "没有找到可评分的工作簿（.xlsx/.xlsm/.xls/.et）" +
        (collected.ignored > 0 ? "：列出的 " + collected.ignored + " 个文件都不是表格文件" : "") +
        "。未写出任何文件。"
    );
  const inputPaths = new Set<string>();
  // All at once: one after another, the thread pool's round trips added up over a folder.
  for (const real of await Promise.all(inputs.map((input) => resolvedPath(input.path))))
    inputPaths.add(real);
  for (const output of fileOutputs)
    if (inputPaths.has(await resolvedPath(output.file)))
      throw new UsageFailure(
        "输出文件 " +
          output.file +
          " 是要评分的输入文件：为保护原表，不会覆盖输入文件，请换一个文件名。"
      );

  // Where each file's scored copy and 自评表说明 go, checked against the inputs before any work.
  const mirrored = planMirroredNames(inputs);
  const staged: Array<{ option: string; folder: StagedFolder }> = [];
  let conversions: string | null = null;
  const cleanUp = async () => {
    await Promise.all(staged.map((entry) => entry.folder.discard().catch(() => undefined)));
    if (conversions)
      await fs.rm(conversions, { recursive: true, force: true }).catch(() => undefined);
  };
  // Interrupted, the staging and conversion folders go; not while files are being moved into
  // place, when the staging folder holds the copies they replace.
  let committing = false;
  const stopWatching = env.onInterrupt(() => {
    if (committing) return;
    for (const entry of staged) rmSync(entry.folder.staging, { recursive: true, force: true });
    if (conversions) rmSync(conversions, { recursive: true, force: true });
  });
  try {
    const folderFor = async (option: string, folder: string, names: string[]) => {
      for (const name of names) {
        const target = path.join(folder, ...name.split("/"));
        if (inputPaths.has(await resolvedPath(target)))
          throw new UsageFailure(
            "--" +
              option +
              " 会把输出写到输入文件 " +
              target +
              " 上：为保护原表，请另选一个文件夹。"
          );
      }
      try {
        const created = await StagedFolder.create(folder);
        staged.push({ option, folder: created });
        return created;
      } catch (error) {
        throw new UsageFailure("无法写入文件夹 " + folder + "：" + folderErrorText(error) + "。");
      }
    };
    const scoredFolder = args.scoredDir
      ? await folderFor("scored-dir", args.scoredDir, mirrored)
      : null;
    const docxNames = mirrored.map(narrativeNameFor);
    const docxFolder = args.docxDir ? await folderFor("docx-dir", args.docxDir, docxNames) : null;

    let converter: LegacyConverter | null = null;
    if (inputs.some((input) => input.kind === "legacy")) {
      converter = await env.converter();
      if (converter) conversions = await fs.mkdtemp(path.join(os.tmpdir(), "selfeval-convert-"));
    }
    // One conversion at a time: LibreOffice is a heavy process of its own.
    let conversionQueue: Promise<unknown> = Promise.resolve();
    const convert = (input: BatchInput, index: number): Promise<string> => {
      const run = conversionQueue.then(async () => {
        const folder = path.join(conversions as string, String(index));
        await fs.mkdir(folder);
        return (converter as LegacyConverter)(input.path, folder);
      });
      conversionQueue = run.catch(() => undefined);
      return run;
    };

    const results: Array<BatchJobResult | null> = inputs.map(() => null);
    let outputError: { file: string; code: string } | null = null;
    const progress = new BatchProgress(inputs.length, args.quiet ? null : env.progress);
    const settled = (
      id: number,
      status: BatchJobResult["status"],
      notes: BatchJobResult["notes"]
    ) =>
      ({
        id,
        status,
        notes,
        forms: [],
        problems: [],
        wroteCopy: false,
        wroteDocx: false,
        outputError: null,
      }) as BatchJobResult;
    const prepare = async (index: number): Promise<Prepared> => {
      const input = inputs[index];
      let readFrom = input.path;
      const notes: BatchJobResult["notes"] = [];
      if (input.kind === "legacy") {
        if (!converter)
          return {
            result: settled(index, "skipped", [
              { code: "legacy-format", extension: input.extension, noConverter: true },
            ]),
          };
        try {
          readFrom = await convert(input, index);
          notes.push({ code: "converted", extension: input.extension });
        } catch (error) {
          // A password is why LibreOffice gives up on an encrypted .xls: say so, as for an
          // encrypted .xlsx (無法打开, not skipped).
          if (await isEncryptedLegacyFile(input.path))
            return {
              result: settled(index, "failed", [
                { code: "legacy-encrypted", extension: input.extension },
              ]),
            };
          return {
            result: settled(index, "skipped", [
              {
                code: "conversion-failed",
                detail: error instanceof Error ? error.message : String(error),
              },
            ]),
          };
        }
      }
      return {
        job: {
          id: index,
          path: readFrom,
          notes,
          scoreOptions: { ...baseOptions, fileName: path.basename(input.path) },
          scoredCopyPath: scoredFolder ? scoredFolder.pathFor(mirrored[index]) : null,
          docxPath: docxFolder ? docxFolder.pathFor(docxNames[index]) : null,
        },
      };
    };
    await runJobPool(
      inputs.length,
      pool,
      {
        prepare,
        started: (index) => progress.started(inputs[index].display),
        finished: (index, result) => {
          results[index] = result;
          if (result.outputError && !outputError) outputError = result.outputError;
          progress.finished();
        },
      },
      () => outputError !== null
    );
    progress.end();
    if (outputError !== null) {
      const failed = outputError as { file: string; code: string };
      throw new UsageFailure(
        "无法写出 " +
          failed.file +
          "：" +
          fileErrorText({ code: failed.code }) +
          "。未写出任何文件。"
      );
    }

    // Links in the 汇总 workbook are relative to where it is written.
    const summaryFolder =
      args.out !== undefined ? path.dirname(path.resolve(args.out)) : process.cwd();
    const files: BatchFile[] = inputs.map((input, index) => {
      const result = results[index] as BatchJobResult;
      return {
        file: input.display,
        status: result.status,
        notes: result.notes,
        forms: result.forms,
        problems: result.problems,
        scoredCopy:
          result.wroteCopy && scoredFolder
            ? slashed(path.relative(summaryFolder, scoredFolder.targetFor(mirrored[index])))
            : null,
      };
    });
    const summary = buildBatchSummary(files, {
      ignored: collected.ignored,
      samplePercent: args.sample,
    });
    const outputFailed = files.some((file) =>
      file.notes.some((note) => note.code === "output-failed")
    );
    const code = outputFailed
      ? Math.max(1, batchExitCode(summary.totals))
      : batchExitCode(summary.totals);

    for (const file of files) for (const line of fileLines(file)) say(line);
    say(totalsLine(summary));
    if (code === 2) {
      io.stderr("没有可评分的绩效自评表：未写出任何文件。");
      return 2;
    }

    const outputs: Array<{ file: string; bytes: Uint8Array | string; label: string }> = [];
    if (args.out !== undefined)
      outputs.push({
        file: args.out,
        bytes: await writeSummaryWorkbook(summary, { deflate: nodeDeflate }),
        label: "汇总工作簿",
      });
    if (args.json !== undefined)
      outputs.push({
        file: args.json,
        bytes: JSON.stringify(summaryJson(summary), null, 2) + "\n",
        label: "汇总 JSON",
      });
    if (args.docxReport !== undefined) {
      // Loaded only when asked for: the docx package is large.
      const { renderNarrativeDocx } = await import("../../docx/renderNarrativeDocx");
      outputs.push({
        file: args.docxReport,
        bytes: await renderNarrativeDocx([buildBatchReport(summary)]),
        label: "汇总分析报告",
      });
    }

    const undos: UndoCommit[] = [];
    committing = true;
    try {
      for (const entry of staged) {
        try {
          undos.push(await entry.folder.commit());
        } catch (error) {
          throw new UsageFailure(
            "无法写出 --" +
              entry.option +
              " 的文件 " +
              String((error as { path?: string }).path ?? entry.folder.target) +
              "：" +
              fileErrorText(error) +
              "。"
          );
        }
      }
      await writeAll(outputs);
    } catch (error) {
      for (const undo of undos.reverse()) await undo();
      throw error;
    }
    for (const output of outputs) say("已写出" + output.label + "：" + output.file);
    if (scoredFolder)
      say(
        "已写出评分副本 " +
          files.filter((file) => file.scoredCopy !== null).length +
          " 个：" +
          args.scoredDir
      );
    if (docxFolder)
      say(
        "已写出自评表说明 " +
          (results as BatchJobResult[]).filter((result) => result.wroteDocx).length +
          " 个：" +
          args.docxDir
      );
    return code;
  } finally {
    stopWatching();
    await cleanUp();
  }
}

/** Whether an old-format file carries an open password; false when it cannot be read. */
async function isEncryptedLegacyFile(file: string): Promise<boolean> {
  try {
    return legacyWorkbookIsEncrypted(await fs.readFile(file));
  } catch {
    return false;
  }
}

async function isReadableFile(file: string): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => null);
  return stat !== null && stat.isFile();
}

function folderErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOTDIR") return "路径中有同名文件，不是文件夹";
  return fileErrorText(error);
}
