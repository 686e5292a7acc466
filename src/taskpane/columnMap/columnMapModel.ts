/**
 * What the 列对应 (column map) panel shows and edits, worked out from a scoring run: one section
 * per sheet that has a form or a header that gave none, each role with the column in use and why,
 * the columns to choose from, and the map as the text the workbook's settings keep.
 */
import {
  columnLetters,
  columnsForSheet,
  describeReading,
  INDICATOR_COLUMN_ROLES,
  type IndicatorColumnRole,
  type InspectedColumn,
  type Inspection,
  parseColumnMap,
  ROLE_LABELS,
  type ScoreResult,
  type WorkbookGrid,
} from "../../engine";

export interface ColumnChoice {
  /** Column letters, "F". */
  readonly column: string;
  /** Its header text on one line ("" when the header names it not). */
  readonly header: string;
}

export interface RoleRow {
  readonly role: IndicatorColumnRole;
  /** As the national forms name the column ("分值"). */
  readonly roleName: string;
  /** The column that had the role in this run (detected or mapped), or null when none had it. */
  readonly inUse: InspectedColumn | null;
}

export interface ColumnMapSection {
  readonly sheet: string;
  /** The first form's title on the sheet, when it states one. */
  readonly title: string | null;
  /** Forms read on the sheet (several share the sheet's map). */
  readonly forms: number;
  /** Headers on the sheet that gave no form: what was found and what is missing. */
  readonly misses: readonly string[];
  readonly roles: readonly RoleRow[];
  /** The columns a role may be given: every column under the header, left to right. */
  readonly choices: readonly ColumnChoice[];
  /**
   * Whether the map's text can name the sheet ("自评表!分值=F"): a name holding a separator the
   * text uses (, ; !) cannot be written there.
   */
  readonly nameable: boolean;
}

/** Per section, the column chosen for each role the user fixed ("F"); absent roles are detected. */
export type ColumnMapDraft = Readonly<
  Record<string, Readonly<Partial<Record<IndicatorColumnRole, string>>>>
>;

const UNNAMEABLE = /[,，;；!！\n]/;

function columnNumber(letters: string): number {
  let column = 0;
  for (let i = 0; i < letters.length; i++) column = column * 26 + (letters.charCodeAt(i) - 64);
  return column;
}

/**
 * The header texts of a header that gave no form, read from the grid (the engine describes only
 * the roles it found there): each column its header rows name, with the merged areas they span.
 */
function headerChoicesFromGrid(
  grid: WorkbookGrid,
  sheetName: string,
  headerRows: readonly number[]
): ColumnChoice[] {
  const sheet = grid.sheets.filter((each) => each.name === sheetName)[0];
  if (!sheet) return [];
  const texts = new Map<number, string[]>();
  const add = (column: number, text: string) => {
    const list = texts.get(column) || [];
    if (list.indexOf(text) < 0) list.push(text);
    texts.set(column, list);
  };
  headerRows.forEach((row) => {
    sheet.cellsInRow(row).forEach((cell) => {
      const text = cell.text.replace(/\s+/g, " ").trim();
      if (text === "") return;
      const area = sheet.mergeAt(row, cell.column);
      const right =
        area && area.top === row && area.left === cell.column ? area.right : cell.column;
      // Wide merged titles ("绩效指标" over B:D) name each column they cover; a runaway merge
      // over the whole sheet would not: 60 columns is more than any 自评表 has.
      for (let column = cell.column; column <= Math.min(right, cell.column + 60); column++)
        add(column, text);
    });
  });
  return Array.from(texts.keys())
    .sort((a, b) => a - b)
    .map((column) => ({
      column: columnLetters(column),
      header: (texts.get(column) || []).join(" / "),
    }));
}

