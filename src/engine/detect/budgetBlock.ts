import { pointsInLabel } from "./rowWords";
import type { SheetView } from "./sheetView";
import type { BudgetColumnRole, DetectedBudgetBlock } from "./types";

/**
 * The 项目资金 / 预算执行情况 block above an indicator table: its header (年初预算数 | 全年预算数 |
 * 全年执行数 | 分值 | 执行率 | 得分, or shorter), its 年度资金总额 row and that row's 其中 rows.
 * Its 分值/得分 columns are not the indicator table's.
 */

const BUDGET_HEADER_WORDS: ReadonlyArray<readonly [BudgetColumnRole, RegExp]> = [
  ["initialBudget", /年初预算/],
  // "得分(20分*执行率)" is the score, whatever else it mentions.
  ["score", /^(自评)?得分/],
  ["rate", /执行率/],
  ["executed", /执行数|实际支出|执行金额|支出数|全年执行|实际执行/],
  ["budget", /预算数|调整后预算|全年预算|预算金额/],
  ["max", /分值|权重/],
  ["score", /得分/],
];

/** The role a header cell names in a 项目资金 block, or null. Takes normalised words. */
export function budgetRoleOf(words: string): BudgetColumnRole | null {
  if (words === "" || words.length > 20) return null;
  for (const [role, pattern] of BUDGET_HEADER_WORDS) {
    if (pattern.test(words)) return role;
  }
  return null;
}

export interface BudgetHeader {
  readonly row: number;
  readonly columns: Partial<Record<BudgetColumnRole, number>>;
  /** The block's 分值 as its header states it ("预算执行情况（万元）（20分）", "得分(20分*执行率)"). */
  readonly statedMax: { readonly value: number; readonly cell: string } | null;
  /** The 执行率 header says the rate is in percent ("执行率（%）"): a bare 95 is 95 %. */
  readonly ratePercent: boolean;
}

/**
 * The block's header on a row, or null. It needs an executed amount and something to divide it
 * by: 全年预算数, or — in department funds blocks that state only 年初预算数(A) and 全年执行数(B) —
 * 年初预算数.
 */
export function budgetHeaderAt(view: SheetView, row: number): BudgetHeader | null {
  if (view.hasNumber(row)) return null;
  const candidates: Partial<Record<BudgetColumnRole, number[]>> = {};
  let statedMax: BudgetHeader["statedMax"] = null;
  let ratePercent = false;
  for (const cell of view.textCells(row)) {
    const role = budgetRoleOf(cell.words);
    if (role) {
      (candidates[role] = candidates[role] ?? []).push(cell.column);
      if (role === "rate" && /%|百分/.test(cell.words)) ratePercent = true;
    }
    if (statedMax === null) {
      const points = budgetPoints(cell.words);
      if (points !== null) statedMax = { value: points, cell: cell.cell.address };
    }
  }
  // Two headers may name one role: 四川's "年度预算数（万元）" heads the row labels (总额, 其中…)
  // and "调整后预算数" the amounts. The column whose first row holds no words is the role's.
  const columns: Partial<Record<BudgetColumnRole, number>> = {};
  for (const role of Object.keys(candidates) as BudgetColumnRole[]) {
    const list = candidates[role] as number[];
    const withoutWords = list.filter((column) => !holdsWords(view, row + 1, column));
    columns[role] = withoutWords.length > 0 ? withoutWords[0] : list[0];
  }
  if (columns.executed === undefined) return null;
  if (columns.budget === undefined && columns.initialBudget === undefined) return null;
  return { row, columns, statedMax, ratePercent };
}

function holdsWords(view: SheetView, row: number, column: number): boolean {
  const cell = view.own(row, column);
  return !!cell && typeof cell.cell.value === "string" && !/^[\d.,%\-—/]+$/.test(cell.words);
}

function budgetPoints(words: string): number | null {
  const formula = /(\d{1,3}(?:\.\d{1,2})?)分[*×xX]/.exec(words);
  if (formula) return Number(formula[1]);
  if (/预算|执行|资金/.test(words)) return pointsInLabel(words);
  return null;
}

function isBudgetTotalLabel(words: string): boolean {
  return /总额|合计|总计|资金总|^小计/.test(words);
}

