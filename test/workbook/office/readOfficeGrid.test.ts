/**
 * Reading the open workbook through Office.js gives the engine what reading the file gives it,
 * on a host with every API set and on one with ExcelApi 1.1 only.
 */
import { readFileSync } from "fs";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { readXlsxGrid } from "../../../src/workbook/xlsx/readXlsxGrid";
import { MARK_RECORD_SETTING } from "../../../src/workbook/office/fillRecord";
import { OWNER_RECORD_SETTING } from "../../../src/workbook/office/settingsOwners";
import { setCell, setRows } from "../../helpers/fakeExcel";
import {
  FIXTURES,
  HOSTS,
  fakeHost,
  fixturePath,
  gridDigest,
  seedFromXlsx,
  seedLargeDepartmentTable,
} from "./officeTestKit";

describe.each(FIXTURES)("reading %s", (fixture) => {
  test.each(HOSTS)(
    "on a host with $label: the same grid, scores and problems as the file",
    async ({ maxApi }) => {
      const { book, port } = fakeHost(maxApi);
      await seedFromXlsx(book, fixturePath(fixture));
      const fromExcel = await port.read();
      const fromFile = (await readXlsxGrid(readFileSync(fixturePath(fixture)))).grid;

      // Merged areas can be read from ExcelApi 1.13 on; the engine reads these forms without them.
      const withMerges = maxApi === undefined;
      expect(gridDigest(fromExcel, { merges: withMerges })).toEqual(
        gridDigest(fromFile, { merges: withMerges })
      );
      const excelResult = scoreWorkbook(fromExcel);
      const fileResult = scoreWorkbook(fromFile);
      expect(excelResult.report).toEqual(fileResult.report);
      expect(excelResult.problems).toEqual(fileResult.problems);
      expect(excelResult.forms.length).toBeGreaterThan(0);
    }
  );

  test("both hosts give the same scores and problems", async () => {
    const reports = [];
    for (const { maxApi } of HOSTS) {
      const { book, port } = fakeHost(maxApi);
      await seedFromXlsx(book, fixturePath(fixture));
      const result = scoreWorkbook(await port.read());
      reports.push({ report: result.report, problems: result.problems });
    }
    expect(reports[1]).toEqual(reports[0]);
  });
});

