/**
 * One plan, three writers: the scored copy (.xlsx, read back with ExcelJS), the Office.js adapter
 * (the fake Excel) and the WPS adapter (the fake ET) must hold the same output sheets cell by cell
 * — value, kind, number format, bold, font size, fill, border, alignment, wrap — with the same
 * merges, row heights, column widths and page setup, and the same marks on the user's cells. The
 * plan is a real scoring run plus a sheet of the cases the writers once disagreed on.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { buildWritePlan } from "../../src/engine/output/buildWritePlan";
import { fingerprintTexts } from "../../src/engine/output/fingerprintTexts";
import { outputSheetTexts } from "../../src/engine/output/outputSheetTexts";
import { layOutSheet } from "../../src/engine/output/sheetLayout";
import type { OutputRow, OutputSheet, WritePlan } from "../../src/engine/output/types";
import { toA1 } from "../../src/engine/grid/address";
import { scoreWorkbook } from "../../src/engine/scoreWorkbook";
import { readXlsxGrid } from "../../src/workbook/xlsx/readXlsxGrid";
import { writeScoredCopy } from "../../src/workbook/xlsx/writeScoredCopy";
import { cellAt, type FakeSheetState, type FakeWorkbook } from "../helpers/fakeExcel";
import { fakeHost, fixturePath, seedFromXlsx } from "./office/officeTestKit";
import { fakeWps } from "./wps/wpsTestKit";

/** What a cell of an output sheet shows, the same way for every host. */
interface CellDigest {
  readonly value: string | number | null;
  readonly kind: "text" | "number" | "error" | "blank";
  readonly format: string;
  readonly bold: boolean;
  readonly size: number;
  readonly fill: string | null;
  readonly border: boolean;
  readonly horizontal: string | null;
  readonly vertical: string | null;
  readonly wrap: boolean;
}

interface SheetDigest {
  readonly cells: Record<string, CellDigest>;
  readonly merges: string[];
  readonly rowHeights: Record<number, number>;
  readonly columnWidths: Record<number, number>;
  readonly page: { paper: string; orientation: string; wide: number; tall: number } | null;
}

interface BookDigest {
  readonly sheets: Record<string, SheetDigest>;
  /** Fills and notes of the user's cells that the write changed, "sheet!A1". */
  readonly marks: Record<string, { fill: string | null; note: string | null }>;
}

const EDGE_SHEET_NAME = "版式样例";

/** The cases the writers disagreed on, or could: every style, kinds, merges, heights. */
const EDGE_ROWS: OutputRow[] = [
  { cells: [{ text: "版式样例：各种单元格", style: "title" }], mergeAcross: 4 },
  {
    cells: [
      { text: "=SUM(A1)", style: "tableHeader" },
      { text: "+1", style: "tableCell" },
      { text: "-x", style: "body" },
      { text: "@x", style: "heading" },
      { text: "001" },
    ],
  },
  {
    cells: [
      { number: 92.5, format: "0.00", style: "tableCell" },
      { number: 0.925, format: "0.00%", style: "error" },
      { number: Infinity, format: "0.00", style: "warning" },
      { number: NaN, style: "info" },
      { number: 7 },
    ],
  },
  { cells: [{ text: "", style: "tableCell" }, null, { text: "", style: "error" }] },
  { cells: [] },
  {
    cells: [{ text: "一段很长的说明文字，".repeat(40), style: "body" }],
    mergeAcross: 3,
  },
  { cells: [{ text: "第二段，同样合并三列。".repeat(3), style: "body" }], mergeAcross: 3 },
  {
    cells: [
      { text: "不合并的行", style: "heading" },
      { text: "第二行\n第三行", style: "body" },
    ],
  },
];

const EDGE_SHEET: OutputSheet = {
  owner: "results",
  preferredName: EDGE_SHEET_NAME,
  columnWidths: [20, 0, 12, 8],
  rows: EDGE_ROWS,
  printFitWidth: true,
  fingerprint: fingerprintTexts(outputSheetTexts(EDGE_ROWS)),
};