function budgetLabel(view: SheetView, row: number, firstNumberColumn: number): string {
  for (let column = firstNumberColumn - 1; column >= 1; column--) {
    const words = view.ownWords(row, column);
    if (words !== "" && !/项目资金|资金情况|万元|预算执行情况/.test(words)) return words;
  }
  return "";
}

/**
 * The block under a budget header, or null when no row follows it. `isIndicatorHeader` tells
 * where the indicator table starts, which ends the block.
 */
export function readBudgetBlock(
  view: SheetView,
  header: BudgetHeader,
  isIndicatorHeader: (row: number) => boolean
): DetectedBudgetBlock | null {
  const columns = header.columns;
  const moneyColumns = [columns.initialBudget, columns.budget, columns.executed].filter(
    (column): column is number => column !== undefined
  );
  const firstNumberColumn = Math.min(...moneyColumns);
  let totalRow = 0;
  let partRows: number[] = [];
  for (let row = header.row + 1; row <= header.row + 12; row++) {
    const label = budgetLabel(view, row, firstNumberColumn);
    const hasMoney = moneyColumns.some((column) => view.own(row, column) !== undefined);
    if (!hasMoney && label === "") break;
    if (isIndicatorHeader(row) || /年度(总体)?目标|绩效目标|预期目标/.test(label)) break;
    if (totalRow === 0) totalRow = row;
    else if (
      isBudgetTotalLabel(label) &&
      !isBudgetTotalLabel(budgetLabel(view, totalRow, firstNumberColumn))
    ) {
      // The first row was not the total after all: the block lists its parts first and the
      // 合计 last (财政资金 / 其他资金 / 合计).
      partRows = [totalRow].concat(partRows);
      totalRow = row;
    } else partRows.push(row);
  }
  if (totalRow === 0) return null;
  const unit = moneyUnitOf(view, header.row - 1, totalRow);
  const block: DetectedBudgetBlock = {
    headerRow: header.row,
    columns,
    totalRow,
    partRows,
    label: blockLabel(view, [header.row, totalRow], firstNumberColumn),
    ...(unit ? { unit } : {}),
  };
  // Only what a block states beyond the national form is added, so that plain blocks compare as before.
  if (header.statedMax) return { ...block, statedMax: header.statedMax, ...percent(header) };
  return header.ratePercent ? { ...block, ratePercent: true } : block;
}

function percent(header: BudgetHeader): { ratePercent?: true } {
  return header.ratePercent ? { ratePercent: true } : {};
}

/**
 * What the block calls itself and its total, left of its amounts: "项目资金(万元)|年度资金总额" on
 * the national 项目支出 form, "预算执行情况(万元)(20分)|部门整体支出总额" on a 湖北 department's.
 */
function blockLabel(view: SheetView, rows: readonly number[], firstNumberColumn: number): string {
  const words: string[] = [];
  for (const row of rows)
    for (const cell of view.textCells(row)) {
      if (cell.column >= firstNumberColumn) break;
      if (words.indexOf(cell.words) < 0) words.push(cell.words);
    }
  return words.join("|");
}

/**
 * The unit the block states its amounts in: "项目资金（万元）" on the national form (财预〔2020〕10号
 * 附1), "项目资金（元）" or "单位：元" on others (云南). The block's own header and total rows are
 * read first, the row above the header only when they state none (a form-wide "单位：万元" there
 * must not override a block headed 项目资金（元）: the amounts would be off ten thousand times);
 * a bare "万元" anywhere in them last, as before. Null when none is stated.
 */
export function moneyUnitOf(view: SheetView, fromRow: number, toRow: number): "万元" | "元" | null {
  const textOf = (first: number, last: number) => {
    const texts: string[] = [];
    for (let row = Math.max(1, first); row <= last; row++)
      for (const cell of view.textCells(row)) texts.push(cell.words);
    return texts.join("|");
  };
  const stated = (text: string): "万元" | "元" | null => {
    if (/[（(]万元[）)]|(单位|金额)[:：]?万元/.test(text)) return "万元";
    if (/[（(]元[）)]|(单位|金额)[:：]?元/.test(text)) return "元";
    return null;
  };
  const own = textOf(fromRow + 1, toRow);
  const above = textOf(fromRow, fromRow);
  return stated(own) ?? stated(above) ?? (/万元/.test(own + "|" + above) ? "万元" : null);
}