describe.each(HOSTS)("reading on a host with $label", ({ maxApi }) => {
  test("formulas, their results, error values, dates and text that only looks like an error", async () => {
    const { book, port } = fakeHost(maxApi);
    const sheet = book.addSheet("表1");
    setRows(sheet, [["名称", "数值"]]);
    setCell(sheet, 2, 1, { value: "比率" });
    setCell(sheet, 2, 2, { value: 0.955, numberFormat: "0.00%" });
    setCell(sheet, 3, 2, { formula: "=1/0", value: "#DIV/0!", error: true });
    setCell(sheet, 4, 2, { value: "#N/A", error: true });
    setCell(sheet, 5, 2, { value: "#N/A" }); // typed as text
    setCell(sheet, 6, 2, { value: 45292, numberFormat: "yyyy-mm-dd" });
    setCell(sheet, 7, 2, { formula: "=B2*100", value: 95.5 });
    const grid = await port.read();
    const read = grid.sheets[0];
    expect(read.cell(2, 2)).toMatchObject({ value: 0.955, text: "95.50%", numberFormat: "0.00%" });
    expect(read.cell(3, 2)).toMatchObject({ value: { error: "#DIV/0!" }, formula: "1/0" });
    expect(read.cell(4, 2)).toMatchObject({ value: { error: "#N/A" }, formula: null });
    expect(read.cell(5, 2)).toMatchObject({ value: "#N/A", formula: null });
    expect(read.cell(6, 2)).toMatchObject({ value: "2024-01-01" });
    expect(read.cell(7, 2)).toMatchObject({ value: 95.5, formula: "B2*100" });
  });

  test("text typed with a leading apostrophe or into a text cell that starts with = is text, not a formula", async () => {
    const { book, port } = fakeHost(maxApi);
    const sheet = book.addSheet("表1");
    setRows(sheet, [["名称", "说明"]]);
    // Excel's `formulas` gives a text cell's text as typed: "=SUM(A1)" for both cells.
    setCell(sheet, 2, 2, { value: "=SUM(A1)" });
    setCell(sheet, 3, 2, { value: "=按实际完成", numberFormat: "@" });
    setCell(sheet, 4, 2, { formula: "=A1", value: "名称" });
    const read = (await port.read()).sheets[0];
    expect(read.cell(2, 2)).toMatchObject({ value: "=SUM(A1)", formula: null });
    expect(read.cell(3, 2)).toMatchObject({ value: "=按实际完成", formula: null });
    expect(read.cell(4, 2)).toMatchObject({ value: "名称", formula: "A1" });
  });

  test("formatting carried down to row 65,536 is not read cell by cell", async () => {
    const plain = fakeHost(maxApi);
    await seedFromXlsx(plain.book, fixturePath("project-school-safety-2024"));
    const expected = gridDigest(await plain.port.read());
    const plainSyncs = plain.book.syncCount;

    const { book, port } = fakeHost(maxApi);
    await seedFromXlsx(book, fixturePath("project-school-safety-2024"));
    const sheet = book.sheets[0];
    // A template exported from a finance system: number formats and borders on every row.
    for (let row = 1; row <= 65536; row++) {
      for (let column = 1; column <= 8; column++) {
        if (!sheet.cells.has(row * 16384 + column))
          setCell(sheet, row, column, { numberFormat: "@", borders: ["EdgeTop"] });
      }
    }
    const grid = await port.read();
    expect(gridDigest(grid)).toEqual(expected);
    if (maxApi === undefined) {
      // Values only (ExcelApi 1.2): the formatted blank rows are never asked for.
      expect(book.cellsLoaded).toBeLessThan(10000);
      expect(book.syncCount).toBe(plainSyncs);
    } else {
      // ExcelApi 1.1: the formatted rows are scanned once (one array, formulas only, for the
      // used range's 9 columns), and the rest is read for the rows holding values: one request
      // more than the plain table. Reading it whole would load three arrays of 65,536 rows.
      expect(book.cellsLoaded).toBeLessThan(65536 * 10);
      expect(book.syncCount).toBe(plainSyncs + 1);
    }
  });

  test("a sheet the CLI marked as its own (SelfEval.Owner) or the add-in recorded is recognised", async () => {
    const { book, settings, port } = fakeHost(maxApi);
    book.addSheet("数据");
    setRows(book.sheet("数据"), [["x"]]);
    const byName = book.addSheet("评分结果");
    setRows(byName, [["绩效自评评分结果"]]);
    byName.names.set("SelfEval.Owner", { formula: '="results:0a1b2c3d"', visible: false });
    const bySetting = book.addSheet("自评表说明");
    setRows(bySetting, [["说明"]]);
    // An entry as written before names were recorded: its id alone tells (saved: a read
    // starts from what the document holds).
    settings.set(OWNER_RECORD_SETTING, { [bySetting.id]: "narrative:00ff00ff" });
    settings.saveAsync();
    const grid = await port.read();
    const owners = Object.fromEntries(grid.sheets.map((sheet) => [sheet.name, sheet.owner]));
    expect(owners["数据"]).toBeNull();
    // Worksheet-scoped names need ExcelApi 1.4: on 1.1 only the setting tells.
    expect(owners["评分结果"]).toEqual(
      maxApi === undefined ? { kind: "results", writtenFingerprint: "0a1b2c3d" } : null
    );
    expect(owners["自评表说明"]).toEqual({ kind: "narrative", writtenFingerprint: "00ff00ff" });
    expect(settings.get(MARK_RECORD_SETTING)).toBeNull();
  });

  test("reading 20 or 20,000 rows takes the same number of syncs, each under 5 MB", async () => {
    const counts: number[] = [];
    for (const rows of [20, 20000]) {
      const { book, port } = fakeHost(maxApi);
      seedLargeDepartmentTable(book, rows);
      const grid = await port.read();
      expect(grid.sheets[0].rowCount).toBe(rows + 4);
      counts.push(book.syncCount);
      expect(book.largestResponse).toBeLessThan(5 * 1024 * 1024);
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(4);
  });

  test("a used range too large for one request is read in several, never one per row", async () => {
    const { book, port } = fakeHost(maxApi);
    const sheet = book.addSheet("大表");
    const longText = "很长的一段说明文字".repeat(3);
    for (let row = 1; row <= 40000; row++) {
      for (let column = 1; column <= 6; column++) setCell(sheet, row, column, { value: longText });
    }
    const grid = await port.read();
    expect(grid.sheets[0].cell(40000, 6)?.value).toBe(longText);
    expect(book.syncCount).toBeGreaterThan(3);
    // 33 MB of text: about ten requests of the 5 MB allowed, after two refused as too large.
    expect(book.syncCount).toBeLessThan(40);
  });
});
