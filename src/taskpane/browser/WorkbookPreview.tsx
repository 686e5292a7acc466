import * as React from "react";
import { DefaultButton } from "@fluentui/react/lib/Button";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import {
  type CellMark,
  columnLetters,
  MARK_FILL_COLOURS,
  parseA1,
  type Severity,
  type SheetGrid,
  toA1,
  type WorkbookGrid,
} from "../../engine";
import type { TaskpaneStrings } from "../strings";

/**
 * Rows drawn at a time. Sheets run to tens of thousands of rows (the benchmark's has 20,000);
 * drawing them all would take seconds and stall scrolling, in Internet Explorer 11 above all.
 */
export const PREVIEW_ROWS = 150;
/** Columns drawn at most; a form has a dozen, a sheet with hundreds is not a form. */
export const PREVIEW_COLUMNS = 40;
/** Rows shown above a selected cell when the window moves to it. */
const ROWS_ABOVE_SELECTION = 10;

/** The cell a problem was clicked for; `serial` tells two clicks on the same cell apart. */
export interface PreviewSelection {
  readonly sheet: string;
  readonly cell: string;
  readonly serial: number;
}

export interface WorkbookPreviewProps {
  readonly grid: WorkbookGrid;
  /** The cells the last scoring marked, drawn in Excel's fills. */
  readonly marks: readonly CellMark[];
  readonly selection: PreviewSelection | null;
  readonly strings: TaskpaneStrings;
}

const GRIDLINE = "1px solid #d4d4d4";
const HEADER_BACKGROUND = "#f3f3f3";
const SELECTED_OUTLINE = "#217346"; // Excel's selection green

const classes = mergeStyleSets({
  preview: { display: "flex", flexDirection: "column", minWidth: 0 },
  heading: { fontSize: 16, fontWeight: 600, margin: "0 0 8px" },
  tabs: { display: "flex", flexWrap: "wrap", borderBottom: GRIDLINE, marginBottom: 4 },
  tab: {
    border: GRIDLINE,
    borderBottom: "none",
    background: HEADER_BACKGROUND,
    padding: "4px 12px",
    margin: "0 4px -1px 0",
    fontSize: 13,
    fontFamily: "inherit",
    cursor: "pointer",
    color: "inherit",
  },
  activeTab: {
    background: "#ffffff",
    fontWeight: 600,
    color: SELECTED_OUTLINE,
    borderBottom: "2px solid " + SELECTED_OUTLINE,
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    fontSize: 12,
    margin: "4px 0",
    selectors: { "> *": { marginRight: 8 } },
  },
  legendSwatch: {
    display: "inline-block",
    width: 12,
    height: 12,
    border: GRIDLINE,
    marginRight: 4,
    verticalAlign: "middle",
  },
  scroller: {
    overflow: "auto",
    border: GRIDLINE,
    maxHeight: "calc(100vh - 140px)",
    minHeight: 240,
    background: "#ffffff",
    color: "#000000",
  },
  table: { borderCollapse: "separate", borderSpacing: 0, fontSize: 12, tableLayout: "auto" },
  columnHeader: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    background: HEADER_BACKGROUND,
    borderRight: GRIDLINE,
    borderBottom: GRIDLINE,
    fontWeight: 400,
    padding: "2px 4px",
    textAlign: "center",
    color: "#444444",
  },
  corner: { left: 0, zIndex: 3 },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    background: HEADER_BACKGROUND,
    borderRight: GRIDLINE,
    borderBottom: GRIDLINE,
    fontWeight: 400,
    padding: "2px 6px",
    textAlign: "right",
    color: "#444444",
  },
  cell: {
    borderRight: GRIDLINE,
    borderBottom: GRIDLINE,
    padding: "2px 4px",
    minWidth: 40,
    maxWidth: 260,
    verticalAlign: "top",
    whiteSpace: "pre-wrap",
    wordBreak: "break-word",
    textAlign: "left",
  },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  selected: { outline: "2px solid " + SELECTED_OUTLINE, outlineOffset: -2 },
  empty: { padding: 16, fontSize: 13 },
});

/** Characters a column keeps side by side before its text wraps, as Excel's default width does. */
const WRAP_AFTER_CHARACTERS = 8;

/**
 * The grid knows no column widths; without a floor a narrow window squeezes Chinese text to a
 * character per line. A single-column cell asks for room for its first few characters.
 */
function cellStyle(text: string, columns: number, mark: Severity | undefined): React.CSSProperties {
  const style: React.CSSProperties = {};
  if (columns === 1 && text.length > 0) {
    style.minWidth = Math.min(text.length, WRAP_AFTER_CHARACTERS) + "em";
  }
  if (mark) style.backgroundColor = "#" + MARK_FILL_COLOURS[mark];
  return style;
}

