/**
 * Writes one worksheet part of the 汇总 workbook. Text is always an inline string (so "=1+1" from a
 * cell stays text), numbers are values with a number format, and the only formulas are the total
 * row's own, written here with their results cached so every reader shows them without
 * recalculating.
 */
import { columnLetters, toA1, wrappedLineCount } from "../../../engine";
import { escapeSpreadsheetText, escapeXmlAttribute, escapeXmlText } from "../xmlText";
import type { CellStyle, StyleBook } from "./styleBook";

export type SummaryCell =
  | null
  | { readonly text: string; readonly style?: CellStyle; readonly link?: string }
  | { readonly number: number; readonly style?: CellStyle }
  | {
      readonly formula: string;
      /** The result as computed when writing, shown until the reader recalculates. */
      readonly cached: number | string;
      readonly style?: CellStyle;
    };

export interface PageSetup {
  readonly landscape: boolean;
}

export interface SheetRelationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

const RELATIONSHIP_TYPES = {
  hyperlink: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
};

/** Excel keeps at most this many characters in a cell. */
export const CELL_TEXT_LIMIT = 32767;
const TRUNCATED = "…（已截断）";
/** Points per line of 10-point text, and what a wrapped cell adds around its lines. */
const LINE_HEIGHT = 13.5;
const DEFAULT_HEIGHT = 14.25;

/** Text as a cell can hold it: cut at Excel's limit with a visible mark. */
export function cellText(text: string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  let cut = CELL_TEXT_LIMIT - TRUNCATED.length;
  // Never split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut) + TRUNCATED;
}

export class SheetWriter {
  private readonly rows: string[] = [];
  private readonly merges: string[] = [];
  private readonly hyperlinks: Array<{ ref: string; target: string }> = [];
  private readonly relationships: SheetRelationship[] = [];
  private widths: number[] = [];
  private frozen: { row: number; column: number } | null = null;
  private filter: string | null = null;
  private lastColumn = 1;
  private drawingId: string | null = null;
  private rowCount = 0;

  constructor(
    readonly name: string,
    private readonly styles: StyleBook,
    private readonly page: PageSetup = { landscape: true }
  ) {}

  /** Column widths in Excel's units (the width of "0"), column A first. */
  columns(widths: readonly number[]): void {
    this.widths = widths.slice();
  }

  /** The next row's number. */
  get nextRow(): number {
    return this.rowCount + 1;
  }

  /** Adds a row (column A first); returns its number. Wrapped text makes the row taller. */
  addRow(cells: readonly SummaryCell[], options: { height?: number } = {}): number {
    const r = ++this.rowCount;
    let markup = "";
    let lines = 1;
    cells.forEach((cell, index) => {
      if (cell === null) return;
      const reference = toA1(r, index + 1);
      this.lastColumn = Math.max(this.lastColumn, index + 1);
      const style = cell.style ? this.styles.index(cell.style) : 0;
      const s = style === 0 ? "" : ` s="${style}"`;
      if ("text" in cell) {
        const text = cellText(cell.text);
        if (cell.link !== undefined) this.hyperlinks.push({ ref: reference, target: cell.link });
        if (text === "") {
          if (style !== 0) markup += `<c r="${reference}"${s}/>`;
          return;
        }
        markup += `<c r="${reference}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeSpreadsheetText(text)}</t></is></c>`;
        if (cell.style && cell.style.wrap) {
          // A cell pads about one unit of its column.
          const usable = Math.max(1, (this.widths[index] || 8.43) - 1);
          // No character is wider than two units: a short text without a line break is one
          // line, counted or not.
          if (text.length * 2 > usable || /[\r\n]/.test(text))
            lines = Math.max(lines, wrappedLineCount(text, usable));
        }
      } else if ("number" in cell) {
        markup += isFinite(cell.number)
          ? `<c r="${reference}"${s}><v>${String(cell.number)}</v></c>`
          : `<c r="${reference}"${s} t="e"><v>#NUM!</v></c>`;
      } else {
        const cached =
          typeof cell.cached === "number"
            ? `<v>${String(cell.cached)}</v>`
            : `<v>${escapeXmlText(cell.cached)}</v>`;
        const type = typeof cell.cached === "number" ? "" : ' t="str"';
        markup += `<c r="${reference}"${s}${type}><f>${escapeXmlText(cell.formula)}</f>${cached}</c>`;
      }
    });
    const height =
      options.height !== undefined
        ? options.height
        : lines > 1
          ? Math.round((lines * LINE_HEIGHT + 3) * 4) / 4
          : null;
    const size = height === null ? "" : ` ht="${height}" customHeight="1"`;
    if (markup !== "" || height !== null) this.rows.push(`<row r="${r}"${size}>${markup}</row>`);
    return r;
  }

