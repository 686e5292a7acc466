import { toA1 } from "../grid/address";
import { normaliseText } from "../values/normaliseText";
import { sameStrings } from "../values/sameStrings";
import type { ClassifiedBody, ClassifiedRow, TableColumns } from "./classifyRows";
import type { HeaderBand } from "./findHeaders";
import { totalLabelKind } from "./rowLabels";
import { firstLevelOf, isPointsOnly } from "./nationalCategories";
import { pointsInLabel, withoutPoints } from "./rowWords";
import { shortText, type SheetView } from "./sheetView";
import type {
  DetectedIndicator,
  DetectedTotalRow,
  GroupMaximum,
  SkippedRow,
  SkippedRowReason,
} from "./types";

/**
 * Stage 5: the table as the scoring reads it — each indicator with its path (categories carried
 * down: templates write a category once, on the first row of its block), the 合计/小计 rows with
 * the group they close, the groups' 分值 stated in their labels ("产出指标（40分）"), and every
 * row that is not an indicator with why.
 */

export interface ReadTable {
  readonly indicators: readonly DetectedIndicator[];
  readonly totalRows: readonly DetectedTotalRow[];
  readonly skippedRows: readonly SkippedRow[];
  readonly groupMaxima: readonly GroupMaximum[];
}

interface LevelState {
  values: string[];
  /** The values' path as advanceLevels last returned it; null once a value changes. */
  path?: string[] | null;
}

interface LabelReading {
  /** Without its points. */
  readonly name: string;
  readonly points: number | null;
  readonly pointsOnly: boolean;
}

// Categories repeat down thousands of rows: each label is read once.
const LABELS = new Map<string, LabelReading>();
const LABELS_LIMIT = 2000;

function labelOf(label: string): LabelReading {
  let read = LABELS.get(label);
  if (!read) {
    read = {
      name: withoutPoints(label),
      points: pointsInLabel(normaliseText(label)),
      pointsOnly: isPointsOnly(label),
    };
    if (LABELS.size >= LABELS_LIMIT) LABELS.clear();
    LABELS.set(label, read);
  }
  return read;
}