function blankDigest(): CellDigest {
  return {
    value: null,
    kind: "blank",
    format: "General",
    bold: false,
    size: 11,
    fill: null,
    border: false,
    horizontal: null,
    vertical: null,
    wrap: false,
  };
}

/** Excel's width in characters from the points Office.js takes (inverse of columnWidthPoints). */
function characters(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

/** The extent each output sheet is compared over: what the layout spans. */
function extents(plan: WritePlan): Map<string, { rows: number; columns: number }> {
  const map = new Map<string, { rows: number; columns: number }>();
  for (const placed of plan.sheets) {
    const layout = layOutSheet(placed.sheet);
    map.set(placed.name, { rows: layout.rowCount, columns: layout.columnCount });
  }
  return map;
}

/** The fakes' state (shared by fake Excel and fake ET), as a digest. */
function fakeDigest(
  book: FakeWorkbook,
  plan: WritePlan,
  userSheets: ReadonlyMap<string, FakeSheetState>,
  widthsInPoints: boolean
): BookDigest {
  const sheets: Record<string, SheetDigest> = {};
  extents(plan).forEach((extent, name) => {
    const state = book.sheets.find((sheet) => sheet.name === name);
    if (!state) throw new Error("no output sheet " + name);
    const cells: Record<string, CellDigest> = {};
    for (let r = 1; r <= extent.rows; r++) {
      for (let c = 1; c <= extent.columns; c++) {
        const cell = cellAt(state, toA1(r, c));
        const kind = cell.error
          ? "error"
          : cell.value === null
            ? "blank"
            : typeof cell.value === "number"
              ? "number"
              : "text";
        cells[toA1(r, c)] = {
          value: cell.value === null ? null : (cell.value as string | number),
          kind,
          format: cell.numberFormat,
          bold: cell.bold === true,
          size: cell.fontSize ?? 11,
          fill: cell.fill,
          border: (cell.borders ?? []).length > 0,
          horizontal: cell.horizontal ?? null,
          vertical: cell.vertical ?? null,
          wrap: cell.wrap === true,
        };
      }
    }
    const rowHeights: Record<number, number> = {};
    state.rowHeights.forEach((height, row) => (rowHeights[row] = height));
    const columnWidths: Record<number, number> = {};
    state.columnWidths.forEach(
      (width, column) => (columnWidths[column] = widthsInPoints ? characters(width) : width)
    );
    const layout = state.pageLayout as {
      paperSize?: string;
      orientation?: string;
      zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number };
    };
    sheets[name] = {
      cells,
      merges: state.merges.map((m) => toA1(m.top, m.left) + ":" + toA1(m.bottom, m.right)).sort(),
      rowHeights,
      columnWidths,
      page: layout.paperSize
        ? {
            paper: layout.paperSize,
            orientation: String(layout.orientation).toLowerCase(),
            wide: Number(layout.zoom?.horizontalFitToPages),
            tall: Number(layout.zoom?.verticalFitToPages),
          }
        : null,
    };
  });
  const marks: BookDigest["marks"] = {};
  userSheets.forEach((before, name) => {
    const after = book.sheets.find((sheet) => sheet.name === name)!;
    const cells = new Set<string>();
    after.cells.forEach((cell, key) => {
      const old = before.cells.get(key);
      if ((old ? old.fill : null) !== cell.fill)
        cells.add(toA1(Math.floor(key / 16384), key % 16384));
    });
    after.notes.forEach((_note, cell) => cells.add(cell));
    cells.forEach((cell) => {
      marks[name + "!" + cell] = {
        fill: cellAt(after, cell).fill,
        note: after.notes.get(cell) ?? null,
      };
    });
  });
  return { sheets, marks };
}

function argbHex(argb: string | undefined): string | null {
  return argb ? "#" + argb.slice(-6).toUpperCase() : null;
}

function capitalised(value: string | undefined): string | null {
  return value ? value.charAt(0).toUpperCase() + value.slice(1) : null;
}

