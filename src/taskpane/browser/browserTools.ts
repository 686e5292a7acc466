/**
 * What browser mode needs beyond the pane: reading and writing .xlsx files (the xlsx adapter and
 * fflate), moving bytes in and out of the page, and writing Word documents (docx). They are
 * fetched as separate chunks the first time browser mode uses them; the Excel path never loads them. Only import() here names them (an ESLint rule refuses
 * static imports of the xlsx adapter and the docx renderer under src/taskpane).
 */
import {
  type BatchFileOutcome,
  type BatchSummary,
  buildNarratives,
  type ProfileId,
  type RuleSet,
  type ScoreResult,
} from "../../engine";
import type { WorkbookPort } from "../../workbook/port";
import type { SaveBytes } from "./fileNames";

/** The port over an .xlsx file in memory (XlsxFilePort), as browser mode uses it. */
export interface FileWorkbookPort extends WorkbookPort {
  readonly fileName: string;
  /** Called with every cell select() is asked for; returns a function that stops the calls. */
  onSelect(listener: (sheet: string, cell: string) => void): () => void;
  /** The scored copy's bytes after a write, or null. */
  scoredCopy(): Uint8Array | null;
}

export interface BrowserTools {
  /** The bytes of a file the user picked or dropped. */
  readFile(file: Blob): Promise<Uint8Array>;
  /** The bytes of a file beside the page (the bundled example). */
  fetchFile(url: string): Promise<Uint8Array>;
  /** A port over the bytes; the workbook is read when the port's read() is called. */
  openWorkbook(bytes: Uint8Array, fileName: string): Promise<FileWorkbookPort>;
  /** The 自评表说明 of a scoring run as a .docx file (the CLI's --docx). */
  narrativeDocx(result: ScoreResult): Promise<Uint8Array>;
  /** Offers bytes as a download. */
  save(...args: Parameters<SaveBytes>): Promise<void>;
  /**
   * Scores one file of a batch, with its scored copy (several files picked or a folder), by the
   * form kind and rule set chosen (national and per form when absent).
   */
  scoreBatchFile(
    bytes: Uint8Array,
    fileName: string,
    choice?: BatchScoring
  ): Promise<BatchFileOutcome>;
  /**
   * A bureau's rule set file, checked (zod, loaded only now) and merged over the set it extends.
   * Rejects with an error named InvalidRuleSetError, its Chinese message naming the key at fault,
   * when the file does not check out.
   */
  loadRuleSet(file: Blob, fileName: string): Promise<RuleSet>;
  /** The 汇总 workbook of a batch (the CLI's batch --out). */
  summaryWorkbook(summary: BatchSummary): Promise<Uint8Array>;
  /** The 汇总分析报告 of a batch as a .docx file (the CLI's batch --docx-report). */
  batchReportDocx(summary: BatchSummary): Promise<Uint8Array>;
  /** A .zip holding the files given. */
  zip(
    entries: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>
  ): Promise<Uint8Array>;
}

/** What a batch is scored by: the choices above the pane. */
export interface BatchScoring {
  readonly profile?: ProfileId;
  readonly ruleSet?: RuleSet;
}

/** A chunk that failed to load (offline, or the page outlived a new deployment). */
export class PartNotLoadedError extends Error {
  constructor(cause: unknown) {
    super("chunk not loaded: " + String(cause));
    this.name = "PartNotLoadedError";
    // ES5 output: keep instanceof working for a subclass of Error.
    Object.setPrototypeOf(this, PartNotLoadedError.prototype);
  }
}

function loadPart<T>(load: () => Promise<T>): Promise<T> {
  return load().then(
    (module) => module,
    (error: unknown) => {
      throw new PartNotLoadedError(error);
    }
  );
}

/** A text file's contents as UTF-8 (a byte order mark dropped); FileReader, for Internet Explorer 11. */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^\uFEFF/, ""));
    reader.onerror = () => reject(reader.error || new Error("FileReader failed"));
    reader.readAsText(file, "UTF-8");
  });
}

const browserFiles = () =>
  loadPart(() => import(/* webpackChunkName: "browser-files" */ "./browserFiles"));

export const lazyBrowserTools: BrowserTools = {
  readFile: (file) => browserFiles().then((module) => module.readFileBytes(file)),
  fetchFile: (url) => browserFiles().then((module) => module.fetchBytes(url)),
  openWorkbook: (bytes, fileName) =>
    browserFiles().then((module) => new module.XlsxFilePort(bytes, fileName)),
  narrativeDocx: (result) =>
    loadPart(
      () => import(/* webpackChunkName: "narrative-docx" */ "../../docx/renderNarrativeDocx")
    ).then((module) => module.renderNarrativeDocx(buildNarratives(result))),
  save: (bytes, fileName, type) =>
    browserFiles().then((module) => module.saveBytes(bytes, fileName, type)),
  scoreBatchFile: (bytes, fileName, choice = {}) =>
    browserFiles().then((module) =>
      module.scoreBatchFile(bytes, {
        scoreOptions: { fileName, profile: choice.profile, ruleSet: choice.ruleSet },
        scoredCopy: true,
      })
    ),
  loadRuleSet: (file, fileName) =>
    Promise.all([
      readFileText(file),
      // zod comes with it: never part of the pane's first load. Only the rule set's check: webpack
      // cannot tell which exports an import() uses, and the narrative template's would come too.
      loadPart(
        () =>
          import(
            /* webpackChunkName: "rule-set-schema", webpackExports: ["loadRuleSetFile"] */ "../../engine/checks"
          )
      ),
    ]).then(([text, schema]) => schema.loadRuleSetFile(text, fileName.replace(/\.json$/i, ""))),
  summaryWorkbook: (summary) =>
    browserFiles().then((module) => module.writeSummaryWorkbook(summary)),
  batchReportDocx: (summary) =>
    loadPart(() =>
      Promise.all([
        import(/* webpackChunkName: "narrative-docx" */ "../../docx/renderNarrativeDocx"),
        import(/* webpackChunkName: "batch-report" */ "./batchReport"),
      ])
    ).then(([docx, report]) => docx.renderNarrativeDocx([report.buildBatchReport(summary)])),
  zip: (entries) => browserFiles().then((module) => module.zipFiles(entries)),
};
