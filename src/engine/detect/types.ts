/** What table detection finds on a sheet: the forms, as positions in the grid (no scoring yet). */

export type IndicatorColumnRole =
  | "level1"
  | "level2"
  | "level3"
  | "name"
  | "max"
  | "target"
  | "nature"
  | "unit"
  | "actual"
  | "score"
  | "reason";

export const INDICATOR_COLUMN_ROLES: readonly IndicatorColumnRole[] = [
  "level1",
  "level2",
  "level3",
  "name",
  "nature",
  "target",
  "unit",
  "actual",
  "max",
  "score",
  "reason",
];

export type BudgetColumnRole = "initialBudget" | "budget" | "executed" | "max" | "rate" | "score";

/** One indicator row: where its cells are, and its ancestors from the top level down. */
export interface DetectedIndicator {
  readonly row: number;
  /** Ancestors' names from the top level down, e.g. ["管理效能", "信息公开"], on one line each. */
  readonly path: readonly string[];
  /** The indicator's name on one line ("预算编制⏎科学性" → "预算编制科学性"). */
  readonly name: string;
  /**
   * Set when the row says the indicator does not apply ("/", "—", "不适用" as its target, actual
   * or 分值, with no score): no problem is raised on it and it counts in no score or maximum.
   */
  readonly notApplicable?: true;
}

/** A 合计/总分 row (the whole form) or a 小计 row (one group, named by `path`). */
export interface DetectedTotalRow {
  readonly row: number;
  /** Empty for the form's grand total. */
  readonly path: readonly string[];
}

export interface DetectedBudgetBlock {
  readonly headerRow: number;
  readonly columns: Partial<Record<BudgetColumnRole, number>>;
  /** The 年度资金总额 row. */
  readonly totalRow: number;
  /**
   * The labels left of the amounts on the header and total rows, normalised and joined by "|":
   * "项目资金(万元)|年度资金总额", "预算执行情况(万元)(20分)|部门整体支出总额" — what kind of funds.
   */
  readonly label: string;
  /** Its 其中 rows (当年财政拨款, 上年结转资金, 其他资金…). */
  readonly partRows: readonly number[];
  /** The block's 分值 stated in its header ("预算执行情况（万元）（20分）"), when it has no 分值 cell. */
  readonly statedMax?: { readonly value: number; readonly cell: string };
  /** The 执行率 header says percent ("执行率（%）"): a bare 95 there is 95 %. */
  readonly ratePercent?: true;
  /** The unit the block states its amounts in ("项目资金（万元）", "项目资金（元）"); absent when none. */
  readonly unit?: "万元" | "元";
}

/** Why a row under a header is not an indicator. */
export type SkippedRowReason =
  /** A template's row left as shipped: "指标1", "……", a category with nothing under it. */
  | "template"
  /** A part of the indicator above ("其中：玉米种植面积"): values by design, no 分值 or 得分. */
  | "breakdown"
  /** The indicator does not apply: it is listed in the report with kind "not-applicable". */
  | "not-applicable"
  /** A 合计 / 总分 / 小计 row. */
  | "total"
  /** A row of a category or block title only ("产出指标（40分）", "年度绩效目标1"). */
  | "group"
  /** The header repeated (a table printed over several pages), or "续表". */
  | "header"
  /** Text inside the table: a note merged across it. */
  | "text";

export interface SkippedRow {
  readonly row: number;
  readonly reason: SkippedRowReason;
  /** The row's first text, on one line, to show the user. */
  readonly text: string;
}

/** Where a column's role came from. */
export type ColumnSource = "header" | "content" | "map";

/** One decision of the column assignment, to show the user (selfeval inspect, the 列对应 panel). */
export interface ColumnDecision {
  readonly column: number;
  readonly role: IndicatorColumnRole;
  /** The column's header text on one line (two header rows joined by " / "). */
  readonly header: string;
  readonly source: ColumnSource;
  /** Why, in Chinese: "表头“实际完成值”", "内容：数字占 92%，均不大于分值列" … */
  readonly reason: string;
}