/** The scored copy, read back with ExcelJS, as a digest. */
async function xlsxDigest(
  bytes: Uint8Array,
  plan: WritePlan,
  userSheets: readonly string[],
  original: ExcelJS.Workbook
): Promise<BookDigest> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: Record<string, SheetDigest> = {};
  extents(plan).forEach((extent, name) => {
    const worksheet = workbook.getWorksheet(name);
    if (!worksheet) throw new Error("no output sheet " + name);
    const cells: Record<string, CellDigest> = {};
    for (let r = 1; r <= extent.rows; r++) {
      for (let c = 1; c <= extent.columns; c++) {
        const cell = worksheet.getCell(r, c);
        // ExcelJS answers a covered cell of a merge with its master's value; the file has none.
        const covered = cell.isMerged && cell.master !== cell;
        const raw = covered ? null : (cell.value as unknown);
        const error =
          raw && typeof raw === "object" && "error" in raw
            ? String((raw as { error: string }).error)
            : null;
        const value =
          error ?? (raw === null || raw === undefined ? null : (raw as string | number));
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        const border = cell.border;
        cells[toA1(r, c)] = {
          value,
          kind:
            error !== null
              ? "error"
              : value === null
                ? "blank"
                : typeof value === "number"
                  ? "number"
                  : "text",
          format: cell.numFmt || "General",
          bold: cell.font?.bold === true,
          size: cell.font?.size ?? 11,
          fill:
            fill && fill.type === "pattern" && fill.pattern === "solid"
              ? argbHex(fill.fgColor?.argb)
              : null,
          border: Boolean(
            border &&
            border.top?.style === "thin" &&
            border.bottom?.style === "thin" &&
            border.left?.style === "thin" &&
            border.right?.style === "thin"
          ),
          horizontal: capitalised(cell.alignment?.horizontal),
          // ExcelJS names the file's vertical="center" "middle".
          vertical: capitalised(cell.alignment?.vertical)?.replace("Middle", "Center") ?? null,
          wrap: cell.alignment?.wrapText === true,
        };
      }
    }
    const rowHeights: Record<number, number> = {};
    for (let r = 1; r <= extent.rows; r++) {
      const row = worksheet.getRow(r);
      if (row.height !== undefined) rowHeights[r] = row.height;
    }
    const columnWidths: Record<number, number> = {};
    (worksheet.columns ?? []).forEach((column, index) => {
      if (column.width !== undefined) columnWidths[index + 1] = column.width;
    });
    const setup = worksheet.pageSetup;
    sheets[name] = {
      cells,
      merges: ((worksheet.model as { merges?: string[] }).merges ?? []).slice().sort(),
      rowHeights,
      columnWidths,
      page:
        setup.paperSize === 9
          ? {
              paper: "A4",
              orientation: String(setup.orientation),
              wide: Number(setup.fitToWidth),
              tall: Number(setup.fitToHeight),
            }
          : null,
    };
  });
  const marks: BookDigest["marks"] = {};
  for (const name of userSheets) {
    const before = original.getWorksheet(name)!;
    const after = workbook.getWorksheet(name)!;
    after.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const old = before.getCell(cell.address);
        const fillOf = (target: ExcelJS.Cell): string | null => {
          const fill = target.fill as ExcelJS.FillPattern | undefined;
          return fill && fill.type === "pattern" && fill.pattern === "solid"
            ? argbHex(fill.fgColor?.argb)
            : null;
        };
        const note = cell.note;
        const text =
          note === undefined
            ? null
            : typeof note === "string"
              ? note
              : (note.texts ?? []).map((run) => run.text).join("");
        if (fillOf(old) !== fillOf(cell) || text !== null)
          marks[name + "!" + cell.address] = { fill: fillOf(cell), note: text };
      });
    });
  }
  return { sheets, marks };
}

