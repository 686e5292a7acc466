/**
 * The batch review model (`selfeval batch`, browser mode with several files): what a reviewer at a
 * 主管部门 or 财政局 works from when dozens or hundreds of 绩效自评表 come in. Plain data built from
 * each file's scoring result; the 汇总 workbook, the JSON summary and the 汇总分析报告 are all
 * drawn from it, so their numbers agree.
 */

/** What became of one input file. */
export type BatchFileStatus = "scored" | "failed" | "skipped";

/**
 * Why a file was skipped or failed, or a remark on a scored one — facts only; the words are in
 * batchMessages.ts.
 */
export type FileNote =
  /** Zero bytes. */
  | { readonly code: "empty" }
  /** An OLE compound file holding an EncryptedPackage stream: a workbook with an open password. */
  | { readonly code: "encrypted" }
  /** Not a spreadsheet package, or one whose parts could not be read. */
  | { readonly code: "corrupt"; readonly detail?: string }
  /** Refused by the reader's limits (a zip bomb, more rows than Excel has …). */
  | { readonly code: "refused"; readonly detail: string }
  /** Listed at the start but gone (moved, deleted) when its turn came. */
  | { readonly code: "vanished" }
  /** The file system would not give its bytes (permissions, a device …). */
  | { readonly code: "unreadable"; readonly systemCode: string }
  /** .xls/.et/.ods, which must be saved as .xlsx; `noConverter` when LibreOffice is missing. */
  | { readonly code: "legacy-format"; readonly extension: string; readonly noConverter?: boolean }
  /** An .xls/.et with an open password (a FilePass record), which the converter cannot open. */
  | { readonly code: "legacy-encrypted"; readonly extension: string }
  /** The converter ran but gave no workbook. */
  | { readonly code: "conversion-failed"; readonly detail: string }
  /** Scored from a copy that LibreOffice converted to .xlsx. */
  | { readonly code: "converted"; readonly extension: string }
  /** A workbook without any 绩效自评表 in it. */
  | { readonly code: "no-form" }
  /** The scored copy or the 自评表说明 could not be made from this file. */
  | { readonly code: "output-failed"; readonly output: "copy" | "docx"; readonly detail: string }
  /** Something the tool did not expect; the rest of the batch goes on. */
  | { readonly code: "internal"; readonly detail: string };

export type FileNoteCode = FileNote["code"];

/** The 项目资金 line of a form, in the unit the form states (万元 on the national form). */
export interface BatchBudget {
  /** 全年预算数. */
  readonly budget: number | null;
  /** 全年执行数. */
  readonly executed: number | null;
  /** 全年执行数 / 全年预算数, a fraction. */
  readonly rate: number | null;
  /** The unit the form gives its amounts in; null when it says none. */
  readonly unit: "万元" | "元" | null;
}

/** One form of one file, as the 汇总表 lists it. */
export interface BatchForm {
  readonly sheet: string;
  readonly title: string | null;
  readonly unitName: string | null;
  readonly projectName: string | null;
  /** The scoring profile: project (项目支出) or department (部门整体支出). */
  readonly kind: string;
  readonly year: number | null;
  readonly budget: BatchBudget | null;
  readonly total: {
    readonly score: number | null;
    readonly max: number;
    readonly complete: boolean;
  };
  readonly rating: string | null;
  /** The 合计/总分 the sheet itself states, when it states a number. */
  readonly statedTotal: number | null;
  /** The 评级 the sheet itself states (自评等级：良), as a rating word when it reads as one. */
  readonly statedRating: string | null;
  readonly errors: number;
  readonly warnings: number;
  /** Problems of severity info (rows that do not apply …), counted but not a fault. */
  readonly notices: number;
  /** The codes of the 自评预警 problems on this form, each once, in the order first found. */
  readonly alerts: readonly string[];
  /** How many errors and warnings of each code (info problems are not counted): what the risk ranking reads. */
  readonly problemCounts: Readonly<Record<string, number>>;
  /** The first three problems in words, errors first. */
  readonly mainProblems: readonly string[];
}

/** One problem of one form, as the 问题清单 lists it. */
export interface BatchProblem {
  readonly form: number;
  readonly sheet: string;
  readonly cell: string;
  /** The indicator or line the problem is about; "" when it is about the form as a whole. */
  readonly subject: string;
  readonly code: string;
  /** "error", "warning", or "info". */
  readonly severity: string;
  readonly message: string;
}

/** One input file: a row of the summary whatever became of it. */
export interface BatchFile {
  /** The path relative to the folder given, or as given for a file named directly; "/" separated. */
  readonly file: string;
  readonly status: BatchFileStatus;
  readonly notes: readonly FileNote[];
  readonly forms: readonly BatchForm[];
  readonly problems: readonly BatchProblem[];
  /** Where its scored copy was written, relative to the summary workbook; null when none was. */
  readonly scoredCopy: string | null;
}

