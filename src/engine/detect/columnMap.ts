import { columnLetters } from "../grid/address";
import { normaliseText } from "../values/normaliseText";
import { ROLE_LABELS } from "./roleLabels";
import { MAX_COLUMNS } from "./sheetView";
import { INDICATOR_COLUMN_ROLES, type ColumnMapError, type IndicatorColumnRole } from "./types";

/**
 * The user's column map: which column holds which role, for every form of the workbook or of one
 * sheet ("分值=F,自评得分=H", "自评表!分值=F"). Named roles override detection; the rest is still
 * detected. A value, passed in by the host (the CLI's --columns, the pane's 列对应 panel).
 */
export interface ColumnMapEntry {
  /** The sheet it applies to; null for every sheet. */
  readonly sheet: string | null;
  readonly role: IndicatorColumnRole;
  /** 1-based. */
  readonly column: number;
  /** The entry as the user wrote it, to name it in a message. */
  readonly text: string;
}

export interface ColumnMap {
  readonly entries: readonly ColumnMapEntry[];
}

export const EMPTY_COLUMN_MAP: ColumnMap = { entries: [] };

// The role names users may type besides the national forms' own and the role ids.
const ALIASES: Readonly<Record<string, IndicatorColumnRole>> = {
  一级: "level1",
  二级: "level2",
  三级: "level3",
  指标: "name",
  指标值: "target",
  目标值: "target",
  单位: "unit",
  计量单位: "unit",
  完成值: "actual",
  权重: "max",
  得分: "score",
  偏差原因分析及改进措施: "reason",
  未完成原因分析: "reason",
  原因: "reason",
};

/** The role a name stands for ("分值", "max", "自评得分"…), or null. */
export function roleOfName(name: string): IndicatorColumnRole | null {
  const words = normaliseText(name);
  for (const role of INDICATOR_COLUMN_ROLES) {
    if (words === role || words.toLowerCase() === role.toLowerCase()) return role;
    if (words === ROLE_LABELS[role]) return role;
  }
  return ALIASES[words] ?? null;
}

/** A column's letters as a number (A → 1), or null when they are not letters of a column. */
function columnOfLetters(text: string): number | null {
  const letters = normaliseText(text).toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(letters)) return null;
  let column = 0;
  for (let i = 0; i < letters.length; i++) column = column * 26 + (letters.charCodeAt(i) - 64);
  return column <= 16384 ? column : null;
}

/**
 * Reads "分值=F,自评得分=H" (commas or semicolons between entries, full-width ones too; "自评表!
 * 分值=F" for one sheet). Every entry that cannot be read comes back as an error naming it: an
 * unknown role, a column that is no column, one column for two roles, a role named twice.
 */
export function parseColumnMap(text: string): { map: ColumnMap; errors: ColumnMapError[] } {
  const entries: ColumnMapEntry[] = [];
  const errors: ColumnMapError[] = [];
  const parts = text
    .split(/[,，;；\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  for (const part of parts) {
    const match = /^(?:(.+?)[!！])?([^=＝:：]+)[=＝:：](.+)$/.exec(part);
    if (!match) {
      errors.push({ entry: part, message: "应写成“列名=列号”，如 分值=F" });
      continue;
    }
    const sheet = match[1] !== undefined ? match[1].trim() : null;
    const role = roleOfName(match[2]);
    if (role === null) {
      errors.push({
        entry: part,
        message:
          "不认识的列名“" +
          match[2].trim() +
          "”，可用：" +
          INDICATOR_COLUMN_ROLES.map((each) => ROLE_LABELS[each]).join(" "),
      });
      continue;
    }
    const column = columnOfLetters(match[3]);
    if (column === null) {
      errors.push({ entry: part, message: "“" + match[3].trim() + "”不是列号，应写列字母，如 F" });
      continue;
    }
    if (column > MAX_COLUMNS) {
      errors.push({
        entry: part,
        message: "列" + columnLetters(column) + "超出了表格范围（最多读到第" + MAX_COLUMNS + "列）",
      });
      continue;
    }
    const clash = entries.find(
      (other) => other.sheet === sheet && (other.column === column || other.role === role)
    );
    if (clash) {
      errors.push({
        entry: part,
        message:
          clash.column === column
            ? "列" +
              columnLetters(column) +
              "已指定为" +
              ROLE_LABELS[clash.role] +
              "（" +
              clash.text +
              "），一列只能对应一个角色"
            : ROLE_LABELS[role] +
              "已指定为列" +
              columnLetters(clash.column) +
              "（" +
              clash.text +
              "）",
      });
      continue;
    }
    entries.push({ sheet: sheet === "" ? null : sheet, role, column, text: part });
  }
  return { map: { entries }, errors };
}

/** The map as text parseColumnMap reads back: for the workbook's settings and messages. */
export function formatColumnMap(map: ColumnMap): string {
  return map.entries
    .map(
      (entry) =>
        (entry.sheet !== null ? entry.sheet + "!" : "") +
        ROLE_LABELS[entry.role] +
        "=" +
        columnLetters(entry.column)
    )
    .join(",");
}

/**
 * The roles the map fixes on one sheet: entries for the sheet override entries for every sheet.
 * A general and a sheet entry that give one column two roles are an error, naming both.
 */
export function columnsForSheet(
  map: ColumnMap,
  sheet: string
): {
  fixed: Partial<Record<IndicatorColumnRole, number>>;
  entries: ColumnMapEntry[];
  errors: ColumnMapError[];
} {
  const fixed: Partial<Record<IndicatorColumnRole, number>> = {};
  const entryOf: Partial<Record<IndicatorColumnRole, ColumnMapEntry>> = {};
  const errors: ColumnMapError[] = [];
  const general = map.entries.filter((entry) => entry.sheet === null);
  const specific = map.entries.filter(
    (entry) => entry.sheet !== null && sameSheet(entry.sheet, sheet)
  );
  for (const entry of general.concat(specific)) {
    fixed[entry.role] = entry.column;
    entryOf[entry.role] = entry;
  }
  const byColumn = new Map<number, ColumnMapEntry>();
  for (const role of Object.keys(fixed) as IndicatorColumnRole[]) {
    const entry = entryOf[role] as ColumnMapEntry;
    const other = byColumn.get(entry.column);
    if (other)
      errors.push({
        entry: entry.text,
        message:
          "在工作表「" +
          sheet +
          "」上与“" +
          other.text +
          "”指定了同一列" +
          columnLetters(entry.column) +
          "，一列只能对应一个角色",
      });
    else byColumn.set(entry.column, entry);
  }
  const entries = (Object.keys(entryOf) as IndicatorColumnRole[]).map(
    (role) => entryOf[role] as ColumnMapEntry
  );
  return { fixed: errors.length > 0 ? {} : fixed, entries, errors };
}

function sameSheet(a: string, b: string): boolean {
  return normaliseText(a) === normaliseText(b);
}