  /** Leaves a row empty. */
  skipRow(): number {
    return ++this.rowCount;
  }

  merge(range: string): void {
    this.merges.push(range);
  }

  /** Freezes the rows above and the columns left of (row, column), 1-based. */
  freeze(row: number, column: number): void {
    this.frozen = { row, column };
  }

  autoFilter(range: string): void {
    this.filter = range;
  }

  /** The range the filter covers, for the workbook's hidden _FilterDatabase name. */
  get filterRange(): string | null {
    return this.filter;
  }

  /** Anchors a drawing part (a chart) on the sheet; returns its relationship id. */
  addDrawing(target: string): string {
    this.drawingId = this.addRelationship("drawing", target, false);
    return this.drawingId;
  }

  private addRelationship(
    type: keyof typeof RELATIONSHIP_TYPES,
    target: string,
    external: boolean
  ): string {
    const id = "rId" + (this.relationships.length + 1);
    this.relationships.push({ id, type: RELATIONSHIP_TYPES[type], target, external });
    return id;
  }

  /** The worksheet part and its relationships. */
  toXml(): { xml: string; relationships: readonly SheetRelationship[] } {
    const columnCount = Math.max(this.lastColumn, this.widths.length);
    const dimension =
      this.rowCount === 0 ? "A1" : "A1:" + columnLetters(columnCount) + this.rowCount;
    let views = '<sheetView workbookViewId="0"';
    if (this.frozen && (this.frozen.row > 1 || this.frozen.column > 1)) {
      const topLeft = toA1(this.frozen.row, this.frozen.column);
      const xSplit = this.frozen.column - 1;
      const ySplit = this.frozen.row - 1;
      const pane =
        xSplit > 0 && ySplit > 0 ? "bottomRight" : ySplit > 0 ? "bottomLeft" : "topRight";
      views +=
        "><pane" +
        (xSplit > 0 ? ` xSplit="${xSplit}"` : "") +
        (ySplit > 0 ? ` ySplit="${ySplit}"` : "") +
        ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView>`;
    } else views += "/>";
    const cols =
      this.widths.length === 0
        ? ""
        : "<cols>" +
          this.widths
            .map(
              (width, index) =>
                `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`
            )
            .join("") +
          "</cols>";
    // Relationship ids for links are given here, after the drawing's, in the order of the cells.
    const links = this.hyperlinks.map((link) => ({
      ref: link.ref,
      id: this.addRelationship("hyperlink", link.target, true),
    }));
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<dimension ref="${dimension}"/>` +
      `<sheetViews>${views}</sheetViews>` +
      `<sheetFormatPr defaultRowHeight="${DEFAULT_HEIGHT}"/>` +
      cols +
      `<sheetData>${this.rows.join("")}</sheetData>` +
      (this.filter ? `<autoFilter ref="${this.filter}"/>` : "") +
      (this.merges.length > 0
        ? `<mergeCells count="${this.merges.length}">` +
          this.merges.map((range) => `<mergeCell ref="${range}"/>`).join("") +
          "</mergeCells>"
        : "") +
      (links.length > 0
        ? "<hyperlinks>" +
          links.map((link) => `<hyperlink ref="${link.ref}" r:id="${link.id}"/>`).join("") +
          "</hyperlinks>"
        : "") +
      '<printOptions horizontalCentered="1"/>' +
      '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
      // A4 (9), fitted to the page width; as many pages down as the rows need.
      `<pageSetup paperSize="9" orientation="${this.page.landscape ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"/>` +
      `<headerFooter><oddFooter>${escapeXmlText("&C第 &P 页，共 &N 页")}</oddFooter></headerFooter>` +
      (this.drawingId ? `<drawing r:id="${this.drawingId}"/>` : "") +
      "</worksheet>";
    return { xml, relationships: this.relationships.slice() };
  }
}

/** A relationships part listing the given relationships. */
export function relationshipsXml(relationships: readonly SheetRelationship[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    relationships
      .map(
        (relationship) =>
          `<Relationship Id="${relationship.id}" Type="${relationship.type}" Target="${escapeXmlAttribute(relationship.target)}"` +
          (relationship.external ? ' TargetMode="External"' : "") +
          "/>"
      )
      .join("") +
    "</Relationships>"
  );
}