const cellKey = (row: number, column: number) => row * 16384 + column;

interface SpanLayout {
  /** Top-left visible cell of a merged area → how far it spans within the window. */
  readonly spans: Map<number, { rows: number; columns: number; row: number; column: number }>;
  /** Cells drawn by a span above or to their left. */
  readonly covered: Set<number>;
}

/** Merged areas clipped to the window: an area that starts above it spans from its first row. */
function spanLayout(sheet: SheetGrid, firstRow: number, lastRow: number, lastColumn: number) {
  const layout: SpanLayout = { spans: new Map(), covered: new Set() };
  sheet.merges.forEach((area) => {
    if (area.bottom < firstRow || area.top > lastRow || area.left > lastColumn) return;
    const top = Math.max(area.top, firstRow);
    const bottom = Math.min(area.bottom, lastRow);
    const right = Math.min(area.right, lastColumn);
    layout.spans.set(cellKey(top, area.left), {
      rows: bottom - top + 1,
      columns: right - area.left + 1,
      row: area.top,
      column: area.left,
    });
    for (let row = top; row <= bottom; row++) {
      for (let column = area.left; column <= right; column++) {
        if (row !== top || column !== area.left) layout.covered.add(cellKey(row, column));
      }
    }
  });
  return layout;
}

/** The address the preview draws a cell at: a merged area's top-left cell for any of its cells. */
function drawnAddress(sheet: SheetGrid, address: string): { row: number; column: number } | null {
  const position = parseA1(address);
  if (!position) return null;
  const area = sheet.mergeAt(position.row, position.column);
  return area ? { row: area.top, column: area.left } : position;
}

function firstRowShowing(row: number, rowCount: number): number {
  const first = Math.max(1, row - ROWS_ABOVE_SELECTION);
  return Math.max(1, Math.min(first, rowCount - PREVIEW_ROWS + 1));
}

/**
 * A read-only view of the workbook's sheets: a tab per sheet and a grid of what each cell
 * displays, merged cells merged, problem cells in the fills scoring gave them. A selected
 * problem's cell is outlined, marked data-selected/aria-selected and scrolled into view.
 */