/** What scoring one file of a batch gives: its row, and its outputs when they were asked for. */
export interface BatchFileOutcome {
  readonly status: BatchFileStatus;
  readonly notes: FileNote[];
  readonly forms: BatchForm[];
  readonly problems: BatchProblem[];
  /** The scored copy, when asked for and made. */
  readonly scoredCopy: Uint8Array | null;
  /** The 自评表说明 as .docx, when asked for and made. */
  readonly docx: Uint8Array | null;
}

/** A form as the reviewer's lists point at it. */
export interface FormRef {
  readonly file: number;
  readonly form: number;
}

/** One reason a form is worth a closer look — facts; batchMessages.ts words them. */
export type RiskFactor =
  | { readonly code: "errors"; readonly count: number }
  | { readonly code: "alert"; readonly alert: string; readonly count: number }
  | { readonly code: "reasons-missing"; readonly count: number }
  | { readonly code: "scores-disagree"; readonly count: number }
  | { readonly code: "stated-total-differs"; readonly stated: number; readonly computed: number }
  | { readonly code: "stated-rating-differs"; readonly stated: string; readonly computed: string }
  | { readonly code: "incomplete" }
  | { readonly code: "low-execution"; readonly rate: number }
  | { readonly code: "large-budget"; readonly amountWan: number };

export interface RiskEntry extends FormRef {
  /** Higher means look first. */
  readonly score: number;
  readonly factors: readonly RiskFactor[];
}

export interface BudgetBand {
  readonly label: string;
  /** 万元, lower bound inclusive; null for the band of forms without a budget. */
  readonly min: number | null;
  readonly max: number | null;
}

export interface BandSample {
  readonly band: BudgetBand;
  /** Every form in the band. */
  readonly size: number;
  /** The forms drawn, in the order drawn. */
  readonly picked: readonly FormRef[];
}

export interface BatchSample {
  /** Percent of each band drawn (rounded up, at least one from a non-empty band). */
  readonly percent: number;
  /** The seed, from the file list: the same files always give the same sample. */
  readonly seed: number;
  readonly bands: readonly BandSample[];
}

export interface Spread {
  readonly count: number;
  readonly mean: number | null;
  /** Population standard deviation. */
  readonly standardDeviation: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

export interface BatchStatistics {
  /** Ratings in their order (优, 良, 中, 差, then others), with how many forms have each. */
  readonly byRating: readonly { readonly rating: string; readonly count: number }[];
  /** Forms without a total to rate. */
  readonly unrated: number;
  readonly byKind: readonly { readonly kind: string; readonly count: number }[];
  /**
   * Of 总分, over the forms whose total is complete and within a 满分 of 100: an incomplete
   * total (a score left undetermined), one above its 满分 (102 of 100) or out of another 满分
   * (110 of 110) is no score to average.
   */
  readonly score: Spread;
  /** Forms with a 总分 left out of `score` (incomplete, above 100, or out of another 满分). */
  readonly scoreLeftOut: number;
  /** Of 执行率, as fractions, over forms that state one. */
  readonly rate: Spread;
  /** The batch's money: the one overall 执行率 the 汇总表 and the 汇总分析报告 both state. */
  readonly funds: BatchFunds;
}

/**
 * The batch's 全年预算数 and 全年执行数 in 万元, over the forms stating both (a form with one
 * of them blank would add a budget without its spending, or the reverse, and lower or raise the
 * overall 执行率 by a form's whole amount).
 */
export interface BatchFunds {
  /** Forms stating both amounts: the only ones counted. */
  readonly forms: number;
  /** Forms with a 资金 line stating only one of the amounts, left out. */
  readonly leftOut: number;
  readonly budget: number;
  readonly executed: number;
  /** executed / budget; null when no form counts or their budgets add up to 0. */
  readonly rate: number | null;
}

export interface BatchTotals {
  /** Files that are rows (workbooks and old-format files); not the ignored ones. */
  readonly files: number;
  readonly scored: number;
  readonly failed: number;
  readonly skipped: number;
  /** Files in the folders that are no spreadsheet (.txt, .pdf, .docx …). */
  readonly ignored: number;
  readonly forms: number;
  readonly errors: number;
  readonly warnings: number;
  readonly byRating: Readonly<Record<string, number>>;
}

export interface BatchSummary {
  readonly files: readonly BatchFile[];
  readonly totals: BatchTotals;
  /** Every form, most worth a look first. */
  readonly risks: readonly RiskEntry[];
  readonly sample: BatchSample;
  readonly statistics: BatchStatistics;
}