export function readTable(
  view: SheetView,
  table: TableColumns,
  body: ClassifiedBody,
  band: HeaderBand
): ReadTable {
  const { levelColumns } = table;
  const indicators: DetectedIndicator[] = [];
  const totalRows: DetectedTotalRow[] = [];
  const skipped: SkippedRow[] = [];
  const maxima: GroupMaximum[] = [];
  const seenMaxima = new Set<string>();
  const levels: LevelState = { values: levelColumns.map(() => ""), path: null };
  let block: string | null = null;
  // Paths are read, never changed: one array may serve several rows. Rows down one group get the
  // same path from advanceLevels, and the same path with the block in front.
  let blockPathOf: { block: string; path: string[]; withBlock: string[] } | null = null;
  const withBlock = (path: string[]): string[] => {
    if (block === null) return path;
    if (blockPathOf === null || blockPathOf.block !== block || blockPathOf.path !== path)
      blockPathOf = { block, path, withBlock: [block].concat(path) };
    return blockPathOf.withBlock;
  };
  // Consecutive indicators of one group share one path array (20,000 indicators, a few groups):
  // paths are read, never changed.
  let lastPath: string[] = [];
  const sharedPath = (path: string[]): string[] => {
    if (sameStrings(path, lastPath)) return lastPath;
    lastPath = path;
    return path;
  };
  // The paths category rows name, to tell a group label from a template's empty category.
  const groupPaths = new Map<number, string[]>();

  const openBlock = (title: string, cell: string): void => {
    const name = withoutPoints(title).replace(/[:：]+$/, "");
    block = name;
    levels.values = levelColumns.map(() => "");
    levels.path = null;
    const points = pointsInLabel(normaliseText(title));
    const key = normaliseText(name);
    if (points !== null && !seenMaxima.has(key)) {
      seenMaxima.add(key);
      maxima.push({ path: [name], max: points, cell });
    }
  };
  if (band.blockTitle) openBlock(band.blockTitle.title, band.blockTitle.cell);

  const noteMaxima = (row: ClassifiedRow, path: readonly string[]): void => {
    // A level label stating points gives its group's 分值, once per group.
    row.levels.forEach((label, i) => {
      if (label === "") return;
      const points = labelOf(label).points;
      if (points === null) return;
      const groupPath = path.slice(0, depthOf(levels, i));
      if (block !== null) groupPath.unshift(block);
      const key = groupPath.map(normaliseText).join("\u0000");
      if (seenMaxima.has(key) || groupPath.length === 0) return;
      seenMaxima.add(key);
      const cell = view.shown(row.row, levelColumns[i]);
      maxima.push({
        path: groupPath,
        max: points,
        cell: cell ? cell.cell.address : toA1(row.row, levelColumns[i]),
      });
    });
  };

  // A row showing the same labels as the row above (the same array: classifyRows shares it) names
  // the same categories.
  let explicitOf: { levels: readonly string[]; explicit: string[] } | null = null;
  // What noteMaxima last looked at: the same labels, path and block again note nothing new.
  let noted: { levels: readonly string[]; path: string[]; block: string | null } | null = null;
  for (let rowIndex = 0; rowIndex < body.rows.length; rowIndex++) {
    const row = body.rows[rowIndex];
    if (explicitOf === null || explicitOf.levels !== row.levels)
      explicitOf = { levels: row.levels, explicit: explicitLabels(row.levels) };
    const explicit = explicitOf.explicit;
    switch (row.kind) {
      case "header":
        skipped.push({ row: row.row, reason: "header", text: row.name });
        continue;
      case "grand-total":
        totalRows.push({ row: row.row, path: [] });
        skipped.push({ row: row.row, reason: "total", text: firstText(view, row.row) });
        continue;
      case "subtotal": {
        // The 小计 label is no category: the rows below must not inherit it.
        const path = advanceLevels({ values: levels.values.slice() }, explicit);
        totalRows.push({
          row: row.row,
          path: withBlock(subtotalPath(view, row.row, levelColumns, path)),
        });
        skipped.push({ row: row.row, reason: "total", text: firstText(view, row.row) });
        continue;
      }
      case "block": {
        const title = withoutPoints(row.title ?? "");
        block = title;
        levels.values = levelColumns.map(() => "");
        levels.path = null;
        const points = pointsInLabel(normaliseText(row.title ?? ""));
        const key = normaliseText(title);
        if (points !== null && !seenMaxima.has(key)) {
          seenMaxima.add(key);
          const cell = view.textCells(row.row)[0];
          maxima.push({
            path: [title],
            max: points,
            cell: cell ? cell.cell.address : toA1(row.row, 1),
          });
        }
        skipped.push({ row: row.row, reason: "group", text: row.title ?? "" });
        continue;
      }
      default:
        break;
    }
    const path = advanceLevels(levels, explicit);
    if (
      noted === null ||
      noted.levels !== row.levels ||
      noted.path !== path ||
      noted.block !== block
    ) {
      noteMaxima(row, path);
      noted = { levels: row.levels, path, block };
    }
    switch (row.kind) {
      case "indicator":
        indicators.push({ row: row.row, path: sharedPath(withBlock(path)), name: row.name });
        break;
      case "not-applicable":
        indicators.push({
          row: row.row,
          path: sharedPath(withBlock(path)),
          name: row.name,
          notApplicable: true,
        });
        skipped.push({ row: row.row, reason: "not-applicable", text: row.name });
        break;
      case "level-subtotal":
        totalRows.push({ row: row.row, path: withBlock(path) });
        skipped.push({ row: row.row, reason: "total", text: firstText(view, row.row) });
        break;
      case "group":
        groupPaths.set(row.row, withBlock(path));
        skipped.push({
          row: row.row,
          reason: "group",
          text:
            row.name !== "" ? row.name : (row.levels.filter((label) => label !== "").pop() ?? ""),
        });
        break;
      case "template":
      case "breakdown":
      case "text":
        skipped.push({
          row: row.row,
          reason: row.kind as SkippedRowReason,
          text: shortText(row.name !== "" ? row.name : (row.title ?? firstText(view, row.row))),
        });
        break;
      default:
        break;
    }
  }
  return {
    indicators,
    totalRows,
    skippedRows: templateGroups(skipped, indicators, groupPaths),
    groupMaxima: maxima,
  };
}

