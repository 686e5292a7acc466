import { parseText } from "../values/parseValue";
import { budgetHeaderAt } from "./budgetBlock";
import { headerBandAt, type HeaderBand } from "./findHeaders";
import { isTrailingLabel, opensForm, totalLabelKind } from "./rowLabels";
import { isBreakdownName, isGoalTitle, isNotApplicableText, isTemplateName } from "./rowWords";
import { MAX_COLUMNS, type SheetView, type ViewCell, type ViewRow } from "./sheetView";
import type { IndicatorColumnRole } from "./types";

/**
 * Stage 4: the class of every row under a header, with the columns assigned — where the table
 * ends, and which rows are indicators, totals, category rows, or rows to skip (a template's rows
 * left as shipped, breakdowns "其中…", rows that do not apply, text). Classes come from the row's
 * own cells; the paths and maxima are the next stage's.
 */

export type RowClass =
  | "indicator"
  | "not-applicable"
  | "template"
  | "breakdown"
  | "grand-total"
  | "subtotal"
  /** A category row carrying its group's 分值/得分 but no target or actual of its own. */
  | "level-subtotal"
  /** A category label with nothing else on the row. */
  | "group"
  /** A block title merged across the table ("年度绩效目标1（40分）"): a group above the 一级. */
  | "block"
  | "header"
  | "text";

export interface ClassifiedRow {
  readonly row: number;
  readonly kind: RowClass;
  /** The level columns' labels as shown (through merged areas), on one line; "" when blank. */
  readonly levels: readonly string[];
  /** The name cell's text on one line. */
  readonly name: string;
  /** For a block row: its title. */
  readonly title?: string;
}

export interface TableColumns {
  readonly columns: Partial<Record<IndicatorColumnRole, number>>;
  readonly levelColumns: readonly number[];
  readonly nameColumn: number;
}

export interface ClassifiedBody {
  /** Rows in order; blank rows are left out. */
  readonly rows: readonly ClassifiedRow[];
  readonly lastRow: number;
}

// A table ends after this many rows without anything in its columns.
const BLANK_ROWS_ENDING_A_TABLE = 5;

/** The name, level and value columns of an assignment. */
export function tableColumns(columns: Partial<Record<IndicatorColumnRole, number>>): TableColumns {
  const nameColumn =
    columns.name ?? columns.level3 ?? Math.max(columns.level2 ?? 0, columns.level1 ?? 0);
  const levelColumns = [columns.level1, columns.level2, columns.level3]
    .filter((column): column is number => column !== undefined && column !== nameColumn)
    .sort((a, b) => a - b);
  return { columns, levelColumns, nameColumn };
}