/** The choices, left to right, with the gaps between named columns filled (no header over them). */
function withGaps(choices: readonly ColumnChoice[], extra: readonly string[]): ColumnChoice[] {
  const byColumn = new Map<number, string>();
  choices.forEach((choice) => {
    const column = columnNumber(choice.column);
    if (!byColumn.has(column)) byColumn.set(column, choice.header);
  });
  extra.forEach((letters) => {
    const column = columnNumber(letters);
    if (!byColumn.has(column)) byColumn.set(column, "");
  });
  const columns = Array.from(byColumn.keys()).sort((a, b) => a - b);
  if (columns.length === 0) return [];
  const list: ColumnChoice[] = [];
  for (let column = columns[0]; column <= columns[columns.length - 1]; column++)
    list.push({ column: columnLetters(column), header: byColumn.get(column) ?? "" });
  return list;
}

/** The panel's sections for a scoring run (ScoreResult.reading) over this grid. */
export function columnMapSections(result: ScoreResult, grid: WorkbookGrid): ColumnMapSection[] {
  const inspection: Inspection = describeReading(result.reading);
  const order: string[] = [];
  const note = (sheet: string) => {
    if (order.indexOf(sheet) < 0) order.push(sheet);
  };
  inspection.forms.forEach((form) => note(form.sheet));
  inspection.misses.forEach((miss) => note(miss.sheet));
  return order.map((sheet) => {
    const forms = inspection.forms.filter((form) => form.sheet === sheet);
    const misses = inspection.misses.filter((miss) => miss.sheet === sheet);
    // The roles as the sheet's first form (or, without one, its first header) has them.
    const columns: readonly InspectedColumn[] =
      forms.length > 0 ? forms[0].columns : misses.length > 0 ? misses[0].columns : [];
    const roles = INDICATOR_COLUMN_ROLES.map((role) => ({
      role,
      roleName: ROLE_LABELS[role],
      inUse: columns.filter((column) => column.role === role)[0] || null,
    }));
    let choices: ColumnChoice[] = [];
    forms.forEach((form) => (choices = choices.concat(form.headerColumns)));
    if (forms.length === 0)
      misses.forEach(
        (miss) => (choices = choices.concat(headerChoicesFromGrid(grid, sheet, miss.headerRows)))
      );
    return {
      sheet,
      title: forms.length > 0 ? forms[0].title : null,
      forms: forms.length,
      misses: misses.map((miss) => miss.message),
      roles,
      choices: withGaps(
        choices,
        columns.map((column) => column.column)
      ),
      nameable: !UNNAMEABLE.test(sheet),
    };
  });
}

/** Whether the map names each sheet (several sections) or applies to every sheet (one). */
export function mapsBySheet(sections: readonly ColumnMapSection[]): boolean {
  return sections.length > 1;
}

/** The draft the panel starts from: the saved map's entries as they apply to each section. */
export function draftFromText(text: string, sections: readonly ColumnMapSection[]): ColumnMapDraft {
  const { map } = parseColumnMap(text);
  const draft: Record<string, Partial<Record<IndicatorColumnRole, string>>> = {};
  sections.forEach((section) => {
    const fixed = columnsForSheet(map, section.sheet).entries;
    const roles: Partial<Record<IndicatorColumnRole, string>> = {};
    fixed.forEach((entry) => (roles[entry.role] = columnLetters(entry.column)));
    draft[section.sheet] = roles;
  });
  return draft;
}

/**
 * The draft as the map's text: general entries when there is one section ("分值=F"), entries
 * naming their sheet when there are several ("自评表!分值=F"). Entries for sheets the panel does not
 * show are left out: a map naming a sheet the workbook no longer reads would block every write.
 */
export function textFromDraft(
  draft: ColumnMapDraft,
  sections: readonly ColumnMapSection[]
): string {
  const bySheet = mapsBySheet(sections);
  const entries: string[] = [];
  sections.forEach((section) => {
    const roles = draft[section.sheet] || {};
    if (bySheet && !section.nameable) return;
    INDICATOR_COLUMN_ROLES.forEach((role) => {
      const column = roles[role];
      if (column === undefined) return;
      entries.push((bySheet ? section.sheet + "!" : "") + ROLE_LABELS[role] + "=" + column);
    });
  });
  return entries.join(",");
}
