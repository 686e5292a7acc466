/**
 * Reading the workbook open in WPS 表格 gives the engine what reading the file gives it, and what
 * the Office.js adapter gives it: the same grid, scores and problems, on every shape of read.
 */
import { readFileSync } from "fs";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { readXlsxGrid } from "../../../src/workbook/xlsx/readXlsxGrid";
import { setCell, setRows } from "../../helpers/fakeExcel";
import {
  FIXTURES,
  fakeHost,
  fixturePath,
  seedFromXlsx,
  seedLargeDepartmentTable,
} from "../office/officeTestKit";
import { WPS_HOSTS, fakeWps, sortedDigest } from "./wpsTestKit";

describe.each(FIXTURES)("reading %s in WPS", (fixture) => {
  test.each(WPS_HOSTS)(
    "$label: the same grid, scores and problems as the file and Excel",
    async ({ options }) => {
      const { host, port } = fakeWps(options);
      await seedFromXlsx(host.book, fixturePath(fixture));
      const fromWps = await port.read();
      const fromFile = (await readXlsxGrid(readFileSync(fixturePath(fixture)))).grid;
      expect(sortedDigest(fromWps)).toEqual(sortedDigest(fromFile));
      const office = fakeHost();
      await seedFromXlsx(office.book, fixturePath(fixture));
      const fromExcel = await office.port.read();
      const wpsResult = scoreWorkbook(fromWps);
      const excelResult = scoreWorkbook(fromExcel);
      const fileResult = scoreWorkbook(fromFile);
      expect(wpsResult.forms.length).toBeGreaterThan(0);
      expect(wpsResult.report).toEqual(fileResult.report);
      expect(wpsResult.problems).toEqual(fileResult.problems);
      expect(wpsResult.report).toEqual(excelResult.report);
      expect(wpsResult.problems).toEqual(excelResult.problems);
    }
  );
});

describe.each(WPS_HOSTS)("reading in WPS ($label)", ({ options }) => {
  test("formulas, their results, error values, dates and text that only looks like an error", async () => {
    const { host, port } = fakeWps(options);
    const sheet = host.book.addSheet("表1");
    setRows(sheet, [["名称", "数值"]]);
    setCell(sheet, 2, 1, { value: "比率" });
    setCell(sheet, 2, 2, { value: 0.955, numberFormat: "0.00%" });
    setCell(sheet, 3, 2, { formula: "=1/0", value: "#DIV/0!", error: true });
    setCell(sheet, 4, 2, { value: "#N/A", error: true });
    setCell(sheet, 5, 2, { value: "#N/A" }); // typed as text
    setCell(sheet, 6, 2, { value: 45292, numberFormat: "yyyy-mm-dd" });
    setCell(sheet, 7, 2, { formula: "=B2*100", value: 95.5 });
    setCell(sheet, 8, 2, { value: true });
    const read = (await port.read()).sheets[0];
    expect(read.cell(2, 2)).toMatchObject({ value: 0.955, text: "95.50%", numberFormat: "0.00%" });
    expect(read.cell(3, 2)).toMatchObject({ value: { error: "#DIV/0!" }, formula: "1/0" });
    expect(read.cell(6, 2)).toMatchObject({ value: "2024-01-01" });
    expect(read.cell(7, 2)).toMatchObject({ value: 95.5, formula: "B2*100" });
    expect(read.cell(8, 2)).toMatchObject({ value: true });
    if (options.isError === false && options.errors === "text") {
      // Without ISERROR a constant that reads "#N/A" cannot be told from the text "#N/A": it is
      // read as text, which the engine flags as not a number rather than as an error value.
      expect(read.cell(4, 2)).toMatchObject({ value: "#N/A", formula: null });
    } else {
      expect(read.cell(4, 2)).toMatchObject({ value: { error: "#N/A" }, formula: null });
    }
    expect(read.cell(5, 2)).toMatchObject({ value: "#N/A", formula: null });
  });

  test("text typed with a leading apostrophe or into a text cell that starts with = is text", async () => {
    const { host, port } = fakeWps(options);
    const sheet = host.book.addSheet("表1");
    setRows(sheet, [["名称", "说明"]]);
    setCell(sheet, 2, 2, { value: "=SUM(A1)" });
    setCell(sheet, 3, 2, { value: "=按实际完成", numberFormat: "@" });
    setCell(sheet, 4, 2, { formula: "=A1", value: "名称" });
    const read = (await port.read()).sheets[0];
    expect(read.cell(2, 2)).toMatchObject({ value: "=SUM(A1)", formula: null });
    expect(read.cell(3, 2)).toMatchObject({ value: "=按实际完成", formula: null });
    expect(read.cell(4, 2)).toMatchObject({ value: "名称", formula: "A1" });
  });

  test("formatting carried down to row 65,536 costs no more calls than the plain table", async () => {
    const plain = fakeWps(options);
    await seedFromXlsx(plain.host.book, fixturePath("project-school-safety-2024"));
    plain.host.resetCalls();
    const expected = sortedDigest(await plain.port.read());
    const plainCalls = plain.host.calls;

    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, fixturePath("project-school-safety-2024"));
    const sheet = host.book.sheets[0];
    for (let row = 1; row <= 65536; row++)
      for (let column = 1; column <= 8; column++)
        if (!sheet.cells.has(row * 16384 + column))
          setCell(sheet, row, column, { numberFormat: "@", borders: ["EdgeTop"] });
    host.resetCalls();
    expect(sortedDigest(await port.read())).toEqual(expected);
    // The used range's formulas are read once, whole; everything else only up to the last row
    // and column holding something.
    expect(host.calls).toBe(plainCalls);
  });

  test("20 or 20,000 indicators take about as many calls: per column and merge, not per cell", async () => {
    const calls: number[] = [];
    for (const rows of [20, 20000]) {
      const { host, port } = fakeWps(options);
      seedLargeDepartmentTable(host.book, rows);
      host.resetCalls();
      const grid = await port.read();
      expect(grid.sheets[0].rowCount).toBe(rows + 4);
      calls.push(host.calls);
    }
    // Sparse columns (一级/二级指标 every few rows) cost a call per 255 characters of their
    // addresses; nothing costs a call per row.
    expect(calls[0]).toBeLessThan(300);
    expect(calls[1]).toBeLessThan(1000);
  });

  test("a sheet the tool wrote is known by its hidden sheet-scoped name", async () => {
    const { host, port } = fakeWps(options);
    setRows(host.book.addSheet("表1"), [["x"]]);
    const results = host.book.addSheet("评分结果");
    setRows(results, [["绩效自评评分结果"]]);
    results.names.set("SelfEval.Owner", { formula: '="results:1a2b3c4d"', visible: false });
    const grid = await port.read();
    expect(grid.sheets[1].owner).toEqual({ kind: "results", writtenFingerprint: "1a2b3c4d" });
    expect(grid.sheets[0].owner).toBeNull();
  });
});

test("outside a workbook the port says so in Chinese", async () => {
  const { host, port } = fakeWps();
  host.noWorkbook = true;
  await expect(port.read()).rejects.toMatchObject({
    code: "read-failed",
    message: expect.stringContaining("没有打开的工作簿"),
  });
});