/** Reads the rows under a header until the table ends (or `limit` rows are classified). */
export function classifyRows(
  view: SheetView,
  band: HeaderBand,
  table: TableColumns,
  lenient = false,
  limit = Infinity
): ClassifiedBody {
  const { columns, levelColumns, nameColumn } = table;
  const valueColumns = (["max", "target", "nature", "unit", "actual", "score", "reason"] as const)
    .map((role) => columns[role])
    .filter((column): column is number => column !== undefined && column !== nameColumn);
  const labelColumnLast = Math.max(nameColumn, ...levelColumns);
  const rightmost = Math.max(labelColumnLast, ...valueColumns);
  // The value columns rowClass reads (a role on the name column reads as blank there).
  const targetColumn = valueColumnOf(table, "target");
  const natureColumn = valueColumnOf(table, "nature");
  const actualColumn = valueColumnOf(table, "actual");
  const maxColumn = valueColumnOf(table, "max");
  const scoreColumn = valueColumnOf(table, "score");

  const rows: ClassifiedRow[] = [];
  let lastRow = band.bottom;
  let blankRun = 0;
  let previous = band.bottom;
  let index = view.indexFrom(band.bottom + 1);
  let previousLevels: readonly string[] = [];

  // Rows without cells between two rows that have some: blank, unless a level column's merged
  // category covers them (a template's block left empty under its merged 一级).
  const crossGap = (from: number, to: number): boolean => {
    let row = from;
    while (row <= to) {
      let coveredTo = 0;
      for (const column of levelColumns.concat(nameColumn)) {
        const area = view.sheet.mergeAt(row, column);
        if (area && area.top < row && view.ownWords(area.top, area.left) !== "")
          coveredTo = Math.max(coveredTo, Math.min(area.bottom, to));
      }
      if (coveredTo >= row) {
        lastRow = coveredTo;
        blankRun = 0;
        row = coveredTo + 1;
        continue;
      }
      blankRun++;
      if (blankRun >= BLANK_ROWS_ENDING_A_TABLE) return false;
      row++;
    }
    return true;
  };

  for (; index < view.rows.length && rows.length < limit; index++) {
    const viewRow = view.rows[index];
    const row = viewRow.row;
    if (row > previous + 1 && !crossGap(previous + 1, row - 1)) break;
    previous = row;
    const texts = viewRow.texts;
    // Text rows after the table (评价结论, 存在的问题及改进措施, 单位负责人（签字）…) end it, unless
    // the row scores like an indicator; so does the title or 项目名称 of a form stacked below.
    if (
      texts.length > 0 &&
      isTrailingLabel(texts[0].words) &&
      !scoresLikeIndicator(view, row, columns)
    )
      break;
    if (texts.length > 0 && opensForm(texts[0].words, texts.length === 1)) break;
    // "续表": the table goes on below, under its header repeated.
    if (texts.length === 1 && /^\(?续(上)?表\)?[:：]?$/.test(texts[0].words)) {
      rows.push(plainRow(row, "header", texts[0].label));
      continue;
    }
    if (budgetHeaderAt(view, row)) break;
    // The title of the next goal's block, on its own row above that block's header.
    if (texts.length > 0 && texts.length <= 2 && isGoalTitle(texts[0].words)) {
      const header = headerBandAt(view, nextRowAfter(view, row), lenient);
      if (header && header.signature === band.signature) {
        rows.push({ ...plainRow(row, "block", texts[0].label), title: texts[0].label });
        lastRow = row;
        blankRun = 0;
        continue;
      }
    }
    const nextHeader = headerBandAt(view, row, lenient);
    if (nextHeader) {
      // The same header again (a table printed over several pages) continues this table;
      // another header starts another table.
      if (nextHeader.signature !== band.signature) break;
      // A header repeated for the next goal block (年度绩效目标2) opens that block, unless the
      // block's title row above it did.
      const previousRow = rows.length > 0 ? rows[rows.length - 1] : null;
      const block =
        previousRow && previousRow.kind === "block" && previousRow.row === row - 1
          ? null
          : nextHeader.blockTitle;
      for (let header = row; header <= nextHeader.bottom; header++)
        rows.push(
          header === row && block
            ? { ...plainRow(header, "block", block.title), title: block.title }
            : plainRow(header, "header", texts.length > 0 ? texts[0].label : "")
        );
      lastRow = nextHeader.bottom;
      previous = nextHeader.bottom;
      index = view.indexFrom(nextHeader.bottom + 1) - 1;
      blankRun = 0;
      continue;
    }

    const total = totalKindOfRow(texts, labelColumnLast);
    const levels = levelLabels(view, viewRow, levelColumns, previousLevels);
    previousLevels = levels;
    const nameCell = viewRow.own(nameColumn);
    const name = nameCell ? nameCell.label : "";
    if (total === "grand") {
      rows.push({ row, kind: "grand-total", levels, name });
      lastRow = row;
      break;
    }
    if (total === "subtotal") {
      rows.push({ row, kind: "subtotal", levels, name });
      lastRow = row;
      blankRun = 0;
      continue;
    }

    const target = ownCell(viewRow, targetColumn);
    const nature = ownCell(viewRow, natureColumn);
    const actual = ownCell(viewRow, actualColumn);
    const max = ownCell(viewRow, maxColumn);
    const score = ownCell(viewRow, scoreColumn);
    let hasValues =
      target !== undefined ||
      nature !== undefined ||
      actual !== undefined ||
      max !== undefined ||
      score !== undefined;
    // The unit and reason columns, which rowClass does not read.
    for (let i = 0; i < valueColumns.length && !hasValues; i++)
      if (viewRow.own(valueColumns[i]) !== undefined) hasValues = true;
    const block = blockTitle(view, texts, table, rightmost, hasValues);
    if (block !== null) {
      rows.push({ row, kind: block.kind, levels, name, title: block.title });
      lastRow = row;
      blankRun = 0;
      continue;
    }
    if (name === "" && !hasValues) {
      if (levels.some((label) => label !== "")) {
        rows.push({ row, kind: "group", levels, name });
        lastRow = row;
        blankRun = 0;
        continue;
      }
      blankRun++;
      if (blankRun >= BLANK_ROWS_ENDING_A_TABLE) break;
      continue;
    }
    blankRun = 0;
    lastRow = row;
    rows.push({
      row,
      kind: rowClass(
        viewRow,
        table,
        name,
        levelColumns,
        nameCell ? nameCell.words : "",
        wordsOf(target),
        wordsOf(nature),
        wordsOf(actual),
        wordsOf(max),
        wordsOf(score)
      ),
      levels,
      name,
    });
  }
  return { rows, lastRow };
}