function snapshot(book: FakeWorkbook): Map<string, FakeSheetState> {
  const copies = new Map<string, FakeSheetState>();
  for (const sheet of book.sheets)
    copies.set(sheet.name, { ...sheet, cells: new Map(sheet.cells), notes: new Map(sheet.notes) });
  return copies;
}

describe.each(["department-education-2024", "project-school-safety-2024"])(
  "%s: one plan through the three writers",
  (fixture) => {
    test("the same cells, merges, heights, widths, page setup and marks", async () => {
      const bytes = new Uint8Array(readFileSync(fixturePath(fixture)));
      const workbook = await readXlsxGrid(bytes);
      const scored = buildWritePlan(scoreWorkbook(workbook.grid), workbook.grid);
      const first = scored.marks[0];
      const plan: WritePlan = {
        // A second mark on a marked cell, its address written otherwise: one mark, graver colour.
        marks: scored.marks.concat([
          { ...first, cell: "$" + first.cell.toLowerCase(), severity: "error", note: "再加一条" },
        ]),
        sheets: scored.sheets.concat([
          { sheet: EDGE_SHEET, name: EDGE_SHEET_NAME, mode: "create" },
        ]),
      };
      const userSheets = workbook.grid.sheets.map((sheet) => sheet.name);

      const original = new ExcelJS.Workbook();
      await original.xlsx.load(bytes as unknown as ArrayBuffer);
      const fromFile = await xlsxDigest(
        await writeScoredCopy(bytes, plan, { zip: workbook.zip }),
        plan,
        userSheets,
        original
      );

      const office = fakeHost();
      await seedFromXlsx(office.book, fixturePath(fixture));
      const officeBefore = snapshot(office.book);
      await office.port.write(plan);
      const fromExcel = fakeDigest(office.book, plan, officeBefore, true);

      const wps = fakeWps();
      await seedFromXlsx(wps.host.book, fixturePath(fixture));
      const wpsBefore = snapshot(wps.host.book);
      await wps.port.write(plan);
      const fromWps = fakeDigest(wps.host.book, plan, wpsBefore, false);

      // The comparison is cell by cell, so a difference names its sheet and cell.
      for (const name of Object.keys(fromFile.sheets)) {
        expect({ [name]: fromExcel.sheets[name] }).toEqual({ [name]: fromFile.sheets[name] });
        expect({ [name]: fromWps.sheets[name] }).toEqual({ [name]: fromFile.sheets[name] });
      }
      expect(fromExcel.marks).toEqual(fromFile.marks);
      expect(fromWps.marks).toEqual(fromFile.marks);

      // What they agree on is what the layout says: spot checks against it.
      const edge = fromFile.sheets[EDGE_SHEET_NAME];
      expect(edge.cells.A2).toMatchObject({ value: "=SUM(A1)", kind: "text", format: "@" });
      expect(edge.cells.E2).toMatchObject({ value: "001", kind: "text", format: "@" });
      expect(edge.cells.C3).toMatchObject({ value: "#NUM!", kind: "error", fill: "#FFEB9C" });
      expect(edge.cells.D3).toMatchObject({ value: "#NUM!", kind: "error", format: "General" });
      expect(edge.cells.B3).toMatchObject({ value: 0.925, kind: "number", format: "0.00%" });
      expect(edge.cells.A4).toEqual({
        ...blankDigest(),
        border: true,
        vertical: "Center",
        wrap: true,
      });
      expect(edge.cells.B1).toMatchObject({ kind: "blank", bold: true, size: 14 });
      expect(edge.merges).toEqual(["A1:D1", "A6:C6", "A7:C7"]);
      expect(edge.rowHeights[6]).toBeGreaterThan(15);
      expect(edge.columnWidths).toEqual({ 1: 20, 3: 12, 4: 8 });
      expect(edge.page).toEqual({ paper: "A4", orientation: "portrait", wide: 1, tall: 0 });
      const marked = fromFile.marks[first.sheet + "!" + first.cell];
      expect(marked.fill).toBe("#FFC7CE");
      expect(marked.note).toBe(first.note + "\n再加一条");
    });
  }
);
