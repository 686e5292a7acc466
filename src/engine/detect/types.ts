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

export type BudgetColumnRole = "initialBudget" | "budget" | "executed" | "max" | "rate" | "score";

/** One indicator row: where its cells are, and its ancestors from the top level down. */
export interface DetectedIndicator {
  readonly row: number;
  /** Ancestors' names from the top level down, e.g. ["管理效能", "信息公开"]. */
  readonly path: readonly string[];
  readonly name: string;
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
  /** Its 其中 rows (当年财政拨款, 上年结转资金, 其他资金…). */
  readonly partRows: readonly number[];
}

export interface DetectedIndicatorTable {
  readonly headerTop: number;
  readonly headerBottom: number;
  readonly columns: Partial<Record<IndicatorColumnRole, number>>;
  /** The columns whose values make an indicator's path, top level first. */
  readonly levelColumns: readonly number[];
  /** The column holding the indicator's own name. */
  readonly nameColumn: number;
  readonly indicators: readonly DetectedIndicator[];
  readonly totalRows: readonly DetectedTotalRow[];
  readonly lastRow: number;
}

/** Text facts around a form that the narrative and the profile choice use. */
export interface FormInfo {
  /** The title row, e.g. "2024年度部门整体支出绩效自评表". */
  readonly title: string | null;
  readonly year: number | null;
  /** 部门名称 / 填报单位 / 主管部门 / 实施单位, whichever the form states first. */
  readonly unitName: string | null;
  readonly projectName: string | null;
  /** 年度总体目标: 预期目标 and 实际完成情况, when the form has that block. */
  readonly overallGoal: { readonly expected: string; readonly actual: string } | null;
  /** A rating the sheet states (自评等级：良), with its cell. */
  readonly statedRating: { readonly cell: string; readonly text: string } | null;
}

export interface DetectedForm {
  readonly sheet: string;
  readonly table: DetectedIndicatorTable;
  readonly budget: DetectedBudgetBlock | null;
  readonly info: FormInfo;
}
