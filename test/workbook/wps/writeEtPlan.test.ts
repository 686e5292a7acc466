/**
 * Writing a scoring run back into the workbook open in WPS 表格: the same highlights, notes and
 * output sheets as the Office.js adapter writes into Excel, the same records — kept in the
 * workbook's custom properties, so that they outlive closing the file — and all-or-nothing
 * writes. Every assertion is on the fake workbook's state.
 */
import { MARK_FILL_COLOURS } from "../../../src/engine/output/outputStyles";
import type { OutputSheet, WritePlan } from "../../../src/engine/output/types";
import { scoreOpenWorkbook } from "../../../src/workbook/scoreOpenWorkbook";
import { WorkbookPortError } from "../../../src/workbook/port";
import { MARK_RECORD_SETTING } from "../../../src/workbook/office/fillRecord";
import { OWNER_RECORD_SETTING } from "../../../src/workbook/office/settingsOwners";
import { cellAt, setCell, setRows, type FakeSheetState } from "../../helpers/fakeExcel";
import {
  fakeHost,
  fixturePath,
  seedFromXlsx,
  seedLargeDepartmentTable,
} from "../office/officeTestKit";
import { WPS_HOSTS, fakeWps, storedSetting } from "./wpsTestKit";

const RED = "#" + MARK_FILL_COLOURS.error;
const YELLOW = "#" + MARK_FILL_COLOURS.warning;
const PROJECT = fixturePath("project-school-safety-2024");
const DEPARTMENT = fixturePath("department-education-2024");
const PROJECT_SHEET = "项目自评表";

function filledCells(sheet: FakeSheetState): Record<string, string | null> {
  const fills: Record<string, string | null> = {};
  sheet.cells.forEach((cell, k) => {
    if (cell.fill !== null) fills[String(k)] = cell.fill + (cell.pattern ? "/" + cell.pattern : "");
  });
  return fills;
}

function position(cell: string): { row: number; column: number } {
  return { row: Number(cell.replace(/\D/g, "")), column: cell.charCodeAt(0) - 64 };
}

function outputSheet(rows: OutputSheet["rows"], fingerprint = "00000001"): OutputSheet {
  return {
    owner: "results",
    preferredName: "评分结果",
    columnWidths: [20, 12],
    rows,
    printFitWidth: true,
    landscape: true,
    fingerprint,
  };
}

describe.each([PROJECT, DEPARTMENT])("%s: WPS writes what Excel writes", (fixture) => {
  test("the same marks, notes, sheets and cell values as the Office.js adapter", async () => {
    const wps = fakeWps();
    await seedFromXlsx(wps.host.book, fixture);
    const office = fakeHost();
    await seedFromXlsx(office.book, fixture);
    const fromWps = await scoreOpenWorkbook(wps.port);
    const fromExcel = await scoreOpenWorkbook(office.port);
    expect(fromWps.result.report).toEqual(fromExcel.result.report);
    expect(fromWps.written).toEqual(fromExcel.written);
    const wpsBook = wps.host.book;
    const excelBook = office.book;
    expect(wpsBook.sheets.map((s) => s.name)).toEqual(excelBook.sheets.map((s) => s.name));
    wpsBook.sheets.forEach((sheet, index) => {
      const other = excelBook.sheets[index];
      expect(filledCells(sheet)).toEqual(filledCells(other));
      expect(Array.from(sheet.notes.entries()).sort()).toEqual(
        Array.from(other.notes.entries()).sort()
      );
      const values = (state: FakeSheetState) =>
        Array.from(state.cells.entries())
          .filter(([, cell]) => cell.value !== null)
          .map(([k, cell]) => [
            k,
            cell.value,
            cell.formula,
            cell.numberFormat === "@" ? "text" : cell.numberFormat,
          ])
          .sort((a, b) => Number(a[0]) - Number(b[0]));
      expect(values(sheet)).toEqual(values(other));
      expect(sheet.merges.length).toBe(other.merges.length);
    });
  });
});