/** The first row holding a cell below `row`. */
function nextRowAfter(view: SheetView, row: number): number {
  const index = view.indexFrom(row + 1);
  return index < view.rows.length ? view.rows[index].row : row + 1;
}

function plainRow(row: number, kind: RowClass, text: string): ClassifiedRow {
  return { row, kind, levels: [], name: text };
}

/**
 * "grand" when a cell of the row says 合计/总分 — in the label columns, or further right where a
 * form puts its 总分 beside a text row (永德: 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优) —,
 * "subtotal" for a 小计 in the label columns.
 */
function totalKindOfRow(
  texts: readonly ViewCell[],
  lastLabelColumn: number
): "grand" | "subtotal" | null {
  let kind: "grand" | "subtotal" | null = null;
  for (let i = 0; i < texts.length; i++) {
    const cell = texts[i];
    // 合计/总分/小计 labels are short: most cells are passed over without a pattern.
    if (cell.words.length > 14) continue;
    const found = totalLabelKind(cell.words);
    if (found === "grand") return "grand";
    if (found === "subtotal" && cell.column <= lastLabelColumn && kind === null) kind = found;
  }
  return kind;
}

/** True when the row's 分值 or 得分 cell holds a number, or a score typed as text ("9.5", "10分"). */
function scoresLikeIndicator(
  view: SheetView,
  row: number,
  columns: Partial<Record<IndicatorColumnRole, number>>
): boolean {
  for (const column of [columns.max, columns.score]) {
    if (column === undefined) continue;
    const cell = view.own(row, column);
    if (!cell) continue;
    if (cell.isNumber) return true;
    if (typeof cell.cell.value === "string" && /^\d+(\.\d+)?分?$/.test(cell.words)) return true;
  }
  return false;
}

/**
 * A row whose only text is one cell merged across the value columns: a block title when it names
 * a goal ("年度绩效目标1（40分）"), a category heading when it stands in a level column ("产出指标
 * （40分）" merged across), else text inside the table.
 */
function blockTitle(
  view: SheetView,
  texts: readonly ViewCell[],
  table: TableColumns,
  rightmost: number,
  hasValues: boolean
): { kind: "block" | "group" | "text"; title: string } | null {
  if (texts.length !== 1 || hasValues) return null;
  const cell = texts[0];
  const labelColumnLast = Math.max(table.nameColumn, ...table.levelColumns);
  const area = view.sheet.mergeAt(cell.row, cell.column);
  if (!area || area.left !== cell.column || area.top !== cell.row) return null;
  if (area.right <= labelColumnLast || area.right < Math.min(rightmost, MAX_COLUMNS) - 1)
    return null;
  if (/目标/.test(cell.words) && cell.words.length <= 30)
    return { kind: "block", title: cell.label };
  // A category name is short; a sentence merged across the table is a note.
  if (
    table.levelColumns.indexOf(cell.column) >= 0 &&
    cell.words.length <= 20 &&
    !/[。；;，,]/.test(cell.words)
  )
    return { kind: "group", title: cell.label };
  return { kind: "text", title: cell.label };
}

/** The column of a value role; undefined when there is none or it is the name column (read as blank). */
function valueColumnOf(table: TableColumns, role: IndicatorColumnRole): number | undefined {
  const column = table.columns[role];
  return column === undefined || column === table.nameColumn ? undefined : column;
}

function ownCell(viewRow: ViewRow, column: number | undefined): ViewCell | undefined {
  return column === undefined ? undefined : viewRow.own(column);
}

function wordsOf(cell: ViewCell | undefined): string {
  return cell ? cell.words : "";
}

/** True when the role's cell holds a number, or text that reads as one. */
function isNumberCell(viewRow: ViewRow, table: TableColumns, role: IndicatorColumnRole): boolean {
  const column = table.columns[role];
  if (column === undefined) return false;
  const cell = viewRow.own(column);
  if (!cell) return false;
  if (cell.isNumber) return true;
  return parseText(cell.words).kind === "number";
}

/** Blank, or a placeholder saying the cell does not apply ("/", "—"; not a bare "无"). */
function emptyWords(text: string): boolean {
  return text === "" || isNotApplicableText(text, false);
}