export function WorkbookPreview({ grid, marks, selection, strings }: WorkbookPreviewProps) {
  const [activeName, setActiveName] = React.useState(() =>
    grid.sheets.length > 0 ? grid.sheets[0].name : ""
  );
  const [firstRow, setFirstRow] = React.useState(1);
  const scroller = React.useRef<HTMLDivElement>(null);
  const pendingScroll = React.useRef<string | null>(null);

  const sheet =
    grid.sheets.filter((candidate) => candidate.name === activeName)[0] || grid.sheets[0];
  const selectedSheet = selection
    ? grid.sheets.filter((candidate) => candidate.name === selection.sheet)[0]
    : undefined;
  const selected = selection && selectedSheet ? drawnAddress(selectedSheet, selection.cell) : null;

  // A new selection: show its sheet and move the window to its row.
  React.useEffect(() => {
    if (!selection || !selectedSheet || !selected) return;
    setActiveName(selectedSheet.name);
    setFirstRow((current) =>
      selected.row >= current && selected.row < current + PREVIEW_ROWS
        ? current
        : firstRowShowing(selected.row, selectedSheet.rowCount)
    );
    pendingScroll.current = toA1(selected.row, selected.column);
    // Only a new selection moves the view; tabs and paging move it otherwise.
  }, [selection ? selection.serial : -1]);

  // Scroll once the selected cell is drawn (possibly a render after the selection came in).
  React.useEffect(() => {
    const address = pendingScroll.current;
    if (!address || !scroller.current) return;
    const element = scroller.current.querySelector('[data-cell="' + address + '"]');
    if (!element) return;
    pendingScroll.current = null;
    if (typeof element.scrollIntoView === "function") {
      // Sideways only as far as needed: centring would slide column A under the sticky row
      // numbers and cut the start of its labels ("项目名称" showing as "名称").
      element.scrollIntoView({ block: "center", inline: "nearest" });
    }
  });

  const markBySheetCell = React.useMemo(() => {
    const bySheet = new Map<string, Severity>();
    marks.forEach((mark) => bySheet.set(mark.sheet + "!" + mark.cell, mark.severity));
    return bySheet;
  }, [marks]);
  // 提示 marks (light blue) only where a rule set did something: the legend names them then.
  const hasInfo = marks.some((mark) => mark.severity === "info");

  if (!sheet) return null;
  const showTab = (name: string) => {
    setActiveName(name);
    setFirstRow(1);
  };

  const rowCount = sheet.rowCount;
  const first = Math.min(firstRow, Math.max(1, rowCount));
  const last = Math.min(rowCount, first + PREVIEW_ROWS - 1);
  const lastColumn = Math.min(sheet.columnCount, PREVIEW_COLUMNS);
  const layout = spanLayout(sheet, first, last, lastColumn);
  const isSelected = (row: number, column: number) =>
    Boolean(
      selected && selectedSheet === sheet && selected.row === row && selected.column === column
    );

  const columns: number[] = [];
  for (let column = 1; column <= lastColumn; column++) columns.push(column);
  const rows: React.ReactNode[] = [];
  for (let row = first; row <= last; row++) {
    const cells: React.ReactNode[] = [];
    columns.forEach((column) => {
      const key = cellKey(row, column);
      if (layout.covered.has(key)) return;
      const span = layout.spans.get(key);
      // A merged area starting above the window shows its top-left cell's text in its first row.
      const sourceRow = span ? span.row : row;
      const content = sheet.cell(sourceRow, column);
      const address = toA1(sourceRow, column);
      const mark = markBySheetCell.get(sheet.name + "!" + address);
      const chosen = isSelected(sourceRow, column);
      const className =
        classes.cell +
        (content && typeof content.value === "number" ? " " + classes.number : "") +
        (chosen ? " " + classes.selected : "");
      cells.push(
        <td
          key={column}
          role="gridcell"
          className={className}
          rowSpan={span && span.rows > 1 ? span.rows : undefined}
          colSpan={span && span.columns > 1 ? span.columns : undefined}
          style={cellStyle(content ? content.text : "", span ? span.columns : 1, mark)}
          data-cell={address}
          data-mark={mark}
          data-selected={chosen ? "true" : undefined}
          aria-selected={chosen ? true : undefined}
        >
          {content ? content.text : ""}
        </td>
      );
    });
    rows.push(
      <tr key={row}>
        <th scope="row" className={classes.rowHeader}>
          {row}
        </th>
        {cells}
      </tr>
    );
  }

  return (
    <section className={classes.preview} aria-label={strings.previewHeading}>
      <h2 className={classes.heading}>{strings.previewHeading}</h2>
      <div role="tablist" aria-label={strings.previewSheets} className={classes.tabs}>
        {grid.sheets.map((candidate) => (
          <button
            key={candidate.name}
            type="button"
            role="tab"
            aria-selected={candidate === sheet}
            className={classes.tab + (candidate === sheet ? " " + classes.activeTab : "")}
            onClick={() => showTab(candidate.name)}
          >
            {candidate.name}
          </button>
        ))}
      </div>
      {rowCount === 0 ? (
        <p className={classes.empty}>{strings.previewEmptySheet}</p>
      ) : (
        <>
          <div className={classes.toolbar}>
            <span>{strings.previewRows(first, last, rowCount)}</span>
            {rowCount > PREVIEW_ROWS && (
              <>
                <DefaultButton
                  text={strings.previewEarlierRows}
                  disabled={first <= 1}
                  onClick={() => setFirstRow(Math.max(1, first - PREVIEW_ROWS))}
                />
                <DefaultButton
                  text={strings.previewLaterRows}
                  disabled={last >= rowCount}
                  onClick={() => setFirstRow(first + PREVIEW_ROWS)}
                />
              </>
            )}
            {sheet.columnCount > lastColumn && (
              <span>{strings.previewColumnsCut(lastColumn, sheet.columnCount)}</span>
            )}
            {marks.length > 0 && (
              <span>
                <span
                  className={classes.legendSwatch}
                  style={{ backgroundColor: "#" + MARK_FILL_COLOURS.error }}
                />
                {strings.previewLegendError}
              </span>
            )}
            {marks.length > 0 && (
              <span>
                <span
                  className={classes.legendSwatch}
                  style={{ backgroundColor: "#" + MARK_FILL_COLOURS.warning }}
                />
                {strings.previewLegendWarning}
              </span>
            )}
            {hasInfo && (
              <span>
                <span
                  className={classes.legendSwatch}
                  style={{ backgroundColor: "#" + MARK_FILL_COLOURS.info }}
                />
                {strings.previewLegendInfo}
              </span>
            )}
          </div>
          <div className={classes.scroller} ref={scroller} role="tabpanel" aria-label={sheet.name}>
            <table
              className={classes.table}
              role="grid"
              aria-readonly="true"
              data-sheet={sheet.name}
            >
              <thead>
                <tr>
                  <th className={classes.columnHeader + " " + classes.corner} aria-hidden="true" />
                  {columns.map((column) => (
                    <th key={column} scope="col" className={classes.columnHeader}>
                      {columnLetters(column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{rows}</tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