describe.each(WPS_HOSTS)("writing in WPS ($label)", ({ options }) => {
  test("marks the problem cells, writes the results and narrative sheets and owns them", async () => {
    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, PROJECT);
    const { result, written } = await scoreOpenWorkbook(port);
    const sheet = host.book.sheet(PROJECT_SHEET);
    expect(written!.marked).toBe(new Set(result.problems.map((problem) => problem.cell)).size);
    for (const problem of result.problems) {
      const fill = cellAt(sheet, problem.cell).fill;
      if (problem.severity === "error") expect(fill).toBe(RED);
      else expect([RED, YELLOW]).toContain(fill);
    }
    expect(host.book.sheets.map((s) => s.name)).toEqual([PROJECT_SHEET, "评分结果", "自评表说明"]);
    expect(written!.sheets).toEqual([
      { name: "评分结果", mode: "create" },
      { name: "自评表说明", mode: "create" },
    ]);
    expect(written!.notices).toEqual([]);
    const results = host.book.sheet("评分结果");
    expect(cellAt(results, "A1").value).toBe("绩效自评评分结果");
    expect(cellAt(results, "A1")).toMatchObject({ bold: true, fontSize: 14, horizontal: "Center" });
    // The CLI's ownership mark: a hidden name scoped to the sheet.
    const owners = storedSetting(host, OWNER_RECORD_SETTING) as Record<string, { mark: string }>;
    const mark = owners["评分结果"].mark;
    expect(mark).toMatch(/^results:[0-9a-f]{8}$/);
    expect(results.names.get("SelfEval.Owner")).toEqual({
      formula: '="' + mark + '"',
      visible: false,
    });
    expect(sheet.notes.get(result.problems[0].cell)).toContain(result.problems[0].message);
    expect(results.merges.length).toBeGreaterThan(0);
    // Widths in characters, as the file has them.
    expect(results.columnWidths.get(1)).toBeGreaterThan(5);
    expect(results.columnWidths.get(1)).toBeLessThan(100);
    expect(results.pageLayout).toMatchObject({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    expect(storedSetting(host, MARK_RECORD_SETTING)).not.toBeNull();
    expect(cellAt(sheet, "H19")).toMatchObject({ formula: "=SUM(H12:H18)+H6" });
    // The flags a write turns off are back.
    expect(host.screenUpdating).toBe(true);
    expect(host.displayAlerts).toBe(true);
    // No property holds more than Excel's 255 characters.
    host.properties.forEach((value) => expect(value.length).toBeLessThanOrEqual(255));
  });

  test("text that looks like a formula or a number is written as text", async () => {
    const { host, port } = fakeWps(options);
    setRows(host.book.addSheet("表1"), [["x"]]);
    const texts = ["=SUM(A1)", "+1", "-x", "@x", "001"];
    const plan: WritePlan = {
      marks: [],
      sheets: [
        {
          sheet: outputSheet(
            texts.map((text) => ({
              cells: [
                { text, style: "tableCell" },
                { number: 0.5, format: "0.00%" },
              ],
            }))
          ),
          name: "评分结果",
          mode: "create",
        },
      ],
    };
    await port.write(plan);
    const results = host.book.sheet("评分结果");
    texts.forEach((text, index) => {
      expect(cellAt(results, "A" + (index + 1))).toMatchObject({
        value: text,
        formula: null,
        error: false,
      });
      expect(cellAt(results, "B" + (index + 1))).toMatchObject({
        value: 0.5,
        numberFormat: "0.00%",
      });
    });
    expect(cellAt(results, "A1").borders).toEqual(expect.arrayContaining(["EdgeTop", "EdgeLeft"]));
  });

  test("a user's sheet named 评分结果 is never reused, even when it appears after scoring", async () => {
    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, PROJECT);
    setRows(host.book.addSheet("评分结果"), [["我的数据"]]);
    await scoreOpenWorkbook(port);
    expect(cellAt(host.book.sheet("评分结果"), "A1").value).toBe("我的数据");
    expect(cellAt(host.book.sheet("评分结果 (2)"), "A1").value).toBe("绩效自评评分结果");

    const late = fakeWps(options);
    await seedFromXlsx(late.host.book, PROJECT);
    const plan: WritePlan = {
      marks: [],
      sheets: [
        { sheet: outputSheet([{ cells: [{ text: "结果" }] }]), name: "评分结果", mode: "create" },
      ],
    };
    setRows(late.host.book.addSheet("评分结果"), [["后来建的"]]);
    const outcome = await late.port.write(plan);
    expect(outcome.sheets).toEqual([{ name: "评分结果 (2)", mode: "create" }]);
    expect(cellAt(late.host.book.sheet("评分结果"), "A1").value).toBe("后来建的");
  });

  test("re-scoring replaces the tool's sheets in place and does not stack marks", async () => {
    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, PROJECT);
    const sheet = host.book.sheet(PROJECT_SHEET);
    const before = filledCells(sheet);
    await scoreOpenWorkbook(port);
    const afterFirst = filledCells(sheet);
    const recordFirst = storedSetting(host, MARK_RECORD_SETTING);
    const resultsFirst = host.book.sheets[1];
    const second = await scoreOpenWorkbook(port);
    expect(second.written!.sheets).toEqual([
      { name: "评分结果", mode: "replace" },
      { name: "自评表说明", mode: "replace" },
    ]);
    expect(host.book.sheets.map((s) => s.name)).toEqual([PROJECT_SHEET, "评分结果", "自评表说明"]);
    expect(host.book.sheets[1]).not.toBe(resultsFirst);
    expect(filledCells(sheet)).toEqual(afterFirst);
    expect(storedSetting(host, MARK_RECORD_SETTING)).toEqual(recordFirst);
    expect(await port.clearMarks()).toBe(
      Object.keys(afterFirst).length - Object.keys(before).length
    );
    expect(filledCells(sheet)).toEqual(before);
  });

  test("清除标记 restores the original fills exactly — patterns and white included — and forgets the record", async () => {
    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, PROJECT);
    const sheet = host.book.sheet(PROJECT_SHEET);
    const { result } = await scoreOpenWorkbook(port, { readOnly: true });
    const [a, b, c] = Array.from(new Set(result.problems.map((problem) => problem.cell)));
    setCell(sheet, position(a).row, position(a).column, { fill: "#00B050" });
    setCell(sheet, position(b).row, position(b).column, { fill: "#FFFFFF" });
    setCell(sheet, position(c).row, position(c).column, {
      fill: "#FFFF00",
      pattern: "LightDown",
      patternColor: "#0070C0",
    });
    const before = host.book.snapshot();
    const written = await scoreOpenWorkbook(port);
    expect(cellAt(sheet, a).fill).not.toBe("#00B050");
    expect(cellAt(sheet, c).pattern).toBeUndefined();
    expect(await port.clearMarks()).toBe(written.written!.marked);
    expect(sheet.notes.size).toBe(0);
    expect(cellAt(sheet, b).fill).toBe("#FFFFFF");
    expect(cellAt(sheet, c)).toMatchObject({
      fill: "#FFFF00",
      pattern: "LightDown",
      patternColor: "#0070C0",
    });
    expect((host.book.snapshot() as unknown[])[0]).toEqual((before as unknown[])[0]);
    expect(storedSetting(host, MARK_RECORD_SETTING)).toBeNull();
    expect(
      Array.from(host.properties.keys()).filter((name) => name.indexOf("SelfEval.Marks") === 0)
    ).toEqual([]);
    expect(await port.clearMarks()).toBe(0);
  });

  test("saved, closed and opened again: 清除标记 still finds the marks", async () => {
    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, PROJECT);
    const sheet = host.book.sheet(PROJECT_SHEET);
    const before = filledCells(sheet);
    const { written } = await scoreOpenWorkbook(port);
    host.reopen();
    const { WpsWorkbookPort } = await import("../../../src/workbook/wps/wpsWorkbookPort");
    const reopened = new WpsWorkbookPort(() => host.application);
    expect(await reopened.clearMarks()).toBe(written!.marked);
    expect(filledCells(sheet)).toEqual(before);
    // And re-scoring after reopening replaces the tool's own sheets, known by their names.
    const again = await scoreOpenWorkbook(reopened);
    expect(again.written!.sheets.map((s) => s.mode)).toEqual(["replace", "replace"]);
  });

  test("a cell the user repainted after marking keeps the user's fill when marks are cleared", async () => {
    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, PROJECT);
    const { result } = await scoreOpenWorkbook(port);
    const cell = result.problems[0].cell;
    const sheet = host.book.sheet(PROJECT_SHEET);
    setCell(sheet, position(cell).row, position(cell).column, { fill: "#0070C0" });
    await port.clearMarks();
    expect(cellAt(sheet, cell).fill).toBe("#0070C0");
  });

  test("notes the user wrote are kept, the tool's own are replaced on re-scoring", async () => {
    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, PROJECT);
    const { result } = await scoreOpenWorkbook(port, { readOnly: true });
    const [userCell, ownCell] = Array.from(new Set(result.problems.map((problem) => problem.cell)));
    const sheet = host.book.sheet(PROJECT_SHEET);
    sheet.notes.set(userCell, "用户自己的批注");
    await scoreOpenWorkbook(port);
    const ownNote = sheet.notes.get(ownCell);
    expect(sheet.notes.get(userCell)).toBe("用户自己的批注");
    await scoreOpenWorkbook(port);
    expect(sheet.notes.get(ownCell)).toBe(ownNote);
    await port.clearMarks();
    expect(Array.from(sheet.notes.entries())).toEqual([[userCell, "用户自己的批注"]]);
  });

  test("a protected sheet leaves the workbook untouched, and says where to lift it", async () => {
    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, PROJECT);
    host.book.sheet(PROJECT_SHEET).protected = true;
    const before = host.book.snapshot();
    const error = await scoreOpenWorkbook(port).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkbookPortError);
    expect((error as WorkbookPortError).code).toBe("sheet-protected");
    expect((error as WorkbookPortError).message).toContain("“" + PROJECT_SHEET + "”");
    expect((error as WorkbookPortError).message).toContain("审阅 › 撤销工作表保护");
    expect(host.book.snapshot()).toEqual(before);
    expect(host.properties.size).toBe(0);
  });

  test("a protected workbook structure stops the write before any mark", async () => {
    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, PROJECT);
    host.book.structureProtected = true;
    const before = host.book.snapshot();
    const error = (await scoreOpenWorkbook(port).catch(
      (caught: unknown) => caught
    )) as WorkbookPortError;
    expect(error.code).toBe("sheet-protected");
    expect(error.message).toContain("审阅 › 保护工作簿");
    expect(host.book.snapshot()).toEqual(before);
  });

  test.each([
    ["the narrative sheet's values", "Range.Value2", 2],
    ["the second sheet added", "Worksheets.Add", 2],
    ["a fill of the output sheet", "Interior.Color", 3],
    ["a note on the user's sheet", "Range.AddComment", 3],
    ["the ownership name", "Names.Add", 1],
  ])("a failure at %s leaves the workbook exactly as it was", async (_label, operation, count) => {
    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, PROJECT);
    const before = host.book.snapshot();
    host.book.failWhen = (name, n) => name === operation && n === count;
    const error = await scoreOpenWorkbook(port).catch((caught: unknown) => caught);
    expect((error as WorkbookPortError).code).toBe("write-failed");
    expect((error as WorkbookPortError).message).toMatch(/已撤销本次写入，工作簿保持原样/);
    expect(host.book.snapshot()).toEqual(before);
    expect(host.properties.size).toBe(0);
    expect(host.displayAlerts).toBe(true);
  });

  test("a failure while replacing the earlier sheets brings them back", async () => {
    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, PROJECT);
    await scoreOpenWorkbook(port);
    const before = host.book.snapshot();
    const properties = JSON.stringify(Array.from(host.properties.entries()));
    // Renames: new results to its temporary name, old aside, new in; the narrative's: the fourth
    // is its temporary name, the fifth sets the old narrative aside — which fails.
    host.book.failWhen = (name, n) => name === "Worksheet.Name" && n === 5;
    const error = await scoreOpenWorkbook(port).catch((caught: unknown) => caught);
    expect((error as WorkbookPortError).code).toBe("write-failed");
    expect(host.book.snapshot()).toEqual(before);
    expect(JSON.stringify(Array.from(host.properties.entries()))).toBe(properties);
  });

  test("when WPS refuses to delete a replaced sheet, the new ones stand and the old is kept aside", async () => {
    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, PROJECT);
    await scoreOpenWorkbook(port);
    host.book.failWhen = (name) => name === "Worksheet.Delete";
    const { written } = await scoreOpenWorkbook(port);
    expect(host.book.sheets.map((s) => s.name)).toEqual([
      PROJECT_SHEET,
      "评分结果",
      "SelfEval 旧表",
      "自评表说明",
      "SelfEval 旧表 (2)",
    ]);
    expect(written!.notices).toContain(
      "旧的评分表未能删除，已保留为工作表“SelfEval 旧表”，确认新表无误后可手动删除。"
    );
  });

  test("a print setting WPS refuses does not undo the results", async () => {
    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, PROJECT);
    host.book.failWhen = (name) => name === "PageSetup.PaperSize";
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const { written } = await scoreOpenWorkbook(port);
    warn.mockRestore();
    expect(written!.sheets.map((s) => s.name)).toEqual(["评分结果", "自评表说明"]);
    expect(cellAt(host.book.sheet("评分结果"), "A1").value).toBe("绩效自评评分结果");
  });

  test("select() activates the sheet and selects the cell; a missing sheet is named", async () => {
    const { host, port } = fakeWps(options);
    await seedFromXlsx(host.book, PROJECT);
    await port.select(PROJECT_SHEET, "F14");
    expect(host.book.activeSheetId).toBe(host.book.sheet(PROJECT_SHEET).id);
    expect(host.book.selection).toBe("'" + PROJECT_SHEET + "'!F14");
    await expect(port.select("不存在", "A1")).rejects.toMatchObject({
      code: "sheet-missing",
      message: expect.stringContaining("“不存在”"),
    });
  });
});

test("writing the marks of 20 or 20,000 indicators costs calls per colour and address list, not per cell", async () => {
  const calls: number[] = [];
  for (const rows of [200, 20000]) {
    const { host, port } = fakeWps();
    seedLargeDepartmentTable(host.book, rows);
    const grid = await port.read();
    const { scoreWorkbook } = await import("../../../src/engine/scoreWorkbook");
    const { buildWritePlan } = await import("../../../src/engine/output/buildWritePlan");
    const plan = buildWritePlan(scoreWorkbook(grid), grid);
    host.resetCalls();
    const outcome = await port.write(plan);
    expect(outcome.marked).toBeGreaterThan(rows / 20);
    calls.push(host.calls / outcome.marked);
  }
  // Notes are one AddComment per cell (ET has no bulk note call): a few calls per marked cell,
  // whatever the size, and fills cost far less than one call per cell.
  expect(calls[1]).toBeLessThan(12);
});