/** An indicator, or a row that only looks like one. */
function rowClass(
  viewRow: ViewRow,
  table: TableColumns,
  name: string,
  levelColumns: readonly number[],
  nameWords: string,
  target: string,
  nature: string,
  actual: string,
  max: string,
  score: string
): RowClass {
  const { columns } = table;
  const scoreEmpty = score === "" || isNotApplicableText(score);

  if (name === "") {
    // A row of placeholders, or a 分值 the template preset with nothing else: a template row.
    if (
      emptyWords(target) &&
      emptyWords(actual) &&
      scoreEmpty &&
      emptyWords(nature) &&
      !hasLevelOwn(viewRow, levelColumns)
    )
      return "template";
    const writesLevel = hasLevelOwn(viewRow, levelColumns);
    const hasTargetOrActual =
      (columns.target !== undefined && viewRow.own(columns.target) !== undefined) ||
      (columns.actual !== undefined && viewRow.own(columns.actual) !== undefined);
    if (writesLevel && !hasTargetOrActual) return "level-subtotal";
    if (emptyWords(target) && emptyWords(actual) && scoreEmpty) return "template";
    return "indicator";
  }
  // Template names are short; most names are passed over without the pattern.
  if (
    nameWords.length <= 16 &&
    isTemplateName(nameWords) &&
    emptyWords(target) &&
    emptyWords(actual) &&
    scoreEmpty
  )
    return "template";
  if (
    isBreakdownName(nameWords) &&
    !isNumberCell(viewRow, table, "max") &&
    !isNumberCell(viewRow, table, "score")
  )
    return "breakdown";
  if (scoreEmpty) {
    const targetSaysNo = target !== "" && isNotApplicableText(target);
    const maxSaysNo = max !== "" && isNotApplicableText(max);
    // "无" answers a target such as "无安全事故" in the actual: only the other placeholders say
    // "does not apply" there, unless the target is blank too.
    const actualSaysNo =
      actual !== "" && isNotApplicableText(actual, target === "" || isNotApplicableText(target));
    const natureSaysNo = nature !== "" && isNotApplicableText(nature, false);
    if (targetSaysNo || maxSaysNo || actualSaysNo || natureSaysNo) return "not-applicable";
  } else if (saysNotApplicableDespiteScore(target, actual)) {
    // The template's note: 对于不适用部分评价对象的评价指标，不考核该指标 — a row marked 不适用 is not
    // assessed, whatever was typed as its score (0, or full marks); the scorer says so on the score.
    return "not-applicable";
  }
  return "indicator";
}

/**
 * A row with a score whose target and actual state no value, only that it does not apply: both
 * struck out ("/", "—"), or one of them saying 不适用/不涉及 and the other blank or struck out too.
 * "无" is not enough here: it answers a target such as 无安全事故.
 */
function saysNotApplicableDespiteScore(target: string, actual: string): boolean {
  if (!(target === "" || strikes(target)) || !(actual === "" || strikes(actual))) return false;
  return (
    (strikes(target) && strikes(actual)) ||
    NOT_APPLICABLE_WORDS.test(target) ||
    NOT_APPLICABLE_WORDS.test(actual)
  );
}

const NOT_APPLICABLE_WORDS = /不适用|不涉及|^N\/?A$/i;

/** A placeholder struck through the cell ("/", "—", 不适用; not a bare "无"). */
function strikes(text: string): boolean {
  return text !== "" && isNotApplicableText(text, false);
}

function hasLevelOwn(viewRow: ViewRow, levelColumns: readonly number[]): boolean {
  for (let i = 0; i < levelColumns.length; i++) {
    const cell = viewRow.own(levelColumns[i]);
    if (cell && cell.words !== "") return true;
  }
  return false;
}

/**
 * The level columns' labels as shown (through merged areas), on one line; "" when blank. Rows
 * down one category show the same labels: they share the row above's array (rows are read, never
 * changed).
 */
function levelLabels(
  view: SheetView,
  viewRow: ViewRow,
  levelColumns: readonly number[],
  previous: readonly string[]
): readonly string[] {
  let labels: string[] | null = previous.length === levelColumns.length ? null : [];
  for (let i = 0; i < levelColumns.length; i++) {
    const column = levelColumns[i];
    const cell = viewRow.own(column) ?? shownThroughMerge(view, viewRow.row, column);
    const label = cell ? cell.label : "";
    // A new array only from the first label that differs.
    if (labels === null && label !== previous[i]) labels = previous.slice(0, i);
    if (labels !== null) labels.push(label);
  }
  return labels === null ? previous : labels;
}

/** The master cell of the merged area covering (row, column), when a merge covers it. */
function shownThroughMerge(view: SheetView, row: number, column: number): ViewCell | undefined {
  const area = view.sheet.mergeAt(row, column);
  return area ? view.own(area.top, area.left) : undefined;
}