/** A column under the header that got no role although its header leaned towards one. */
export interface IgnoredColumn {
  readonly column: number;
  readonly header: string;
  readonly reason: string;
}

/** A group's 分值 stated in a label ("产出指标（40分）"). */
export interface GroupMaximum {
  /** The group's path, as the indicators' paths name it. */
  readonly path: readonly string[];
  readonly max: number;
  /** The label's cell. */
  readonly cell: string;
}

/** Where the indicators' maxima come from: a 分值 column, the groups' labels, or nowhere. */
export type MaxSource = "column" | "labels" | "none";

export interface DetectedIndicatorTable {
  readonly headerTop: number;
  readonly headerBottom: number;
  readonly columns: Partial<Record<IndicatorColumnRole, number>>;
  /** The columns whose values make an indicator's path, top level first. */
  readonly levelColumns: readonly number[];
  /** The column holding the indicator's own name. */
  readonly nameColumn: number;
  /** Indicator rows, not-applicable ones included (marked). */
  readonly indicators: readonly DetectedIndicator[];
  readonly totalRows: readonly DetectedTotalRow[];
  readonly lastRow: number;
  /** How each column got its role, left to right. */
  readonly decisions: readonly ColumnDecision[];
  /** Every column the header spans, with its header text (the choices of a column map). */
  readonly headerColumns: ReadonlyArray<{ readonly column: number; readonly header: string }>;
  readonly ignoredColumns: readonly IgnoredColumn[];
  /**
   * Rows under the header that are not indicators, with why (blank rows left out): those up to
   * lastRow, then the text rows after the table (评价结论, 备注…) up to where the next form starts.
   */
  readonly skippedRows: readonly SkippedRow[];
  readonly maxSource: MaxSource;
  /** Groups' 分值 from their labels; used when maxSource is "labels". */
  readonly groupMaxima: readonly GroupMaximum[];
  /**
   * A table without a reason column may give one reason row for the whole form under its total
   * (湖北: "偏差大或目标未完成原因分析 | …"): the cell to write it in, and what it says.
   */
  readonly reasonRow?: { readonly row: number; readonly cell: string; readonly text: string };
}

/** Text facts around a form that the narrative and the profile choice use. */
export interface FormInfo {
  /** The title row, e.g. "2024年度部门整体支出绩效自评表". */
  readonly title: string | null;
  readonly year: number | null;
  /**
   * The unit that fills the form: 实施单位 / 填报单位 / 单位名称 / 部门名称 / 预算单位, whichever the
   * form states first; its 主管部门 only when it states none of them.
   */
  readonly unitName: string | null;
  readonly projectName: string | null;
  /** 年度总体目标: 预期目标 and 实际完成情况, when the form has that block. */
  readonly overallGoal: { readonly expected: string; readonly actual: string } | null;
  /** A rating the sheet states (自评等级：良), with its cell. */
  readonly statedRating: { readonly cell: string; readonly text: string } | null;
  /**
   * The words of the form's opening lines (its title down to its header, the funds block
   * included), normalised, joined by "|" and cut at 2,000 characters: what the sheet says about
   * the kind of form ("基本支出总额", "部门整体支出总额"…).
   */
  readonly openingText: string;
}

export interface DetectedForm {
  readonly sheet: string;
  readonly table: DetectedIndicatorTable;
  readonly budget: DetectedBudgetBlock | null;
  readonly info: FormInfo;
}

/** A header found where no form could be read from it: what was found and what is missing. */
export interface ReadingMiss {
  readonly sheet: string;
  readonly headerTop: number;
  readonly headerBottom: number;
  /** The roles found, by column. */
  readonly found: readonly ColumnDecision[];
  /** Why no form: the roles missing, or no indicator row under the header. */
  readonly missing: readonly ("label" | "score" | "rows")[];
}

/** A column map entry that cannot be applied, with the entry as the user wrote it. */
export interface ColumnMapError {
  readonly entry: string;
  readonly message: string;
}

/** Everything detection made of a workbook. */
export interface WorkbookReading {
  readonly forms: readonly DetectedForm[];
  readonly misses: readonly ReadingMiss[];
  readonly columnMapErrors: readonly ColumnMapError[];
}