/**
 * A category row whose group gets no indicator is a template's row left empty (an empty 二级 row
 * such as 经济效益指标 with nothing under it); one that heads indicators is a group label.
 */
function templateGroups(
  skipped: readonly SkippedRow[],
  indicators: readonly DetectedIndicator[],
  groupPaths: ReadonlyMap<number, string[]>
): SkippedRow[] {
  return skipped.map((entry) => {
    const path = entry.reason === "group" ? groupPaths.get(entry.row) : undefined;
    if (!path) return entry;
    const key = path.map(normaliseText);
    const heads = indicators.some(
      (indicator) =>
        indicator.path.length >= key.length &&
        key.every((name, i) => normaliseText(indicator.path[i]) === name)
    );
    return heads ? entry : { ...entry, reason: "template" };
  });
}

/** How many path entries lead to level i: its position among the levels filled so far. */
function depthOf(state: LevelState, levelIndex: number): number {
  let depth = 0;
  for (let i = 0; i <= levelIndex; i++) if (state.values[i] !== "") depth++;
  return depth;
}

function firstText(view: SheetView, row: number): string {
  const cells = view.textCells(row);
  return cells.length > 0 ? shortText(cells[0].label) : "";
}

/**
 * Carries category names down: a blank level cell repeats the row above's (templates write
 * a category once, on the first row of its block), unless a higher level changed on this row.
 */
function advanceLevels(state: LevelState, explicit: readonly string[]): string[] {
  let higherChanged = false;
  let changed = false;
  for (let i = 0; i < explicit.length; i++) {
    if (explicit[i] !== "") {
      // The same text as the row above's (down a merged category) is the same category.
      if (
        explicit[i] !== state.values[i] &&
        normaliseText(explicit[i]) !== normaliseText(state.values[i])
      )
        higherChanged = true;
      if (state.values[i] !== explicit[i]) changed = true;
      state.values[i] = explicit[i];
    } else if (higherChanged) {
      if (state.values[i] !== "") changed = true;
      state.values[i] = "";
    }
  }
  if (!changed && state.path) return state.path;
  const path: string[] = [];
  for (let i = 0; i < state.values.length; i++)
    if (state.values[i] !== "") path.push(state.values[i]);
  state.path = path;
  return path;
}

/** The categories the level labels name, points left out ("产出指标（40分）" → "产出指标"). */
function explicitLabels(levels: readonly string[]): string[] {
  const explicit: string[] = new Array(levels.length);
  for (let i = 0; i < levels.length; i++) {
    const label = levels[i];
    if (label === "") {
      explicit[i] = label;
      continue;
    }
    // A 一级 cell showing only its points ("（50分）") is named by the national form from the
    // 二级 beside it ("数量指标" → "产出指标").
    const read = labelOf(label);
    if (read.pointsOnly && i + 1 < levels.length) {
      const named = firstLevelOf(labelOf(levels[i + 1]).name);
      if (named !== null) {
        explicit[i] = named;
        continue;
      }
    }
    explicit[i] = read.name;
  }
  return explicit;
}

function subtotalPath(
  view: SheetView,
  row: number,
  levelColumns: readonly number[],
  path: readonly string[]
): string[] {
  // "产出指标小计" names its group; a bare "小计" closes the group of the rows above it.
  for (let i = 0; i < levelColumns.length; i++) {
    const words = view.ownWords(row, levelColumns[i]);
    if (totalLabelKind(words) === "subtotal") {
      const named = words.replace(/小计.*$/, "");
      if (named !== "") return path.slice(0, i).concat(named);
      return path.slice(0, Math.max(i, 1));
    }
  }
  return path.slice(0, Math.max(1, path.length - 1));
}
